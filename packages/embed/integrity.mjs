// Writes `dist/cdn/integrity.json`: the Subresource Integrity hash (SHA-384) of every file a page
// loads from the CDN folder, so a merchant's script tag can pin the loader it expects
// (`<script type="module" src=".../kith-0.1.0.js" integrity="sha384-…" crossorigin="anonymous">`).
// Run by the build after rollup; the reference server serves the file at /cdn/integrity.json.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const CDN = fileURLToPath(new URL('./dist/cdn/', import.meta.url));
const walk = (dir) =>
  readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? walk(join(dir, f)) : [join(dir, f)]));

/** `{ version, files: { 'kith-0.1.0.js': 'sha384-…', 'chunks/runtime-….js': … } }` for `dir`. */
export function integrityOf(dir = CDN) {
  const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));
  const files = Object.fromEntries(
    walk(dir)
      .filter((f) => /\.(js|css)$/.test(f))
      .map((f) => [
        relative(dir, f).split('\\').join('/'),
        `sha384-${createHash('sha384').update(readFileSync(f)).digest('base64')}`,
      ])
      .sort(([a], [b]) => a.localeCompare(b)),
  );
  return { version, files };
}

if (process.argv[1] === fileURLToPath(import.meta.url))
  writeFileSync(join(CDN, 'integrity.json'), `${JSON.stringify(integrityOf(), null, 2)}\n`);
