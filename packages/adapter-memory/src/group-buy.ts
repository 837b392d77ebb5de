import {
  uuid,
  type GroupBuyCampaign, type GroupBuyJoinInput, type GroupBuyMember, type GroupBuyOffer, type GroupBuySeat, type GroupBuyTeam,
  type GroupBuyTeamState, type GroupBuyTier, type IsoDateTime, type Money, type ProductRef,
} from '@kith/core';
import { conflict, invalid, notFound, text } from './errors.js';
import { CONTACT } from './moderation.js';
import type { MemoryCustomer, MemorySeed } from './seed.js';

/**
 * A campaign as the merchant created it (the server's `POST /v1/admin/group-buys`). Unset fields
 * take the server's defaults; `status` and `seatsLeft` are derived, never stored.
 */
export interface MemoryCampaign {
  readonly id: string;
  readonly product: ProductRef;
  readonly soloPrice: Money;
  /** At least one; sizes from 2, strictly ascending; prices strictly falling, below `soloPrice`, one currency. */
  readonly tiers: readonly GroupBuyTier[];
  /** Default 86 400 (a day). */
  readonly teamDurationSeconds?: number;
  /** Default: the deepest tier's size; at most 100. */
  readonly maxMembers?: number;
  /** Default 900 (15 minutes). */
  readonly holdSeconds?: number;
  /** Default: when the adapter was created (or the campaign added). */
  readonly startsAt?: IsoDateTime;
  readonly endsAt?: IsoDateTime;
  /** Ended by the merchant (the server's `DELETE /v1/admin/group-buys/:id`): open teams run to their deadlines. */
  readonly ended?: boolean;
  /** Team-price units; held and confirmed seats of teams that did not expire use them up. Unset: unlimited. */
  readonly stock?: number;
  readonly reward?: { readonly description: string; readonly points?: number };
}

/** One seat of a seeded team. The display name is private: the public view shows initials only. */
export interface MemoryTeamSeat {
  readonly customerId: string;
  /** The team's name when this seat is the leader's; initials otherwise. Unset: "A shopper", `?`. */
  readonly displayName?: string;
  readonly avatarUrl?: string;
  readonly seat: GroupBuySeat;
  /** Default: the team's `createdAt`. Seats are ordered by it; the earliest is the leader. */
  readonly joinedAt?: IsoDateTime;
  /** For a held seat; default `joinedAt` plus the team's `holdSeconds`. */
  readonly holdExpiresAt?: IsoDateTime;
}

/**
 * A team as stored: its seats with customer ids and names; the public view is derived. The state
 * follows from the seats and the clock (a team seeded past its deadline is expired, two confirmed
 * seats of a first tier of two make it succeeded); set `state` only to seed `closed` or `expired`
 * by hand.
 */
export interface MemoryTeam {
  readonly id: string;
  readonly campaignId: string;
  /** Default: now. */
  readonly createdAt?: IsoDateTime;
  /** Default: `createdAt` plus the terms' `teamDurationSeconds`. */
  readonly expiresAt?: IsoDateTime;
  readonly seats: readonly MemoryTeamSeat[];
  readonly state?: GroupBuyTeamState;
  readonly endedAt?: IsoDateTime;
  /** The team's name once no seat is left. */
  readonly leaderName?: string;
  /** The terms the team started with; default the campaign's. They never change afterwards. */
  readonly terms?: Partial<Pick<GroupBuyCampaign, 'tiers' | 'soloPrice' | 'maxMembers' | 'holdSeconds' | 'teamDurationSeconds'>>;
}

interface Seat {
  readonly customerId: string;
  readonly displayName?: string;
  readonly avatarUrl?: string;
  seat: GroupBuySeat;
  readonly joinedAt: number;
  holdExpiresAt?: number;
}

interface Campaign {
  readonly id: string;
  product: ProductRef;
  soloPrice: Money;
  tiers: readonly GroupBuyTier[];
  teamDurationSeconds: number;
  maxMembers: number;
  holdSeconds: number;
  startsAt: number;
  endsAt?: number;
  ended: boolean;
  stock?: number;
  reward?: { readonly description: string; readonly points?: number };
}

interface Team {
  readonly id: string;
  readonly campaignId: string;
  readonly productId: string;
  state: GroupBuyTeamState;
  readonly createdAt: number;
  readonly expiresAt: number;
  endedAt?: number;
  readonly tiers: readonly GroupBuyTier[];
  readonly soloPrice: Money;
  readonly maxMembers: number;
  readonly holdSeconds: number;
  /** Oldest first: the first is the leader. */
  seats: Seat[];
  leaderName?: string;
}

