import type { Context, MiddlewareHandler } from 'hono';
import type { AppEnv } from '../env.js';

/**
 * Every response: `X-Content-Type-Options: nosniff` (a JSON body is never run as a script or page)
 * and an explicit `Cache-Control` (docs/server.md, "Caching and security headers"):
 * - `no-store`: writes, errors, streams, and anything for one customer or the merchant (a customer
 *   token or the secret key), so no cache, shared or the browser's, keeps it;
 * - `private, no-cache`: public reads. Shared caches must not keep them (the key is not in the URL,
 *   so two shops' `p1` would collide), and the browser revalidates each time, so a review or a show
 *   is never shown stale after a write;
 * - a read's own choice before either (photos: public and immutable; a moderator's: private, no-store).
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
  if (own) return own;
  return c.req.header('x-kith-customer') || c.get('keyKind') === 'secret' ? 'no-store' : 'private, no-cache';
}
