import type { Db } from '../../db.js';
import type {
  PointsAccountResponse,
  PointsActionName,
  PointsEntryPageResponse,
  PointsEntryResponse,
  PointsTierValue,
} from './schemas.js';
import { cursorTime, decodeCursor, encodeCursor, isCursorTime, params } from '../../storage/cursor.js';
import { iso } from '../../time.js';
import { BADGES, type BadgeId, type ProgramSettings } from './program.js';

/**
 * The ledger. Every number a customer sees is derived from append-only entries; every write
 * first locks the customer's account row, reads the clock and applies due expiries, so balance
 * checks and appends of one customer happen one after the other in every process.
 *
 * Time: `now` is the database's `clock_timestamp()` taken after the lock, as text with
 * microseconds, and every entry written under that lock is stamped with it. A writer that took
 * the lock before us committed entries stamped earlier than our `now`, so "available" (effective
 * at or before now) always includes them, whatever time our transaction began.
 */

type EntryKind = PointsEntryResponse['kind'];
type SourceType = PointsEntryResponse['source']['type'];

export type EntryRow = {
  id: string;
  kind: EntryKind;
  action: PointsActionName | null;
  points: number;
  source_type: SourceType;
  source_id: string;
  source_label: string | null;
  note: string | null;
  available_at: Date | string | null;
  created_at: Date | string;
  expires_at: Date | string | null;
  pending: boolean;
  balance_after: number | string | null;
  cursor_at: string;
  shortfall: number;
};

/** The database clock as cursor text (microseconds, UTC). */
export async function clock(db: Db): Promise<string> {
  const { rows } = await db.query<{ now: string }>(`SELECT ${cursorTime('clock_timestamp()')} AS now`);
  return rows[0]!.now;
}

/**
 * Locks the customers' account rows (made on first use) for the rest of the transaction, in id
 * order so two transactions locking several never wait on each other in a cycle. Returns the
 * clock read after the locks. With `skipLocked`, returns null when another transaction holds one.
 */
export async function lockAccounts(
  tx: Db,
  shopId: string,
  customerIds: readonly string[],
  o: { skipLocked?: boolean } = {},
): Promise<string | null> {
  const ids = [...new Set(customerIds)].sort();
  await tx.query(
    'INSERT INTO points_accounts (shop_id, customer_id) SELECT $1, unnest($2::text[]) ON CONFLICT DO NOTHING',
    [shopId, ids],
  );
  const { rows } = await tx.query(
    `SELECT customer_id FROM points_accounts WHERE shop_id = $1 AND customer_id = ANY($2) ORDER BY customer_id FOR UPDATE${o.skipLocked ? ' SKIP LOCKED' : ''}`,
    [shopId, ids],
  );
  if (rows.length < ids.length) return null;
  return clock(tx);
}

export const lockAccount = async (tx: Db, shopId: string, customerId: string): Promise<string> =>
  (await lockAccounts(tx, shopId, [customerId]))!;

// ── Writing ─────────────────────────────────────────────────────────────────────────────────

export interface NewEntry {
  readonly kind: EntryKind;
  readonly action?: PointsActionName;
  readonly points: number;
  readonly sourceType: SourceType;
  /** Absent for adjustments, whose source is the entry itself. */
  readonly sourceId?: string;
  readonly label?: string;
  readonly note?: string;
  /** Purchases (and their reversals): when the points become spendable. */
  readonly availableAt?: string | null;
  /** Lots (earns and positive adjustments): they expire this many months after taking effect. */
  readonly expiryMonths?: number | null;
  /** A reversal: the entry it undoes. */
  readonly reverses?: string;
  /** A reversal: the part of the earn the balance could not give back (lifetime only). */
  readonly shortfall?: number;
}

const ENTRY_COLUMNS = `id::text AS id, kind, action, points, shortfall, source_type, source_id, source_label, note, available_at, created_at, expires_at`;

/**
 * Appends an entry stamped `now`. Returns null when the earn key says this source already earned
 * (a duplicate is a no-op, not an error).
 */
