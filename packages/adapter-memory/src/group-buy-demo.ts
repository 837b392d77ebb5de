import recorded, { type RecordedTeam } from '../recorded/demo.js';
import { teamOf, teamView, type MemoryGroupBuyFixture, type MemoryOffer, type MemoryTeam } from './group-buy.js';
import type { MemoryOutcomes, OutcomeContext } from './runtime.js';
import { notScripted, shifted } from './served.js';

/** Every state `groupBuyScenario` sets up, for a story's controls. */
const STATES = [
  ...['forming', 'leading', 'reserved', 'succeeded', 'deeper-tier', 'full', 'expired', 'scheduled', 'ended'],
  'sold-out',
] as const;
export { STATES as GROUP_BUY_STATES };
export type GroupBuyScenarioState = (typeof STATES)[number];

/**
 * `p1`'s group buy in one state as the server served it (`npm run record`): the offer and teams, the
 * team it is about and that team's next states. The recording's shopper becomes `customerId`; times move to `now`.
 */
export function demoGroupBuy(state: GroupBuyScenarioState, now: number, customerId: string) {
  if (!recorded.groupBuy[state])
    throw new TypeError(`groupBuyScenario: unknown state ${state}; one of ${STATES.join(', ')}`);
  const s = shifted(recorded.groupBuy[state], now);
  const yours = (t: RecordedTeam): MemoryTeam => ({
    ...t,
    you: Object.fromEntries(Object.entries(t.you).map(([c, seat]) => [c === recorded.shopper ? customerId : c, seat])),
  });
  const offer: MemoryOffer = { campaign: s.campaign, teams: s.listed, yours: { [customerId]: s.yours ?? undefined } };
  return { offers: [offer], teams: s.teams.map(yours), teamId: s.teamId ?? 'team-1', script: s.script.map(yours) };
}
/** The demo group buy on `p1`: solo $59.00, $53.10 each for 2, $50.15 for 3; a day to fill, seats held 15 minutes. */
export const demoCampaign = (now: number) => demoGroupBuy('forming', now, '').offers[0]!.campaign;
/** `team-1`: Wei's, forming (1 of 3), 4 h left. `team-2`: Lin's, succeeded at $53.10 (2 of 3), 21 h left. */
export const demoTeams = (now: number) => demoGroupBuy('forming', now, '').teams;

function moveTo({ fixture, customer, now }: OutcomeContext, state: GroupBuyScenarioState) {
  const { offers, teams } = demoGroupBuy(state, now, customer.id);
  return Object.assign(fixture as MemoryGroupBuyFixture, { offers, teams });
}
/** Writes move to a recorded state: a start to `leading`, a join of `team-1` to `reserved`, a leave to `forming`. */
export const demoGroupBuyOutcomes: MemoryOutcomes = {
  'groupBuy.startTeam': (ctx: OutcomeContext) => teamView(teamOf(moveTo(ctx, 'leading'), 'team-you'), ctx.customer.id),
  'groupBuy.joinTeam': (ctx: OutcomeContext, id: string) => {
    if (id !== 'team-1') throw notScripted(`The demo joins team-1 only (${id})`);
    return teamView(teamOf(moveTo(ctx, 'reserved'), id), ctx.customer.id);
  },
  'groupBuy.leaveTeam': (ctx: OutcomeContext, id: string) => {
    const was = teamOf(ctx.fixture as MemoryGroupBuyFixture, id);
    return teamView(moveTo(ctx, 'forming').teams.find((t) => t.id === id) ?? was);
  },
};
