// What a page with every widget downloads before its first view, from the CDN build: the loader,
// setup, the REST adapter and each widget's chunk with everything they import statically (the
// loader's preload map), each file gzipped on its own as it is served. Lazy chunks (the HTTP
// client, streams, forms, dialogs, actions, other locales) are not in it. `parts` says where the
// bytes go: each file's gzip shared among its sources by their minified length (source maps).
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { eachMapping, TraceMap } from '@jridgewell/trace-mapping';

/** A source path as a part a reader knows: `lit-html`, `core/i18n`, `core/errors.ts`, `widgets/reviews`, `embed`. */
function partOf(source) {
  const nm = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(source);
  if (nm) return nm[1];
  const m = /packages\/([\w-]+)\/src\/(?:([\w-]+)\/)?([\w.-]+)$/.exec(source);
  if (!m) return source;
  if (m[1] === 'core' || m[1] === 'widgets') return `${m[1]}/${m[2] ?? m[3]}`;
  return m[1];
}

/** Each source's share of `code`: the length of the minified code its segments cover. */
function sourceLengths(code, map) {
  const lines = code.split('\n');
  const segments = [];
  eachMapping(map, (m) => segments.push(m));
  segments.sort((a, b) => a.generatedLine - b.generatedLine || a.generatedColumn - b.generatedColumn);
  const by = new Map();
  segments.forEach((s, i) => {
    const n = segments[i + 1];
    const end =
      n && n.generatedLine === s.generatedLine ? n.generatedColumn : (lines[s.generatedLine - 1] ?? '').length;
    by.set(s.source ?? '', (by.get(s.source ?? '') ?? 0) + end - s.generatedColumn);
  });
  return by;
}

export function firstViewBytes(cdn, version) {
  const entry = `kith-${version}.js`;
  const loader = readFileSync(join(cdn, entry), 'utf8');
  const graph = JSON.parse(/function __kithPreload\(\)\{return (\{.*?\})\}/.exec(loader)?.[1] ?? '{}');
  const chunks = readdirSync(join(cdn, 'chunks')).map((f) => `chunks/${f}`);
  // A key's own chunk is not in its closure: setup, and each widget (`kith-reviews` → reviews-<hash>.js).
  const own = (name) => chunks.filter((f) => new RegExp(`^chunks/${name}-[\\w-]{8}\\.js$`).test(f));
  const tags = Object.keys(graph).filter((k) => k.startsWith('kith-'));
  const files = [
    ...new Set([entry, ...own('setup'), ...tags.flatMap((t) => own(t.slice(5))), ...Object.values(graph).flat()]),
  ];
  const parts = new Map();
  const sizes = files.map((file) => {
    const code = readFileSync(join(cdn, file), 'utf8');
    const gzip = gzipSync(code, { level: 9 }).length;
    const mapFile = resolve(cdn, `${file}.map`);
    const lengths = sourceLengths(code, new TraceMap(readFileSync(mapFile, 'utf8'), pathToFileURL(mapFile).href));
    const mapped = [...lengths.values()].reduce((a, b) => a + b, 0);
    for (const [source, length] of lengths) {
      const part = partOf(source);
      parts.set(part, (parts.get(part) ?? 0) + (gzip * length) / Math.max(mapped, 1));
    }
    return { file, gzip };
  });
  return {
    total: sizes.reduce((a, f) => a + f.gzip, 0),
    files: sizes.sort((a, b) => b.gzip - a.gzip),
    parts: [...parts].map(([part, gzip]) => ({ part, gzip: Math.round(gzip) })).sort((a, b) => b.gzip - a.gzip),
  };
}
