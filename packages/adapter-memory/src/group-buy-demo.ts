import type { GroupBuyJoinInput, GroupBuyTeam } from '@kith/core';
import { teamOf, teamView, type MemoryGroupBuyFixture, type MemoryTeam, type MemoryTeamSeat } from './group-buy.js';
import type { MemoryAdapter, MemoryControl, ScenarioStep } from './memory-adapter.js';
import type { MemoryOutcomes, OutcomeContext } from './outcomes.js';
import { demoCampaign, demoSeed, demoTeams, type MemoryCustomer, type MemorySeed } from './seed.js';
/** Every state `groupBuyScenario` sets up, for a story's controls. */
export const GROUP_BUY_STATES = [
  'forming',
  'leading',
  'reserved',
  'succeeded',
  'deeper-tier',
  'full',
  'expired',
  'scheduled',
  'ended',
  'sold-out',
] as const;

export type GroupBuyScenarioState = (typeof GROUP_BUY_STATES)[number];

export interface GroupBuyScenario {
  /** Pass to `createMemoryAdapter({ seed, customer, outcomes })`. */
  readonly seed: MemorySeed;
  readonly outcomes: MemoryOutcomes;
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
export function groupBuyScenario(
  state: GroupBuyScenarioState,
  o: { now?: number; customer?: MemoryCustomer } = {},
): GroupBuyScenario {
  const now = o.now ?? Date.now();
  const customer = o.customer ?? DEMO_SHOPPER;
  const base = demoSeed(now, customer.id);
  let campaign = demoCampaign(now);
  let teams: MemoryTeam[] = demoTeams(now);
  let teamId = 'team-1';
  const me = (seat: MemoryTeamSeat['seat']): MemoryTeamSeat => ({
    customerId: customer.id,
    displayName: customer.displayName,
    seat,
    ...(seat === 'held' ? { holdExpiresAt: iso(now + 13 * MINUTE) } : {}),
  });
  const mei: MemoryTeamSeat = { customerId: 'c-mei', displayName: 'Mei', seat: 'confirmed' };
  /** `team-1` with more seats after Wei's, in the state and tier given. */
  const team1 = (more: Partial<MemoryTeam>, ...seats: MemoryTeamSeat[]): MemoryTeam[] =>
    teams.map((t) => (t.id === 'team-1' ? { ...t, ...more, seats: [...t.seats, ...seats] } : t));

  switch (state) {
    case 'forming':
      break;
    case 'leading':
      teamId = 'team-you';
      teams = [
        ...teams,
        {
          id: teamId,
          campaignId: 'gb-1',
          createdAt: iso(now - 2 * MINUTE),
          expiresAt: iso(now + 24 * HOUR - 2 * MINUTE),
          seats: [me('held')],
        },
      ];
      break;
    case 'reserved':
      teams = team1({}, me('held'));
      break;
    case 'succeeded':
      teams = team1({ state: 'succeeded', tierReached: 0 }, me('confirmed'));
      break;
    case 'deeper-tier':
      campaign = { ...campaign, maxMembers: 4 };
      teams = team1({ state: 'succeeded', tierReached: 1 }, mei, me('confirmed'));
      break;
    case 'full':
      teams = team1({ state: 'closed', tierReached: 1, endedAt: iso(now - MINUTE) }, mei, me('confirmed'));
      break;
    case 'expired':
      teamId = 'team-expired';
      teams = [
        ...teams,
        {
          id: teamId,
          campaignId: 'gb-1',
          createdAt: iso(now - 25 * HOUR),
          expiresAt: iso(now - HOUR),
          endedAt: iso(now - HOUR),
          state: 'expired',
          seats: [me('confirmed')],
        },
      ];
      break;
    case 'scheduled':
      campaign = { ...campaign, status: 'scheduled', startsAt: iso(now + 2 * HOUR) };
      teams = [];
      break;
    case 'ended':
      campaign = { ...campaign, status: 'ended', endsAt: iso(now - HOUR) };
      teams = [];
      break;
    case 'sold-out':
      campaign = { ...campaign, status: 'sold_out', seatsLeft: 0 };
      break;
    default:
      throw new TypeError(`groupBuyScenario: unknown state ${String(state)}; one of ${GROUP_BUY_STATES.join(', ')}`);
  }
  return {
    seed: { ...base, campaigns: [campaign], teams },
    customer,
    outcomes: demoGroupBuyOutcomes,
    productId: 'p1',
    campaignId: 'gb-1',
    teamId,
  };
}

const fixtureOf = (ctx: OutcomeContext) => ctx.fixture as MemoryGroupBuyFixture;
/** Swaps a team for its next version (teams are replaced, never changed in place). */
const put = (f: MemoryGroupBuyFixture, next: MemoryTeam) => {
  f.teams = f.teams.map((t) => (t.id === next.id ? next : t));
};
const seatFor = (ctx: OutcomeContext, holdSeconds: number, input?: GroupBuyJoinInput): MemoryTeamSeat => ({
  customerId: ctx.customer.id,
  displayName: input?.displayName ?? ctx.customer.displayName,
  seat: 'held',
  holdExpiresAt: iso(ctx.now + holdSeconds * 1000),
});
let made = 0;

/**
 * The demo's scripted answers to group-buy writes, so a story can start, join and leave a team: a
 * held seat for the shopper, added to or taken from the team as it is. They never refuse: script a
 * refusal (`team_full`, `already_in_team`…) with `control.next`.
 */
export const demoGroupBuyOutcomes: MemoryOutcomes = {
  'groupBuy.startTeam': (ctx: OutcomeContext, campaignId: string, input?: GroupBuyJoinInput): GroupBuyTeam => {
    const f = fixtureOf(ctx);
    const c = f.campaigns.find((x) => x.id === campaignId)!;
    const team: MemoryTeam = {
      id: `team-new-${++made}`,
      campaignId,
      createdAt: iso(ctx.now),
      expiresAt: iso(ctx.now + c.teamDurationSeconds * 1000),
      seats: [seatFor(ctx, c.holdSeconds, input)],
    };
    f.teams.push(team);
    return teamView(f, team, ctx.customer.id);
  },
  'groupBuy.joinTeam': (ctx: OutcomeContext, teamId: string, input?: GroupBuyJoinInput): GroupBuyTeam => {
    const f = fixtureOf(ctx);
    const t = teamOf(f, teamId);
    const next = {
      ...t,
      seats: [...t.seats, seatFor(ctx, f.campaigns.find((c) => c.id === t.campaignId)!.holdSeconds, input)],
    };
    put(f, next);
    return teamView(f, next, ctx.customer.id);
  },
  'groupBuy.leaveTeam': (ctx: OutcomeContext, teamId: string): GroupBuyTeam => {
    const f = fixtureOf(ctx);
    const t = teamOf(f, teamId);
    const next: MemoryTeam = { ...t, seats: t.seats.filter((s) => s.customerId !== ctx.customer.id) };
    // The last one out: the team is gone from the demo rather than kept as an expired one.
    if (next.seats.length) put(f, next);
    else f.teams = f.teams.filter((x) => x.id !== t.id);
    return teamView(f, next.seats.length ? next : { ...next, state: 'expired' });
  },
};

export interface GroupBuyPlayOptions {
  /** Milliseconds between steps (a join, then its confirmation, then the next join). Default 3000. */
  readonly every?: number;
  /** Who joins, in order; default four demo shoppers. */
  readonly shoppers?: readonly MemoryCustomer[];
}

const SHOPPERS: readonly MemoryCustomer[] = [
  { id: 'c-play-1', displayName: 'Mei Lin' },
  { id: 'c-play-2', displayName: 'Ravi' },
  { id: 'c-play-3', displayName: 'Yu Tanaka' },
  { id: 'c-play-4', displayName: 'Kim' },
];

/**
 * Shoppers join a team one after another, each confirmed (the merchant's order report) a step
 * later, until it is full: every change reaches `subscribeTeam`. The demo's script, not the
 * server's rule: a confirmation that reaches a tier makes the team succeed at it, the last seat
 * closes it. Returns a function that stops it; `dispose()` stops it too.
 */
export function playGroupBuyScenario(adapter: MemoryAdapter, teamId: string, o: GroupBuyPlayOptions = {}): () => void {
  const every = o.every ?? 3000;
  const joined = new Set<string>();
  const confirm = (c: MemoryControl, customerId: string) =>
    c.setTeam(teamId, (t, campaign) => {
      const seats = t.seats.map((s) => (s.customerId === customerId ? { ...s, seat: 'confirmed' as const } : s));
      const confirmed = seats.filter((s) => s.seat === 'confirmed').length;
      const tier = campaign.tiers.reduce((last, x, i) => (x.size <= confirmed ? i : last), -1);
      const full = confirmed === campaign.maxMembers;
      return { seats, ...(tier >= 0 ? { tierReached: tier, state: full ? 'closed' : 'succeeded' } : {}) };
    });
  const steps: ScenarioStep[] = (o.shoppers ?? SHOPPERS).flatMap((shopper): ScenarioStep[] => [
    {
      after: every,
      run: (c) => {
        const t = c.team(teamId);
        if (t.state !== 'closed' && t.seatCount < t.maxMembers)
          adapter
            .as(shopper)
            .groupBuy.joinTeam(teamId, { displayName: shopper.displayName })
            .then(
              () => joined.add(shopper.id),
              () => {},
            );
      },
    },
    {
      after: every,
      run: (c) => {
        if (joined.has(shopper.id)) confirm(c, shopper.id);
      },
    },
  ]);
  return adapter.control.play(steps);
}
