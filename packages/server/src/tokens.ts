import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * HS256 JSON Web Tokens, signed with a shop's secret key. Small enough to own: only HS256 is
 * accepted (no `alg: none`, no key confusion), `exp` is required, signatures compare in constant
 * time.
 */
export interface CustomerClaims {
  /** The shop's own customer id. */
  readonly sub: string;
  /** Seconds since the epoch. */
  readonly exp: number;
  readonly iat?: number;
  /** `stream` for tokens that open a stream of customer data. */
  readonly scope?: string;
}

const b64url = (data: Buffer | string) => Buffer.from(data).toString('base64url');
const HEADER = b64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));

/** What a merchant's backend runs to let a signed-in customer write through Kith. */
export function signCustomerToken(secretKey: string, customerId: string, options: { ttlSeconds?: number; scope?: string; now?: number } = {}): string {
  if (!customerId) throw new Error('customerId is required');
  const iat = Math.floor((options.now ?? Date.now()) / 1000);
  const claims: CustomerClaims = { sub: customerId, iat, exp: iat + (options.ttlSeconds ?? 900), ...(options.scope ? { scope: options.scope } : {}) };
  const body = `${HEADER}.${b64url(JSON.stringify(claims))}`;
  return `${body}.${b64url(createHmac('sha256', secretKey).update(body).digest())}`;
}

export type TokenProblem = 'malformed' | 'bad_signature' | 'expired' | 'wrong_alg';

/** Returns the claims, or why the token is refused. */
export function verifyCustomerToken(secretKey: string, token: string, now = Date.now()): CustomerClaims | TokenProblem {
  const parts = token.split('.');
  if (parts.length !== 3) return 'malformed';
  const [header, payload, signature] = parts as [string, string, string];
  let alg: unknown;
  let claims: Partial<CustomerClaims>;
  try {
    alg = JSON.parse(Buffer.from(header, 'base64url').toString('utf8')).alg;
    claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return 'malformed';
  }
  if (alg !== 'HS256') return 'wrong_alg';
  const expected = createHmac('sha256', secretKey).update(`${header}.${payload}`).digest();
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return 'bad_signature';
  if (typeof claims.sub !== 'string' || !claims.sub || typeof claims.exp !== 'number') return 'malformed';
  if (claims.exp * 1000 <= now) return 'expired';
  return claims as CustomerClaims;
}
