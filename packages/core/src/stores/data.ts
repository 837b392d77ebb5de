import { atom, onMount, type ReadableAtom, type WritableAtom } from 'nanostores';
import { isAbortError, isHttpError, toKithError, type KithError } from '../errors.js';
import { uuid } from '../global.js';
import { HYDRATION } from '../hydration.js';

/**
 * The client data layer: every widget reads through a `resource` (a list through `pages`, in pages.ts)
 * and writes through an `intent`.
 * In-house rather than @nanostores/query: that costs ~2.1 KB gzip minified in the shared runtime,
 * which had 38 B left; this is a few hundred bytes and does only what the widgets need.
 */

export interface ResourceState<T> {
  readonly status: 'loading' | 'ready' | 'error';
  /** The last answer, kept while a revalidation runs (no skeleton flash) and after it fails. */
  readonly data?: T;
  readonly error?: KithError;
}

/** `S` is what listeners see: the `ResourceState` itself, or the store's own shape made from it (`view`). */
export interface Resource<T, S = ResourceState<T>> extends ReadableAtom<S> {
  /** Fetches again (a retry, a stream event, after a write); a newer call wins over an older one still in flight. */
  revalidate(): void;
  /** Puts a write's (or a stream's) answer in place of the data without a request. */
  mutate(data: T): void;
  /** Puts a failure in place, keeping the data: a stream that gave up for good. */
  fail(error: unknown): void;
}

export interface ResourceOptions<T = unknown, S = ResourceState<T>> {
  /** Fetches again when the page becomes visible: the data also moves elsewhere (another tab, an order). */
  readonly onVisible?: boolean;
  /** Starts a stream while mounted; it calls `revalidate` on events. Returns its stop. */
  readonly subscribe?: (revalidate: () => void) => (() => void) | void;
  /** The store's public shape, made from every state (a store that names its data, or reads null as 'none'). */
  readonly view?: (state: ResourceState<T>) => S;
  /** Data to start from, ready, without fetching at the first mount: what the server rendered with (`takeSnapshot`). */
  readonly initial?: T;
}

/**
 * A read that runs only while something listens. Share one per key with `storeCache` so N widgets
 * make one request. The last unsubscribe aborts what is in flight; a superseded answer is dropped.
 * The signal `fetch` gets is aborted when its answer is superseded or nobody listens any more, so
 * a stream it opens for the answer's updates (pushed with `mutate`) closes on that signal.
 */
export function resource<T, S = ResourceState<T>>(
  fetch: (signal: AbortSignal) => Promise<T>,
  o: ResourceOptions<T, S> = {},
): Resource<T, S> {
  const view = o.view ?? ((s) => s as S);
  // Server-rendered data is as fresh as the page: the first mount keeps it, later ones fetch.
  let seeded = HYDRATION && o.initial !== undefined;
  let now: ResourceState<T> = seeded ? { status: 'ready', data: o.initial } : { status: 'loading' };
  const $state = atom(view(now)) as WritableAtom<S> & Resource<T, S>;
  const put = (s: ResourceState<T>): void => $state.set(view((now = s)));
  let abort: AbortController | undefined;
  const load = (): void => {
    abort?.abort();
    const mine = (abort = new AbortController());
    if (!now.data) put({ status: 'loading' });
    fetch(mine.signal).then(
      (next) => abort === mine && put({ status: 'ready', data: next }),
      (e) => abort === mine && !isAbortError(e) && $state.fail(e),
    );
  };
  const visible = (): void => {
    if (document.visibilityState === 'visible' && now.status === 'ready') load();
  };
  // Only while mounted: a revalidation with nobody listening would fetch for nothing.
  $state.revalidate = () => abort && load();
  $state.mutate = (data) => put({ status: 'ready', data });
  $state.fail = (e) => put({ status: 'error', data: now.data, error: toKithError(e) });
  onMount($state, () => {
    if (HYDRATION && seeded) abort = new AbortController();
    else load();
    seeded = false;
    const stop = o.subscribe?.(() => $state.revalidate());
    if (o.onVisible) document.addEventListener('visibilitychange', visible);
    return () => {
      abort?.abort();
      abort = undefined;
      stop?.();
      if (o.onVisible) document.removeEventListener('visibilitychange', visible);
    };
  });
  return $state;
}

export interface IntentState {
  /** The intent (its `id`) in flight, if any. */
  readonly pending?: string;
  readonly error?: unknown;
}

export interface Intent<I, O> {
  readonly $state: ReadableAtom<IntentState>;
  /** Sends it; rejects with the error (also in `$state`). */
  run(input: I): Promise<O>;
}

/**
 * The server decided: a 4xx other than 408 and 429. Retrying that is a new intent, with a new key;
 * a stream that fails so gives up (the unknown id, bad key or refused origin will not go away).
 */
export const refused = (e: unknown): boolean =>
  isHttpError(e) && e.status >= 400 && e.status < 500 && e.status !== 408 && e.status !== 429;

/**
 * A write with one Idempotency-Key per intent (`id(input)`): made on the first attempt, reused on
 * every retry of it after a network error, a timeout, a 5xx or a 429, so a retry cannot act twice,
 * and dropped once it succeeded or was refused.
 */
export function intent<I, O>(
  write: (input: I, idempotencyKey: string) => Promise<O>,
  id: (input: I) => string = String,
): Intent<I, O> {
  const $state = atom<IntentState>({});
  const keys = new Map<string, string>();
  return {
    $state,
    async run(input) {
      const name = id(input);
      const key = keys.get(name) ?? uuid();
      keys.set(name, key);
      $state.set({ pending: name });
      try {
        const out = await write(input, key);
        keys.delete(name);
        $state.set({});
        return out;
      } catch (e) {
        if (refused(e)) keys.delete(name);
        $state.set({ error: e });
        throw e;
      }
    },
  };
}
