import type * as K from '@kith/core';
import { groupBuyApi, teamOf, teamView, type MemoryGroupBuyFixture, type MemoryTeam } from './group-buy.js';
import { demoGroupBuyOutcomes } from './group-buy-demo.js';
import { liveApi } from './live.js';
import { pointsApi } from './points.js';
import { demoPointsOutcomes } from './points-demo.js';
import { referralsApi } from './referrals.js';
import { demoReferralsOutcomes } from './referrals-demo.js';
import { demoReviewsOutcomes, reviewsApi } from './reviews.js';
import { createRuntime, type FailureMode, type MemoryOutcomes, type Outcome } from './runtime.js';
import { demoSeed, type MemoryCustomer, type MemorySeed } from './seed.js';
import { find, iso, must } from './served.js';

export interface MemoryAdapterOptions {
  /** Data to serve, as the server would serve it; default `demoSeed()`. Copied, never mutated. */
  readonly seed?: MemorySeed;
  /** Delay per call in ms, or a `[min, max]` range, to show loading states. */
  readonly latency?: number | readonly [number, number];
  /** `'always'`, a failure rate from 0 to 1, or a predicate over operation names such as `live.getShow`. */
  readonly failure?: FailureMode;
  /** Who writes; without one, writes and the customer's own reads fail with 401 as on a real server. */
  readonly customer?: MemoryCustomer;
  /** The clock (default `Date.now`). */
  readonly now?: () => number;
  /** How writes answer, by operation: the demo's with the demo seed, none with yours (then 501 `not_scripted`). */
  readonly outcomes?: MemoryOutcomes;
}

export interface ScenarioStep {
  /** Milliseconds after the previous step. */
  readonly after: number;
  readonly run: (control: MemoryControl) => void;
}

/** Drives the data like an admin or a backend would; shows and teams reach their subscribers. */
export interface MemoryControl {
  /** Puts a show in any state (which transitions are allowed is the server's rule). */
  updateShow(id: string, patch: Partial<K.LiveShow>): K.LiveShow;
  startShow(id: string, viewerCount?: number): K.LiveShow;
  endShow(id: string, replayUrl?: string): K.LiveShow;
  setViewers(id: string, viewerCount: number): K.LiveShow;
  /** Plays steps on timers; returns their stop. `loop` restarts at the first step. */
  play(steps: readonly ScenarioStep[], options?: { loop?: boolean }): () => void;
  setFailure(mode: FailureMode): void;
  /** Publishes a review, as a moderator would; 404 for an unknown one. */
  approveReview(id: string): K.Review;
  /** Puts a team in any state as served; `patch` may be a function of the team. 404 for an unknown one. */
  setTeam(id: string, patch: Partial<MemoryTeam> | ((team: MemoryTeam) => Partial<MemoryTeam>)): K.GroupBuyTeam;
  /** The next call of `operation` (`points.redeem`…) answers `outcome` instead (see `Outcome`); calls queue. */
  next(operation: string, outcome: Outcome): void;
  /** Changes the fixture in place (a reward's stock, a balance, more reviews…); reads see it at once. */
  update(recipe: (fixture: MemorySeed) => void): void;
}

export interface MemoryAdapter extends K.KithAdapter {
  readonly groupBuy: Required<K.GroupBuyApi>;
  readonly points: Required<K.PointsApi>;
  readonly referrals: K.ReferralsApi;
  /** Shared by every view of the same data. */
  readonly control: MemoryControl;
  /** Who this view writes as (null: signed out). */
  readonly customer: MemoryCustomer | null;
  /** Open subscriptions over all views, for tests that prove widgets clean up. */
  readonly activeSubscriptions: number;
  /** Another view of the same data as `customer`, like a second browser on one shop. */
  as(customer: MemoryCustomer | null): MemoryAdapter;
  /** Stops every scenario timer, drops every subscriber and frees photo URLs, for all views. */
  dispose(): void;
}

const CAPABILITIES: ReadonlySet<K.Capability> = new Set(['live', 'reviews', 'groupBuy', 'points', 'referrals']);
const DEMO_OUTCOMES = {
  ...demoReviewsOutcomes,
  ...demoGroupBuyOutcomes,
  ...demoPointsOutcomes,
  ...demoReferralsOutcomes,
};

