import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { isDatabaseUnavailable, reason } from './db.js';
import { clientIp } from './middleware/client-ip.js';

/** Every error response is `{ error: { code, message, details? } }`; never a stack or SQL. */
export class ApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
    readonly details?: unknown,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

export const badRequest = (message: string, details?: unknown) => new ApiError(400, 'invalid_request', message, details);

/** A schema failure as a 400 naming each field: `details: [{ path: 'json.title', message }]`. */
export function invalid(target: string, issues: readonly { path: readonly PropertyKey[]; message: string }[]): ApiError {
  const details = issues.map((i) => ({ path: [target, ...i.path.map(String)].join('.'), message: i.message }));
  return badRequest(`Invalid ${target}: ${details.map((d) => d.path).join(', ')}`, details);
}
export const unauthorized = (code: string, message: string) => new ApiError(401, code, message);
export const forbidden = (code: string, message: string) => new ApiError(403, code, message);
export const notFound = (what: string) => new ApiError(404, 'not_found', `${what} not found`);
export const conflict = (code: string, message: string) => new ApiError(409, code, message);

export const errorBody = (code: string, message: string, details?: unknown) => ({
  error: details === undefined ? { code, message } : { code, message, details },
});

/**
 * Seconds a client is asked to wait while the database is unreachable: short, since @kith/core
 * retries a GET twice after it and the widgets promise their fallback within 6 s.
 */
const DATABASE_RETRY_AFTER = 2;
let unavailableLoggedAt = 0;

/**
 * The app's single error mapper: known errors keep their status, an unreachable database is a 503
 * the client may retry, anything else is a logged 500.
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
  // Hono raises HTTPException for malformed JSON bodies and the like.
  const status = (err as { status?: number }).status;
  if (status === 400) return c.json(errorBody('invalid_request', 'The request body is not valid JSON'), 400);
  console.error(`[kith-server] unhandled error in ${c.req.method} ${c.req.path} from ${clientIp(c)}:`, err);
  return c.json(errorBody('internal', 'Something went wrong on our side'), 500);
}
