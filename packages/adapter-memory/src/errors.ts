import { HttpError } from '@kith/core';

// The reference server's error codes and statuses, so code written against the memory adapter
// handles the same failures in production.
export const notFound = (what: string) => new HttpError(404, 'not_found', `${what} not found`);
export const conflict = (code: string, message: string) => new HttpError(409, code, message);
export const unauthenticated = () => new HttpError(401, 'customer_token_required', 'Sign in to do this');
/** 400 with the server's field path (`json.body`, `query.limit`) in `details`. */
export const invalid = (path: string, message: string) =>
  new HttpError(400, 'invalid_request', `${path.split('.').pop()}: ${message}`, { details: [{ path, message }] });

/** Trims a text field and checks its length, as the server's schemas do. */
export function text(value: unknown, path: string, min: number, max: number): string {
  const s = typeof value === 'string' ? value.trim() : '';
  if (s.length < min || s.length > max) throw invalid(path, `Must be ${min} to ${max} characters`);
  return s;
}

/** `limit` of a list call: an integer from 1 to 50, or the default. */
export function limitOf(limit: number | undefined, fallback: number): number {
  if (limit === undefined) return fallback;
  if (!Number.isInteger(limit) || limit < 1 || limit > 50) throw invalid('query.limit', 'Must be an integer from 1 to 50');
  return limit;
}
