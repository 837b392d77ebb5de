import {
  type Answer,
  type Capability,
  type GroupBuyApi,
  type GroupBuyCampaign,
  type GroupBuyTeam,
  type KithAdapter,
  type LiveShow,
  type PointsApi,
  type PointsCheckIn,
  type PointsRedemption,
  type Question,
  type ReferralLink,
  type ReferralsApi,
  type Review,
  type UploadedMedia,
  type WriteOptions,
} from '@kith/core';
import { notFound, unauthenticated } from './errors.js';
import { offerView, teamOf, teamView, type MemoryGroupBuyFixture, type MemoryTeam } from './group-buy.js';
import { demoGroupBuyOutcomes } from './group-buy-demo.js';
import type { MemoryOutcomes, Outcome } from './outcomes.js';
import { createRuntime, type FailureMode } from './runtime.js';
import { offsetPage, pointsOf, type MemoryPointsCustomer } from './points.js';
import { demoPointsOutcomes } from './points-demo.js';
import { linkTo, offerFor, statsFor } from './referrals.js';
import { demoReferralsOutcomes } from './referrals-demo.js';
import { demoReviewsOutcomes, questionPage, reviewPage, reviewSummary } from './reviews.js';
import { demoSeed, type MemoryCustomer, type MemorySeed } from './seed.js';

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
  /**
   * How writes answer (`reviews.submitReview`, `groupBuy.joinTeam`, `points.redeem`…), by operation name:
   * `{ 'points.redeem': (ctx, rewardId) => … }`. Defaults to the demo's outcomes with the demo seed
   * and to none with your own seed (such a write then fails with 501 `not_scripted`).
   */
  readonly outcomes?: MemoryOutcomes;
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
  /** Publishes a review (as a moderator would); `rejectReview` takes it down. 404 for an unknown review. */
  approveReview(id: string): Review;
  rejectReview(id: string): Review;
  /** Adds reviews as they are (any status): `addReviews(manyReviews('p1', 10_000))`. */
  addReviews(reviews: readonly Review[]): void;
  /** The team's public view, as `subscribeTeam` pushes it. */
  team(id: string): GroupBuyTeam;
  /**
   * Puts a team in any state (seats, `state`, `tierReached`…) and pushes it to its subscribers;
   * `patch` may be a function of the team and its campaign. 404 for an unknown team.
   */
  setTeam(
    id: string,
    patch: Partial<MemoryTeam> | ((team: MemoryTeam, campaign: GroupBuyCampaign) => Partial<MemoryTeam>),
  ): GroupBuyTeam;
  /**
   * Moves the adapter's clock by `ms` (negative: back) for every view (`serverTime`, what outcomes
   * see as `now`). Returns the new time.
   */
  advanceTime(ms: number): string;
  /**
   * The next call of `operation` (`points.redeem`, `live.getShow`…) answers `outcome` instead: a
   * value, an `Error` to throw (`new HttpError(409, 'insufficient_points', …)`), or a function of
   * the fixture and the call's arguments. Several calls queue in order.
   */
  next(operation: string, outcome: Outcome): void;
  /** Sets a customer's points account fields (balance, tier, streak…), as the server would show them after any change. */
  setPoints(customerId: string, patch: Partial<MemoryPointsCustomer['account']>): void;
  /** Changes the fixture in place (any state: a reward's stock, a customer's referral stats…); reads see it at once. */
  update(recipe: (fixture: MemorySeed) => void): void;
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

const signedIn = (customer: MemoryCustomer | null): MemoryCustomer =>
  customer ??
  (() => {
    throw unauthenticated();
  })();

