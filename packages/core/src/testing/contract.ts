import type { KithAdapter } from '../adapter.js';
import { isHttpError, isKithError } from '../errors.js';
import type { Answer, GroupBuyTeam, LiveShow, Money, Page, PointsAccount, PointsEntry, PointsReward, Review, ReviewSort } from '../types/models.js';
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
    /**
     * A product with an active group-buy campaign: no stock limit, a first tier of 2, at least 3
     * members per team (group-buy domain).
     */
    readonly groupBuyProductId?: string;
    /** That product's campaign. */
    readonly campaignId?: string;
  };
  /** The same backend as `adapter`, signed in as a customer, for writes (reviews, Q&A, photos, group buy). */
  readonly customer?: KithAdapter;
  /** The same backend again, signed in as a second customer (group buy: a team of two). */
  readonly otherCustomer?: KithAdapter;
  /** The ids of `customer` and `otherCustomer`, as `control.confirmSeat` and the points controls take them. */
  readonly customerIds?: readonly [string, string];
  readonly control: {
    startShow(id: string): Promise<unknown>;
    setViewers(id: string, viewers: number): Promise<unknown>;
    endShow(id: string): Promise<unknown>;
    /** Publishes a pending review as a moderator would. */
    approveReview?(id: string): Promise<unknown>;
    /** Confirms the customer's held seat in a team, as the merchant's order report does. */
    confirmSeat?(teamId: string, customerId: string): Promise<unknown>;
    /**
     * Points: the merchant's adjustment (`POST /v1/admin/points/adjust`); negative removes points
     * and must reject (409 `insufficient_points`) rather than take the balance below 0.
     */
    adjustPoints?(customerId: string, points: number, note: string): Promise<unknown>;
    /** Points: the merchant reports an order with its total (`POST /v1/admin/orders`), which earns pending purchase points. */
    reportOrder?(order: {
      readonly id: string; readonly customerId: string; readonly productIds: readonly string[]; readonly total: Money;
      /** Referrals: the code the friend came with (from `Kith.getAttribution()`). */
      readonly referralCode?: string;
    }): Promise<unknown>;
    /** Points: the merchant reports a refund of the whole order (`POST /v1/admin/orders/{id}/refund`). */
    refundOrder?(orderId: string): Promise<unknown>;
    /** Referrals: the shop reports that a customer signed up through a code (`POST /v1/admin/referrals/signups`). */
    reportSignup?(code: string, customerId: string): Promise<unknown>;
    /** Points: adds a reward to the program's catalogue (`POST /v1/admin/points/rewards`). */
    addReward?(reward: Omit<PointsReward, 'id'>): Promise<{ readonly id: string }>;
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

/** Records every push of a team; `until` resolves with the first push (so far or to come) that passes. */
function watchTeam(adapter: KithAdapter, id: string) {
  const seen: GroupBuyTeam[] = [];
  const waiting = new Set<() => void>();
  let failed: unknown;
  const unsubscribe = adapter.groupBuy!.subscribeTeam(id, (t) => {
    seen.push(t);
    for (const w of [...waiting]) w();
  }, { onError: (e) => { failed = e; for (const w of [...waiting]) w(); } });
  const until = (what: string, test: (t: GroupBuyTeam) => boolean, ms = 4000) => new Promise<GroupBuyTeam>((resolve, reject) => {
    const check = () => {
      const found = seen.find(test);
      if (found || failed !== undefined) {
        clearTimeout(timer);
        waiting.delete(check);
        if (found) resolve(found);
        else reject(failed);
      }
    };
    const timer = setTimeout(() => {
      waiting.delete(check);
      reject(new Error(`Adapter contract: no push of team ${id} with ${what} within ${ms} ms`));
    }, ms);
    waiting.add(check);
    check();
  });
  return { seen, until, unsubscribe };
}

const sameMoney = (a: Money | undefined, b: Money | undefined) => !!a && !!b && a.minor === b.minor && a.currency === b.currency;
const isIso = (s: unknown) => typeof s === 'string' && !Number.isNaN(Date.parse(s));
const code = (status: number, c: string) => (e: unknown) => isHttpError(e) && e.status === status && e.code === c;
let keys = 0;
/** A fresh Idempotency-Key. */
const key = () => `contract-${Date.now().toString(36)}-${(++keys).toString(36)}-${Math.random().toString(36).slice(2)}`;

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

    describe('group buy', () => {
      /** The harness when it can run group-buy tests: the domain, the fixtures and, with `writes`, two customers who can write. */
      const ready = (h: ContractHarness, writes = false) => {
        const { fixtures: f } = h;
        if (!h.adapter.groupBuy || !f.groupBuyProductId || !f.campaignId) return false;
        return !writes || !!(h.customer?.groupBuy?.startTeam && h.otherCustomer?.groupBuy?.joinTeam && h.customerIds);
      };

      it('serves the offer: the campaign with its tiers, open teams, the server time; null without a campaign', withHarness(async (h) => {
        if (!ready(h)) return;
        const gb = h.adapter.groupBuy!;
        const offer = await gb.getOffer(h.fixtures.groupBuyProductId!);
        check(offer !== null, 'the fixture product has an offer');
        const { campaign: c, teams } = offer;
        check(c.id === h.fixtures.campaignId && c.product.id === h.fixtures.groupBuyProductId, 'the offer is the fixture campaign of the product');
        check(c.status === 'active', `the fixture campaign is active (got ${c.status})`);
        check(c.tiers.length > 0 && c.tiers[0]!.size >= 2, 'at least one tier, of two members or more');
        check(c.tiers.every((t, i) => {
          const prev = c.tiers[i - 1];
          return t.price.currency === c.soloPrice.currency && t.price.minor < c.soloPrice.minor && (!prev || (prev.size < t.size && prev.price.minor > t.price.minor));
        }), 'tiers ascend by size with falling prices, all below the solo price, in its currency');
        check(c.maxMembers >= c.tiers.at(-1)!.size && c.teamDurationSeconds > 0 && c.holdSeconds > 0, 'maxMembers covers the deepest tier; durations are positive');
        check(isIso(c.startsAt) && isIso(offer.serverTime), 'startsAt and serverTime are ISO dates');
        check(offer.yourTeam === null, 'signed out: no yourTeam');
        check(teams.length <= 5, 'at most 5 teams');
        const now = Date.parse(offer.serverTime);
        check(teams.every((t) => t.campaignId === c.id && (t.state === 'forming' || t.state === 'succeeded') && t.seatCount < t.maxMembers
          && Date.parse(t.expiresAt) > now && t.you === undefined), 'listed teams are open, not full, before their deadline, without `you`');
        check(teams.every((t, i) => i === 0 || Date.parse(teams[i - 1]!.expiresAt) <= Date.parse(t.expiresAt)), 'soonest deadline first');
        check(teams.every((t) => t.members.length === t.seatCount && t.members.filter((m) => m.seat === 'confirmed').length === t.confirmedCount
          && t.members.filter((m) => m.leader).length === 1), 'members match seatCount and confirmedCount, with one leader');
        check((await gb.getOffer('no-such-product')) === null, 'a product without a campaign → null');
      }));

      it('rejects an unknown team with a 404', withHarness(async (h) => {
        if (!ready(h)) return;
        await rejects(h.adapter.groupBuy!.getTeam('no-such-team'), (e) => isHttpError(e) && e.status === 404, 'unknown team → 404');
      }));

      it('signed out, starting or joining a team → 401', withHarness(async (h) => {
        const gb = h.adapter.groupBuy;
        if (!ready(h) || !gb?.startTeam || !gb.joinTeam) return;
        await rejects(gb.startTeam(h.fixtures.campaignId!, {}, { idempotencyKey: key() }), code(401, 'customer_token_required'), 'start signed out → 401 customer_token_required');
        const teamId = (await gb.getOffer(h.fixtures.groupBuyProductId!))?.teams[0]?.id
          ?? (await h.customer?.groupBuy?.startTeam?.(h.fixtures.campaignId!, {}, { idempotencyKey: key() }))?.id;
        if (teamId) await rejects(gb.joinTeam(teamId, {}, { idempotencyKey: key() }), code(401, 'customer_token_required'), 'join signed out → 401 customer_token_required');
      }));

      it('a team starts, fills, is pushed without `you`, succeeds at the first tier when the merchant confirms both seats', withHarness(async (h) => {
        if (!ready(h, true) || !h.control.confirmSeat) return;
        const { campaignId, groupBuyProductId: productId } = h.fixtures as Required<ContractHarness['fixtures']>;
        const mine = h.customer!.groupBuy!;
        const other = h.otherCustomer!.groupBuy!;
        const [myId, otherId] = h.customerIds!;

        const team = await mine.startTeam!(campaignId, { displayName: 'Contract Lead' }, { idempotencyKey: key() });
        const first = team.tiers[0]!;
        check(team.campaignId === campaignId && team.productId === productId, 'the team is of the campaign and its product');
        check(team.state === 'forming' && team.seatCount === 1 && team.confirmedCount === 0 && team.tierReached === null, 'a new team: forming, one seat, none confirmed');
        check(team.leaderName === 'Contract Lead', `leaderName is the leader's displayName (got ${team.leaderName})`);
        check(team.members.length === 1 && team.members[0]!.leader && team.members[0]!.seat === 'held', 'one member: the leader, seat held');
        check(team.you?.seat === 'held' && team.you.leader === true && isIso(team.you.holdExpiresAt), 'you: a held seat, leading, with holdExpiresAt');
        check(sameMoney(team.you.price, first.price), 'you pay the first tier price while forming');
        const campaign = (await mine.getOffer(productId))!.campaign;
        const span = Date.parse(team.expiresAt) - Date.parse(team.createdAt);
        check(Math.abs(span - campaign.teamDurationSeconds * 1000) <= 2000, `expiresAt = createdAt + teamDurationSeconds (off by ${span - campaign.teamDurationSeconds * 1000} ms)`);

        const offer = (await mine.getOffer(productId))!;
        check(offer.yourTeam?.id === team.id && offer.yourTeam.you?.leader === true, "the offer's yourTeam is the new team, with `you`");
        check(!offer.teams.some((t) => t.id === team.id), "the offer's teams leave out the customer's own");
        const theirs = (await other.getOffer(productId))!;
        if (theirs.teams.length < 5) check(theirs.teams.some((t) => t.id === team.id), "another customer's offer lists the team");
        check((await h.adapter.groupBuy!.getTeam(team.id)).you === undefined, 'signed out, getTeam has no `you`');

        const stream = watchTeam(h.adapter, team.id);
        try {
          await stream.until('the current state', (t) => t.id === team.id && t.seatCount === 1);
          const joinKey = key();
          const joined = await other.joinTeam!(team.id, { displayName: 'Contract Other' }, { idempotencyKey: joinKey });
          check(joined.seatCount === 2 && joined.confirmedCount === 0 && joined.state === 'forming', 'joined: two seats, none confirmed');
          check(joined.you?.seat === 'held' && joined.you.leader === false && isIso(joined.you.holdExpiresAt), 'you: a held seat, not leading');
          check(joined.members[1]?.leader === false && joined.members[1]?.seat === 'held', 'the new member comes second, holding a seat');
          const replayed = await other.joinTeam!(team.id, { displayName: 'Contract Other' }, { idempotencyKey: joinKey });
          check(JSON.stringify(replayed) === JSON.stringify(joined), 'a join replayed with the same Idempotency-Key returns the same result');
          await rejects(other.joinTeam!(team.id, {}, { idempotencyKey: key() }), code(409, 'already_joined'), 'joining again → 409 already_joined');
          await rejects(mine.startTeam!(campaignId, {}, { idempotencyKey: key() }), code(409, 'already_in_team'), 'a second team in the campaign → 409 already_in_team');
          await stream.until('two seats', (t) => t.seatCount === 2);

          await h.control.confirmSeat(team.id, myId);
          await stream.until('one confirmed seat', (t) => t.confirmedCount === 1 && t.state === 'forming');
          await h.control.confirmSeat(team.id, otherId);
          const pushed = await stream.until('state succeeded', (t) => t.state === 'succeeded');
          check(pushed.confirmedCount === 2 && pushed.tierReached?.size === first.size, 'pushed: two confirmed, the first tier reached');
          check(stream.seen.every((t) => t.you === undefined), 'pushes never carry `you`');
        } finally {
          stream.unsubscribe();
        }

        const done = await mine.getTeam(team.id);
        check(done.state === 'succeeded' && done.confirmedCount === 2 && done.tierReached?.size === first.size && sameMoney(done.tierReached.price, first.price),
          'succeeded at the first tier');
        check(done.you?.seat === 'confirmed' && done.you.holdExpiresAt === undefined && sameMoney(done.you.price, first.price), 'you: confirmed, paying the tier price');
        check(done.members.every((m) => m.seat === 'confirmed'), 'every member confirmed');
        await rejects(mine.leaveTeam!(team.id, { idempotencyKey: key() }), code(409, 'team_succeeded'), 'leaving a succeeded team → 409 team_succeeded');
      }));

      it('leaving before success: not a member → 409; the leader passes on; the last one out expires the team', withHarness(async (h) => {
        if (!ready(h, true) || !h.customer!.groupBuy!.leaveTeam || !h.otherCustomer!.groupBuy!.leaveTeam) return;
        const { campaignId, groupBuyProductId: productId } = h.fixtures as Required<ContractHarness['fixtures']>;
        const mine = h.customer!.groupBuy!;
        const other = h.otherCustomer!.groupBuy!;

        const team = await mine.startTeam!(campaignId, { displayName: 'Lead' }, { idempotencyKey: key() });
        await rejects(other.leaveTeam!(team.id, { idempotencyKey: key() }), code(409, 'not_a_member'), 'leaving a team without a seat → 409 not_a_member');
        await other.joinTeam!(team.id, { displayName: 'Next Leader' }, { idempotencyKey: key() });

        const left = await mine.leaveTeam!(team.id, { idempotencyKey: key() });
        check(left.state === 'forming' && left.seatCount === 1 && left.you === undefined, 'the leader left: forming, one seat, no `you`');
        check(left.leaderName === 'Next Leader' && left.members[0]?.leader === true, 'the earliest remaining member leads');
        check((await other.getTeam(team.id)).you?.leader === true, 'the new leader sees `you.leader`');
        await rejects(mine.leaveTeam!(team.id, { idempotencyKey: key() }), code(409, 'not_a_member'), 'leaving twice → 409 not_a_member');

        const gone = await other.leaveTeam!(team.id, { idempotencyKey: key() });
        check(gone.state === 'expired' && gone.seatCount === 0 && gone.members.length === 0 && isIso(gone.endedAt), 'the last one out: expired, no seats, endedAt');
        const offer = (await other.getOffer(productId))!;
        check(offer.yourTeam === null && !offer.teams.some((t) => t.id === team.id), 'an expired team is neither yourTeam nor listed');
        await rejects(mine.joinTeam!(team.id, {}, { idempotencyKey: key() }), code(409, 'team_closed'), 'joining an expired team → 409 team_closed');
        const again = await other.startTeam!(campaignId, {}, { idempotencyKey: key() });
        check(again.state === 'forming' && again.you?.leader === true, 'out of every open team, the customer can start another');
      }));

      it('validates displayName: 1 to 40 characters', withHarness(async (h) => {
        if (!ready(h, true)) return;
        await rejects(h.customer!.groupBuy!.startTeam!(h.fixtures.campaignId!, { displayName: 'x'.repeat(41) }, { idempotencyKey: key() }),
          code(400, 'invalid_request'), 'a 41-character displayName → 400 invalid_request');
      }));
    });

    describe('points', () => {
      /** The harness when it can run points tests; with `writes`, a signed-in customer and the merchant's controls. */
      const ready = (h: ContractHarness, writes = false) => {
        if (!h.adapter.points) return false;
        const c = h.control;
        return !writes || !!(h.customer?.points?.checkIn && h.customer.points.redeem && h.customerIds && c.adjustPoints && c.reportOrder && c.refundOrder && c.addReward);
      };
      /** Every history line, newest first, checked against the account: the ledger explains the balance. */
      const explained = async (h: ContractHarness): Promise<{ account: PointsAccount; entries: PointsEntry[] }> => {
        const pts = h.customer!.points!;
        const account = await pts.getAccount();
        const entries = await pageAll((cursor) => pts.listHistory({ cursor, limit: 7 }), 7);
        const available = entries.filter((e) => e.status === 'available');
        const pending = entries.filter((e) => e.status === 'pending');
        check(entries.every((e, i) => i === 0 || entries[i - 1]!.status === 'pending' || e.status === 'available'), 'pending entries come first');
        check(available.reduce((n, e) => n + e.points, 0) === account.balance, `balance (${account.balance}) = the sum of available entries`);
        check(pending.reduce((n, e) => n + e.points, 0) === account.pending, `pending (${account.pending}) = the sum of pending entries`);
        check(pending.every((e) => e.balanceAfter === null && isIso(e.availableAt)), 'pending entries: balanceAfter null, availableAt set');
        check(available.every((e, i) => e.balanceAfter === (available[i + 1]?.balanceAfter ?? 0) + e.points), 'each available line moves the running balance by its points');
        check(available.every((e) => e.balanceAfter! >= 0), 'the running balance never goes below 0');
        check(entries.every((e) => Number.isInteger(e.points) && isIso(e.createdAt) && typeof e.source.id === 'string'), 'entries: integer points, createdAt, a source');
        check(new Set(entries.map((e) => e.id)).size === entries.length, 'each entry listed once');
        return { account, entries };
      };

      it('serves the program: tiers from 0 up, earn rules, rewards cheapest first', withHarness(async (h) => {
        if (!ready(h)) return;
        const p = await h.adapter.points!.getProgram();
        check(p.tiers.length > 0 && p.tiers[0]!.threshold === 0, 'the first tier starts at 0');
        check(p.tiers.every((t, i) => i === 0 || p.tiers[i - 1]!.threshold < t.threshold), 'tiers ascend by threshold');
        const purchase = p.earn.find((r) => r.action === 'purchase');
        check(!!purchase?.per && purchase.per.minor > 0 && purchase.points > 0, 'a purchase rule with points per amount');
        check(p.earn.find((r) => r.action === 'check_in')?.points! > 0, 'a check-in rule');
        check(p.rewards.every((r, i) => i === 0 || p.rewards[i - 1]!.cost <= r.cost), 'rewards cheapest first');
        check(p.rewards.every((r) => r.cost > 0 && (r.stock === undefined || r.stock >= 0)), 'rewards cost points; stock is absent or ≥ 0');
        check(p.pendingDays >= 0 && (p.expiryMonths === null || p.expiryMonths > 0) && typeof p.timeZone === 'string', 'pendingDays, expiryMonths, timeZone');
      }));

      it('signed out: account, history, check-in and redeem → 401', withHarness(async (h) => {
        if (!ready(h)) return;
        const pts = h.adapter.points!;
        const signedOut = code(401, 'customer_token_required');
        await rejects(pts.getAccount(), signedOut, 'getAccount signed out → 401 customer_token_required');
        await rejects(pts.listHistory({}), signedOut, 'listHistory signed out → 401 customer_token_required');
        if (pts.checkIn) await rejects(pts.checkIn({ idempotencyKey: key() }), signedOut, 'checkIn signed out → 401');
        if (pts.redeem) await rejects(pts.redeem('any', { idempotencyKey: key() }), signedOut, 'redeem signed out → 401');
      }));

      it('checks in once a day: earns nextPoints, counts the streak, explains it in the history', withHarness(async (h) => {
        if (!ready(h, true)) return;
        const pts = h.customer!.points!;
        const before = await pts.getAccount();
        if (before.checkIn.checkedInToday) {
          await rejects(pts.checkIn!({ idempotencyKey: key() }), code(409, 'already_checked_in'), 'checked in already → 409');
          return;
        }
        const k = key();
        const done = await pts.checkIn!({ idempotencyKey: k });
        check(done.points === before.checkIn.nextPoints && done.bonus >= 0 && done.bonus < done.points, `earns nextPoints (${before.checkIn.nextPoints}), bonus included`);
        check(done.streak === before.checkIn.streak + 1 && done.account.checkIn.streak === done.streak && done.account.checkIn.checkedInToday, 'the streak grows by one; checked in today');
        check(done.account.balance === before.balance + done.points, 'the balance grows by the points');
        check(JSON.stringify(await pts.checkIn!({ idempotencyKey: k })) === JSON.stringify(done), 'a replay with the same Idempotency-Key returns the same result');
        await rejects(pts.checkIn!({ idempotencyKey: key() }), code(409, 'already_checked_in'), 'a second check-in today → 409 already_checked_in');
        const { account, entries } = await explained(h);
        check(account.balance === done.account.balance, 'the replay and the refusal changed nothing');
        const line = entries.find((e) => e.kind === 'earn' && e.action === 'check_in');
        check(line?.points === done.points - done.bonus && line.source.type === 'check_in' && /^\d{4}-\d{2}-\d{2}$/.test(line.source.id), 'a check_in line keyed by the day');
        if (done.bonus) check(entries.some((e) => e.action === 'streak_bonus' && e.points === done.bonus), 'a streak_bonus line');
      }));

      it('redeems: a code, the balance and stock go down once, the history says why; refusals change nothing', withHarness(async (h) => {
        if (!ready(h, true)) return;
        const pts = h.customer!.points!;
        const [me] = h.customerIds!;
        const { id } = await h.control.addReward!({ title: 'Contract $5 off', cost: 40, kind: 'coupon', coupon: { amountOff: { minor: 500, currency: 'USD' } }, stock: 1 });
        const start = await pts.getAccount();
        await h.control.adjustPoints!(me, 100, 'Contract goodwill');
        const k = key();
        const r = await pts.redeem!(id, { idempotencyKey: k });
        check(r.rewardId === id && r.points === 40 && typeof r.code === 'string' && r.code.length >= 4, 'a redemption of 40 points with a code');
        check(r.account.balance === start.balance + 100 - 40, 'the balance went down by the cost');
        check(JSON.stringify(await pts.redeem!(id, { idempotencyKey: k })) === JSON.stringify(r), 'a replay returns the same code and spends nothing');
        check((await h.adapter.points!.getProgram()).rewards.find((w) => w.id === id)?.stock === 0, 'stock went from 1 to 0');
        await rejects(pts.redeem!(id, { idempotencyKey: key() }), code(409, 'out_of_stock'), 'no stock left → 409 out_of_stock');
        const { id: dear } = await h.control.addReward!({ title: 'Contract trip', cost: 1_000_000, kind: 'perk' });
        await rejects(pts.redeem!(dear, { idempotencyKey: key() }), code(409, 'insufficient_points'), 'too dear → 409 insufficient_points');
        await rejects(pts.redeem!('no-such-reward', { idempotencyKey: key() }), (e) => isHttpError(e) && e.status === 404, 'unknown reward → 404');
        const program = await h.adapter.points!.getProgram();
        const top = program.tiers.at(-1)!;
        if (program.tiers.length > 1 && start.tier.id !== top.id) {
          const { id: vip } = await h.control.addReward!({ title: 'Contract VIP perk', cost: 1, kind: 'perk', tierId: top.id });
          await rejects(pts.redeem!(vip, { idempotencyKey: key() }), code(409, 'tier_required'), 'below the tier → 409 tier_required');
        }
        await rejects(h.control.adjustPoints!(me, -(r.account.balance + 1), 'too much'), (e) => String(e).includes('insufficient_points') || (isHttpError(e) && e.code === 'insufficient_points'),
          'an adjustment below 0 is refused with insufficient_points');
        const { account, entries } = await explained(h);
        check(account.balance === r.account.balance, 'refusals spent nothing');
        const spent = entries.find((e) => e.kind === 'redeem');
        check(spent?.points === -40 && spent.source.type === 'redemption' && spent.source.label === 'Contract $5 off' && spent.balanceAfter === r.account.balance, 'a redeem line with the reward title');
        check(entries.some((e) => e.kind === 'adjust' && e.points === 100 && e.note === 'Contract goodwill'), 'an adjust line with the note');
        check(entries.filter((e) => e.kind === 'redeem').length === 1, 'one redeem line despite the replay');
      }));

      it('50 concurrent redemptions with points for 10: exactly 10 succeed and the balance ends at 0', withHarness(async (h) => {
        if (!ready(h, true)) return;
        const pts = h.customer!.points!;
        const [me] = h.customerIds!;
        const { id } = await h.control.addReward!({ title: 'Contract race', cost: 7, kind: 'coupon', coupon: { percentOff: 5 } });
        const start = await pts.getAccount();
        // Spend down to a known balance of 70: exactly ten redemptions.
        if (start.balance) await h.control.adjustPoints!(me, -start.balance, 'Contract reset');
        await h.control.adjustPoints!(me, 70, 'Contract race');
        const results = await Promise.allSettled(Array.from({ length: 50 }, () => pts.redeem!(id, { idempotencyKey: key() })));
        const ok = results.filter((r) => r.status === 'fulfilled');
        const refused = results.filter((r) => r.status === 'rejected');
        check(ok.length === 10, `exactly 10 redemptions succeed (got ${ok.length})`);
        check(refused.every((r) => code(409, 'insufficient_points')((r as PromiseRejectedResult).reason)), 'the other 40 → 409 insufficient_points');
        const codes = new Set(ok.map((r) => (r as PromiseFulfilledResult<{ code: string }>).value.code));
        check(codes.size === 10, 'ten different codes');
        const { account, entries } = await explained(h);
        check(account.balance === 0, `the balance ends at 0 (got ${account.balance})`);
        check(entries.filter((e) => e.kind === 'redeem').length === 10, 'ten redeem lines');
      }));

      it('an order earns pending points once; its refund reverses them; lifetime follows', withHarness(async (h) => {
        if (!ready(h, true)) return;
        const [me] = h.customerIds!;
        const program = await h.adapter.points!.getProgram();
        const rule = program.earn.find((r) => r.action === 'purchase')!;
        const total = { minor: rule.per!.minor * 12 + rule.per!.minor / 2, currency: rule.per!.currency };
        const expected = 12 * rule.points;
        const before = await h.customer!.points!.getAccount();
        const order = { id: `contract-order-${key()}`, customerId: me, productIds: ['p-points'], total };
        await h.control.reportOrder!(order);
        await rejects(h.control.reportOrder!(order) as Promise<unknown>, () => true, 'reporting the same order again is refused');
        const { account, entries } = await explained(h);
        check(account.pending === before.pending + expected, `pending grows by floor(total / per) × points = ${expected} (got ${account.pending - before.pending})`);
        check(account.balance === before.balance, 'the balance is unchanged while pending');
        check(account.lifetime === before.lifetime + expected, 'lifetime counts pending points');
        const earned = entries.filter((e) => e.kind === 'earn' && e.source.type === 'order' && e.source.id === order.id);
        check(earned.length === 1 && earned[0]!.status === 'pending' && earned[0]!.action === 'purchase', 'one pending purchase line for the order');
        const days = (Date.parse(earned[0]!.availableAt!) - Date.parse(earned[0]!.createdAt)) / 86_400_000;
        check(Math.abs(days - program.pendingDays) < 0.01, `available after pendingDays (${program.pendingDays}; got ${days.toFixed(2)})`);

        await h.control.refundOrder!(order.id);
        await rejects(h.control.refundOrder!(order.id) as Promise<unknown>, () => true, 'refunding twice is refused');
        const after = await explained(h);
        check(after.account.pending === before.pending && after.account.balance === before.balance, 'the refund took the pending points back');
        check(after.account.lifetime === before.lifetime, 'lifetime is back where it was');
        const reversed = after.entries.filter((e) => e.kind === 'reverse' && e.source.id === order.id);
        check(reversed.length === 1 && reversed[0]!.points === -expected && reversed[0]!.action === 'purchase', 'one reverse line for the order');
      }));
    });

    describe('referrals', () => {
      /** The harness when it can run referral tests: two signed-in customers and the order controls. */
      const ready = (h: ContractHarness) => !!(h.adapter.referrals && h.customer?.referrals && h.otherCustomer?.referrals && h.customerIds && h.control.reportOrder && h.control.refundOrder);

      it('a personal link: 401 signed out; a short readable code, the same every time, carried by the url', withHarness(async (h) => {
        if (!ready(h)) return;
        await rejects(h.adapter.referrals!.createLink({}, { idempotencyKey: key() }), code(401, 'customer_token_required'), 'signed out → 401 customer_token_required');
        const link = await h.customer!.referrals!.createLink({}, { idempotencyKey: key() });
        check(/^[A-Z0-9]+(-[A-Z0-9]+)*$/.test(link.code) && link.code.length >= 4 && link.code.length <= 16, `a short readable code (got ${link.code})`);
        check(new URL(link.url).searchParams.get('kith_ref') === link.code, 'the url carries ?kith_ref=CODE');
        const again = await h.customer!.referrals!.createLink({ url: 'https://shop.example.com/products/tote?colour=sand' }, { idempotencyKey: key() });
        check(again.code === link.code, 'the same code on every call');
        const url = new URL(again.url);
        check(url.origin + url.pathname === 'https://shop.example.com/products/tote' && url.searchParams.get('colour') === 'sand' && url.searchParams.get('kith_ref') === link.code,
          'a page url keeps its own query and gains kith_ref');
        const theirs = await h.otherCustomer!.referrals!.createLink({}, { idempotencyKey: key() });
        check(theirs.code !== link.code, 'each customer has their own code');
      }));

      it('the offer behind a code, in any case; 404 for an unknown code', withHarness(async (h) => {
        if (!ready(h)) return;
        const { code: mine, incentive } = await h.customer!.referrals!.createLink({}, { idempotencyKey: key() });
        if (!incentive) return;
        const offer = await h.adapter.referrals!.getOffer(mine.toLowerCase());
        check(offer.code === mine, 'the canonical code, whatever the case asked');
        check(offer.advocateName.length > 0 && !offer.advocateName.includes('@'), 'the advocate by display name');
        check(typeof offer.couponCode === 'string' && offer.couponCode.length >= 4, 'a coupon code for the friend');
        check(JSON.stringify(offer.incentive) === JSON.stringify(incentive), 'the same incentive the advocate was shown');
        await rejects(h.adapter.referrals!.getOffer('NO-SUCH-CODE'), (e) => isHttpError(e) && e.status === 404, 'unknown code → 404');
      }));

      it('visits count as clicks, once per Idempotency-Key', withHarness(async (h) => {
        if (!ready(h)) return;
        const { code: mine } = await h.customer!.referrals!.createLink({}, { idempotencyKey: key() });
        const before = await h.customer!.referrals!.getStats();
        const k = key();
        // One visitor; how a backend tells visitors apart (session, network) is its own rule.
        const landing = { landingUrl: 'https://shop.example.com/products/tote', sessionId: `session-${key()}` };
        const visit = await h.adapter.referrals!.recordVisit(mine.toLowerCase(), landing, { idempotencyKey: k });
        const replay = await h.adapter.referrals!.recordVisit(mine.toLowerCase(), landing, { idempotencyKey: k });
        check(visit.visitId !== null && replay.visitId === visit.visitId, 'a replay returns the same visit');
        const after = await h.customer!.referrals!.getStats();
        check(after.code === mine && after.clicks === before.clicks + 1, `one visit counted, in any case of the code (got ${after.clicks - before.clicks})`);
        await rejects(h.adapter.referrals!.recordVisit('NO-SUCH-CODE', {}, { idempotencyKey: key() }), (e) => isHttpError(e) && e.status === 404, 'a visit through an unknown code → 404');
      }));

      it("a friend's first order converts once (pending its window); self-referral and a refund are not rewarded", withHarness(async (h) => {
        if (!ready(h)) return;
        const [me, friend] = h.customerIds!;
        const { code: mine } = await h.customer!.referrals!.createLink({}, { idempotencyKey: key() });
        const usd = (minor: number) => ({ minor, currency: 'USD' });
        const start = await h.customer!.referrals!.getStats();

        const order = { id: `contract-ref-${key()}`, customerId: friend, productIds: ['p-ref'], total: usd(5000), referralCode: mine.toLowerCase() };
        await h.control.reportOrder!(order);
        const stats = await h.customer!.referrals!.getStats();
        check(stats.conversions === start.conversions + 1 && stats.rewards.pending === start.rewards.pending + 1, 'one conversion, its reward pending');
        const conv = stats.recent[0]!;
        check(conv.status === 'pending' && isIso(conv.approvesAt) && Date.parse(conv.approvesAt!) > Date.now(), 'pending until its return window closes');
        check(/^[A-Z]{1,2}$/.test(conv.friendInitials), `the friend as initials only (got ${conv.friendInitials})`);
        await rejects(h.control.reportOrder!(order) as Promise<unknown>, () => true, 'the same order again is refused');
        const second = { id: `contract-ref-${key()}`, customerId: friend, productIds: ['p-ref'], total: usd(3000), referralCode: mine };
        await h.control.reportOrder!(second);
        check((await h.customer!.referrals!.getStats()).conversions === stats.conversions, "the friend's second order is not a new conversion");

        await h.control.reportOrder!({ id: `contract-self-${key()}`, customerId: me, productIds: ['p-ref'], total: usd(5000), referralCode: mine });
        const self = await h.customer!.referrals!.getStats();
        check(self.conversions === stats.conversions && self.rewards.pending === stats.rewards.pending, 'a self-referral earns nothing');
        check(self.recent[0]!.status === 'denied', 'and shows as denied');

        await h.control.refundOrder!(order.id);
        const refunded = await h.customer!.referrals!.getStats();
        check(refunded.rewards.pending === start.rewards.pending, 'the refund took the pending reward back');
        check(refunded.recent.find((c) => c.id === conv.id)?.status === 'reversed', 'the conversion shows as reversed');
      }));
    });

    it('throws only KithErrors', withHarness(async ({ adapter }) => {
      await rejects(adapter.live!.getShow('no-such-show'), isKithError, 'errors are KithErrors');
    }, 'live'));
  });
}
