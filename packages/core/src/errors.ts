/**
 * Errors an adapter may throw. Widgets only ever see these, so a vendor's error shapes never leak
 * into UI code (the ky `KyError` family is the model).
 */
import type { ClientErrorCode, KithErrorCode } from './error-codes.js';

// Brands survive two copies of @kith/core on one page, where `instanceof` would not.
const BRAND = Symbol.for('kith.error');
const brand = (e: unknown): string | undefined =>
  typeof e === 'object' && e !== null ? (e as Record<symbol, string>)[BRAND] : undefined;

export class KithError extends Error {
  /**
   * Machine-readable, stable: a server code (`KithErrorCode`) or one made here (`ClientErrorCode`:
   * `timeout`, `network`, `unsupported`, `unknown`, `http_<status>`). A string, as adapters may add their own.
   */
  readonly code: string;
  /**
   * On a failed write: send the retry with this key so the server replays instead of writing twice.
   * Set on timeouts and network errors too, where it matters most.
   */
  idempotencyKey?: string;
  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'KithError';
    this.code = code;
  }
}

export class HttpError extends KithError {
  readonly status: number;
  readonly details?: unknown;
  constructor(
    status: number,
    code: string,
    message: string,
    extra: { details?: unknown; idempotencyKey?: string; cause?: unknown } = {},
  ) {
    super(code, message, { cause: extra.cause });
    this.name = 'HttpError';
    this.status = status;
    this.details = extra.details;
    this.idempotencyKey = extra.idempotencyKey;
  }
}

/**
 * The `HttpError` for a response the server refused, from its `{ error: { code, message, details } }`
 * body (a body that is not JSON keeps the status-derived code `http_<status>`).
 */
export async function httpErrorOf(
  response: Response,
  extra: { message?: string; idempotencyKey?: string; cause?: unknown } = {},
): Promise<HttpError> {
  let code = `http_${response.status}`;
  let message = extra.message ?? `Request failed with status ${response.status}`;
  let details: unknown;
  try {
    const { error } = (await response.json()) as { error?: { code?: string; message?: string; details?: unknown } };
    if (error?.code) code = error.code;
    if (error?.message) message = error.message;
    details = error?.details;
  } catch {
    // Not JSON: keep the status-derived code.
  }
  return new HttpError(response.status, code, message, { details, ...extra });
}

export class TimeoutError extends KithError {
  constructor(message = 'The request timed out', options?: { cause?: unknown }) {
    super('timeout', message, options);
    this.name = 'TimeoutError';
  }
}

export class NetworkError extends KithError {
  constructor(message = 'The network request failed', options?: { cause?: unknown }) {
    super('network', message, options);
    this.name = 'NetworkError';
  }
}

export class UnsupportedError extends KithError {
  constructor(what: string) {
    super('unsupported', `This adapter does not support ${what}`);
    this.name = 'UnsupportedError';
  }
}

for (const [cls, name] of [
  [KithError, 'KithError'],
  [HttpError, 'HttpError'],
  [TimeoutError, 'TimeoutError'],
  [NetworkError, 'NetworkError'],
  [UnsupportedError, 'UnsupportedError'],
] as const) {
  Object.defineProperty(cls.prototype, BRAND, { value: name });
}

export const isKithError = (e: unknown): e is KithError => brand(e) !== undefined;
export const isHttpError = (e: unknown): e is HttpError => brand(e) === 'HttpError';
export const isTimeoutError = (e: unknown): e is TimeoutError => brand(e) === 'TimeoutError';
export const isNetworkError = (e: unknown): e is NetworkError => brand(e) === 'NetworkError';
export const isUnsupportedError = (e: unknown): e is UnsupportedError => brand(e) === 'UnsupportedError';
/** Aborts are how widgets cancel stale work; they are never shown as failures. */
export const isAbortError = (e: unknown): boolean =>
  typeof e === 'object' && e !== null && (e as { name?: string }).name === 'AbortError';

/** Wraps anything thrown into a KithError, keeping the original as `cause`. */
export function toKithError(e: unknown): KithError {
  if (isKithError(e)) return e;
  return new KithError('unknown', e instanceof Error ? e.message : String(e), { cause: e });
}

/**
 * The code a widget explains `e` by, when it is one of `known` (the codes its string tables have a
 * message for); undefined for the widget's generic message. Every 401 reads as
 * `customer_token_required`: whatever was wrong with the token, or an answer without a code, the
 * shopper's way out is to sign in.
 */
export function explainedCode<C extends KithErrorCode | ClientErrorCode>(
  e: unknown,
  known: readonly C[],
): C | undefined {
  if (!isKithError(e)) return undefined;
  const code = isHttpError(e) && e.status === 401 ? 'customer_token_required' : e.code;
  return (known as readonly string[]).includes(code) ? (code as C) : undefined;
}
