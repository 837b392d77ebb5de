import type { KithAdapter, Pages, Review, ReviewQuery } from '@kith/core';
import { pages } from '@kith/core/pages';

/** What the shopper chose in the toolbar; the product and paging are the list's. */
export type ReviewFilters = Omit<ReviewQuery, 'productId' | 'cursor' | 'limit'>;

/**
 * The loaded part of one review query. Pages of 20 arrive by cursor as the list scrolls; a new
 * query (adapter, product, sort, filter) starts over and cancels the request in flight, so a slow
 * old answer never lands in a new list.
 */
export const reviewPages = (
  pageSize = 20,
): Pages<Review, [KithAdapter | undefined, string | undefined, ReviewFilters]> =>
  pages(([adapter, productId, filters], cursor, signal) =>
    productId
      ? adapter?.reviews?.listReviews({ productId, ...filters, cursor, limit: pageSize }, { signal })
      : undefined,
  );
