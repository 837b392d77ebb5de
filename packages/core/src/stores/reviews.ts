import { atom, onMount, type ReadableAtom } from 'nanostores';
import type { KithAdapter } from '../adapter.js';
import { isAbortError, toKithError, type KithError } from '../errors.js';
import type { ReviewSummary } from '../types/models.js';
import { createBatcher } from './batch.js';
import { storeCache } from './keyed.js';

export type SummaryState =
  | { readonly status: 'loading' }
  | { readonly status: 'ready'; readonly summary: ReviewSummary }
  /** No published reviews, or no reviews domain on this adapter. */
  | { readonly status: 'none' }
  /** `retry()` fetches again (a "Try again" button). */
  | { readonly status: 'error'; readonly error: KithError; readonly retry: () => void };

const batchers = new WeakMap<KithAdapter, (productId: string) => Promise<ReviewSummary>>();
const cached = storeCache<ReadableAtom<SummaryState>>();

/** One store per adapter and product; every store mounted in the same task shares one request. */
export const reviewSummaryStore = (adapter: KithAdapter, productId: string): ReadableAtom<SummaryState> =>
  cached(adapter, productId, () => createSummaryStore(adapter, productId));

function createSummaryStore(adapter: KithAdapter, productId: string): ReadableAtom<SummaryState> {
  const $state = atom<SummaryState>({ status: 'loading' });
  onMount($state, () => {
    const reviews = adapter.reviews;
    if (!reviews || !adapter.capabilities.has('reviews')) {
      $state.set({ status: 'none' });
      return;
    }
    let batch = batchers.get(adapter);
    if (!batch) batchers.set(adapter, (batch = createBatcher((ids) => reviews.getSummaries(ids))));
    let live = true;
    const load = () =>
      batch!(productId).then(
        (summary) => live && $state.set(summary.count ? { status: 'ready', summary } : { status: 'none' }),
        (e) =>
          live &&
          !isAbortError(e) &&
          $state.set({
            status: 'error',
            error: toKithError(e),
            retry: () => {
              $state.set({ status: 'loading' });
              load();
            },
          }),
      );
    load();
    return () => {
      live = false;
      $state.set({ status: 'loading' });
    };
  });
  return $state;
}
