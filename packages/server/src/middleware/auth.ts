import type { Context, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import type { Deps, AppEnv } from '../env.js';
import { forbidden, unauthorized } from '../errors.js';
import { getShop, shopByKey } from '../domains/shops/storage.js';
import { sessionUser } from '../domains/staff/storage.js';
import { TOKEN_PROBLEM_MESSAGES, verifyCustomerToken } from '../tokens.js';

/**
 * Resolves the shop from `Authorization: Bearer pk_…|sk_…` (or `?key=` where `allowQueryKey`,
 * for EventSource, which cannot send headers). `secret` routes refuse publishable keys.
 */
export function requireKey(
  deps: Deps,
  need: 'publishable' | 'secret',
  options: { allowQueryKey?: boolean; session?: 'owner' | 'moderation' } = {},
): MiddlewareHandler<AppEnv> {
  const { db } = deps;
  const session = options.session && requireSession(deps, options.session === 'owner' ? 'owner' : 'any');
  return async (c, next) => {
    const header = c.req.header('authorization');
    // Admin routes also let in a console session (a staff member's cookie), when no key is sent.
    if (session && !header && sessionSecret(c)) return session(c, next);
    const key = header?.startsWith('Bearer ')
      ? header.slice(7).trim()
      : options.allowQueryKey
        ? c.req.query('key')
        : undefined;
    if (!key) throw unauthorized('missing_key', 'Send your key as "Authorization: Bearer <key>"');
    const found = await shopByKey(db, key);
    if (!found) throw unauthorized('invalid_key', 'Unknown key');
    if (need === 'secret' && found.kind !== 'secret')
      throw forbidden('secret_key_required', 'This endpoint needs the secret key, from your server only');
    // Browsers send Origin on cross-origin requests: a publishable key only works from the shop's own sites.
    const origin = c.req.header('origin');
    if (
      found.kind === 'publishable' &&
      origin &&
      !sameOrigin(origin, c.req.url) &&
      !found.shop.allowedOrigins.includes(origin)
    ) {
      throw forbidden('origin_not_allowed', `Origin ${origin} is not allowed for this shop`);
    }
    c.set('shop', found.shop);
    c.set('keyKind', found.kind);
    await next();
  };
}

const sameOrigin = (origin: string, url: string) => {
  try {
    return new URL(url).origin === origin;
  } catch {
    return false;
  }
};

/**
 * Writes on behalf of a customer need `X-Kith-Customer: <HS256 JWT signed with the shop's secret>`;
 * never a client-supplied id. During a key rotation's overlap window the previous secret signs too.
 */
export const requireCustomer = (): MiddlewareHandler<AppEnv> => customer(true);

/**
 * Reads that show a signed-in customer their own part (their seat in a team) take the token when
 * sent; without one they answer anonymously. A token that is sent must be valid.
 */
export const optionalCustomer = (): MiddlewareHandler<AppEnv> => customer(false);

function customer(required: boolean): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const token = c.req.header('x-kith-customer');
    if (!token) {
      if (required)
        throw unauthorized(
          'customer_token_required',
          'Sign the customer in: send X-Kith-Customer with a token from your server',
        );
      return next();
    }
    const shop = c.get('shop');
    const claims = await verifyCustomerToken({ current: shop.secretKey, previous: shop.previousSecretKey }, token);
    if (typeof claims === 'string') throw unauthorized(`customer_token_${claims}`, TOKEN_PROBLEM_MESSAGES[claims]);
    c.set('customerId', claims.sub);
    await next();
  };
}

/** The console's session cookie: `HttpOnly`, `SameSite=Strict`; over https `Secure` and `__Host-` prefixed (console routes set it). */
export const SESSION_COOKIE = 'kith_console';
/** The session cookie's secret, with or without its `__Host-` prefix. */
export const sessionSecret = (c: Context<AppEnv>) =>
  getCookie(c, SESSION_COOKIE, 'host') ?? getCookie(c, SESSION_COOKIE);

/**
 * A console session (the `kith_console` cookie) signs in a staff member of one shop. `owner`: only
 * owners pass (403 `role_forbidden` for a moderator); `any`: moderators too. A write must
 * come from the console's own origin (`refuseForeignOrigin`). Sets `shop`, `staff`, and `keyKind`
 * `secret`, since the session acts with the shop's admin rights.
 */
export function requireSession({ db, publicUrl }: Deps, need: 'owner' | 'any'): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    refuseForeignOrigin(c, publicUrl);
    const secret = sessionSecret(c);
    const user = secret ? await sessionUser(db, secret) : undefined;
    if (!user) throw unauthorized('session_required', 'Sign in to the console again: no session, or it ended');
    if (need === 'owner' && user.role !== 'owner')
      throw forbidden('role_forbidden', `A ${user.role} may not do this; ask an owner of the shop`);
    const shop = await getShop(db, user.shopId);
    if (!shop) throw unauthorized('session_required', 'Sign in to the console again: no session, or it ended');
    c.set('shop', shop);
    c.set('keyKind', 'secret');
    c.set('staff', user);
    await next();
  };
}

/**
 * Cookies go with every request a browser makes to this server, so a write carrying one must be
 * from the console's own pages: a write whose `Origin` is another site's (or whose
 * `Sec-Fetch-Site` says cross-site) is refused (the server's own origin, or `publicUrl`'s behind a proxy) with 403 `origin_not_allowed`. Browsers send
 * `Origin` on every write; a request without it is no browser's, and carries no one else's cookie.
 */
export function refuseForeignOrigin(c: Context<AppEnv>, publicUrl?: string): void {
  if (c.req.method === 'GET' || c.req.method === 'HEAD') return;
  const origin = c.req.header('origin');
  const site = c.req.header('sec-fetch-site');
  const own = [new URL(c.req.url).origin, ...(publicUrl ? [new URL(publicUrl).origin] : [])];
  if (
    (origin !== undefined && !own.includes(origin)) ||
    (site !== undefined && site !== 'same-origin' && site !== 'none')
  )
    throw forbidden('origin_not_allowed', `Console writes come from the console's own origin, not ${origin ?? site}`);
}
