import { randomUUID } from 'node:crypto';
import type { Db } from '../../db.js';
import { conflict, invalid, notFound } from '../../errors.js';
import { iso } from '../../time.js';
import {
  rewardIssues,
  tierIssues,
  type CreateRewardInput,
  type PointsAdminRewardResponse,
  type PointsCouponValue,
  type PointsEarnRuleValue,
  type PointsProgramInput,
  type PointsProgramResponse,
  type PointsRewardResponse,
  type PointsTierValue,
  type UpdateRewardInput,
} from './schemas.js';

/** A program without its rewards: what every earn and account computation reads. */
export interface ProgramSettings {
  readonly name: string;
  readonly earn: readonly PointsEarnRuleValue[];
  readonly tiers: readonly PointsTierValue[];
  readonly expiryMonths: number | null;
  readonly pendingDays: number;
  readonly timeZone: string;
  readonly termsUrl?: string;
}

/** Every program lists all six; each is earned once. */
export const BADGES = [
  { id: 'first_purchase', name: 'First order', description: 'Earned points on a first order' },
  { id: 'first_review', name: 'First review', description: 'Earned points for a first review' },
  { id: 'photo_review', name: 'Photo reviewer', description: 'Earned points for a review with photos' },
  { id: 'streak_7', name: '7-day streak', description: 'Checked in seven days in a row' },
  { id: 'team_leader', name: 'Team leader', description: 'Led a group-buy team to success' },
  { id: 'first_redemption', name: 'First reward', description: 'Redeemed points for a first reward' },
] as const;
export type BadgeId = (typeof BADGES)[number]['id'];

/** What a shop without settings gets. */
export const DEFAULT_PROGRAM: ProgramSettings = {
  name: 'Rewards',
  tiers: [
    { id: 'member', name: 'Member', threshold: 0 },
    { id: 'silver', name: 'Silver', threshold: 500, perks: ['Early access to sales'] },
    { id: 'gold', name: 'Gold', threshold: 2000, perks: ['Free shipping on every order', 'Early access to sales'] },
  ],
  earn: [
    { action: 'purchase', points: 1, per: { minor: 100, currency: 'USD' } },
    { action: 'review', points: 20 },
    { action: 'photo_review', points: 50 },
    { action: 'share', points: 5, dailyCap: 3 },
    { action: 'referral', points: 100 },
    { action: 'check_in', points: 5, streakBonus: { everyDays: 7, points: 20 } },
  ],
  expiryMonths: 12,
  pendingDays: 30,
  timeZone: 'UTC',
};

/**
 * The rule a review earns under: `photo_review` when it has photos and the program has that rule,
 * else `review`; none when the program offers nothing for it. A review written while there is one
 * is incentivised (and labelled so), whether or not the points are paid later.
 */
export const reviewEarnRule = (program: ProgramSettings, mediaCount: number): PointsEarnRuleValue | undefined =>
  (mediaCount > 0 ? program.earn.find((r) => r.action === 'photo_review') : undefined) ??
  program.earn.find((r) => r.action === 'review');

const json = <T>(v: T | string): T => (typeof v === 'string' ? JSON.parse(v) : v);

type ProgramRow = {
  name: string;
  earn: PointsEarnRuleValue[] | string;
  tiers: PointsTierValue[] | string;
  expiry_months: number | null;
  pending_days: number;
  time_zone: string;
  terms_url: string | null;
};

export async function getProgramSettings(db: Db, shopId: string): Promise<ProgramSettings> {
  const { rows } = await db.query<ProgramRow>(
    'SELECT name, earn, tiers, expiry_months, pending_days, time_zone, terms_url FROM points_programs WHERE shop_id = $1',
    [shopId],
  );
  const r = rows[0];
  if (!r) return DEFAULT_PROGRAM;
  return {
    name: r.name,
    earn: json(r.earn),
    tiers: json(r.tiers),
    expiryMonths: r.expiry_months,
    pendingDays: r.pending_days,
    timeZone: r.time_zone,
    ...(r.terms_url ? { termsUrl: r.terms_url } : {}),
  };
}

