// Points test helpers: a shop with signed-in shoppers and the merchant's calls, and moving a
// customer's ledger through time in SQL instead of waiting.
import assert from 'node:assert/strict';
import { signCustomerToken } from '@kith/server';
import { client, shopFixture } from './helpers.mjs';

export const usd = (minor) => ({ minor, currency: 'USD' });

/**
 * A fresh shop (default program unless `program` is given) with shoppers and the merchant's points calls.
 * @param {Awaited<ReturnType<typeof import('./helpers.mjs').createTestServer>>} t the test server
 * @param {{ program?: object, reviewSettings?: object }} [options]
 */
export async function pointsFixture(t, { program, reviewSettings } = {}) {
  const f = await shopFixture(t, reviewSettings);
  if (program) {
    const res = await f.admin.put('/v1/admin/points/program', program);
    assert.equal(res.status, 200, res.text);
  }
  const shopper = (customerId) => {
    // Signed per request: signing is async.
    const token = async () => ({ 'x-kith-customer': await signCustomerToken(f.shop.secretKey, customerId) });
    const c = client(t.app, f.shop.publishableKey);
    return {
      get: async (path, o = {}) => c.get(path, { ...o, headers: { ...(await token()), ...o.headers } }),
      post: async (path, body, o = {}) => c.post(path, body, { ...o, headers: { ...(await token()), ...o.headers } }),
    };
  };
  const ok = async (res, status = 200) => {
    assert.equal(res.status, status, res.text);
    return res.json;
  };
  return {
    ...f,
    shopper,
    ok,
    program: () => f.pub.get('/v1/points/program'),
    account: (customerId) => shopper(customerId).get('/v1/points/me'),
    history: (customerId, query = '') => shopper(customerId).get(`/v1/points/me/history${query}`),
    checkIn: (customerId, o) => shopper(customerId).post('/v1/points/check-in', undefined, o),
    redeem: (customerId, rewardId, o) => shopper(customerId).post('/v1/points/redeem', { rewardId }, o),
    adjust: (customerId, points, note = 'Test adjustment') =>
      f.admin.post('/v1/admin/points/adjust', { customerId, points, note }),
    earn: (customerId, action, sourceId) => f.admin.post('/v1/admin/points/earn', { customerId, action, sourceId }),
    addReward: (input) => f.admin.post('/v1/admin/points/rewards', input),
    order: (input) => f.admin.post('/v1/admin/orders', { productIds: ['p1'], ...input }),
    refund: (orderId) => f.admin.post(`/v1/admin/orders/${orderId}/refund`),
    /** Every history line, newest first, through the cursor. */
    async allHistory(customerId, limit = 50) {
      const items = [];
      let cursor = '';
      for (let i = 0; i < 100; i++) {
        const page = await ok(
          await shopper(customerId).get(`/v1/points/me/history?limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`),
        );
        items.push(...page.items);
        if (!page.nextCursor) return items;
        cursor = page.nextCursor;
      }
      throw new Error('paging did not end');
    },
  };
}

/** The ledger explains the account: balance and pending are the sums of their lines; the running balance never dips below 0. */
export function assertExplained(account, entries) {
  const available = entries.filter((e) => e.status === 'available');
  const pending = entries.filter((e) => e.status === 'pending');
  assert.equal(
    available.reduce((n, e) => n + e.points, 0),
    account.balance,
    'balance = the sum of available entries',
  );
  assert.equal(
    pending.reduce((n, e) => n + e.points, 0),
    account.pending,
    'pending = the sum of pending entries',
  );
  available.forEach((e, i) =>
    assert.equal(
      e.balanceAfter,
      (available[i + 1]?.balanceAfter ?? 0) + e.points,
      `line ${e.id} moves the running balance by its points`,
    ),
  );
  assert.ok(
    available.every((e) => e.balanceAfter >= 0),
    'the running balance never goes below 0',
  );
  assert.ok(
    pending.every((e) => e.balanceAfter === null),
    'pending lines have no balance',
  );
}

/** Internal entry id from the API's `pe_<n>`. */
export const seq = (entryId) => entryId.replace(/^pe_/, '');

/**
 * A day passes for a customer's check-ins: their stored days, the check-in entries' days and
 * times all move one day back, as if they had checked in a day earlier.
 */
export async function dayPasses(db, shopId, customerId) {
  await db.query(
    "UPDATE points_check_ins SET day = day - 1, created_at = created_at - interval '1 day' WHERE shop_id = $1 AND customer_id = $2",
    [shopId, customerId],
  );
  await db.query(
    `UPDATE points_entries SET source_id = (source_id::date - 1)::text, created_at = created_at - interval '1 day'
     WHERE shop_id = $1 AND customer_id = $2 AND source_type = 'check_in'`,
    [shopId, customerId],
  );
}

/** The date in an IANA zone as YYYY-MM-DD. */
export const dateIn = (timeZone, at = new Date()) =>
  new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
