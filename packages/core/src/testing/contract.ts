import type { KithAdapter } from '../adapter.js';
import { isHttpError, isKithError } from '../errors.js';
import type { LiveShow } from '../types/models.js';

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
    });

    describe('group buy', () => {
      it('serves a campaign with ascending tiers and its forming teams', withHarness(async ({ adapter, fixtures }) => {
        if (!adapter.groupBuy || !fixtures.campaignId) return;
        const c = await adapter.groupBuy.getCampaign(fixtures.campaignId);
        check(c.tiers.length > 0 && c.tiers.every((t, i) => i === 0 || c.tiers[i - 1]!.size < t.size), 'tiers ascend by size');
        const teams = await adapter.groupBuy.listTeams(c.id);
        check(teams.items.every((t) => t.status === 'forming' && t.memberCount < t.targetSize), 'listed teams are forming and not full');
        await rejects(adapter.groupBuy.getTeam('no-such-team'), (e) => isHttpError(e) && e.status === 404, 'unknown team → 404');
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
