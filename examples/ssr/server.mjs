// A merchant's own product page, rendered in Node: the rating and the reviews come with their data
// in the HTML (Declarative Shadow DOM, so search engines and assistants read the reviews), with the
// product's JSON-LD, and hydrate in the browser without moving. Run `npm run build` at the root,
// `npm run build -w examples/ssr`, start a Kith server (`npm start`), then
// `KITH_API=http://localhost:8787/v1 KITH_KEY=pk_demo_shop node examples/ssr/server.mjs`.
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname } from 'node:path';
import { createRestAdapter } from '@kith/adapter-rest';
import { renderWidget } from '@kith/widgets/ssr';

const DIST = new URL('./dist/', import.meta.url);
const TYPES = { '.js': 'text/javascript; charset=utf-8', '.map': 'application/json' };
const escape = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');

/** What the page's requests to the API carry through the proxy, and what comes back. */
const ASKED = ['accept', 'authorization', 'content-type', 'idempotency-key', 'last-event-id', 'x-kith-customer'];
const ANSWERED = ['cache-control', 'content-type', 'etag', 'request-id', 'retry-after', 'vary'];

/**
 * Passes the page's API calls (`/kith/v1/…`) to the Kith server, so the browser talks to the page's
 * own origin (as behind a merchant's reverse proxy): no cross-origin key to allow, and a CSP whose
 * `connect-src` is `'self'`. Bodies and event streams go through as streams.
 */
async function proxy(req, res, api, path) {
  const url = new URL(`${api.replace(/\/+$/, '')}${path.slice('/kith/v1'.length)}`);
  url.search = new URL(req.url ?? '/', 'http://x').search;
  const headers = Object.fromEntries(ASKED.flatMap((h) => (req.headers[h] ? [[h, String(req.headers[h])]] : [])));
  // The shopper's address, for the server's per-address limits: it trusts it with KITH_TRUST_PROXY=1.
  headers['x-forwarded-for'] = req.socket.remoteAddress ?? '';
  const body = req.method === 'GET' || req.method === 'HEAD' ? undefined : req;
  // A streamed request body needs `duplex: 'half'` (Node's fetch), which the DOM types don't know.
  /** @type {RequestInit & { duplex: 'half' }} */
  const init = { method: req.method, headers, body, duplex: 'half', signal: abortOnClose(res) };
  const answer = await fetch(url, init);
  res.writeHead(
    answer.status,
    Object.fromEntries(ANSWERED.flatMap((h) => (answer.headers.has(h) ? [[h, answer.headers.get(h)]] : []))),
  );
  if (!answer.body) return res.end();
  for await (const chunk of answer.body) res.write(chunk);
  res.end();
}
const abortOnClose = (res) => {
  const stop = new AbortController();
  res.on('close', () => stop.abort());
  return stop.signal;
};

/**
 * The product page server. `api` is the Kith API root (`https://kith.example.com/v1`), `key` the
 * shop's publishable key. The page renders through `api` and the browser reaches it at `/kith/v1`.
 */
export function createSsrServer({ api, key, product = { id: 'p1', name: 'Everyday tote' } }) {
  const adapter = createRestAdapter({ baseUrl: api, publishableKey: key });
  const facts = { name: product.name };
  async function page() {
    const [rating, reviews] = await Promise.all([
      renderWidget('kith-rating', { product: product.id }, adapter),
      renderWidget('kith-reviews', { product: product.id }, adapter, { product: facts }),
    ]);
    const styles = [...new Set([...rating.styleHashes, ...reviews.styleHashes])].join(' ');
    // Strict: scripts from here only, styles from here and the widgets' own (by hash), Lit's
    // Trusted Types policy, the API through the proxy here, and review photos from the API.
    const csp = [
      "default-src 'none'",
      "script-src 'self'",
      `style-src 'self' ${styles}`,
      `img-src 'self' data: ${new URL(api).origin}`,
      "connect-src 'self'",
      "base-uri 'none'",
      "form-action 'none'",
      "frame-ancestors 'none'",
      "require-trusted-types-for 'script'",
      'trusted-types lit-html',
    ].join('; ');
    const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="kith-api" data-endpoint="/kith/v1" data-key="${escape(key)}">
<title>${escape(product.name)}</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/page.css">
<script type="module" src="/client.js"></script>
</head>
<body>
<main>
<h1>${escape(product.name)}</h1>
${rating.html}
<p>Waxed canvas, leather straps, a laptop sleeve and two inside pockets.</p>
${reviews.html}
</main>
</body>
</html>`;
    return { html, csp };
  }
  return createServer(async (req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    try {
      if (path.startsWith('/kith/v1/')) return await proxy(req, res, api, path);
      if (path === '/') {
        const { html, csp } = await page();
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': csp });
        return res.end(html);
      }
      if (path === '/page.css') {
        res.writeHead(200, { 'content-type': 'text/css' });
        return res.end(
          'body{font:16px/1.5 system-ui,sans-serif;margin:0 auto;max-width:46rem;padding:1rem}kith-reviews{--list-max-block-size:60rem}',
        );
      }
      if (/^\/(client\.js|chunks\/[\w.-]+\.js)(\.map)?$/.test(path)) {
        const body = await readFile(new URL(`.${path}`, DIST));
        res.writeHead(200, { 'content-type': TYPES[extname(path)] });
        return res.end(body);
      }
      res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
    } catch (e) {
      if (res.headersSent) return res.destroy();
      const missing = e?.code === 'ENOENT';
      res.writeHead(missing ? 404 : 500, { 'content-type': 'text/plain' }).end(missing ? 'Not found' : 'Server error');
    }
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const api = process.env.KITH_API ?? 'http://localhost:8787/v1';
  const port = Number(process.env.PORT ?? 8790);
  createSsrServer({ api, key: process.env.KITH_KEY ?? 'pk_demo_shop' }).listen(port, () =>
    console.log(`Product page on http://localhost:${port}/ (API ${api})`),
  );
}
