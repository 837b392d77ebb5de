import { randomUUID } from 'node:crypto';
import type { Db } from '../../db.js';
import { conflict, notFound } from '../../errors.js';
import type { Links } from '../media/links.js';
import { DEFAULT_SETTINGS, MIN_DUPLICATE_LENGTH, moderate, textHash, type ReviewSettings } from './moderation.js';
import type { ReviewPageResponse, ReviewResponse, ReviewSummaryResponse } from './schemas.js';
import {
  afterTimeAndId,
  cursorTime,
  decodeCursor,
  encodeCursor,
  isCursorId,
  isCursorTime,
  params,
  type CursorValue,
} from '../../storage/cursor.js';
import { attachMedia, mediaOf, type MediaItem } from '../media/storage.js';
import { checkSubmissionLimit, containsPattern } from './submissions.js';
import { earnForReview } from '../points/storage.js';
import { getProgramSettings, reviewEarnRule } from '../points/program.js';
import { iso } from '../../time.js';

type Row = {
  id: string;
  product_id: string;
  display_name: string;
  rating: 1 | 2 | 3 | 4 | 5;
  title: string | null;
  body: string;
  recommend: boolean | null;
  verified: boolean;
  incentivized: boolean;
  status: 'pending' | 'published' | 'rejected';
  helpful_count: number;
  reply_body: string | null;
  reply_at: Date | string | null;
  created_at: Date | string;
};

export const toReview = (r: Row, media: readonly MediaItem[] = []): ReviewResponse => ({
  id: r.id,
  productId: r.product_id,
  rating: r.rating,
  ...(r.title ? { title: r.title } : {}),
  body: r.body,
  author: { displayName: r.display_name, verifiedBuyer: r.verified },
  media: [...media],
  createdAt: iso(r.created_at),
  status: r.status,
  helpfulCount: r.helpful_count,
  ...(r.recommend !== null ? { recommend: r.recommend } : {}),
  ...(r.incentivized ? { incentivized: true } : {}),
  ...(r.reply_body && r.reply_at ? { reply: { body: r.reply_body, createdAt: iso(r.reply_at) } } : {}),
});

const COLUMNS =
  'id, product_id, display_name, rating, title, body, recommend, verified, incentivized, status, helpful_count, reply_body, reply_at, created_at';

/** Reviews with their photos, in the rows' order. */
async function withMedia(db: Db, shopId: string, rows: readonly Row[], links: Links): Promise<ReviewResponse[]> {
  const media = await mediaOf(
    db,
    shopId,
    rows.map((r) => r.id),
    links,
  );
  return rows.map((r) => toReview(r, media.get(r.id)));
}

type SettingsRow = {
  auto_publish: ReviewSettings['autoPublish'];
  min_rating_auto: number;
  report_threshold: number;
  submissions_per_hour: number;
  media_auto_publish: boolean;
  topics: string[];
};

export async function getSettings(db: Db, shopId: string): Promise<ReviewSettings> {
  const { rows } = await db.query<SettingsRow>(
    'SELECT auto_publish, min_rating_auto, report_threshold, submissions_per_hour, media_auto_publish, topics FROM review_settings WHERE shop_id = $1',
    [shopId],
  );
  const r = rows[0];
  return r
    ? {
        autoPublish: r.auto_publish,
        minRatingAuto: r.min_rating_auto,
        reportThreshold: r.report_threshold,
        submissionsPerHour: r.submissions_per_hour,
        mediaAutoPublish: r.media_auto_publish,
        topics: r.topics,
      }
    : DEFAULT_SETTINGS;
}

export async function updateSettings(db: Db, shopId: string, patch: Partial<ReviewSettings>): Promise<ReviewSettings> {
  const next = { ...(await getSettings(db, shopId)), ...patch };
  // One spelling per topic: "Size" and "size" would count the same reviews twice.
  const seen = new Set<string>();
  const topics = next.topics.filter((t) => !seen.has(t.toLowerCase()) && seen.add(t.toLowerCase()));
  await db.query(
    `INSERT INTO review_settings (shop_id, auto_publish, min_rating_auto, report_threshold, submissions_per_hour, media_auto_publish, topics)
     VALUES ($1, $2, $3, $4, $5, $6, $7)
     ON CONFLICT (shop_id) DO UPDATE SET auto_publish = $2, min_rating_auto = $3, report_threshold = $4, submissions_per_hour = $5,
       media_auto_publish = $6, topics = $7`,
    [
      shopId,
      next.autoPublish,
      next.minRatingAuto,
      next.reportThreshold,
      next.submissionsPerHour,
      next.mediaAutoPublish,
      topics,
    ],
  );
  return { ...next, topics };
}

