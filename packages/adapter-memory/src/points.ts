import {
  uuid,
  type IsoDateTime, type Money, type Page, type PointsAccount, type PointsAction, type PointsBadge, type PointsCheckIn, type PointsEntry,
  type PointsEntryKind, type PointsProgram, type PointsRedemption, type PointsReward, type PointsTier, type Review,
} from '@kith/core';
import { keysetPage, type SortKey } from './cursor.js';
import { conflict, invalid, limitOf, notFound, text } from './errors.js';
import type { MemoryOrder, MemorySeed } from './seed.js';

// ── seed shapes ─────────────────────────────────────────────────────────────────────────────

/** A reward as the merchant created it: `active: false` hides it; `codes` is its imported code pool. */
export interface MemoryReward extends PointsReward {
  /** Default true. An inactive reward is not listed and can't be redeemed (404). */
  readonly active?: boolean;
  /** Codes handed out first, one per redemption; once imported, an empty pool means `out_of_stock`. */
  readonly codes?: readonly string[];
}

/** A ledger line as it happened; status, `expiresAt` and `balanceAfter` are derived. */
export interface MemoryPointsEntry {
  /** Default: generated in seed order (ids only break ties between lines of the same instant). */
  readonly id?: string;
  readonly customerId: string;
  readonly kind: PointsEntryKind;
  readonly action?: PointsAction;
  /** Signed, as in the history. */
  readonly points: number;
  readonly source: PointsEntry['source'];
  readonly note?: string;
  readonly createdAt: IsoDateTime;
  /** Purchase earns (and their reversals): pending until then. */
  readonly availableAt?: IsoDateTime;
}

/** The points domain of a `MemorySeed`. */
export interface MemoryPointsSeed {
  /** The program; unset fields take the spec's default (`DEFAULT_POINTS_PROGRAM`). Badges are always the six built-in ones. */
  readonly program?: Partial<Omit<PointsProgram, 'rewards' | 'badges'>>;
  readonly rewards?: readonly MemoryReward[];
  /**
   * Every customer's ledger, in any order. Seed it as the rules would have written it: the memory
   * adapter derives balances, expiries still due and check-in streaks from it, and awards the
   * badges its lines earned (first purchase, review, photo review, redemption, a 7-day streak).
   */
  readonly ledger?: readonly MemoryPointsEntry[];
  /** Badges the ledger can't show (`team_leader`), or earlier dates; the earliest date counts. */
  readonly badges?: readonly { readonly customerId: string; readonly id: string; readonly earnedAt: IsoDateTime }[];
}

/** An order as the merchant reports it (`POST /v1/admin/orders`). */
export interface MemoryOrderInput {
  readonly id: string;
  readonly customerId: string;
  readonly productIds: readonly string[];
  /** With a total in the purchase rule's currency, the order earns `floor(total / per) × points`, pending for `pendingDays`. */
  readonly total?: Money;
  /** Default now. Purchase points become available `pendingDays` after it. */
  readonly placedAt?: IsoDateTime;
  /** Confirms the customer's held seat in this group-buy team too (409 `seat_not_held` records nothing). */
  readonly teamId?: string;
  /** Referrals: the code the friend came with (any case); the order may become a conversion. */
  readonly referralCode?: string;
  /** Referrals: hex SHA-256 of the lower-cased email (the self-referral check compares it with the advocate's orders). */
  readonly emailHash?: string;
  /** Referrals: the buyer's IP, kept only as a salted hash for the `same_ip` check. */
  readonly ip?: string;
}

/** A reward the merchant adds (`POST /v1/admin/points/rewards`); `id` is generated when unset. */
export type MemoryRewardInput = Omit<MemoryReward, 'id'> & { readonly id?: string };

// ── the default program ─────────────────────────────────────────────────────────────────────

const usd = (minor: number): Money => ({ minor, currency: 'USD' });

/** Every program lists these six; the rules award them. */
export const POINTS_BADGES: readonly PointsBadge[] = [
  { id: 'first_purchase', name: 'First order', description: 'Earned points on a first order' },
  { id: 'first_review', name: 'First review', description: 'Earned points for a first review' },
  { id: 'photo_review', name: 'Photo reviewer', description: 'Earned points for a review with photos' },
  { id: 'streak_7', name: '7-day streak', description: 'Checked in seven days in a row' },
  { id: 'team_leader', name: 'Team leader', description: 'Led a group-buy team to success' },
  { id: 'first_redemption', name: 'First reward', description: 'Redeemed points for a first reward' },
];

