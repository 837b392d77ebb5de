import type { MiddlewareHandler } from 'hono';

/**
 * CORS for browsers on shop pages. Preflights can't carry the key, so they are answered for any
 * origin; the real request is then checked against the shop's allowed origins (see auth.ts).
 */
export function cors(): MiddlewareHandler {
  return async (c, next) => {
    const origin = c.req.header('origin');
    if (c.req.method === 'OPTIONS' && origin) {
      return new Response(null, {
        status: 204,
        headers: {
          'access-control-allow-origin': origin,
          'access-control-allow-methods': 'GET, POST, PUT, PATCH, DELETE, OPTIONS',
          'access-control-allow-headers':
            'authorization, content-type, idempotency-key, x-kith-customer, last-event-id',
          'access-control-max-age': '600',
          vary: 'Origin',
        },
      });
    }
    await next();
    if (origin) {
      c.res.headers.set('access-control-allow-origin', origin);
      c.res.headers.set('access-control-expose-headers', 'retry-after, idempotent-replayed, request-id');
      if (!/\bOrigin\b/i.test(c.res.headers.get('vary') ?? '')) c.res.headers.append('vary', 'Origin');
    }
  };
}
