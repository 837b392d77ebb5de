import { randomUUID } from 'node:crypto';
import type { Db } from '../db.js';
import { ApiError, conflict, notFound } from '../errors.js';
import { DEFAULT_SETTINGS, MIN_DUPLICATE_LENGTH, moderate, textHash, type ReviewSettings } from '../moderation.js';
import type { ReviewPageResponse, ReviewResponse, ReviewSummaryResponse } from '../schemas/reviews.js';

type Row = {
  id: string; product_id: string; display_name: string; rating: 1 | 2 | 3 | 4 | 5; title: string | null; body: string;
  recommend: boolean | null; verified: boolean; incentivized: boolean; status: 'pending' | 'published' | 'rejected';
  helpful_count: number; reply_body: string | null; reply_at: Date | string | null; created_at: Date | string;
};

const iso = (d: Date | string) => new Date(d).toISOString();

export const toReview = (r: Row): ReviewResponse => ({
  id: r.id,
  productId: r.product_id,
  rating: r.rating,
  ...(r.title ? { title: r.title } : {}),
  body: r.body,
  author: { displayName: r.display_name, verifiedBuyer: r.verified },
  media: [],
  createdAt: iso(r.created_at),
  status: r.status,
  helpfulCount: r.helpful_count,
  ...(r.recommend !== null ? { recommend: r.recommend } : {}),
  ...(r.incentivized ? { incentivized: true } : {}),
  ...(r.reply_body && r.reply_at ? { reply: { body: r.reply_body, createdAt: iso(r.reply_at) } } : {}),
});

const COLUMNS = 'id, product_id, display_name, rating, title, body, recommend, verified, incentivized, status, helpful_count, reply_body, reply_at, created_at';

export async function getSettings(db: Db, shopId: string): Promise<ReviewSettings> {
  const { rows } = await db.query<{ auto_publish: ReviewSettings['autoPublish']; min_rating_auto: number; report_threshold: number; submissions_per_hour: number }>(
    'SELECT auto_publish, min_rating_auto, report_threshold, submissions_per_hour FROM review_settings WHERE shop_id = $1', [shopId]);
  const r = rows[0];
  return r ? { autoPublish: r.auto_publish, minRatingAuto: r.min_rating_auto, reportThreshold: r.report_threshold, submissionsPerHour: r.submissions_per_hour } : DEFAULT_SETTINGS;
}

export async function updateSettings(db: Db, shopId: string, patch: Partial<ReviewSettings>): Promise<ReviewSettings> {
  const next = { ...(await getSettings(db, shopId)), ...patch };
  await db.query(
    `INSERT INTO review_settings (shop_id, auto_publish, min_rating_auto, report_threshold, submissions_per_hour) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (shop_id) DO UPDATE SET auto_publish = $2, min_rating_auto = $3, report_threshold = $4, submissions_per_hour = $5`,
    [shopId, next.autoPublish, next.minRatingAuto, next.reportThreshold, next.submissionsPerHour]);
  return next;
}

export async function recordOrder(db: Db, shopId: string, o: { id: string; customerId: string; productIds: string[]; placedAt?: string }) {
  return db.transaction(async (tx) => {
    const inserted = await tx.query('INSERT INTO orders (shop_id, id, customer_id, placed_at) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING RETURNING id',
      [shopId, o.id, o.customerId, o.placedAt ?? new Date().toISOString()]);
    if (!inserted.rows.length) throw conflict('already_exists', `Order ${o.id} already exists`);
    for (const p of new Set(o.productIds)) await tx.query('INSERT INTO order_items (shop_id, order_id, product_id) VALUES ($1, $2, $3)', [shopId, o.id, p]);
    return { id: o.id, customerId: o.customerId, productIds: [...new Set(o.productIds)] };
  });
}

const ORDER_BY: Record<string, string> = {
  newest: 'created_at DESC, id',
  highest: 'rating DESC, created_at DESC, id',
  lowest: 'rating ASC, created_at DESC, id',
  helpful: 'helpful_count DESC, created_at DESC, id',
};

