import { atom, onMount, type ReadableAtom } from 'nanostores';
import type { KithAdapter } from '../adapter.js';
import { isAbortError, isHttpError, toKithError, UnsupportedError, type KithError } from '../errors.js';
import type { LiveShow } from '../types/models.js';
import { storeCache } from './keyed.js';

export type LiveQuery = { readonly showId: string } | { readonly productId: string };

export type LiveState =
  | { readonly status: 'loading' }
  | { readonly status: 'ready'; readonly show: LiveShow }
  /** No show for this product, or the show id is unknown. */
  | { readonly status: 'none' }
  | { readonly status: 'error'; readonly error: KithError };

const cached = storeCache<ReadableAtom<LiveState>>();

/**
 * One store per adapter and show (or product), shared by every badge that shows it, so N badges
 * for one show open one subscription. It fetches and subscribes only while something listens.
 */
export function liveShowStore(adapter: KithAdapter, query: LiveQuery): ReadableAtom<LiveState> {
  const key = 'showId' in query ? `s:${query.showId}` : `p:${query.productId}`;
  return cached(adapter, key, () => createLiveStore(adapter, query));
}

function createLiveStore(adapter: KithAdapter, query: LiveQuery): ReadableAtom<LiveState> {
  const $state = atom<LiveState>({ status: 'loading' });
  onMount($state, () => {
    const controller = new AbortController();
    let unsubscribe: (() => void) | undefined;
    const fail = (e: unknown) => {
      if (controller.signal.aborted || isAbortError(e)) return;
      $state.set(isHttpError(e) && e.status === 404 ? { status: 'none' } : { status: 'error', error: toKithError(e) });
    };
    const live = adapter.live;
    if (!live || !adapter.capabilities.has('live')) {
      // Not a failure: this backend has no live shopping, so the badge stays empty.
      console.warn(
        `[kith] ${new UnsupportedError('live shows').message} (adapter "${adapter.id}"); live badges stay empty.`,
      );
      $state.set({ status: 'none' });
      return;
    }
    const { signal } = controller;
    const first =
      'showId' in query
        ? live.getShow(query.showId, { signal })
        : live.findShow({ productId: query.productId }, { signal });
    first.then((show) => {
      if (signal.aborted) return;
      if (!show) return $state.set({ status: 'none' });
      $state.set({ status: 'ready', show });
      unsubscribe = live.subscribeShow(show.id, (next) => $state.set({ status: 'ready', show: next }), {
        onError: fail,
      });
    }, fail);
    return () => {
      controller.abort();
      unsubscribe?.();
      // Start fresh on the next mount instead of showing a stale show.
      $state.set({ status: 'loading' });
    };
  });
  return $state;
}
