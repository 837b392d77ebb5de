// Every widget renders under Lit's server renderer (@lit-labs/ssr), where there is no document,
// location or layout: a merchant's Node server, or a framework's SSR, can put Kith's elements in
// its HTML without crashing, and each comes out as its host with a declarative shadow root.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { render } from '@lit-labs/ssr';
import { collectResult } from '@lit-labs/ssr/lib/render-result.js';
import { html, unsafeStatic } from 'lit/static-html.js';
import { configure } from '@kith/core';
import { createMemoryAdapter } from '@kith/adapter-memory';
import '@kith/widgets/define';
import { renderWidget } from '@kith/widgets/ssr';

const manifest = JSON.parse(readFileSync(new URL('../custom-elements.json', import.meta.url), 'utf8'));
/** Every element the manifest lists, with the module that declares it. */
const ELEMENTS = manifest.modules.flatMap((m) =>
  (m.declarations ?? []).filter((d) => d.tagName).map((d) => ({ tag: d.tagName, path: m.path })),
);
// Parts a widget loads on demand (the review form) are defined by their own module.
for (const { tag, path } of ELEMENTS)
  if (!globalThis.customElements.get(tag))
    await import(new URL(`../${path.replace(/^src/, 'dist').replace(/\.ts$/, '.js')}`, import.meta.url).href);

const ATTRS = 'product-id="p1" show-id="show-2" campaign-id="gb-1" code="LIN-8H3M"';

async function renderTag(tag, attrs = '') {
  const t = unsafeStatic(tag);
  return collectResult(render(html`<${t} ${unsafeStatic(attrs)}></${t}>`));
}

describe('server rendering (@lit-labs/ssr)', () => {
  it('the manifest lists every widget', () => {
    const tags = ELEMENTS.map((e) => e.tag);
    for (const w of [
      'live-badge',
      'rating',
      'reviews',
      'group-buy',
      'points',
      'points-earn',
      'share-button',
      'referral-offer',
    ])
      assert.ok(tags.includes(`kith-${w}`), w);
  });

  for (const { tag } of ELEMENTS) {
    it(`${tag} renders its host and a declarative shadow root: bare, in Chinese, with and without an adapter`, async () => {
      /** @type {[string, import('@kith/adapter-memory').MemoryAdapter | null][]} */
      const cases = [
        ['', null],
        [ATTRS, null],
        [`${ATTRS} lang="zh-CN"`, null],
        [ATTRS, createMemoryAdapter()],
      ];
      for (const [attrs, adapter] of cases) {
        configure({ adapter: adapter ?? undefined });
        const out = await renderTag(tag, attrs);
        assert.match(out, new RegExp(`<${tag}[ >]`));
        assert.match(out, /<template shadowroot="open" shadowrootmode="open">/);
        adapter?.dispose();
      }
    });
  }
});

