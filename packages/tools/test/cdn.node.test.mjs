// The CDN build's preload map: the loader asks for every chunk a widget needs at once, so Kith's
// request chain stays two deep (kith.js, then everything). Run after `npm run build`.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';

const cdn = new URL('../../embed/dist/cdn/', import.meta.url);
const loader = readFileSync(new URL('kith.js', cdn), 'utf8');
const tags = [
  ...readFileSync(new URL('../../embed/src/widgets.ts', import.meta.url), 'utf8').matchAll(/'(kith-[\w-]+)':/g),
].map((m) => m[1]);
/** A chunk's static imports, as file names relative to the CDN folder. */
const importsOf = (file) =>
  [
    ...readFileSync(new URL(file, cdn), 'utf8').matchAll(/(?:^|[;}\s])import\s*(?:[\w${},*\s]+from\s*)?"\.\/([^"]+)"/g),
  ].map((m) => `chunks/${m[1]}`);

describe('CDN preload map', () => {
  const source = /function __kithPreload\(\)\{return (\{.*?\})\}/.exec(loader)?.[1];
  const map = source && JSON.parse(source);

  it('is in the loader, with setup, the REST adapter and every widget tag', () => {
    assert.ok(map, 'kith.js ends with the preload map');
    assert.deepEqual(Object.keys(map).sort(), ['rest', 'setup', ...tags].sort());
  });
  it("lists each chunk's whole static import graph, and only files that exist", () => {
    for (const [key, files] of Object.entries(map)) {
      for (const file of files) {
        assert.ok(existsSync(new URL(file, cdn)), `${key}: ${file} exists`);
        for (const dep of importsOf(file))
          assert.ok(files.includes(dep), `${key}: ${file} imports ${dep}, which the map must list`);
      }
    }
    assert.ok(
      map.rest.some((f) => /^chunks\/adapter-rest-/.test(f)) && map.rest.some((f) => /^chunks\/http-/.test(f)),
      'rest: the adapter and its http client',
    );
    assert.ok(
      map['kith-rating'].some((f) => /^chunks\/runtime-/.test(f)),
      'a widget: the runtime',
    );
  });
});