/** The adapter's state and helpers, shared by the controls and every view. */
function createContext(options: MemoryAdapterOptions) {
  const clock = options.now ?? Date.now;
  const clockOffset = { ms: 0 };
  const now = () => clock() + clockOffset.ms;
  const data: MemorySeed = structuredClone(options.seed ?? demoSeed(now(), options.customer?.id));
  const timers = new Set<ReturnType<typeof setTimeout>>();
  const rt = createRuntime(data, now, {
    latency: options.latency,
    failure: options.failure,
    outcomes:
      options.outcomes ??
      (options.seed
        ? {}
        : { ...demoReviewsOutcomes, ...demoGroupBuyOutcomes, ...demoPointsOutcomes, ...demoReferralsOutcomes }),
  });
  const { call, write, publicWrite, scripted, notify, subscribe } = rt;
  const teams = (): MemoryGroupBuyFixture => (
    (data.campaigns ??= []),
    (data.teams ??= []),
    data as MemoryGroupBuyFixture
  );
  /** The public view (no `you`) with the server time, as the team stream sends it. */
  const publicTeam = (id: string): GroupBuyTeam => ({
    ...teamView(teams(), teamOf(teams(), id)),
    serverTime: new Date(now()).toISOString(),
  });
  // Every change of a team, by a write's outcome or a state setter, reaches its stream.
  const teamChanged = (id: string) => {
    if (teams().teams.some((t) => t.id === id)) notify(`team:${id}`, publicTeam(id));
  };
  let visits = 0;

  // ── live ──
  const show = (id: string) =>
    data.shows.find((s) => s.id === id) ??
    (() => {
      throw notFound(`Show ${id}`);
    })();
  const updateShow = (id: string, patch: Partial<LiveShow>) => {
    const i = data.shows.indexOf(show(id));
    const next = { ...data.shows[i]!, ...patch };
    data.shows[i] = next;
    notify(`show:${id}`, next);
    return structuredClone(next);
  };

  const pointsData = () =>
    data.points ??
    (data.points = {
      program: {
        name: 'Rewards',
        tiers: [],
        earn: [],
        rewards: [],
        badges: [],
        expiryMonths: 12,
        pendingDays: 30,
        timeZone: 'UTC',
      },
      customers: {},
    });
  const referralsData = () => data.referrals ?? (data.referrals = { links: {}, offers: {}, stats: {} });
  const serverTime = () => new Date(now()).toISOString();

  return {
    data,
    now,
    clockOffset,
    timers,
    rt,
    call,
    write,
    publicWrite,
    scripted,
    subscribe,
    teams,
    publicTeam,
    teamChanged,
    show,
    updateShow,
    pointsData,
    referralsData,
    serverTime,
    nextVisit: () => `rv-${++visits}`,
  };
}

type Context = ReturnType<typeof createContext>;

function setReview(data: MemorySeed, id: string, status: Review['status']): Review {
  const i = data.reviews.findIndex((r) => r.id === id);
  if (i < 0) throw notFound(`Review ${id}`);
  data.reviews[i] = { ...data.reviews[i]!, status };
  return structuredClone(data.reviews[i]!);
}

