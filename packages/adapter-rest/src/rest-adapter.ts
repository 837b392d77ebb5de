import type { Capability, GroupBuyApi, KithAdapter, LiveApi, PointsApi, ReferralsApi, ReviewsApi } from '@kith/core';
import type { RetryOptions } from './backoff.js';
import { createGroupBuyApi } from './group-buy.js';
import { lazyHttp, type HeldReads } from './http.js';
import { createLiveApi, type LiveContext } from './live.js';
import { createPointsApi } from './points.js';
import { createReferralsApi } from './referrals.js';
import { createReviewsApi } from './reviews.js';
import type { EventSourceConstructor } from './stream.js';

/** A customer token, or a function that returns the current one (read before every request). */
export type CustomerToken = string | (() => string | undefined | Promise<string | undefined>);

export interface RestAdapterOptions {
  /** The API root, e.g. `https://api.example.com/v1`. Paths such as `live/shows` are resolved under it. */
  readonly baseUrl: string;
  /** The shop's publishable key (`pk_…`). Never a secret key: this code runs in the page. */
  readonly publishableKey: string;
  /** Sent as `X-Kith-Customer` on every HTTP request when present (writes on behalf of a customer). */
  readonly customerToken?: CustomerToken;
  /** Used for every HTTP request (tests, other runtimes). Default: the global `fetch`. */
  readonly fetch?: typeof fetch;
  /** For live updates. Default: the global `EventSource`; without one, subscriptions poll. */
  readonly EventSource?: EventSourceConstructor;
  /** Poll period in ms when streaming is unavailable or keeps failing. Default 15 000. */
  readonly pollInterval?: number;
  /** Stream reconnect backoff: `{ initial: 1000, max: 30000, pollAfter: 3 }` by default. */
  readonly retry?: RetryOptions;
  /** Close streams after the page has been hidden this long, in ms (default 5000); `false` keeps them open. */
  readonly pauseWhenHidden?: number | false;
  /**
   * Answers reads from data the page already holds (the loader's first view) before any request: a
   * `Response` for the read's URL, or `undefined` to send it. Errors map as the server's would.
   */
  readonly held?: HeldReads;
}

/** The REST adapter: a `KithAdapter` whose `live`, `reviews`, `groupBuy`, `points` and `referrals` domains are always present. */
export interface RestAdapter extends KithAdapter {
  readonly id: 'rest';
  readonly live: LiveApi;
  readonly reviews: ReviewsApi;
  readonly groupBuy: GroupBuyApi;
  readonly points: PointsApi;
  readonly referrals: ReferralsApi;
}

export const CUSTOMER_HEADER = 'X-Kith-Customer';

// Domains this adapter implements; others arrive with the server endpoints that back them.
const CAPABILITIES: ReadonlySet<Capability> = new Set<Capability>([
  'live',
  'reviews',
  'groupBuy',
  'points',
  'referrals',
]);

/**
 * Wraps fetch so every request carries the publishable key: a read in the URL, so it is a simple
 * request (no CORS preflight) that a CDN can cache by URL; a write in the Authorization header.
 */
function withKey(key: string, base: typeof fetch | undefined): typeof fetch {
  return (input, init) => {
    const request = new Request(input, init);
    const f = base ?? globalThis.fetch;
    if (request.method !== 'GET') {
      request.headers.set('Authorization', `Bearer ${key}`);
      return f(request);
    }
    const url = new URL(request.url);
    url.searchParams.set('key', key);
    return f(new Request(url, request));
  };
}

/**
 * Wraps fetch so every request carries the customer token. A fetch wrapper, not a header hook,
 * because the token may come from an async function (a refresh on the shop's side).
 */
function withCustomerToken(token: CustomerToken, base: typeof fetch | undefined): typeof fetch {
  return async (input, init) => {
    const value = typeof token === 'function' ? await token() : token;
    const f = base ?? globalThis.fetch;
    if (!value) return f(input, init);
    if (input instanceof Request) {
      input.headers.set(CUSTOMER_HEADER, value);
      return f(input, init);
    }
    const headers = new Headers(init?.headers);
    headers.set(CUSTOMER_HEADER, value);
    return f(input, { ...init, headers });
  };
}

/**
 * An adapter for `@kith/server`, or any API of the same shape: reads over HTTP with the shared
 * client from `@kith/core/http` (timeouts, retries, error mapping; loaded with the first request the
 * held reads don't answer), live updates over Server-Sent
 * Events with backoff, pausing in hidden tabs and a polling fallback.
 */
export function createRestAdapter(options: RestAdapterOptions): RestAdapter {
  const { baseUrl, publishableKey } = options;
  if (!baseUrl) throw new TypeError('createRestAdapter: `baseUrl` is required');
  if (!publishableKey) throw new TypeError('createRestAdapter: `publishableKey` is required');
  // A secret key in a page would give every visitor admin rights over the shop.
  if (publishableKey.startsWith('sk_'))
    throw new TypeError('createRestAdapter: pass the publishable key (pk_…), never the secret key');

  const root = baseUrl.replace(/\/+$/, '');
  const fetchFn =
    options.customerToken !== undefined ? withCustomerToken(options.customerToken, options.fetch) : options.fetch;
  const http = lazyHttp(`${root}/`, withKey(publishableKey, fetchFn), options.held);

  const ctx: LiveContext = {
    http,
    opened: options.held?.settled,
    // EventSource can't send headers, so the stream takes the (public) key in the query.
    streamUrl: (path) => `${root}/${path}?key=${encodeURIComponent(publishableKey)}`,
    // Looked up per subscription, so a polyfill loaded after the adapter is created still counts.
    stream: () => ({
      EventSource: options.EventSource ?? (globalThis as { EventSource?: EventSourceConstructor }).EventSource,
      retry: options.retry,
      pollInterval: options.pollInterval,
      pauseWhenHidden: options.pauseWhenHidden,
    }),
  };

  const token = options.customerToken;
  return {
    id: 'rest',
    capabilities: CAPABILITIES,
    // Signed in while there is a token to send: widgets then skip customer-only calls instead of collecting 401s.
    signedIn: () => {
      const value = typeof token === 'function' ? token() : token;
      return value instanceof Promise ? value.then(Boolean, () => false) : !!value;
    },
    live: createLiveApi(ctx),
    reviews: createReviewsApi(http),
    groupBuy: createGroupBuyApi(ctx),
    points: createPointsApi(http),
    referrals: createReferralsApi(http),
  };
}
