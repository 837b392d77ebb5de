import type { GroupBuyTeam, LiveShow } from '@kith/core';
import { notFound } from './errors.js';
import { teamOf, teamView, type MemoryGroupBuyFixture } from './group-buy.js';
import { demoGroupBuyOutcomes } from './group-buy-demo.js';
import type { MemoryAdapterOptions } from './memory-adapter.js';
import { demoPointsOutcomes } from './points-demo.js';
import { demoReferralsOutcomes } from './referrals-demo.js';
import { demoReviewsOutcomes } from './reviews.js';
import { createRuntime } from './runtime.js';
import { demoSeed, type MemorySeed } from './seed.js';
// The adapter's shared state, moved out so each domain's file can wire its own calls.
/** The adapter's state and helpers, shared by the controls and every view. */
export function createContext(options: MemoryAdapterOptions) {
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
  const teams = (): MemoryGroupBuyFixture => ((data.offers ??= []), (data.teams ??= []), data as MemoryGroupBuyFixture);
  /** The public view (no `you`) with the server time, as the team stream sends it. */
  const publicTeam = (id: string): GroupBuyTeam => ({
    ...teamView(teamOf(teams(), id)),
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

export type Context = ReturnType<typeof createContext>;
