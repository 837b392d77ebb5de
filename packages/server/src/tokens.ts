import { createHmac } from 'node:crypto';
import { errors, jwtVerify, SignJWT, type JWTHeaderParameters } from 'jose';

/**
 * Customer tokens: HS256 JSON Web Tokens signed with a shop's secret key, on `jose` (signatures,
 * base64url, header and claim checks are its job). Only HS256 is accepted (no `alg: none`, no key
 * confusion); `exp` and `sub` are required; `nbf` and `iat` are honoured. The header's `kid` names
 * the secret that signed the token, so a shop can rotate its secret key and keep accepting tokens
 * signed with the previous one for an overlap window (docs/server.md, "Rotating your secret key").
 */
export interface CustomerClaims {
  /** The shop's own customer id. */
  readonly sub: string;
  /** Seconds since the epoch. */
  readonly exp: number;
  readonly iat?: number;
  readonly nbf?: number;
  /** `stream` for tokens that open a stream of customer data. */
  readonly scope?: string;
}

/**
 * Seconds the merchant's clock may be off from this server's: `exp` may be this far past and `nbf`
 * or `iat` this far ahead. Small, since tokens are short-lived (15 minutes by default).
 */
export const CLOCK_TOLERANCE_SECONDS = 30;
/** The longest customer id a token may carry, as the admin API's `customerId`s. */
export const MAX_CUSTOMER_ID_LENGTH = 200;
// Far above a real token (about 250 characters); refused before any parsing.
const MAX_TOKEN_LENGTH = 4096;
const DEFAULT_TTL_SECONDS = 900;
// Control characters (NUL, line breaks, C1) and lone surrogates: ids that would break logs and
// headers, or that the database cannot store as sent.
const BAD_ID = /[\p{Cc}\p{Cs}]/u;

/** Whether `id` can be a token's `sub`: 1 to 200 characters, no control characters, valid Unicode. */
export const isValidCustomerId = (id: unknown): id is string =>
  typeof id === 'string' && id.length > 0 && id.length <= MAX_CUSTOMER_ID_LENGTH && !BAD_ID.test(id);

/**
 * The `kid` of tokens signed with `secretKey`: 16 base64url characters of an HMAC of a fixed label
 * under the secret. Stable, so a merchant's backend can compute it from the secret alone; not
 * secret, since it tells no more about the key than a token's signature already does.
 */
export function customerTokenKeyId(secretKey: string): string {
  return createHmac('sha256', secretKey).update('kith customer token key id').digest('base64url').slice(0, 16);
}

const keyBytes = (secretKey: string) => new TextEncoder().encode(secretKey);

/**
 * What a merchant's backend runs to let a signed-in customer write through Kith: a token for
 * `customerId`, valid from now (`iat` and `nbf`) for `ttlSeconds` (default 900), with the `kid` of
 * `secretKey`. Async, as jose signs with WebCrypto.
 */
export async function signCustomerToken(
  secretKey: string,
  customerId: string,
  options: { ttlSeconds?: number; scope?: string; now?: number } = {},
): Promise<string> {
  if (!secretKey) throw new TypeError('secretKey is required');
  if (!isValidCustomerId(customerId))
    throw new TypeError(`customerId must be 1 to ${MAX_CUSTOMER_ID_LENGTH} characters without control characters`);
  const ttl = options.ttlSeconds ?? DEFAULT_TTL_SECONDS;
  if (!Number.isInteger(ttl) || ttl <= 0) throw new TypeError('ttlSeconds must be a positive whole number');
  const iat = Math.floor((options.now ?? Date.now()) / 1000);
  return new SignJWT(options.scope ? { scope: options.scope } : {})
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT', kid: customerTokenKeyId(secretKey) })
    .setSubject(customerId)
    .setIssuedAt(iat)
    .setNotBefore(iat)
    .setExpirationTime(iat + ttl)
    .sign(keyBytes(secretKey));
}

/**
 * Why a token is refused; the API answers 401 `customer_token_<problem>`. `not_yet_valid`: `nbf` or
 * `iat` ahead of this server's clock by more than the tolerance; `unknown_key`: a `kid` that is
 * neither the shop's secret key nor, within its overlap window, the previous one.
 */
