import { randomBytes, randomUUID } from 'node:crypto';
import type { Db } from '../../db.js';
import type { WebhookDeliveryResponse, WebhookType } from './schemas.js';
import { signWebhook } from './signature.js';
import { iso } from '../../time.js';
import { cursorTime, decodeCursor, encodeCursor, isCursorId, isCursorTime, params } from '../../storage/cursor.js';

export const WEBHOOK_MAX_ATTEMPTS = 8;
export const WEBHOOK_BACKOFF_FACTOR = 4;
export const WEBHOOK_TIMEOUT_MS = 5_000;
/** A claimed delivery is not due for anyone else for this long (well over the send timeout). */
const LEASE_SECONDS = 60;

const newSecret = () => `whsec_${randomBytes(24).toString('base64url')}`;

export async function getWebhookSettings(db: Db, shopId: string): Promise<{ url: string | null }> {
  const { rows } = await db.query<{ url: string }>('SELECT url FROM webhook_endpoints WHERE shop_id = $1', [shopId]);
  return { url: rows[0]?.url ?? null };
}

/** Sets the URL; the secret is made on first set and on `rotateSecret`, and shown only then. */
export async function putWebhookSettings(
  db: Db,
  shopId: string,
  input: { url: string; rotateSecret?: boolean },
): Promise<{ url: string; secret?: string }> {
  const { rows } = await db.query<{ url: string; secret: string; fresh: boolean }>(
    `INSERT INTO webhook_endpoints (shop_id, url, secret) VALUES ($1, $2, $3)
     ON CONFLICT (shop_id) DO UPDATE SET url = $2, updated_at = now(), secret = CASE WHEN $4::boolean THEN $3 ELSE webhook_endpoints.secret END
     RETURNING url, secret, (xmax = 0 OR $4::boolean) AS fresh`,
    [shopId, input.url, newSecret(), input.rotateSecret === true],
  );
  const r = rows[0]!;
  return r.fresh ? { url: r.url, secret: r.secret } : { url: r.url };
}

/**
 * Queues an event in the caller's transaction, so it exists exactly when the change that caused it
 * commits. The unique key (shop, type, subject, subkey) drops a second copy; nothing is queued while
 * the shop has no URL. The subject is the team for `team.*`, the redemption for `points.redeemed`,
 * the code for `referral.link_created`, the conversion for `referral.approved`/`reversed` (stored
 * in `team_id`).
 */
export async function queueWebhook(
  tx: Db,
  shopId: string,
  subjectId: string,
  type: WebhookType,
  subkey: number,
  data: Record<string, unknown>,
): Promise<void> {
  const id = `evt_${randomUUID().replace(/-/g, '')}`;
  const body = JSON.stringify({ id, type, createdAt: new Date().toISOString(), data });
  await tx.query(
    `INSERT INTO webhook_deliveries (id, shop_id, type, team_id, subkey, body)
     SELECT $1, $2, $3, $4, $5, $6 FROM webhook_endpoints WHERE shop_id = $2
     ON CONFLICT (shop_id, type, team_id, subkey) DO NOTHING`,
    [id, shopId, type, subjectId, subkey, body],
  );
}

export interface DeliveryOptions {
  /** First retry after this many ms, then ×4 each time; default 30 s. */
  readonly retryBaseMs?: number;
  readonly timeoutMs?: number;
  /** Deliveries claimed per call. */
  readonly batch?: number;
}

type Claimed = {
  id: string;
  shop_id: string;
  body: string;
  attempts: number;
  url: string | null;
  secret: string | null;
};

/**
 * Sends what is due. Rows are claimed with `FOR UPDATE SKIP LOCKED` and leased (pushed out of
 * "due" for a minute) in one short transaction, then sent outside it, so no two processes send
 * one delivery at once and no transaction stays open across an HTTP call. Every attempt is logged;
 * 2xx delivers, anything else retries with backoff until the last attempt fails it.
 */
export async function deliverDueWebhooks(db: Db, o: DeliveryOptions = {}): Promise<number> {
  const { retryBaseMs = 30_000, timeoutMs = WEBHOOK_TIMEOUT_MS, batch = 20 } = o;
  const { rows } = await db.transaction((tx) =>
    tx.query<Claimed>(
      `UPDATE webhook_deliveries d SET attempts = d.attempts + 1, next_attempt_at = now() + interval '${LEASE_SECONDS} seconds'
     FROM (SELECT id FROM webhook_deliveries WHERE status = 'pending' AND next_attempt_at <= now()
           ORDER BY next_attempt_at LIMIT $1 FOR UPDATE SKIP LOCKED) due
     WHERE d.id = due.id AND d.status = 'pending' AND d.next_attempt_at <= now()
     RETURNING d.id, d.shop_id, d.body, d.attempts,
       (SELECT url FROM webhook_endpoints e WHERE e.shop_id = d.shop_id) AS url,
       (SELECT secret FROM webhook_endpoints e WHERE e.shop_id = d.shop_id) AS secret`,
      [batch],
    ),
  );
  await Promise.all(rows.map((d) => attempt(db, d, retryBaseMs, timeoutMs)));
  return rows.length;
}

