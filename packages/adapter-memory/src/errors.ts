import { HttpError } from '@kith/core';

// The two answers the fixture gives by itself, with the server's codes: a lookup of something the
// fixture doesn't hold, and a customer-only call signed out. Any other refusal is scripted.
export const notFound = (what: string) => new HttpError(404, 'not_found', `${what} not found`);
export const unauthenticated = () => new HttpError(401, 'customer_token_required', 'Sign in to do this');

/** The signed-in customer, or 401 as on a real server. */
export const signedIn = (customer: { id: string; displayName: string } | null): { id: string; displayName: string } =>
  customer ??
  (() => {
    throw unauthenticated();
  })();

/** The item with `id`, or 404 as the server answers for something it doesn't hold. */
export function find<T extends { id: string }>(list: readonly T[], id: string, what: string): T {
  const found = list.find((x) => x.id === id);
  if (!found) throw notFound(`${what} ${id}`);
  return found;
}
