import type { Db } from '../../db.js';
import { ApiError } from '../../errors.js';
import { lockNames } from '../../storage/locks.js';

/**
 * One hourly budget per customer and per IP for everything a shopper writes in public (reviews,
 * questions, answers): a flood of questions is as much spam as a flood of reviews. Call it in the
 * transaction that inserts the submission: it locks the customer's and the IP's budgets until that
 * transaction ends, so concurrent submissions count each other instead of all seeing the same
 * earlier rows.
 */
export async function checkSubmissionLimit(
  tx: Db,
  shopId: string,
  customerId: string,
  ip: string,
  perHour: number,
): Promise<void> {
  await lockNames(tx, [`submissions:${shopId}:customer:${customerId}`, `submissions:${shopId}:ip:${ip}`]);
  const recent = (table: string) =>
    `(SELECT count(*) FROM ${table} WHERE shop_id = $1 AND (customer_id = $2 OR client_ip = $3) AND created_at > now() - interval '1 hour')`;
  const { rows } = await tx.query<{ n: string }>(
    `SELECT ${recent('reviews')} + ${recent('questions')} + ${recent('answers')} AS n`,
    [shopId, customerId, ip],
  );
  if (Number(rows[0]!.n) >= perHour) {
    throw new ApiError(
      429,
      'review_rate_limited',
      'Too many reviews, questions or answers from this customer or network; try again later',
      undefined,
      { 'retry-after': '3600' },
    );
  }
}

/** `%text%` for ILIKE, with the pattern characters in `text` taken literally. */
export const containsPattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
