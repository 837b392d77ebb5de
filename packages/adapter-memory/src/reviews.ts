import type {
  Answer,
  AnswerInput,
  Page,
  Question,
  QuestionInput,
  QuestionQuery,
  Review,
  ReviewInput,
  ReviewQuery,
  ReviewSort,
  ReviewSummary,
  UploadedMedia,
} from '@kith/core';
import { notFound } from './errors.js';
import type { MemoryOutcomes, OutcomeContext } from './outcomes.js';
import { offsetPage } from './points.js';
import type { MemorySeed } from './seed.js';
import type { Context } from './context.js';
import type { MemoryCustomer } from './seed.js';
import type { MemoryAdapter } from './memory-adapter.js';

const time = (date: string) => Date.parse(date);
const newest = (a: { createdAt: string; id: string }, b: { createdAt: string; id: string }) =>
  time(b.createdAt) - time(a.createdAt) || (a.id < b.id ? -1 : 1);

/** How each sort orders the fixture's reviews (ties newest first): the list as a widget asks for it. */
const ORDER: Record<ReviewSort, (a: Review, b: Review) => number> = {
  newest,
  highest: (a, b) => b.rating - a.rating || newest(a, b),
  lowest: (a, b) => a.rating - b.rating || newest(a, b),
  helpful: (a, b) => b.helpfulCount - a.helpfulCount || newest(a, b),
  media: (a, b) => Number(b.media.length > 0) - Number(a.media.length > 0) || newest(a, b),
};

/** Case-insensitive substring of the title or the text: the `q` filter, and the topic counts. */
const mentions = (r: Review, needle: string) =>
  r.body.toLowerCase().includes(needle) || !!r.title?.toLowerCase().includes(needle);
const published = (data: MemorySeed, productId: string) =>
  data.reviews.filter((r) => r.productId === productId && r.status === 'published');

/** The summary of the fixture's published reviews (or the one the fixture gives for the product). */
export function reviewSummary(data: MemorySeed, productId: string): ReviewSummary {
  const given = data.summaries?.[productId];
  if (given) return given;
  const list = published(data, productId);
  const histogram: [number, number, number, number, number] = [0, 0, 0, 0, 0];
  for (const r of list) histogram[r.rating - 1]!++;
  const answered = list.filter((r) => r.recommend !== undefined);
  return {
    productId,
    count: list.length,
    histogram,
    average: list.length ? Math.round((list.reduce((s, r) => s + r.rating, 0) / list.length) * 10) / 10 : 0,
    recommendPercent: answered.length
      ? Math.round((answered.filter((r) => r.recommend).length / answered.length) * 100)
      : null,
    withMediaCount: list.filter((r) => r.media.length > 0).length,
    topics: (data.reviewSettings?.topics ?? [])
      .map((label) => ({ label, count: list.filter((r) => mentions(r, label.toLowerCase())).length }))
      .filter((t) => t.count > 0)
      .sort((a, b) => b.count - a.count),
  };
}

/** The fixture's published reviews of a product, filtered and ordered as asked, a page at a time. */
export function reviewPage(data: MemorySeed, q: ReviewQuery): Page<Review> {
  const needle = q.q?.trim().toLowerCase();
  const items = published(data, q.productId).filter(
    (r) =>
      (!q.rating || r.rating === q.rating) &&
      (!q.withMedia || r.media.length > 0) &&
      (q.verified === undefined || r.author.verifiedBuyer === q.verified) &&
      (!needle || mentions(r, needle)),
  );
  return offsetPage(items.sort(ORDER[q.sort ?? 'newest'] ?? newest), q.cursor, q.limit ?? 20);
}

/** Published questions, newest first, each with its published answers: the merchant's and experts' first. */
export function questionPage(data: MemorySeed, q: QuestionQuery): Page<Question> {
  const items = (data.questions ?? [])
    .filter((x) => x.productId === q.productId && x.status === 'published')
    .sort(newest);
  const page = offsetPage(items, q.cursor, q.limit ?? 10);
  const first = (a: Answer) => Number(a.author.role === 'customer');
  return {
    ...page,
    items: page.items.map((x) => ({
      ...x,
      answers: x.answers
        .filter((a) => a.status === 'published')
        .sort((a, b) => first(a) - first(b) || time(a.createdAt) - time(b.createdAt)),
    })),
  };
}

const reviewAt = (data: MemorySeed, id: string) => {
  const i = data.reviews.findIndex((r) => r.id === id);
  if (i < 0) throw notFound(`Review ${id}`);
  return i;
};

let made = 0;
const id = (prefix: string) => `${prefix}-${Date.now().toString(36)}-${++made}`;
const bought = (ctx: OutcomeContext, productId: string) =>
  (ctx.fixture.orders ?? []).some((o) => o.customerId === ctx.customer.id && o.productIds.includes(productId));

/** A photo's URL in the page: an object URL where there is one, else a data: URL. */
async function urlOf(file: Blob): Promise<string> {
  if (typeof URL.createObjectURL === 'function') return URL.createObjectURL(file);
  const bytes = new Uint8Array(await file.arrayBuffer());
  return `data:${file.type};base64,${btoa(String.fromCharCode(...bytes))}`;
}

