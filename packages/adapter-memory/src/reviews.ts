import type * as K from '@kith/core';
import type { Context, MemoryAdapter } from './memory-adapter.js';
import type { MemoryOutcomes, OutcomeContext } from './runtime.js';
import type { MemoryCustomer, MemorySeed } from './seed.js';
import { iso, offsetPage } from './served.js';

/** What the server answers for a product with no reviews. */
const NO_REVIEWS = { average: 0, count: 0, histogram: [0, 0, 0, 0, 0], recommendPercent: null, topics: [] } as const;

/** The listing written out for the query (`p1 rating=5 sort=newest`), else the product's published reviews in order. */
function reviewPage(data: MemorySeed, { productId, cursor, limit = 20, ...filters }: K.ReviewQuery) {
  const fields = Object.entries(filters).flatMap(([k, v]) => (v === undefined ? [] : `${k}=${v}`));
  const ids = data.listings?.[[productId, ...fields.sort()].join(' ')];
  const items = ids
    ? ids.flatMap((id) => data.reviews.filter((r) => r.id === id))
    : data.reviews.filter((r) => r.productId === productId && r.status === 'published');
  return offsetPage(items, cursor, limit);
}

const questionPage = (data: MemorySeed, q: K.QuestionQuery) =>
  offsetPage(data.questions?.filter((x) => x.productId === q.productId) ?? [], q.cursor, q.limit ?? 10);

let made = 0;
const newId = (prefix: string) => `${prefix}-${Date.now().toString(36)}-${++made}`;

/**
 * The demo's answers to reviews writes, so a story can write, vote, report, add a photo, ask and answer: a new review
 * (pending until `control.approveReview`) or question goes first, as the newest. Script refusals with `control.next`.
 */
export const demoReviewsOutcomes: MemoryOutcomes = {
  'reviews.submitReview': ({ fixture, now }: OutcomeContext, input: K.ReviewInput) => {
    const { mediaIds = [], displayName, consent: _consent, ...written } = input;
    const photos = (fixture.uploads ?? []).filter((u) => mediaIds.includes(u.id));
    const media = photos.map(({ id, url, width, height }) => ({ id, kind: 'image' as const, url, width, height }));
    const shown = { id: newId('rv'), author: { displayName, verifiedBuyer: false }, media, helpfulCount: 0 };
    const review: K.Review = { ...written, ...shown, createdAt: iso(now), status: 'pending' };
    fixture.reviews.unshift(review);
    return review;
  },
  // The one piece of arithmetic kept: a vote answers the count with the shopper's vote in it (a
  // written figure would be wrong on every review but one). Votes are never deduplicated here.
  'reviews.markHelpful': ({ fixture }: OutcomeContext, reviewId: string) => {
    fixture.reviews = fixture.reviews.map((r) => (r.id === reviewId ? { ...r, helpfulCount: r.helpfulCount + 1 } : r));
    return { helpfulCount: fixture.reviews.find((r) => r.id === reviewId)?.helpfulCount ?? 0 };
  },
  'reviews.report': null,
  // The photo as the page can show it: an object URL, and its size where the image decodes.
  'reviews.uploadMedia': async ({ fixture }: OutcomeContext, file: Blob) => {
    const image = typeof createImageBitmap === 'function' ? await createImageBitmap(file).catch(() => null) : null;
    const url = URL.createObjectURL(file);
    const size = { width: image?.width ?? 0, height: image?.height ?? 0, bytes: file.size };
    const uploaded = { id: newId('m'), url, contentType: file.type as K.UploadedMedia['contentType'], ...size };
    (fixture.uploads ??= []).push(uploaded);
    return uploaded;
  },
  'reviews.askQuestion': ({ fixture, now }: OutcomeContext, { productId, body, displayName }: K.QuestionInput) => {
    const asked = { id: newId('q'), productId, body, createdAt: iso(now), status: 'published' as const };
    const question: K.Question = { ...asked, author: { displayName }, answers: [] };
    (fixture.questions ??= []).unshift(question);
    return question;
  },
  'reviews.answerQuestion': ({ fixture, now }: OutcomeContext, { questionId, body, displayName }: K.AnswerInput) => {
    const author = { displayName, role: 'customer' as const, verifiedBuyer: false };
    const answer: K.Answer = { id: newId('a'), questionId, body, author, createdAt: iso(now), status: 'published' };
    const add = (q: K.Question) => (q.id === questionId ? { ...q, answers: [...q.answers, answer] } : q);
    fixture.questions = fixture.questions?.map(add);
    return answer;
  },
};

/** The reviews calls: reads are lookups in the fixture, writes answer the scripted outcomes. */
export function reviewsApi({ data, calls }: Context, customer: MemoryCustomer | null): MemoryAdapter['reviews'] {
  const { read, send } = calls('reviews', customer);
  const summary = (productId: string): K.ReviewSummary =>
    data.summaries?.[productId] ?? { productId, withMediaCount: 0, ...NO_REVIEWS };
  return {
    getSummary: (productId, o) => read('getSummary', o, () => summary(productId), productId),
    getSummaries: (ids, o) => read('getSummaries', o, () => ids.map(summary), ids),
    listReviews: (q, o) => read('listReviews', o, () => reviewPage(data, q), q),
    listQuestions: (q, o) => read('listQuestions', o, () => questionPage(data, q), q),
    submitReview: (input, o) => send<K.Review>('submitReview', o, input),
    markHelpful: (reviewId, o) => send<{ helpfulCount: number }>('markHelpful', o, reviewId),
    report: (reviewId, reason, o) => send<void>('report', o, reviewId, reason),
    uploadMedia: (file, o) => send<K.UploadedMedia>('uploadMedia', o, file),
    askQuestion: (input, o) => send<K.Question>('askQuestion', o, input),
    answerQuestion: (input, o) => send<K.Answer>('answerQuestion', o, input),
  };
}