/** The adapter's state and helpers, shared by the controls and every view. */
function createContext(options: MemoryAdapterOptions) {
  const now = options.now ?? Date.now;
  const data: MemorySeed = structuredClone(options.seed ?? demoSeed(now(), options.customer?.id));
  const outcomes = options.outcomes ?? (options.seed ? {} : DEMO_OUTCOMES);
  const rt = createRuntime(data, now, { ...options, outcomes });
  const serverTime = () => iso(now());
  const teams = (): MemoryGroupBuyFixture => ((data.offers ??= []), (data.teams ??= []), data as MemoryGroupBuyFixture);
  /** The public view (no `you`) with the server time, as the team stream sends it. */
  const publicTeam = (id: string) => ({ ...teamView(teamOf(teams(), id)), serverTime: serverTime() });
  let visits = 0;
  return {
    ...rt,
    rt, // for its live `subscriptions` count, which the spread copies once
    data,
    now,
    serverTime,
    timers: new Set<ReturnType<typeof setTimeout>>(),
    teams,
    publicTeam,
    // Every change of a team, by a write's outcome or a state setter, reaches its stream.
    teamChanged: (id: string) => teams().teams.some((t) => t.id === id) && rt.notify(`team:${id}`, publicTeam(id)),
    show: (id: string) => find(data.shows, id, 'Show'),
    pointsData: () => must(data.points, 'Points program'),
    referralsData: () => (data.referrals ??= { links: {}, offers: {}, stats: {} }),
    nextVisit: () => `rv-${++visits}`,
  };
}
export type Context = ReturnType<typeof createContext>;

/** The controls: state setters, scripted answers and scenario timers, shared by every view. */
function createControl(ctx: Context): MemoryControl {
  const { data, timers, teams } = ctx;
  const updateShow = (id: string, patch: Partial<K.LiveShow>) => {
    const next = { ...ctx.show(id), ...patch };
    data.shows = data.shows.map((s) => (s.id === id ? next : s));
    ctx.notify(`show:${id}`, next);
    return structuredClone(next);
  };
  const control: MemoryControl = {
    updateShow,
    startShow: (id, viewerCount = 0) =>
      updateShow(id, { status: 'live', startedAt: ctx.serverTime(), endedAt: undefined, viewerCount }),
    endShow: (id, replayUrl) => {
      const ended = { status: 'ended', endedAt: ctx.serverTime(), viewerCount: undefined } as const;
      return updateShow(id, { ...ended, ...(replayUrl && { replayUrl }) });
    },
    setViewers: (id, viewerCount) => updateShow(id, { viewerCount: Math.max(0, Math.round(viewerCount)) }),
    play(steps, { loop = false } = {}) {
      let stopped = false;
      let current: ReturnType<typeof setTimeout> | undefined;
      const step = (i: number) => () => {
        timers.delete(current!);
        try {
          steps[i]!.run(control);
        } catch (e) {
          console.warn('[kith memory] scenario step failed', e);
        }
        run(loop ? (i + 1) % steps.length : i + 1);
      };
      const run = (i: number) => {
        if (!stopped && steps[i]) timers.add((current = setTimeout(step(i), steps[i].after)));
      };
      run(0);
      return () => {
        stopped = true;
        clearTimeout(current);
        timers.delete(current!);
      };
    },
    setFailure: ctx.setFailure,
    approveReview: (id) => {
      const review = { ...find(data.reviews, id, 'Review'), status: 'published' as const };
      data.reviews = data.reviews.map((r) => (r.id === id ? review : r));
      return structuredClone(review);
    },
    setTeam: (id, patch) => {
      const f = teams();
      const t = teamOf(f, id);
      f.teams = f.teams.map((x) => (x === t ? { ...t, ...(typeof patch === 'function' ? patch(t) : patch) } : x));
      ctx.teamChanged(id);
      return structuredClone(ctx.publicTeam(id));
    },
    next: ctx.queue,
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
    ctx.dispose();
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
