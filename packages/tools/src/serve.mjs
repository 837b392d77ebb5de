// A small static server for test fixtures: pages and the CDN build, with the strict CSP from
// docs/csp.md on every response, so the tests prove the widgets need nothing looser.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';

// The same CSP the reference server sends with its pages (docs/csp.md), from one definition.
import { DEMO_CSP as CSP } from '@kith/server';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

/**
 * `mounts` maps URL prefixes to folders. `transformHtml(html, url)` may rewrite pages (the demo
 * uses it to switch the adapter into failure mode with `?fail`). `csp` replaces the policy (an app
 * whose framework has its own Trusted Types policy); `headers` are added to every file (a CDN's CORS header).
 */
/** @param {{ mounts: Record<string, string>, transformHtml?: (html: string, url: URL) => string, csp?: string, headers?: Record<string, string> }} options */
export function createStaticServer({ mounts, transformHtml = (html) => html, csp = CSP, headers = {} }) {
  return createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    try {
      const [prefix, dir] =
        Object.entries(mounts)
          .sort((a, b) => b[0].length - a[0].length)
          .find(([p]) => url.pathname.startsWith(p)) ?? [];
      if (!dir) throw Object.assign(new Error('not found'), { code: 'ENOENT' });
      let file = resolve(
        dir,
        normalize(decodeURIComponent(url.pathname.slice(prefix.length))).replace(/^(\.\.[/\\])+/, ''),
      );
      if (!file.startsWith(resolve(dir))) throw Object.assign(new Error('not found'), { code: 'ENOENT' });
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      let body = await readFile(file);
      const type = TYPES[extname(file)] ?? 'application/octet-stream';
      if (type.startsWith('text/html')) body = Buffer.from(transformHtml(body.toString('utf8'), url));
      res.writeHead(200, {
        'content-type': type,
        'content-security-policy': csp,
        'x-content-type-options': 'nosniff',
        'referrer-policy': 'strict-origin-when-cross-origin',
        'cache-control': 'no-cache',
        ...headers,
      });
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch (e) {
      const missing = e?.code === 'ENOENT' || e?.code === 'ENOTDIR';
      res.writeHead(missing ? 404 : 500, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(missing ? 'Not found' : 'Server error');
    }
  });
}
