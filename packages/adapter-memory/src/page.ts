import { HttpError, type Page } from '@kith/core';

/** One page of a list in the fixture's order; the cursor is the offset (opaque to widgets). */
export function offsetPage<T>(items: readonly T[], cursor: string | null | undefined, limit = 20): Page<T> {
  const start = cursor ? Number(cursor) : 0;
  if (!Number.isInteger(start) || start < 0)
    throw new HttpError(400, 'invalid_cursor', 'The cursor is not one this list returned');
  const end = start + limit;
  return { items: items.slice(start, end), nextCursor: end < items.length ? String(end) : null, total: items.length };
}
