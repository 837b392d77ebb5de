import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, extname, join, resolve, sep } from 'node:path';
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
  return async (c) => {
    const rel = decodeURIComponent(c.req.path.slice('/cdn/'.length));
    const file = resolve(root, rel);
    const type = TYPES[extname(file)];
    if (!type || !file.startsWith(root + sep)) return c.notFound();
    let body: Buffer;
    try {
      body = await readFile(file);
    } catch {
      return c.notFound();
    }
    const fixed = /^chunks\//.test(rel) || /-\d+\.\d+\.\d+[\w.-]*\.(js|css|map)$/.test(rel);
    return c.body(new Uint8Array(body), 200, {
      'content-type': type,
      'cache-control': fixed ? YEAR : SHORT,
      'access-control-allow-origin': '*',
      'cross-origin-resource-policy': 'cross-origin',
      'x-content-type-options': 'nosniff',
    });
  };
}
