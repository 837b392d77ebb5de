import { randomUUID } from 'node:crypto';
import type { Db } from '../../db.js';
import { conflict, notFound } from '../../errors.js';
import type {
  PointsAccountResponse,
  PointsActionName,
  PointsCheckInResponse,
  PointsEarnResponse,
  PointsEntryPageResponse,
  PointsEntryResponse,
  PointsRedeemedWebhookData,
  PointsRedemptionResponse,
} from './schemas.js';
import type { MoneyValue } from '../../schemas/common.js';
import {
  accountView,
  applyExpiry,
  appendEntry,
  awardBadge,
  checkInPoints,
  checkInState,
  clock,
  entryById,
  expireDue,
  history,
  lockAccount,
  lockAccounts,
  tierOf,
  totals,
} from './ledger.js';
import { cursorTime } from '../../storage/cursor.js';
import { couponOf, getProgramSettings, liveStock, reviewEarnRule, rewardRow, type ProgramSettings } from './program.js';
import { queueWebhook } from '../webhooks/storage.js';
import { codeChars } from '../../codes.js';
import { iso } from '../../time.js';

/**
 * What earns and spends points. Each write is one transaction that locks the customer's account
 * first (see points-ledger.ts), applies due expiries, then checks and appends. Earns are keyed by
 * their source in the database, so a repeated source is a no-op however the calls race.
 */

const insufficient = () => conflict('insufficient_points', 'Not enough points');

/** A read runs on one snapshot, so the account and the history agree with each other. */
async function snapshot<R>(db: Db, fn: (tx: Db) => Promise<R>): Promise<R> {
  return db.transaction(async (tx) => {
    await tx.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ');
    return fn(tx);
  });
}

// ── Reads ───────────────────────────────────────────────────────────────────────────────────

export async function getAccount(db: Db, shopId: string, customerId: string): Promise<PointsAccountResponse> {
  const program = await getProgramSettings(db, shopId);
  await expireDue(db, shopId, customerId, program.timeZone);
  return snapshot(db, async (tx) => accountView(tx, shopId, customerId, program, await clock(tx)));
}

export async function getHistory(
  db: Db,
  shopId: string,
  customerId: string,
  q: { cursor?: string; limit: number },
): Promise<PointsEntryPageResponse> {
  const program = await getProgramSettings(db, shopId);
  await expireDue(db, shopId, customerId, program.timeZone);
  return snapshot(db, async (tx) => history(tx, shopId, customerId, await clock(tx), q));
}

/** The merchant's view of one customer: the account and a page of the history. */
export async function getCustomer(db: Db, shopId: string, customerId: string, q: { cursor?: string; limit: number }) {
  const program = await getProgramSettings(db, shopId);
  await expireDue(db, shopId, customerId, program.timeZone);
  return snapshot(db, async (tx) => {
    const now = await clock(tx);
    return {
      account: await accountView(tx, shopId, customerId, program, now),
      history: await history(tx, shopId, customerId, now, q),
    };
  });
}

// ── Earning ─────────────────────────────────────────────────────────────────────────────────

interface Earn {
  readonly action: PointsActionName;
  readonly points: number;
  readonly sourceType: 'order' | 'review' | 'check_in' | 'team' | 'share' | 'referral';
  readonly sourceId: string;
  readonly availableAt?: string;
  /** The rule's daily cap, in the program's days. */
  readonly dailyCap?: number;
}

type Earned = { entryId: string } | { capped: true } | { duplicate: true };

/** Has this source earned already? (`review` and `photo_review` share one key.) */
async function earnedBefore(tx: Db, shopId: string, customerId: string, e: Earn): Promise<boolean> {
  const review = e.action === 'review' || e.action === 'photo_review';
  const { rows } = await tx.query(
    `SELECT 1 FROM points_entries WHERE shop_id = $1 AND customer_id = $2 AND kind = 'earn' AND source_type = $3 AND source_id = $4
       AND ${review ? "action IN ('review', 'photo_review')" : 'action = $5'} LIMIT 1`,
    review ? [shopId, customerId, e.sourceType, e.sourceId] : [shopId, customerId, e.sourceType, e.sourceId, e.action],
  );
  return rows.length > 0;
}