/**
 * The demo's scripted answers to reviews writes, so a story can write a review, vote, report, add
 * a photo, ask and answer: a review waits for moderation (`control.approveReview` publishes it), a
 * question and an answer are published, a vote counts. They never refuse: script a refusal
 * (`already_reviewed`, `invalid_media`…) with `control.next`.
 */
export const demoReviewsOutcomes: MemoryOutcomes = {
  'reviews.submitReview': (ctx: OutcomeContext, input: ReviewInput): Review => {
    const uploads = ctx.fixture.uploads ?? [];
    const review: Review = {
      id: id('rv'),
      productId: input.productId,
      rating: input.rating,
      ...(input.title ? { title: input.title } : {}),
      body: input.body,
      author: { displayName: input.displayName, verifiedBuyer: bought(ctx, input.productId) },
      ...(input.recommend !== undefined ? { recommend: input.recommend } : {}),
      media: (input.mediaIds ?? []).flatMap((m) =>
        uploads
          .filter((u) => u.id === m)
          .map((u) => ({ kind: 'image' as const, url: u.url, width: u.width, height: u.height })),
      ),
      createdAt: new Date(ctx.now).toISOString(),
      status: 'pending',
      helpfulCount: 0,
    };
    ctx.fixture.reviews.push(review);
    return review;
  },
  'reviews.markHelpful': (ctx: OutcomeContext, reviewId: string) => {
    const i = reviewAt(ctx.fixture, reviewId);
    const review = (ctx.fixture.reviews[i] = {
      ...ctx.fixture.reviews[i]!,
      helpfulCount: ctx.fixture.reviews[i]!.helpfulCount + 1,
    });
    return { helpfulCount: review.helpfulCount };
  },
  'reviews.report': (ctx: OutcomeContext, reviewId: string) => void reviewAt(ctx.fixture, reviewId),
  'reviews.uploadMedia': async (ctx: OutcomeContext, file: Blob): Promise<UploadedMedia> => {
    const image = typeof createImageBitmap === 'function' ? await createImageBitmap(file).catch(() => null) : null;
    const uploaded: UploadedMedia = {
      id: id('m'),
      url: await urlOf(file),
      contentType: (['image/png', 'image/webp'].includes(file.type)
        ? file.type
        : 'image/jpeg') as UploadedMedia['contentType'],
      width: image?.width ?? 0,
      height: image?.height ?? 0,
      bytes: file.size,
    };
    (ctx.fixture.uploads ??= []).push(uploaded);
    return uploaded;
  },
  'reviews.askQuestion': (ctx: OutcomeContext, input: QuestionInput): Question => {
    const question: Question = {
      id: id('q'),
      productId: input.productId,
      body: input.body,
      author: { displayName: input.displayName },
      createdAt: new Date(ctx.now).toISOString(),
      status: 'published',
      answers: [],
    };
    (ctx.fixture.questions ??= []).push(question);
    return question;
  },
  'reviews.answerQuestion': (ctx: OutcomeContext, input: AnswerInput): Answer => {
    const questions = ctx.fixture.questions ?? [];
    const i = questions.findIndex((q) => q.id === input.questionId);
    if (i < 0) throw notFound(`Question ${input.questionId}`);
    const answer: Answer = {
      id: id('a'),
      questionId: input.questionId,
      body: input.body,
      createdAt: new Date(ctx.now).toISOString(),
      status: 'published',
      author: { displayName: input.displayName, role: 'customer', verifiedBuyer: bought(ctx, questions[i]!.productId) },
    };
    questions[i] = { ...questions[i]!, answers: [...questions[i]!.answers, answer] };
    return answer;
  },
};

export function reviewsApi(
  { data, call, write, scripted }: Context,
  customer: MemoryCustomer | null,
): MemoryAdapter['reviews'] {
  return {
    getSummary: (productId, o) =>
      call('reviews.getSummary', o, () => reviewSummary(data, productId), customer, [productId]),
    getSummaries: (productIds, o) =>
      call('reviews.getSummaries', o, () => productIds.map((p) => reviewSummary(data, p)), customer, [productIds]),
    listReviews: (q, o) => call('reviews.listReviews', o, () => reviewPage(data, q), customer, [q]),
    submitReview: (input, o) =>
      write(customer, 'reviews.submitReview', o, scripted<Review>('reviews.submitReview', [input]), [input]),
    markHelpful: (reviewId, o) =>
      write(customer, 'reviews.markHelpful', o, scripted<{ helpfulCount: number }>('reviews.markHelpful', [reviewId]), [
        reviewId,
      ]),
    report: (reviewId, reason, o) =>
      write(customer, 'reviews.report', o, scripted<void>('reviews.report', [reviewId, reason]), [reviewId, reason]),
    uploadMedia: (file, o) =>
      write(customer, 'reviews.uploadMedia', o, scripted<Promise<UploadedMedia>>('reviews.uploadMedia', [file]), [
        file,
      ]),
    listQuestions: (q, o) => call('reviews.listQuestions', o, () => questionPage(data, q), customer, [q]),
    askQuestion: (input, o) =>
      write(customer, 'reviews.askQuestion', o, scripted<Question>('reviews.askQuestion', [input]), [input]),
    answerQuestion: (input, o) =>
      write(customer, 'reviews.answerQuestion', o, scripted<Answer>('reviews.answerQuestion', [input]), [input]),
  };
}
