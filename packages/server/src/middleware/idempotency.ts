import { createHash } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import type { Db } from '../db.js';
import type { AppEnv } from '../env.js';
import { ApiError, badRequest, toErrorResponse } from '../errors.js';
import { isRetryable } from '../request-tx.js';
import { recordAudit } from '../domains/audit/storage.js';
import { clientIp } from './client-ip.js';

/** What `idempotency()` read from a POST, for the write that runs in the handler's transaction. */
export interface IdempotencyClaim {
  readonly key: string;
  /** Whose key it is: a key never answers another caller (customer, staff member, the secret key, or an anonymous client). */
  readonly caller: string;
  readonly hash: string;
}

/**
 * Every POST needs an `Idempotency-Key`, scoped to its caller: the signed-in customer, the staff
 * member (a console session), the shop's secret key, or (anonymous writes) the client's address. The key's record and the write commit in
 * one transaction (see `runWrite`), so after a crash a retry either replays the answer or runs once.
 * Mount after the auth middleware, which sets the caller.
 */
export function idempotency(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (c.req.method !== 'POST') return next();
    const key = c.req.header('idempotency-key');
    if (!key)
      throw badRequest('Send an Idempotency-Key header (a UUID) with every POST', [
        { path: 'headers.idempotency-key', message: 'Required' },
      ]);
    if (key.length < 8 || key.length > 200)
      throw badRequest('Idempotency-Key must be 8 to 200 characters', [
        { path: 'headers.idempotency-key', message: 'Invalid length' },
      ]);
    // The raw bytes (photo uploads are binary, and decoding them as text could make two differ only
    // in invalid UTF-8), through Hono's body cache, which the handler reads from too.
    const body = new Uint8Array(await c.req.arrayBuffer());
    const hash = createHash('sha256')
      .update(`${c.req.method} ${new URL(c.req.url).pathname}\n`)
      .update(body)
      .digest('hex');
    c.set('idempotency', { key, caller: callerOf(c), hash });
    await next();
  };
}

const callerOf = (c: Context<AppEnv>) => {
  const customer = c.get('customerId');
  if (customer) return `customer:${customer}`;
  const staff = c.get('staff');
  if (staff) return `staff:${staff.id}`;
  return c.get('keyKind') === 'secret' ? 'secret' : `anonymous:${clientIp(c)}`;
};

/** Thrown inside the transaction to roll it back and answer with the response it carries. */
class Abort {
  constructor(readonly response: Response) {}
}

const ATTEMPTS = 4;

/**
 * Runs a write handler (POST, PUT, PATCH, DELETE) as one transaction with its Idempotency-Key
 * record: a 2xx commits with the answer stored; a 4xx rolls the handler's writes back and stores
 * the refusal (replayed like any answer); a 5xx, a 429 or a crash commits nothing, so the key is
 * free again. Concurrent requests with one key wait for the first (the key's unique row) and replay
 * it. A deadlock or serialisation failure runs the whole handler again.
 */
export async function runWrite(c: Context<AppEnv>, handler: () => Response | Promise<Response>): Promise<Response> {
  const db = c.get('db');
  const claim = c.get('idempotency');
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.inTransaction(async (tx) => {
        if (claim) {
          const shopId = c.get('shop').id;
          const claimed = await tx.query(
            'INSERT INTO idempotency_keys (shop_id, caller, key, request_hash) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING RETURNING key',
            [shopId, claim.caller, claim.key, claim.hash],
          );
          if (!claimed.rows.length) return replay(tx, shopId, claim);
        }
        await tx.query('SAVEPOINT kith_handler');
        let res: Response;
        try {
          res = await handler();
        } catch (e) {
          if (!(e instanceof ApiError)) throw e;
          res = toErrorResponse(e, c);
        }
        // A server error or a temporary refusal (429: a limit, a quota) keeps nothing, not even the
        // key: a retry with it later runs again instead of replaying the refusal.
        if (res.status >= 500 || res.status === 429) throw new Abort(res);
        if (res.status >= 400) await tx.query('ROLLBACK TO SAVEPOINT kith_handler');
        const audit = res.ok && c.get('audit');
        // The answer's text, read once for the key's record and the audit log.
        const answer = claim || audit ? await res.clone().text() : '';
        // An admin write that was done is in the audit log, in its transaction: both or neither.
        if (audit) await recordAudit(tx, c, res, answer);
        if (claim) {
          await tx.query(
            'UPDATE idempotency_keys SET status = $4, body = $5 WHERE shop_id = $1 AND caller = $2 AND key = $3',
            [c.get('shop').id, claim.caller, claim.key, res.status, answer],
          );
        }
        return res;
      });
    } catch (e) {
      if (e instanceof Abort) return e.response;
      if (isRetryable(e) && attempt < ATTEMPTS) {
        await new Promise((r) => setTimeout(r, 5 + Math.random() * 20 * attempt));
        continue;
      }
      throw e;
    }
  }
}

async function replay(tx: Db, shopId: string, claim: IdempotencyClaim): Promise<Response> {
  const { rows } = await tx.query<{ request_hash: string; status: number | null; body: string | null }>(
    'SELECT request_hash, status, body FROM idempotency_keys WHERE shop_id = $1 AND caller = $2 AND key = $3',
    [shopId, claim.caller, claim.key],
  );
  const prior = rows[0];
  if (prior && prior.request_hash !== claim.hash)
    throw new ApiError(422, 'idempotency_key_reused', 'This Idempotency-Key was used for a different request');
  // Only a row from before keys committed with their write can be unanswered.
  if (!prior || prior.status === null)
    throw new ApiError(
      409,
      'idempotency_in_progress',
      'A request with this Idempotency-Key is still being processed',
      undefined,
      { 'retry-after': '1' },
    );
  // Byte for byte the first response.
  return new Response(prior.body, {
    status: prior.status,
    headers: { 'content-type': 'application/json', 'idempotent-replayed': 'true' },
  });
}
