import ky, { HTTPError as KyHttpError, TimeoutError as KyTimeoutError, type KyInstance, type Options } from 'ky';
import { httpErrorOf, NetworkError, TimeoutError, isAbortError, isKithError } from '../errors.js';
import { uuid } from '../global.js';

export interface HttpOptions {
  /** Base URL of the API, e.g. `https://shop.example/kith/v1/`. */
  readonly baseUrl: string;
  /** Sent on every request, e.g. `{ Authorization: 'Bearer pk_…' }`. Functions are read per request. */
  readonly headers?: Record<string, string> | (() => Record<string, string>);
  /** Per attempt, in ms. */
  readonly timeout?: number;
  /** Injected for tests and non-browser runtimes. */
  readonly fetch?: typeof fetch;
}

export interface RequestOptions {
  readonly signal?: AbortSignal;
  readonly searchParams?: Record<string, string | number | boolean | undefined>;
  /** Per attempt, in ms, instead of the client's (a photo upload takes longer than a read). */
  readonly timeout?: number;
}

export interface PostOptions extends RequestOptions {
  /** Reuse the key of a failed attempt (see `HttpError.idempotencyKey`) so the server never writes twice. */
  readonly idempotencyKey?: string;
}

export interface HttpClient {
  get<T>(path: string, o?: RequestOptions): Promise<T>;
  /** A `Blob` body is sent as is (its bytes and type); anything else as JSON. */
  post<T>(path: string, body: unknown, o?: PostOptions): Promise<T>;
  put<T>(path: string, body: unknown, o?: PostOptions): Promise<T>;
  /** The underlying ky instance, for adapters that need more. */
  readonly ky: KyInstance;
}

/** Backoff for retry n (1-based): 300 ms, 600 ms, plus up to 20 % jitter so clients don't retry in step. */
export const retryDelay = (attempt: number): number => 300 * 2 ** (attempt - 1);
export const jitter = (delay: number): number => delay + Math.random() * delay * 0.2;

/**
 * The HTTP client adapters share: ky with a 5 s timeout per attempt; GETs retried at most twice on
 * 408, 429, 5xx and network errors (not after a timeout), honouring `Retry-After` up to 5 s; every POST carries
 * an `Idempotency-Key` and is never retried automatically. Errors come out as `KithError`s.
 */
export function createHttp(options: HttpOptions): HttpClient {
  const instance = ky.create({
    prefixUrl: options.baseUrl,
    timeout: options.timeout ?? 5000,
    ...(options.fetch ? { fetch: options.fetch } : {}),
    retry: {
      limit: 2,
      methods: ['get'],
      statusCodes: [408, 429, 500, 502, 503, 504],
      afterStatusCodes: [429, 503],
      maxRetryAfter: 5000,
      // A server that did not answer in time rarely answers a second try sooner, and the shopper
      // should see the fallback within the 6 s the widgets promise.
      retryOnTimeout: false,
      delay: retryDelay,
      jitter,
    },
    hooks: {
      beforeRequest: [
        (request) => {
          const h = typeof options.headers === 'function' ? options.headers() : options.headers;
          for (const [k, v] of Object.entries(h ?? {})) request.headers.set(k, v);
        },
      ],
    },
  });

  const call = async <T>(
    method: 'get' | 'post' | 'put',
    path: string,
    body: unknown,
    o: PostOptions = {},
  ): Promise<T> => {
    const key = method === 'get' ? undefined : (o.idempotencyKey ?? uuid());
    const init: Options = { signal: o.signal };
    if (o.searchParams) {
      init.searchParams = Object.fromEntries(
        Object.entries(o.searchParams).filter(([, v]) => v !== undefined) as [string, string | number | boolean][],
      );
    }
    if (key) init.headers = { 'Idempotency-Key': key };
    if (o.timeout) init.timeout = o.timeout;
    if (body instanceof Blob) init.body = body;
    else if (body !== undefined) init.json = body;
    try {
      const res = await instance(path.replace(/^\//, ''), { ...init, method });
      return (res.status === 204 ? undefined : await res.json()) as T;
    } catch (e) {
      throw await toHttpError(e, key);
    }
  };

  return {
    get: (path, o) => call('get', path, undefined, o),
    post: (path, body, o) => call('post', path, body, o),
    put: (path, body, o) => call('put', path, body, o),
    ky: instance,
  };
}

/** Maps ky and fetch failures to Kith errors, reading the server's `{ error: { code, message } }` body. */
async function toHttpError(e: unknown, idempotencyKey?: string): Promise<unknown> {
  if (isAbortError(e) || isKithError(e)) return e;
  if (e instanceof KyHttpError) return httpErrorOf(e.response, { message: e.message, idempotencyKey, cause: e });
  const error =
    e instanceof KyTimeoutError
      ? new TimeoutError(undefined, { cause: e })
      : new NetworkError(e instanceof Error ? e.message : undefined, { cause: e });
  error.idempotencyKey = idempotencyKey;
  return error;
}