/** The controls: state setters, scripted answers and scenario timers, shared by every view. */
function createControl(ctx: Context): MemoryControl {
  const { data, now, timers, rt, teams, publicTeam, teamChanged, updateShow, pointsData } = ctx;
  const control: MemoryControl = {
    updateShow,
    // State setters: any show can be put in any state (which transitions are allowed is the server's rule).
    startShow: (id, viewerCount = 0) =>
      updateShow(id, { status: 'live', startedAt: new Date(now()).toISOString(), endedAt: undefined, viewerCount }),
    endShow: (id, replayUrl) =>
      updateShow(id, {
        status: 'ended',
        endedAt: new Date(now()).toISOString(),
        viewerCount: undefined,
        ...(replayUrl ? { replayUrl } : {}),
      }),
    setViewers: (id, viewerCount) => updateShow(id, { viewerCount: Math.max(0, Math.round(viewerCount)) }),
    play(steps, { loop = false } = {}) {
      let stopped = false;
      let current: ReturnType<typeof setTimeout> | undefined;
      const run = (i: number) => {
        if (stopped) return;
        if (i >= steps.length) {
          if (loop && steps.length) run(0);
          return;
        }
        current = setTimeout(() => {
          timers.delete(current!);
          try {
            steps[i]!.run(control);
          } catch (e) {
            console.warn('[kith memory] scenario step failed', e);
          }
          run(i + 1);
        }, steps[i]!.after);
        timers.add(current);
      };
      run(0);
      return () => {
        stopped = true;
        clearTimeout(current);
        timers.delete(current!);
      };
    },
    setFailure: rt.setFailure,
    approveReview: (id) => setReview(data, id, 'published'),
    rejectReview: (id) => setReview(data, id, 'rejected'),
    addReviews: (list) => {
      data.reviews.push(...structuredClone(list));
    },
    team: (id) => structuredClone(publicTeam(id)),
    setTeam: (id, patch) => {
      const f = teams();
      const t = teamOf(f, id);
      const next = {
        ...t,
        ...(typeof patch === 'function'
          ? patch(
              t,
              f.campaigns.find((c) => c.id === t.campaignId)!,
            )
          : patch),
      };
      f.teams = f.teams.map((x) => (x === t ? next : x));
      teamChanged(id);
      return structuredClone(publicTeam(id));
    },
    advanceTime: (ms) => {
      ctx.clockOffset.ms += ms;
      return new Date(now()).toISOString();
    },
    next: (op, outcome) => {
      rt.queue(op, outcome);
    },
    setPoints: (customerId, patch) => {
      const rec = pointsOf(pointsData(), customerId);
      rec.account = { ...rec.account, ...structuredClone(patch) };
    },
    update: (recipe) => recipe(data),
  };

  return control;
}

/** One shopper's view of the shared data (null: signed out). */
function createView(
  ctx: Context,
  control: MemoryControl,
  as: MemoryAdapter['as'],
  dispose: () => void,
  customer: MemoryCustomer | null,
): MemoryAdapter {
  const { rt } = ctx;
  return {
    id: 'memory',
    capabilities: CAPABILITIES,
    control,
    customer: customer && { id: customer.id, displayName: customer.displayName },
    signedIn: () => !!customer,
    get activeSubscriptions() {
      return rt.subscriptions;
    },
    as,
    dispose,

    live: liveApi(ctx),
    reviews: reviewsApi(ctx, customer),
    groupBuy: groupBuyApi(ctx, customer),
    points: pointsApi(ctx, customer),
    referrals: referralsApi(ctx, customer),
  };
}

function liveApi({ data, call, subscribe, show }: Context): MemoryAdapter['live'] {
  return {
    getShow: (id, o) => call('live.getShow', o, () => show(id)),
    findShow: ({ productId }, o) =>
      call('live.findShow', o, () => {
        const shows = data.shows.filter((s) => s.productIds.includes(productId));
        const by = (status: LiveShow['status']) => shows.filter((s) => s.status === status);
        const t = (s: LiveShow) => Date.parse(s.startsAt);
        return (
          by('live')[0] ??
          by('scheduled').sort((a, b) => t(a) - t(b))[0] ??
          by('ended').sort((a, b) => t(b) - t(a))[0] ??
          null
        );
      }),
    subscribeShow: (id, onShow, o) => subscribe(`show:${id}`, () => show(id), onShow, o),
  };
}