export async function appendEntry(
  tx: Db,
  shopId: string,
  customerId: string,
  now: string,
  e: NewEntry,
): Promise<{ id: string } | null> {
  const lot = (e.kind === 'earn' || e.kind === 'adjust') && e.points > 0 && e.expiryMonths ? e.expiryMonths : null;
  const { rows } = await tx.query<{ id: string }>(
    `WITH n AS (SELECT nextval(pg_get_serial_sequence('points_entries', 'id')) AS id)
     INSERT INTO points_entries (id, shop_id, customer_id, kind, action, points, source_type, source_id, source_label, note, available_at, created_at, expires_at, reverses, shortfall)
     SELECT n.id, $1, $2, $3, $4, $5, $6, COALESCE($7, 'pe_' || n.id), $8, $9, $10::timestamptz, $11::timestamptz,
       COALESCE($10::timestamptz, $11::timestamptz) + make_interval(months => $12::integer), $13::bigint, $14
     FROM n ON CONFLICT DO NOTHING RETURNING id::text AS id`,
    [
      shopId,
      customerId,
      e.kind,
      e.action ?? null,
      e.points,
      e.sourceType,
      e.sourceId ?? null,
      e.label ?? null,
      e.note ?? null,
      e.availableAt ?? null,
      now,
      lot,
      e.reverses ?? null,
      e.shortfall ?? 0,
    ],
  );
  return rows[0] ?? null;
}

/**
 * A refund's reversal of an earn, under the caller's account lock (expiry applied): in full while
 * the earn is pending (the reversal stays pending with it, net 0), else as much as the balance
 * holds. Lifetime always loses the whole earn: what the balance could not give back is recorded as
 * the entry's `shortfall`, so tiers drop even when the points were spent. Once per source (the
 * `points_reverse_once` key), however the calls race.
 */
export async function reverseEarn(
  tx: Db,
  shopId: string,
  customerId: string,
  now: string,
  earn: {
    id: string;
    points: number;
    pending: boolean;
    availableAt: string | null;
    action: PointsActionName;
    sourceType: SourceType;
    sourceId: string;
  },
): Promise<{ reversed: number; shortfall: number }> {
  const reversed = earn.pending
    ? earn.points
    : Math.max(0, Math.min(earn.points, (await totals(tx, shopId, customerId, now)).balance));
  const shortfall = earn.points - reversed;
  await appendEntry(tx, shopId, customerId, now, {
    kind: 'reverse',
    action: earn.action,
    points: -reversed,
    shortfall,
    sourceType: earn.sourceType,
    sourceId: earn.sourceId,
    reverses: earn.id,
    availableAt: earn.pending ? earn.availableAt : null,
  });
  return { reversed, shortfall };
}

export async function awardBadge(
  tx: Db,
  shopId: string,
  customerId: string,
  badge: BadgeId,
  now: string,
): Promise<void> {
  await tx.query(
    'INSERT INTO points_badges (shop_id, customer_id, badge_id, earned_at) VALUES ($1, $2, $3, $4::timestamptz) ON CONFLICT DO NOTHING',
    [shopId, customerId, badge, now],
  );
}

// ── Sums ────────────────────────────────────────────────────────────────────────────────────

export interface Totals {
  readonly balance: number;
  readonly pending: number;
  readonly lifetime: number;
}

export async function totals(db: Db, shopId: string, customerId: string, now: string): Promise<Totals> {
  const { rows } = await db.query<Record<keyof Totals, string | number>>(
    `SELECT COALESCE(sum(points) FILTER (WHERE effective_at <= $3::timestamptz), 0) AS balance,
       COALESCE(sum(points) FILTER (WHERE effective_at > $3::timestamptz), 0) AS pending,
       COALESCE(sum(points) FILTER (WHERE kind IN ('earn', 'reverse') OR (kind = 'adjust' AND points > 0)), 0) - COALESCE(sum(shortfall), 0) AS lifetime
     FROM points_entries WHERE shop_id = $1 AND customer_id = $2`,
    [shopId, customerId, now],
  );
  const r = rows[0]!;
  return { balance: Number(r.balance), pending: Number(r.pending), lifetime: Number(r.lifetime) };
}

// ── Expiry (oldest first) ───────────────────────────────────────────────────────────────────

/**
 * Points due to expire at `now`, FIFO: lots (earns and positive adjustments) whose expiry has
 * passed, each net of the reversal made while it was pending (`available_at` set: it never left
 * the balance), minus everything spent (redemptions, negative adjustments, reversals of available
 * points) and everything expired so far. Spending always takes the oldest lots first and expiry
 * is applied before every debit, so what is left of the due lots is exactly that difference.
 * Takes SQL expressions for the shop, the customer and now.
 */
