import { httpErrorOf } from '@kith/core';
import type { HttpClient, RequestOptions } from '@kith/core/http';

/** What the adapter's domains ask of an HTTP client. */
export type Http = Pick<HttpClient, 'get' | 'post' | 'put'>;

/** Answers a read from data the page already holds: its `Response`, or `undefined` to send it. */
export type HeldReads = (url: URL, signal?: AbortSignal) => Promise<Response | undefined>;

/** The URL ky sends a read to: the path under the API root, with the defined search parameters. */
function urlOf(baseUrl: string, path: string, searchParams: RequestOptions['searchParams']): URL {
  const url = new URL(path.replace(/^\//, ''), baseUrl);
  for (const [k, v] of Object.entries(searchParams ?? {})) if (v !== undefined) url.searchParams.set(k, String(v));
  return url;
}

/**
 * The shared client from `@kith/core/http` (ky: timeouts, retries, error mapping), imported on idle
 * when there are held reads (a page whose first view is held runs its widgets without it), else at
 * once. A failed import is tried again by the next request.
 */
export function lazyHttp(baseUrl: string, fetch: typeof globalThis.fetch, held?: HeldReads): Http {
  let client: Promise<HttpClient> | undefined;
  const load = () =>
    (client ??= import('@kith/core/http').then(
      ({ createHttp }) => createHttp({ baseUrl, fetch }),
      (e: unknown) => {
        client = undefined;
        throw e;
      },
    ));
  // Without held reads every read needs it: ask for it now, beside the widgets' code.
  const idle = (globalThis as { requestIdleCallback?: (f: () => void) => void }).requestIdleCallback ?? setTimeout;
  if (held) idle(() => void load().catch(() => {}));
  else void load().catch(() => {});
  return {
    async get<T>(path: string, o?: RequestOptions) {
      const res = await held?.(urlOf(baseUrl, path, o?.searchParams), o?.signal);
      if (!res) return (await load()).get<T>(path, o);
      if (!res.ok) throw await httpErrorOf(res);
      return (res.status === 204 ? undefined : await res.json()) as T;
    },
    post: async (path, body, o) => (await load()).post(path, body, o),
    put: async (path, body, o) => (await load()).put(path, body, o),
  };
}
