// The box each widget reserves before its code arrives is built (rollup's kith-reserve-css plugin) from
// the widget's own `:host` rule, which holds it once the widget is defined. This reads the build's
// kith.css and loader and checks them against the sources with a parser of its own, so a plugin that
// dropped a tag, a declaration or the referral banner's box fails here. Needs `npm run build`.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';

const root = new URL('../../../', import.meta.url);
const read = (path) => readFileSync(new URL(path, root), 'utf8');
const decls = (body) =>
  Object.fromEntries(
    body
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .split(';')
      .map((d) => d.trim())
      .filter(Boolean)
      .map((d) =>
        d.split(/:(.*)/s).map((s) =>
          s
            .replace(/\s+/g, ' ')
            .replace(/\s*([(),*])\s*/g, '$1')
            .trim(),
        ),
      ),
  );
// What of a widget's :host rule is its box before upgrade.
const BOX = ['display', 'vertical-align', 'font-size', 'min-block-size', 'min-inline-size'];
const hostBox = (name) => {
  const host = /:host\s*\{([^}]*)\}/.exec(read(`packages/widgets/src/${name}/${name}.styles.ts`));
  assert.ok(host, `${name}.styles.ts has no :host rule`);
  return Object.fromEntries(Object.entries(decls(host[1])).filter(([prop]) => BOX.includes(prop)));
};
const rules = (text) =>
  [...text.matchAll(/(kith-[\w-]+):not\(:defined\)\s*\{([^}]*)\}/g)].map(([, tag, body]) => [tag, decls(body)]);

const CDN = 'packages/embed/dist/cdn/';
if (!existsSync(new URL(`${CDN}kith.css`, root)))
  throw new Error('No packages/embed/dist/cdn/kith.css: run `npm run build` first.');
const { version } = JSON.parse(read('packages/embed/package.json'));
const sheet = read(`${CDN}kith.css`);
const reserved = Object.fromEntries(rules(sheet));
const tags = [...read('packages/embed/src/widgets.ts').matchAll(/'(kith-[\w-]+)':/g)].map((m) => m[1]);
const widgets = readdirSync(new URL('packages/widgets/src/', root), { withFileTypes: true })
  .filter((d) => d.isDirectory() && d.name !== 'shared')
  .map((d) => d.name)
  .filter((name) => /\.define\(/.test(read(`packages/widgets/src/${name}/define.ts`)));

describe('reserved boxes', () => {
  it('kith.css has one rule per widget the loader knows, and kith-<version>.css is the same file', () => {
    assert.deepEqual(Object.keys(reserved), tags);
    assert.equal(rules(sheet).length, tags.length);
    assert.equal(read(`${CDN}kith-${version}.css`), sheet);
  });

  for (const name of widgets.filter((n) => n !== 'referral-offer')) {
    it(`<kith-${name}> gets, before upgrade, the box its :host rule holds`, () => {
      const box = hostBox(name);
      assert.ok(box.display && box['min-block-size'], 'a box needs a display and a minimum block size');
      assert.deepEqual(reserved[`kith-${name}`], box);
    });
  }

  it('the referral banner is hidden in kith.css; the loader holds its :host box for a referral visit', () => {
    assert.deepEqual(reserved['kith-referral-offer'], { display: 'none' });
    const loader = rules(read(`${CDN}kith.js`)).filter(([tag]) => tag === 'kith-referral-offer');
    assert.deepEqual(
      loader.map(([, box]) => box),
      [{ display: 'none' }, hostBox('referral-offer')],
    );
  });
});
