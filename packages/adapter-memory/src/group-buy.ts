import type {
  GroupBuyCampaign,
  GroupBuyOffer,
  GroupBuySeat,
  GroupBuyTeam,
  GroupBuyTeamState,
  IsoDateTime,
  Money,
  WriteOptions,
} from '@kith/core';
import { notFound } from './errors.js';
import type { Context } from './context.js';
import type { MemoryCustomer } from './seed.js';
import type { MemoryAdapter } from './memory-adapter.js';

/** One seat of a team. The display name is private: the public view shows initials only. */
export interface MemoryTeamSeat {
  readonly customerId: string;
  /** The team's name when this seat is the leader's (the first); initials otherwise. */
  readonly displayName?: string;
  readonly avatarUrl?: string;
  readonly seat: GroupBuySeat;
  /** For a held seat: when the hold lapses (shown as the checkout countdown). */
  readonly holdExpiresAt?: IsoDateTime;
  /** What this customer pays (their `you.price`); default the team's reached tier, else the first tier. */
  readonly price?: Money;
}

/**
 * A team as the server would show it, written out: its state and the tier it reached are the
 * fixture's, never worked out from the seats (that is the server's rule). The counts are the seats'.
 */
export interface MemoryTeam {
  readonly id: string;
  readonly campaignId: string;
  readonly createdAt: IsoDateTime;
  readonly expiresAt: IsoDateTime;
  /** Default `forming`. */
  readonly state?: GroupBuyTeamState;
  /** The index in the campaign's tiers of the tier reached; unset: none yet. */
  readonly tierReached?: number;
  readonly endedAt?: IsoDateTime;
  /** The leader's first. */
  readonly seats: readonly MemoryTeamSeat[];
}

/** The group-buy part of a fixture: campaigns as served (status and seats left included) and their teams. */
export interface MemoryGroupBuyFixture {
  campaigns: GroupBuyCampaign[];
  teams: MemoryTeam[];
}

/** First letters of up to two words, uppercased; `?` without a name. */
export function initialsOf(name: string | undefined): string {
  const words = (name ?? '').trim().split(/\s+/).filter(Boolean).slice(0, 2);
  return words.length ? words.map((w) => Array.from(w)[0]!.toUpperCase()).join('') : '?';
}

const campaignOf = (f: MemoryGroupBuyFixture, id: string) =>
  f.campaigns.find((c) => c.id === id) ??
  (() => {
    throw notFound(`Campaign ${id}`);
  })();
export const teamOf = (f: MemoryGroupBuyFixture, id: string) =>
  f.teams.find((t) => t.id === id) ??
  (() => {
    throw notFound(`Team ${id}`);
  })();

/** The team's view: the public one, plus `you` for a customer who holds a seat. */
export function teamView(f: MemoryGroupBuyFixture, t: MemoryTeam, customerId?: string | null): GroupBuyTeam {
  const c = campaignOf(f, t.campaignId);
  const reached = t.tierReached === undefined ? null : (c.tiers[t.tierReached] ?? null);
  const mine = customerId ? t.seats.find((s) => s.customerId === customerId) : undefined;
  return {
    id: t.id,
    campaignId: c.id,
    productId: c.product.id,
    state: t.state ?? 'forming',
    leaderName: t.seats[0]?.displayName ?? 'A shopper',
    members: t.seats.map((s, i) => ({
      initials: initialsOf(s.displayName),
      ...(s.avatarUrl ? { avatarUrl: s.avatarUrl } : {}),
      leader: i === 0,
      seat: s.seat,
    })),
    confirmedCount: t.seats.filter((s) => s.seat === 'confirmed').length,
    seatCount: t.seats.length,
    maxMembers: c.maxMembers,
    tiers: c.tiers,
    soloPrice: c.soloPrice,
    tierReached: reached,
    createdAt: t.createdAt,
    expiresAt: t.expiresAt,
    ...(t.endedAt ? { endedAt: t.endedAt } : {}),
    ...(mine
      ? {
          you: {
            seat: mine.seat,
            leader: mine === t.seats[0],
            ...(mine.holdExpiresAt && mine.seat === 'held' ? { holdExpiresAt: mine.holdExpiresAt } : {}),
            price: mine.price ?? reached?.price ?? c.tiers[0]!.price,
          },
        }
      : {}),
  };
}

const open = (t: MemoryTeam) => t.state === undefined || t.state === 'forming' || t.state === 'succeeded';

/**
 * The offer for a product as the fixture has it: the campaign, its open teams with a free seat
 * (not the customer's own), and the customer's team unless it expired; null without a campaign.
 */
export function offerView(
  f: MemoryGroupBuyFixture,
  productId: string,
  customerId: string | null,
  serverTime: string,
): GroupBuyOffer | null {
  const campaign = f.campaigns.find((c) => c.product.id === productId);
  if (!campaign) return null;
  const teams = f.teams.filter((t) => t.campaignId === campaign.id);
  const yours = customerId
    ? teams.find((t) => t.state !== 'expired' && t.seats.some((s) => s.customerId === customerId))
    : undefined;
  return {
    campaign,
    teams: teams
      .filter((t) => t !== yours && open(t) && t.seats.length < campaign.maxMembers)
      .map((t) => teamView(f, t)),
    yourTeam: yours ? teamView(f, yours, customerId) : null,
    serverTime,
  };
}

export function groupBuyApi(ctx: Context, customer: MemoryCustomer | null): MemoryAdapter['groupBuy'] {
  const { now, call, write, scripted, subscribe, teams, publicTeam, teamChanged } = ctx;
  /** A group-buy write: the scripted outcome, then the team's new state to its subscribers. */
  const teamWrite = async (op: string, o: WriteOptions | undefined, args: readonly unknown[]) => {
    const team = await write(customer, op, o, scripted<GroupBuyTeam>(op, args), args);
    teamChanged(team.id);
    return team;
  };
  return {
    getOffer: (productId, o) =>
      call(
        'groupBuy.getOffer',
        o,
        () => offerView(teams(), productId, customer?.id ?? null, new Date(now()).toISOString()),
        customer,
        [productId],
      ),
    getTeam: (id, o) =>
      call(
        'groupBuy.getTeam',
        o,
        () => ({ ...teamView(teams(), teamOf(teams(), id), customer?.id), serverTime: new Date(now()).toISOString() }),
        customer,
        [id],
      ),
    startTeam: (campaignId, input, o) => teamWrite('groupBuy.startTeam', o, [campaignId, input]),
    joinTeam: (teamId, input, o) => teamWrite('groupBuy.joinTeam', o, [teamId, input]),
    leaveTeam: (teamId, o) => teamWrite('groupBuy.leaveTeam', o, [teamId]),
    subscribeTeam: (id, onTeam, o) => subscribe(`team:${id}`, () => publicTeam(id), onTeam, o),
  };
}
