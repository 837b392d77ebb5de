import { randomUUID } from 'node:crypto';
import type { Db } from '../../db.js';
import { conflict, invalid, notFound } from '../../errors.js';
import { iso } from '../../time.js';
import {
  campaignIssues,
  type CreateCampaignInput,
  type GroupBuyCampaignResponse,
  type TierValue,
  type UpdateCampaignInput,
} from './schemas.js';

export type CampaignRow = {
  shop_id: string;
  id: string;
  product_id: string;
  product_title: string | null;
  product_url: string | null;
  product_image_url: string | null;
  currency: string;
  solo_price_minor: number;
  tiers: TierValue[] | string;
  team_duration_seconds: number;
  max_members: number;
  hold_seconds: number;
  starts_at: Date | string;
  ends_at: Date | string | null;
  ended_at: Date | string | null;
  stock: number | null;
  reward_description: string | null;
  reward_points: number | null;
  created_at: Date | string;
  used: number;
  status: GroupBuyCampaignResponse['status'];
};

export const parseTiers = (t: TierValue[] | string): TierValue[] => (typeof t === 'string' ? JSON.parse(t) : t);

/** A seat that counts: confirmed, or held and still inside its hold (lapsing may not have run yet). */
export const LIVE_SEAT = "(s.status = 'confirmed' OR (s.status = 'held' AND s.hold_expires_at > now()))";

/**
 * Campaigns with the seats they have used (live seats of teams that did not expire) and their
 * status: ended by the merchant or past endsAt, else scheduled before startsAt, else sold out when
 * the stock is used up, else active.
 */
const SELECT_CAMPAIGN = `
  SELECT c.*, u.used,
    CASE WHEN c.ended_at IS NOT NULL OR c.ends_at <= now() THEN 'ended'
         WHEN now() < c.starts_at THEN 'scheduled'
         WHEN c.stock IS NOT NULL AND u.used >= c.stock THEN 'sold_out'
         ELSE 'active' END AS status
  FROM group_buy_campaigns c
  CROSS JOIN LATERAL (
    SELECT count(*)::int AS used FROM group_buy_seats s JOIN group_buy_teams t ON t.shop_id = s.shop_id AND t.id = s.team_id
    WHERE s.shop_id = c.shop_id AND s.campaign_id = c.id AND t.state <> 'expired' AND ${LIVE_SEAT}
  ) u`;

export function toCampaign(r: CampaignRow): GroupBuyCampaignResponse {
  return {
    id: r.id,
    product: {
      id: r.product_id,
      ...(r.product_title ? { title: r.product_title } : {}),
      ...(r.product_url ? { url: r.product_url } : {}),
      ...(r.product_image_url ? { imageUrl: r.product_image_url } : {}),
    },
    soloPrice: { minor: r.solo_price_minor, currency: r.currency },
    tiers: parseTiers(r.tiers),
    teamDurationSeconds: r.team_duration_seconds,
    maxMembers: r.max_members,
    holdSeconds: r.hold_seconds,
    startsAt: iso(r.starts_at),
    ...(r.ends_at ? { endsAt: iso(r.ends_at) } : {}),
    status: r.status,
    ...(r.stock !== null ? { seatsLeft: Math.max(0, r.stock - r.used) } : {}),
    ...(r.reward_description
      ? {
          reward: {
            description: r.reward_description,
            ...(r.reward_points !== null ? { points: r.reward_points } : {}),
          },
        }
      : {}),
  };
}

/** One campaign's row; `lock` takes it FOR UPDATE, which serialises seat-taking in the campaign. */
export async function campaignRow(db: Db, shopId: string, id: string, lock = false): Promise<CampaignRow> {
  if (lock) await db.query('SELECT 1 FROM group_buy_campaigns WHERE shop_id = $1 AND id = $2 FOR UPDATE', [shopId, id]);
  const { rows } = await db.query<CampaignRow>(`${SELECT_CAMPAIGN} WHERE c.shop_id = $1 AND c.id = $2`, [shopId, id]);
  if (!rows[0]) throw notFound(`Campaign ${id}`);
  return rows[0];
}

export const getCampaign = async (db: Db, shopId: string, id: string) => toCampaign(await campaignRow(db, shopId, id));

export async function listCampaigns(db: Db, shopId: string): Promise<GroupBuyCampaignResponse[]> {
  const { rows } = await db.query<CampaignRow>(
    `${SELECT_CAMPAIGN} WHERE c.shop_id = $1 ORDER BY c.created_at DESC, c.id`,
    [shopId],
  );
  return rows.map(toCampaign);
}

const RANK: Record<GroupBuyCampaignResponse['status'], number> = { active: 0, scheduled: 1, sold_out: 2, ended: 2 };

