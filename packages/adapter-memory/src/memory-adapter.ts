import {
  HttpError, NetworkError, uuid,
  type Answer, type AnswerRole, type Capability, type CallOptions, type GroupBuyApi, type GroupBuyCampaign, type GroupBuyTeam, type KithAdapter, type LiveShow,
  type PointsAccount, type PointsApi, type PointsEntry, type PointsReward, type ReferralsApi, type ReferralStatus, type Review, type SubscribeOptions,
  type WriteOptions,
} from '@kith/core';
import { conflict, notFound, unauthenticated } from './errors.js';
import { createGroupBuy, type MemoryCampaign, type MemoryTeam } from './group-buy.js';
import { createPoints, type MemoryOrderInput, type MemoryRewardInput } from './points.js';
import { createQuestions } from './questions.js';
import { createReferrals, type MemoryOrderReferral, type MemoryReferralAdminView, type MemoryReferralSettings, type MemoryReferralSettingsView } from './referrals.js';
import { createReviews } from './reviews.js';
import { demoSeed, type MemoryCustomer, type MemorySeed } from './seed.js';

export type FailureMode = 'none' | 'always' | number | ((operation: string) => boolean);

export interface MemoryAdapterOptions {
  /** Data to serve; defaults to `demoSeed()`, whose orders are the signed-in customer's. It is copied, never mutated. */
  readonly seed?: MemorySeed;
  /** Delay per call in ms, or a `[min, max]` range, to show loading states. */
  readonly latency?: number | readonly [number, number];
  /** `'always'`, a failure rate from 0 to 1, or a predicate over operation names such as `live.getShow`. */
  readonly failure?: FailureMode;
  /** The signed-in customer for writes; without one, writes fail with 401 as on a real server. */
  readonly customer?: MemoryCustomer;
  /** The clock (default `Date.now`); `control.advanceTime` moves it further. */
  readonly now?: () => number;
}

export interface ScenarioStep {
  /** Milliseconds after the previous step. */
  readonly after: number;
  readonly run: (control: MemoryControl) => void;
}

