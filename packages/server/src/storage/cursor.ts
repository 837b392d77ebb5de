import { ApiError } from '../errors.js';

/**
 * Keyset cursors: base64url JSON of `[tag, ...the last row's sort key, its id]`. Opaque to clients;
 * the tag ties a cursor to the listing (and sort) that made it. Timestamps travel as text with
 * microseconds, so rows written in the same millisecond still page exactly once.
 */
export type CursorValue = string | number | boolean | null;

export const encodeCursor = (tag: string, values: readonly CursorValue[]): string =>
  Buffer.from(JSON.stringify([tag, ...values])).toString('base64url');

const invalid = () =>
  new ApiError(400, 'invalid_cursor', 'The cursor is not one this listing gave out; start again without it');

/** The values after the tag; throws 400 `invalid_cursor` unless the cursor has `tag` and `check` accepts the values. */
export function decodeCursor(cursor: string, tag: string, check: (values: unknown[]) => boolean): CursorValue[] {
  if (cursor.length > 1000 || !/^[\w-]+$/.test(cursor)) throw invalid();
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalid();
  }
  if (!Array.isArray(parsed) || parsed[0] !== tag) throw invalid();
  const values = parsed.slice(1);
  if (!check(values)) throw invalid();
  return values as CursorValue[];
}

/** A timestamp as `to_char(…, TIMESTAMP_TEXT)` writes it. */
export const isCursorTime = (v: unknown): v is string =>
  typeof v === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/.test(v) && !Number.isNaN(Date.parse(v));
export const isCursorId = (v: unknown): v is string => typeof v === 'string' && v.length > 0 && v.length <= 100;

/** SQL for a timestamptz column as cursor text, exact to the microsecond. */
export const cursorTime = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/**
 * Rows after (created_at, id) in `created_at DESC, id` order, or in `created_at, id` order with
 * `ascending`. `p` adds a parameter and returns its placeholder.
 */
export function afterTimeAndId(at: string, id: string, p: (v: unknown) => string, ascending = false): string {
  const t = p(at);
  return `(created_at ${ascending ? '>' : '<'} ${t}::timestamptz OR (created_at = ${t}::timestamptz AND id > ${p(id)}))`;
}

/** Collects `$n` parameters for one query. */
export function params(initial: unknown[] = []) {
  const values = [...initial];
  return { values, p: (v: unknown) => `$${values.push(v)}` };
}
