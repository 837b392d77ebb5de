import { createHash } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import type { Deps, AppEnv } from '../env.js';
import { ApiError, badRequest } from '../errors.js';

/**
 * Every POST needs an `Idempotency-Key`. The first response (status and body) is stored and
 * replayed for the same key; the same key with a different request is a 422. A 5xx is not stored,
 * so the client may retry with the same key. Keys are kept 48 hours.
 */
export function idempotency({ db }: Deps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (c.req.method !== 'POST') return next();
    const key = c.req.header('idempotency-key');
    if (!key) throw badRequest('Send an Idempotency-Key header (a UUID) with every POST', [{ path: 'headers.idempotency-key', message: 'Required' }]);
    if (key.length < 8 || key.length > 200) throw badRequest('Idempotency-Key must be 8 to 200 characters', [{ path: 'headers.idempotency-key', message: 'Invalid length' }]);
    const shopId = c.get('shop').id;
    // The raw bytes: photo uploads are binary, and decoding them as text could make two differ only in invalid UTF-8.
    const body = new Uint8Array(await c.req.raw.clone().arrayBuffer());
    const hash = createHash('sha256').update(`${c.req.method} ${new URL(c.req.url).pathname}\n`).update(body).digest('hex');

    const claimed = await db.query('INSERT INTO idempotency_keys (shop_id, key, request_hash) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING key', [shopId, key, hash]);
    if (!claimed.rows.length) {
      const { rows } = await db.query<{ request_hash: string; status: number | null; body: string | null }>(
        'SELECT request_hash, status, body FROM idempotency_keys WHERE shop_id = $1 AND key = $2', [shopId, key]);
      const prior = rows[0];
      if (prior && prior.request_hash !== hash) throw new ApiError(422, 'idempotency_key_reused', 'This Idempotency-Key was used for a different request');
      if (!prior || prior.status === null) throw new ApiError(409, 'idempotency_in_progress', 'A request with this Idempotency-Key is still being processed', undefined, { 'retry-after': '1' });
      // Byte for byte the first response.
      return new Response(prior.body, { status: prior.status, headers: { 'content-type': 'application/json', 'idempotent-replayed': 'true' } });
    }
    if (Math.random() < 0.01) await db.query("DELETE FROM idempotency_keys WHERE created_at < now() - interval '48 hours'");

    // A handler's error never reaches here as a throw: Hono turns it into c.res through onError.
    await next();
    if (c.res.status >= 500) {
      await db.query('DELETE FROM idempotency_keys WHERE shop_id = $1 AND key = $2', [shopId, key]);
      return;
    }
    const text = await c.res.clone().text();
    await db.query('UPDATE idempotency_keys SET status = $3, body = $4 WHERE shop_id = $1 AND key = $2', [shopId, key, c.res.status, text]);
  };
}