/**
 * Each sort's leading key (none for newest) and direction; every sort then breaks ties by
 * created_at DESC, then id, so the order is total and keyset paging sees each row once. The
 * expressions match the indexes in 0003_media_questions.sql.
 */
const SORTS: Record<string, { key: string; desc: boolean; valid: (v: unknown) => boolean } | null> = {
  newest: null,
  highest: { key: 'rating', desc: true, valid: (v) => Number.isInteger(v) },
  lowest: { key: 'rating', desc: false, valid: (v) => Number.isInteger(v) },
  helpful: { key: 'helpful_count', desc: true, valid: (v) => Number.isInteger(v) },
  media: { key: '(media_count > 0)', desc: true, valid: (v) => typeof v === 'boolean' },
};

export interface ReviewListQuery {
  readonly sort: string;
  readonly rating?: number;
  readonly media?: boolean;
  readonly verified?: boolean;
  readonly q?: string;
  readonly cursor?: string;
  readonly limit: number;
}

export async function listReviews(
  db: Db,
  shopId: string,
  productId: string,
  q: ReviewListQuery,
  links: Links,
): Promise<ReviewPageResponse> {
  const sort = SORTS[q.sort] === undefined ? 'newest' : q.sort;
  const spec = SORTS[sort]!;
  const { values, p } = params([shopId, productId]);
  const where = ['shop_id = $1', 'product_id = $2', "status = 'published'"];
  if (q.rating) where.push(`rating = ${p(q.rating)}`);
  if (q.verified !== undefined) where.push(`verified = ${p(q.verified)}`);
  if (q.media) where.push('media_count > 0');
  if (q.q) {
    const pattern = p(containsPattern(q.q));
    where.push(`(body ILIKE ${pattern} OR title ILIKE ${pattern})`);
  }
  const filter = where.join(' AND ');
  const countParams = [...values];

  if (q.cursor) {
    const [key, at, id] = decodeCursor(
      q.cursor,
      sort,
      (v) => v.length === 3 && (spec ? spec.valid(v[0]) : v[0] === null) && isCursorTime(v[1]) && isCursorId(v[2]),
    );
    const tie = afterTimeAndId(at as string, id as string, p);
    if (!spec) where.push(tie);
    else {
      const k = p(key);
      const [beyond, atOrBeyond] = spec.desc ? ['<', '<='] : ['>', '>='];
      where.push(`${spec.key} ${atOrBeyond} ${k} AND (${spec.key} ${beyond} ${k} OR (${spec.key} = ${k} AND ${tie}))`);
    }
  }
  const order = `${spec ? `${spec.key} ${spec.desc ? 'DESC' : 'ASC'}, ` : ''}created_at DESC, id`;
  const sortKey = spec ? `, ${spec.key} AS sort_key` : '';
  const [{ rows }, total] = await Promise.all([
    db.query<Row & { sort_key?: CursorValue; cursor_at: string }>(
      `SELECT ${COLUMNS}${sortKey}, ${cursorTime('created_at')} AS cursor_at FROM reviews WHERE ${where.join(' AND ')} ORDER BY ${order} LIMIT ${p(q.limit + 1)}`,
      values,
    ),
    db.query<{ n: string }>(`SELECT count(*) AS n FROM reviews WHERE ${filter}`, countParams),
  ]);
  const page = rows.slice(0, q.limit);
  const last = page.at(-1);
  return {
    items: await withMedia(db, shopId, page, links),
    nextCursor:
      rows.length > q.limit && last
        ? encodeCursor(sort, [spec ? last.sort_key! : null, last.cursor_at, last.id])
        : null,
    total: Number(total.rows[0]!.n),
  };
}

/**
 * Summaries for many products in one query (N rating snippets on a listing page, one request),
 * read from the counts the triggers of 0013_review_stats.sql keep on every write.
 */
export async function summaries(db: Db, shopId: string, productIds: string[]): Promise<ReviewSummaryResponse[]> {
  type Count = 'n1' | 'n2' | 'n3' | 'n4' | 'n5' | 'recommend_yes' | 'recommend_any' | 'with_media';
  const { rows } = await db.query<
    Record<Count, number> & { product_id: string; topics: { label: string; n: number }[] | null }
  >(
    `SELECT s.product_id, n1, n2, n3, n4, n5, recommend_yes, recommend_any, with_media,
       (SELECT json_agg(json_build_object('label', t.label, 'n', t.n)) FROM review_topic_stats t
        WHERE t.shop_id = s.shop_id AND t.product_id = s.product_id AND t.n > 0) AS topics
     FROM review_stats s WHERE s.shop_id = $1 AND s.product_id = ANY($2)`,
    [shopId, productIds],
  );
  const byProduct = new Map(rows.map((r) => [r.product_id, r]));
  return productIds.map((productId) => {
    const r = byProduct.get(productId);
    const histogram: [number, number, number, number, number] = r ? [r.n1, r.n2, r.n3, r.n4, r.n5] : [0, 0, 0, 0, 0];
    const count = histogram.reduce((a, b) => a + b, 0);
    const sum = histogram.reduce((s, n, i) => s + n * (i + 1), 0);
    return {
      productId,
      count,
      histogram,
      average: count ? Math.round((sum / count) * 10) / 10 : 0,
      recommendPercent: r?.recommend_any ? Math.round((r.recommend_yes / r.recommend_any) * 100) : null,
      withMediaCount: r?.with_media ?? 0,
      topics: (r?.topics ?? [])
        .map((t) => ({ label: t.label, count: t.n }))
        .sort((a, b) => b.count - a.count || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0)),
    };
  });
}