const dueSql = (shop: string, customer: string, now: string) => `
  SELECT COALESCE(sum(e.points) FILTER (WHERE e.expires_at <= ${now}
                                        OR (e.kind = 'reverse' AND e.available_at IS NOT NULL AND lot.expires_at <= ${now})), 0)
       + COALESCE(sum(e.points) FILTER (WHERE e.kind IN ('redeem', 'expire') OR (e.kind = 'adjust' AND e.points < 0)
                                        OR (e.kind = 'reverse' AND e.available_at IS NULL)), 0) AS due
  FROM points_entries e LEFT JOIN points_entries lot ON lot.id = e.reverses
  WHERE e.shop_id = ${shop} AND e.customer_id = ${customer}`;

export async function dueToExpire(db: Db, shopId: string, customerId: string, now: string): Promise<number> {
  const { rows } = await db.query<{ due: string | number }>(dueSql('$1', '$2', '$3::timestamptz'), [
    shopId,
    customerId,
    now,
  ]);
  return Math.max(0, Number(rows[0]!.due));
}

/** The program day (`YYYY-MM-DD` in its time zone) of a timestamp. */
export async function programDay(db: Db, now: string, timeZone: string): Promise<string> {
  const { rows } = await db.query<{ day: string }>('SELECT (($1::timestamptz) AT TIME ZONE $2)::date::text AS day', [
    now,
    timeZone,
  ]);
  return rows[0]!.day;
}

/**
 * Under the caller's account lock: appends one `expire` entry for what is due, never more than the
 * balance. Running it again finds nothing more to expire. Returns the points expired.
 */
export async function applyExpiry(
  tx: Db,
  shopId: string,
  customerId: string,
  now: string,
  timeZone: string,
): Promise<number> {
  const due = await dueToExpire(tx, shopId, customerId, now);
  if (!due) return 0;
  const amount = Math.min(due, (await totals(tx, shopId, customerId, now)).balance);
  if (amount <= 0) return 0;
  await appendEntry(tx, shopId, customerId, now, {
    kind: 'expire',
    points: -amount,
    sourceType: 'expiry',
    sourceId: await programDay(tx, now, timeZone),
  });
  return amount;
}

/**
 * Reads apply expiry lazily: a cheap check without a lock, and only when something is due a short
 * locked transaction that checks again and appends the entry.
 */
export async function expireDue(db: Db, shopId: string, customerId: string, timeZone: string): Promise<number> {
  if (!(await dueToExpire(db, shopId, customerId, await clock(db)))) return 0;
  return db.transaction(async (tx) =>
    applyExpiry(tx, shopId, customerId, await lockAccount(tx, shopId, customerId), timeZone),
  );
}

/**
 * The scheduler's part: customers with points due, each settled in its own short transaction.
 * Accounts another process holds are skipped (it applies expiry itself). Returns how many expired.
 */
export async function applyDueExpiries(db: Db, o: { limit?: number; skipLocked?: boolean } = {}): Promise<number> {
  const { rows } = await db.query<{ shop_id: string; customer_id: string; time_zone: string | null }>(
    `WITH now AS (SELECT clock_timestamp() AS t),
     candidates AS (SELECT DISTINCT e.shop_id, e.customer_id FROM points_entries e, now WHERE e.expires_at <= now.t)
     SELECT c.shop_id, c.customer_id, p.time_zone FROM candidates c CROSS JOIN now
       LEFT JOIN points_programs p ON p.shop_id = c.shop_id
       CROSS JOIN LATERAL (${dueSql('c.shop_id', 'c.customer_id', 'now.t')}) d
     WHERE d.due > 0 LIMIT $1`,
    [o.limit ?? 200],
  );
  let expired = 0;
  for (const r of rows) {
    expired += await db.transaction(async (tx) => {
      const now = await lockAccounts(tx, r.shop_id, [r.customer_id], { skipLocked: o.skipLocked });
      return now === null ? 0 : applyExpiry(tx, r.shop_id, r.customer_id, now, r.time_zone ?? 'UTC');
    });
  }
  return expired;
}

