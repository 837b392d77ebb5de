import type { KithAdapter } from '../adapter.js';
import { isHttpError, isKithError } from '../errors.js';
import type { Answer, LiveShow, Page, Review, ReviewSort } from '../types/models.js';
import { MEDIA_LIMITS } from '../util/image.js';

/** What an adapter under test provides: the adapter, known fixture ids and admin-like controls. */
export interface ContractHarness {
  readonly adapter: KithAdapter;
  readonly fixtures: {
    /** A scheduled show whose product is `productWithShow`. */
    readonly scheduledShowId: string;
    readonly productWithShow: string;
    readonly productWithoutShow: string;
    /** A product with at least one published review (reviews domain). */
    readonly reviewedProductId?: string;
    /** A product with published questions, one of them answered by the merchant (reviews domain). */
    readonly questionProductId?: string;
    /** A product that `customer` has not reviewed (reviews domain). */
    readonly unreviewedProductId?: string;
    /** An active campaign with a forming team (group-buy domain). */
    readonly campaignId?: string;
  };
  /** The same backend as `adapter`, signed in as a customer, for writes (reviews, Q&A, photos). */
  readonly customer?: KithAdapter;
  readonly control: {
    startShow(id: string): Promise<unknown>;
    setViewers(id: string, viewers: number): Promise<unknown>;
    endShow(id: string): Promise<unknown>;
    /** Publishes a pending review as a moderator would. */
    approveReview?(id: string): Promise<unknown>;
  };
  teardown?(): void | Promise<void>;
}

type Fn = () => void | Promise<void>;
/** The test API of your runner: node:test, mocha and vitest all fit. */
export interface TestApi {
  describe(name: string, fn: () => void): void;
  it(name: string, fn: Fn): void;
}

function check(cond: unknown, message: string): asserts cond {
  if (!cond) throw new Error(`Adapter contract: ${message}`);
}

async function rejects(p: Promise<unknown>, test: (e: unknown) => boolean, message: string) {
  try {
    await p;
  } catch (e) {
    check(test(e), `${message} (got ${String(e)})`);
    return;
  }
  check(false, `${message} (it resolved)`);
}

/** Every item of a cursor-paged list, checking that paging ends. */
async function pageAll<T>(load: (cursor: string | null) => Promise<Page<T>>, limit: number): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | null = null;
  for (let pages = 1; ; pages++) {
    const page: Page<T> = await load(cursor);
    check(page.items.length <= limit, `a page holds at most \`limit\` (${limit}) items`);
    items.push(...page.items);
    cursor = page.nextCursor;
    if (!cursor) return items;
    check(pages < 1000, 'paging ends');
  }
}

const time = (iso: string) => Date.parse(iso);
// Ids compare by code unit, the same in every runtime and database collation "C".
const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const newestFirst = (a: { createdAt: string; id: string }, b: { createdAt: string; id: string }) => time(b.createdAt) - time(a.createdAt) || byId(a, b);
/** Each sort's order as a comparator: ties break by `createdAt` desc, then `id`. */
const REVIEW_ORDER: Record<ReviewSort, (a: Review, b: Review) => number> = {
  newest: newestFirst,
  highest: (a, b) => b.rating - a.rating || newestFirst(a, b),
  lowest: (a, b) => a.rating - b.rating || newestFirst(a, b),
  helpful: (a, b) => b.helpfulCount - a.helpfulCount || newestFirst(a, b),
  media: (a, b) => Number(b.media.length > 0) - Number(a.media.length > 0) || newestFirst(a, b),
};
const isCustomer = (a: Answer) => a.author.role === 'customer';

// A valid 3 × 2 RGB PNG (86 bytes), decoded with atob so the suite runs in Node and browsers alike.
const PNG_3X2 = 'iVBORw0KGgoAAAANSUhEUgAAAAMAAAACCAIAAAASFvFNAAAAHUlEQVR42mM4UcFwoofhxAIGhhMVNid6bE4ssAEAVlQIrS0hr5IAAAAASUVORK5CYII=';
const tinyPng = (): Uint8Array<ArrayBuffer> => Uint8Array.from(atob(PNG_3X2), (c) => c.charCodeAt(0));

