// The CDN build's preload map: the loader asks for every chunk a widget needs at once, so Kith's
// request chain stays two deep (kith.js, then everything). Run after `npm run build`.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { eachMapping, originalPositionFor, TraceMap } from '@jridgewell/trace-mapping';

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
      map.rest.some((f) => /^chunks\/adapter-rest-/.test(f)),
      'rest: the adapter',
    );
    // Issue 18: the first view is answered without the HTTP client (ky) and before any stream opens.
    for (const [key, files] of Object.entries(map))
      assert.ok(
        !files.some((f) => /^chunks\/(http|stream)-/.test(f)),
        `${key}: no HTTP client or stream at first view`,
      );
    assert.ok(
      map['kith-rating'].some((f) => /^chunks\/runtime-/.test(f)),
      'a widget: the runtime',
    );
  });
});

// The build collapses newlines in templates after minifying; the published maps must follow that
// change, or every line after the first template maps nowhere in a developer's debugger.
describe('CDN source maps', () => {
  const { version } = JSON.parse(readFileSync(new URL('../../embed/package.json', import.meta.url), 'utf8'));
  const files = [
    `kith-${version}.js`,
    ...readdirSync(new URL('chunks/', cdn))
      .filter((f) => f.endsWith('.js'))
      .map((f) => `chunks/${f}`),
  ];
  const traced = (file) => new TraceMap(readFileSync(new URL(`${file}.map`, cdn), 'utf8'));

  it('map every segment to a place that exists in its file', () => {
    for (const file of files) {
      const lines = readFileSync(new URL(file, cdn), 'utf8').split('\n');
      let segments = 0;
      eachMapping(traced(file), (m) => {
        segments++;
        const line = lines[m.generatedLine - 1];
        assert.ok(
          line !== undefined && m.generatedColumn <= line.length,
          `${file}: ${m.generatedLine}:${m.generatedColumn}`,
        );
      });
      assert.ok(segments > 0, `${file} has mappings`);
    }
  });

  it("point a widget's code, past its templates, at the line of its source", () => {
    const file = files.find((f) => /^chunks\/live-badge-[\w-]+\.js$/.test(f));
    const code = readFileSync(new URL(file, cdn), 'utf8');
    // The element's definition comes after its templates and styles.
    const at = code.indexOf('.define("kith-live-badge")') + 1;
    assert.ok(at > code.indexOf('`'), 'the define call follows a template');
    const before = code.slice(0, at).split('\n');
    const pos = originalPositionFor(traced(file), { line: before.length, column: before.at(-1).length });
    assert.match(pos.source ?? '', /live-badge[\\/]define\.ts$/);
    const source = readFileSync(new URL(`../../widgets/src/live-badge/define.ts`, import.meta.url), 'utf8');
    assert.match(source.split('\n')[pos.line - 1], /\.define\('kith-live-badge'\)/);
  });
});