/** The program of a shop without settings, as on the server. */
export const DEFAULT_POINTS_PROGRAM: PointsProgram = {
  name: 'Rewards',
  tiers: [
    { id: 'member', name: 'Member', threshold: 0 },
    { id: 'silver', name: 'Silver', threshold: 500, perks: ['Early access to sales'] },
    { id: 'gold', name: 'Gold', threshold: 2000, perks: ['Free shipping on every order', 'Early access to sales'] },
  ],
  earn: [
    { action: 'purchase', points: 1, per: usd(100) },
    { action: 'review', points: 20 },
    { action: 'photo_review', points: 50 },
    { action: 'share', points: 5, dailyCap: 3 },
    { action: 'referral', points: 100 },
    { action: 'check_in', points: 5, streakBonus: { everyDays: 7, points: 20 } },
  ],
  rewards: [],
  badges: POINTS_BADGES,
  expiryMonths: 12,
  pendingDays: 30,
  timeZone: 'UTC',
};

// ── time ────────────────────────────────────────────────────────────────────────────────────

const DAY = 86_400_000;
const EXPIRING_WITHIN = 30 * DAY;
const iso = (ms: number) => new Date(ms).toISOString();
const formats = new Map<string, Intl.DateTimeFormat>();

/** The calendar date (`YYYY-MM-DD`) at `ms` in an IANA zone. */
export function dayIn(ms: number, timeZone: string): string {
  let f = formats.get(timeZone);
  if (!f) formats.set(timeZone, (f = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })));
  const p: Record<string, string> = {};
  for (const { type, value } of f.formatToParts(ms)) p[type] = value;
  return `${p.year}-${p.month}-${p.day}`;
}

/** The date `n` days after a `YYYY-MM-DD` date. */
export const addDays = (day: string, n: number): string => iso(Date.parse(`${day}T00:00:00Z`) + n * DAY).slice(0, 10);

/** `ms` plus whole calendar months, the last day of a shorter month standing in (as PostgreSQL's interval arithmetic does). */
export function addMonths(ms: number, months: number): number {
  const d = new Date(ms);
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() + months);
  const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(day, last));
  return d.getTime();
}

const validZone = (timeZone: string) => {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
};

// ── codes ───────────────────────────────────────────────────────────────────────────────────

// A–Z and 2–9 without look-alikes (0/O, 1/I/L).
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/** `KITH-XXXX-XXXX` from a cryptographic random source. */
export function generateCode(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(8));
  const c = Array.from(bytes, (b) => CODE_ALPHABET[b % CODE_ALPHABET.length]).join('');
  return `KITH-${c.slice(0, 4)}-${c.slice(4)}`;
}

// ── the ledger ──────────────────────────────────────────────────────────────────────────────

interface Entry {
  readonly id: string;
  readonly customerId: string;
  readonly kind: PointsEntryKind;
  readonly action?: PointsAction;
  readonly points: number;
  readonly source: PointsEntry['source'];
  readonly note?: string;
  readonly createdAt: number;
  readonly availableAt?: number;
}

interface Reward {
  readonly id: string;
  title: string;
  description?: string;
  cost: number;
  kind: 'coupon' | 'perk';
  coupon?: PointsReward['coupon'];
  stock?: number;
  tierId?: string;
  active: boolean;
  /** Unused codes; undefined when no pool was ever imported. */
  pool?: string[];
}

/** What a team's confirmed seat tells the points domain (from group buy). */
export interface SeatConfirmed {
  readonly teamId: string;
  /** The team has succeeded (or closed after success), before or with this confirmation. */
  readonly succeeded: boolean;
  readonly leaderId: string | undefined;
  readonly confirmedIds: readonly string[];
  /** The campaign's `reward.points`, if any. */
  readonly rewardPoints: number | undefined;
}

const effectiveAt = (e: Entry) => e.availableAt ?? e.createdAt;
const byCodeUnit = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
/** Oldest first: `(effectiveAt, id)`. */
const ascending = (a: Entry, b: Entry) => effectiveAt(a) - effectiveAt(b) || byCodeUnit(a.id, b.id);
/** History order over `[0, effectiveAt, id]` keys: newest first, then id descending. */
const newestFirst = (a: SortKey, b: SortKey) => byCodeUnit(b[1], a[1]) || byCodeUnit(b[2], a[2]);
/** A review earns once, whichever of `review` and `photo_review`. */
const earnKey = (customerId: string, action: PointsAction, source: PointsEntry['source']) =>
  [customerId, action === 'photo_review' ? 'review' : action, source.type, source.id].join('\n');

