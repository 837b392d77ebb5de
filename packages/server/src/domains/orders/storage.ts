import type { Db } from '../../db.js';
import { conflict, notFound } from '../../errors.js';
import type { MoneyValue } from '../../schemas/common.js';
import { applyDue, confirmHeldSeat, heldSeat } from '../group-buy/storage.js';
import type { OrderRefundResponse } from './schemas.js';
import { cursorTime } from '../../storage/cursor.js';
import { applyExpiry, lockAccounts, reverseEarn } from '../points/ledger.js';
import { earnForOrder, earnForTeam } from '../points/storage.js';
import { getProgramSettings } from '../points/program.js';
import { advocateOfOrder, referOrderIn, reverseForRefundIn, type OrderReferralInput } from '../referrals/storage.js';

// Orders and refunds: the one place an order or a refund fans out to the other domains (purchase
// points, referral conversions, a group-buy seat and its team's reward), so those domains never
// import each other for an order.

export interface OrderInput {
  readonly id: string;
  readonly customerId: string;
  readonly productIds: readonly string[];
  readonly placedAt?: string;
  /** What the customer paid; earns purchase points. */
  readonly total?: MoneyValue;
  /** Referrals: hex SHA-256 of the buyer's lower-cased email. */
  readonly emailHash?: string;
}

/** Writes an order in the caller's transaction. */
async function insertOrder(tx: Db, shopId: string, o: OrderInput, teamId: string | null = null) {
  const inserted = await tx.query(
    `INSERT INTO orders (shop_id, id, customer_id, placed_at, team_id, total_minor, total_currency, email_hash)
     VALUES ($1, $2, $3, COALESCE($4::timestamptz, now()), $5, $6, $7, $8)
     ON CONFLICT DO NOTHING RETURNING id`,
    [
      shopId,
      o.id,
      o.customerId,
      o.placedAt ?? null,
      teamId,
      o.total?.minor ?? null,
      o.total?.currency ?? null,
      o.emailHash?.toLowerCase() ?? null,
    ],
  );
  if (!inserted.rows.length) throw conflict('already_exists', `Order ${o.id} already exists`);
  for (const p of new Set(o.productIds))
    await tx.query('INSERT INTO order_items (shop_id, order_id, product_id) VALUES ($1, $2, $3)', [shopId, o.id, p]);
  return {
    id: o.id,
    customerId: o.customerId,
    productIds: [...new Set(o.productIds)],
    ...(o.total ? { total: o.total } : {}),
  };
}

/**
 * Records an order and, with a total, its purchase points, and with a referral code its referral
 * conversion, in one transaction.
 */
export const recordOrder = (db: Db, shopId: string, o: OrderInput & OrderReferralInput) =>
  db.transaction(async (tx) => {
    const recorded = await insertOrder(tx, shopId, o);
    const referral = await referOrderIn(tx, shopId, o, o);
    return { ...recorded, points: await earnForOrder(tx, shopId, o), referral };
  });

/**
 * The merchant reports the order for a held seat: the order is recorded and the seat confirmed in
 * one transaction, which may move the team (tiers, success, closed when full) and earns points
 * (the order's, the team reward once it succeeded). 409 `seat_not_held` records nothing.
 */
export async function confirmSeat(db: Db, shopId: string, teamId: string, order: OrderInput & OrderReferralInput) {
  await applyDue(db, { shopId, teamId });
  return db.transaction(async (tx) => {
    const hold = await heldSeat(tx, shopId, teamId, order.customerId);
    const recorded = await insertOrder(tx, shopId, order, teamId);
    const referral = await referOrderIn(tx, shopId, order, order);
    const seat = await confirmHeldSeat(tx, shopId, teamId, hold, order.id);
    // Points in the same transaction: the order's purchase points and, once the team has
    // succeeded, the campaign's reward for every confirmed member (each once per team).
    await lockAccounts(tx, shopId, [order.customerId, ...seat.confirmed.map((m) => m.customerId)]);
    const points = await earnForOrder(tx, shopId, order);
    if (seat.succeeded)
      await earnForTeam(tx, shopId, { id: teamId, rewardPoints: seat.rewardPoints, confirmed: seat.confirmed });
    return { ...recorded, teamId, team: seat.team, points, referral };
  });
}

/**
 * A refund of a whole order, recorded once (409 `already_refunded`). Its purchase earn is reversed:
 * in full while pending (the reversal stays pending with it, net 0), else as much as the balance
 * allows, reporting the rest as `shortfall` (points already spent); lifetime points lose the
 * whole earn either way (see `reverseEarn`). The order's referral
 * conversion is reversed with it (see `reverseForRefundIn`).
 */
export async function refundOrder(db: Db, shopId: string, orderId: string): Promise<OrderRefundResponse> {
  const program = await getProgramSettings(db, shopId);
  return db.transaction(async (tx) => {
    const {
      rows: [order],
    } = await tx.query<{ customer_id: string }>(
      'UPDATE orders SET refunded_at = now() WHERE shop_id = $1 AND id = $2 AND refunded_at IS NULL RETURNING customer_id',
      [shopId, orderId],
    );
    if (!order) {
      const exists =
        (await tx.query('SELECT 1 FROM orders WHERE shop_id = $1 AND id = $2', [shopId, orderId])).rows.length > 0;
      throw exists
        ? conflict('already_refunded', `Order ${orderId} was refunded already`)
        : notFound(`Order ${orderId}`);
    }
    const customerId = order.customer_id;
    // The referral's advocate too (their referral points may be taken back), both in id order.
    const advocate = await advocateOfOrder(tx, shopId, orderId);
    const now = (await lockAccounts(tx, shopId, advocate ? [customerId, advocate] : [customerId]))!;
    await applyExpiry(tx, shopId, customerId, now, program.timeZone);
    const referral = await reverseForRefundIn(tx, shopId, orderId, now);
    const {
      rows: [earn],
    } = await tx.query<{ id: string; points: number; available_at: string | null; pending: boolean }>(
      `SELECT id::text AS id, points, ${cursorTime('available_at')} AS available_at, effective_at > $4::timestamptz AS pending FROM points_entries
       WHERE shop_id = $1 AND customer_id = $2 AND kind = 'earn' AND action = 'purchase' AND source_type = 'order' AND source_id = $3`,
      [shopId, customerId, orderId, now],
    );
    if (!earn) return { orderId, reversed: 0, shortfall: 0, referral };
    const { reversed, shortfall } = await reverseEarn(tx, shopId, customerId, now, {
      id: earn.id,
      points: earn.points,
      pending: earn.pending,
      availableAt: earn.available_at,
      action: 'purchase',
      sourceType: 'order',
      sourceId: orderId,
    });
    return { orderId, reversed, shortfall, referral };
  });
}