async function earnedToday(
  tx: Db,
  shopId: string,
  customerId: string,
  action: PointsActionName,
  now: string,
  timeZone: string,
): Promise<number> {
  const { rows } = await tx.query<{ n: number }>(
    `WITH d AS (SELECT (($4::timestamptz) AT TIME ZONE $5)::date AS day)
     SELECT count(*)::int AS n FROM points_entries, d WHERE shop_id = $1 AND customer_id = $2 AND kind = 'earn' AND action = $3
       AND created_at >= (d.day::timestamp AT TIME ZONE $5) AND created_at < ((d.day + 1)::timestamp AT TIME ZONE $5)`,
    [shopId, customerId, action, now, timeZone],
  );
  return rows[0]!.n;
}

/**
 * Credits an earn under the caller's account lock (taken at `now`), with its badges. A source that
 * earned before is a no-op; over the rule's daily cap nothing is written.
 */
async function credit(
  tx: Db,
  shopId: string,
  customerId: string,
  now: string,
  program: ProgramSettings,
  e: Earn,
): Promise<Earned> {
  if (await earnedBefore(tx, shopId, customerId, e)) return { duplicate: true };
  if (
    e.dailyCap !== undefined &&
    (await earnedToday(tx, shopId, customerId, e.action, now, program.timeZone)) >= e.dailyCap
  )
    return { capped: true };
  const row = await appendEntry(tx, shopId, customerId, now, {
    kind: 'earn',
    action: e.action,
    points: e.points,
    sourceType: e.sourceType,
    sourceId: e.sourceId,
    availableAt: e.availableAt ?? null,
    expiryMonths: program.expiryMonths,
  });
  if (!row) return { duplicate: true };
  if (e.action === 'purchase') await awardBadge(tx, shopId, customerId, 'first_purchase', now);
  if (e.action === 'review' || e.action === 'photo_review')
    await awardBadge(tx, shopId, customerId, 'first_review', now);
  if (e.action === 'photo_review') await awardBadge(tx, shopId, customerId, 'photo_review', now);
  return { entryId: row.id };
}

const ruleFor = (program: ProgramSettings, action: PointsActionName) => program.earn.find((r) => r.action === action);
const notInProgram = (action: string) => conflict('not_in_program', `This shop's program has no ${action} rule`);

/**
 * A share or referral the merchant (or the referrals domain) reports. The same sourceId earns
 * once; over the rule's daily cap the answer says `capped` and nothing is written. 409
 * `not_in_program` when the program has no rule for the action.
 */
export const earnPoints = (db: Db, shopId: string, input: EarnInput): Promise<PointsEarnResponse> =>
  db.transaction((tx) => earnPointsIn(tx, shopId, input));

export interface EarnInput {
  readonly customerId: string;
  readonly action: 'share' | 'referral';
  readonly sourceId: string;
}

/** `earnPoints` in the caller's transaction (a referral recorded with the order that completes it, say). */
export async function earnPointsIn(tx: Db, shopId: string, input: EarnInput): Promise<PointsEarnResponse> {
  const program = await getProgramSettings(tx, shopId);
  const rule = ruleFor(program, input.action);
  if (!rule) throw notInProgram(input.action);
  const now = await lockAccount(tx, shopId, input.customerId);
  await applyExpiry(tx, shopId, input.customerId, now, program.timeZone);
  const earned = await credit(tx, shopId, input.customerId, now, program, {
    action: input.action,
    points: rule.points,
    sourceType: input.action,
    sourceId: input.sourceId,
    dailyCap: rule.dailyCap,
  });
  if ('entryId' in earned)
    return {
      entry: await entryById(tx, shopId, input.customerId, now, earned.entryId),
      capped: false,
      duplicate: false,
    };
  return { entry: null, capped: 'capped' in earned, duplicate: 'duplicate' in earned };
}

