import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Handler } from 'hono';

/**
 * The console's CSP: its own script and styles only (Lit's styles are constructed sheets), photos
 * from this server, no inline script, no framing, and Trusted Types for every DOM sink (Lit's
 * `lit-html` policy is the only one).
 */
export const CONSOLE_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "require-trusted-types-for 'script'",
  'trusted-types lit-html',
].join('; ');

const FILES: Record<string, string> = {
  'index.html': 'text/html; charset=utf-8',
  'console.js': 'text/javascript; charset=utf-8',
  'console.js.map': 'application/json',
  'console.css': 'text/css; charset=utf-8',
};

/** The built console (`@kith/console`'s `dist`), if it is installed and built. */
export function defaultConsoleDir(): string | undefined {
  try {
    const dir = join(dirname(fileURLToPath(import.meta.resolve('@kith/console/package.json'))), 'dist');
    return existsSync(join(dir, 'index.html')) ? dir : undefined;
  } catch {
    return undefined;
  }
}

/**
 * `GET /admin/*`: the console's page, script and stylesheet, each revalidated on every visit (so a
 * new server version is picked up at once), never framed, and sending no Referer (an invitation's
 * token is in the fragment, which is never sent; this keeps the path out too).
 */
export function consoleHandler(dir: string): Handler {
  return async (c) => {
    const name = c.req.path.slice('/admin/'.length) || 'index.html';
    const type = Object.hasOwn(FILES, name) ? FILES[name] : undefined;
    const headers = {
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'cache-control': 'no-cache',
      'cross-origin-opener-policy': 'same-origin',
    };
    if (!type) return c.text('Not found', 404, { ...headers, 'cache-control': 'no-store' });
    const body = await readFile(join(dir, name));
    return c.body(new Uint8Array(body), 200, {
      ...headers,
      'content-type': type,
      ...(name === 'index.html' ? { 'content-security-policy': CONSOLE_CSP } : {}),
    });
  };
}
