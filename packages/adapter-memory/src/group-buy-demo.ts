import { HttpError, type GroupBuyCampaign, type GroupBuyJoinInput, type GroupBuyTier } from '@kith/core';
import { teamOf, teamView, type MemoryGroupBuyFixture, type MemoryTeam } from './group-buy.js';
import type { MemoryAdapter } from './memory-adapter.js';
import type { MemoryOutcomes, OutcomeContext } from './outcomes.js';
import type { Scenario } from './scenarios.js';
import { demoOffer, demoSeed, demoTeams, hours, member, type MemoryCustomer } from './seed.js';
import { iso, MINUTE } from './values.js';

/** The default shopper of the scenarios: the demo seed's buyer (`AK` in the teams). */
export const DEMO_SHOPPER: MemoryCustomer = { id: 'demo-customer', displayName: 'Alex Kim' };
type Teams = Partial<Record<'listed' | 'yours' | 'teamId', string>> & { teams: MemoryTeam[]; script?: MemoryTeam[] };
type State = Omit<Teams, 'listed'> & { listed?: string[]; campaign?: Partial<GroupBuyCampaign> };

// Each state as served to `who`: its teams, the ones its offer lists, theirs, the campaign's changes, a live script.
function states(now: number, who: MemoryCustomer) {
  const [t1, t2] = demoTeams(now) as [MemoryTeam, MemoryTeam];
  const [tier1, tier2] = t1.tiers as [GroupBuyTier, GroupBuyTier];
  const you = (seat: 'held' | 'confirmed', leader = false, { price } = tier1) => ({
    [who.id]: { seat, leader, price, ...(seat === 'held' && { holdExpiresAt: iso(now + 15 * MINUTE) }) },
  });
  const [W, AK, ML, heldAK] = [t1.members[0]!, member('AK'), member('ML'), member('AK', 'held')];
  const reserved = { ...t1, members: [W, heldAK], seatCount: 2, you: you('held') };
  const joined = { ...reserved, members: [W, heldAK, member('ML', 'held')], seatCount: 3 };
  const won = { state: 'succeeded', confirmedCount: 2, tierReached: tier1 } as const;
  const succeeded: MemoryTeam = { ...t1, ...won, members: [W, AK], seatCount: 2, you: you('confirmed') };
  const three = { members: [W, ML, AK], confirmedCount: 3, seatCount: 3, tierReached: tier2 };
  const full: MemoryTeam = { ...succeeded, ...three, you: you('confirmed', false, tier2) };
  const lead = { ...t1, ...hours(now, 0, 24), id: 'team-you', leaderName: who.displayName, confirmedCount: 0 };
  const leading = { ...lead, members: [member('AK', 'held', true)], you: you('held', true) };
  const lapsed = { id: 'team-expired', members: [member('AK', 'confirmed', true)], ...hours(now, -25, -1) };
  const expired = { ...lead, ...lapsed, state: 'expired', confirmedCount: 1, endedAt: iso(now - 60 * MINUTE) } as const;
  const mine = (team: MemoryTeam) => ({ teams: [team, t2], listed: ['team-2'], yours: 'team-1' });
  const over = (campaign: Partial<GroupBuyCampaign>) => ({ teams: [], listed: [], campaign });
  return {
    forming: { teams: [t1, t2] },
    leading: { teams: [t1, t2, leading], yours: 'team-you' },
    reserved: { ...mine(reserved), script: [joined, { ...joined, ...won, members: [W, heldAK, ML] }] },
    succeeded: mine(succeeded),
    'deeper-tier': { ...mine({ ...full, maxMembers: 4 }), campaign: { maxMembers: 4 } },
    full: mine({ ...full, state: 'closed', endedAt: iso(now - MINUTE) }),
    expired: { teams: [t1, t2, { ...expired, you: you('confirmed', true) }], teamId: 'team-expired' },
    scheduled: over({ status: 'scheduled', startsAt: iso(now + 120 * MINUTE) }),
    ended: over({ status: 'ended', endsAt: iso(now - 60 * MINUTE) }),
    'sold-out': { teams: [t1, t2], campaign: { status: 'sold_out', seatsLeft: 0 } },
  } satisfies Record<string, State>;
}
export type GroupBuyScenarioState = keyof ReturnType<typeof states>;
/** Every state `groupBuyScenario` sets up, for a story's controls. */
export const GROUP_BUY_STATES = Object.keys(states(0, DEMO_SHOPPER)) as readonly GroupBuyScenarioState[];
/** A group-buy state, with the team it is about and that team's next states (`reserved`: Mei joins, then pays). */
export type GroupBuyScenario = Scenario & { readonly teamId: string; readonly script: readonly MemoryTeam[] };
/** The demo data with `p1`'s group buy in one widget state, as served to `customer` (default `DEMO_SHOPPER`). */
export function groupBuyScenario(
  state: GroupBuyScenarioState,
  { now = Date.now(), customer = DEMO_SHOPPER }: { now?: number; customer?: MemoryCustomer } = {},
): GroupBuyScenario {
  const s: State | undefined = states(now, customer)[state];
  if (!s) throw new TypeError(`groupBuyScenario: unknown state ${state}; one of ${GROUP_BUY_STATES.join(', ')}`);
  const { campaign, teams } = demoOffer(now);
  const yours = { [customer.id]: s.yours };
  const offers = [{ campaign: { ...campaign, ...s.campaign }, teams: s.listed ?? teams, yours }];
  const seed = { ...demoSeed(now, customer.id), offers, teams: s.teams };
  const teamId = s.teamId ?? s.yours ?? 'team-1';
  return { seed, customer, outcomes: demoGroupBuyOutcomes, teamId, script: s.script ?? [] };
}
function moveTo({ fixture, customer, now }: OutcomeContext, state: GroupBuyScenarioState, input?: GroupBuyJoinInput) {
  const who = { ...customer, displayName: input?.displayName ?? customer.displayName };
  const { offers, teams } = groupBuyScenario(state, { now, customer: who }).seed;
  return Object.assign(fixture as MemoryGroupBuyFixture, { offers, teams });
}
/** Writes move to a written-out state: a start to `leading`, a join of `team-1` to `reserved`, a leave to `forming`. */
export const demoGroupBuyOutcomes: MemoryOutcomes = {
  'groupBuy.startTeam': (ctx: OutcomeContext, _campaignId: string, input?: GroupBuyJoinInput) =>
    teamView(teamOf(moveTo(ctx, 'leading', input), 'team-you'), ctx.customer.id),
  'groupBuy.joinTeam': (ctx: OutcomeContext, id: string, input?: GroupBuyJoinInput) => {
    if (id !== 'team-1') throw new HttpError(501, 'not_scripted', `The demo joins team-1 only (${id})`);
    return teamView(teamOf(moveTo(ctx, 'reserved', input), id), ctx.customer.id);
  },
  'groupBuy.leaveTeam': (ctx: OutcomeContext, id: string) => {
    const was = teamOf(ctx.fixture as MemoryGroupBuyFixture, id);
    return teamView(moveTo(ctx, 'forming').teams.find((t) => t.id === id) ?? was);
  },
};
/** Plays a scenario's `script` to its team's subscribers, a step every `every` ms (default 3000); returns a stopper. */
export const playGroupBuyScenario = (adapter: MemoryAdapter, s: GroupBuyScenario, o: { every?: number } = {}) =>
  adapter.control.play(s.script.map((t) => ({ after: o.every ?? 3000, run: (c) => c.setTeam(t.id, t) })));
