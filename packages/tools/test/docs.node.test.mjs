// Tables in the docs that restate the code: the theming tokens and their defaults, the optional
// theme file, and the languages each widget ships. Each is checked against the source, so a new
// token, default or locale that the docs miss fails here instead of misleading a merchant.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const read = (path) => readFileSync(join(ROOT, path), 'utf8');

/** The source files that ship (no tests, no stories). */
function sources(dir) {
  return readdirSync(join(ROOT, dir)).flatMap((f) => {
    const path = join(dir, f);
    if (statSync(join(ROOT, path)).isDirectory()) return sources(path);
    return /\.ts$/.test(f) && !/\.(test|stories)\.ts$/.test(f) ? [path] : [];
  });
}
const SHIPPED = [...sources('packages/core/src'), ...sources('packages/widgets/src')].map(read).join('\n');

/** A markdown table's rows after `header`, as arrays of trimmed cells. */
function table(markdown, header) {
  const start = markdown.indexOf(header);
  assert.ok(start >= 0, `a table headed ${header}`);
  const rows = [];
  for (const line of markdown.slice(start).split('\n').slice(2)) {
    if (!line.startsWith('|')) break;
    rows.push(
      line
        .slice(1, -1)
        .split(' | ')
        .map((c) => c.trim()),
    );
  }
  return rows;
}

// `--kith-signed-in` is kith.css telling a widget the page has a signed-in shopper, not a theme token.
const NOT_TOKENS = new Set(['--kith-signed-in', '--kith-dark-']);

describe('docs/theming.md', () => {
  /** Every `--kith-*` token the styles read, with its literal fallback where it has one. */
  const tokens = new Map();
  for (const [, name] of SHIPPED.matchAll(/(--kith-[a-z0-9-]+)/g)) if (!NOT_TOKENS.has(name)) tokens.set(name, null);
  for (const [, name, fallback] of SHIPPED.matchAll(/var\((--kith-[a-z0-9-]+),\s*([^()\s][^()]*?)\)/g)) {
    if (NOT_TOKENS.has(name)) continue;
    const seen = tokens.get(name);
    assert.ok(
      seen === null || seen === fallback,
      `${name} falls back to ${seen} in one place and ${fallback} in another`,
    );
    tokens.set(name, fallback);
  }
  const rows = table(read('docs/theming.md'), '| Token | Default | Dark palette token (default) |');
  const light = [...tokens.keys()].filter((t) => !t.startsWith('--kith-dark-'));

  it('lists every token the widgets read, and none they don’t', () => {
    assert.deepEqual(rows.map((r) => r[0].replace(/`/g, '')).sort(), light.sort());
  });

  it('gives each token the default the styles fall back to, and its dark token with its default', () => {
    for (const [token, fallback, dark] of rows.map((r) => [r[0].replace(/`/g, ''), r[1], r[2]])) {
      if (tokens.get(token)) assert.equal(fallback, `\`${tokens.get(token)}\``, token);
      const darkToken = token.replace('--kith-', '--kith-dark-');
      if (tokens.has(darkToken)) assert.equal(dark, `\`${darkToken}\` (\`${tokens.get(darkToken)}\`)`, token);
      else assert.equal(dark, '', `${token} has no dark token`);
    }
  });

  it('the theme file sets every token with one default (but the font size) to that default', () => {
    const theme = new Map(
      [...read('packages/core/themes/default.css').matchAll(/(--kith-[a-z0-9-]+):\s*([^;]+);/g)].map((m) => [
        m[1],
        m[2],
      ]),
    );
    const expected = [...tokens].filter(([t, v]) => v !== null && t !== '--kith-font-size');
    assert.deepEqual(new Map(expected), theme);
  });
});

describe('docs/i18n.md', () => {
  it('lists every element with string tables and exactly the languages it ships', () => {
    const shipped = new Map();
    for (const [, scope, locale] of SHIPPED.matchAll(/registerStrings\(\s*'([a-z-]+)',\s*'([A-Za-z-]+)'/g))
      shipped.set(`<kith-${scope}>`, [...(shipped.get(`<kith-${scope}>`) ?? []), locale]);
    const rows = table(read('docs/i18n.md'), '| Widget | Languages |');
    const listed = new Map(
      rows.map(([w, langs]) => [w.replace(/`/g, ''), [...langs.matchAll(/`([^`]+)`/g)].map((m) => m[1])]),
    );
    const sorted = (m) => Object.fromEntries([...m].map(([w, l]) => [w, [...new Set(l)].sort().join(' ')]).sort());
    assert.deepEqual(sorted(listed), sorted(shipped));
  });
});
