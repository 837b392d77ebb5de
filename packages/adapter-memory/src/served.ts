import { HttpError, type Page } from '@kith/core';
import type { MemoryCustomer } from './seed.js';

// What fixtures write and the adapter answers by itself, once: times as the server sends them, money in minor units,
// pages, and the server's codes for a lookup the fixture can't answer and a customer-only call signed out. Any other
// refusal is scripted.
export const MINUTE = 60_000;
export const HOUR = 3_600_000;
export const DAY = 86_400_000;
export const iso = (ms: number) => new Date(ms).toISOString();
export const usd = (minor: number) => ({ minor, currency: 'USD' });

const RECORDED_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;
/** Recorded data with every time moved by `by` ms (from the recording's clock to the page's). */
export const shifted = <T>(data: T, by: number): T =>
  JSON.parse(JSON.stringify(data), (_, v) =>
    typeof v === 'string' && RECORDED_TIME.test(v) ? iso(Date.parse(v) + by) : v,
  );

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
