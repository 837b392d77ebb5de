import type { Page, Review, ReviewsApi, ReviewSummary } from '@kith/core';
import type { HttpClient } from '@kith/core/http';
import type { ReviewPageResponse, ReviewSummaryResponse } from './api-types.js';

const productPath = (id: string) => `products/${encodeURIComponent(id)}`;
const reviewPath = (id: string) => `reviews/${encodeURIComponent(id)}`;

/** Reviews over HTTP. Writes carry the customer token (set on the adapter) and an Idempotency-Key. */
export function createReviewsApi(http: HttpClient): ReviewsApi {
  return {
    getSummary: (productId, o) => http.get<ReviewSummaryResponse>(`${productPath(productId)}/reviews/summary`, { signal: o?.signal }),
    async getSummaries(productIds, o) {
      if (!productIds.length) return [];
      const { summaries } = await http.get<{ summaries: ReviewSummary[] }>('reviews/summaries', { signal: o?.signal, searchParams: { products: productIds.join(',') } });
      return summaries;
    },
    listReviews: (q, o) =>
      http.get<ReviewPageResponse>(`${productPath(q.productId)}/reviews`, {
        signal: o?.signal,
        searchParams: {
          sort: q.sort, rating: q.rating, verified: q.verified, q: q.q, cursor: q.cursor ?? undefined, limit: q.limit,
          media: q.withMedia || undefined,
        },
      }) as Promise<Page<Review>>,
    submitReview: ({ productId, ...body }, o) =>
      http.post<Review>(`${productPath(productId)}/reviews`, body, { signal: o?.signal, idempotencyKey: o?.idempotencyKey }),
    markHelpful: (reviewId, o) =>
      http.post<{ helpfulCount: number }>(`${reviewPath(reviewId)}/helpful`, undefined, { signal: o?.signal, idempotencyKey: o?.idempotencyKey }),
    async report(reviewId, reason, o) {
      await http.post(`${reviewPath(reviewId)}/report`, { reason }, { signal: o?.signal, idempotencyKey: o?.idempotencyKey });
    },
  };
}
