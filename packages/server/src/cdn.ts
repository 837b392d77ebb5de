import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, extname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Handler } from 'hono';

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
};
const YEAR = 'public, max-age=31536000, immutable';
const SHORT = 'public, max-age=300';

/** The CDN build of `@kith/embed` next to this server, if it is installed and built. */
export function defaultCdnDir(): string | undefined {
  try {
    const dir = join(dirname(fileURLToPath(import.meta.resolve('@kith/embed/package.json'))), 'dist', 'cdn');
    return existsSync(join(dir, 'integrity.json')) ? dir : undefined;
  } catch {
    return undefined;
  }
}

/**
 * `GET /cdn/*`: the script-tag build, so a merchant's tag can point at their own Kith server.
 * Versioned and content-hashed names (`kith-0.1.0.js`, `chunks/runtime-<hash>.js`) never change,
 * so caches keep them a year; the stable names (`kith.js`, `kith.css`, `integrity.json`) five
 * minutes. Any origin may load them (module scripts are fetched with CORS), without `Vary`.
 */
export function cdnHandler(dir: string): Handler {
  const root = resolve(dir);
  const shared = {
    'access-control-allow-origin': '*',
    'cross-origin-resource-policy': 'cross-origin',
    'x-content-type-options': 'nosniff',
  };
  // A missing file is a plain 404 a page from another origin can read (not a CORS error).
  const missing = (c: Parameters<Handler>[0]) => c.text('Not found', 404, { ...shared, 'cache-control': 'no-store' });
  return async (c) => {
    // Hono has decoded the path once (`%2F` stays as it is): no second decode, so no `..%2F`.
    const file = resolve(root, c.req.path.slice('/cdn/'.length));
    const type = TYPES[extname(file)];
    if (!type || !file.startsWith(root + sep)) return missing(c);
    let body: Buffer;
    try {
      body = await readFile(file);
    } catch {
      return missing(c);
    }
    // Decided on the file served, not on the path asked for.
    const name = relative(root, file).split(sep).join('/');
    const fixed = /^chunks\//.test(name) || /-\d+\.\d+\.\d+[\w.-]*\.(js|css|map)$/.test(name);
    return c.body(new Uint8Array(body), 200, {
      ...shared,
      'content-type': type,
      'cache-control': fixed ? YEAR : SHORT,
    });
  };
}
