import { DEMO_SHOPPER } from './group-buy-demo.js';
import type { MemoryAdapter, ScenarioStep } from './memory-adapter.js';
import type { MemoryOutcomes } from './outcomes.js';
import { demoPointsFixture, demoPointsOutcomes, POINTS_STATES, type PointsScenarioState } from './points-demo.js';
import {
  demoReferralsFixture,
  demoReferralsOutcomes,
  REFERRAL_STATES,
  type ReferralScenarioState,
} from './referrals-demo.js';
import { demoSeed, type MemoryCustomer, type MemorySeed } from './seed.js';

/** A widget state: pass all three to `createMemoryAdapter({ seed, customer, outcomes })` (`customer: null` to show it signed out). */
export interface Scenario {
  readonly seed: MemorySeed;
  readonly customer: MemoryCustomer;
  /** How the scenario's writes answer (a check-in, a redemption, a first link). */
  readonly outcomes: MemoryOutcomes;
}

/**
 * The demo data with the shopper's points in one widget state (see `demoPoints`): `member`
 * (1,240 points, 180 pending, Silver, 480 to Gold, a streak of 2), `new-member`, `checked-in`,
 * `bonus-next` (the next check-in earns 25), `expiring`, `top-tier` (Gold, all badges) and `rich`
 * (1,700 points). Check-ins and redemptions answer the demo's outcomes (`demoPointsOutcomes`).
 */
export function pointsScenario(
  state: PointsScenarioState,
  o: { now?: number; customer?: MemoryCustomer } = {},
): Scenario {
  if (!POINTS_STATES.includes(state))
    throw new TypeError(`pointsScenario: unknown state ${String(state)}; one of ${POINTS_STATES.join(', ')}`);
  const now = o.now ?? Date.now();
  const customer = o.customer ?? DEMO_SHOPPER;
  return {
    seed: { ...demoSeed(now, customer.id), points: demoPointsFixture(now, customer.id, state) },
    customer,
    outcomes: { ...demoPointsOutcomes, ...demoReferralsOutcomes },
  };
}

/** The demo data with referrals in one widget state (see `demoReferralsFixture`): `advocate`, `new-advocate`, `no-program`, `capped`. */
export function referralsScenario(
  state: ReferralScenarioState,
  o: { now?: number; customer?: MemoryCustomer } = {},
): Scenario {
  if (!REFERRAL_STATES.includes(state))
    throw new TypeError(`referralsScenario: unknown state ${String(state)}; one of ${REFERRAL_STATES.join(', ')}`);
  const now = o.now ?? Date.now();
  const customer = o.customer ?? DEMO_SHOPPER;
  return {
    seed: { ...demoSeed(now, customer.id), referrals: demoReferralsFixture(now, customer.id, state) },
    customer,
    outcomes: { ...demoPointsOutcomes, ...demoReferralsOutcomes },
  };
}

export interface LiveScenarioOptions {
  /** Time in the scheduled state before going live. */
  readonly scheduledFor?: number;
  /** Time live; viewers rise in steps meanwhile. */
  readonly liveFor?: number;
  /** Time ended before the scenario loops (when looping). */
  readonly endedFor?: number;
  readonly viewerStep?: number;
  readonly replayUrl?: string;
}

/**
 * Scheduled → live with viewers rising → ended with a replay, for one show. With `loop` it
 * reschedules and plays again, so a demo page stays alive.
 */
export function playLiveScenario(
  adapter: MemoryAdapter,
  showId: string,
  o: LiveScenarioOptions & { loop?: boolean } = {},
): () => void {
  const { scheduledFor = 8000, liveFor = 30_000, endedFor = 15_000, viewerStep = 37 } = o;
  // Viewers change about every 2 s, and at least twice, so "rising" is always visible.
  const ticks = Math.max(3, Math.floor(liveFor / 2000));
  const reschedule = () =>
    adapter.control.updateShow(showId, {
      status: 'scheduled',
      startsAt: new Date(Date.now() + scheduledFor).toISOString(),
      startedAt: undefined,
      endedAt: undefined,
      viewerCount: undefined,
      replayUrl: undefined,
    });
  reschedule();
  let viewers = 0;
  const steps: ScenarioStep[] = [
    {
      after: scheduledFor,
      run: (c) => {
        viewers = 120;
        c.startShow(showId, viewers);
      },
    },
    ...Array.from({ length: ticks - 1 }, (): ScenarioStep => ({
      after: liveFor / ticks,
      run: (c) => {
        viewers += viewerStep + Math.round(Math.random() * viewerStep);
        c.setViewers(showId, viewers);
      },
    })),
    {
      after: liveFor / ticks,
      run: (c) => c.endShow(showId, o.replayUrl ?? `https://live.example.com/${showId}/replay`),
    },
    {
      after: endedFor,
      run: () => {
        if (o.loop) reschedule();
      },
    },
  ];
  return adapter.control.play(steps, { loop: o.loop });
}
