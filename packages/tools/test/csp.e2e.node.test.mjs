// @ts-check
// The CSP page's headers, applied as written: the copy-paste header for a shop that loads Kith
// from a CDN (loader, chunks and kith.css on one origin; API, live streams and review photos on
// another; the page on a third), and the demo's same-origin policy. A page with every widget,
// signed in, in headless Chromium, must render them all with data and report no violation.
// Run after `npm run build`.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { DEMO_CSP, signCustomerToken } from '@kith/server';
import { startDemo } from './demo-server.mjs';
import { createStaticServer } from '../src/serve.mjs';
import { openPage } from '../src/shoot.mjs';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const CDN_DIR = join(ROOT, 'packages/embed/dist/cdn');
const doc = readFileSync(join(ROOT, 'docs/csp.md'), 'utf8');
/** The copy-paste header, as the page writes it. */
const CDN_HEADER = /^Content-Security-Policy: (.+)$/m.exec(doc)?.[1] ?? '';
/** The demo's policy, as the page lists it, one directive a line. */
const DEMO_POLICY = /## The policy the demo uses[\s\S]*?```\n([\s\S]*?)```/.exec(doc)?.[1] ?? '';

/** @type {Awaited<ReturnType<typeof startDemo>>} */
let api;
/** @type {import('node:http').Server[]} */
const servers = [];
/** @param {(req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => void} handler */
const serve = (handler) => listen(createServer(handler));
/**
 * Starts `server` on a free loopback port; resolves its origin.
 * @param {import('node:http').Server} server
 */
async function listen(server) {
  servers.push(server);
  await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
  const address = /** @type {import('node:net').AddressInfo} */ (server.address());
  return `http://127.0.0.1:${address.port}`;
}
before(async () => (api = await startDemo()));
after(async () => {
  for (const s of servers) s.close();
  await api?.close();
});

/** A CDN: the built files, with the CORS header module scripts need. */
const cdn = () => {
  const server = createStaticServer({ mounts: { '/': CDN_DIR }, headers: { 'access-control-allow-origin': '*' } });
  return listen(server);
};

/** A product page with every widget, signed in, whose Kith code comes from `cdnUrl` and talks to `apiUrl`. */
const productPage = (cdnUrl, apiUrl, token) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>CSP</title><link rel="icon" href="data:,">
<link rel="stylesheet" href="${cdnUrl}/kith.css">
<script type="module" src="${cdnUrl}/kith.js" data-adapter="rest" data-endpoint="${apiUrl}/v1"
  data-key="pk_demo_shop" data-shop="demo-shop" data-customer-token="${token}"></script>
</head><body>
<kith-referral-offer></kith-referral-offer>
<kith-live-badge show="show-2"></kith-live-badge>
<kith-rating product="p1"></kith-rating>
<kith-points-earn product="p1" price="59.00"></kith-points-earn>
<kith-share-button product="p1"></kith-share-button>
<kith-group-buy product="p1"></kith-group-buy>
<kith-points></kith-points>
<kith-reviews product="p1"></kith-reviews>
</body></html>`;

/** Opens `url`, waits for every widget to leave loading, and returns violations, states and photos. */
async function visit(url) {
  const { browser, page, problems } = await openPage('about:blank');
  try {
    await page.addInitScript(() => {
      const seen = /** @type {string[]} */ (/** @type {any} */ (window).__violations = []);
      document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
    await page.goto(url);
    await page.waitForFunction(() =>
      [...document.querySelectorAll('*')]
        .filter((el) => el.localName.startsWith('kith-') && el.localName !== 'kith-referral-offer')
        .every((el) => el.getAttribute('state') && el.getAttribute('state') !== 'loading'),
    );
    // Photos in the reviews list load lazily: bring them into view and wait for them.
    await page.locator('kith-reviews').scrollIntoViewIfNeeded();
    await page
      .waitForFunction(
        () => {
          const imgs = [...(document.querySelector('kith-reviews')?.shadowRoot?.querySelectorAll('img') ?? [])];
          return imgs.length > 0 && imgs.every((i) => i.complete);
        },
        undefined,
        { timeout: 10_000 },
      )
      .catch(() => {});
    const seen = await page.evaluate(() => ({
      violations: /** @type {string[]} */ (/** @type {any} */ (window).__violations),
      states: [...document.querySelectorAll('*')]
        .filter((el) => el.localName.startsWith('kith-'))
        .map((el) => `${el.localName}=${el.getAttribute('state')}`),
      photos: [...(document.querySelector('kith-reviews')?.shadowRoot?.querySelectorAll('img') ?? [])].map(
        (i) => i.naturalWidth,
      ),
      sheets: [...document.styleSheets].map((s) => s.href).filter(Boolean),
    }));
    return { ...seen, problems };
  } finally {
    await browser.close();
  }
}

describe('docs/csp.md, applied', () => {
  it('the demo policy the page lists is the one the server sends', () => {
    assert.equal(DEMO_POLICY.trim().split(/;?\n/).join('; ').replace(/;$/, ''), DEMO_CSP);
  });

  it('the header for a shop that loads Kith from a CDN: every widget renders, photos load, no violation', async () => {
    const cdnUrl = await cdn();
    const token = await signCustomerToken(api.shop.secretKey, 'csp-shopper');
    const pageUrl = await serve((req, res) => {
      const header = CDN_HEADER.replaceAll('https://cdn.example.com', cdnUrl).replaceAll(
        'https://api.example.com',
        api.url,
      );
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': header });
      res.end(productPage(cdnUrl, api.url, token));
    });
    // The shop allows its own site's origin, as a merchant sets it up.
    await api.db.query('UPDATE shops SET allowed_origins = $2 WHERE id = $1', [api.shop.id, [pageUrl]]);
    assert.ok(new Set([new URL(cdnUrl).origin, new URL(api.url).origin, new URL(pageUrl).origin]).size === 3);
    const seen = await visit(`${pageUrl}/`);
    assert.deepEqual(seen.violations, []);
    assert.ok(!seen.states.some((s) => /=(error|loading)$/.test(s)), seen.states.join(' '));
    assert.ok(seen.photos.length > 0 && seen.photos.every((w) => w > 0), `review photos loaded: ${seen.photos}`);
    assert.ok(seen.sheets.includes(`${cdnUrl}/kith.css`), 'kith.css applied');
    assert.deepEqual(seen.problems, []);
  });

  it('the demo policy, all on one origin: every widget renders, photos load, no violation', async () => {
    const seen = await visit(`${api.url}/`);
    assert.deepEqual(seen.violations, []);
    assert.ok(!seen.states.some((s) => /=(error|loading)$/.test(s)), seen.states.join(' '));
    assert.ok(seen.photos.length > 0 && seen.photos.every((w) => w > 0), `review photos loaded: ${seen.photos}`);
  });
});
