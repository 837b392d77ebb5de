import type { Page, Review, ReviewsApi, ReviewSummary } from '@kith/core';
import type { HttpClient } from '@kith/core/http';
import type { AnswerResponse, QuestionPageResponse, QuestionResponse, ReviewPageResponse, ReviewSummaryResponse, UploadedMediaResponse } from './api-types.js';

const productPath = (id: string) => `products/${encodeURIComponent(id)}`;
const reviewPath = (id: string) => `reviews/${encodeURIComponent(id)}`;
/** A photo on a phone connection takes longer than the client's 5 s read timeout. */
const UPLOAD_TIMEOUT = 60_000;

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
    // The Blob itself is the body; the server reads the type from the bytes, not from `file.type`.
    uploadMedia: (file, o) =>
      http.post<UploadedMediaResponse>('media', file, { signal: o?.signal, idempotencyKey: o?.idempotencyKey, timeout: UPLOAD_TIMEOUT }),
    listQuestions: (q, o) =>
      http.get<QuestionPageResponse>(`${productPath(q.productId)}/questions`, { signal: o?.signal, searchParams: { cursor: q.cursor ?? undefined, limit: q.limit } }),
    askQuestion: ({ productId, ...body }, o) =>
      http.post<QuestionResponse>(`${productPath(productId)}/questions`, body, { signal: o?.signal, idempotencyKey: o?.idempotencyKey }),
    answerQuestion: ({ questionId, ...body }, o) =>
      http.post<AnswerResponse>(`questions/${encodeURIComponent(questionId)}/answers`, body, { signal: o?.signal, idempotencyKey: o?.idempotencyKey }),
  };
}
