import type { GroupBuyCampaign, GroupBuyJoinInput, GroupBuySeat, GroupBuyTier } from '@kith/core';
import { teamOf, teamView, type MemoryGroupBuyFixture, type MemoryOffer, type MemoryTeam } from './group-buy.js';
import type { MemoryOutcomes, OutcomeContext } from './runtime.js';
import type { MemoryCustomer } from './seed.js';
import { HOUR, iso, MINUTE, notScripted, usd } from './served.js';

const tier = (size: number, minor: number) => ({ size, price: usd(minor) });
/** The demo group buy on `p1`: solo $59.00, $53.10 each for 2, $50.15 for 3; a day to fill, seats held 15 minutes. */
export const demoCampaign = (now: number): GroupBuyCampaign => ({
  id: 'gb-1',
  product: { id: 'p1', title: 'Everyday tote' },
  soloPrice: usd(5900),
  tiers: [tier(2, 5310), tier(3, 5015)],
  maxMembers: 3,
  teamDurationSeconds: 86_400,
  holdSeconds: 900,
  startsAt: iso(now - 48 * HOUR),
  status: 'active',
  reward: { description: 'Free gift wrap' },
});
/** A member as served (the server makes the initials; the demo writes them). */
const member = (initials: string, seat: GroupBuySeat = 'confirmed', leader = false) => ({ initials, leader, seat });
function hours(now: number, start: number, end: number) {
  return { createdAt: iso(now + start * HOUR), expiresAt: iso(now + end * HOUR) };
}
/** `team-1`: Wei's, forming (1 of 3), 4 h left. `team-2`: Lin's, succeeded at $53.10 (2 of 3), 21 h left. */
export function demoTeams(now: number): MemoryTeam[] {
  const { tiers, soloPrice } = demoCampaign(now);
  const gb1 = { campaignId: 'gb-1', productId: 'p1', maxMembers: 3, tiers, soloPrice, tierReached: null };
  const wei = { id: 'team-1', state: 'forming', leaderName: 'Wei', members: [member('W', 'confirmed', true)] } as const;
  const you = { 'c-wei': { seat: 'confirmed', leader: true, price: tiers[0]!.price } } as const;
  const lin = { id: 'team-2', leaderName: 'Lin Chen', members: [member('LC', 'confirmed', true), member('S')] };
  const won = { state: 'succeeded', confirmedCount: 2, seatCount: 2, tierReached: tiers[0]! } as const;
  const team1: MemoryTeam = { ...gb1, ...wei, confirmedCount: 1, seatCount: 1, ...hours(now, -20, 4), you };
  return [team1, { ...team1, ...lin, ...won, ...hours(now, -3, 21), you: {} }];
}
/** The demo offer: `gb-1` listing its teams, soonest deadline first. */
export const demoOffer = (now: number): MemoryOffer => ({ campaign: demoCampaign(now), teams: ['team-1', 'team-2'] });

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
export const GROUP_BUY_STATES = Object.keys(states(0, { id: '', displayName: '' })) as readonly GroupBuyScenarioState[];

/** `p1`'s group buy in one state as served to `customer`: offer and teams, the team it is about, that team's script. */
export function demoGroupBuy(state: GroupBuyScenarioState, now: number, customer: MemoryCustomer) {
  const s: State | undefined = states(now, customer)[state];
  if (!s) throw new TypeError(`groupBuyScenario: unknown state ${state}; one of ${GROUP_BUY_STATES.join(', ')}`);
  const { campaign, teams } = demoOffer(now);
  const yours = { [customer.id]: s.yours };
  const offers = [{ campaign: { ...campaign, ...s.campaign }, teams: s.listed ?? teams, yours }];
  return { offers, teams: s.teams, teamId: s.teamId ?? s.yours ?? 'team-1', script: s.script ?? [] };
}
function moveTo({ fixture, customer, now }: OutcomeContext, state: GroupBuyScenarioState, input?: GroupBuyJoinInput) {
  const who = { ...customer, displayName: input?.displayName ?? customer.displayName };
  const { offers, teams } = demoGroupBuy(state, now, who);
  return Object.assign(fixture as MemoryGroupBuyFixture, { offers, teams });
}
/** Writes move to a written-out state: a start to `leading`, a join of `team-1` to `reserved`, a leave to `forming`. */
export const demoGroupBuyOutcomes: MemoryOutcomes = {
  'groupBuy.startTeam': (ctx: OutcomeContext, _campaignId: string, input?: GroupBuyJoinInput) =>
    teamView(teamOf(moveTo(ctx, 'leading', input), 'team-you'), ctx.customer.id),
  'groupBuy.joinTeam': (ctx: OutcomeContext, id: string, input?: GroupBuyJoinInput) => {
    if (id !== 'team-1') throw notScripted(`The demo joins team-1 only (${id})`);
    return teamView(teamOf(moveTo(ctx, 'reserved', input), id), ctx.customer.id);
  },
  'groupBuy.leaveTeam': (ctx: OutcomeContext, id: string) => {
    const was = teamOf(ctx.fixture as MemoryGroupBuyFixture, id);
    return teamView(moveTo(ctx, 'forming').teams.find((t) => t.id === id) ?? was);
  },
};
