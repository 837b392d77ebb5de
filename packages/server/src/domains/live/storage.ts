import { randomUUID } from 'node:crypto';
import type { Db } from '../../db.js';
import { conflict, notFound } from '../../errors.js';
import type { CreateShowInput, LiveShowResponse } from './schemas.js';
import { appendEvent, SHOW_LOG } from '../../storage/events.js';
import { iso } from '../../time.js';

type ShowRow = {
  id: string;
  title: string;
  status: 'scheduled' | 'live' | 'ended';
  starts_at: Date | string;
  started_at: Date | string | null;
  ended_at: Date | string | null;
  stream_url: string | null;
  replay_url: string | null;
  viewer_count: number | null;
  host_name: string | null;
  host_avatar_url: string | null;
  product_ids: string[] | null;
};

export function toLiveShow(r: ShowRow): LiveShowResponse {
  return {
    id: r.id,
    title: r.title,
    status: r.status,
    startsAt: iso(r.starts_at),
    ...(r.started_at ? { startedAt: iso(r.started_at) } : {}),
    ...(r.ended_at ? { endedAt: iso(r.ended_at) } : {}),
    ...(r.stream_url ? { streamUrl: r.stream_url } : {}),
    ...(r.replay_url ? { replayUrl: r.replay_url } : {}),
    ...(r.status === 'live' && r.viewer_count !== null ? { viewerCount: r.viewer_count } : {}),
    ...(r.host_name
      ? { host: { displayName: r.host_name, ...(r.host_avatar_url ? { avatarUrl: r.host_avatar_url } : {}) } }
      : {}),
    productIds: [...(r.product_ids ?? [])].sort(),
  };
}

const SELECT_SHOW = `
  SELECT s.*, (SELECT array_agg(p.product_id) FROM live_show_products p WHERE p.shop_id = s.shop_id AND p.show_id = s.id) AS product_ids
  FROM live_shows s`;

export async function getShow(db: Db, shopId: string, id: string): Promise<LiveShowResponse> {
  const { rows } = await db.query<ShowRow>(`${SELECT_SHOW} WHERE s.shop_id = $1 AND s.id = $2`, [shopId, id]);
  if (!rows[0]) throw notFound(`Show ${id}`);
  return toLiveShow(rows[0]);
}

/** The show to badge for a product: live first, then the next scheduled, then the latest ended. */
export async function findShowForProduct(db: Db, shopId: string, productId: string): Promise<LiveShowResponse | null> {
  const { rows } = await db.query<ShowRow>(
    `${SELECT_SHOW}
     WHERE s.shop_id = $1 AND s.id IN (SELECT show_id FROM live_show_products WHERE shop_id = $1 AND product_id = $2)
     ORDER BY CASE s.status WHEN 'live' THEN 0 WHEN 'scheduled' THEN 1 ELSE 2 END,
              CASE WHEN s.status = 'scheduled' THEN s.starts_at END ASC,
              s.starts_at DESC
     LIMIT 1`,
    [shopId, productId],
  );
  return rows[0] ? toLiveShow(rows[0]) : null;
}

/** Records the new state as an event and notifies every server process (delivered on commit). */
async function publish(tx: Db, shopId: string, id: string): Promise<LiveShowResponse> {
  const show = await getShow(tx, shopId, id);
  await appendEvent(tx, SHOW_LOG, shopId, id, show);
  return show;
}

export async function createShow(db: Db, shopId: string, input: CreateShowInput): Promise<LiveShowResponse> {
  const id = input.id ?? `show_${randomUUID()}`;
  return db.transaction(async (tx) => {
    const inserted = await tx.query(
      `INSERT INTO live_shows (id, shop_id, title, status, starts_at, stream_url, host_name, host_avatar_url)
       VALUES ($1, $2, $3, 'scheduled', $4, $5, $6, $7) ON CONFLICT (shop_id, id) DO NOTHING RETURNING id`,
      [
        id,
        shopId,
        input.title,
        input.startsAt,
        input.streamUrl ?? null,
        input.host?.displayName ?? null,
        input.host?.avatarUrl ?? null,
      ],
    );
    if (!inserted.rows.length) throw conflict('already_exists', `Show ${id} already exists`);
    for (const productId of new Set(input.productIds)) {
      await tx.query('INSERT INTO live_show_products (shop_id, show_id, product_id) VALUES ($1, $2, $3)', [
        shopId,
        id,
        productId,
      ]);
    }
    return publish(tx, shopId, id);
  });
}

/**
 * A state change as one conditional UPDATE: it applies only from the allowed states, so two
 * concurrent requests can't both succeed and an illegal transition writes nothing.
 */
async function transition(
  db: Db,
  shopId: string,
  id: string,
  from: string,
  set: string,
  params: unknown[],
  illegal: string,
): Promise<LiveShowResponse> {
  return db.transaction(async (tx) => {
    const { rows } = await tx.query(
      `UPDATE live_shows SET ${set}, updated_at = now() WHERE shop_id = $1 AND id = $2 AND status = '${from}' RETURNING id`,
      [shopId, id, ...params],
    );
    if (!rows.length) {
      const current = await getShow(tx, shopId, id); // 404 when unknown
      throw conflict('illegal_transition', `${illegal} (the show is ${current.status})`);
    }
    return publish(tx, shopId, id);
  });
}

export const startShow = (db: Db, shopId: string, id: string, viewerCount = 0) =>
  transition(
    db,
    shopId,
    id,
    'scheduled',
    "status = 'live', started_at = now(), viewer_count = $3",
    [viewerCount],
    'Only a scheduled show can start',
  );

export const endShow = (db: Db, shopId: string, id: string, replayUrl?: string) =>
  transition(
    db,
    shopId,
    id,
    'live',
    "status = 'ended', ended_at = now(), viewer_count = NULL, replay_url = COALESCE($3, replay_url)",
    [replayUrl ?? null],
    'Only a live show can end',
  );

export const setViewers = (db: Db, shopId: string, id: string, viewerCount: number) =>
  transition(db, shopId, id, 'live', 'viewer_count = $3', [viewerCount], 'Viewers can only be set while live');

/** Puts a show back to scheduled from any state, clearing its run: for the demo driver only. */
export async function rescheduleShow(db: Db, shopId: string, id: string, startsAt: Date): Promise<LiveShowResponse> {
  return db.transaction(async (tx) => {
    const { rows } = await tx.query(
      `UPDATE live_shows SET status = 'scheduled', starts_at = $3, started_at = NULL, ended_at = NULL, viewer_count = NULL,
       replay_url = NULL, updated_at = now() WHERE shop_id = $1 AND id = $2 RETURNING id`,
      [shopId, id, startsAt.toISOString()],
    );
    if (!rows.length) throw notFound(`Show ${id}`);
    return publish(tx, shopId, id);
  });
}
