// @ts-check
// The reference server serves the script-tag build at /cdn/ with its integrity manifest: a shop's
// page on another origin loads the loader from the merchant's own Kith server, pinned with the
// published SRI hash, and the widgets render; a hash that does not match blocks it. Versioned and
// hashed files are cached for a year, stable names briefly, and any origin may load them.
// Run after `npm run build`.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import { after, before, describe, it } from 'node:test';
import { startDemo } from './demo-server.mjs';
import { openPage } from '../src/shoot.mjs';

/** @type {Awaited<ReturnType<typeof startDemo>>} */
let api;
/** @type {import('node:http').Server | undefined} */
let site;
/** @type {{ version: string, files: Record<string, string> }} */
let manifest;
let pageOrigin = '';
/** The tag the page gets: `?integrity=` (default: the published hash of the loader). */
let integrity = '';

before(async () => {
  api = await startDemo();
  manifest = await (await fetch(`${api.url}/cdn/integrity.json`)).json();
  site = createServer((req, res) => {
    const loader = `${api.url}/cdn/kith-${manifest.version}.js`;
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>SRI</title><link rel="icon" href="data:,">
<script type="module" src="${loader}" integrity="${integrity}" crossorigin="anonymous"
  data-adapter="rest" data-endpoint="${api.url}/v1" data-key="pk_demo_shop" data-shop="demo-shop"></script>
</head><body><kith-rating product="p1"></kith-rating></body></html>`);
  });
  await new Promise((resolve) => site?.listen(0, '127.0.0.1', () => resolve(undefined)));
  pageOrigin = `http://127.0.0.1:${/** @type {import('node:net').AddressInfo} */ (site.address()).port}`;
  await api.db.query('UPDATE shops SET allowed_origins = $2 WHERE id = $1', [api.shop.id, [pageOrigin]]);
});
after(async () => {
  site?.close();
  await api?.close();
});

describe('/cdn/ on the reference server', () => {
  it('publishes an SRI hash for every file, and serves bytes that match it', async () => {
    const names = Object.keys(manifest.files);
    assert.ok(names.includes(`kith-${manifest.version}.js`) && names.includes('kith.css'), names.join(' '));
    assert.ok(names.some((n) => n.startsWith('chunks/runtime-')));
    for (const name of names) {
      const bytes = Buffer.from(await (await fetch(`${api.url}/cdn/${name}`)).arrayBuffer());
      assert.equal(`sha384-${createHash('sha384').update(bytes).digest('base64')}`, manifest.files[name], name);
    }
  });

  it('caches versioned and hashed files for a year, stable names briefly; any origin, no Vary', async () => {
    const runtime = Object.keys(manifest.files).find((n) => n.startsWith('chunks/runtime-'));
    const headers = async (path) =>
      (await fetch(`${api.url}/cdn/${path}`, { headers: { origin: pageOrigin } })).headers;
    for (const path of [`kith-${manifest.version}.js`, runtime]) {
      const h = await headers(path);
      assert.equal(h.get('cache-control'), 'public, max-age=31536000, immutable', path);
      assert.equal(h.get('access-control-allow-origin'), '*', path);
      assert.equal(h.get('vary'), null, path);
      assert.match(h.get('content-type') ?? '', /^text\/javascript/);
    }
    for (const path of ['kith.js', 'kith.css', 'integrity.json'])
      assert.equal((await headers(path)).get('cache-control'), 'public, max-age=300', path);
    // Outside the folder, malformed encodings, directories: a 404 a page can read, never a 500.
    for (const path of ['nope.js', '..%2F..%2Fpackage.json', '%E0%A4%A', '%ff.js', 'kith.js%00.js', 'chunks/']) {
      const res = await fetch(`${api.url}/cdn/${path}`);
      assert.equal(res.status, 404, path);
      assert.equal(res.headers.get('access-control-allow-origin'), '*', path);
    }
    // A path that walks out of chunks/ and back is not cached as a hashed chunk.
    const around = await fetch(`${api.url}/cdn/chunks/..%2Fkith.js`);
    assert.notEqual(around.headers.get('cache-control'), 'public, max-age=31536000, immutable');
  });

  it('a page on another origin loads the loader pinned with its published hash, and the widget renders', async () => {
    integrity = manifest.files[`kith-${manifest.version}.js`] ?? '';
    const { browser, page, problems } = await openPage(`${pageOrigin}/`);
    try {
      await page.waitForFunction(() => document.querySelector('kith-rating')?.getAttribute('state') === 'ready');
      const text = await page.evaluate(() => document.querySelector('kith-rating')?.shadowRoot?.textContent ?? '');
      assert.match(text, /\d/, 'the rating shows its figures');
      assert.deepEqual(problems, []);
    } finally {
      await browser.close();
    }
  });

  it('a hash that does not match blocks the loader: no widget is defined', async () => {
    integrity = manifest.files['kith.css'] ?? '';
    const { browser, page, problems } = await openPage(`${pageOrigin}/`);
    try {
      // The browser reports the refused script on the console; wait for that, not for a time.
      for (let i = 0; i < 100 && !problems.some((p) => /integrity/i.test(p)); i++) await page.waitForTimeout(50);
      assert.ok(
        problems.some((p) => /integrity/i.test(p)),
        problems.join('\n'),
      );
      assert.equal(await page.evaluate(() => !!customElements.get('kith-rating')), false);
    } finally {
      await browser.close();
    }
  });
});