/** Drives the in-memory data like an admin or a backend would. Every change reaches subscribers. */
export interface MemoryControl {
  updateShow(id: string, patch: Partial<LiveShow>): LiveShow;
  startShow(id: string, viewerCount?: number): LiveShow;
  endShow(id: string, replayUrl?: string): LiveShow;
  setViewers(id: string, viewerCount: number): LiveShow;
  /** Plays steps on timers; returns a function that stops them. `loop` restarts at the first step. */
  play(steps: readonly ScenarioStep[], options?: { loop?: boolean }): () => void;
  setFailure(mode: FailureMode): void;
  /** Publishes a review, as a moderator would (the server's admin approve endpoint). */
  approveReview(id: string): Review;
  rejectReview(id: string): Review;
  /** The merchant's or a named expert's answer, published at once (the server's admin API). */
  answerQuestion(questionId: string, input: { readonly body: string; readonly displayName: string; readonly role: Exclude<AnswerRole, 'customer'> }): Answer;
  /** Adds reviews as they are (any status): `addReviews(manyReviews('p1', 10_000))`. 409 on a taken id. */
  addReviews(reviews: readonly Review[]): void;
  /**
   * The merchant reported the customer's order for their held seat (the server's `POST
   * /v1/admin/orders` with `teamId`): the seat is confirmed and the team may succeed, reach a
   * deeper tier or close when full. 404 unknown team; 409 `seat_not_held` without a held seat in an open team.
   */
  confirmSeat(teamId: string, customerId: string): GroupBuyTeam;
  /** Creates a campaign with the server's defaults and checks (400 `invalid_request`; 409 `already_exists`). */
  addCampaign(campaign: MemoryCampaign): GroupBuyCampaign;
  /** Changes a campaign (`{ ended: true }` ends it, as the merchant's DELETE does); teams already started keep their terms. */
  updateCampaign(id: string, patch: Partial<Omit<MemoryCampaign, 'id'>>): GroupBuyCampaign;
  /** Adds a team in any state, seats with customer ids and names (404 unknown campaign; 409 `already_exists`); returns its public view. */
  addTeam(team: MemoryTeam): GroupBuyTeam;
  /**
   * Moves the adapter's clock by `ms` (negative: back) for every view: purchase points become
   * available, points expire, a new check-in day starts, holds lapse and deadlines pass. Returns the new time.
   */
  advanceTime(ms: number): string;
  /**
   * The merchant reports an order (`POST /v1/admin/orders`): its products make the customer's
   * reviews verified; with a `total` in the purchase rule's currency it earns pending purchase
   * points (available `pendingDays` after `placedAt`); with `teamId` it also confirms the customer's
   * held seat (as `confirmSeat`); with `referralCode` (and `emailHash`, `ip` for the fraud checks)
   * it may become a referral conversion (`referral`: its id, status and reasons; `already_referred`;
   * `unknown_code`, also for a blocked code or while the program is off; null without a code). 400 `invalid_request`; 409
   * `already_exists`, `seat_not_held`.
   */
  reportOrder(order: MemoryOrderInput): {
    id: string; customerId: string; productIds: string[]; points: { earned: number; availableAt: string } | null; teamId?: string; team?: GroupBuyTeam;
    referral: MemoryOrderReferral;
  };
  /**
   * Refunds the whole order, reversing its purchase points (`shortfall`: points already spent) and
   * its referral conversion (`referral`; an approved one's points too). 404 unknown order; 409 `already_refunded`.
   */
  refundOrder(orderId: string): { orderId: string; reversed: number; shortfall: number; referral: { conversionId: string; status: ReferralStatus } | null };
  /**
   * Referrals: the shop reports a sign-up through a code (`POST /v1/admin/referrals/signups`):
   * counted once per customer (`recorded: false` for a repeat or the advocate's own); 404 unknown code.
   */
  reportSignup(code: string, customerId: string): { code: string; customerId: string; recorded: boolean };
  /**
   * Referrals: the merchant's review (`POST /v1/admin/referrals/{id}/approve|deny`): approving a
   * flagged conversion rewards it now if its window passed, else makes it pending; deny takes a
   * flagged or pending one. 404 unknown; 409 `illegal_transition`.
   */
  reviewReferral(id: string, action: 'approve' | 'deny'): MemoryReferralAdminView;
  /** Referrals: conversions as the merchant sees them, newest first (`GET /v1/admin/referrals?status=`). */
  listReferrals(status?: ReferralStatus): MemoryReferralAdminView[];
  /** Referrals: changes the settings (a partial patch, validated as the server's PUT: 400 `invalid_request`); returns them with defaults filled in. */
  referralSettings(patch?: Partial<MemoryReferralSettings>): MemoryReferralSettingsView;
  /** The merchant's adjustment with a note (1 to 200 characters): never below 0 (409 `insufficient_points`); 400 for 0 or beyond ±1,000,000. */
  adjustPoints(customerId: string, points: number, note: string): { entry: PointsEntry; account: PointsAccount };
  /**
   * A `share` or `referral` earn (the server's `POST /v1/admin/points/earn`): once per `sourceId`
   * (`duplicate`), up to the rule's `dailyCap` a program day (`capped`); 409 `not_in_program` without the rule.
   */
  earnPoints(customerId: string, action: 'share' | 'referral', sourceId: string): { entry: PointsEntry | null; capped: boolean; duplicate: boolean };
  /** Adds a reward to the catalogue (400 `invalid_request`; 409 `already_exists`); `codes` seeds its code pool. */
  addReward(reward: MemoryRewardInput): PointsReward;
  /** Changes a reward: any field; `active: false` withdraws it (404 unknown reward). */
  updateReward(id: string, patch: Partial<Omit<MemoryRewardInput, 'id' | 'codes'>>): PointsReward;
  /** Adds codes to a reward's pool; redemptions take them before generating `KITH-XXXX-XXXX` ones. */
  importCodes(rewardId: string, codes: readonly string[]): { imported: number; duplicates: number; available: number };
}

