import type { GroupBuyCampaign, GroupBuyOffer, GroupBuyTeam, GroupBuyYourSeat } from '@kith/core';
import type { Context, MemoryAdapter } from './memory-adapter.js';
import type { MemoryCustomer } from './seed.js';
import { find } from './served.js';

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
  const { subscribe, teams, publicTeam, teamChanged, serverTime } = ctx;
  const { read, send } = ctx.calls('groupBuy', customer);
  const view = (id: string, you?: string) => teamView(teamOf(teams(), id), you);
  const me = customer?.id;
  /** A group-buy write's scripted answer, whose team's new state then reaches its subscribers. */
  const teamWrite = async (write: Promise<GroupBuyTeam>) => {
    const team = await write;
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
    getOffer: (id, o) => read('getOffer', o, () => offer(id), id),
    getTeam: (id, o) => read('getTeam', o, () => ({ ...view(id, me), serverTime: serverTime() }), id),
    startTeam: (campaignId, input, o) => teamWrite(send('startTeam', o, campaignId, input)),
    joinTeam: (teamId, input, o) => teamWrite(send('joinTeam', o, teamId, input)),
    leaveTeam: (teamId, o) => teamWrite(send('leaveTeam', o, teamId)),
    subscribeTeam: (id, onTeam, o) => subscribe(`team:${id}`, () => publicTeam(id), onTeam, o),
  };
}
