import type { Context, MiddlewareHandler } from 'hono';
import type { AppEnv } from '../env.js';

/**
 * Every response: `X-Content-Type-Options: nosniff` (a JSON body is never run as a script or page)
 * and an explicit `Cache-Control` (docs/server.md, "Caching and security headers"):
 * - `no-store`: writes, errors, streams, and anything for one customer or the merchant (a customer
 *   token or the secret key), so no cache, shared or the browser's, keeps it;
 * - a public read with the key in the URL: `public, max-age=10, stale-while-revalidate=60` and an
 *   ETag (router.ts `publicCache`), so a CDN can keep it;
 * - `private, no-cache`: a public read with the key in a header. Shared caches must not keep it (the
 *   key is not in the URL, so two shops' `p1` would collide); the browser revalidates each time;
 * - a read's own choice otherwise (photos: public and immutable; a moderator's: private, no-store).
 */
export function securityHeaders(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    await next();
    c.res.headers.set('x-content-type-options', 'nosniff');
    c.res.headers.set('cache-control', cacheControl(c));
  };
}

function cacheControl(c: Context<AppEnv>): string {
  // Hono's SSE helper says `no-cache`; a stream is live, and may be a customer's.
  if (c.res.headers.get('content-type')?.startsWith('text/event-stream')) return 'no-store';
  if (c.res.status >= 400 || (c.req.method !== 'GET' && c.req.method !== 'HEAD')) return 'no-store';
  const own = c.res.headers.get('cache-control');
  // A customer's or the merchant's data is never kept, whatever else the route chose.
  if (c.req.header('x-kith-customer') || c.get('keyKind') === 'secret')
    return own?.includes('no-store') ? own : 'no-store';
  return own ?? 'private, no-cache';
}
