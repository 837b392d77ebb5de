import type {
  Capability,
  GroupBuyApi,
  GroupBuyTeam,
  KithAdapter,
  LiveShow,
  PointsApi,
  ReferralsApi,
  Review,
} from '@kith/core';
import { createContext, type Context } from './context.js';
import { notFound } from './errors.js';
import { groupBuyApi, teamOf, type MemoryTeam } from './group-buy.js';
import { liveApi } from './live.js';
import type { MemoryOutcomes, Outcome } from './outcomes.js';
import type { FailureMode } from './runtime.js';
import { pointsApi, pointsOf, type MemoryPointsCustomer } from './points.js';
import { referralsApi } from './referrals.js';
import { reviewsApi } from './reviews.js';
import type { MemoryCustomer, MemorySeed } from './seed.js';

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
   * Puts a team in any state as served (members, counts, `state`, `tierReached`, `you`…) and pushes
   * it to its subscribers; `patch` may be a function of the team. 404 for an unknown team.
   */
  setTeam(id: string, patch: Partial<MemoryTeam> | ((team: MemoryTeam) => Partial<MemoryTeam>)): GroupBuyTeam;
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
      const next = { ...t, ...(typeof patch === 'function' ? patch(t) : patch) };
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
  // One view per shopper (null: signed out), all over the same data.
  const as = (customer: MemoryCustomer | null): MemoryAdapter => {
    const key = customer && JSON.stringify([customer.id, customer.displayName]);
    const view: MemoryAdapter = views.get(key) ?? {
      id: 'memory',
      capabilities: CAPABILITIES,
      control,
      customer: customer && { id: customer.id, displayName: customer.displayName },
      signedIn: () => !!customer,
      get activeSubscriptions() {
        return ctx.rt.subscriptions;
      },
      as,
      dispose,
      live: liveApi(ctx),
      reviews: reviewsApi(ctx, customer),
      groupBuy: groupBuyApi(ctx, customer),
      points: pointsApi(ctx, customer),
      referrals: referralsApi(ctx, customer),
    };
    views.set(key, view);
    return view;
  };
  return as(options.customer ?? null);
}