export async function listReviews(
  db: Db, shopId: string, productId: string,
  q: { sort: string; rating?: number; media?: boolean; verified?: boolean; q?: string; cursor?: string; limit: number },
): Promise<ReviewPageResponse> {
  const where = ["shop_id = $1", "product_id = $2", "status = 'published'"];
  const params: unknown[] = [shopId, productId];
  if (q.rating) where.push(`rating = $${params.push(q.rating)}`);
  if (q.verified !== undefined) where.push(`verified = $${params.push(q.verified)}`);
  // No photo storage yet: "with photos" matches nothing rather than everything.
  if (q.media) where.push('false');
  if (q.q) where.push(`(body ILIKE $${params.push(`%${q.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`)} OR title ILIKE $${params.length})`);
  const offset = Number(q.cursor ?? 0);
  const filter = where.join(' AND ');
  const [{ rows }, total] = await Promise.all([
    db.query<Row>(`SELECT ${COLUMNS} FROM reviews WHERE ${filter} ORDER BY ${ORDER_BY[q.sort] ?? ORDER_BY.newest} LIMIT $${params.length + 1} OFFSET $${params.length + 2}`, [...params, q.limit, offset]),
    db.query<{ n: string }>(`SELECT count(*) AS n FROM reviews WHERE ${filter}`, params),
  ]);
  const count = Number(total.rows[0]!.n);
  return { items: rows.map(toReview), nextCursor: offset + q.limit < count ? String(offset + q.limit) : null, total: count };
}

/** Summaries for many products in one query (N rating snippets on a listing page, one request). */
export async function summaries(db: Db, shopId: string, productIds: string[]): Promise<ReviewSummaryResponse[]> {
  const { rows } = await db.query<{ product_id: string; rating: number; n: string; recommend_yes: string; recommend_any: string }>(
    `SELECT product_id, rating, count(*) AS n, count(*) FILTER (WHERE recommend) AS recommend_yes, count(recommend) AS recommend_any
     FROM reviews WHERE shop_id = $1 AND product_id = ANY($2) AND status = 'published' GROUP BY product_id, rating`,
    [shopId, productIds]);
  return productIds.map((productId) => {
    const histogram: [number, number, number, number, number] = [0, 0, 0, 0, 0];
    let yes = 0;
    let any = 0;
    for (const r of rows.filter((x) => x.product_id === productId)) {
      histogram[r.rating - 1] = Number(r.n);
      yes += Number(r.recommend_yes);
      any += Number(r.recommend_any);
    }
    const count = histogram.reduce((a, b) => a + b, 0);
    const sum = histogram.reduce((s, n, i) => s + n * (i + 1), 0);
    return {
      productId, count, histogram,
      average: count ? Math.round((sum / count) * 10) / 10 : 0,
      recommendPercent: any ? Math.round((yes / any) * 100) : null,
    };
  });
}

export interface NewReview {
  readonly rating: number; readonly title?: string; readonly body: string; readonly recommend?: boolean; readonly displayName: string;
}

/**
 * Writes a review: verified when the customer has a reported order with the product; moderated
 * by the shop's rules; one per customer and product; limited per customer and IP per hour.
 */
export async function createReview(db: Db, shopId: string, productId: string, customerId: string, ip: string, input: NewReview): Promise<ReviewResponse> {
  const settings = await getSettings(db, shopId);
  return db.transaction(async (tx) => {
    const recent = await tx.query<{ n: string }>(
      `SELECT count(*) AS n FROM reviews WHERE shop_id = $1 AND (customer_id = $2 OR client_ip = $3) AND created_at > now() - interval '1 hour'`,
      [shopId, customerId, ip]);
    if (Number(recent.rows[0]!.n) >= settings.submissionsPerHour) {
      throw new ApiError(429, 'review_rate_limited', 'Too many reviews from this customer or network; try again later', undefined, { 'retry-after': '3600' });
    }
    const verified = (await tx.query(
      'SELECT 1 FROM orders o JOIN order_items i ON i.shop_id = o.shop_id AND i.order_id = o.id WHERE o.shop_id = $1 AND o.customer_id = $2 AND i.product_id = $3 LIMIT 1',
      [shopId, customerId, productId])).rows.length > 0;
    const text = `${input.title ?? ''} ${input.body}`.trim();
    const hash = textHash(input.body);
    // The same text on another product or from another customer is how brushing looks.
    const duplicate = input.body.length >= MIN_DUPLICATE_LENGTH && (await tx.query(
      'SELECT 1 FROM reviews WHERE shop_id = $1 AND body_hash = $2 AND (product_id <> $3 OR customer_id <> $4) LIMIT 1',
      [shopId, hash, productId, customerId])).rows.length > 0;
    const { status, flags } = moderate({ settings, verified, rating: input.rating, text, duplicate });
    const { rows } = await tx.query<Row>(
      `INSERT INTO reviews (shop_id, id, product_id, customer_id, display_name, rating, title, body, body_hash, recommend, verified, status, flags, client_ip)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
       ON CONFLICT (shop_id, product_id, customer_id) DO NOTHING RETURNING ${COLUMNS}`,
      [shopId, `rev_${randomUUID()}`, productId, customerId, input.displayName, input.rating, input.title || null, input.body, hash,
        input.recommend ?? null, verified, status, flags, ip]);
    if (!rows[0]) throw conflict('already_reviewed', 'This customer has already reviewed this product');
    return toReview(rows[0]);
  });
}

async function reviewRow(db: Db, shopId: string, id: string): Promise<Row> {
  const { rows } = await db.query<Row>(`SELECT ${COLUMNS} FROM reviews WHERE shop_id = $1 AND id = $2`, [shopId, id]);
  if (!rows[0]) throw notFound(`Review ${id}`);
  return rows[0];
}

/** One vote per customer; voting again is a no-op. Only published reviews take votes. */
export async function markHelpful(db: Db, shopId: string, id: string, customerId: string): Promise<{ helpfulCount: number }> {
  return db.transaction(async (tx) => {
    const review = await reviewRow(tx, shopId, id);
    if (review.status !== 'published') throw notFound(`Review ${id}`);
    const added = await tx.query('INSERT INTO review_votes (shop_id, review_id, customer_id) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING review_id', [shopId, id, customerId]);
    const { rows } = added.rows.length
      ? await tx.query<{ helpful_count: number }>('UPDATE reviews SET helpful_count = helpful_count + 1 WHERE shop_id = $1 AND id = $2 RETURNING helpful_count', [shopId, id])
      : await tx.query<{ helpful_count: number }>('SELECT helpful_count FROM reviews WHERE shop_id = $1 AND id = $2', [shopId, id]);
    return { helpfulCount: rows[0]!.helpful_count };
  });
}

/** Reports from distinct customers; at the shop's threshold a published review goes back to pending. */
export async function report(db: Db, shopId: string, id: string, customerId: string, reason: string): Promise<{ reported: true }> {
  const settings = await getSettings(db, shopId);
  return db.transaction(async (tx) => {
    await reviewRow(tx, shopId, id);
    await tx.query('INSERT INTO review_reports (shop_id, review_id, customer_id, reason) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING', [shopId, id, customerId, reason]);
    await tx.query(
      `UPDATE reviews SET status = 'pending', flags = array_append(flags, 'reported'), updated_at = now()
       WHERE shop_id = $1 AND id = $2 AND status = 'published'
         AND (SELECT count(*) FROM review_reports WHERE shop_id = $1 AND review_id = $2) >= $3`,
      [shopId, id, settings.reportThreshold]);
    return { reported: true as const };
  });
}

export async function adminList(db: Db, shopId: string, status: string, cursor?: string) {
  const offset = Number(cursor ?? 0);
  const { rows } = await db.query<Row & { flags: string[] }>(
    `SELECT ${COLUMNS}, flags FROM reviews WHERE shop_id = $1 AND status = $2 ORDER BY created_at, id LIMIT 51 OFFSET $3`, [shopId, status, offset]);
  return {
    items: rows.slice(0, 50).map((r) => ({ ...toReview(r), flags: r.flags })),
    nextCursor: rows.length > 50 ? String(offset + 50) : null,
  };
}

export async function setStatus(db: Db, shopId: string, id: string, status: 'published' | 'rejected'): Promise<ReviewResponse> {
  const { rows } = await db.query<Row>(`UPDATE reviews SET status = $3, updated_at = now() WHERE shop_id = $1 AND id = $2 RETURNING ${COLUMNS}`, [shopId, id, status]);
  if (!rows[0]) throw notFound(`Review ${id}`);
  return toReview(rows[0]);
}

export async function reply(db: Db, shopId: string, id: string, body: string): Promise<ReviewResponse> {
  const { rows } = await db.query<Row>(`UPDATE reviews SET reply_body = $3, reply_at = now(), updated_at = now() WHERE shop_id = $1 AND id = $2 RETURNING ${COLUMNS}`, [shopId, id, body]);
  if (!rows[0]) throw notFound(`Review ${id}`);
  return toReview(rows[0]);
}