/** The product's campaign to show: active first, then the next scheduled, then the latest ended or sold out. */
export async function campaignForProduct(db: Db, shopId: string, productId: string): Promise<CampaignRow | undefined> {
  const { rows } = await db.query<CampaignRow>(`${SELECT_CAMPAIGN} WHERE c.shop_id = $1 AND c.product_id = $2`, [
    shopId,
    productId,
  ]);
  const start = (r: CampaignRow) => Date.parse(iso(r.starts_at));
  return rows.sort(
    (a, b) => RANK[a.status] - RANK[b.status] || (a.status === 'scheduled' ? start(a) - start(b) : start(b) - start(a)),
  )[0];
}

/** Campaign ids of a product, so reads can apply what is due before choosing. */
export async function createCampaign(
  db: Db,
  shopId: string,
  input: CreateCampaignInput,
): Promise<GroupBuyCampaignResponse> {
  const id = input.id ?? `gb_${randomUUID()}`;
  const { rows } = await db.query(
    `INSERT INTO group_buy_campaigns (shop_id, id, product_id, product_title, product_url, product_image_url, currency, solo_price_minor, tiers,
       team_duration_seconds, max_members, hold_seconds, starts_at, ends_at, stock, reward_description, reward_points)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, COALESCE($13::timestamptz, now()), $14, $15, $16, $17)
     ON CONFLICT (shop_id, id) DO NOTHING RETURNING id`,
    [
      shopId,
      id,
      input.productId,
      input.product?.title ?? null,
      input.product?.url ?? null,
      input.product?.imageUrl ?? null,
      input.soloPrice.currency,
      input.soloPrice.minor,
      JSON.stringify(input.tiers),
      input.teamDurationSeconds ?? 86_400,
      input.maxMembers ?? input.tiers.at(-1)!.size,
      input.holdSeconds ?? 900,
      input.startsAt ?? null,
      input.endsAt ?? null,
      input.stock ?? null,
      input.reward?.description ?? null,
      input.reward?.points ?? null,
    ],
  );
  if (!rows.length) throw conflict('already_exists', `Campaign ${id} already exists`);
  return getCampaign(db, shopId, id);
}

/**
 * A partial update, checked as a whole after merging. Teams already started keep the terms they
 * copied when they started; only new teams see the change.
 */
export async function updateCampaign(
  db: Db,
  shopId: string,
  id: string,
  patch: UpdateCampaignInput,
): Promise<GroupBuyCampaignResponse> {
  await db.transaction(async (tx) => {
    const current = toCampaign(await campaignRow(tx, shopId, id, true));
    const merged = {
      soloPrice: patch.soloPrice ?? current.soloPrice,
      tiers: patch.tiers ?? current.tiers,
      maxMembers: patch.maxMembers ?? current.maxMembers,
      startsAt: patch.startsAt ?? current.startsAt,
      endsAt: patch.endsAt === undefined ? current.endsAt : patch.endsAt,
    };
    const issues = campaignIssues(merged);
    if (issues.length) throw invalid('json', issues);
    const product = { ...current.product, ...patch.product };
    const reward = patch.reward === undefined ? current.reward : patch.reward;
    await tx.query(
      `UPDATE group_buy_campaigns SET product_title = $3, product_url = $4, product_image_url = $5, currency = $6, solo_price_minor = $7, tiers = $8,
         team_duration_seconds = $9, max_members = $10, hold_seconds = $11, starts_at = $12, ends_at = $13,
         stock = CASE WHEN $14::boolean THEN $15::integer ELSE stock END, reward_description = $16, reward_points = $17, updated_at = now()
       WHERE shop_id = $1 AND id = $2`,
      [
        shopId,
        id,
        product.title ?? null,
        product.url ?? null,
        product.imageUrl ?? null,
        merged.soloPrice.currency,
        merged.soloPrice.minor,
        JSON.stringify(merged.tiers),
        patch.teamDurationSeconds ?? current.teamDurationSeconds,
        merged.maxMembers,
        patch.holdSeconds ?? current.holdSeconds,
        merged.startsAt,
        merged.endsAt ?? null,
        patch.stock !== undefined,
        patch.stock ?? null,
        reward?.description ?? null,
        reward?.points ?? null,
      ],
    );
  });
  return getCampaign(db, shopId, id);
}

/** Ends a campaign now (status `ended`); its open teams run to their own deadlines. */
export async function endCampaign(db: Db, shopId: string, id: string): Promise<GroupBuyCampaignResponse> {
  const { rows } = await db.query(
    'UPDATE group_buy_campaigns SET ended_at = COALESCE(ended_at, now()), updated_at = now() WHERE shop_id = $1 AND id = $2 RETURNING id',
    [shopId, id],
  );
  if (!rows.length) throw notFound(`Campaign ${id}`);
  return getCampaign(db, shopId, id);
}
