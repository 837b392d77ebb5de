import { randomUUID } from 'node:crypto';
import { MEDIA_LIMITS, sniffImage } from '@kith/core/image';
import type { Db } from '../../db.js';
import { ApiError } from '../../errors.js';
import type { Links } from './links.js';
import { MalformedImage, stripMetadata, swapsSides } from './image/index.js';
import type { MediaStore } from './store.js';
import type { UploadedMediaResponse } from '../reviews/schemas.js';
import { lockNames } from '../../storage/locks.js';

export interface MediaItem {
  readonly id: string;
  readonly kind: 'image';
  readonly url: string;
  readonly width: number;
  readonly height: number;
}

const unsupported = (message: string) => new ApiError(415, 'unsupported_media_type', message);

export interface UploadQuota {
  /** Photos per customer in any 24 hours. */
  readonly count: number;
  /** Stored bytes (after stripping) per customer in any 24 hours. */
  readonly bytes: number;
}

/**
 * What one customer may upload in any 24 hours, a review's photos many times over: enough for
 * anyone writing reviews, not enough to use the shop as free file storage.
 */
export const UPLOAD_QUOTA: UploadQuota = { count: 30, bytes: 60 * 1024 * 1024 };
const QUOTA_HOURS = 24;

/**
 * Under a lock on the customer's uploads (so concurrent uploads at the limit can't all pass):
 * throws 429 `upload_quota_exceeded` with Retry-After (when enough of the window's uploads age out)
 * if one more photo of `size` bytes would go over the quota, else inserts its row.
 */
async function insertWithinQuota(
  db: Db,
  quota: UploadQuota,
  row: {
    id: string;
    shopId: string;
    customerId: string;
    contentType: string;
    width: number;
    height: number;
    bytes: number;
  },
) {
  await db.transaction(async (tx) => {
    await lockNames(tx, [`media-quota:${row.shopId}:${row.customerId}`]);
    const { rows } = await tx.query<{ byte_size: number; frees_in: number }>(
      `SELECT byte_size, ceil(extract(epoch FROM created_at + make_interval(hours => $3) - clock_timestamp()))::int AS frees_in FROM review_media
       WHERE shop_id = $1 AND customer_id = $2 AND created_at > clock_timestamp() - make_interval(hours => $3) ORDER BY created_at, id`,
      [row.shopId, row.customerId, QUOTA_HOURS],
    );
    let count = rows.length;
    let bytes = rows.reduce((n, r) => n + r.byte_size, 0);
    const fits = () => count + 1 <= quota.count && bytes + row.bytes <= quota.bytes;
    if (!fits()) {
      // The oldest uploads leave the window first: wait until enough have for this one to fit.
      let wait = QUOTA_HOURS * 3600;
      for (const r of rows) {
        count--;
        bytes -= r.byte_size;
        if (fits()) {
          wait = r.frees_in;
          break;
        }
      }
      const after = String(Math.max(1, wait));
      throw new ApiError(
        429,
        'upload_quota_exceeded',
        `Each customer can upload ${quota.count} photos and ${quota.bytes / 1024 / 1024} MB in 24 hours; try again in ${after} s`,
        { count: quota.count, bytes: quota.bytes, windowHours: QUOTA_HOURS },
        { 'retry-after': after },
      );
    }
    await tx.query(
      'INSERT INTO review_media (id, shop_id, customer_id, content_type, width, height, byte_size) VALUES ($1, $2, $3, $4, $5, $6, $7)',
      [row.id, row.shopId, row.customerId, row.contentType, row.width, row.height, row.bytes],
    );
  });
}

/**
 * Stores a customer's photo for a review they are about to write. The type and size come from the
 * bytes, never from the request; metadata is stripped before anything is stored, and the upload
 * quota is checked on what would be stored.
 */
export async function uploadMedia(
  db: Db,
  store: MediaStore,
  shopId: string,
  customerId: string,
  input: Uint8Array,
  links: Links,
  quota: UploadQuota = UPLOAD_QUOTA,
): Promise<UploadedMediaResponse> {
  if (input.length > MEDIA_LIMITS.maxBytes)
    throw new ApiError(413, 'media_too_large', `Photos can be at most ${MEDIA_LIMITS.maxBytes / 1024 / 1024} MB`);
  const sniffed = sniffImage(input);
  if (!sniffed) throw unsupported('Send a JPEG, PNG or WebP image');
  if (Math.max(sniffed.width, sniffed.height) > MEDIA_LIMITS.maxDimension) {
    throw new ApiError(
      422,
      'image_dimensions',
      `Photos can be at most ${MEDIA_LIMITS.maxDimension} pixels on a side (this one is ${sniffed.width}×${sniffed.height})`,
    );
  }
  let stripped;
  try {
    stripped = stripMetadata(input, sniffed.type);
  } catch (e) {
    if (e instanceof MalformedImage) throw unsupported('The image file is damaged');
    throw e;
  }
  const swap = swapsSides(stripped.orientation);
  const uploaded = {
    id: `med_${randomUUID()}`,
    contentType: sniffed.type,
    width: swap ? sniffed.height : sniffed.width,
    height: swap ? sniffed.width : sniffed.height,
    bytes: stripped.bytes.length,
  };
  await insertWithinQuota(db, quota, { ...uploaded, shopId, customerId });
  try {
    await store.put({ shopId, id: uploaded.id }, stripped.bytes, uploaded.contentType);
  } catch (e) {
    await db.query('DELETE FROM review_media WHERE id = $1', [uploaded.id]);
    throw e;
  }
  return { ...uploaded, url: links.media(uploaded.id) };
}

