import { isHttpError, isKithError } from '../../errors.js';
import type { Review, ReviewSort } from '../../types/models.js';
import { MEDIA_LIMITS } from '../../util/image.js';
import {
  check,
  rejects,
  pageAll,
  time,
  newestFirst,
  REVIEW_ORDER,
  isCustomer,
  tinyPng,
  pngClaimingWidth,
  type TestApi,
  type WithHarness,
} from './harness.js';

/** Reviews, questions and photos: summaries agree with lists, every sort pages once, moderation and refusals. */
export function reviewsContract({ describe, it }: TestApi, withHarness: WithHarness): void {
  describe('reviews', () => {
    it(
      'summary agrees with the published reviews it lists',
      withHarness(async ({ adapter, fixtures }) => {
        if (!adapter.reviews || !fixtures.reviewedProductId) return;
        const summary = await adapter.reviews.getSummary(fixtures.reviewedProductId);
        check(summary.histogram.reduce((a, b) => a + b, 0) === summary.count, 'histogram sums to count');
        const all = [];
        let cursor: string | null = null;
        do {
          const page = await adapter.reviews.listReviews({ productId: fixtures.reviewedProductId, cursor, limit: 10 });
          all.push(...page.items);
          cursor = page.nextCursor;
        } while (cursor);
        check(all.length === summary.count, 'paging through every review yields `count` reviews');
        check(
          all.every((r) => r.status === 'published'),
          'only published reviews are listed',
        );
        const mean = all.reduce((s, r) => s + r.rating, 0) / all.length;
        check(Math.abs(mean - summary.average) <= 0.05, 'average is the mean rating to one decimal');
      }),
    );

    it(
      'batched summaries equal single ones, in the order asked',
      withHarness(async ({ adapter, fixtures }) => {
        if (!adapter.reviews || !fixtures.reviewedProductId) return;
        const ids = ['no-such-product', fixtures.reviewedProductId];
        const batch = await adapter.reviews.getSummaries(ids);
        check(batch.map((s) => s.productId).join() === ids.join(), 'one summary per id, in order');
        check(batch[0]!.count === 0 && batch[0]!.average === 0, 'a product without reviews: count 0, average 0');
        check(
          JSON.stringify(batch[1]) === JSON.stringify(await adapter.reviews.getSummary(fixtures.reviewedProductId)),
          'batch equals single',
        );
      }),
    );

    it(
      'filters by stars and keyword',
      withHarness(async ({ adapter, fixtures }) => {
        if (!adapter.reviews || !fixtures.reviewedProductId) return;
        const { items } = await adapter.reviews.listReviews({
          productId: fixtures.reviewedProductId,
          rating: 5,
          limit: 50,
        });
        check(items.length > 0 && items.every((r) => r.rating === 5), 'only 5-star reviews');
        const word = items[0]!.body
          .split(/\s+/)
          .find((w) => w.length > 4)!
          .replace(/[^\p{L}]/gu, '');
        const found = await adapter.reviews.listReviews({ productId: fixtures.reviewedProductId, q: word, limit: 50 });
        check(
          found.items.length > 0 &&
            found.items.every((r) => `${r.title ?? ''} ${r.body}`.toLowerCase().includes(word.toLowerCase())),
          'keyword matches title or text',
        );
      }),
    );

    it(
      'sorts by rating when asked',
      withHarness(async ({ adapter, fixtures }) => {
        if (!adapter.reviews || !fixtures.reviewedProductId) return;
        const { items } = await adapter.reviews.listReviews({
          productId: fixtures.reviewedProductId,
          sort: 'lowest',
          limit: 50,
        });
        check(
          items.every((r, i) => i === 0 || items[i - 1]!.rating <= r.rating),
          'lowest first',
        );
      }),
    );

    it(
      'every sort pages through all reviews exactly once, in order',
      withHarness(async ({ adapter, fixtures }) => {
        const reviews = adapter.reviews;
        if (!reviews || !fixtures.reviewedProductId) return;
        const productId = fixtures.reviewedProductId;
        const { count } = await reviews.getSummary(productId);
        for (const sort of Object.keys(REVIEW_ORDER) as ReviewSort[]) {
          const first = await reviews.listReviews({ productId, sort, limit: 3 });
          check(first.total === count, `${sort}: total is the number of published reviews`);
          const items: Review[] = await pageAll(
            (cursor) => reviews.listReviews({ productId, sort, cursor, limit: 3 }),
            3,
          );
          check(items.length === count, `${sort}: paging yields \`count\` (${count}) reviews, got ${items.length}`);
          check(new Set(items.map((r) => r.id)).size === items.length, `${sort}: no review twice`);
          const wrong = items.findIndex((r, i) => i > 0 && REVIEW_ORDER[sort](items[i - 1]!, r) > 0);
          check(wrong < 0, `${sort}: in order (${items[wrong - 1]?.id} before ${items[wrong]?.id})`);
        }
      }),
    );

    it(
      'withMedia lists only reviews with photos, as many as summary.withMediaCount',
      withHarness(async ({ adapter, fixtures }) => {
        const reviews = adapter.reviews;
        if (!reviews || !fixtures.reviewedProductId) return;
        const productId = fixtures.reviewedProductId;
        const { withMediaCount } = await reviews.getSummary(productId);
        check(typeof withMediaCount === 'number', 'the summary has withMediaCount');
        const withMedia = await pageAll(
          (cursor) => reviews.listReviews({ productId, withMedia: true, cursor, limit: 50 }),
          50,
        );
        check(
          withMedia.every((r) => r.media.length > 0),
          'every listed review has a photo',
        );
        check(
          withMedia.length === withMediaCount,
          `withMedia lists withMediaCount (${withMediaCount}) reviews, got ${withMedia.length}`,
        );
        check(
          (await reviews.listReviews({ productId, withMedia: true, limit: 1 })).total === withMediaCount,
          'withMedia total = withMediaCount',
        );
        const all = await pageAll((cursor) => reviews.listReviews({ productId, cursor, limit: 50 }), 50);
        check(
          all.filter((r) => r.media.length > 0).length === withMediaCount,
          'withMediaCount counts the published reviews with photos',
        );
      }),
    );

    it(
      'each topic counts the reviews a `q` search for it finds',
      withHarness(async ({ adapter, fixtures }) => {
        const reviews = adapter.reviews;
        if (!reviews || !fixtures.reviewedProductId) return;
        const { topics } = await reviews.getSummary(fixtures.reviewedProductId);
        check(Array.isArray(topics), 'the summary always has topics (maybe [])');
        topics.forEach((t, i) => {
          check(t.count > 0, `topic ${t.label}: topics nobody mentions are left out`);
          const prev = topics[i - 1];
          check(
            !prev || prev.count > t.count || (prev.count === t.count && prev.label < t.label),
            'topics: most mentioned first, then by label',
          );
        });
        for (const t of topics) {
          const { total } = await reviews.listReviews({ productId: fixtures.reviewedProductId, q: t.label, limit: 1 });
          check(total === t.count, `topic ${t.label}: count ${t.count} = listReviews({ q }).total ${total}`);
        }
      }),
    );
  });

  describe('questions and photos', () => {
    it(
      'lists published questions newest first, merchant and expert answers first',
      withHarness(async ({ adapter, fixtures }) => {
        const reviews = adapter.reviews;
        if (!reviews?.listQuestions || !fixtures.questionProductId) return;
        const productId = fixtures.questionProductId;
        const questions = await pageAll((cursor) => reviews.listQuestions!({ productId, cursor, limit: 2 }), 2);
        check(questions.length > 0, 'the fixture product has questions');
        check(
          (await reviews.listQuestions({ productId, limit: 1 })).total === questions.length,
          'total = published questions',
        );
        check(new Set(questions.map((q) => q.id)).size === questions.length, 'no question twice');
        check(
          questions.every((q) => q.status === 'published' && q.productId === productId),
          'only published questions of the product',
        );
        check(
          questions.every((q, i) => i === 0 || newestFirst(questions[i - 1]!, q) <= 0),
          'newest first',
        );
        for (const q of questions) {
          check(
            q.answers.every((a) => a.status === 'published' && a.questionId === q.id),
            'only published answers, under their question',
          );
          check(
            q.answers.every((a, i) => i === 0 || !isCustomer(q.answers[i - 1]!) || isCustomer(a)),
            'merchant and expert answers first',
          );
          check(
            q.answers.every((a, i) => {
              const prev = q.answers[i - 1];
              return !prev || isCustomer(prev) !== isCustomer(a) || time(prev.createdAt) <= time(a.createdAt);
            }),
            'then oldest first',
          );
        }
        check(
          questions.some((q) => q.answers.some((a) => a.author.role === 'merchant')),
          'the fixture product has a merchant answer',
        );
      }),
    );

    it(
      'a customer asks and answers; a question with a link waits for moderation',
      withHarness(async ({ adapter, customer, fixtures }) => {
        const reviews = adapter.reviews;
        const mine = customer?.reviews;
        if (!reviews?.listQuestions || !mine?.askQuestion || !mine.answerQuestion || !fixtures.questionProductId)
          return;
        const productId = fixtures.questionProductId;
        const plain = await mine.askQuestion({
          productId,
          body: '  Does the strap adjust for someone short?  ',
          displayName: 'Contract',
        });
        check(
          plain.status === 'published' && plain.body === 'Does the strap adjust for someone short?',
          'a plain question is published, trimmed',
        );
        check(
          plain.productId === productId && Array.isArray(plain.answers) && plain.answers.length === 0,
          'a new question has no answers',
        );
        const linked = await mine.askQuestion({
          productId,
          body: 'Is it the same bag as https://example.com/bag ?',
          displayName: 'Contract',
        });
        check(linked.status === 'pending', 'a question with a link waits for moderation');
        const listed = await pageAll((cursor) => reviews.listQuestions!({ productId, cursor, limit: 50 }), 50);
        check(
          listed.some((q) => q.id === plain.id),
          'the published question is listed',
        );
        check(!listed.some((q) => q.id === linked.id), 'the pending question is not listed');

        const answer = await mine.answerQuestion({
          questionId: plain.id,
          body: 'Yes, it has five holes.',
          displayName: 'Contract',
        });
        check(
          answer.questionId === plain.id && answer.author.role === 'customer' && answer.status === 'published',
          'a customer answer, published',
        );
        const again = await pageAll((cursor) => reviews.listQuestions!({ productId, cursor, limit: 50 }), 50);
        const shown = again.find((q) => q.id === plain.id)?.answers.find((a) => a.id === answer.id);
        check(
          shown?.author.role === 'customer' && shown.body === 'Yes, it has five holes.',
          'the answer is listed under its question',
        );
      }),
    );

    it(
      'uploadMedia reads the type and size from the bytes',
      withHarness(async ({ customer }) => {
        const reviews = customer?.reviews;
        if (!reviews?.uploadMedia) return;
        const png = tinyPng();
        const up = await reviews.uploadMedia(new Blob([png], { type: 'image/jpeg' }));
        check(up.contentType === 'image/png', `a PNG claiming to be JPEG is image/png (got ${up.contentType})`);
        check(up.width === 3 && up.height === 2, `width and height from the header (got ${up.width} × ${up.height})`);
        check(
          typeof up.id === 'string' && up.id.length > 0 && typeof up.url === 'string' && up.url.length > 0,
          'an id and a URL',
        );
        check(up.bytes > 0 && up.bytes <= png.length, 'bytes is the stored size');
        await rejects(
          reviews.uploadMedia(new Blob(['Just some text, not an image at all.'], { type: 'image/png' })),
          (e) => isHttpError(e) && e.status === 415 && e.code === 'unsupported_media_type',
          'text → 415 unsupported_media_type',
        );
      }),
    );

    it(
      'a review with a photo waits for moderation, is listed with it once approved, and the photo is used up',
      withHarness(async ({ adapter, customer, fixtures, control }) => {
        const mine = customer?.reviews;
        const productId = fixtures.unreviewedProductId;
        if (
          !adapter.reviews ||
          !mine?.uploadMedia ||
          !mine.submitReview ||
          !productId ||
          !fixtures.reviewedProductId ||
          !control.approveReview
        )
          return;
        const up = await mine.uploadMedia(new Blob([tinyPng()], { type: 'image/png' }));
        const input = {
          rating: 5,
          body: 'The colour is exactly as in my photo.',
          displayName: 'Contract',
          consent: true,
          mediaIds: [up.id],
        } as const;
        const review = await mine.submitReview({ ...input, productId });
        check(review.status === 'pending', `a review with photos waits for moderation (got ${review.status})`);
        check(
          review.media.length === 1 && review.media[0]!.id === up.id && review.media[0]!.kind === 'image',
          'the review carries the photo',
        );
        const listed = async () =>
          (await pageAll((cursor) => adapter.reviews!.listReviews({ productId, cursor, limit: 50 }), 50)).find(
            (r) => r.id === review.id,
          );
        check(!(await listed()), 'a pending review is not listed');
        await control.approveReview(review.id);
        const shown = await listed();
        check(shown?.status === 'published', 'listed once approved');
        const photo = shown.media[0];
        check(
          shown.media.length === 1 &&
            photo?.id === up.id &&
            photo.kind === 'image' &&
            photo.width === 3 &&
            photo.height === 2 &&
            !!photo.url,
          'listed with its one photo: { id, kind, url, width, height }',
        );
        // Another product the customer has not reviewed, so only the used photo can refuse it.
        await rejects(
          mine.submitReview({ ...input, productId: fixtures.reviewedProductId }),
          (e) => isHttpError(e) && e.status === 422 && e.code === 'invalid_media',
          'a photo already used → 422 invalid_media',
        );
      }),
    );

    it(
      'refuses with HttpErrors that carry a status and a code',
      withHarness(async ({ adapter, customer, fixtures }) => {
        const reviews = adapter.reviews;
        if (!reviews || !fixtures.reviewedProductId) return;
        const is = (status: number, code: string) => (e: unknown) =>
          isKithError(e) && isHttpError(e) && e.status === status && e.code === code;
        await rejects(
          reviews.listReviews({ productId: fixtures.reviewedProductId, cursor: '%%not-a-cursor%%' }),
          is(400, 'invalid_cursor'),
          'malformed cursor → 400 invalid_cursor',
        );
        const mine = customer?.reviews;
        if (mine?.answerQuestion) {
          await rejects(
            mine.answerQuestion({ questionId: 'no-such-question', body: 'An answer.', displayName: 'Contract' }),
            is(404, 'not_found'),
            'answer to an unknown question → 404 not_found',
          );
        }
        if (mine?.askQuestion && fixtures.questionProductId) {
          await rejects(
            mine.askQuestion({ productId: fixtures.questionProductId, body: 'Short?', displayName: 'Contract' }),
            is(400, 'invalid_request'),
            'a question under 10 characters → 400 invalid_request',
          );
        }
        if (mine?.uploadMedia) {
          const big = new Uint8Array(MEDIA_LIMITS.maxBytes + 1);
          big.set(tinyPng());
          await rejects(
            mine.uploadMedia(new Blob([big], { type: 'image/png' })),
            is(413, 'media_too_large'),
            'a photo over maxBytes → 413 media_too_large',
          );
          await rejects(
            mine.uploadMedia(new Blob([pngClaimingWidth(MEDIA_LIMITS.maxDimension + 1)], { type: 'image/png' })),
            is(422, 'image_dimensions'),
            'a side over maxDimension → 422 image_dimensions',
          );
        }
      }),
    );
  });
}