const isInt = (v: unknown, min: number, max: number) => Number.isInteger(v) && (v as number) >= min && (v as number) <= max;
const isMoney = (m: Money | undefined) => !!m && Number.isInteger(m.minor) && m.minor >= 0 && /^[A-Z]{3}$/.test(m.currency);

function checkReward(r: MemoryRewardInput, tiers: readonly PointsTier[]): void {
  if (r.id !== undefined && !/^[\w-]{1,100}$/.test(r.id)) throw invalid('json.id', '1 to 100 of A-Z, a-z, 0-9, - and _');
  text(r.title, 'json.title', 1, 100);
  if (r.description !== undefined) text(r.description, 'json.description', 1, 500);
  if (!isInt(r.cost, 1, 10_000_000)) throw invalid('json.cost', 'Must be an integer from 1 to 10000000');
  if (r.kind !== 'coupon' && r.kind !== 'perk') throw invalid('json.kind', 'One of coupon, perk');
  if ((r.kind === 'coupon') !== !!r.coupon) throw invalid('json.coupon', 'A coupon reward needs coupon; a perk takes none');
  const c = r.coupon;
  if (c) {
    if ((c.amountOff === undefined) === (c.percentOff === undefined)) throw invalid('json.coupon', 'Exactly one of amountOff and percentOff');
    if (c.amountOff !== undefined && !isMoney(c.amountOff)) throw invalid('json.coupon.amountOff', 'Must be money');
    if (c.percentOff !== undefined && !isInt(c.percentOff, 1, 100)) throw invalid('json.coupon.percentOff', 'Must be an integer from 1 to 100');
    if (c.minimumSpend !== undefined && !isMoney(c.minimumSpend)) throw invalid('json.coupon.minimumSpend', 'Must be money');
    if (c.validDays !== undefined && !isInt(c.validDays, 1, 3650)) throw invalid('json.coupon.validDays', 'Must be an integer from 1 to 3650');
  }
  if (r.stock !== undefined && !isInt(r.stock, 0, 10_000_000)) throw invalid('json.stock', 'Must be an integer from 0 to 10000000');
  if (r.tierId !== undefined && !tiers.some((t) => t.id === r.tierId)) throw invalid('json.tierId', 'Must be one of the program’s tiers');
}

/** Redemptions left: the stock, or the unused pool codes when fewer; undefined when unlimited. */
const liveStock = (r: Reward): number | undefined => (r.pool ? Math.min(r.stock ?? Infinity, r.pool.length) : r.stock);

const rewardView = (r: Reward): PointsReward => {
  const stock = liveStock(r);
  return {
    id: r.id, title: r.title, ...(r.description ? { description: r.description } : {}), cost: r.cost, kind: r.kind,
    ...(r.coupon ? { coupon: r.coupon } : {}), ...(stock !== undefined ? { stock } : {}), ...(r.tierId !== undefined ? { tierId: r.tierId } : {}),
  };
};

function programOf(seed: MemoryPointsSeed['program']): PointsProgram {
  const p = { ...DEFAULT_POINTS_PROGRAM, ...seed, badges: POINTS_BADGES };
  if (!p.tiers.length || p.tiers[0]!.threshold !== 0 || p.tiers.some((t, i) => i > 0 && t.threshold <= p.tiers[i - 1]!.threshold)) {
    throw invalid('json.tiers', 'Tiers ascend by threshold from 0');
  }
  if (!validZone(p.timeZone)) throw invalid('json.timeZone', 'Must be an IANA time zone');
  return structuredClone(p);
}

/**
 * Points (积分) with the server's rules, per customer: an append-only ledger from which every
 * number is derived, exactly-once earns keyed by their source, check-ins by the program's day,
 * redemptions that never take a balance below 0 or a reward's stock below 0, purchase points
 * pending through the return window, refunds, expiry oldest first (applied lazily before every read
 * and write), tiers and badges. Callers clone what they return.
 */
