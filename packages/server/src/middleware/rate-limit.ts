import type { Context, MiddlewareHandler } from 'hono';
import type { Db } from '../db.js';
import type { Deps, AppEnv } from '../env.js';
import { ApiError } from '../errors.js';
import { normalizeEmail } from '../domains/staff/storage.js';
import { clientIp } from './client-ip.js';
import { isJsonType } from './text.js';

/**
 * Counts one hit in `bucket`'s fixed window of `seconds`, in the database so every server process
 * counts together. Answers the hits so far in the window and the seconds until it ends.
 */
async function hit(db: Db, bucket: string, seconds: number): Promise<{ hits: number; resetIn: number }> {
  const { rows } = await db.query<{ hits: number; reset_in: number }>(
    `INSERT INTO rate_limits (bucket, window_start, hits) VALUES ($1, now(), 1)
     ON CONFLICT (bucket) DO UPDATE SET
       hits = CASE WHEN rate_limits.window_start < now() - make_interval(secs => $2::integer) THEN 1 ELSE rate_limits.hits + 1 END,
       window_start = CASE WHEN rate_limits.window_start < now() - make_interval(secs => $2::integer) THEN now() ELSE rate_limits.window_start END
     RETURNING hits, ceil(extract(epoch FROM (window_start + make_interval(secs => $2::integer) - now())))::int AS reset_in`,
    [bucket, seconds],
  );
  return { hits: rows[0]!.hits, resetIn: Math.max(1, rows[0]!.reset_in) };
}

/**
 * Writes per key and client IP (`clientIp`, behind the trust-proxy setting) per minute, counted in
 * the database so every server process enforces one limit. Over it: 429 with Retry-After until the window ends.
 */
export function rateLimit({ db, writeLimit = 120 }: Deps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (c.req.method === 'GET' || c.req.method === 'OPTIONS') return next();
    const staff = c.get('staff');
    const who = staff ? `staff:${staff.id}` : c.get('keyKind');
    const { hits, resetIn } = await hit(db, `${c.get('shop').id}:${who}:${clientIp(c)}`, 60);
    if (hits > writeLimit) {
      const after = String(resetIn);
      throw new ApiError(429, 'rate_limited', `Too many writes; try again in ${after} s`, undefined, {
        'retry-after': after,
      });
    }
    await next();
  };
}

/** Console sign-ins in any 15 minutes: per email (guessing one person's password), per address (trying many). */
export const SIGN_IN_LIMITS = { windowSeconds: 15 * 60, perEmail: 5, perAddress: 30 } as const;

const emailBucket = (email: string) => `sign-in:email:${normalizeEmail(email)}`;

/**
 * Counts every attempt to sign in (or to accept an invitation) before the password is checked,
 * outside the write's transaction, so a refusal still counts. A sign-in that succeeds clears its
 * email's count (`clearSignInCount`). Over a limit: 429 `sign_in_rate_limited` with Retry-After.
 */
export function signInLimit({ db }: Deps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const { windowSeconds, perEmail, perAddress } = SIGN_IN_LIMITS;
    const attempt = await attemptOf(c);
    // A body that tries no password is refused by the route's schema, and counts for nothing.
    if (!attempt) return next();
    const counts = [await hit(db, `sign-in:ip:${clientIp(c)}`, windowSeconds)];
    if (attempt.email) counts.push(await hit(db, emailBucket(attempt.email), windowSeconds));
    const over = counts.find((n, i) => n.hits > (i === 0 ? perAddress : perEmail));
    if (over)
      throw new ApiError(
        429,
        'sign_in_rate_limited',
        `Too many sign-in attempts; try again in ${over.resetIn} s`,
        undefined,
        { 'retry-after': String(over.resetIn) },
      );
    await next();
  };
}

/** After a successful sign-in: that email starts again from zero (its address keeps counting). */
export async function clearSignInCount(db: Db, email: string): Promise<void> {
  await db.query('DELETE FROM rate_limits WHERE bucket = $1', [emailBucket(email)]);
}

// A JSON body with a password to try (and the email it is tried for, when signing in).
async function attemptOf(c: Context<AppEnv>): Promise<{ email?: string } | undefined> {
  if (!isJsonType(c.req.header('content-type'))) return undefined;
  try {
    const body = (await c.req.json()) as { email?: unknown; password?: unknown };
    if (typeof body?.password !== 'string' || !body.password) return undefined;
    // As the route's schema reads it (trimmed, then at most 320), so no padding escapes the count.
    const email = typeof body.email === 'string' ? normalizeEmail(body.email) : '';
    return email && email.length <= 320 ? { email } : {};
  } catch {
    return undefined;
  }
}
