import {
  HYDRATION,
  queryKey,
  takeSnapshot,
  type KithAdapter,
  type Page,
  type Pages,
  type Review,
  type ReviewQuery,
} from '@kith/core';
import { pages } from '@kith/core/pages';

/** What the shopper chose in the toolbar; the product and paging are the list's. */
export type ReviewFilters = Omit<ReviewQuery, 'productId' | 'cursor' | 'limit'>;

/** The list as it opens (newest first, 20 a page): what a server render reads for it. */
export const FIRST_FILTERS: ReviewFilters = { sort: 'newest' };
export const PAGE_SIZE = 20;

/**
 * The loaded part of one review query. Pages of 20 arrive by cursor as the list scrolls; a new
 * query (adapter, product, sort, filter) starts over and cancels the request in flight, so a slow
 * old answer never lands in a new list.
 */
export const reviewPages = (
  pageSize = PAGE_SIZE,
): Pages<Review, [KithAdapter | undefined, string | undefined, ReviewFilters]> =>
  pages(
    ([adapter, productId, filters], cursor, signal) =>
      productId
        ? adapter?.reviews?.listReviews({ productId, ...filters, cursor, limit: pageSize }, { signal })
        : undefined,
    // The first page a server render showed (renderWidget), under the same query.
    HYDRATION
      ? ([adapter, productId, filters]) =>
          adapter && productId
            ? takeSnapshot<Page<Review>>('reviews', queryKey({ productId, ...filters, limit: pageSize }))
            : undefined
      : undefined,
  );