/** The shop's program as shoppers see it: active rewards, cheapest first, with live stock, and every badge. */
export async function getProgram(db: Db, shopId: string): Promise<PointsProgramResponse> {
  const [settings, rewards] = await Promise.all([
    getProgramSettings(db, shopId),
    rewardRows(db, shopId, { activeOnly: true }),
  ]);
  return programView(settings, rewards.map(publicReward));
}

const programView = (s: ProgramSettings, rewards: PointsRewardResponse[]): PointsProgramResponse => ({
  name: s.name,
  tiers: [...s.tiers],
  earn: [...s.earn],
  rewards,
  badges: BADGES.map((b) => ({ ...b })),
  expiryMonths: s.expiryMonths,
  pendingDays: s.pendingDays,
  timeZone: s.timeZone,
  ...(s.termsUrl ? { termsUrl: s.termsUrl } : {}),
});

/**
 * A partial change, checked as a whole after merging (tiers must still hold every active reward's
 * tier). The time zone is also tried on the database, whose zone list may differ from Node's.
 */
export async function putProgramSettings(
  db: Db,
  shopId: string,
  patch: PointsProgramInput,
): Promise<PointsProgramResponse> {
  if (patch.timeZone) {
    try {
      await db.query('SELECT now() AT TIME ZONE $1', [patch.timeZone]);
    } catch {
      throw invalid('json', [{ path: ['timeZone'], message: 'Not a time zone the database knows' }]);
    }
  }
  await db.transaction(async (tx) => {
    // The row (made with the defaults on first change) is locked: concurrent edits merge one after the other.
    const d = DEFAULT_PROGRAM;
    await tx.query(
      `INSERT INTO points_programs (shop_id, name, earn, tiers, expiry_months, pending_days, time_zone) VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (shop_id) DO NOTHING`,
      [shopId, d.name, JSON.stringify(d.earn), JSON.stringify(d.tiers), d.expiryMonths, d.pendingDays, d.timeZone],
    );
    await tx.query('SELECT 1 FROM points_programs WHERE shop_id = $1 FOR UPDATE', [shopId]);
    const current = await getProgramSettings(tx, shopId);
    const next = {
      name: patch.name ?? current.name,
      earn: patch.earn ?? current.earn,
      tiers: patch.tiers ?? current.tiers,
      expiryMonths: patch.expiryMonths === undefined ? current.expiryMonths : patch.expiryMonths,
      pendingDays: patch.pendingDays ?? current.pendingDays,
      timeZone: patch.timeZone ?? current.timeZone,
      termsUrl: patch.termsUrl === undefined ? (current.termsUrl ?? null) : patch.termsUrl,
    };
    const issues = tierIssues(next.tiers);
    const tierIds = new Set(next.tiers.map((t) => t.id));
    const { rows: needing } = await tx.query<{ id: string; tier_id: string }>(
      'SELECT id, tier_id FROM points_rewards WHERE shop_id = $1 AND active AND tier_id IS NOT NULL ORDER BY id',
      [shopId],
    );
    for (const r of needing)
      if (!tierIds.has(r.tier_id)) issues.push({ path: ['tiers'], message: `Reward ${r.id} needs tier ${r.tier_id}` });
    if (issues.length) throw invalid('json', issues);
    await tx.query(
      `UPDATE points_programs SET name = $2, earn = $3, tiers = $4, expiry_months = $5, pending_days = $6, time_zone = $7, terms_url = $8, updated_at = now()
       WHERE shop_id = $1`,
      [
        shopId,
        next.name,
        JSON.stringify(next.earn),
        JSON.stringify(next.tiers),
        next.expiryMonths,
        next.pendingDays,
        next.timeZone,
        next.termsUrl,
      ],
    );
  });
  return getProgram(db, shopId);
}

// ── Rewards ─────────────────────────────────────────────────────────────────────────────────