const DEFAULT_NAME = 'A shopper';
const MAX_OPEN_LISTED = 5;
// setTimeout's longest delay; a later deadline is re-armed when this one fires.
const MAX_DELAY = 2 ** 31 - 1;

const iso = (ms: number) => new Date(ms).toISOString();
const ms = (date: IsoDateTime, path: string) => {
  const t = Date.parse(date);
  if (Number.isNaN(t)) throw invalid(path, 'Must be an ISO date-time');
  return t;
};
const isOpen = (t: Team) => t.state === 'forming' || t.state === 'succeeded';
const confirmedOf = (t: Team) => t.seats.filter((s) => s.seat === 'confirmed').length;
/** The deepest tier confirmed seats reached, or null. */
const tierOf = (t: Team): GroupBuyTier | null => t.tiers.filter((x) => x.size <= confirmedOf(t)).at(-1) ?? null;
const nameOf = (s: Seat | undefined) => s?.displayName ?? DEFAULT_NAME;
// Ids compare by code unit, as the server's "ORDER BY …, id" does.
const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** First letters of up to two words, uppercased; `?` without a name. */
export function initialsOf(name: string | undefined): string {
  const words = (name ?? '').trim().split(/\s+/).filter(Boolean).slice(0, 2);
  return words.length ? words.map((w) => Array.from(w)[0]!.toUpperCase()).join('') : '?';
}

const positiveInt = (value: unknown, path: string, min: number, max = Number.MAX_SAFE_INTEGER): number => {
  if (!Number.isInteger(value) || (value as number) < min || (value as number) > max) throw invalid(path, `Must be an integer from ${min} to ${max}`);
  return value as number;
};

/** A campaign with the server's defaults and checks (400 `invalid_request` with the field's path). */
function toCampaign(c: MemoryCampaign, now: number): Campaign {
  if (!c.id || !c.product?.id) throw invalid('json.productId', 'Required');
  positiveInt(c.soloPrice?.minor, 'json.soloPrice.minor', 1);
  const tiers = c.tiers ?? [];
  if (!tiers.length || tiers.length > 10) throw invalid('json.tiers', 'One to ten tiers');
  tiers.forEach((t, i) => {
    const prev = tiers[i - 1];
    positiveInt(t.size, `json.tiers.${i}.size`, 2, 100);
    positiveInt(t.price?.minor, `json.tiers.${i}.price.minor`, 0);
    if (t.price.currency !== c.soloPrice.currency) throw invalid(`json.tiers.${i}.price.currency`, 'Must be the solo price currency');
    if (t.price.minor >= c.soloPrice.minor) throw invalid(`json.tiers.${i}.price`, 'Must be below the solo price');
    if (prev && (t.size <= prev.size || t.price.minor >= prev.price.minor)) throw invalid(`json.tiers.${i}`, 'Sizes must ascend and prices fall');
  });
  const deepest = tiers.at(-1)!.size;
  const maxMembers = positiveInt(c.maxMembers ?? deepest, 'json.maxMembers', deepest, 100);
  const startsAt = c.startsAt ? ms(c.startsAt, 'json.startsAt') : now;
  const endsAt = c.endsAt ? ms(c.endsAt, 'json.endsAt') : undefined;
  if (endsAt !== undefined && endsAt <= startsAt) throw invalid('json.endsAt', 'Must be after startsAt');
  return {
    id: c.id, product: { ...c.product }, soloPrice: { ...c.soloPrice }, tiers: structuredClone(tiers), maxMembers,
    teamDurationSeconds: positiveInt(c.teamDurationSeconds ?? 86_400, 'json.teamDurationSeconds', 1, 30 * 86_400),
    holdSeconds: positiveInt(c.holdSeconds ?? 900, 'json.holdSeconds', 1, 7 * 86_400),
    startsAt, ...(endsAt !== undefined ? { endsAt } : {}),
    ended: c.ended ?? false,
    ...(c.stock !== undefined ? { stock: positiveInt(c.stock, 'json.stock', 0, 10_000_000) } : {}),
    ...(c.reward ? { reward: { ...c.reward } } : {}),
  };
}

