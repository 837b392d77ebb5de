import type { Page, Review, ReviewsApi, ReviewSummary } from '@kith/core';
import type { Http } from './http.js';
import type {
  AnswerResponse,
  QuestionPageResponse,
  QuestionResponse,
  ReviewPageResponse,
  ReviewSummaryResponse,
  UploadedMediaResponse,
} from './api-types.js';
import { pageParams } from './params.js';

const productPath = (id: string) => `products/${encodeURIComponent(id)}`;
const reviewPath = (id: string) => `reviews/${encodeURIComponent(id)}`;
/** A photo on a phone connection takes longer than the client's 5 s read timeout. */
const UPLOAD_TIMEOUT = 60_000;

/**
 * Reviews over HTTP. Writes carry the customer token (set on the adapter) and an Idempotency-Key:
 * `o` is the caller's options, and its signal and key go to the client as they are.
 */
export function createReviewsApi(http: Http): ReviewsApi {
  return {
    getSummary: (productId, o) => http.get<ReviewSummaryResponse>(`${productPath(productId)}/reviews/summary`, o),
    async getSummaries(productIds, o) {
      if (!productIds.length) return [];
      const { summaries } = await http.get<{ summaries: ReviewSummary[] }>('reviews/summaries', {
        ...o,
        searchParams: { products: productIds.join(',') },
      });
      return summaries;
    },
    listReviews: (q, o) =>
      http.get<ReviewPageResponse>(`${productPath(q.productId)}/reviews`, {
        ...o,
        searchParams: {
          sort: q.sort,
          rating: q.rating,
          verified: q.verified,
          q: q.q,
          ...pageParams(q),
          media: q.withMedia || undefined,
        },
      }) as Promise<Page<Review>>,
    getJsonLd: (productId, facts, o) =>
      http.get<Record<string, unknown>>(`${productPath(productId)}/reviews/jsonld`, {
        ...o,
        searchParams: { ...facts },
      }),
    submitReview: ({ productId, ...body }, o) => http.post<Review>(`${productPath(productId)}/reviews`, body, o),
    markHelpful: (reviewId, o) => http.post<{ helpfulCount: number }>(`${reviewPath(reviewId)}/helpful`, undefined, o),
    async report(reviewId, reason, o) {
      await http.post(`${reviewPath(reviewId)}/report`, { reason }, o);
    },
    // The Blob itself is the body; the server reads the type from the bytes, not from `file.type`.
    uploadMedia: (file, o) => http.post<UploadedMediaResponse>('media', file, { ...o, timeout: UPLOAD_TIMEOUT }),
    listQuestions: (q, o) =>
      http.get<QuestionPageResponse>(`${productPath(q.productId)}/questions`, { ...o, searchParams: pageParams(q) }),
    askQuestion: ({ productId, ...body }, o) =>
      http.post<QuestionResponse>(`${productPath(productId)}/questions`, body, o),
    answerQuestion: ({ questionId, ...body }, o) =>
      http.post<AnswerResponse>(`questions/${encodeURIComponent(questionId)}/answers`, body, o),
  };
}
