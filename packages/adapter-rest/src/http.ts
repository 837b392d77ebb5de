import { httpErrorOf } from '@kith/core';
import type { HttpClient, RequestOptions } from '@kith/core/http';

/** What the adapter's domains ask of an HTTP client. */
export type Http = Pick<HttpClient, 'get' | 'post' | 'put'>;

/** Answers a read from data the page already holds: its `Response`, or `undefined` to send it. */
export interface HeldReads {
  (url: URL, signal?: AbortSignal): Promise<Response | undefined>;
  /**
   * Resolves once the held data has served the page's first view: until then the adapter loads its
   * HTTP client only for a request it needs it for, and opens no stream.
   */
  readonly settled?: Promise<unknown>;
}

/** Per attempt, in ms: a read's whole wait, held or not, so widgets show their fallback within 6 s. */
const TIMEOUT = 5000;

/** The URL ky sends a read to: the path under the API root, with the defined search parameters. */
function urlOf(baseUrl: string, path: string, searchParams: RequestOptions['searchParams']): URL {
  const url = new URL(path.replace(/^\//, ''), baseUrl);
  for (const [k, v] of Object.entries(searchParams ?? {})) if (v !== undefined) url.searchParams.set(k, String(v));
  return url;
}

/**
 * The shared client from `@kith/core/http` (ky: timeouts, retries, error mapping), imported once the
 * held reads have settled (a page whose first view is held runs its widgets without it) or by the
 * first request they don't answer, else at once. A failed import is tried again by the next request.
 */
export function lazyHttp(baseUrl: string, fetch: typeof globalThis.fetch, held?: HeldReads): Http {
  let client: Promise<HttpClient> | undefined;
  const load = () =>
    (client ??= import('@kith/core/http').then(
      ({ createHttp }) => createHttp({ baseUrl, fetch, timeout: TIMEOUT }),
      (e: unknown) => {
        client = undefined;
        throw e;
      },
    ));
  // Without held reads every read needs it: ask for it now, beside the widgets' code. With them, once
  // they have served the first view, so it takes no bandwidth from the widgets' code.
  const prefetch = () => void load().catch(() => {});
  if (!held) prefetch();
  else void held.settled?.then(prefetch);
  return {
    async get<T>(path: string, o?: RequestOptions) {
      const asked = Date.now();
      const res = await held?.(urlOf(baseUrl, path, o?.searchParams), o?.signal);
      if (!res) {
        const http = await load();
        // Time spent waiting for a first view that did not come, and for the client, counts against
        // the read's timeout.
        const left = Math.max(1000, (o?.timeout ?? TIMEOUT) - (Date.now() - asked));
        return http.get<T>(path, held ? { ...o, timeout: left } : o);
      }
      if (!res.ok) throw await httpErrorOf(res);
      return (res.status === 204 ? undefined : await res.json()) as T;
    },
    post: async (path, body, o) => (await load()).post(path, body, o),
    put: async (path, body, o) => (await load()).put(path, body, o),
  };
}
