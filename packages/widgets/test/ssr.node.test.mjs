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
