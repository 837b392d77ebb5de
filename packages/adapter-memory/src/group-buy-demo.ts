import type { MemoryTeam, MemoryTeamSeat } from './group-buy.js';
import type { MemoryAdapter, ScenarioStep } from './memory-adapter.js';
import { demoCampaign, demoSeed, demoTeams, type MemoryCustomer, type MemorySeed } from './seed.js';

/** Every state `groupBuyScenario` sets up, for a story's controls. */
export const GROUP_BUY_STATES = [
  'forming', 'leading', 'reserved', 'succeeded', 'deeper-tier', 'full', 'expired', 'scheduled', 'ended', 'sold-out',
] as const;

export type GroupBuyScenarioState = (typeof GROUP_BUY_STATES)[number];

export interface GroupBuyScenario {
  /** Pass to `createMemoryAdapter({ seed, customer })`. */
  readonly seed: MemorySeed;
  /** The signed-in shopper the state is about (pass `customer: null` instead to show it signed out). */
  readonly customer: MemoryCustomer;
  readonly productId: 'p1';
  readonly campaignId: 'gb-1';
  /** The team the state is about: the shopper's, or the first open one. */
  readonly teamId: string;
}

/** The default shopper of the scenarios: the demo seed's buyer. */
export const DEMO_SHOPPER: MemoryCustomer = { id: 'demo-customer', displayName: 'Alex Kim' };

const HOUR = 3_600_000;
const MINUTE = 60_000;
const iso = (ms: number) => new Date(ms).toISOString();

/**
 * The demo data (`demoSeed`) set up so product `p1`'s group buy (`gb-1`) is in one widget state,
 * for the signed-in `customer` (default `DEMO_SHOPPER`):
 * - `forming`: two open teams, `team-1` (Wei, 1 of 3, forming) and `team-2` (Lin, 2 of 3,
 *   succeeded at $53.10); the shopper is in neither.
 * - `leading`: the shopper started `team-you` 2 minutes ago and holds its seat (13 minutes left to check out).
 * - `reserved`: the shopper joined `team-1` 2 minutes ago: a held seat next to Wei's confirmed one.
 * - `succeeded`: the shopper's seat in `team-1` is confirmed: 2 of 3, $53.10, one more for $50.15.
 * - `deeper-tier`: `team-1` reached the second tier (3 confirmed: $50.15) with a seat still free
 *   (this state's campaign and team take 4 members).
 * - `full`: `team-1` has all 3 seats confirmed: closed at $50.15.
 * - `expired`: the shopper's `team-expired` passed its deadline an hour ago with only their seat
 *   (read it with `getTeam`: the offer lists neither expired teams nor them as `yourTeam`).
 * - `scheduled`: the campaign starts in 2 hours; no teams.
 * - `ended`: the campaign ended an hour ago; no teams.
 * - `sold-out`: the campaign has 3 units of stock, all used by the two demo teams.
 */
export function groupBuyScenario(state: GroupBuyScenarioState, o: { now?: number; customer?: MemoryCustomer } = {}): GroupBuyScenario {
  const now = o.now ?? Date.now();
  const customer = o.customer ?? DEMO_SHOPPER;
  const base = demoSeed(now, customer.id);
  let campaign = demoCampaign(now);
  let teams: MemoryTeam[] = demoTeams(now);
  let teamId = 'team-1';
  const me = (seat: MemoryTeamSeat['seat'], joinedAt = now - 2 * MINUTE): MemoryTeamSeat =>
    ({ customerId: customer.id, displayName: customer.displayName, seat, joinedAt: iso(joinedAt) });
  const mei: MemoryTeamSeat = { customerId: 'c-mei', displayName: 'Mei', seat: 'confirmed', joinedAt: iso(now - 90 * MINUTE) };
  /** `team-1` with more seats after Wei's. */
  const team1 = (...seats: MemoryTeamSeat[]): MemoryTeam[] =>
    teams.map((t) => (t.id === 'team-1' ? { ...t, seats: [...t.seats, ...seats] } : t));

  switch (state) {
    case 'forming':
      break;
    case 'leading':
      teamId = 'team-you';
      teams = [...teams, { id: teamId, campaignId: 'gb-1', createdAt: iso(now - 2 * MINUTE), seats: [me('held')] }];
      break;
    case 'reserved':
      teams = team1(me('held'));
      break;
    case 'succeeded':
      teams = team1(me('confirmed'));
      break;
    case 'deeper-tier':
      campaign = { ...campaign, maxMembers: 4 };
      teams = team1(mei, me('confirmed'));
      break;
    case 'full':
      teams = team1(mei, me('confirmed'));
      break;
    case 'expired':
      teamId = 'team-expired';
      teams = [...teams, { id: teamId, campaignId: 'gb-1', createdAt: iso(now - 25 * HOUR), seats: [me('confirmed', now - 25 * HOUR)] }];
      break;
    case 'scheduled':
      campaign = { ...campaign, startsAt: iso(now + 2 * HOUR) };
      teams = [];
      break;
    case 'ended':
      campaign = { ...campaign, endsAt: iso(now - HOUR) };
      teams = [];
      break;
    case 'sold-out':
      campaign = { ...campaign, stock: 3 };
      break;
    default:
      throw new TypeError(`groupBuyScenario: unknown state ${String(state)}; one of ${GROUP_BUY_STATES.join(', ')}`);
  }
  return { seed: { ...base, campaigns: [campaign], teams }, customer, productId: 'p1', campaignId: 'gb-1', teamId };
}

export interface GroupBuyPlayOptions {
  /** Milliseconds between steps (a join, then its confirmation, then the next join). Default 3000. */
  readonly every?: number;
  /** Who joins, in order; default four demo shoppers. */
  readonly shoppers?: readonly MemoryCustomer[];
}

const SHOPPERS: readonly MemoryCustomer[] = [
  { id: 'c-play-1', displayName: 'Mei Lin' }, { id: 'c-play-2', displayName: 'Ravi' },
  { id: 'c-play-3', displayName: 'Yu Tanaka' }, { id: 'c-play-4', displayName: 'Kim' },
];

/**
 * Shoppers join a team one after another, each confirmed (the merchant's order report) a step
 * later, until it is full: every change reaches `subscribeTeam`. Joins that the rules refuse (a
 * full or closed team) are skipped. Returns a function that stops it; `dispose()` stops it too.
 */
export function playGroupBuyScenario(adapter: MemoryAdapter, teamId: string, o: GroupBuyPlayOptions = {}): () => void {
  const every = o.every ?? 3000;
  const joined = new Set<string>();
  const steps: ScenarioStep[] = (o.shoppers ?? SHOPPERS).flatMap((shopper): ScenarioStep[] => [
    {
      after: every,
      run: () => {
        adapter.as(shopper).groupBuy.joinTeam(teamId, { displayName: shopper.displayName }).then(() => joined.add(shopper.id), () => {});
      },
    },
    { after: every, run: (c) => { if (joined.has(shopper.id)) c.confirmSeat(teamId, shopper.id); } },
  ]);
  return adapter.control.play(steps);
}
