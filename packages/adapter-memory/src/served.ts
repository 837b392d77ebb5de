import { HttpError, type Page } from '@kith/core';
import recorded from '../recorded/demo.js';
import type { MemoryCustomer } from './seed.js';

// What fixtures write and the adapter answers by itself, once: times as the server sends them, recorded data moved to
// the page's clock, pages, and the server's codes for a lookup the fixture can't answer and a customer-only call
// signed out. Any other refusal is scripted.
export const MINUTE = 60_000;
export const iso = (ms: number) => new Date(ms).toISOString();

const RECORDED_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;
/** Part of the recording (a copy) with every time moved as if recorded at `now`. */
export function shifted<T>(data: T, now: number): T {
  const by = now - Date.parse(recorded.recordedAt);
  return JSON.parse(JSON.stringify(data), (_, v) =>
    typeof v === 'string' && RECORDED_TIME.test(v) ? iso(Date.parse(v) + by) : v,
  );
}

export const notFound = (what: string) => new HttpError(404, 'not_found', `${what} not found`);
export const unauthenticated = () => new HttpError(401, 'customer_token_required', 'Sign in to do this');
/** A write the fixture has no answer for: pass one in `outcomes` or `control.next`. */
export const notScripted = (message: string) => new HttpError(501, 'not_scripted', message);

/** The signed-in customer, or 401 as on a real server. */
export function signedIn(customer: MemoryCustomer | null): MemoryCustomer {
  if (!customer) throw unauthenticated();
  return customer;
}

/** `value`, or 404 as the server answers for something it doesn't hold. */
export function must<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw notFound(what);
  return value;
}
/** The item with `id`, or 404. */
export const find = <T extends { id: string }>(list: readonly T[], id: string, what: string): T =>
  must(
    list.find((x) => x.id === id),
    `${what} ${id}`,
  );

/** One page of a list in the fixture's order; the cursor is the offset (opaque to widgets). */
export function offsetPage<T>(items: readonly T[], cursor: string | null | undefined, limit = 20): Page<T> {
  const start = cursor ? Number(cursor) : 0;
  if (!Number.isInteger(start) || start < 0)
    throw new HttpError(400, 'invalid_cursor', 'The cursor is not one this list returned');
  const end = start + limit;
  return { items: items.slice(start, end), nextCursor: end < items.length ? String(end) : null, total: items.length };
}