export interface MemoryAdapter extends KithAdapter {
  /** Every group-buy call, writes included. */
  readonly groupBuy: Required<GroupBuyApi>;
  /** Every points call, writes included. */
  readonly points: Required<PointsApi>;
  /** Every referrals call. */
  readonly referrals: ReferralsApi;
  /** Shared by every view of the same data. */
  readonly control: MemoryControl;
  /** The customer this view writes as, or null when signed out. */
  readonly customer: MemoryCustomer | null;
  /** Open subscriptions over all views of the same data, for tests that prove widgets clean up. */
  readonly activeSubscriptions: number;
  /**
   * Another view of the same data signed in as `customer` (null: signed out), like a second
   * browser on one shop: writes, subscriptions, failures and controls are shared.
   */
  as(customer: MemoryCustomer | null): MemoryAdapter;
  /** Stops every scenario timer, drops every subscriber and frees photo URLs, for all views. */
  dispose(): void;
}

const CAPABILITIES: ReadonlySet<Capability> = new Set(['live', 'reviews', 'groupBuy', 'points', 'referrals']);

const signedIn = (customer: MemoryCustomer | null): MemoryCustomer => customer ?? (() => { throw unauthenticated(); })();

const abortError = () => new DOMException('The operation was aborted.', 'AbortError');

/**
 * The whole adapter contract in memory, with latency, failures and scripted scenarios: for
 * Storybook, tests and offline demos. Behaves like the reference server (same errors, same rules).
 */