describe('renderWidget (@kith/widgets/ssr): the first view with its data', () => {
  /** The reviews of p1 the demo serves, newest first. */
  const demo = createMemoryAdapter();
  const snapshotOf = (out) =>
    JSON.parse(/<script type="application\/json" data-kith-snapshot>(.*?)<\/script>/s.exec(out)?.[1] ?? 'null');

  it("<kith-reviews> holds its summary and first reviews' text, and the snapshot its stores start from", async () => {
    const { html: out, styleHashes } = await renderWidget('kith-reviews', { product: 'p1' }, demo);
    const { items } = await demo.reviews.listReviews({ productId: 'p1', sort: 'newest', limit: 20 });
    const shown = [...out.matchAll(/data-index="(\d+)"/g)].length;
    assert.ok(shown >= 10, `${shown} rows: the window a server render shows`);
    for (const r of items.slice(0, shown)) assert.ok(out.includes(r.body.slice(0, 60)), r.id);
    assert.match(out, /Based on 16 reviews/);
    const snap = snapshotOf(out);
    assert.equal(snap.summary.p1.count, 16);
    assert.deepEqual(
      snap.reviews['limit=20&productId=p1&sort=newest'].items.map((r) => r.id),
      items.map((r) => r.id),
    );
    // The paint a browser does through CSSOM, as a style sheet in the shadow root (3.6 stars: 72 %).
    assert.match(
      out,
      /<template shadowroot="open" shadowrootmode="open"><style>\[part~="summary"\] \.stars-fill\{--_fill:72%\}/,
    );
    const styles = [...out.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => m[1]);
    assert.equal(styleHashes.length, new Set(styles).size);
    const { createHash } = await import('node:crypto');
    for (const css of styles)
      assert.ok(styleHashes.includes(`'sha256-${createHash('sha256').update(css).digest('base64')}'`));
  });

  it('<kith-rating> holds its average and count; attributes are escaped', async () => {
    const { html: out } = await renderWidget('kith-rating', { product: 'p1', 'data-note': '"><b>x' }, demo);
    assert.match(out, /aria-label="Rated 3\.6 out of 5 stars, 16 reviews"/);
    assert.match(out, /data-note="&quot;&gt;&lt;b&gt;x"/);
    assert.deepEqual(Object.keys(snapshotOf(out)), ['summary']);
  });

  it('each render reads afresh: a store of one render never serves the next', async () => {
    const shop = createMemoryAdapter();
    const first = await renderWidget('kith-rating', { product: 'p1' }, shop);
    shop.control.update((f) => (f.summaries = { p1: { ...f.summaries.p1, average: 4.2, count: 17 } }));
    const second = await renderWidget('kith-rating', { product: 'p1' }, shop);
    assert.match(first.html, /Rated 3\.6 out of 5 stars, 16 reviews/);
    assert.match(second.html, /Rated 4\.2 out of 5 stars, 17 reviews/);
    shop.dispose();
  });

  it('an adapter that fails or is late: the loading state and no snapshot, so the browser reads', async () => {
    for (const adapter of [createMemoryAdapter({ failure: 'always' }), createMemoryAdapter({ latency: 500 })]) {
      const { html: out } = await renderWidget('kith-reviews', { product: 'p1' }, adapter, { timeout: 100 });
      assert.ok(!out.includes('data-kith-snapshot'));
      assert.match(out, /Loading reviews/);
      adapter.dispose();
    }
  });

  it('reads only up front: the render itself sends nothing, even when a read failed', async () => {
    const calls = [];
    /** @type {import('@kith/core').KithAdapter} */
    const down = {
      id: 'down',
      capabilities: new Set(/** @type {const} */ (['reviews'])),
      reviews: {
        getSummary: async () => (calls.push('getSummary'), Promise.reject(new Error('down'))),
        getSummaries: async () => (calls.push('getSummaries'), Promise.reject(new Error('down'))),
        listReviews: async () => (calls.push('listReviews'), { items: [], nextCursor: null }),
      },
    };
    const { html: out } = await renderWidget('kith-reviews', { product: 'p1' }, down);
    assert.match(out, /Loading reviews/);
    await new Promise((r) => setTimeout(r, 50));
    assert.deepEqual(calls, ['getSummaries', 'listReviews']);
  });

  it('JSON-LD comes from the adapter (reviews.getJsonLd) when the page names its product', async () => {
    const asked = [];
    const withLd = Object.create(demo, {
      reviews: {
        value: {
          ...demo.reviews,
          getJsonLd: async (id, facts) => (asked.push([id, facts]), { '@type': 'Product', name: '</script><x>' }),
        },
      },
    });
    const bare = await renderWidget('kith-reviews', { product: 'p1' }, withLd);
    assert.ok(!bare.html.includes('ld+json'), 'no product name, no JSON-LD');
    const { html: out } = await renderWidget('kith-reviews', { product: 'p1' }, withLd, { product: { name: 'Tote' } });
    assert.deepEqual(asked, [['p1', { name: 'Tote' }]]);
    const ld = /<script type="application\/ld\+json">(.*?)<\/script>/s.exec(out)?.[1] ?? '';
    assert.ok(!ld.includes('</script>'), 'script-safe');
    assert.equal(JSON.parse(ld).name, '</script><x>');
  });

  it('refuses what is not a Kith widget or not an attribute name', async () => {
    await assert.rejects(renderWidget('div', {}, demo), /not a Kith widget/);
    await assert.rejects(renderWidget('kith-nope', {}, demo), /not a Kith widget/);
    await assert.rejects(renderWidget('kith-rating', { 'on click': 'x' }, demo), /bad attribute name/);
  });
});