/**
 * The soonest points to expire within 30 days that would still be left, by the same arithmetic:
 * for each coming expiry date, the lots due by then less everything spent and expired.
 */
async function expiring(
  db: Db,
  shopId: string,
  customerId: string,
  now: string,
): Promise<PointsAccountResponse['expiring']> {
  // One after the other: `db` may be a transaction's single connection.
  const {
    rows: [spent],
  } = await db.query<{ spent: string | number }>(
    `SELECT COALESCE(-sum(points), 0) AS spent FROM points_entries WHERE shop_id = $1 AND customer_id = $2
       AND (kind IN ('redeem', 'expire') OR (kind = 'adjust' AND points < 0) OR (kind = 'reverse' AND available_at IS NULL))`,
    [shopId, customerId],
  );
  const { rows: lots } = await db.query<{ expires_at: Date | string; net: string | number; due: boolean }>(
    `SELECT l.expires_at, l.expires_at <= $3::timestamptz AS due,
       l.points + COALESCE((SELECT sum(r.points) FROM points_entries r WHERE r.reverses = l.id AND r.available_at IS NOT NULL), 0) AS net
     FROM points_entries l
     WHERE l.shop_id = $1 AND l.customer_id = $2 AND l.expires_at <= $3::timestamptz + interval '30 days'
     ORDER BY l.expires_at, l.id`,
    [shopId, customerId, now],
  );
  let left = -Number(spent!.spent);
  for (let i = 0; i < lots.length;) {
    // Every lot expiring at the same instant counts towards it.
    const at = iso(lots[i]!.expires_at);
    const due = lots[i]!.due;
    for (; i < lots.length && iso(lots[i]!.expires_at) === at; i++) left += Number(lots[i]!.net);
    if (!due && left > 0) return { points: left, at };
  }
  return null;
}

// ── Reading ─────────────────────────────────────────────────────────────────────────────────

export function tierOf(
  tiers: readonly PointsTierValue[],
  lifetime: number,
): { tier: PointsTierValue; next: PointsAccountResponse['nextTier'] } {
  let i = 0;
  while (i + 1 < tiers.length && tiers[i + 1]!.threshold <= lifetime) i++;
  const next = tiers[i + 1];
  return { tier: tiers[i]!, next: next ? { ...next, pointsNeeded: next.threshold - lifetime } : null };
}

/** Today's and yesterday's check-in (their streaks, or null) in the program's time zone. */
export async function checkInState(db: Db, shopId: string, customerId: string, now: string, timeZone: string) {
  const { rows } = await db.query<{
    today: string;
    yesterday: string;
    today_streak: number | null;
    yesterday_streak: number | null;
  }>(
    `WITH d AS (SELECT (($3::timestamptz) AT TIME ZONE $4)::date AS today)
     SELECT d.today::text AS today, (d.today - 1)::text AS yesterday,
       (SELECT streak FROM points_check_ins WHERE shop_id = $1 AND customer_id = $2 AND day = d.today) AS today_streak,
       (SELECT streak FROM points_check_ins WHERE shop_id = $1 AND customer_id = $2 AND day = d.today - 1) AS yesterday_streak
     FROM d`,
    [shopId, customerId, now, timeZone],
  );
  const r = rows[0]!;
  return { day: r.today, today: r.today_streak, yesterday: r.yesterday_streak };
}

/** What a check-in on a streak of `streak` days earns: the rule's points, plus the bonus on every `everyDays`-th day. */
export function checkInPoints(program: ProgramSettings, streak: number): { points: number; bonus: number } {
  const rule = program.earn.find((r) => r.action === 'check_in');
  if (!rule) return { points: 0, bonus: 0 };
  const bonus = rule.streakBonus && streak % rule.streakBonus.everyDays === 0 ? rule.streakBonus.points : 0;
  return { points: rule.points + bonus, bonus };
}

const BADGE_NAMES = new Map<string, string>(BADGES.map((b) => [b.id, b.name]));