function crc32(bytes: Uint8Array): number {
  let crc = ~0;
  for (const b of bytes) {
    crc ^= b;
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return ~crc >>> 0;
}

/** The tiny PNG claiming another width in its header (with a correct CRC), for the dimension limit. */
function pngClaimingWidth(width: number): Uint8Array<ArrayBuffer> {
  const png = tinyPng();
  const view = new DataView(png.buffer);
  view.setUint32(16, width);
  view.setUint32(29, crc32(png.subarray(12, 29)));
  return png;
}

/** Resolves with the first pushed value that passes `until`, or rejects after `ms`. */
function nextShow(adapter: KithAdapter, id: string, until: (s: LiveShow) => boolean, ms = 4000): Promise<LiveShow> & { stop(): void } {
  let stop = () => {};
  const p = new Promise<LiveShow>((resolve, reject) => {
    const timer = setTimeout(() => { stop(); reject(new Error(`Adapter contract: no matching push for show ${id} within ${ms} ms`)); }, ms);
    const unsub = adapter.live!.subscribeShow(id, (s) => {
      if (until(s)) { clearTimeout(timer); unsub(); resolve(s); }
    }, { onError: (e) => { clearTimeout(timer); reject(e); } });
    stop = () => { clearTimeout(timer); unsub(); };
  });
  return Object.assign(p, { stop });
}

/**
 * The shared adapter test suite (Lion's `*-test-suites` idea): every adapter, in-memory or REST,
 * must pass it. Domains an adapter lacks are skipped via `capabilities`.
 */
export function runAdapterContract(name: string, setup: () => Promise<ContractHarness>, { describe, it }: TestApi): void {
  // `domain` skips a test for an adapter without that domain (it passes vacuously: the runner API
  // has no common skip).
  const withHarness = (fn: (h: ContractHarness) => Promise<void>, domain?: 'live') => async () => {
    const h = await setup();
    try {
      if (domain && !h.adapter[domain]) return;
      await fn(h);
    } finally {
      await h.teardown?.();
    }
  };

  describe(`adapter contract: ${name}`, () => {
    it('declares an id and capabilities that match its domains', withHarness(async ({ adapter }) => {
      check(typeof adapter.id === 'string' && adapter.id.length > 0, 'id is a non-empty string');
      for (const cap of ['live', 'reviews', 'groupBuy', 'points', 'referrals'] as const) {
        check(adapter.capabilities.has(cap) === (adapter[cap] !== undefined), `capability ${cap} matches the ${cap} domain`);
      }
    }));

    describe('live', () => {
      it('gets a show by id', withHarness(async ({ adapter, fixtures }) => {
        const show = await adapter.live!.getShow(fixtures.scheduledShowId);
        check(show.id === fixtures.scheduledShowId, 'returns the requested show');
        check(show.status === 'scheduled', 'fixture show is scheduled');
        check(!Number.isNaN(Date.parse(show.startsAt)), 'startsAt is an ISO date');
        check(Array.isArray(show.productIds), 'productIds is an array');
      }, 'live'));

      it('rejects an unknown show with a 404 HttpError', withHarness(async ({ adapter }) => {
        await rejects(adapter.live!.getShow('no-such-show'), (e) => isHttpError(e) && e.status === 404, 'unknown show → 404');
      }, 'live'));

      it('finds the show for a product, or null', withHarness(async ({ adapter, fixtures }) => {
        const found = await adapter.live!.findShow({ productId: fixtures.productWithShow });
        check(found !== null && found.productIds.includes(fixtures.productWithShow), 'finds a show featuring the product');
        check((await adapter.live!.findShow({ productId: fixtures.productWithoutShow })) === null, 'null for a product without shows');
      }, 'live'));

      it('honours an aborted signal', withHarness(async ({ adapter, fixtures }) => {
        const c = new AbortController();
        c.abort();
        await rejects(adapter.live!.getShow(fixtures.scheduledShowId, { signal: c.signal }),
          (e) => (e as Error)?.name === 'AbortError', 'aborted call rejects with AbortError');
      }, 'live'));

      it('pushes the current state, then every transition and viewer change', withHarness(async ({ adapter, fixtures, control }) => {
        const id = fixtures.scheduledShowId;
        const first = nextShow(adapter, id, () => true);
        check((await first).status === 'scheduled', 'first push is the current state');

        const live = nextShow(adapter, id, (s) => s.status === 'live');
        await control.startShow(id);
        check(typeof (await live).startedAt === 'string', 'live push has startedAt');

        const viewers = nextShow(adapter, id, (s) => s.viewerCount === 321);
        await control.setViewers(id, 321);
        await viewers;

        const ended = nextShow(adapter, id, (s) => s.status === 'ended');
        await control.endShow(id);
        check((await ended).viewerCount === undefined || (await ended).viewerCount === null, 'an ended show has no live viewer count');
      }, 'live'));

      it('stops pushing after unsubscribe, and a second unsubscribe is harmless', withHarness(async ({ adapter, fixtures, control }) => {
        const seen: LiveShow[] = [];
        const ready = nextShow(adapter, fixtures.scheduledShowId, () => true);
        await ready;
        const unsub = adapter.live!.subscribeShow(fixtures.scheduledShowId, (s) => seen.push(s));
        await new Promise((r) => setTimeout(r, 300));
        unsub();
        unsub();
        const before = seen.length;
        await control.startShow(fixtures.scheduledShowId);
        await new Promise((r) => setTimeout(r, 300));
        check(seen.length === before, 'no push after unsubscribe');
      }, 'live'));
    });

    describe('reviews', () => {
      it('summary agrees with the published reviews it lists', withHarness(async ({ adapter, fixtures }) => {
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
        check(all.every((r) => r.status === 'published'), 'only published reviews are listed');
        const mean = all.reduce((s, r) => s + r.rating, 0) / all.length;
        check(Math.abs(mean - summary.average) <= 0.05, 'average is the mean rating to one decimal');
      }));

      it('batched summaries equal single ones, in the order asked', withHarness(async ({ adapter, fixtures }) => {
        if (!adapter.reviews || !fixtures.reviewedProductId) return;
        const ids = ['no-such-product', fixtures.reviewedProductId];
        const batch = await adapter.reviews.getSummaries(ids);
        check(batch.map((s) => s.productId).join() === ids.join(), 'one summary per id, in order');
        check(batch[0]!.count === 0 && batch[0]!.average === 0, 'a product without reviews: count 0, average 0');
        check(JSON.stringify(batch[1]) === JSON.stringify(await adapter.reviews.getSummary(fixtures.reviewedProductId)), 'batch equals single');
      }));

      it('filters by stars and keyword', withHarness(async ({ adapter, fixtures }) => {
        if (!adapter.reviews || !fixtures.reviewedProductId) return;
        const { items } = await adapter.reviews.listReviews({ productId: fixtures.reviewedProductId, rating: 5, limit: 50 });
        check(items.length > 0 && items.every((r) => r.rating === 5), 'only 5-star reviews');
        const word = items[0]!.body.split(/\s+/).find((w) => w.length > 4)!.replace(/[^\p{L}]/gu, '');
        const found = await adapter.reviews.listReviews({ productId: fixtures.reviewedProductId, q: word, limit: 50 });
        check(found.items.length > 0 && found.items.every((r) => `${r.title ?? ''} ${r.body}`.toLowerCase().includes(word.toLowerCase())), 'keyword matches title or text');
      }));

      it('sorts by rating when asked', withHarness(async ({ adapter, fixtures }) => {
        if (!adapter.reviews || !fixtures.reviewedProductId) return;
        const { items } = await adapter.reviews.listReviews({ productId: fixtures.reviewedProductId, sort: 'lowest', limit: 50 });
        check(items.every((r, i) => i === 0 || items[i - 1]!.rating <= r.rating), 'lowest first');
      }));

      it('every sort pages through all reviews exactly once, in order', withHarness(async ({ adapter, fixtures }) => {
        const reviews = adapter.reviews;
        if (!reviews || !fixtures.reviewedProductId) return;
        const productId = fixtures.reviewedProductId;
        const { count } = await reviews.getSummary(productId);
        for (const sort of Object.keys(REVIEW_ORDER) as ReviewSort[]) {
          const first = await reviews.listReviews({ productId, sort, limit: 3 });
          check(first.total === count, `${sort}: total is the number of published reviews`);
          const items: Review[] = await pageAll((cursor) => reviews.listReviews({ productId, sort, cursor, limit: 3 }), 3);
          check(items.length === count, `${sort}: paging yields \`count\` (${count}) reviews, got ${items.length}`);
          check(new Set(items.map((r) => r.id)).size === items.length, `${sort}: no review twice`);
          const wrong = items.findIndex((r, i) => i > 0 && REVIEW_ORDER[sort](items[i - 1]!, r) > 0);
          check(wrong < 0, `${sort}: in order (${items[wrong - 1]?.id} before ${items[wrong]?.id})`);
        }
      }));

      it('withMedia lists only reviews with photos, as many as summary.withMediaCount', withHarness(async ({ adapter, fixtures }) => {
        const reviews = adapter.reviews;
        if (!reviews || !fixtures.reviewedProductId) return;
        const productId = fixtures.reviewedProductId;
        const { withMediaCount } = await reviews.getSummary(productId);
        check(typeof withMediaCount === 'number', 'the summary has withMediaCount');
        const withMedia = await pageAll((cursor) => reviews.listReviews({ productId, withMedia: true, cursor, limit: 50 }), 50);
        check(withMedia.every((r) => r.media.length > 0), 'every listed review has a photo');
        check(withMedia.length === withMediaCount, `withMedia lists withMediaCount (${withMediaCount}) reviews, got ${withMedia.length}`);
        check((await reviews.listReviews({ productId, withMedia: true, limit: 1 })).total === withMediaCount, 'withMedia total = withMediaCount');
        const all = await pageAll((cursor) => reviews.listReviews({ productId, cursor, limit: 50 }), 50);
        check(all.filter((r) => r.media.length > 0).length === withMediaCount, 'withMediaCount counts the published reviews with photos');
      }));

      it('each topic counts the reviews a `q` search for it finds', withHarness(async ({ adapter, fixtures }) => {
        const reviews = adapter.reviews;
        if (!reviews || !fixtures.reviewedProductId) return;
        const { topics } = await reviews.getSummary(fixtures.reviewedProductId);
        check(Array.isArray(topics), 'the summary always has topics (maybe [])');
        topics.forEach((t, i) => {
          check(t.count > 0, `topic ${t.label}: topics nobody mentions are left out`);
          const prev = topics[i - 1];
          check(!prev || prev.count > t.count || (prev.count === t.count && prev.label < t.label), 'topics: most mentioned first, then by label');
        });
        for (const t of topics) {
          const { total } = await reviews.listReviews({ productId: fixtures.reviewedProductId, q: t.label, limit: 1 });
          check(total === t.count, `topic ${t.label}: count ${t.count} = listReviews({ q }).total ${total}`);
        }
      }));
    });

    describe('questions and photos', () => {
      it('lists published questions newest first, merchant and expert answers first', withHarness(async ({ adapter, fixtures }) => {
        const reviews = adapter.reviews;
        if (!reviews?.listQuestions || !fixtures.questionProductId) return;
        const productId = fixtures.questionProductId;
        const questions = await pageAll((cursor) => reviews.listQuestions!({ productId, cursor, limit: 2 }), 2);
        check(questions.length > 0, 'the fixture product has questions');
        check((await reviews.listQuestions({ productId, limit: 1 })).total === questions.length, 'total = published questions');
        check(new Set(questions.map((q) => q.id)).size === questions.length, 'no question twice');
        check(questions.every((q) => q.status === 'published' && q.productId === productId), 'only published questions of the product');
        check(questions.every((q, i) => i === 0 || newestFirst(questions[i - 1]!, q) <= 0), 'newest first');
        for (const q of questions) {
          check(q.answers.every((a) => a.status === 'published' && a.questionId === q.id), 'only published answers, under their question');
          check(q.answers.every((a, i) => i === 0 || !isCustomer(q.answers[i - 1]!) || isCustomer(a)), 'merchant and expert answers first');
          check(q.answers.every((a, i) => {
            const prev = q.answers[i - 1];
            return !prev || isCustomer(prev) !== isCustomer(a) || time(prev.createdAt) <= time(a.createdAt);
          }), 'then oldest first');
        }
        check(questions.some((q) => q.answers.some((a) => a.author.role === 'merchant')), 'the fixture product has a merchant answer');
      }));

      it('a customer asks and answers; a question with a link waits for moderation', withHarness(async ({ adapter, customer, fixtures }) => {
        const reviews = adapter.reviews;
        const mine = customer?.reviews;
        if (!reviews?.listQuestions || !mine?.askQuestion || !mine.answerQuestion || !fixtures.questionProductId) return;
        const productId = fixtures.questionProductId;
        const plain = await mine.askQuestion({ productId, body: '  Does the strap adjust for someone short?  ', displayName: 'Contract' });
        check(plain.status === 'published' && plain.body === 'Does the strap adjust for someone short?', 'a plain question is published, trimmed');
        check(plain.productId === productId && Array.isArray(plain.answers) && plain.answers.length === 0, 'a new question has no answers');
        const linked = await mine.askQuestion({ productId, body: 'Is it the same bag as https://example.com/bag ?', displayName: 'Contract' });
        check(linked.status === 'pending', 'a question with a link waits for moderation');
        const listed = await pageAll((cursor) => reviews.listQuestions!({ productId, cursor, limit: 50 }), 50);
        check(listed.some((q) => q.id === plain.id), 'the published question is listed');
        check(!listed.some((q) => q.id === linked.id), 'the pending question is not listed');

        const answer = await mine.answerQuestion({ questionId: plain.id, body: 'Yes, it has five holes.', displayName: 'Contract' });
        check(answer.questionId === plain.id && answer.author.role === 'customer' && answer.status === 'published', 'a customer answer, published');
        const again = await pageAll((cursor) => reviews.listQuestions!({ productId, cursor, limit: 50 }), 50);
        const shown = again.find((q) => q.id === plain.id)?.answers.find((a) => a.id === answer.id);
        check(shown?.author.role === 'customer' && shown.body === 'Yes, it has five holes.', 'the answer is listed under its question');
      }));

      it('uploadMedia reads the type and size from the bytes', withHarness(async ({ customer }) => {
        const reviews = customer?.reviews;
        if (!reviews?.uploadMedia) return;
        const png = tinyPng();
        const up = await reviews.uploadMedia(new Blob([png], { type: 'image/jpeg' }));
        check(up.contentType === 'image/png', `a PNG claiming to be JPEG is image/png (got ${up.contentType})`);
        check(up.width === 3 && up.height === 2, `width and height from the header (got ${up.width} × ${up.height})`);
        check(typeof up.id === 'string' && up.id.length > 0 && typeof up.url === 'string' && up.url.length > 0, 'an id and a URL');
        check(up.bytes > 0 && up.bytes <= png.length, 'bytes is the stored size');
        await rejects(reviews.uploadMedia(new Blob(['Just some text, not an image at all.'], { type: 'image/png' })),
          (e) => isHttpError(e) && e.status === 415 && e.code === 'unsupported_media_type', 'text → 415 unsupported_media_type');
      }));

      it('a review with a photo waits for moderation, is listed with it once approved, and the photo is used up', withHarness(async ({ adapter, customer, fixtures, control }) => {
        const mine = customer?.reviews;
        const productId = fixtures.unreviewedProductId;
        if (!adapter.reviews || !mine?.uploadMedia || !mine.submitReview || !productId || !fixtures.reviewedProductId || !control.approveReview) return;
        const up = await mine.uploadMedia(new Blob([tinyPng()], { type: 'image/png' }));
        const input = { rating: 5, body: 'The colour is exactly as in my photo.', displayName: 'Contract', consent: true, mediaIds: [up.id] } as const;
        const review = await mine.submitReview({ ...input, productId });
        check(review.status === 'pending', `a review with photos waits for moderation (got ${review.status})`);
        check(review.media.length === 1 && review.media[0]!.id === up.id && review.media[0]!.kind === 'image', 'the review carries the photo');
        const listed = async () => (await pageAll((cursor) => adapter.reviews!.listReviews({ productId, cursor, limit: 50 }), 50)).find((r) => r.id === review.id);
        check(!(await listed()), 'a pending review is not listed');
        await control.approveReview(review.id);
        const shown = await listed();
        check(shown?.status === 'published', 'listed once approved');
        const photo = shown.media[0];
        check(shown.media.length === 1 && photo?.id === up.id && photo.kind === 'image' && photo.width === 3 && photo.height === 2 && !!photo.url,
          'listed with its one photo: { id, kind, url, width, height }');
        // Another product the customer has not reviewed, so only the used photo can refuse it.
        await rejects(mine.submitReview({ ...input, productId: fixtures.reviewedProductId }),
          (e) => isHttpError(e) && e.status === 422 && e.code === 'invalid_media', 'a photo already used → 422 invalid_media');
      }));

      it('refuses with HttpErrors that carry a status and a code', withHarness(async ({ adapter, customer, fixtures }) => {
        const reviews = adapter.reviews;
        if (!reviews || !fixtures.reviewedProductId) return;
        const is = (status: number, code: string) => (e: unknown) => isKithError(e) && isHttpError(e) && e.status === status && e.code === code;
        await rejects(reviews.listReviews({ productId: fixtures.reviewedProductId, cursor: '%%not-a-cursor%%' }), is(400, 'invalid_cursor'), 'malformed cursor → 400 invalid_cursor');
        const mine = customer?.reviews;
        if (mine?.answerQuestion) {
          await rejects(mine.answerQuestion({ questionId: 'no-such-question', body: 'An answer.', displayName: 'Contract' }), is(404, 'not_found'), 'answer to an unknown question → 404 not_found');
        }
        if (mine?.askQuestion && fixtures.questionProductId) {
          await rejects(mine.askQuestion({ productId: fixtures.questionProductId, body: 'Short?', displayName: 'Contract' }), is(400, 'invalid_request'), 'a question under 10 characters → 400 invalid_request');
        }
        if (mine?.uploadMedia) {
          const big = new Uint8Array(MEDIA_LIMITS.maxBytes + 1);
          big.set(tinyPng());
          await rejects(mine.uploadMedia(new Blob([big], { type: 'image/png' })), is(413, 'media_too_large'), 'a photo over maxBytes → 413 media_too_large');
          await rejects(mine.uploadMedia(new Blob([pngClaimingWidth(MEDIA_LIMITS.maxDimension + 1)], { type: 'image/png' })), is(422, 'image_dimensions'), 'a side over maxDimension → 422 image_dimensions');
        }
      }));
    });

    describe('points', () => {
      it('serves an account whose balance matches the newest ledger entry', withHarness(async ({ adapter }) => {
        if (!adapter.points) return;
        const account = await adapter.points.getAccount();
        const ledger = await adapter.points.listLedger({ limit: 1 });
        if (ledger.items.length) check(ledger.items[0]!.balanceAfter === account.balance, 'balance = newest balanceAfter');
        check(Number.isInteger(account.balance) && account.balance >= 0, 'balance is a non-negative integer');
      }));
    });

    describe('referrals', () => {
      it('gives a link carrying the referral code', withHarness(async ({ adapter, fixtures }) => {
        if (!adapter.referrals) return;
        const link = await adapter.referrals.getLink({ productId: fixtures.productWithShow });
        check(link.url.includes(encodeURIComponent(link.code)), 'url carries the code');
      }));
    });

    it('throws only KithErrors', withHarness(async ({ adapter }) => {
      await rejects(adapter.live!.getShow('no-such-show'), isKithError, 'errors are KithErrors');
    }, 'live'));
  });
}
