import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { KithErrorCode } from '@kith/core';
import { isKithErrorCode } from '@kith/core/error-codes';
import { isDatabaseUnavailable, reason } from './db.js';
import { clientIp } from './middleware/client-ip.js';

/**
 * Every error response is `{ error: { code, message, details? } }`; never a stack or SQL. Codes are
 * @kith/core's catalogue (`KithErrorCode`), so a new one is added there first; the message is for
 * developers, the widgets say it to shoppers in their own words.
 */
export class ApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: KithErrorCode,
    message: string,
    readonly details?: unknown,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

export const badRequest = (message: string, details?: unknown) =>
  new ApiError(400, 'invalid_request', message, details);

/**
 * A schema failure as a 400 naming each field: `details: [{ path: 'json.title', message }]`. The
 * code is `invalid_request`, or the first one a rule names in its params (`invalid_date`).
 */
export function invalid(
  target: string,
  issues: readonly { path: readonly PropertyKey[]; message: string; params?: Record<string, unknown> }[],
): ApiError {
  const details = issues.map((i) => ({ path: [target, ...i.path.map(String)].join('.'), message: i.message }));
  // A rule's code is only a string to zod: one outside the catalogue is not sent (a test greps the schemas for them).
  const code = issues.map((i) => i.params?.code).find(isKithErrorCode) ?? 'invalid_request';
  return new ApiError(400, code, `Invalid ${target}: ${details.map((d) => d.path).join(', ')}`, details);
}
/** NUL or a lone surrogate at `path` (`json.title`, `path`, `query.q`): text the database can't keep as sent. */
export const invalidText = (path: string) =>
  new ApiError(400, 'invalid_text', `${path} contains a NUL character or a lone surrogate`, [
    { path, message: 'Text must be valid Unicode without NUL' },
  ]);
export const unsupportedMediaType = () =>
  new ApiError(415, 'unsupported_media_type', 'Send the body as JSON, with Content-Type: application/json');
export const unauthorized = (code: KithErrorCode, message: string) => new ApiError(401, code, message);
export const forbidden = (code: KithErrorCode, message: string) => new ApiError(403, code, message);
export const notFound = (what: string) => new ApiError(404, 'not_found', `${what} not found`);
export const conflict = (code: KithErrorCode, message: string) => new ApiError(409, code, message);

export const errorBody = (code: KithErrorCode, message: string, details?: unknown) => ({
  error: details === undefined ? { code, message } : { code, message, details },
});

/**
 * Seconds a client is asked to wait while the database is unreachable: short, since @kith/core
 * retries a GET twice after it and the widgets promise their fallback within 6 s.
 */
const DATABASE_RETRY_AFTER = 2;
let unavailableLoggedAt = 0;

const DATA_EXCEPTION_CODES: Record<string, KithErrorCode> = {
  '22021': 'invalid_text', // character_not_in_repertoire: NUL in text
  '22P05': 'invalid_text', // untranslatable_character
  '22007': 'invalid_date', // invalid_datetime_format
  '22008': 'invalid_date', // datetime_field_overflow: year 0, say
};

/**
 * The app's single error mapper: known errors keep their status, an unreachable database is a 503
 * the client may retry, a value the database cannot hold a 400, anything else is a logged 500.
 */
export function toErrorResponse(err: Error, c: Context): Response {
  if (err instanceof ApiError) {
    for (const [k, v] of Object.entries(err.headers)) c.header(k, v);
    return c.json(errorBody(err.code, err.message, err.details), err.status);
  }
  if (isDatabaseUnavailable(err)) {
    // Every request fails the same way during an outage: one line every few seconds is enough.
    if (Date.now() - unavailableLoggedAt > 5_000) {
      unavailableLoggedAt = Date.now();
      console.warn('[kith-server] database unavailable, answering 503:', reason(err));
    }
    c.header('retry-after', String(DATABASE_RETRY_AFTER));
    return c.json(errorBody('database_unavailable', 'The database is unavailable; try again shortly'), 503);
  }
  // Hono raises HTTPException for malformed JSON bodies and the like; the OpenAPI router a 415 for a
  // body that is not of the route's declared type (JSON sent as text/plain, form-encoded or untyped).
  const status = (err as { status?: number }).status;
  if (status === 400) return c.json(errorBody('invalid_request', 'The request body is not valid JSON'), 400);
  if (status === 415) return toErrorResponse(unsupportedMediaType(), c);
  // SQLSTATE class 22 (data exception): a value the database can't hold got past the schemas. It
  // is the request's value, so a 400; logged, because a schema should have refused it first.
  const sqlState = (err as { code?: unknown }).code;
  if (typeof sqlState === 'string' && /^22[0-9A-Z]{3}$/.test(sqlState)) {
    console.warn(`[kith-server] the database refused a value (SQLSTATE ${sqlState}): ${err.message}`);
    return c.json(
      errorBody(DATA_EXCEPTION_CODES[sqlState] ?? 'invalid_request', 'A value in the request cannot be stored'),
      400,
    );
  }
  // The stack and SQLSTATE only: database errors also carry the query, its parameters (keys,
  // customer text) and row details, which must never reach a log. The path is quoted: a caller
  // could put a line break in it.
  const where = `${c.req.method} ${JSON.stringify(c.req.path)} from ${clientIp(c)} (Request-Id ${c.get('requestId')})`;
  console.error(
    `[kith-server] unhandled error in ${where}:`,
    sqlState ? `(SQLSTATE ${String(sqlState)})` : '',
    err.stack ?? err.message,
  );
  return c.json(errorBody('internal', 'Something went wrong on our side'), 500);
}
