import type { MiddlewareHandler } from 'hono';
import type { Deps, AppEnv } from '../env.js';
import { ApiError } from '../errors.js';
import { clientIp } from './client-ip.js';

/**
 * Writes per key and client IP (`clientIp`, behind the trust-proxy setting) per minute, counted in
 * the database so every server process enforces one limit. Over it: 429 with Retry-After until the window ends.
 */
export function rateLimit({ db, writeLimit = 120 }: Deps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (c.req.method === 'GET' || c.req.method === 'OPTIONS') return next();
    const bucket = `${c.get('shop').id}:${c.get('keyKind')}:${clientIp(c)}`;
    const { rows } = await db.query<{ hits: number; reset_in: number }>(
      `INSERT INTO rate_limits (bucket, window_start, hits) VALUES ($1, now(), 1)
       ON CONFLICT (bucket) DO UPDATE SET
         hits = CASE WHEN rate_limits.window_start < now() - interval '1 minute' THEN 1 ELSE rate_limits.hits + 1 END,
         window_start = CASE WHEN rate_limits.window_start < now() - interval '1 minute' THEN now() ELSE rate_limits.window_start END
       RETURNING hits, ceil(extract(epoch FROM (window_start + interval '1 minute' - now())))::int AS reset_in`,
      [bucket],
    );
    const { hits, reset_in } = rows[0]!;
    if (hits > writeLimit) {
      const after = String(Math.max(1, reset_in));
      throw new ApiError(429, 'rate_limited', `Too many writes; try again in ${after} s`, undefined, {
        'retry-after': after,
      });
    }
    await next();
  };
}
