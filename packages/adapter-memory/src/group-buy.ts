import type { GroupBuyCampaign, GroupBuyOffer, GroupBuyTeam, GroupBuyYourSeat, WriteOptions } from '@kith/core';
import { find } from './errors.js';
import type { Context } from './memory-adapter.js';
import type { MemoryCustomer } from './seed.js';
import type { MemoryAdapter } from './memory-adapter.js';

/** A team as served (counts, state and tier written out); `you` is each seat-holder's own seat, by customer id. */
export type MemoryTeam = Omit<GroupBuyTeam, 'you' | 'serverTime'> & { you?: Record<string, GroupBuyYourSeat> };
/** A product's offer as served: its campaign, the ids of the teams it lists and each customer's team id. */
export type MemoryOffer = { campaign: GroupBuyCampaign; teams: string[]; yours?: Record<string, string | undefined> };
export type MemoryGroupBuyFixture = { offers: MemoryOffer[]; teams: MemoryTeam[] };

export const teamOf = (f: MemoryGroupBuyFixture, id: string): MemoryTeam => find(f.teams, id, 'Team');
/** The team as served to `customerId`: the public view, with their own seat if they hold one. */
export function teamView({ you, ...team }: MemoryTeam, customerId?: string | null): GroupBuyTeam {
  const mine = customerId && you?.[customerId];
  return mine ? { ...team, you: mine } : team;
}
export function groupBuyApi(ctx: Context, customer: MemoryCustomer | null): MemoryAdapter['groupBuy'] {
  const { call, write, scripted, subscribe, teams, publicTeam, teamChanged, serverTime } = ctx;
  const view = (id: string, you?: string) => teamView(teamOf(teams(), id), you);
  const me = customer?.id;
  const read = <T>(op: string, o: WriteOptions | undefined, id: string, fn: () => T) => call(op, o, fn, customer, [id]);
  /** A group-buy write: the scripted outcome, then the team's new state to its subscribers. */
  const teamWrite = async (op: string, o: WriteOptions | undefined, ...args: unknown[]) => {
    const team = await write(customer, op, o, scripted<GroupBuyTeam>(op, args), args);
    teamChanged(team.id);
    return team;
  };
  const offer = (productId: string): GroupBuyOffer | null => {
    const o = teams().offers.find((x) => x.campaign.product.id === productId);
    if (!o) return null;
    const yours = me && o.yours?.[me];
    const yourTeam = yours ? view(yours, me) : null;
    return { campaign: o.campaign, teams: o.teams.map((id) => view(id)), yourTeam, serverTime: serverTime() };
  };
  return {
    getOffer: (id, o) => read('groupBuy.getOffer', o, id, () => offer(id)),
    getTeam: (id, o) => read('groupBuy.getTeam', o, id, () => ({ ...view(id, me), serverTime: serverTime() })),
    startTeam: (campaignId, input, o) => teamWrite('groupBuy.startTeam', o, campaignId, input),
    joinTeam: (teamId, input, o) => teamWrite('groupBuy.joinTeam', o, teamId, input),
    leaveTeam: (teamId, o) => teamWrite('groupBuy.leaveTeam', o, teamId),
    subscribeTeam: (id, onTeam, o) => subscribe(`team:${id}`, () => publicTeam(id), onTeam, o),
  };
}