export interface NewReview {
  readonly rating: number;
  readonly title?: string;
  readonly body: string;
  readonly recommend?: boolean;
  readonly displayName: string;
  /** Uploads of this customer not attached yet, at most MEDIA_LIMITS.maxPerReview (the schema checks). */
  readonly mediaIds?: readonly string[];
}

/**
 * Writes a review: verified when the customer has a reported order with the product; moderated
 * by the shop's rules; one per customer and product; limited per customer and IP per hour. Its
 * photos must be this customer's unused uploads; they are attached in the same transaction.
 */
export async function createReview(
  db: Db,
  shopId: string,
  productId: string,
  customerId: string,
  ip: string,
  input: NewReview,
  links: Links,
): Promise<ReviewResponse> {
  const settings = await getSettings(db, shopId);
  const mediaIds = input.mediaIds ?? [];
  return db.transaction(async (tx) => {
    await checkSubmissionLimit(tx, shopId, customerId, ip, settings.submissionsPerHour);
    const verified =
      (
        await tx.query(
          'SELECT 1 FROM orders o JOIN order_items i ON i.shop_id = o.shop_id AND i.order_id = o.id WHERE o.shop_id = $1 AND o.customer_id = $2 AND i.product_id = $3 LIMIT 1',
          [shopId, customerId, productId],
        )
      ).rows.length > 0;
    const text = `${input.title ?? ''} ${input.body}`.trim();
    const hash = textHash(input.body);
    // The same text on another product or from another customer is how brushing looks.
    const duplicate =
      input.body.length >= MIN_DUPLICATE_LENGTH &&
      (
        await tx.query(
          'SELECT 1 FROM reviews WHERE shop_id = $1 AND body_hash = $2 AND (product_id <> $3 OR customer_id <> $4) LIMIT 1',
          [shopId, hash, productId, customerId],
        )
      ).rows.length > 0;
    const { status, flags } = moderate({
      settings,
      verified,
      rating: input.rating,
      text,
      duplicate,
      media: mediaIds.length > 0,
    });
    // Written while the points program offers points for it: a rewarded review, labelled as one
    // (FTC 16 CFR 465, EU Omnibus), whether or not the points are paid later.
    const incentivized = !!reviewEarnRule(await getProgramSettings(tx, shopId), mediaIds.length);
    const { rows } = await tx.query<Row>(
      `INSERT INTO reviews (shop_id, id, product_id, customer_id, display_name, rating, title, body, body_hash, recommend, verified, status, flags, client_ip, media_count, incentivized)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)
       ON CONFLICT (shop_id, product_id, customer_id) DO NOTHING RETURNING ${COLUMNS}`,
      [
        shopId,
        `rev_${randomUUID()}`,
        productId,
        customerId,
        input.displayName,
        input.rating,
        input.title || null,
        input.body,
        hash,
        input.recommend ?? null,
        verified,
        status,
        flags,
        ip,
        mediaIds.length,
        incentivized,
      ],
    );
    if (!rows[0]) throw conflict('already_reviewed', 'This customer has already reviewed this product');
    if (mediaIds.length) await attachMedia(tx, shopId, customerId, rows[0].id, mediaIds);
    if (status === 'published')
      await earnForReview(tx, shopId, { id: rows[0].id, customerId, mediaCount: mediaIds.length });
    return (await withMedia(tx, shopId, rows, links))[0]!;
  });
}

async function reviewRow(db: Db, shopId: string, id: string): Promise<Row> {
  const { rows } = await db.query<Row>(`SELECT ${COLUMNS} FROM reviews WHERE shop_id = $1 AND id = $2`, [shopId, id]);
  if (!rows[0]) throw notFound(`Review ${id}`);
  return rows[0];
}

