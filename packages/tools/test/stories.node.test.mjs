// Every widget has a story for each state a designer must see (issue 21): loading, error, signed
// out, dark and Simplified Chinese, beside its own states. The stories run as tests (with axe) in
// `npm run test:stories`; this checks none of the five is missing for any widget in the manifest.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { it } from 'node:test';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const manifest = JSON.parse(readFileSync(`${ROOT}packages/widgets/custom-elements.json`, 'utf8'));
// The parts `<kith-reviews>` loads on demand have their states in its stories.
const PARTS = new Set(['kith-review-form', 'kith-review-questions']);
const widgets = manifest.modules
  .flatMap((m) => m.declarations ?? [])
  .map((d) => d.tagName)
  .filter((tag) => tag && !PARTS.has(tag));

const REQUIRED = {
  loading: /^Loading$/,
  error: /^Error(State)?$/,
  'signed out': /^SignedOut$/,
  dark: /^Dark(Theme)?$/,
  'zh-CN': /^Chinese(Simplified)?$/,
};

it('every widget has a loading, error, signed-out, dark and zh-CN story', () => {
  const files = readdirSync(`${ROOT}stories`).filter((f) => f.endsWith('.stories.ts'));
  const byTag = new Map(
    files.map((f) => {
      const source = readFileSync(`${ROOT}stories/${f}`, 'utf8');
      const tag = /component: '(kith-[\w-]+)'/.exec(source)?.[1];
      return [tag, [...source.matchAll(/^export const (\w+)/gm)].map((m) => m[1])];
    }),
  );
  const missing = [];
  for (const tag of widgets) {
    const stories = byTag.get(tag);
    if (!stories) missing.push(`${tag}: no stories file`);
    else
      for (const [state, name] of Object.entries(REQUIRED))
        if (!stories.some((s) => name.test(s))) missing.push(`${tag}: ${state}`);
  }
  assert.deepEqual(missing, []);
});