export type RewardRow = {
  id: string;
  title: string;
  description: string | null;
  cost: number;
  kind: 'coupon' | 'perk';
  coupon: PointsCouponValue | string | null;
  stock: number | null;
  tier_id: string | null;
  active: boolean;
  pool_imported: boolean;
  created_at: Date | string;
  codes_imported: number;
  codes_available: number;
};

const REWARD_SELECT = `
  SELECT r.id, r.title, r.description, r.cost, r.kind, r.coupon, r.stock, r.tier_id, r.active, r.pool_imported, r.created_at, c.imported AS codes_imported, c.available AS codes_available
  FROM points_rewards r CROSS JOIN LATERAL (
    SELECT count(*)::int AS imported, count(*) FILTER (WHERE redemption_id IS NULL)::int AS available
    FROM points_reward_codes k WHERE k.shop_id = r.shop_id AND k.reward_id = r.id) c`;

async function rewardRows(db: Db, shopId: string, o: { activeOnly?: boolean; id?: string } = {}): Promise<RewardRow[]> {
  const where = ['r.shop_id = $1'];
  const values: unknown[] = [shopId];
  if (o.activeOnly) where.push('r.active');
  if (o.id !== undefined) where.push(`r.id = $${values.push(o.id)}`);
  const { rows } = await db.query<RewardRow>(
    `${REWARD_SELECT} WHERE ${where.join(' AND ')} ORDER BY r.cost, r.created_at, r.id`,
    values,
  );
  return rows;
}

export async function rewardRow(db: Db, shopId: string, id: string): Promise<RewardRow | undefined> {
  return (await rewardRows(db, shopId, { id }))[0];
}

export const couponOf = (r: { coupon: PointsCouponValue | string | null }): PointsCouponValue | undefined =>
  r.coupon ? json(r.coupon) : undefined;

/** What redeeming can still hand out: the stock, and the unused codes once a pool was imported. */
export const liveStock = (r: RewardRow): number | undefined =>
  r.pool_imported ? Math.min(r.stock ?? Infinity, r.codes_available) : (r.stock ?? undefined);

export function publicReward(r: RewardRow): PointsRewardResponse {
  const coupon = couponOf(r);
  const stock = liveStock(r);
  return {
    id: r.id,
    title: r.title,
    ...(r.description ? { description: r.description } : {}),
    cost: r.cost,
    kind: r.kind,
    ...(coupon ? { coupon } : {}),
    ...(stock !== undefined ? { stock } : {}),
    ...(r.tier_id ? { tierId: r.tier_id } : {}),
  };
}

function adminReward(r: RewardRow): PointsAdminRewardResponse {
  const { stock: _live, ...rest } = publicReward(r);
  return {
    ...rest,
    ...(r.stock !== null ? { stock: r.stock } : {}),
    active: r.active,
    codes: { imported: r.codes_imported, available: r.codes_available },
    createdAt: iso(r.created_at),
  };
}

export async function listRewards(db: Db, shopId: string): Promise<PointsAdminRewardResponse[]> {
  return (await rewardRows(db, shopId)).map(adminReward);
}

async function assertTier(db: Db, shopId: string, tierId: string | null | undefined): Promise<void> {
  if (!tierId) return;
  const { tiers } = await getProgramSettings(db, shopId);
  if (!tiers.some((t) => t.id === tierId)) {
    throw invalid('json', [
      { path: ['tierId'], message: `Not a tier of the program (${tiers.map((t) => t.id).join(', ')})` },
    ]);
  }
}

