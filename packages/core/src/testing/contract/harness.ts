import type { KithAdapter } from '../../adapter.js';
import { isHttpError } from '../../errors.js';
import type {
  Answer,
  GroupBuyTeam,
  LiveShow,
  Money,
  Page,
  PointsReward,
  Review,
  ReviewSort,
} from '../../types/models.js';

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
      readonly id: string;
      readonly customerId: string;
      readonly productIds: readonly string[];
      readonly total: Money;
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

export type Fn = () => void | Promise<void>;
/** The test API of your runner: node:test, mocha and vitest all fit. */
export interface TestApi {
  describe(name: string, fn: () => void): void;
  it(name: string, fn: Fn): void;
}

export function check(cond: unknown, message: string): asserts cond {
  if (!cond) throw new Error(`Adapter contract: ${message}`);
}

export async function rejects(p: Promise<unknown>, test: (e: unknown) => boolean, message: string) {
  try {
    await p;
  } catch (e) {
    check(test(e), `${message} (got ${String(e)})`);
    return;
  }
  check(false, `${message} (it resolved)`);
}

/** Every item of a cursor-paged list, checking that paging ends. */
export async function pageAll<T>(load: (cursor: string | null) => Promise<Page<T>>, limit: number): Promise<T[]> {
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

export const time = (iso: string) => Date.parse(iso);
// Ids compare by code unit, the same in every runtime and database collation "C".
export const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
export const newestFirst = (a: { createdAt: string; id: string }, b: { createdAt: string; id: string }) =>
  time(b.createdAt) - time(a.createdAt) || byId(a, b);
/** Each sort's order as a comparator: ties break by `createdAt` desc, then `id`. */
export const REVIEW_ORDER: Record<ReviewSort, (a: Review, b: Review) => number> = {
  newest: newestFirst,
  highest: (a, b) => b.rating - a.rating || newestFirst(a, b),
  lowest: (a, b) => a.rating - b.rating || newestFirst(a, b),
  helpful: (a, b) => b.helpfulCount - a.helpfulCount || newestFirst(a, b),
  media: (a, b) => Number(b.media.length > 0) - Number(a.media.length > 0) || newestFirst(a, b),
};
export const isCustomer = (a: Answer) => a.author.role === 'customer';

// A valid 3 × 2 RGB PNG (86 bytes), decoded with atob so the suite runs in Node and browsers alike.
const PNG_3X2 =
  'iVBORw0KGgoAAAANSUhEUgAAAAMAAAACCAIAAAASFvFNAAAAHUlEQVR42mM4UcFwoofhxAIGhhMVNid6bE4ssAEAVlQIrS0hr5IAAAAASUVORK5CYII=';
export const tinyPng = (): Uint8Array<ArrayBuffer> => Uint8Array.from(atob(PNG_3X2), (c) => c.charCodeAt(0));

function crc32(bytes: Uint8Array): number {
  let crc = ~0;
  for (const b of bytes) {
    crc ^= b;
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return ~crc >>> 0;
}

/** The tiny PNG claiming another width in its header (with a correct CRC), for the dimension limit. */
export function pngClaimingWidth(width: number): Uint8Array<ArrayBuffer> {
  const png = tinyPng();
  const view = new DataView(png.buffer);
  view.setUint32(16, width);
  view.setUint32(29, crc32(png.subarray(12, 29)));
  return png;
}

/** Resolves with the first pushed value that passes `until`, or rejects after `ms`. */
export function nextShow(
  adapter: KithAdapter,
  id: string,
  until: (s: LiveShow) => boolean,
  ms = 4000,
): Promise<LiveShow> & { stop(): void } {
  let stop = () => {};
  const p = new Promise<LiveShow>((resolve, reject) => {
    const timer = setTimeout(() => {
      stop();
      reject(new Error(`Adapter contract: no matching push for show ${id} within ${ms} ms`));
    }, ms);
    const unsub = adapter.live!.subscribeShow(
      id,
      (s) => {
        if (until(s)) {
          clearTimeout(timer);
          unsub();
          resolve(s);
        }
      },
      {
        onError: (e) => {
          clearTimeout(timer);
          reject(e);
        },
      },
    );
    stop = () => {
      clearTimeout(timer);
      unsub();
    };
  });
  return Object.assign(p, { stop });
}

/** Records every push of a team; `until` resolves with the first push (so far or to come) that passes. */
export function watchTeam(adapter: KithAdapter, id: string) {
  const seen: GroupBuyTeam[] = [];
  const waiting = new Set<() => void>();
  let failed: unknown;
  const unsubscribe = adapter.groupBuy!.subscribeTeam(
    id,
    (t) => {
      seen.push(t);
      for (const w of [...waiting]) w();
    },
    {
      onError: (e) => {
        failed = e;
        for (const w of [...waiting]) w();
      },
    },
  );
  const until = (what: string, test: (t: GroupBuyTeam) => boolean, ms = 4000) =>
    new Promise<GroupBuyTeam>((resolve, reject) => {
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

export const sameMoney = (a: Money | undefined, b: Money | undefined) =>
  !!a && !!b && a.minor === b.minor && a.currency === b.currency;
export const isIso = (s: unknown) => typeof s === 'string' && !Number.isNaN(Date.parse(s));
export const code = (status: number, c: string) => (e: unknown) =>
  isHttpError(e) && e.status === status && e.code === c;
let keys = 0;
/** A fresh Idempotency-Key. */
export const key = () =>
  `contract-${Date.now().toString(36)}-${(++keys).toString(36)}-${Math.random().toString(36).slice(2)}`;

/** Wraps a test: a fresh harness, torn down after; `domain` skips it (passing) for an adapter without that domain. */
export type WithHarness = (fn: (h: ContractHarness) => Promise<void>, domain?: 'live') => Fn;

export function harnessRunner(setup: () => Promise<ContractHarness>): WithHarness {
  // The runner API has no common skip, so a skipped test passes vacuously.
  return (fn, domain) => async () => {
    const h = await setup();
    try {
      if (domain && !h.adapter[domain]) return;
      await fn(h);
    } finally {
      await h.teardown?.();
    }
  };
}