export function createPoints(data: MemorySeed, now: () => number) {
  const seed = data.points ?? {};
  const program = programOf(seed.program);
  const ledgers = new Map<string, Entry[]>();
  const earned = new Set<string>();
  const badges = new Map<string, Map<string, number>>();
  const rewards: Reward[] = [];
  const issued = new Set<string>();
  let seq = 0;

  const nextId = (prefix: string) => `${prefix}_${(++seq).toString(36).padStart(6, '0')}${uuid().slice(0, 8)}`;
  const ledger = (customerId: string) => ledgers.get(customerId) ?? ledgers.set(customerId, []).get(customerId)!;
  const rule = (action: PointsAction) => program.earn.find((r) => r.action === action);
  const day = (ms: number) => dayIn(ms, program.timeZone);
  const expiresAt = (e: Entry) =>
    program.expiryMonths && (e.kind === 'earn' || (e.kind === 'adjust' && e.points > 0)) ? addMonths(effectiveAt(e), program.expiryMonths) : undefined;

  function append(e: Omit<Entry, 'id'> & { id?: string }): Entry {
    const entry: Entry = { ...e, id: e.id ?? nextId('pe') };
    ledger(entry.customerId).push(entry);
    if (entry.kind === 'earn') earned.add(earnKey(entry.customerId, entry.action!, entry.source));
    return entry;
  }

  function award(customerId: string, id: string, at: number) {
    const mine = badges.get(customerId) ?? badges.set(customerId, new Map()).get(customerId)!;
    if (!mine.has(id) || mine.get(id)! > at) mine.set(id, at);
  }

  // ── check-in days ──

  /** The day's streak: consecutive check-in days ending with it (0 when it has none). */
  function streakOn(customerId: string, date: string): number {
    const days = new Set(ledger(customerId).filter((e) => e.action === 'check_in').map((e) => e.source.id));
    let n = 0;
    while (days.has(addDays(date, -n))) n++;
    return n;
  }

  /** What a check-in with this streak earns: `[points, bonus]`. */
  function checkInPoints(streak: number): [number, number] {
    const r = rule('check_in');
    if (!r) return [0, 0];
    const b = r.streakBonus;
    return [r.points, b && b.everyDays > 0 && streak % b.everyDays === 0 ? b.points : 0];
  }

  /** Badges a line earns, by the rules. */
  function badgesFor(e: Entry) {
    const first = (id: string) => award(e.customerId, id, e.createdAt);
    if (e.kind === 'redeem') first('first_redemption');
    if (e.kind !== 'earn') return;
    if (e.action === 'purchase') first('first_purchase');
    if (e.action === 'review' || e.action === 'photo_review') first('first_review');
    if (e.action === 'photo_review') first('photo_review');
    if (e.action === 'check_in' && streakOn(e.customerId, e.source.id) >= 7) first('streak_7');
  }

  // ── loading ──

  for (const r of seed.rewards ?? []) addReward(r);
  const seeded = (seed.ledger ?? []).map((e, i) => {
    const createdAt = Date.parse(e.createdAt);
    const availableAt = e.availableAt === undefined ? undefined : Date.parse(e.availableAt);
    if (Number.isNaN(createdAt) || Number.isNaN(availableAt)) throw invalid(`points.ledger.${i}`, 'createdAt and availableAt are ISO date-times');
    if (!Number.isInteger(e.points)) throw invalid(`points.ledger.${i}.points`, 'Must be an integer');
    return append({
      ...(e.id ? { id: e.id } : {}), customerId: e.customerId, kind: e.kind, ...(e.action ? { action: e.action } : {}), points: e.points,
      source: { ...e.source }, ...(e.note ? { note: e.note } : {}), createdAt, ...(availableAt !== undefined ? { availableAt } : {}),
    });
  });
  for (const e of seeded.sort((a, b) => a.createdAt - b.createdAt)) badgesFor(e);
  for (const b of seed.badges ?? []) award(b.customerId, b.id, Date.parse(b.earnedAt));

  // ── derived numbers ──

  const isAvailable = (e: Entry, at: number) => effectiveAt(e) <= at;

  /**
   * Expiry by FIFO arithmetic, as on the server. Lots: available earns and positive adjusts, each
   * net of a reversal made while it was pending (that one has `availableAt`: it never left the
   * balance). Debits: redemptions, negative adjusts and reversals of available points; spending
   * consumes the oldest lots first. Expired: the `expire` lines so far. `left(by)`: the points of
   * lots expiring by `by` that are neither spent nor expired yet.
   */
  function fifo(customerId: string, at: number) {
    const lines = ledger(customerId);
    const reversed = new Map<string, number>();
    for (const e of lines) if (e.kind === 'reverse' && e.availableAt !== undefined) reversed.set(e.source.id, (reversed.get(e.source.id) ?? 0) + e.points);
    const lots = lines
      .filter((e) => isAvailable(e, at) && expiresAt(e) !== undefined)
      .map((e) => ({ expiresAt: expiresAt(e)!, points: e.points + (e.kind === 'earn' && e.action === 'purchase' ? reversed.get(e.source.id) ?? 0 : 0) }));
    const debits = lines
      .filter((e) => e.kind === 'redeem' || (e.kind === 'adjust' && e.points < 0) || (e.kind === 'reverse' && e.availableAt === undefined))
      .reduce((n, e) => n - e.points, 0);
    const expired = lines.filter((e) => e.kind === 'expire').reduce((n, e) => n - e.points, 0);
    const left = (by: number) => lots.filter((l) => l.expiresAt <= by).reduce((n, l) => n + l.points, 0) - debits - expired;
    return { lots, left };
  }

  /** Appends the expiry now due, if any: run before every read and write of a customer's points. */
  function applyExpiry(customerId: string) {
    if (!program.expiryMonths) return;
    const at = now();
    const due = Math.min(fifo(customerId, at).left(at), totals(customerId, at).balance);
    if (due > 0) append({ customerId, kind: 'expire', points: -due, source: { type: 'expiry', id: day(at) }, createdAt: at });
  }

  function totals(customerId: string, at: number) {
    let balance = 0;
    let pending = 0;
    let lifetime = 0;
    for (const e of ledger(customerId)) {
      if (isAvailable(e, at)) balance += e.points;
      else pending += e.points;
      if (e.kind === 'earn' || e.kind === 'reverse' || (e.kind === 'adjust' && e.points > 0)) lifetime += e.points;
    }
    return { balance, pending, lifetime };
  }

  const tierIndex = (lifetime: number) => program.tiers.reduce((found, t, i) => (t.threshold <= lifetime ? i : found), 0);

  /** The account as it stands; expiry must have been applied. */
  function accountOf(customerId: string): PointsAccount {
    const at = now();
    const { balance, pending, lifetime } = totals(customerId, at);
    const i = tierIndex(lifetime);
    const next = program.tiers[i + 1];
    const today = day(at);
    const checkedInToday = streakOn(customerId, today) > 0;
    const streak = streakOn(customerId, checkedInToday ? today : addDays(today, -1));
    const [points, bonus] = checkInPoints(streak + 1);
    let expiring: PointsAccount['expiring'] = null;
    if (program.expiryMonths) {
      const { lots, left } = fifo(customerId, at);
      const soon = [...new Set(lots.map((l) => l.expiresAt).filter((t) => t > at && t <= at + EXPIRING_WITHIN))].sort((a, b) => a - b);
      for (const t of soon) {
        const n = left(t);
        if (n > 0) {
          expiring = { points: n, at: iso(t) };
          break;
        }
      }
    }
    const names = new Map(program.badges.map((b) => [b.id, b.name]));
    return {
      balance, pending, lifetime,
      tier: program.tiers[i]!,
      nextTier: next ? { ...next, pointsNeeded: next.threshold - lifetime } : null,
      badges: [...(badges.get(customerId) ?? [])]
        .sort((a, b) => a[1] - b[1] || byCodeUnit(a[0], b[0]))
        .map(([id, earnedAt]) => ({ id, name: names.get(id) ?? id, earnedAt: iso(earnedAt) })),
      checkIn: { streak, checkedInToday, nextPoints: points + bonus },
      expiring,
      serverTime: iso(at),
    };
  }

  function account(customerId: string): PointsAccount {
    applyExpiry(customerId);
    return accountOf(customerId);
  }

  /** Every line of the customer's history with its sort key, oldest first; expiry must have been applied. */
  function lines(customerId: string): { entry: PointsEntry; key: SortKey }[] {
    const at = now();
    let running = 0;
    return [...ledger(customerId)].sort(ascending).map((e) => {
      const available = isAvailable(e, at);
      if (available) running += e.points;
      const expires = expiresAt(e);
      const entry: PointsEntry = {
        id: e.id, kind: e.kind, ...(e.action ? { action: e.action } : {}), points: e.points, source: e.source, ...(e.note ? { note: e.note } : {}),
        status: available ? 'available' : 'pending', ...(e.availableAt !== undefined ? { availableAt: iso(e.availableAt) } : {}),
        ...(expires !== undefined ? { expiresAt: iso(expires) } : {}), balanceAfter: available ? running : null, createdAt: iso(e.createdAt),
      };
      return { entry, key: [0, iso(effectiveAt(e)), e.id] };
    });
  }

  /** Newest first by `(effectiveAt, id)`; the running balance is computed over the whole ledger, then paged. */
  function history(customerId: string, q: { readonly cursor?: string | null; readonly limit?: number }): Page<PointsEntry> {
    const limit = limitOf(q.limit, 20);
    applyExpiry(customerId);
    const { items, nextCursor } = keysetPage(lines(customerId), (x) => x.key, q.cursor, limit, newestFirst);
    return { items: items.map((x) => x.entry), nextCursor };
  }

  /** One history line, with its running balance. */
  const lineOf = (e: Entry): PointsEntry => lines(e.customerId).find((x) => x.entry.id === e.id)!.entry;

  // ── earning ──

  /** Earns of an action the customer made today, in the program's days. */
  const earnedToday = (customerId: string, action: PointsAction) => {
    const today = day(now());
    return ledger(customerId).filter((e) => e.kind === 'earn' && e.action === action && day(e.createdAt) === today).length;
  };

  /**
   * Appends an earn with its badges unless its source earned before (`duplicate`) or the rule's
   * `dailyCap` is reached for today (`capped`); then nothing is written.
   */
  function earn(
    customerId: string, action: PointsAction, points: number, source: PointsEntry['source'], extra: { availableAt?: number; dailyCap?: number } = {},
  ): Entry | 'duplicate' | 'capped' {
    const { dailyCap, ...rest } = extra;
    if (earned.has(earnKey(customerId, action, source))) return 'duplicate';
    if (dailyCap !== undefined && earnedToday(customerId, action) >= dailyCap) return 'capped';
    const e = append({ customerId, kind: 'earn', action, points, source, createdAt: now(), ...rest });
    badgesFor(e);
    return e;
  }
  const notInProgram = (action: string) => conflict('not_in_program', `This shop's program has no ${action} rule`);

  function checkIn(customerId: string): PointsCheckIn {
    applyExpiry(customerId);
    if (!rule('check_in')) throw notInProgram('check_in');
    const today = day(now());
    if (streakOn(customerId, today)) throw conflict('already_checked_in', 'Already checked in today');
    const streak = streakOn(customerId, addDays(today, -1)) + 1;
    const [points, bonus] = checkInPoints(streak);
    const source = { type: 'check_in', id: today } as const;
    earn(customerId, 'check_in', points, source);
    if (bonus) earn(customerId, 'streak_bonus', bonus, source);
    return { points: points + bonus, bonus, streak, account: accountOf(customerId) };
  }

  /** A review became published: its author earns `photo_review` (with photos, when the rule exists) or `review`, once per review. */
  function reviewPublished(customerId: string, review: Review) {
    const action: PointsAction = review.media.length && rule('photo_review') ? 'photo_review' : 'review';
    const r = rule(action);
    if (r) earn(customerId, action, r.points, { type: 'review', id: review.id }, { dailyCap: r.dailyCap });
  }

  /**
   * A seat was confirmed: in a team that has succeeded, every confirmed member earns the
   * campaign's `reward.points` once per team, and its leader (when confirmed) gets `team_leader`.
   */
  function seatConfirmed(e: SeatConfirmed) {
    if (!e.succeeded) return;
    for (const id of e.confirmedIds) {
      if (e.rewardPoints) earn(id, 'team', e.rewardPoints, { type: 'team', id: e.teamId });
      if (id === e.leaderId) award(id, 'team_leader', now());
    }
  }

  /**
   * The merchant's earn for `share` and `referral` (`POST /v1/admin/points/earn`): once per source,
   * at most `dailyCap` a program day. 409 `not_in_program` without the rule.
   */
  function earnFor(customerId: string, action: PointsAction, sourceId: string): { entry: PointsEntry | null; capped: boolean; duplicate: boolean } {
    text(customerId, 'json.customerId', 1, 200);
    if (action !== 'share' && action !== 'referral') throw invalid('json.action', 'One of share, referral');
    const id = text(sourceId, 'json.sourceId', 1, 200);
    const r = rule(action);
    if (!r) throw notInProgram(action);
    applyExpiry(customerId);
    const e = earn(customerId, action, r.points, { type: action, id }, { dailyCap: r.dailyCap });
    return typeof e === 'string' ? { entry: null, capped: e === 'capped', duplicate: e === 'duplicate' } : { entry: lineOf(e), capped: false, duplicate: false };
  }

  // ── spending ──

  function redeem(customerId: string, rewardId: string): PointsRedemption {
    applyExpiry(customerId);
    const reward = rewards.find((r) => r.id === rewardId && r.active);
    if (!reward) throw notFound(`Reward ${rewardId}`);
    const at = now();
    const { balance, lifetime } = totals(customerId, at);
    if (reward.tierId !== undefined && tierIndex(lifetime) < program.tiers.findIndex((t) => t.id === reward.tierId)) {
      throw conflict('tier_required', 'This reward needs a higher tier');
    }
    if (liveStock(reward) === 0) throw conflict('out_of_stock', 'This reward is out of stock');
    if (balance < reward.cost) throw conflict('insufficient_points', 'Not enough points');
    let code = reward.pool?.shift();
    if (code === undefined) do code = generateCode(); while (issued.has(code));
    issued.add(code);
    if (reward.stock !== undefined) reward.stock--;
    const id = nextId('rd');
    append({ customerId, kind: 'redeem', points: -reward.cost, source: { type: 'redemption', id, label: reward.title }, createdAt: at });
    award(customerId, 'first_redemption', at);
    const validDays = reward.coupon?.validDays;
    return {
      id, rewardId: reward.id, rewardTitle: reward.title, points: reward.cost, code, ...(reward.coupon ? { coupon: reward.coupon } : {}),
      ...(validDays ? { expiresAt: iso(at + validDays * DAY) } : {}), createdAt: iso(at), account: accountOf(customerId),
    };
  }

  /** The merchant's adjustment (`POST /v1/admin/points/adjust`): never below 0 (409 `insufficient_points`). */
  function adjust(customerId: string, points: number, note: string): { entry: PointsEntry; account: PointsAccount } {
    text(customerId, 'json.customerId', 1, 200);
    if (!Number.isInteger(points) || points === 0 || Math.abs(points) > 1_000_000) throw invalid('json.points', 'A non-zero integer from -1000000 to 1000000');
    const why = text(note, 'json.note', 1, 200);
    applyExpiry(customerId);
    if (points < 0 && totals(customerId, now()).balance + points < 0) throw conflict('insufficient_points', 'The balance can’t go below 0');
    const id = nextId('pe');
    const e = append({ id, customerId, kind: 'adjust', points, source: { type: 'adjustment', id }, note: why, createdAt: now() });
    return { entry: lineOf(e), account: accountOf(customerId) };
  }

  // ── orders ──

  const orders = () => (data.orders ??= []);

  /** Checks a new order (400 `invalid_request`, 409 `already_exists`) before anything is written. */
  function checkOrder(o: MemoryOrderInput) {
    text(o.id, 'json.id', 1, 200);
    text(o.customerId, 'json.customerId', 1, 200);
    if (!Array.isArray(o.productIds)) throw invalid('json.productIds', 'Must be an array of product ids');
    if (o.total !== undefined && !isMoney(o.total)) throw invalid('json.total', 'Must be { minor, currency }');
    if (o.placedAt !== undefined && Number.isNaN(Date.parse(o.placedAt))) throw invalid('json.placedAt', 'Must be an ISO date-time');
    if (orders().some((x) => x.id === o.id)) throw conflict('already_exists', `Order ${o.id} already exists`);
  }

  /** Records a checked order (its products make the customer's reviews verified) and earns its purchase points. */
  function recordOrder(o: MemoryOrderInput) {
    const placedAt = o.placedAt ? Date.parse(o.placedAt) : now();
    const productIds = [...new Set(o.productIds)];
    orders().push({
      id: o.id, customerId: o.customerId, productIds, ...(o.total ? { total: { ...o.total } } : {}), placedAt: iso(placedAt), ...(o.teamId ? { teamId: o.teamId } : {}),
      ...(o.emailHash ? { emailHash: o.emailHash.toLowerCase() } : {}),
    });
    const r = rule('purchase');
    let points: { earned: number; availableAt: IsoDateTime } | null = null;
    if (o.total && r?.per && r.per.minor > 0 && o.total.currency === r.per.currency) {
      applyExpiry(o.customerId);
      const availableAt = placedAt + program.pendingDays * DAY;
      const earned = Math.floor(o.total.minor / r.per.minor) * r.points;
      const e = earned > 0 && earn(o.customerId, 'purchase', earned, { type: 'order', id: o.id }, { availableAt, dailyCap: r.dailyCap });
      if (e && typeof e !== 'string') points = { earned, availableAt: iso(availableAt) };
    }
    return { id: o.id, customerId: o.customerId, productIds, points };
  }

  /**
   * The merchant refunds a whole order (`POST /v1/admin/orders/{id}/refund`): its purchase points
   * are reversed, pending ones in full (net 0 at the same `availableAt`), available ones as far as
   * the balance goes (`shortfall`: points already spent). 404 unknown order; 409 `already_refunded`.
   */
  function refundOrder(orderId: string): { orderId: string; reversed: number; shortfall: number } {
    const list = orders();
    const i = list.findIndex((o) => o.id === orderId);
    if (i < 0) throw notFound(`Order ${orderId}`);
    const order = list[i]!;
    if (order.refundedAt) throw conflict('already_refunded', `Order ${orderId} was refunded already`);
    list[i] = { ...order, refundedAt: iso(now()) };
    const customerId = order.customerId;
    applyExpiry(customerId);
    const at = now();
    const source = { type: 'order', id: orderId } as const;
    const e = ledger(customerId).find((x) => x.kind === 'earn' && x.action === 'purchase' && x.source.type === 'order' && x.source.id === orderId);
    if (!e) return { orderId, reversed: 0, shortfall: 0 };
    const pending = !isAvailable(e, at);
    const reversed = pending ? e.points : Math.min(e.points, Math.max(0, totals(customerId, at).balance));
    if (reversed > 0) {
      // A pending earn's reversal waits with it (net 0 until then); an available one's takes effect now.
      append({ customerId, kind: 'reverse', action: 'purchase', points: -reversed, source, createdAt: at, ...(pending ? { availableAt: e.availableAt } : {}) });
    }
    return { orderId, reversed, shortfall: e.points - reversed };
  }

  /**
   * Takes back an available earn (a referral reward whose order was refunded): a `reverse` line
   * now, as far as the balance goes, once. Returns the points reversed.
   */
  function reverseEarn(customerId: string, action: PointsAction, sourceId: string): number {
    applyExpiry(customerId);
    const lines = ledger(customerId);
    const e = lines.find((x) => x.kind === 'earn' && x.action === action && x.source.id === sourceId);
    if (!e || lines.some((x) => x.kind === 'reverse' && x.action === action && x.source.id === sourceId)) return 0;
    const at = now();
    const reversed = Math.min(e.points, Math.max(0, totals(customerId, at).balance));
    if (reversed > 0) append({ customerId, kind: 'reverse', action, points: -reversed, source: { ...e.source }, createdAt: at });
    return reversed;
  }

  // ── rewards ──

  function addReward(input: MemoryRewardInput): PointsReward {
    checkReward(input, program.tiers);
    const id = input.id ?? nextId('rw');
    if (rewards.some((r) => r.id === id)) throw conflict('already_exists', `Reward ${id} already exists`);
    const r: Reward = {
      id, title: input.title.trim(), ...(input.description ? { description: input.description } : {}), cost: input.cost, kind: input.kind,
      ...(input.coupon ? { coupon: structuredClone(input.coupon) } : {}), ...(input.stock !== undefined ? { stock: input.stock } : {}),
      ...(input.tierId !== undefined ? { tierId: input.tierId } : {}), active: input.active ?? true,
      ...(input.codes ? { pool: [...new Set(input.codes)] } : {}),
    };
    rewards.push(r);
    return rewardView(r);
  }

  return {
    program: (): PointsProgram => ({
      ...program,
      rewards: rewards.filter((r) => r.active).sort((a, b) => a.cost - b.cost || byCodeUnit(a.id, b.id)).map(rewardView),
    }),
    account, history, checkIn, redeem, adjust, reviewPublished, seatConfirmed, checkOrder, recordOrder, refundOrder, reverseEarn, addReward,
    earn: earnFor,

    /** Changes a reward (the server's PATCH): any field, `active: false` withdraws it. */
    updateReward(id: string, patch: Partial<Omit<MemoryRewardInput, 'id' | 'codes'>>): PointsReward {
      const r = rewards.find((x) => x.id === id);
      if (!r) throw notFound(`Reward ${id}`);
      const { pool: _pool, ...current } = r;
      const next = { ...current, ...patch };
      checkReward(next, program.tiers);
      Object.assign(r, next);
      for (const k of ['description', 'coupon', 'stock', 'tierId'] as const) if (next[k] === undefined) delete r[k];
      return rewardView(r);
    },

    /** Adds codes to a reward's pool (`POST /v1/admin/points/rewards/{id}/codes`). */
    importCodes(id: string, codes: readonly string[]): { imported: number; duplicates: number; available: number } {
      const r = rewards.find((x) => x.id === id);
      if (!r) throw notFound(`Reward ${id}`);
      if (!Array.isArray(codes) || !codes.length || codes.length > 10_000 || codes.some((c) => !/^[\w-]{4,64}$/.test(c))) {
        throw invalid('json.codes', '1 to 10000 codes of 4 to 64 characters [A-Za-z0-9-_]');
      }
      const pool = (r.pool ??= []);
      let imported = 0;
      for (const c of codes) {
        if (pool.includes(c) || issued.has(c)) continue;
        pool.push(c);
        imported++;
      }
      return { imported, duplicates: codes.length - imported, available: pool.length };
    },
  };
}

export type MemoryPoints = ReturnType<typeof createPoints>;
export type { MemoryOrder };
