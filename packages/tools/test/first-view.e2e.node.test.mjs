// @ts-check
// First view in one round trip (issue 18), in headless Chromium against the built CDN files and
// the reference server: the loader asks for every widget's data in one request while their code
// loads, the widgets render from it without a request of their own, a widget added later reads on
// its own, a revalidated (304) first view still renders, and a signed-in first view is never kept.
// Run after `npm run build`.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { startDemo } from './demo-server.mjs';
import { openPage } from '../src/shoot.mjs';

const fixtures = fileURLToPath(new URL('./fixtures/', import.meta.url));
/** @type {Awaited<ReturnType<typeof startDemo>>} */
let demo;
before(async () => (demo = await startDemo({ mounts: { '/fixtures/': fixtures } })));
after(() => demo.close());

/** Data reads the page makes: API GETs other than streams and photos. */
function watchReads(/** @type {import('playwright').Page} */ page) {
  /** @type {{ path: string, status: number, cacheControl: string | null }[]} */
  const reads = [];
  page.on('response', (res) => {
    const url = new URL(res.url());
    if (res.request().method() !== 'GET' || !url.pathname.startsWith('/v1/')) return;
    if (url.pathname.endsWith('/events') || url.pathname.startsWith('/v1/media/')) return;
    reads.push({
      path: url.pathname + url.search,
      status: res.status(),
      cacheControl: res.headers()['cache-control'] ?? null,
    });
  });
  return reads;
}

/** Every Kith widget on the page has left its loading state. */
const settled = (/** @type {import('playwright').Page} */ page) =>
  page.waitForFunction(() =>
    [...document.querySelectorAll('*')]
      .filter((el) => el.localName.startsWith('kith-'))
      .every(
        (el) => customElements.get(el.localName) && el.getAttribute('state') && el.getAttribute('state') !== 'loading',
      ),
  );

const stateOf = (/** @type {import('playwright').Page} */ page) =>
  page.evaluate(() =>
    [...document.querySelectorAll('*')]
      .filter((el) => el.localName.startsWith('kith-'))
      .map(
        (el) =>
          `${el.localName}${el.getAttribute('product') ? `[${el.getAttribute('product')}]` : ''}=${el.getAttribute('state')}`,
      ),
  );

describe('first view in one round trip (script tag, REST adapter, reference server)', () => {
  it('the demo shop, signed in with every widget: one data request, never kept by a cache', async () => {
    const { browser, page, problems } = await openPage('about:blank');
    try {
      const reads = watchReads(page);
      await page.goto(`${demo.url}/`);
      await settled(page);
      await page.waitForTimeout(300);
      assert.deepEqual(
        reads.map((r) => r.path.split('?')[0]),
        ['/v1/embed/first-view'],
        `one data request, not:\n${reads.map((r) => r.path).join('\n')}`,
      );
      assert.equal(reads[0]?.status, 200);
      assert.equal(reads[0]?.cacheControl, 'no-store', 'a first view with the customer’s parts is never kept');
      const states = await stateOf(page);
      assert.ok(!states.some((s) => s.endsWith('=error')), states.join(' '));
      // The widgets show the data: the rating's count, the group buy's teams, the shopper's points.
      const text = await page.evaluate(() => ({
        rating: document.querySelector('kith-rating[product="p1"]')?.shadowRoot?.textContent ?? '',
        points: document.querySelector('kith-points')?.shadowRoot?.textContent ?? '',
      }));
      assert.match(text.rating, /\d/);
      assert.match(text.points, /\d/);
      assert.deepEqual(problems, []);
    } finally {
      await browser.close();
    }
  });

  it('a widget added after load reads on its own', async () => {
    const { browser, page, problems } = await openPage('about:blank');
    try {
      const reads = watchReads(page);
      await page.goto(`${demo.url}/fixtures/first-view.html`);
      await settled(page);
      assert.deepEqual(
        reads.map((r) => r.path.split('?')[0]),
        ['/v1/embed/first-view'],
      );
      await page.evaluate(() => {
        for (const [tag, product] of [
          ['kith-rating', 'p4'],
          ['kith-live-badge', 'p5'],
        ]) {
          const el = document.createElement(tag);
          el.setAttribute('product', product);
          document.body.append(el);
        }
      });
      await settled(page);
      await page.waitForTimeout(300);
      assert.deepEqual(
        reads
          .slice(1)
          .map((r) => r.path.replace(/[?&]key=[^&]+/, ''))
          .sort(),
        ['/v1/live/shows?product=p5', '/v1/reviews/summaries?products=p4'],
      );
      assert.deepEqual(problems, []);
    } finally {
      await browser.close();
    }
  });

  it('signed out, the first view is public: a revalidation answered 304 renders the same', async () => {
    const { browser, page, problems } = await openPage('about:blank');
    try {
      const reads = watchReads(page);
      // The network's own status: the page sees a revalidated answer as the 200 it had.
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('Network.enable');
      /** @type {Map<string, string>} */
      const urls = new Map();
      /** @type {number[]} */
      const raw = [];
      cdp.on('Network.requestWillBeSent', (e) => urls.set(e.requestId, e.request.url));
      cdp.on('Network.responseReceivedExtraInfo', (e) => {
        if (urls.get(e.requestId)?.includes('/v1/embed/first-view')) raw.push(e.statusCode);
      });
      // DevTools reports a response's raw status a little after the page has it: wait for it.
      const reported = async (/** @type {number} */ n) => {
        for (let i = 0; i < 60 && raw.length < n; i++) await page.waitForTimeout(50);
      };
      await page.goto(`${demo.url}/fixtures/first-view.html`);
      await settled(page);
      assert.equal(reads[0]?.cacheControl, 'public, max-age=10, stale-while-revalidate=60');
      await reported(1);
      assert.deepEqual(raw, [200]);
      const before = await stateOf(page);
      // Past max-age, the browser asks again with If-None-Match; nothing changed, so 304.
      await page.waitForTimeout(10_500);
      reads.length = 0;
      await page.reload();
      await settled(page);
      await page.waitForTimeout(500);
      await reported(2);
      assert.deepEqual(raw, [200, 304], 'the reload revalidated the first view: 304');
      assert.ok(
        reads.every((r) => r.path.startsWith('/v1/embed/first-view')),
        'and still no read of its own',
      );
      assert.deepEqual(await stateOf(page), before);
      assert.deepEqual(problems, []);
    } finally {
      await browser.close();
    }
  });
});
