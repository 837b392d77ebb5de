// The demo shop as `npm start` serves it (reference server on a fresh embedded database, the demo
// routes, the example page and the built CDN files), on a free loopback port, for e2e tests.
import { fileURLToPath } from 'node:url';
import { createPgliteDb, seedDemo, startServer } from '@kith/server';
import { demoRoutes } from '../src/demo-routes.mjs';

const root = fileURLToPath(new URL('../../../', import.meta.url));

/**
 * Starts it; `close()` stops the server and the database. `mounts` adds static folders (test
 * fixtures); other options go to `startServer` (a faster scheduler, say).
 */
/** @param {{ mounts?: Record<string, string> } & Record<string, unknown>} [options] */
export async function startDemo({ mounts = {}, ...options } = {}) {
  const db = await createPgliteDb();
  let shop;
  const running = await startServer({
    db,
    port: 0,
    hostname: '127.0.0.1',
    ...options,
    extend: demoRoutes({ secretKey: () => shop?.secretKey }),
    // /cdn/ is the server's own (cdn.ts), as `kith-server serve` serves it.
    staticMounts: { '/': `${root}examples/script-tag`, ...mounts },
  });
  ({ shop } = await seedDemo(db));
  return {
    url: `http://127.0.0.1:${running.port}`,
    shop,
    db,
    close: async () => {
      await running.close();
      await db.close();
    },
  };
}