/**
 * A referral conversion approved, in the caller's transaction: the advocate earns the referral
 * reward's `points` (the referral settings decide them, so no program rule or daily cap applies),
 * available at once, once per conversion (source id = the conversion id).
 */
export async function earnReferralIn(
  tx: Db,
  shopId: string,
  input: { customerId: string; sourceId: string; points: number },
): Promise<{ entryId: string } | null> {
  if (input.points <= 0) return null;
  const program = await getProgramSettings(tx, shopId);
  const now = await lockAccount(tx, shopId, input.customerId);
  await applyExpiry(tx, shopId, input.customerId, now, program.timeZone);
  const earned = await credit(tx, shopId, input.customerId, now, program, {
    action: 'referral',
    points: input.points,
    sourceType: 'referral',
    sourceId: input.sourceId,
  });
  return 'entryId' in earned ? earned : null;
}

/**
 * A review just published (at submit or by a moderator), in the caller's transaction: its author
 * earns `photo_review` when it has photos and the program has that rule, else `review`. A review
 * earns once, whichever rule it was.
 */
export async function earnForReview(
  tx: Db,
  shopId: string,
  review: { id: string; customerId: string; mediaCount: number },
): Promise<void> {
  const program = await getProgramSettings(tx, shopId);
  const rule = reviewEarnRule(program, review.mediaCount);
  if (!rule) return;
  const now = await lockAccount(tx, shopId, review.customerId);
  await applyExpiry(tx, shopId, review.customerId, now, program.timeZone);
  await credit(tx, shopId, review.customerId, now, program, {
    action: rule.action,
    points: rule.points,
    sourceType: 'review',
    sourceId: review.id,
    dailyCap: rule.dailyCap,
  });
}

/** What an order's total earns under the purchase rule: floor(total / per) × points, in the rule's currency only. */
export function purchasePoints(program: ProgramSettings, total: MoneyValue | undefined): number {
  const rule = ruleFor(program, 'purchase');
  if (!total || !rule?.per || total.currency !== rule.per.currency) return 0;
  return Math.floor(total.minor / rule.per.minor) * rule.points;
}

/**
 * An order just recorded, in the caller's transaction: purchase points, pending until
 * `placedAt + pendingDays` (so an old order's points are available at once).
 */
export async function earnForOrder(
  tx: Db,
  shopId: string,
  order: { id: string; customerId: string; total?: MoneyValue },
): Promise<{ earned: number; availableAt: string } | null> {
  const program = await getProgramSettings(tx, shopId);
  const points = purchasePoints(program, order.total);
  if (!points) return null;
  const now = await lockAccount(tx, shopId, order.customerId);
  await applyExpiry(tx, shopId, order.customerId, now, program.timeZone);
  const {
    rows: [o],
  } = await tx.query<{ available_at: string }>(
    `SELECT ${cursorTime('(placed_at + make_interval(days => $3))')} AS available_at FROM orders WHERE shop_id = $1 AND id = $2`,
    [shopId, order.id, program.pendingDays],
  );
  const earned = await credit(tx, shopId, order.customerId, now, program, {
    action: 'purchase',
    points,
    sourceType: 'order',
    sourceId: order.id,
    availableAt: o!.available_at,
    dailyCap: ruleFor(program, 'purchase')?.dailyCap,
  });
  return 'entryId' in earned ? { earned: points, availableAt: iso(o!.available_at) } : null;
}

/**
 * A group-buy team that has succeeded, in the transaction that confirmed a seat: each confirmed
 * member earns the campaign's `reward.points` once per team (available at once), and its leader
 * gets `team_leader`. Every account is locked up front in id order.
 */
export async function earnForTeam(
  tx: Db,
  shopId: string,
  team: { id: string; rewardPoints: number | null; confirmed: readonly { customerId: string; leader: boolean }[] },
): Promise<void> {
  if (!team.confirmed.length) return;
  const program = await getProgramSettings(tx, shopId);
  const now = (await lockAccounts(
    tx,
    shopId,
    team.confirmed.map((m) => m.customerId),
  ))!;
  for (const m of team.confirmed) {
    await applyExpiry(tx, shopId, m.customerId, now, program.timeZone);
    if (team.rewardPoints)
      await credit(tx, shopId, m.customerId, now, program, {
        action: 'team',
        points: team.rewardPoints,
        sourceType: 'team',
        sourceId: team.id,
      });
    if (m.leader) await awardBadge(tx, shopId, m.customerId, 'team_leader', now);
  }
}

