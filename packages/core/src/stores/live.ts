import type { ReadableAtom } from 'nanostores';
import type { KithAdapter } from '../adapter.js';
import { isHttpError, UnsupportedError, type KithError } from '../errors.js';
import type { LiveShow } from '../types/models.js';
import { resource, type Resource, type ResourceState } from './data.js';
import { storeCache } from './keyed.js';

export type LiveQuery = { readonly showId: string } | { readonly productId: string };

export type LiveState =
  | { readonly status: 'loading' }
  | { readonly status: 'ready'; readonly show: LiveShow }
  /** No show for this product, or the show id is unknown. */
  | { readonly status: 'none' }
  | { readonly status: 'error'; readonly error: KithError };

const cached = storeCache<ReadableAtom<LiveState>>();

/** No show (null), or an unknown one (404, on the first read or from the stream), is 'none', not a failure. */
const view = (s: ResourceState<LiveShow | null>): LiveState =>
  s.status === 'ready' && s.data
    ? { status: 'ready', show: s.data }
    : s.status === 'ready' || (isHttpError(s.error) && s.error.status === 404)
      ? { status: 'none' }
      : (s as LiveState);

/**
 * One store per adapter and show (or product), shared by every badge that shows it, so N badges
 * for one show open one subscription. It fetches and subscribes only while something listens.
 */
export function liveShowStore(adapter: KithAdapter, query: LiveQuery): ReadableAtom<LiveState> {
  const key = 'showId' in query ? `s:${query.showId}` : `p:${query.productId}`;
  return cached(adapter, key, () => {
    const $show: Resource<LiveShow | null, LiveState> = resource(
      async (signal) => {
        const live = adapter.capabilities.has('live') ? adapter.live : undefined;
        if (!live) {
          // Not a failure: this backend has no live shopping, so the badge stays empty.
          console.warn(
            `[kith] ${new UnsupportedError('live shows').message} (adapter "${adapter.id}"); live badges stay empty.`,
          );
          return null;
        }
        const show = await ('showId' in query
          ? live.getShow(query.showId, { signal })
          : live.findShow({ productId: query.productId }, { signal }));
        // The stream pushes each change; it closes with this answer (superseded, or nobody listens).
        if (show && !signal.aborted)
          signal.addEventListener('abort', live.subscribeShow(show.id, $show.mutate, { onError: $show.fail }));
        return show;
      },
      { view },
    );
    return $show;
  });
}
