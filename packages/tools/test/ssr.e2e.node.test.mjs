// @ts-check
// examples/ssr: a merchant's Node server renders a product page with the rating and the reviews
// (renderWidget, @kith/widgets/ssr) from the reference server's data. The review text and its
// JSON-LD are in the HTML itself; in Chromium, under the page's strict CSP with Trusted Types, the
// widgets hydrate from the snapshot beside them (no read of their own), nothing shifts (CLS 0),
// axe finds nothing, and the hydrated list is live (a new sort reads from the server, through the
// page's proxy to it).
// Run after `npm run build` (the example resolves @kith/* to the built packages).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright';
import { createTestBackend } from '@kith/server/testing';
import { createSsrServer } from '../../../examples/ssr/server.mjs';
import { CHROMIUM_ARGS, findChromium } from '../src/chromium.mjs';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
// Written oldest first, so the three below are the newest. More than a list box shows, so the rows
// the server renders are a window of them.
/** @type {(rating: number, title: string, body: string) => [number, string, string]} */
const review = (rating, title, body) => [rating, title, body];
const REVIEWS = [
  ...Array.from({ length: 7 }, (_, i) =>
    review(4, `Good bag ${i + 1}`, `Review ${i + 1}: roomy, sturdy and well made.`),
  ),
  review(5, 'Perfect everyday bag', 'Sturdy canvas, great stitching. Fits my laptop, a bottle and lunch.'),
  review(2, 'Strap digs in', 'The strap digs into my shoulder when the bag is full <b>not bold</b>.'),
  review(4, '', '很好用！The colour is even nicer in person.'),
];

/** @type {import('@kith/server/testing').TestBackend} */
let backend;
/** @type {import('node:http').Server} */
let page;
let origin = '';