/** Today's check-in (in the program's time zone): the rule's points, a streak bonus on every `everyDays`-th day. */
export async function checkIn(db: Db, shopId: string, customerId: string): Promise<PointsCheckInResponse> {
  const program = await getProgramSettings(db, shopId);
  if (!ruleFor(program, 'check_in')) throw notInProgram('check_in');
  return db.transaction(async (tx) => {
    const now = await lockAccount(tx, shopId, customerId);
    await applyExpiry(tx, shopId, customerId, now, program.timeZone);
    const state = await checkInState(tx, shopId, customerId, now, program.timeZone);
    const alreadyToday = () => conflict('already_checked_in', 'Already checked in today');
    if (state.today !== null) throw alreadyToday();
    const streak = (state.yesterday ?? 0) + 1;
    const { rows } = await tx.query(
      `INSERT INTO points_check_ins (shop_id, customer_id, day, streak, created_at) VALUES ($1, $2, $3::date, $4, $5::timestamptz)
       ON CONFLICT DO NOTHING RETURNING day`,
      [shopId, customerId, state.day, streak, now],
    );
    if (!rows.length) throw alreadyToday();
    const { points, bonus } = checkInPoints(program, streak);
    const day = { sourceType: 'check_in' as const, sourceId: state.day };
    const base = await credit(tx, shopId, customerId, now, program, {
      action: 'check_in',
      points: points - bonus,
      ...day,
    });
    if (!('entryId' in base)) throw alreadyToday();
    if (bonus) await credit(tx, shopId, customerId, now, program, { action: 'streak_bonus', points: bonus, ...day });
    if (streak >= 7) await awardBadge(tx, shopId, customerId, 'streak_7', now);
    return { points, bonus, streak, account: await accountView(tx, shopId, customerId, program, now) };
  });
}

// ── Spending ────────────────────────────────────────────────────────────────────────────────

/** `KITH-XXXX-XXXX`. */
export const generateCode = () => `KITH-${codeChars(4)}-${codeChars(4)}`;

/** A generated code no pool or redemption of the shop holds. */
async function freshCode(tx: Db, shopId: string): Promise<string> {
  for (;;) {
    const code = generateCode();
    const { rows } = await tx.query(
      'SELECT 1 FROM points_redemptions WHERE shop_id = $1 AND code = $2 UNION ALL SELECT 1 FROM points_reward_codes WHERE shop_id = $1 AND code = $2',
      [shopId, code],
    );
    if (!rows.length) return code;
  }
}

/**
 * Spends points on a reward, in one transaction under the account lock: due expiries first, then
 * refusals in order (unknown or inactive 404, tier, stock, balance), a conditional stock
 * decrement, a code (the pool's oldest unused one, claimed with SKIP LOCKED, or a generated one),
 * the `redeem` entry, the redemption, the `first_redemption` badge and the signed webhook.
 */