function reviewsApi(
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

function groupBuyApi(ctx: Context, customer: MemoryCustomer | null): MemoryAdapter['groupBuy'] {
  const { now, call, write, scripted, subscribe, teams, publicTeam, teamChanged } = ctx;
  /** A group-buy write: the scripted outcome, then the team's new state to its subscribers. */
  const teamWrite = async (op: string, o: WriteOptions | undefined, args: readonly unknown[]) => {
    const team = await write(customer, op, o, scripted<GroupBuyTeam>(op, args), args);
    teamChanged(team.id);
    return team;
  };
  return {
    getOffer: (productId, o) =>
      call(
        'groupBuy.getOffer',
        o,
        () => offerView(teams(), productId, customer?.id ?? null, new Date(now()).toISOString()),
        customer,
        [productId],
      ),
    getTeam: (id, o) =>
      call(
        'groupBuy.getTeam',
        o,
        () => ({ ...teamView(teams(), teamOf(teams(), id), customer?.id), serverTime: new Date(now()).toISOString() }),
        customer,
        [id],
      ),
    startTeam: (campaignId, input, o) => teamWrite('groupBuy.startTeam', o, [campaignId, input]),
    joinTeam: (teamId, input, o) => teamWrite('groupBuy.joinTeam', o, [teamId, input]),
    leaveTeam: (teamId, o) => teamWrite('groupBuy.leaveTeam', o, [teamId]),
    subscribeTeam: (id, onTeam, o) => subscribe(`team:${id}`, () => publicTeam(id), onTeam, o),
  };
}

function pointsApi(
  { call, write, scripted, pointsData, serverTime }: Context,
  customer: MemoryCustomer | null,
): MemoryAdapter['points'] {
  return {
    getProgram: (o) => call('points.getProgram', o, () => pointsData().program),
    getAccount: (o) =>
      call(
        'points.getAccount',
        o,
        () => ({ ...pointsOf(pointsData(), signedIn(customer).id).account, serverTime: serverTime() }),
        customer,
      ),
    listHistory: (q, o) =>
      call(
        'points.listHistory',
        o,
        () => offsetPage(pointsOf(pointsData(), signedIn(customer).id).history, q?.cursor, q?.limit ?? 20),
        customer,
        [q],
      ),
    checkIn: (o) => write(customer, 'points.checkIn', o, scripted<PointsCheckIn>('points.checkIn', [])),
    redeem: (rewardId, o) =>
      write(customer, 'points.redeem', o, scripted<PointsRedemption>('points.redeem', [rewardId]), [rewardId]),
  };
}

function referralsApi(ctx: Context, customer: MemoryCustomer | null): MemoryAdapter['referrals'] {
  const { call, write, publicWrite, scripted, referralsData } = ctx;
  return {
    // A customer with a link gets it back (to the page asked for); without one, the scripted outcome makes it.
    createLink: (input, o) =>
      write(
        customer,
        'referrals.createLink',
        o,
        (c) => {
          const link = referralsData().links[c.id];
          return link ? linkTo(link, input?.url) : scripted<ReferralLink>('referrals.createLink', [input ?? {}])(c);
        },
        [input ?? {}],
      ),
    getOffer: (code, o) => call('referrals.getOffer', o, () => offerFor(referralsData(), code), customer, [code]),
    recordVisit: (code, _input, o) =>
      publicWrite(
        'referrals.recordVisit',
        o,
        () => (offerFor(referralsData(), code), { visitId: ctx.nextVisit(), counted: true }),
      ),
    getStats: (o) => call('referrals.getStats', o, () => statsFor(referralsData(), signedIn(customer).id), customer),
  };
}

/**
 * The whole adapter contract in memory, with latency, failures and scripted scenarios: for
 * Storybook, tests and offline demos. Reads answer from the fixture and writes from its scripted
 * outcomes, never from the server's rules (those are tested once, against the real server).
 */
export function createMemoryAdapter(options: MemoryAdapterOptions = {}): MemoryAdapter {
  const ctx = createContext(options);
  const control = createControl(ctx);
  const dispose = () => {
    for (const t of ctx.timers) clearTimeout(t);
    ctx.timers.clear();
    ctx.rt.dispose();
    // Photos uploaded in the page hold object URLs until the adapter goes.
    for (const u of ctx.data.uploads ?? []) if (u.url.startsWith('blob:')) URL.revokeObjectURL(u.url);
  };

  const views = new Map<string | null, MemoryAdapter>();
  const as = (customer: MemoryCustomer | null): MemoryAdapter => {
    const key = customer && JSON.stringify([customer.id, customer.displayName]);
    const existing = views.get(key);
    if (existing) return existing;
    const made = createView(ctx, control, as, dispose, customer);
    views.set(key, made);
    return made;
  };

  return as(options.customer ?? null);
}