before(async () => {
  const r = spawnSync('npx', ['vite', 'build', `${ROOT}examples/ssr`, '--logLevel', 'error'], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  assert.equal(r.status, 0, `${r.stdout}\n${r.stderr}`);
  backend = await createTestBackend();
  await backend.admin.call('PUT', '/admin/reviews/settings', { autoPublish: 'all', submissionsPerHour: 1000 });
  for (const [i, [rating, title, body]] of REVIEWS.entries()) {
    const customer = `ssr-buyer-${i}`;
    await backend.admin.reportOrder({ id: `o-ssr-${i}`, customerId: customer, productIds: ['p1'] });
    const res = await fetch(`${backend.baseUrl}/products/p1/reviews`, {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${backend.shop.publishableKey}`,
        'X-Kith-Customer': await backend.customerToken(customer),
        'Idempotency-Key': crypto.randomUUID(),
        'content-type': 'application/json',
      },
      body: JSON.stringify({ rating, ...(title && { title }), body, displayName: `Buyer ${i}`, consent: true }),
    });
    assert.equal(res.status, 201, await res.text());
  }
  page = createSsrServer({ api: backend.baseUrl, key: backend.shop.publishableKey });
  await new Promise((resolve) => page.listen(0, '127.0.0.1', () => resolve(undefined)));
  origin = `http://127.0.0.1:${/** @type {import('node:net').AddressInfo} */ (page.address()).port}`;
});
after(async () => {
  page?.close();
  await backend?.close();
});

describe('examples/ssr: server-rendered reviews that hydrate', () => {
  it("the page's HTML holds every review's text, the rating, the snapshot and the JSON-LD", async () => {
    const res = await fetch(origin);
    assert.equal(res.status, 200);
    const html = await res.text();
    assert.match(html, /<kith-reviews[^>]*><template shadowroot="open" shadowrootmode="open">/);
    assert.match(html, /<kith-rating[^>]*><template shadowroot="open" shadowrootmode="open">/);
    const shadow = html.slice(html.indexOf('<kith-reviews'));
    // The newest first, as many as the list's first window shows.
    for (const [, title, body] of REVIEWS.slice(-5)) {
      // Review text is text: the markup in it comes out escaped.
      const text = body.replace('<b>not bold</b>', '&lt;b&gt;not bold&lt;/b&gt;');
      assert.ok(shadow.includes(text), `the review text is in the HTML: ${body}`);
      if (title) assert.ok(shadow.includes(title), title);
    }
    assert.ok(!html.includes('<b>not bold</b>'), 'no review markup reaches the page as markup');
    assert.match(html, /Rated 3\.9 out of 5 stars, 10 reviews/);
    const ld = JSON.parse(/<script type="application\/ld\+json">(.*?)<\/script>/s.exec(html)?.[1] ?? 'null');
    assert.equal(ld.aggregateRating.reviewCount, 10);
    assert.equal(ld.review.length, 10);
    assert.match(html, /<script type="application\/json" data-kith-snapshot>/);
    const csp = res.headers.get('content-security-policy') ?? '';
    assert.match(csp, /style-src 'self' 'sha256-[\w+/=]+'/);
    assert.match(csp, /require-trusted-types-for 'script'/);
  });

  it('in Chromium it hydrates from the snapshot: no read of its own, no shift, no axe violation, and it is live', async () => {
    const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
    try {
      const context = await browser.newContext({ viewport: { width: 1000, height: 900 } });
      await context.addInitScript({
        content: `${AXE}
          window.__ssr = { cls: 0, problems: [] };
          new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__ssr.cls += e.value; })
            .observe({ type: 'layout-shift', buffered: true });
          addEventListener('error', (e) => window.__ssr.problems.push('error: ' + e.message));
          addEventListener('unhandledrejection', (e) => window.__ssr.problems.push('unhandledrejection: ' + e.reason));
          document.addEventListener('securitypolicyviolation', (e) =>
            window.__ssr.problems.push('CSP: ' + e.violatedDirective + ' ' + e.blockedURI));`,
      });
      // The page as the HTML alone draws it (no script runs), for the hydrated one to match.
      const still = await (
        await browser.newContext({ viewport: { width: 1000, height: 900 }, javaScriptEnabled: false })
      ).newPage();
      await still.goto(origin);
      const drawn = await still.locator('main').screenshot();
      const p = await context.newPage();
      const problems = /** @type {string[]} */ ([]);
      p.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
      const reads = /** @type {string[]} */ ([]);
      p.on('request', (r) => r.url().startsWith(`${origin}/kith/`) && reads.push(r.url()));
      await p.goto(origin);
      // Hydrated: both elements defined and updated once (Lit hydrates on the first update).
      await p.waitForFunction(() =>
        ['kith-rating', 'kith-reviews'].every((t) => /** @type {any} */ (document.querySelector(t))?.hasUpdated),
      );
      // Let the list measure its rows and the window settle.
      await p.waitForTimeout(1000);
      const state = await p.evaluate(async () => {
        const r = await /** @type {any} */ (window).axe.run(document, {
          runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
        });
        const reviews = /** @type {any} */ (document.querySelector('kith-reviews'));
        return {
          cls: /** @type {any} */ (window).__ssr.cls,
          problems: /** @type {any} */ (window).__ssr.problems,
          violations: r.violations.map((/** @type {any} */ v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`),
          rows: reviews.shadowRoot.querySelectorAll('[data-index]').length,
          text: reviews.shadowRoot.textContent,
        };
      });
      assert.deepEqual(reads, [], 'the widgets read nothing: the snapshot served them');
      const hydrated = await p.locator('main').screenshot();
      assert.ok(drawn.equals(hydrated), 'hydrated, the page looks as its HTML drew it');
      assert.equal(state.cls, 0, 'hydration shifted nothing');
      assert.deepEqual(state.violations, []);
      assert.deepEqual([...state.problems, ...problems], []);
      assert.ok(state.rows >= 5, `${state.rows} rows`);
      assert.ok(state.text.includes(REVIEWS.at(-1)?.[2] ?? '-'));
      // Live after hydration: the lowest ratings first is a read of the server's.
      await p.locator('kith-reviews select[part="sort"]').selectOption('lowest');
      await p.waitForFunction(() =>
        /** @type {any} */ (document.querySelector('kith-reviews')).shadowRoot
          .querySelector('[data-index="0"]')
          ?.textContent.includes('Strap digs in'),
      );
      assert.ok(
        reads.some((u) => /\/products\/p1\/reviews\?.*sort=lowest/.test(u)),
        reads.join('\n'),
      );
    } finally {
      await browser.close();
    }
  });
});
