import { randomUUID } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../env.js';

/** Where the API reference explains `code`, on the server's public origin. */
export const docUrl = (origin: string, code: string) => `${origin}/docs/api#error-${code}`;

/** An id a caller or proxy may pass in to correlate logs; anything else is replaced. */
const GIVEN = /^[\w.:-]{1,100}$/;

/**
 * Every response carries a `Request-Id` (the caller's own `Request-Id` or `X-Request-Id` when it is
 * a plain token, else a new one), and every error body gets it too, with `docUrl`: where the
 * server's API reference explains the code (`/docs/api#error-<code>`, on `publicUrl` when set). A
 * merchant quoting the id lets the server's log line be found; the 500 log line carries it.
 */
export function requestIds(publicUrl?: string): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const given = [c.req.header('request-id'), c.req.header('x-request-id')].find((v) => v && GIVEN.test(v));
    const id = given ?? `req_${randomUUID()}`;
    c.set('requestId', id);
    await next();
    const res = c.res;
    if (res.status >= 400 && res.headers.get('content-type')?.startsWith('application/json')) {
      const body = (await res
        .clone()
        .json()
        .catch(() => null)) as { error?: { code?: unknown } } | null;
      if (body?.error && typeof body.error.code === 'string') {
        const doc = docUrl(publicUrl ?? new URL(c.req.url).origin, body.error.code);
        const headers = new Headers(res.headers);
        headers.delete('content-length');
        c.res = undefined; // Hono merges headers set on c into a replaced response; start clean
        c.res = new Response(JSON.stringify({ ...body, error: { ...body.error, requestId: id, docUrl: doc } }), {
          status: res.status,
          headers,
        });
      }
    }
    c.res.headers.set('request-id', id);
  };
}