export async function redeem(
  db: Db,
  shopId: string,
  customerId: string,
  rewardId: string,
): Promise<PointsRedemptionResponse> {
  const program = await getProgramSettings(db, shopId);
  return db.transaction(async (tx) => {
    const now = await lockAccount(tx, shopId, customerId);
    await applyExpiry(tx, shopId, customerId, now, program.timeZone);
    const reward = await rewardRow(tx, shopId, rewardId);
    if (!reward || !reward.active) throw notFound(`Reward ${rewardId}`);
    const sums = await totals(tx, shopId, customerId, now);
    if (reward.tier_id) {
      const need = program.tiers.findIndex((t) => t.id === reward.tier_id);
      const have = program.tiers.indexOf(tierOf(program.tiers, sums.lifetime).tier);
      if (need < 0 || have < need)
        throw conflict('tier_required', `This reward needs the ${program.tiers[need]?.name ?? reward.tier_id} tier`);
    }
    const outOfStock = () => conflict('out_of_stock', 'This reward is out of stock');
    if (liveStock(reward) === 0) throw outOfStock();
    if (sums.balance < reward.cost) throw insufficient();

    if (reward.stock !== null) {
      const taken = await tx.query(
        'UPDATE points_rewards SET stock = stock - 1, updated_at = now() WHERE shop_id = $1 AND id = $2 AND stock > 0 RETURNING stock',
        [shopId, rewardId],
      );
      if (!taken.rows.length) throw outOfStock();
    }
    const id = `rdm_${randomUUID()}`;
    let code: string;
    if (reward.pool_imported) {
      const claimed = await tx.query<{ code: string }>(
        `UPDATE points_reward_codes SET redemption_id = $3, claimed_at = $4::timestamptz WHERE (shop_id, code) = (
           SELECT shop_id, code FROM points_reward_codes WHERE shop_id = $1 AND reward_id = $2 AND redemption_id IS NULL
           ORDER BY created_at, code LIMIT 1 FOR UPDATE SKIP LOCKED) RETURNING code`,
        [shopId, rewardId, id, now],
      );
      if (!claimed.rows[0]) throw outOfStock();
      code = claimed.rows[0].code;
    } else code = await freshCode(tx, shopId);

    const entry = (await appendEntry(tx, shopId, customerId, now, {
      kind: 'redeem',
      points: -reward.cost,
      sourceType: 'redemption',
      sourceId: id,
      label: reward.title,
    }))!;
    const coupon = couponOf(reward);
    const {
      rows: [r],
    } = await tx.query<{ created_at: Date | string; expires_at: Date | string | null }>(
      `INSERT INTO points_redemptions (shop_id, id, customer_id, reward_id, reward_title, points, code, coupon, expires_at, entry_id, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::timestamptz + make_interval(days => $10::integer), $11, $9::timestamptz)
       RETURNING created_at, expires_at`,
      [
        shopId,
        id,
        customerId,
        rewardId,
        reward.title,
        reward.cost,
        code,
        coupon ? JSON.stringify(coupon) : null,
        now,
        coupon?.validDays ?? null,
        entry.id,
      ],
    );
    await awardBadge(tx, shopId, customerId, 'first_redemption', now);
    const redemption = {
      id,
      rewardId,
      rewardTitle: reward.title,
      points: reward.cost,
      code,
      ...(coupon ? { coupon } : {}),
      ...(r!.expires_at ? { expiresAt: iso(r!.expires_at) } : {}),
      createdAt: iso(r!.created_at),
    };
    const { id: _id, ...details } = redemption;
    const data: PointsRedeemedWebhookData = { redemption: { id, customerId, ...details } };
    await queueWebhook(tx, shopId, id, 'points.redeemed', 0, data);
    return { ...redemption, account: await accountView(tx, shopId, customerId, program, now) };
  });
}

/** The merchant's adjustment; a negative one beyond the balance is refused (409 `insufficient_points`). */
export async function adjustPoints(
  db: Db,
  shopId: string,
  input: { customerId: string; points: number; note: string },
): Promise<{ entry: PointsEntryResponse; account: PointsAccountResponse }> {
  const program = await getProgramSettings(db, shopId);
  return db.transaction(async (tx) => {
    const now = await lockAccount(tx, shopId, input.customerId);
    await applyExpiry(tx, shopId, input.customerId, now, program.timeZone);
    if (input.points < 0 && (await totals(tx, shopId, input.customerId, now)).balance < -input.points)
      throw insufficient();
    const row = (await appendEntry(tx, shopId, input.customerId, now, {
      kind: 'adjust',
      points: input.points,
      sourceType: 'adjustment',
      note: input.note,
      expiryMonths: program.expiryMonths,
    }))!;
    return {
      entry: await entryById(tx, shopId, input.customerId, now, row.id),
      account: await accountView(tx, shopId, input.customerId, program, now),
    };
  });
}