/**
 * Attaches uploads to a new review (inside its transaction), numbered in upload order. Each must
 * be this customer's and unattached, or nothing is attached: 422 `invalid_media`.
 */
export async function attachMedia(
  tx: Db,
  shopId: string,
  customerId: string,
  reviewId: string,
  ids: readonly string[],
): Promise<void> {
  const { rows } = await tx.query(
    `UPDATE review_media m SET review_id = $4, position = o.position
     FROM (SELECT id, row_number() OVER (ORDER BY created_at, id) - 1 AS position FROM review_media WHERE shop_id = $1 AND id = ANY($3)) o
     WHERE m.id = o.id AND m.shop_id = $1 AND m.customer_id = $2 AND m.review_id IS NULL AND m.pruning_at IS NULL
     RETURNING m.id`,
    [shopId, customerId, ids, reviewId],
  );
  if (rows.length !== ids.length) {
    throw new ApiError(
      422,
      'invalid_media',
      'Each photo must be one this customer uploaded and has not used in another review',
    );
  }
}

/** Adds uploads to a review written before photos existed (the demo seed catching up old data dirs). */
export async function addMediaToReview(
  db: Db,
  shopId: string,
  customerId: string,
  reviewId: string,
  ids: readonly string[],
): Promise<void> {
  await db.transaction(async (tx) => {
    await attachMedia(tx, shopId, customerId, reviewId, ids);
    await tx.query(
      'UPDATE reviews SET media_count = (SELECT count(*) FROM review_media WHERE shop_id = $1 AND review_id = $2) WHERE shop_id = $1 AND id = $2',
      [shopId, reviewId],
    );
  });
}

/** The photos of each review, in upload order. */
export async function mediaOf(
  db: Db,
  shopId: string,
  reviewIds: readonly string[],
  links: Links,
): Promise<Map<string, MediaItem[]>> {
  const byReview = new Map<string, MediaItem[]>();
  if (!reviewIds.length) return byReview;
  const { rows } = await db.query<{ id: string; review_id: string; width: number; height: number }>(
    'SELECT id, review_id, width, height FROM review_media WHERE shop_id = $1 AND review_id = ANY($2) ORDER BY review_id, position',
    [shopId, reviewIds],
  );
  for (const r of rows) {
    const list = byReview.get(r.review_id) ?? [];
    list.push({ id: r.id, kind: 'image', url: links.media(r.id), width: r.width, height: r.height });
    byReview.set(r.review_id, list);
  }
  return byReview;
}

export interface StoredMedia {
  readonly bytes: Uint8Array;
  readonly contentType: string;
}

/** A photo anyone may see: one a published review carries. Undefined otherwise. */
export async function publicMedia(db: Db, store: MediaStore, id: string): Promise<StoredMedia | undefined> {
  const { rows } = await db.query<{ shop_id: string; content_type: string }>(
    `SELECT m.shop_id, m.content_type FROM review_media m JOIN reviews r ON r.shop_id = m.shop_id AND r.id = m.review_id
     WHERE m.id = $1 AND r.status = 'published'`,
    [id],
  );
  return rows[0] && load(store, rows[0].shop_id, id, rows[0].content_type);
}

/** Any photo of the shop, whatever its review's status (for moderators). */
export async function shopMedia(
  db: Db,
  store: MediaStore,
  shopId: string,
  id: string,
): Promise<StoredMedia | undefined> {
  const { rows } = await db.query<{ content_type: string }>(
    'SELECT content_type FROM review_media WHERE shop_id = $1 AND id = $2',
    [shopId, id],
  );
  return rows[0] && load(store, shopId, id, rows[0].content_type);
}

async function load(
  store: MediaStore,
  shopId: string,
  id: string,
  contentType: string,
): Promise<StoredMedia | undefined> {
  const bytes = await store.get({ shopId, id });
  return bytes && { bytes, contentType };
}

/**
 * Deletes up to `limit` uploads no review took within `olderThanHours` (abandoned forms), bytes
 * included. Each is claimed first, with SKIP LOCKED and only while still unattached, so processes
 * running this at once take different rows and a review can no longer take a claimed one; then its
 * bytes go from the store, then the row. A claim a stopped process left behind is taken over after
 * 10 minutes (deleting bytes twice is harmless). Returns how many rows were deleted.
 */
export async function pruneMedia(
  db: Db,
  store: MediaStore,
  olderThanHours = 24,
  { limit = 200 }: { limit?: number } = {},
): Promise<number> {
  const { rows } = await db.query<{ id: string; shop_id: string }>(
    `UPDATE review_media SET pruning_at = clock_timestamp() WHERE id IN (
       SELECT id FROM review_media
       WHERE review_id IS NULL AND created_at < now() - make_interval(hours => $1)
         AND (pruning_at IS NULL OR pruning_at < clock_timestamp() - interval '10 minutes')
       ORDER BY created_at LIMIT $2 FOR UPDATE SKIP LOCKED
     ) AND review_id IS NULL RETURNING id, shop_id`,
    [olderThanHours, limit],
  );
  for (const r of rows) await store.delete({ shopId: r.shop_id, id: r.id });
  if (!rows.length) return 0;
  const deleted = await db.query('DELETE FROM review_media WHERE id = ANY($1) AND review_id IS NULL RETURNING id', [
    rows.map((r) => r.id),
  ]);
  return deleted.rows.length;
}
