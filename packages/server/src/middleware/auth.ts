import type { MiddlewareHandler } from 'hono';
import type { Deps, AppEnv } from '../env.js';
import { forbidden, unauthorized } from '../errors.js';
import { shopByKey } from '../domains/shops/storage.js';
import { TOKEN_PROBLEM_MESSAGES, verifyCustomerToken } from '../tokens.js';

/**
 * Resolves the shop from `Authorization: Bearer pk_…|sk_…` (or `?key=` where `allowQueryKey`,
 * for EventSource, which cannot send headers). `secret` routes refuse publishable keys.
 */
export function requireKey(
  { db }: Deps,
  need: 'publishable' | 'secret',
  options: { allowQueryKey?: boolean } = {},
): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const header = c.req.header('authorization');
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