async function attempt(db: Db, d: Claimed, retryBaseMs: number, timeoutMs: number): Promise<void> {
  const started = Date.now();
  let status: number | null = null;
  let error: string | null = null;
  if (!d.url || !d.secret) error = 'No webhook URL is set';
  else {
    try {
      const res = await fetch(d.url, {
        method: 'POST',
        body: d.body,
        redirect: 'manual',
        signal: AbortSignal.timeout(timeoutMs),
        headers: {
          'content-type': 'application/json',
          'kith-signature': signWebhook(d.secret, d.body),
          'kith-event-id': d.id,
          'user-agent': 'Kith-Webhooks/1',
        },
      });
      status = res.status;
      await res.body?.cancel().catch(() => {});
      if (status < 200 || status >= 300) error = `HTTP ${status}`;
    } catch (e) {
      error =
        (e as Error).name === 'TimeoutError'
          ? `Timed out after ${timeoutMs} ms`
          : `${(e as Error).message}`.slice(0, 500);
    }
  }
  const ok = error === null;
  const done = ok ? 'delivered' : d.attempts >= WEBHOOK_MAX_ATTEMPTS ? 'failed' : 'pending';
  const delayMs = retryBaseMs * WEBHOOK_BACKOFF_FACTOR ** (d.attempts - 1);
  await db.transaction(async (tx) => {
    await tx.query(
      'INSERT INTO webhook_attempts (delivery_id, attempt, status_code, error, duration_ms) VALUES ($1, $2, $3, $4, $5)',
      [d.id, d.attempts, status, error, Date.now() - started],
    );
    // Only the holder of this attempt's lease writes the outcome.
    await tx.query(
      `UPDATE webhook_deliveries SET status = $3, last_status = $4, last_error = $5,
         delivered_at = CASE WHEN $3 = 'delivered' THEN now() END,
         next_attempt_at = CASE WHEN $3 = 'pending' THEN now() + $6::double precision * interval '1 millisecond' ELSE next_attempt_at END
       WHERE id = $1 AND attempts = $2 AND status = 'pending'`,
      [d.id, d.attempts, done, status, error, delayMs],
    );
  });
}

type DeliveryRow = {
  id: string;
  type: WebhookType;
  team_id: string;
  status: WebhookDeliveryResponse['status'];
  attempts: number;
  last_status: number | null;
  last_error: string | null;
  next_attempt_at: Date | string;
  delivered_at: Date | string | null;
  created_at: Date | string;
  cursor_at: string;
};

/** The event's subject (stored in `team_id`) under its name. */
function subjectOf(type: WebhookType, id: string) {
  if (type.startsWith('team.')) return { teamId: id };
  if (type === 'referral.link_created') return { code: id };
  if (type.startsWith('referral.')) return { conversionId: id };
  return { redemptionId: id };
}

/** The delivery log, newest first, with every attempt. */
export async function listDeliveries(
  db: Db,
  shopId: string,
  q: { status?: string; cursor?: string; limit: number },
): Promise<{ items: WebhookDeliveryResponse[]; nextCursor: string | null }> {
  const { values, p } = params([shopId]);
  const where = ['shop_id = $1'];
  if (q.status) where.push(`status = ${p(q.status)}`);
  if (q.cursor) {
    const [at, id] = decodeCursor(
      q.cursor,
      'deliveries',
      (v) => v.length === 2 && isCursorTime(v[0]) && isCursorId(v[1]),
    );
    const t = p(at);
    where.push(`(created_at < ${t}::timestamptz OR (created_at = ${t}::timestamptz AND id > ${p(id)}))`);
  }
  const { rows } = await db.query<DeliveryRow>(
    `SELECT id, type, team_id, status, attempts, last_status, last_error, next_attempt_at, delivered_at, created_at, ${cursorTime('created_at')} AS cursor_at
     FROM webhook_deliveries WHERE ${where.join(' AND ')} ORDER BY created_at DESC, id LIMIT ${p(q.limit + 1)}`,
    values,
  );
  const page = rows.slice(0, q.limit);
  const { rows: attempts } = await db.query<{
    delivery_id: string;
    attempt: number;
    attempted_at: Date | string;
    status_code: number | null;
    error: string | null;
    duration_ms: number;
  }>(
    'SELECT delivery_id, attempt, attempted_at, status_code, error, duration_ms FROM webhook_attempts WHERE delivery_id = ANY($1) ORDER BY delivery_id, attempt, id',
    [page.map((r) => r.id)],
  );
  const last = page.at(-1);
  return {
    items: page.map((r) => ({
      id: r.id,
      type: r.type,
      ...subjectOf(r.type, r.team_id),
      status: r.status,
      attempts: r.attempts,
      ...(r.last_status !== null ? { lastStatus: r.last_status } : {}),
      ...(r.last_error !== null ? { lastError: r.last_error } : {}),
      ...(r.status === 'pending' ? { nextAttemptAt: iso(r.next_attempt_at) } : {}),
      ...(r.delivered_at ? { deliveredAt: iso(r.delivered_at) } : {}),
      createdAt: iso(r.created_at),
      log: attempts
        .filter((a) => a.delivery_id === r.id)
        .map((a) => ({
          attempt: a.attempt,
          at: iso(a.attempted_at),
          ...(a.status_code !== null ? { status: a.status_code } : {}),
          ...(a.error !== null ? { error: a.error } : {}),
          durationMs: a.duration_ms,
        })),
    })),
    nextCursor: rows.length > q.limit && last ? encodeCursor('deliveries', [last.cursor_at, last.id]) : null,
  };
}