/** The customer's standing at `now`, every number from the ledger. */
export async function accountView(
  db: Db,
  shopId: string,
  customerId: string,
  program: ProgramSettings,
  now: string,
): Promise<PointsAccountResponse> {
  // One after the other: `db` may be a transaction's single connection.
  const sums = await totals(db, shopId, customerId, now);
  const soon = await expiring(db, shopId, customerId, now);
  const badges = await db.query<{ badge_id: string; earned_at: Date | string }>(
    'SELECT badge_id, earned_at FROM points_badges WHERE shop_id = $1 AND customer_id = $2 ORDER BY earned_at, badge_id',
    [shopId, customerId],
  );
  const checkIn = await checkInState(db, shopId, customerId, now, program.timeZone);
  const { tier, next } = tierOf(program.tiers, sums.lifetime);
  const nextStreak = checkIn.today !== null ? checkIn.today + 1 : (checkIn.yesterday ?? 0) + 1;
  return {
    balance: sums.balance,
    pending: sums.pending,
    lifetime: sums.lifetime,
    tier,
    nextTier: next,
    badges: badges.rows.map((b) => ({
      id: b.badge_id,
      name: BADGE_NAMES.get(b.badge_id) ?? b.badge_id,
      earnedAt: iso(b.earned_at),
    })),
    checkIn: {
      streak: checkIn.today ?? checkIn.yesterday ?? 0,
      checkedInToday: checkIn.today !== null,
      nextPoints: checkInPoints(program, nextStreak).points,
    },
    expiring: soon,
    serverTime: iso(now),
  };
}

/**
 * The history, newest first by `(effective_at, id)`. The running balance is a window over the
 * customer's whole ledger (oldest first, available entries only), computed before paging, so it
 * is right on every page. Cursor: the last row's effective time and id.
 */
export async function history(
  db: Db,
  shopId: string,
  customerId: string,
  now: string,
  q: { cursor?: string; limit: number; id?: string },
): Promise<PointsEntryPageResponse> {
  const { values, p } = params([shopId, customerId, now]);
  const where: string[] = [];
  if (q.cursor) {
    const [at, id] = decodeCursor(
      q.cursor,
      'points',
      (v) => v.length === 2 && isCursorTime(v[0]) && typeof v[1] === 'string' && /^\d{1,19}$/.test(v[1]),
    );
    const t = p(at);
    where.push(`(effective_at < ${t}::timestamptz OR (effective_at = ${t}::timestamptz AND seq < ${p(id)}::bigint))`);
  }
  if (q.id) where.push(`seq = ${p(q.id)}::bigint`);
  const { rows } = await db.query<EntryRow>(
    `WITH ledger AS (
       SELECT id AS seq, ${ENTRY_COLUMNS}, effective_at, effective_at > $3::timestamptz AS pending,
         sum(CASE WHEN effective_at <= $3::timestamptz THEN points ELSE 0 END) OVER (ORDER BY effective_at, id) AS balance_after,
         ${cursorTime('effective_at')} AS cursor_at
       FROM points_entries WHERE shop_id = $1 AND customer_id = $2)
     SELECT * FROM ledger${where.length ? ` WHERE ${where.join(' AND ')}` : ''}
     ORDER BY effective_at DESC, seq DESC LIMIT ${p(q.limit + 1)}`,
    values,
  );
  const page = rows.slice(0, q.limit);
  const last = page.at(-1);
  return {
    items: page.map(toEntry),
    nextCursor: rows.length > q.limit && last ? encodeCursor('points', [last.cursor_at, last.id]) : null,
  };
}

export async function entryById(
  db: Db,
  shopId: string,
  customerId: string,
  now: string,
  id: string,
): Promise<PointsEntryResponse> {
  return (await history(db, shopId, customerId, now, { limit: 1, id })).items[0]!;
}

export function toEntry(r: EntryRow): PointsEntryResponse {
  const lot = (r.kind === 'earn' || r.kind === 'adjust') && r.points > 0;
  return {
    id: `pe_${r.id}`,
    kind: r.kind,
    ...(r.action ? { action: r.action } : {}),
    points: r.points,
    ...(r.shortfall ? { shortfall: r.shortfall } : {}),
    source: { type: r.source_type, id: r.source_id, ...(r.source_label ? { label: r.source_label } : {}) },
    ...(r.note ? { note: r.note } : {}),
    status: r.pending ? 'pending' : 'available',
    ...(r.available_at ? { availableAt: iso(r.available_at) } : {}),
    ...(lot && r.expires_at ? { expiresAt: iso(r.expires_at) } : {}),
    balanceAfter: r.pending || r.balance_after === null ? null : Number(r.balance_after),
    createdAt: iso(r.created_at),
  };
}
