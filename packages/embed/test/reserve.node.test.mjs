// The box each widget reserves is written twice: in reserve.css, which the loader (and kith.css)
// applies before a widget's code arrives, and in the widget's own `:host` rule, which holds it once
// the widget is defined. They must agree, or the page moves when a widget upgrades. Read from the
// sources, so it needs no build.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
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

const reserve = read('packages/embed/src/reserve.css').replace(/\/\*[\s\S]*?\*\//g, '');
const reserved = Object.fromEntries(
  [...reserve.matchAll(/(kith-[\w-]+):not\(:defined\)\s*\{([^}]*)\}/g)].map(([, tag, body]) => [tag, decls(body)]),
);
// The referral banner is reserved by the loader only on a visit through a referral link.
const landed = /'(kith-referral-offer):not\(:defined\)\{([^}]*)\}'/.exec(read('packages/embed/src/kith.ts'));
reserved[landed[1]] = decls(landed[2]);

const widgets = readdirSync(new URL('packages/widgets/src/', root), { withFileTypes: true })
  .filter((d) => d.isDirectory() && d.name !== 'shared')
  .map((d) => d.name)
  .filter((name) => /\.define\(/.test(read(`packages/widgets/src/${name}/define.ts`)));

describe('reserved boxes', () => {
  it('every widget the loader knows has a reserved box', () => {
    const tags = [...read('packages/embed/src/widgets.ts').matchAll(/'(kith-[\w-]+)':/g)].map((m) => m[1]);
    assert.deepEqual(
      tags.filter((t) => !reserved[t]),
      [],
    );
  });

  for (const name of widgets) {
    it(`<kith-${name}> holds, once defined, the box reserve.css gave it`, () => {
      const host = /:host\s*\{([^}]*)\}/.exec(read(`packages/widgets/src/${name}/${name}.styles.ts`));
      assert.ok(host, 'no :host rule');
      const own = decls(host[1]);
      for (const [prop, value] of Object.entries(reserved[`kith-${name}`])) assert.equal(own[prop], value, prop);
    });
  }
});
