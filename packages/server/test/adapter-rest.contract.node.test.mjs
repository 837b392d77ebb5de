// The shared adapter contract, run with @kith/adapter-rest against this real server (PGlite, or
// PostgreSQL when KITH_DATABASE_URL is set), over HTTP and Server-Sent Events.
import { after, before, describe, it } from 'node:test';
import { EventSource } from 'eventsource';
import { runAdapterContract } from '@kith/core/testing';
import { createRestAdapter } from '@kith/adapter-rest';
import { startServer } from '@kith/server';
import { createTestDb, ENGINE, newShop, showInput } from './helpers.mjs';

let db;
let running;
let base;
before(async () => {
  db = await createTestDb();
  running = await startServer({ db, port: 0, hostname: '127.0.0.1' });
  base = `http://127.0.0.1:${running.port}/v1`;
});
after(async () => {
  await running.close();
  await db.close();
});

async function admin(shop, path, body) {
  const res = await fetch(`${base}/admin/live/shows${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${shop.secretKey}`, 'content-type': 'application/json', 'idempotency-key': `c-${Math.random()}` },
    body: JSON.stringify(body ?? {}),
  });
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return res.json();
}

runAdapterContract(`rest against @kith/server (${ENGINE})`, async () => {
  const shop = await newShop(db);
  await admin(shop, '', showInput({ id: 'show-1', productIds: ['p-with'] }));
  const adapter = createRestAdapter({ baseUrl: base, publishableKey: shop.publishableKey, EventSource, pauseWhenHidden: false });
  return {
    adapter,
    fixtures: { scheduledShowId: 'show-1', productWithShow: 'p-with', productWithoutShow: 'p-without' },
    control: {
      startShow: (id) => admin(shop, `/${id}/start`, { viewerCount: 1 }),
      setViewers: (id, viewerCount) => fetch(`${base}/admin/live/shows/${id}/viewers`, {
        method: 'PUT', headers: { authorization: `Bearer ${shop.secretKey}`, 'content-type': 'application/json' }, body: JSON.stringify({ viewerCount }),
      }),
      endShow: (id) => admin(shop, `/${id}/end`),
    },
  };
}, { describe, it });