export function createMemoryAdapter(options: MemoryAdapterOptions = {}): MemoryAdapter {
  const clock = options.now ?? Date.now;
  let offset = 0;
  const now = () => clock() + offset;
  const data: MemorySeed = structuredClone(options.seed ?? demoSeed(now(), options.customer?.id));
  let failure: FailureMode = options.failure ?? 'none';
  const timers = new Set<ReturnType<typeof setTimeout>>();
  const listeners = new Map<string, Set<(value: never) => void>>();
  const idempotent = new Map<string, unknown>();
  const points = createPoints(data, now);
  // A published review earns its author points; so does a confirmed seat in a team that succeeded.
  const reviews = createReviews(data, now, { onPublished: (review, customerId) => points.reviewPublished(customerId, review) });
  const questions = createQuestions(data, now);
  // Approved referrals earn their advocate points in the same ledger.
  const referrals = createReferrals(data, now, points);
  // Every change of a team, by a write, the merchant, a lapse or a deadline, reaches its stream.
  const groupBuy = createGroupBuy(data, now, { onChange: (team) => notify(`team:${team.id}`, team), onSeatConfirmed: points.seatConfirmed });
  let subscriptions = 0;

  const shouldFail = (op: string) =>
    failure === 'always' || (typeof failure === 'number' && Math.random() < failure) || (typeof failure === 'function' && failure(op));

  const delay = (signal?: AbortSignal) => {
    const l = options.latency ?? 0;
    const ms = typeof l === 'number' ? l : l[0] + Math.random() * (l[1] - l[0]);
    return new Promise<void>((resolve, reject) => {
      if (signal?.aborted) return reject(abortError());
      const t = setTimeout(() => { signal?.removeEventListener('abort', onAbort); resolve(); }, ms);
      const onAbort = () => { clearTimeout(t); reject(abortError()); };
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  };

  async function call<T>(op: string, o: CallOptions | undefined, fn: () => T | Promise<T>): Promise<T> {
    await delay(o?.signal);
    if (shouldFail(op)) throw new NetworkError(`Simulated failure in ${op}`);
    return structuredClone(await fn());
  }

  /** A write as `customer`; a repeated Idempotency-Key (per customer, as on the server) replays. */
  async function write<T>(customer: MemoryCustomer | null, op: string, o: WriteOptions | undefined, fn: (customer: MemoryCustomer) => T | Promise<T>): Promise<T> {
    const key = o?.idempotencyKey && customer ? `${customer.id}\n${op}\n${o.idempotencyKey}` : undefined;
    if (key && idempotent.has(key)) return structuredClone(idempotent.get(key) as T);
    return call(op, o, async () => {
      if (!customer) throw unauthenticated();
      const result = await fn(customer);
      if (key) idempotent.set(key, structuredClone(result));
      return result;
    });
  }

  /** A signed-out write (a visit): a repeated Idempotency-Key replays, as on the server. */
  async function publicWrite<T>(op: string, o: WriteOptions | undefined, fn: () => T): Promise<T> {
    const key = o?.idempotencyKey && `\n${op}\n${o.idempotencyKey}`;
    if (key && idempotent.has(key)) return structuredClone(idempotent.get(key) as T);
    return call(op, o, () => {
      const result = fn();
      if (key) idempotent.set(key, structuredClone(result));
      return result;
    });
  }

  function notify<T>(channel: string, value: T) {
    for (const l of listeners.get(channel) ?? []) (l as (v: T) => void)(structuredClone(value));
  }

  function subscribe<T>(channel: string, current: () => T, onValue: (v: T) => void, o?: SubscribeOptions) {
    let active = true;
    const set = listeners.get(channel) ?? new Set();
    listeners.set(channel, set);
    const listener = (v: T) => active && onValue(v);
    set.add(listener as (v: never) => void);
    subscriptions++;
    // Like a stream, the first message arrives asynchronously and carries the current state.
    call(`subscribe:${channel}`, undefined, current).then(listener, (e) => active && o?.onError?.(e));
    return () => {
      if (!active) return;
      active = false;
      set.delete(listener as (v: never) => void);
      subscriptions--;
    };
  }

  // ── live ──
  const show = (id: string) => data.shows.find((s) => s.id === id) ?? (() => { throw notFound(`Show ${id}`); })();
  const updateShow = (id: string, patch: Partial<LiveShow>) => {
    const i = data.shows.indexOf(show(id));
    const next = { ...data.shows[i]!, ...patch };
    data.shows[i] = next;
    notify(`show:${id}`, next);
    return structuredClone(next);
  };

  const page = <T>(items: T[], cursor: string | null | undefined, limit = 20) => {
    const start = cursor ? Number(cursor) : 0;
    const slice = items.slice(start, start + limit);
    return { items: slice, nextCursor: start + limit < items.length ? String(start + limit) : null, total: items.length };
  };

  const control: MemoryControl = {
    updateShow,
    startShow: (id, viewerCount = 0) => {
      if (show(id).status !== 'scheduled') throw conflict('illegal_transition', 'Only a scheduled show can start');
      return updateShow(id, { status: 'live', startedAt: new Date(now()).toISOString(), viewerCount });
    },
    endShow: (id, replayUrl) => {
      if (show(id).status !== 'live') throw conflict('illegal_transition', 'Only a live show can end');
      return updateShow(id, { status: 'ended', endedAt: new Date(now()).toISOString(), viewerCount: undefined, ...(replayUrl ? { replayUrl } : {}) });
    },
    setViewers: (id, viewerCount) => updateShow(id, { viewerCount: Math.max(0, Math.round(viewerCount)) }),
    play(steps, { loop = false } = {}) {
      let stopped = false;
      let current: ReturnType<typeof setTimeout> | undefined;
      const run = (i: number) => {
        if (stopped) return;
        if (i >= steps.length) { if (loop && steps.length) run(0); return; }
        current = setTimeout(() => {
          timers.delete(current!);
          try { steps[i]!.run(control); } catch (e) { console.warn('[kith memory] scenario step failed', e); }
          run(i + 1);
        }, steps[i]!.after);
        timers.add(current);
      };
      run(0);
      return () => { stopped = true; clearTimeout(current); timers.delete(current!); };
    },
    setFailure: (mode) => { failure = mode; },
    approveReview: (id) => structuredClone(reviews.setStatus(id, 'published')),
    rejectReview: (id) => structuredClone(reviews.setStatus(id, 'rejected')),
    answerQuestion: (questionId, input) => structuredClone(questions.answerAs(questionId, input)),
    addReviews: (list) => reviews.add(list),
    confirmSeat: (teamId, customerId) => structuredClone(groupBuy.confirmSeat(teamId, customerId)),
    addCampaign: (campaign) => structuredClone(groupBuy.addCampaign(campaign)),
    updateCampaign: (id, patch) => structuredClone(groupBuy.updateCampaign(id, patch)),
    addTeam: (team) => structuredClone(groupBuy.addTeam(team)),
    advanceTime: (ms) => {
      offset += ms;
      groupBuy.clockMoved();
      referrals.settle();
      return new Date(now()).toISOString();
    },
    reportOrder: (order) => {
      // As in the server's transaction: nothing is recorded when the order or the seat is refused.
      points.checkOrder(order);
      referrals.checkOrder(order);
      const team = order.teamId ? groupBuy.confirmSeat(order.teamId, order.customerId) : undefined;
      // Decided before the order is recorded: `existing_customer` looks at the buyer's earlier orders.
      const referral = referrals.decide(order);
      return structuredClone({ ...points.recordOrder(order), ...(team ? { teamId: order.teamId, team } : {}), referral });
    },
    refundOrder: (orderId) => {
      const refund = points.refundOrder(orderId);
      return structuredClone({ ...refund, referral: referrals.orderRefunded(orderId) });
    },
    reportSignup: (code, customerId) => referrals.signup(code, customerId),
    reviewReferral: (id, action) => structuredClone(referrals.review(id, action)),
    listReferrals: (status) => structuredClone(referrals.list(status)),
    referralSettings: (patch) => structuredClone(referrals.settings(patch)),
    adjustPoints: (customerId, n, note) => structuredClone(points.adjust(customerId, n, note)),
    earnPoints: (customerId, action, sourceId) => structuredClone(points.earn(customerId, action, sourceId)),
    addReward: (reward) => structuredClone(points.addReward(reward)),
    updateReward: (id, patch) => structuredClone(points.updateReward(id, patch)),
    importCodes: (rewardId, codes) => points.importCodes(rewardId, codes),
  };

  const dispose = () => {
    for (const t of timers) clearTimeout(t);
    timers.clear();
    listeners.clear();
    subscriptions = 0;
    reviews.dispose();
    groupBuy.dispose();
  };

  const views = new Map<string | null, MemoryAdapter>();
  const as = (customer: MemoryCustomer | null): MemoryAdapter => {
    const key = customer && JSON.stringify([customer.id, customer.displayName]);
    const existing = views.get(key);
    if (existing) return existing;
    const made = view(customer);
    views.set(key, made);
    return made;
  };

  const view = (customer: MemoryCustomer | null): MemoryAdapter => ({
    id: 'memory',
    capabilities: CAPABILITIES,
    control,
    customer: customer && { id: customer.id, displayName: customer.displayName },
    signedIn: () => !!customer,
    get activeSubscriptions() { return subscriptions; },
    as,
    dispose,

    live: {
      getShow: (id, o) => call('live.getShow', o, () => show(id)),
      findShow: ({ productId }, o) => call('live.findShow', o, () => {
        const shows = data.shows.filter((s) => s.productIds.includes(productId));
        const by = (status: LiveShow['status']) => shows.filter((s) => s.status === status);
        const t = (s: LiveShow) => Date.parse(s.startsAt);
        return by('live')[0] ?? by('scheduled').sort((a, b) => t(a) - t(b))[0] ?? by('ended').sort((a, b) => t(b) - t(a))[0] ?? null;
      }),
      subscribeShow: (id, onShow, o) => subscribe(`show:${id}`, () => show(id), onShow, o),
    },

    reviews: {
      getSummary: (productId, o) => call('reviews.getSummary', o, () => reviews.summary(productId)),
      getSummaries: (productIds, o) => call('reviews.getSummaries', o, () => productIds.map(reviews.summary)),
      listReviews: (q, o) => call('reviews.listReviews', o, () => reviews.list(q)),
      submitReview: (input, o) => write(customer, 'reviews.submitReview', o, (c) => reviews.submit(c, input)),
      markHelpful: (reviewId, o) => write(customer, 'reviews.markHelpful', o, (c) => reviews.markHelpful(c, reviewId)),
      report: (reviewId, reason, o) => write(customer, 'reviews.report', o, (c) => reviews.report(c, reviewId, reason)),
      uploadMedia: (file, o) => write(customer, 'reviews.uploadMedia', o, (c) => reviews.upload(c, file)),
      listQuestions: (q, o) => call('reviews.listQuestions', o, () => questions.list(q)),
      askQuestion: (input, o) => write(customer, 'reviews.askQuestion', o, () => questions.ask(input)),
      answerQuestion: (input, o) => write(customer, 'reviews.answerQuestion', o, (c) => questions.answer(c, input)),
    },

    groupBuy: {
      getOffer: (productId, o) => call('groupBuy.getOffer', o, () => groupBuy.getOffer(customer, productId)),
      getTeam: (id, o) => call('groupBuy.getTeam', o, () => groupBuy.getTeam(customer, id)),
      startTeam: (campaignId, input, o) => write(customer, 'groupBuy.startTeam', o, (c) => groupBuy.startTeam(c, campaignId, input)),
      joinTeam: (teamId, input, o) => write(customer, 'groupBuy.joinTeam', o, (c) => groupBuy.joinTeam(c, teamId, input)),
      leaveTeam: (teamId, o) => write(customer, 'groupBuy.leaveTeam', o, (c) => groupBuy.leaveTeam(c, teamId)),
      // While someone listens, the team's next lapse or deadline runs on a timer and is pushed.
      subscribeTeam: (id, onTeam, o) => {
        const off = subscribe(`team:${id}`, () => groupBuy.publicTeam(id), onTeam, o);
        const unwatch = groupBuy.watch(id);
        return () => { off(); unwatch(); };
      },
    },

    points: {
      getProgram: (o) => call('points.getProgram', o, () => points.program()),
      // Referral rewards whose window has passed are approved first, as the server's scheduler would have.
      getAccount: (o) => call('points.getAccount', o, () => (referrals.settle(), points.account(signedIn(customer).id))),
      listHistory: (q, o) => call('points.listHistory', o, () => (referrals.settle(), points.history(signedIn(customer).id, q ?? {}))),
      checkIn: (o) => write(customer, 'points.checkIn', o, (c) => points.checkIn(c.id)),
      redeem: (rewardId, o) => write(customer, 'points.redeem', o, (c) => (referrals.settle(), points.redeem(c.id, rewardId))),
    },

    referrals: {
      createLink: (input, o) => write(customer, 'referrals.createLink', o, (c) => referrals.createLink(c, input ?? {})),
      getOffer: (code, o) => call('referrals.getOffer', o, () => referrals.getOffer(code)),
      recordVisit: (code, input, o) => publicWrite('referrals.recordVisit', o, () => referrals.recordVisit(code, input ?? {})),
      getStats: (o) => call('referrals.getStats', o, () => referrals.stats(signedIn(customer).id)),
    },

  });

  return as(options.customer ?? null);
}
