// The probes' host: the reference server with the demo shop (embedded database), a plain host page
// with every widget (probe/page.html, under the demo's strict CSP with Trusted Types), and backends
// that fail on purpose: `/probe-api/<mode>/v1/…` answers 500, malformed JSON, never, or drops the
// connection; `/probe-cdn/` is the CDN with one widget's chunk missing. Page switches: `signed=1`
// signs in `probe-shopper` (or the shopper named by `&customer=`), `analytics=ga4` adds the GA4
// sink, `life=1` loads the loader twice and probe/life.js (removes and re-adds every widget).
import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { createPgliteDb, seedDemo, signCustomerToken, startServer } from '@kith/server';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const cdn = `${root}packages/embed/dist/cdn/`;

/** The failure modes of the probes' backend. */
export const FAILURES = ['refused', 'http-500', 'timeout', 'malformed-json', 'chunk-404'];
/** The widget whose chunk `chunk-404` withholds. */
export const MISSING_CHUNK = 'group-buy';
/** Lazy chunks `chunk-404` withholds too: reviews' votes and dialog, the share menu. */
export const MISSING_LAZY = ['interactions', 'share-menu'];

/**
 * `writeLimit`: writes per minute and client (the server's default is 120; the SPA-life probe's own admin driver pushes viewer counts five times a second).
 * @param {{ writeLimit?: number }} [options]
 */
export async function startProbeServer({ writeLimit } = {}) {
  const db = await createPgliteDb();
  let shop;
  const customerToken = (customerId) => signCustomerToken(shop.secretKey, customerId, { ttlSeconds: 3600 });
  const timers = new Set();
  const running = await startServer({
    db,
    port: 0,
    hostname: '127.0.0.1',
    schedulerIntervalMs: false,
    writeLimit,
    extend: (app) => {
      app.get('/probe/page', async (c) => {
        let html = await readFile(`${root}packages/tools/probe/page.html`, 'utf8');
        const api = c.req.query('api');
        if (api && api !== 'chunk-404')
          html = html.replace('data-adapter="rest"', `data-adapter="rest" data-endpoint="/probe-api/${api}/v1"`);
        if (api === 'chunk-404') html = html.replace('src="/cdn/kith.js"', 'src="/probe-cdn/kith.js"');
        if (c.req.query('signed') === '1')
          html = html.replace(
            'data-adapter="rest"',
            `data-adapter="rest" data-customer-token="${await customerToken(c.req.query('customer') || 'probe-shopper')}"`,
          );
        if (c.req.query('analytics') === 'ga4')
          html = html.replace('data-adapter="rest"', 'data-adapter="rest" data-analytics="ga4"');
        if (c.req.query('life') === '1') {
          // A second copy of the loader from another URL (another module instance), as when a plugin
          // and a theme both add Kith; then the SPA host script.
          html = html.replace(
            /<script type="module" src="\/cdn\/kith\.js"[^>]*><\/script>/,
            (tag) => `${tag}\n    ${tag.replace('/cdn/kith.js', '/cdn/kith.js?copy=2')}`,
          );
          html = html.replace(
            '<script type="module" src="/probe/host.js"></script>',
            '$&\n    <script type="module" src="/probe/life.js"></script>',
          );
        }
        return c.html(html);
      });
      for (const file of ['host.js', 'life.js', 'page.css']) {
        app.get(`/probe/${file}`, async (c) =>
          c.body(await readFile(`${root}packages/tools/probe/${file}`, 'utf8'), 200, {
            'content-type': file.endsWith('.js') ? 'text/javascript' : 'text/css',
          }),
        );
      }
      // An event stream that ends at once and asks to be retried in a minute: a leaked EventSource
      // (life.js's ?break=leak) that stays open without holding one of the browser's 6 connections.
      app.get('/probe/leaky-stream', (c) => c.body('retry: 60000\n\n', 200, { 'content-type': 'text/event-stream' }));
      app.all('/probe-api/refused/*', (c) => {
        /** @type {{ incoming: import('node:http').IncomingMessage }} */ (c.env).incoming.socket.destroy();
        return new Promise(() => {});
      });
      app.all('/probe-api/http-500/*', (c) => c.json({ error: { code: 'internal', message: 'Down on purpose' } }, 500));
      app.all('/probe-api/malformed-json/*', (c) => c.body('{"items": [', 200, { 'content-type': 'application/json' }));
      // Answers after 20 s, well past the widgets' own timeouts; the probe is over by then.
      app.all(
        '/probe-api/timeout/*',
        () =>
          new Promise(
            /** @param {(r: Response) => void} resolve */ (resolve) => {
              const t = setTimeout(() => resolve(new Response('late', { status: 504 })), 20_000);
              timers.add(t);
            },
          ),
      );
      app.get('/probe-cdn/*', async (c) => {
        const path = c.req.path.slice('/probe-cdn/'.length);
        if (path.includes('..')) return c.body(null, 400);
        if (new RegExp(`^chunks/(${[MISSING_CHUNK, ...MISSING_LAZY].join('|')})-[\\w-]{8}\\.js$`).test(path))
          return c.body('gone', 404);
        try {
          return c.body(await readFile(`${cdn}${path}`), 200, {
            'content-type': path.endsWith('.map') ? 'application/json' : 'text/javascript',
          });
        } catch {
          return c.body('not found', 404);
        }
      });
    },
    staticMounts: { '/cdn/': cdn },
  });
  ({ shop } = await seedDemo(db));
  await readdir(cdn); // fails early if the CDN files were not built
  return {
    url: `http://127.0.0.1:${running.port}`,
    // For probes that set up data first (points to spend, a referral code): the shop and its database.
    shop,
    db,
    /** A customer token for `customerId`, for probes that call the API as a shopper. */
    customerToken,
    close: async () => {
      for (const t of timers) clearTimeout(t);
      await running.close();
      await db.close();
    },
  };
}