/** The displayName of a start or join: optional, trimmed, 1 to 40 characters, no links or contact details. */
function displayNameOf(input: GroupBuyJoinInput | undefined): string | undefined {
  if (input?.displayName === undefined) return undefined;
  const name = text(input.displayName, 'json.displayName', 1, 40);
  if (CONTACT.test(name)) throw invalid('json.displayName', 'No links or contact details');
  return name;
}

export interface GroupBuyHooks {
  /** Called with the public view (no `you`) after every change of a team, however it happened. */
  readonly onChange: (team: GroupBuyTeam) => void;
}

/**
 * Group buy with the server's rules: campaigns, teams, seats held for checkout and confirmed by
 * the merchant's order report, lapses and deadlines applied on read and, for watched teams, on
 * timers. Callers clone what they return.
 */
export function createGroupBuy(data: MemorySeed, now: () => number, hooks: GroupBuyHooks) {
  const campaigns: Campaign[] = [];
  const teams: Team[] = [];
  const watchers = new Map<string, number>();
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  let generation = 0;

  const campaign = (id: string) => campaigns.find((c) => c.id === id) ?? (() => { throw notFound(`Campaign ${id}`); })();
  const team = (id: string) => teams.find((t) => t.id === id) ?? (() => { throw notFound(`Team ${id}`); })();
  const teamsOf = (campaignId: string) => teams.filter((t) => t.campaignId === campaignId);
  const withTime = (view: GroupBuyTeam): GroupBuyTeam => ({ ...view, serverTime: iso(now()) });

  // ── state machine ──

  /** forming → succeeded at the first tier; → closed when confirmed seats fill the team (maxMembers). */
  function promote(t: Team, at: number): boolean {
    const before = t.state;
    const confirmed = confirmedOf(t);
    if (t.state === 'forming' && confirmed >= t.tiers[0]!.size) t.state = 'succeeded';
    if (t.state === 'succeeded' && confirmed >= t.maxMembers) {
      t.state = 'closed';
      t.endedAt = at;
    }
    return t.state !== before;
  }

  function removeSeat(t: Team, seat: Seat, at: number) {
    t.seats = t.seats.filter((s) => s !== seat);
    if (t.seats.length) return;
    // The last seat gone: the team failed; it keeps its last leader's name.
    t.leaderName = nameOf(seat);
    t.state = 'expired';
    t.endedAt = at;
  }

  /**
   * Applies, in time order, the hold lapses and the deadline that are due. True when anything
   * changed. `endedAt` is when it happened (the deadline, the last hold), not when it was noticed.
   */
  function applyDue(t: Team, at: number): boolean {
    let changed = false;
    while (isOpen(t)) {
      const lapsing = t.seats.filter((s) => s.seat === 'held' && s.holdExpiresAt! <= at).sort((a, b) => a.holdExpiresAt! - b.holdExpiresAt!)[0];
      if (t.expiresAt <= at && (!lapsing || t.expiresAt <= lapsing.holdExpiresAt!)) {
        // The deadline: every held seat lapses (only confirmed seats count now); below the first
        // tier the team failed, after success it closes.
        const leader = t.seats[0];
        t.seats = t.seats.filter((s) => s.seat === 'confirmed');
        if (!t.seats.length) t.leaderName = nameOf(leader);
        t.state = t.state === 'succeeded' ? 'closed' : 'expired';
        t.endedAt = t.expiresAt;
        return true;
      }
      if (!lapsing) break;
      removeSeat(t, lapsing, lapsing.holdExpiresAt!);
      changed = true;
    }
    return changed;
  }

  /** Brings a team up to date with the clock, telling subscribers if it changed. */
  function settle(t: Team): Team {
    if (applyDue(t, now())) changed(t);
    return t;
  }
  const settleCampaign = (campaignId: string) => teamsOf(campaignId).forEach(settle);

  function changed(t: Team) {
    hooks.onChange(withTime(publicView(t)));
    arm(t);
  }

  // ── timers: while a team is watched, its next lapse or deadline is pushed when it happens ──

  function arm(t: Team) {
    clearTimeout(timers.get(t.id));
    timers.delete(t.id);
    if (!watchers.get(t.id) || !isOpen(t)) return;
    const next = Math.min(t.expiresAt, ...t.seats.filter((s) => s.seat === 'held').map((s) => s.holdExpiresAt!));
    const timer = setTimeout(() => {
      timers.delete(t.id);
      if (!applyDue(t, now())) arm(t);
      else changed(t);
    }, Math.min(MAX_DELAY, Math.max(0, next - now())));
    timers.set(t.id, timer);
  }

  /** Counts a subscriber of a team; the returned function (harmless twice) uncounts it. */
  function watch(id: string): () => void {
    const t = teams.find((x) => x.id === id);
    if (!t) return () => {};
    const gen = generation;
    watchers.set(id, (watchers.get(id) ?? 0) + 1);
    if (watchers.get(id) === 1) arm(settle(t));
    let active = true;
    return () => {
      if (!active || gen !== generation) return;
      active = false;
      const n = watchers.get(id)! - 1;
      if (n > 0) watchers.set(id, n);
      else {
        watchers.delete(id);
        arm(t);
      }
    };
  }

  // ── views ──

  const used = (c: Campaign) => teamsOf(c.id).filter((t) => t.state !== 'expired').reduce((n, t) => n + t.seats.length, 0);
  const seatsLeft = (c: Campaign) => (c.stock === undefined ? undefined : Math.max(0, c.stock - used(c)));

  function statusOf(c: Campaign, at: number): GroupBuyCampaign['status'] {
    if (c.ended || (c.endsAt !== undefined && at >= c.endsAt)) return 'ended';
    if (at < c.startsAt) return 'scheduled';
    return seatsLeft(c) === 0 ? 'sold_out' : 'active';
  }

  function campaignView(c: Campaign): GroupBuyCampaign {
    const left = seatsLeft(c);
    return {
      id: c.id, product: c.product, soloPrice: c.soloPrice, tiers: c.tiers, teamDurationSeconds: c.teamDurationSeconds,
      maxMembers: c.maxMembers, holdSeconds: c.holdSeconds, startsAt: iso(c.startsAt), ...(c.endsAt !== undefined ? { endsAt: iso(c.endsAt) } : {}),
      status: statusOf(c, now()), ...(left !== undefined ? { seatsLeft: left } : {}), ...(c.reward ? { reward: c.reward } : {}),
    };
  }

  function publicView(t: Team): GroupBuyTeam {
    const members: GroupBuyMember[] = t.seats.map((s, i) => ({
      initials: initialsOf(s.displayName), ...(s.avatarUrl ? { avatarUrl: s.avatarUrl } : {}), leader: i === 0, seat: s.seat,
    }));
    return {
      id: t.id, campaignId: t.campaignId, productId: t.productId, state: t.state,
      leaderName: t.seats.length ? nameOf(t.seats[0]) : t.leaderName ?? DEFAULT_NAME,
      members, confirmedCount: confirmedOf(t), seatCount: t.seats.length, maxMembers: t.maxMembers,
      tiers: t.tiers, soloPrice: t.soloPrice, tierReached: tierOf(t),
      createdAt: iso(t.createdAt), expiresAt: iso(t.expiresAt), ...(t.endedAt !== undefined ? { endedAt: iso(t.endedAt) } : {}),
    };
  }

  /** The view for `customer`: with `you` when they hold a seat. */
  function viewFor(t: Team, customer: MemoryCustomer | null): GroupBuyTeam {
    const view = publicView(t);
    const i = customer ? t.seats.findIndex((s) => s.customerId === customer.id) : -1;
    const s = t.seats[i];
    if (!s) return view;
    return {
      ...view,
      you: {
        seat: s.seat, leader: i === 0, ...(s.seat === 'held' ? { holdExpiresAt: iso(s.holdExpiresAt!) } : {}),
        price: (view.tierReached ?? t.tiers[0]!).price,
      },
    };
  }

  const holds = (t: Team, customerId: string) => t.seats.some((s) => s.customerId === customerId);
  const otherOpenTeam = (campaignId: string, customerId: string, except?: Team) =>
    teamsOf(campaignId).some((t) => t !== except && isOpen(t) && holds(t, customerId));

  // ── loading ──

  function addCampaign(input: MemoryCampaign): Campaign {
    if (campaigns.some((c) => c.id === input.id)) throw conflict('already_exists', `Campaign ${input.id} already exists`);
    const c = toCampaign(input, now());
    campaigns.push(c);
    return c;
  }

  function addTeam(input: MemoryTeam): Team {
    if (teams.some((t) => t.id === input.id)) throw conflict('already_exists', `Team ${input.id} already exists`);
    const c = campaign(input.campaignId);
    const terms = { tiers: c.tiers, soloPrice: c.soloPrice, maxMembers: c.maxMembers, holdSeconds: c.holdSeconds, teamDurationSeconds: c.teamDurationSeconds, ...input.terms };
    const createdAt = input.createdAt ? ms(input.createdAt, 'createdAt') : now();
    const seats = input.seats.map((s, i): Seat => {
      const joinedAt = s.joinedAt ? ms(s.joinedAt, `seats.${i}.joinedAt`) : createdAt;
      return {
        customerId: s.customerId, ...(s.displayName ? { displayName: s.displayName } : {}), ...(s.avatarUrl ? { avatarUrl: s.avatarUrl } : {}),
        seat: s.seat, joinedAt,
        ...(s.seat === 'held' ? { holdExpiresAt: s.holdExpiresAt ? ms(s.holdExpiresAt, `seats.${i}.holdExpiresAt`) : joinedAt + terms.holdSeconds * 1000 } : {}),
      };
    }).sort((a, b) => a.joinedAt - b.joinedAt);
    if (new Set(seats.map((s) => s.customerId)).size < seats.length) throw invalid('seats', 'One seat per customer');
    if (seats.length > terms.maxMembers) throw invalid('seats', `At most ${terms.maxMembers} seats`);
    const t: Team = {
      id: input.id, campaignId: c.id, productId: c.product.id, state: input.state ?? (seats.length ? 'forming' : 'expired'),
      createdAt, expiresAt: input.expiresAt ? ms(input.expiresAt, 'expiresAt') : createdAt + terms.teamDurationSeconds * 1000,
      ...(input.endedAt ? { endedAt: ms(input.endedAt, 'endedAt') } : {}),
      tiers: structuredClone(terms.tiers), soloPrice: { ...terms.soloPrice }, maxMembers: terms.maxMembers, holdSeconds: terms.holdSeconds,
      seats, ...(input.leaderName ? { leaderName: input.leaderName } : {}),
    };
    if (!isOpen(t)) t.endedAt ??= Math.min(now(), t.expiresAt);
    teams.push(t);
    // Settle in the order things happened: confirmed seats count first, then the clock.
    promote(t, Math.max(t.createdAt, ...t.seats.map((s) => s.joinedAt)));
    applyDue(t, now());
    return t;
  }

  for (const c of data.campaigns ?? []) addCampaign(c);
  for (const t of data.teams ?? []) addTeam(t);

  /** The product's campaign: active, else the next scheduled, else the latest ended or sold out. */
  function campaignFor(productId: string): Campaign | undefined {
    const at = now();
    const mine = campaigns.filter((c) => c.product.id === productId);
    mine.forEach((c) => settleCampaign(c.id));
    const by = (status: GroupBuyCampaign['status']) => mine.filter((c) => statusOf(c, at) === status);
    return by('active')[0]
      ?? by('scheduled').sort((a, b) => a.startsAt - b.startsAt)[0]
      ?? [...by('ended'), ...by('sold_out')].sort((a, b) => b.startsAt - a.startsAt)[0];
  }

  return {
    getOffer(customer: MemoryCustomer | null, productId: string): GroupBuyOffer | null {
      const c = campaignFor(productId);
      if (!c) return null;
      const all = teamsOf(c.id);
      const mine = customer ? all.filter((t) => t.state !== 'expired' && holds(t, customer.id)) : [];
      return {
        campaign: campaignView(c),
        teams: all
          .filter((t) => isOpen(t) && t.seats.length < t.maxMembers && !(customer && holds(t, customer.id)))
          .sort((a, b) => a.expiresAt - b.expiresAt || byId(a, b))
          .slice(0, MAX_OPEN_LISTED)
          .map((t) => withTime(publicView(t))),
        yourTeam: mine.length ? withTime(viewFor(mine.sort((a, b) => b.createdAt - a.createdAt || byId(a, b))[0]!, customer)) : null,
        serverTime: iso(now()),
      };
    },

    getTeam: (customer: MemoryCustomer | null, id: string): GroupBuyTeam => withTime(viewFor(settle(team(id)), customer)),

    /** The public view, for a stream's first message. */
    publicTeam: (id: string): GroupBuyTeam => withTime(publicView(settle(team(id)))),

    startTeam(customer: MemoryCustomer, campaignId: string, input: GroupBuyJoinInput): GroupBuyTeam {
      const displayName = displayNameOf(input);
      const c = campaign(campaignId);
      settleCampaign(c.id);
      const status = statusOf(c, now());
      if (status === 'scheduled') throw conflict('campaign_not_started', 'This group buy has not started yet');
      if (status === 'ended') throw conflict('campaign_over', 'This group buy is over');
      if (status === 'sold_out') throw conflict('sold_out', 'This group buy is sold out');
      if (otherOpenTeam(c.id, customer.id)) throw conflict('already_in_team', 'You are already in a team of this group buy');
      const at = now();
      const t: Team = {
        id: `team_${uuid()}`, campaignId: c.id, productId: c.product.id, state: 'forming', createdAt: at, expiresAt: at + c.teamDurationSeconds * 1000,
        tiers: structuredClone(c.tiers), soloPrice: { ...c.soloPrice }, maxMembers: c.maxMembers, holdSeconds: c.holdSeconds,
        seats: [{ customerId: customer.id, ...(displayName ? { displayName } : {}), seat: 'held', joinedAt: at, holdExpiresAt: at + c.holdSeconds * 1000 }],
      };
      teams.push(t);
      changed(t);
      return withTime(viewFor(t, customer));
    },

    joinTeam(customer: MemoryCustomer, teamId: string, input: GroupBuyJoinInput): GroupBuyTeam {
      const displayName = displayNameOf(input);
      const t = team(teamId);
      const c = campaign(t.campaignId);
      settleCampaign(c.id);
      const at = now();
      if (!isOpen(t) || at >= t.expiresAt) throw conflict('team_closed', 'This team is no longer open');
      if (holds(t, customer.id)) throw conflict('already_joined', 'You are already in this team');
      if (otherOpenTeam(c.id, customer.id, t)) throw conflict('already_in_team', 'You are already in another team of this group buy');
      if (seatsLeft(c) === 0) throw conflict('sold_out', 'This group buy is sold out');
      if (t.seats.length >= t.maxMembers) throw conflict('team_full', 'This team is full');
      t.seats.push({ customerId: customer.id, ...(displayName ? { displayName } : {}), seat: 'held', joinedAt: at, holdExpiresAt: at + t.holdSeconds * 1000 });
      changed(t);
      return withTime(viewFor(t, customer));
    },

    leaveTeam(customer: MemoryCustomer, teamId: string): GroupBuyTeam {
      const t = settle(team(teamId));
      const seat = t.seats.find((s) => s.customerId === customer.id);
      if (!seat) throw conflict('not_a_member', 'You are not in this team');
      if (t.state === 'succeeded' || t.state === 'closed') throw conflict('team_succeeded', 'This team has succeeded; seats can no longer be given back');
      if (t.state === 'expired') throw conflict('team_closed', 'This team is no longer open');
      removeSeat(t, seat, now());
      changed(t);
      return withTime(publicView(t));
    },

    /** The merchant reported the customer's order (`POST /v1/admin/orders` with `teamId`). */
    confirmSeat(teamId: string, customerId: string): GroupBuyTeam {
      const t = settle(team(teamId));
      const seat = t.seats.find((s) => s.customerId === customerId && s.seat === 'held');
      if (!seat || !isOpen(t)) throw conflict('seat_not_held', 'This customer holds no seat in this team');
      seat.seat = 'confirmed';
      delete seat.holdExpiresAt;
      promote(t, now());
      changed(t);
      return withTime(publicView(t));
    },

    addCampaign: (input: MemoryCampaign): GroupBuyCampaign => campaignView(addCampaign(input)),

    /** Teams already started keep their terms. */
    updateCampaign(id: string, patch: Partial<Omit<MemoryCampaign, 'id'>>): GroupBuyCampaign {
      const c = campaign(id);
      const next = toCampaign({ ...c, startsAt: iso(c.startsAt), endsAt: c.endsAt !== undefined ? iso(c.endsAt) : undefined, ...patch, id }, now());
      campaigns[campaigns.indexOf(c)] = next;
      return campaignView(next);
    },

    addTeam(input: MemoryTeam): GroupBuyTeam {
      const t = addTeam(input);
      arm(t);
      return publicView(t);
    },

    watch,

    /** The clock moved: settles every watched team and re-arms its timer. */
    clockMoved() {
      for (const id of watchers.keys()) arm(settle(team(id)));
    },

    /** Stops every timer; subscriptions counted before no longer count. */
    dispose() {
      for (const t of timers.values()) clearTimeout(t);
      timers.clear();
      watchers.clear();
      generation++;
    },
  };
}
