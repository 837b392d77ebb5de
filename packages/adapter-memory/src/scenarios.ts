import type { MemoryTeam } from './group-buy.js';
import { demoGroupBuy, demoGroupBuyOutcomes, type GroupBuyScenarioState } from './group-buy-demo.js';
import type { MemoryAdapter, MemoryControl, ScenarioStep } from './memory-adapter.js';
import { demoPointsFixture, demoPointsOutcomes, type PointsScenarioState } from './points-demo.js';
import { demoReferralsFixture, demoReferralsOutcomes, type ReferralScenarioState } from './referrals-demo.js';
import type { MemoryOutcomes } from './runtime.js';
import { DEMO_SHOPPER, demoSeed, type MemoryCustomer, type MemorySeed } from './seed.js';
import { iso } from './served.js';

/** A widget state: pass all three to `createMemoryAdapter` (`customer: null` to show it signed out). */
export interface Scenario {
  readonly seed: MemorySeed;
  readonly customer: MemoryCustomer;
  /** How the scenario's writes answer (a check-in, a redemption, a first link). */
  readonly outcomes: MemoryOutcomes;
}
type ScenarioOptions = { now?: number; customer?: MemoryCustomer };

/** The demo data with one domain's part in a given state, the demo's outcomes, and the demo shopper unless given. */
function demoScenario(o: ScenarioOptions, part: (now: number, customerId: string) => Partial<MemorySeed>): Scenario {
  const { now = Date.now(), customer = DEMO_SHOPPER } = o;
  const outcomes = { ...demoPointsOutcomes, ...demoReferralsOutcomes };
  return { seed: { ...demoSeed(now, customer.id), ...part(now, customer.id) }, customer, outcomes };
}

/** The demo data with the shopper's points in one of `POINTS_STATES` (see `demoPointsFixture`). */
export const pointsScenario = (state: PointsScenarioState, o: ScenarioOptions = {}) =>
  demoScenario(o, (now, id) => ({ points: demoPointsFixture(now, id, state) }));

/** The demo data with referrals in one of `REFERRAL_STATES` (see `demoReferralsFixture`). */
export const referralsScenario = (state: ReferralScenarioState, o: ScenarioOptions = {}) =>
  demoScenario(o, (now, id) => ({ referrals: demoReferralsFixture(now, id, state) }));

/** A group-buy state, with the team it is about and that team's next states (`reserved`: Mei joins, then pays). */
export type GroupBuyScenario = Scenario & { readonly teamId: string; readonly script: readonly MemoryTeam[] };
/** The demo data with `p1`'s group buy in one of `GROUP_BUY_STATES`; its writes answer `demoGroupBuyOutcomes`. */
export function groupBuyScenario(state: GroupBuyScenarioState, o: ScenarioOptions = {}): GroupBuyScenario {
  const { now = Date.now(), customer = DEMO_SHOPPER } = o;
  const { offers, teams, teamId, script } = demoGroupBuy(state, now, customer.id);
  const seed = { ...demoSeed(now, customer.id), offers, teams };
  return { seed, customer, outcomes: demoGroupBuyOutcomes, teamId, script };
}
/** Plays a scenario's `script` to its team's subscribers, a step every `every` ms (default 3000); returns a stopper. */
export const playGroupBuyScenario = (adapter: MemoryAdapter, s: GroupBuyScenario, o: { every?: number } = {}) =>
  adapter.control.play(s.script.map((t) => ({ after: o.every ?? 3000, run: (c) => c.setTeam(t.id, t) })));

export interface LiveScenarioOptions {
  /** Time scheduled, then live (viewers rising in steps), then ended before a loop restarts, in ms. */
  readonly scheduledFor?: number;
  readonly liveFor?: number;
  readonly endedFor?: number;
  readonly viewerStep?: number;
  readonly replayUrl?: string;
  /** Reschedules and plays again, so a demo page stays alive. */
  readonly loop?: boolean;
}

/** Scheduled → live with viewers rising → ended with a replay, for one show. Returns its stop. */
export function playLiveScenario(adapter: MemoryAdapter, showId: string, o: LiveScenarioOptions = {}): () => void {
  const { scheduledFor = 8000, liveFor = 30_000, endedFor = 15_000, viewerStep = 37, loop } = o;
  const { replayUrl = `https://live.example.com/${showId}/replay` } = o;
  // Viewers change about every 2 s, and at least twice, so "rising" is always visible.
  const ticks = Math.max(3, Math.floor(liveFor / 2000));
  const cleared = { startedAt: undefined, endedAt: undefined, viewerCount: undefined, replayUrl: undefined };
  const startsAt = () => iso(Date.now() + scheduledFor);
  const reschedule = () =>
    adapter.control.updateShow(showId, { status: 'scheduled', startsAt: startsAt(), ...cleared });
  reschedule();
  let viewers = 120;
  const rise = (c: MemoryControl) =>
    c.setViewers(showId, (viewers += viewerStep + Math.round(Math.random() * viewerStep)));
  const steps: ScenarioStep[] = [
    { after: scheduledFor, run: (c) => c.startShow(showId, (viewers = 120)) },
    ...Array.from({ length: ticks - 1 }, () => ({ after: liveFor / ticks, run: rise })),
    { after: liveFor / ticks, run: (c) => c.endShow(showId, replayUrl) },
    { after: endedFor, run: () => void (loop && reschedule()) },
  ];
  return adapter.control.play(steps, { loop });
}
