import type { ReadableAtom } from 'nanostores';
import type { KithAdapter } from '../adapter.js';
import type { KithError } from '../errors.js';
import type { ReviewSummary } from '../types/models.js';
import { createBatcher } from './batch.js';
import { resource, type Resource } from './data.js';
import { storeCache } from './keyed.js';
import { HYDRATION } from '../hydration.js';
import { takeSnapshot } from './snapshot.js';

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
  cached(adapter, productId, () => {
    const $summary: Resource<ReviewSummary | null, SummaryState> = resource(
      async () => {
        const reviews = adapter.capabilities.has('reviews') ? adapter.reviews : undefined;
        if (!reviews) return null;
        let batch = batchers.get(adapter);
        if (!batch) batchers.set(adapter, (batch = createBatcher((ids) => reviews.getSummaries(ids))));
        return batch(productId);
      },
      {
        initial: HYDRATION ? takeSnapshot<ReviewSummary>('summary', productId) : undefined,
        // Loading reads as it is; a product with no published reviews is 'none'.
        view: (s) =>
          s.status === 'ready'
            ? s.data?.count
              ? { status: 'ready', summary: s.data }
              : { status: 'none' }
            : s.status === 'error'
              ? { ...(s as SummaryState & { status: 'error' }), retry: $summary.revalidate }
              : (s as SummaryState),
      },
    );
    return $summary;
  });
