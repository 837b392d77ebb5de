import type { Page } from '@kith/core';
import { HttpError } from '@kith/core';

/** `[group, createdAt, id]`: ordered by group ascending, then newest first, then id. */
export type SortKey = readonly [number, string, string];

const invalidCursor = () => new HttpError(400, 'invalid_cursor', 'The cursor is not one this list returned');

const toBase64Url = (s: string) =>
  btoa(String.fromCharCode(...new TextEncoder().encode(s))).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');

function fromBase64Url(s: string): string {
  if (!/^[\w-]+$/.test(s)) throw invalidCursor();
  const binary = atob(s.replace(/-/g, '+').replace(/_/g, '/'));
  return new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
}

export const encodeCursor = (key: SortKey): string => toBase64Url(JSON.stringify(key));

export function decodeCursor(cursor: string): SortKey {
  let key: unknown;
  try {
    key = JSON.parse(fromBase64Url(cursor));
  } catch {
    throw invalidCursor();
  }
  if (!Array.isArray(key) || key.length !== 3 || typeof key[0] !== 'number' || typeof key[1] !== 'string' || typeof key[2] !== 'string') throw invalidCursor();
  return key as unknown as SortKey;
}

// Ids compare by code unit, not locale, so the order is the same everywhere.
const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
export const compareKeys = (a: SortKey, b: SortKey): number => a[0] - b[0] || byId(b[1], a[1]) || byId(a[2], b[2]);

/**
 * One page by keyset, as the server pages: the cursor is the last item's sort key, so a page
 * neither repeats nor skips an item when others arrive or leave between two requests (an offset
 * would). `createdAt` strings compare as dates because they are all `toISOString()` output.
 * `compare` orders the keys (default `compareKeys`).
 */
export function keysetPage<T>(
  items: readonly T[], keyOf: (item: T) => SortKey, cursor: string | null | undefined, limit: number, compare: (a: SortKey, b: SortKey) => number = compareKeys,
): Page<T> {
  const sorted = items.map((item) => ({ item, key: keyOf(item) })).sort((a, b) => compare(a.key, b.key));
  const after = cursor ? decodeCursor(cursor) : null;
  let start = 0;
  if (after) while (start < sorted.length && compare(sorted[start]!.key, after) <= 0) start++;
  const slice = sorted.slice(start, start + limit);
  const more = start + limit < sorted.length;
  return { items: slice.map((x) => x.item), nextCursor: more ? encodeCursor(slice.at(-1)!.key) : null, total: sorted.length };
}