/** One vote per customer; voting again is a no-op. Only published reviews take votes. */
export async function markHelpful(
  db: Db,
  shopId: string,
  id: string,
  customerId: string,
): Promise<{ helpfulCount: number }> {
  return db.transaction(async (tx) => {
    const review = await reviewRow(tx, shopId, id);
    if (review.status !== 'published') throw notFound(`Review ${id}`);
    const added = await tx.query(
      'INSERT INTO review_votes (shop_id, review_id, customer_id) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING review_id',
      [shopId, id, customerId],
    );
    const { rows } = added.rows.length
      ? await tx.query<{ helpful_count: number }>(
          'UPDATE reviews SET helpful_count = helpful_count + 1 WHERE shop_id = $1 AND id = $2 RETURNING helpful_count',
          [shopId, id],
        )
      : await tx.query<{ helpful_count: number }>('SELECT helpful_count FROM reviews WHERE shop_id = $1 AND id = $2', [
          shopId,
          id,
        ]);
    return { helpfulCount: rows[0]!.helpful_count };
  });
}

/** Reports from distinct customers; at the shop's threshold a published review goes back to pending. */
export async function report(
  db: Db,
  shopId: string,
  id: string,
  customerId: string,
  reason: string,
): Promise<{ reported: true }> {
  const settings = await getSettings(db, shopId);
  return db.transaction(async (tx) => {
    await reviewRow(tx, shopId, id);
    await tx.query(
      'INSERT INTO review_reports (shop_id, review_id, customer_id, reason) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING',
      [shopId, id, customerId, reason],
    );
    await tx.query(
      `UPDATE reviews SET status = 'pending', flags = array_append(flags, 'reported'), updated_at = now()
       WHERE shop_id = $1 AND id = $2 AND status = 'published'
         AND (SELECT count(*) FROM review_reports WHERE shop_id = $1 AND review_id = $2) >= $3`,
      [shopId, id, settings.reportThreshold],
    );
    return { reported: true as const };
  });
}

/** The moderation queue, oldest first, keyset-paged. */
export async function adminList(
  db: Db,
  shopId: string,
  q: { status: string; cursor?: string; limit: number },
  links: Links,
) {
  const { values, p } = params([shopId, q.status]);
  const where = ['shop_id = $1', 'status = $2'];
  if (q.cursor) {
    const [at, id] = decodeCursor(q.cursor, 'queue', (v) => v.length === 2 && isCursorTime(v[0]) && isCursorId(v[1]));
    where.push(afterTimeAndId(at as string, id as string, p, true));
  }
  const { rows } = await db.query<Row & { flags: string[]; cursor_at: string }>(
    `SELECT ${COLUMNS}, flags, ${cursorTime('created_at')} AS cursor_at FROM reviews WHERE ${where.join(' AND ')}
     ORDER BY created_at, id LIMIT ${p(q.limit + 1)}`,
    values,
  );
  const page = rows.slice(0, q.limit);
  const reviews = await withMedia(db, shopId, page, links);
  const last = page.at(-1);
  return {
    items: reviews.map((r, i) => ({ ...r, flags: page[i]!.flags })),
    nextCursor: rows.length > q.limit && last ? encodeCursor('queue', [last.cursor_at, last.id]) : null,
  };
}

/** A moderator's decision. Publishing earns the author review points (once per review, whatever happened before). */
export async function setStatus(
  db: Db,
  shopId: string,
  id: string,
  status: 'published' | 'rejected',
  links: Links,
): Promise<ReviewResponse> {
  return db.transaction(async (tx) => {
    const { rows } = await tx.query<Row & { customer_id: string; media_count: number }>(
      `UPDATE reviews SET status = $3, updated_at = now() WHERE shop_id = $1 AND id = $2 RETURNING ${COLUMNS}, customer_id, media_count`,
      [shopId, id, status],
    );
    const r = rows[0];
    if (!r) throw notFound(`Review ${id}`);
    if (status === 'published')
      await earnForReview(tx, shopId, { id, customerId: r.customer_id, mediaCount: r.media_count });
    return (await withMedia(tx, shopId, rows, links))[0]!;
  });
}

/** What moderation can change of a review, for the audit log's `before`. Undefined for an unknown id. */
export async function moderationState(
  db: Db,
  shopId: string,
  id: string,
): Promise<{ status: string; reply: string | null } | undefined> {
  const { rows } = await db.query<{ status: string; reply_body: string | null }>(
    'SELECT status, reply_body FROM reviews WHERE shop_id = $1 AND id = $2',
    [shopId, id],
  );
  return rows[0] && { status: rows[0].status, reply: rows[0].reply_body };
}

export async function reply(db: Db, shopId: string, id: string, body: string, links: Links): Promise<ReviewResponse> {
  const { rows } = await db.query<Row>(
    `UPDATE reviews SET reply_body = $3, reply_at = now(), updated_at = now() WHERE shop_id = $1 AND id = $2 RETURNING ${COLUMNS}`,
    [shopId, id, body],
  );
  if (!rows[0]) throw notFound(`Review ${id}`);
  return (await withMedia(db, shopId, rows, links))[0]!;
}