export type TokenProblem = 'malformed' | 'bad_signature' | 'expired' | 'wrong_alg' | 'not_yet_valid' | 'unknown_key';

/** The secrets a shop's tokens may be signed with: its secret key and, during a rotation's overlap window, the one before. */
export interface CustomerTokenSecrets {
  readonly current: string;
  readonly previous?: string | undefined;
}

class UnknownKey extends Error {}

/**
 * Returns the claims, or why the token is refused. The secret is picked by the header's `kid`; a
 * token without one (signed before tokens had it, or by another JWT library) is checked against the
 * current secret only.
 */
export async function verifyCustomerToken(
  secrets: string | CustomerTokenSecrets,
  token: string,
  now = Date.now(),
): Promise<CustomerClaims | TokenProblem> {
  if (typeof token !== 'string' || token.length > MAX_TOKEN_LENGTH) return 'malformed';
  const { current, previous } = typeof secrets === 'string' ? { current: secrets, previous: undefined } : secrets;
  const pick = (header: JWTHeaderParameters) => {
    if (header.kid === undefined || header.kid === customerTokenKeyId(current)) return keyBytes(current);
    if (previous && header.kid === customerTokenKeyId(previous)) return keyBytes(previous);
    throw new UnknownKey();
  };
  let payload: Record<string, unknown>;
  try {
    ({ payload } = await jwtVerify(token, pick, {
      algorithms: ['HS256'],
      requiredClaims: ['exp', 'sub'],
      clockTolerance: CLOCK_TOLERANCE_SECONDS,
      currentDate: new Date(now),
    }));
  } catch (e) {
    return problemOf(e);
  }
  // jose checked the types of exp, nbf and iat (numbers) and exp and nbf against the clock; a
  // future iat and an exp of 1e309 (Infinity: never expiring) are left to us.
  const { sub, exp, iat, nbf, scope } = payload;
  if (!isValidCustomerId(sub) || !Number.isFinite(exp) || (scope !== undefined && typeof scope !== 'string'))
    return 'malformed';
  if (typeof iat === 'number' && iat > now / 1000 + CLOCK_TOLERANCE_SECONDS) return 'not_yet_valid';
  return {
    sub,
    exp: exp as number,
    ...(typeof iat === 'number' ? { iat } : {}),
    ...(typeof nbf === 'number' ? { nbf } : {}),
    ...(scope !== undefined ? { scope } : {}),
  };
}

function problemOf(e: unknown): TokenProblem {
  if (e instanceof UnknownKey) return 'unknown_key';
  if (e instanceof errors.JOSEAlgNotAllowed) return 'wrong_alg';
  if (e instanceof errors.JWSSignatureVerificationFailed) return 'bad_signature';
  if (e instanceof errors.JWTExpired) return 'expired';
  if (
    e instanceof errors.JWTClaimValidationFailed &&
    (e.claim === 'nbf' || e.claim === 'iat') &&
    e.reason === 'check_failed'
  )
    return 'not_yet_valid';
  // Anything else jose refuses is the token's shape: bad base64url or JSON, a missing claim, an
  // unrecognised `crit`, an unencoded payload. A bug of ours is not the caller's: rethrown.
  if (e instanceof errors.JOSEError) return 'malformed';
  throw e;
}

/** The message for each problem, naming what to fix. */
export const TOKEN_PROBLEM_MESSAGES: Record<TokenProblem, string> = {
  malformed: `The customer token is malformed: it must be a JWT with a numeric exp and a sub of 1 to ${MAX_CUSTOMER_ID_LENGTH} characters without control characters`,
  bad_signature: "The customer token is not signed with this shop's secret key",
  expired: 'The customer token has expired',
  wrong_alg: 'The customer token must be signed with HS256',
  not_yet_valid:
    "The customer token is not valid yet (its nbf or iat is in the future: check the signing server's clock)",
  unknown_key:
    "The customer token's kid names neither this shop's secret key nor the previous one within its overlap window",
};