export async function createReward(
  db: Db,
  shopId: string,
  input: CreateRewardInput,
): Promise<PointsAdminRewardResponse> {
  await assertTier(db, shopId, input.tierId);
  const id = input.id ?? `rw_${randomUUID()}`;
  const { rows } = await db.query(
    `INSERT INTO points_rewards (shop_id, id, title, description, cost, kind, coupon, stock, tier_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (shop_id, id) DO NOTHING RETURNING id`,
    [
      shopId,
      id,
      input.title,
      input.description ?? null,
      input.cost,
      input.kind,
      input.coupon ? JSON.stringify(input.coupon) : null,
      input.stock ?? null,
      input.tierId ?? null,
    ],
  );
  if (!rows.length) throw conflict('already_exists', `Reward ${id} already exists`);
  return adminReward((await rewardRow(db, shopId, id))!);
}

/** A partial change, checked as a whole after merging. Stock set here replaces what is left. */
export async function updateReward(
  db: Db,
  shopId: string,
  id: string,
  patch: UpdateRewardInput,
): Promise<PointsAdminRewardResponse> {
  await db.transaction(async (tx) => {
    const { rows } = await tx.query('SELECT 1 FROM points_rewards WHERE shop_id = $1 AND id = $2 FOR UPDATE', [
      shopId,
      id,
    ]);
    if (!rows.length) throw notFound(`Reward ${id}`);
    const current = (await rewardRow(tx, shopId, id))!;
    const pick = <K extends keyof UpdateRewardInput, V>(k: K, now: V) => (patch[k] === undefined ? now : patch[k]);
    const merged = {
      title: pick('title', current.title),
      description: pick('description', current.description),
      cost: pick('cost', current.cost),
      kind: pick('kind', current.kind)!,
      coupon: pick('coupon', couponOf(current) ?? null),
      stock: pick('stock', current.stock),
      tierId: pick('tierId', current.tier_id),
      active: pick('active', current.active),
    };
    const issues = rewardIssues({ kind: merged.kind, coupon: merged.coupon ?? undefined });
    if (issues.length) throw invalid('json', issues);
    if (merged.active) await assertTier(tx, shopId, merged.tierId);
    await tx.query(
      `UPDATE points_rewards SET title = $3, description = $4, cost = $5, kind = $6, coupon = $7, stock = $8, tier_id = $9, active = $10, updated_at = now()
       WHERE shop_id = $1 AND id = $2`,
      [
        shopId,
        id,
        merged.title,
        merged.description,
        merged.cost,
        merged.kind,
        merged.coupon ? JSON.stringify(merged.coupon) : null,
        merged.stock,
        merged.tierId,
        merged.active,
      ],
    );
  });
  return adminReward((await rewardRow(db, shopId, id))!);
}

/**
 * Adds codes to a reward's pool. A code already in any pool of the shop (or twice in the request)
 * counts as a duplicate and is skipped; from the first import on, an empty pool is out of stock.
 */
export async function importCodes(
  db: Db,
  shopId: string,
  id: string,
  codes: readonly string[],
): Promise<{ imported: number; duplicates: number; available: number }> {
  return db.transaction(async (tx) => {
    const { rows } = await tx.query('SELECT 1 FROM points_rewards WHERE shop_id = $1 AND id = $2 FOR UPDATE', [
      shopId,
      id,
    ]);
    if (!rows.length) throw notFound(`Reward ${id}`);
    const unique = [...new Set(codes)];
    const inserted = await tx.query(
      `INSERT INTO points_reward_codes (shop_id, code, reward_id) SELECT $1, code, $2 FROM unnest($3::text[]) WITH ORDINALITY AS c (code, n) ORDER BY n
       ON CONFLICT DO NOTHING RETURNING code`,
      [shopId, id, unique],
    );
    const imported = inserted.rows.length;
    if (imported)
      await tx.query(
        'UPDATE points_rewards SET pool_imported = true, updated_at = now() WHERE shop_id = $1 AND id = $2',
        [shopId, id],
      );
    const {
      rows: [n],
    } = await tx.query<{ available: number }>(
      'SELECT count(*)::int AS available FROM points_reward_codes WHERE shop_id = $1 AND reward_id = $2 AND redemption_id IS NULL',
      [shopId, id],
    );
    return { imported, duplicates: codes.length - imported, available: n!.available };
  });
}
