// Points expiry, oldest first: only what is left of a due lot expires, lazily when the customer is
// read or writes and by the scheduler for everyone, once; account.expiring; refunds' reversals.
// Time passes by moving a lot's timestamps in SQL.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startGroupBuyScheduler } from '@kith/server';
import { createTestServer, ENGINE } from './helpers.mjs';
import { assertExplained, dateIn, pointsFixture, seq, usd } from './points.helpers.mjs';

let t;
before(async () => {
  t = await createTestServer({ writeLimit: 10_000 });
});
after(async () => t.close());

/** A share earns lot A (100), a referral lot B (50). */
const program = {
  earn: [
    { action: 'share', points: 100 },
    { action: 'referral', points: 50 },
  ],
};
const DAY = 86_400_000;

/** Lot A (100), later lot B (50), then 30 spent: A has 70 left, B all 50. Returns the lots' entries. */
async function twoLots(f, customerId) {
  const a = (await f.ok(await f.earn(customerId, 'share', `a-${customerId}`))).entry;
  const b = (await f.ok(await f.earn(customerId, 'referral', `b-${customerId}`))).entry;
  await f.ok(await f.adjust(customerId, -30, 'Spent'), 201);
  return { a, b };
}

/** The lot's points fell due: earned 13 months ago, expired a day ago. */
const expireLot = (entryId) =>
  t.db.query(
    "UPDATE points_entries SET created_at = now() - interval '13 months', expires_at = now() - interval '1 day' WHERE id = $1",
    [seq(entryId)],
  );
const expiries = (entries) => entries.filter((e) => e.kind === 'expire');

describe(`points expiry (${ENGINE})`, () => {
  it('lazily on read: only the unspent remainder of the oldest lot expires, once', async () => {
    const f = await pointsFixture(t, { program });
    const { a, b } = await twoLots(f, 'c1');
    assert.equal((await f.ok(await f.account('c1'))).balance, 120);
    await expireLot(a.id);
    const after = await f.ok(await f.account('c1'));
    assert.deepEqual([after.balance, after.lifetime], [50, 150], 'A had 70 left; B is untouched; lifetime stays');
    await f.ok(await f.account('c1'));
    await f.ok(await f.history('c1'));
    let entries = await f.allHistory('c1');
    assert.deepEqual(
      expiries(entries).map((e) => [e.points, e.source, e.status, 'expiresAt' in e]),
      [[-70, { type: 'expiry', id: dateIn('UTC') }, 'available', false]],
      'one expiry however often it is read',
    );
    assertExplained(after, entries);

    await expireLot(b.id);
    assert.equal((await f.ok(await f.account('c1'))).balance, 0);
    entries = await f.allHistory('c1');
    assert.deepEqual(
      expiries(entries).map((e) => e.points),
      [-50, -70],
    );
    assertExplained(await f.ok(await f.account('c1')), entries);
  });

  it('before every write: a redemption cannot spend points that fell due', async () => {
    const f = await pointsFixture(t, { program });
    await f.ok(await f.addReward({ id: 'r', title: 'x', cost: 60, kind: 'perk' }), 201);
    const { a } = await twoLots(f, 'c1');
    await expireLot(a.id);
    const { rows } = await t.db.query(
      'SELECT count(*)::int AS n FROM points_entries WHERE shop_id = $1 AND kind = $2',
      [f.shop.id, 'expire'],
    );
    assert.equal(rows[0].n, 0, 'nobody read the account yet');
    const refused = await f.redeem('c1', 'r');
    assert.equal(refused.status, 409, refused.text);
    assert.equal(refused.json.error.code, 'insufficient_points');
    assert.equal((await f.ok(await f.account('c1'))).balance, 50);
  });

  it('by the scheduler for customers nobody reads, once however often it runs', async () => {
    const f = await pointsFixture(t, { program });
    const { a } = await twoLots(f, 'c1');
    await expireLot(a.id);
    const scheduler = startGroupBuyScheduler({ db: t.db }, { intervalMs: 60_000 });
    try {
      const first = await scheduler.runOnce();
      assert.ok(first.expired >= 70, `expired ${first.expired}`);
      assert.equal((await scheduler.runOnce()).expired, 0, 'nothing more the second time');
    } finally {
      await scheduler.stop();
    }
    const { rows } = await t.db.query(
      "SELECT points FROM points_entries WHERE shop_id = $1 AND customer_id = 'c1' AND kind = 'expire'",
      [f.shop.id],
    );
    assert.deepEqual(
      rows.map((r) => r.points),
      [-70],
    );
    assert.equal((await f.ok(await f.account('c1'))).balance, 50);
    assert.equal(expiries(await f.allHistory('c1')).length, 1, 'the read found nothing more to expire');
  });

  it('account.expiring: the soonest points within 30 days that would still be left', async () => {
    const f = await pointsFixture(t, { program });
    const { a, b } = await twoLots(f, 'c1');
    assert.equal((await f.ok(await f.account('c1'))).expiring, null, 'nothing within 30 days');
    const at = new Date(Date.now() + 10 * DAY).toISOString();
    await t.db.query('UPDATE points_entries SET expires_at = $2 WHERE id = $1', [seq(a.id), at]);
    assert.deepEqual((await f.ok(await f.account('c1'))).expiring, { points: 70, at });
    await f.ok(await f.adjust('c1', -70, 'Spent the rest of A'), 201);
    assert.equal((await f.ok(await f.account('c1'))).expiring, null, 'A is spent');
    const bAt = new Date(Date.now() + 20 * DAY).toISOString();
    await t.db.query('UPDATE points_entries SET expires_at = $2 WHERE id = $1', [seq(b.id), bAt]);
    assert.deepEqual((await f.ok(await f.account('c1'))).expiring, { points: 50, at: bAt });
  });

  it('a purchase refunded while pending never expires: its reversal nets the lot', async () => {
    const f = await pointsFixture(t);
    await f.ok(await f.order({ id: 'o1', customerId: 'c1', total: usd(10_000) }), 201);
    await f.ok(await f.refund('o1'));
    await f.ok(await f.adjust('c1', 20, 'Newer lot'), 201);
    // The return window and then a year pass for the order's lines.
    await t.db.query(
      "UPDATE points_entries SET available_at = now() - interval '13 months', expires_at = CASE WHEN kind = 'earn' THEN now() - interval '1 month' END WHERE shop_id = $1 AND source_id = 'o1'",
      [f.shop.id],
    );
    const a = await f.ok(await f.account('c1'));
    assert.deepEqual([a.balance, a.pending, a.lifetime], [20, 0, 20]);
    assert.deepEqual(expiries(await f.allHistory('c1')), []);
  });

  it('a refund of available points is spending like any other: it consumes the oldest lot first', async () => {
    const f = await pointsFixture(t, {
      program: { earn: [...program.earn, { action: 'purchase', points: 1, per: usd(100) }] },
    });
    const a = (await f.ok(await f.earn('c1', 'share', 'a'))).entry; // 100
    await f.ok(
      await f.order({
        id: 'o1',
        customerId: 'c1',
        total: usd(5000),
        placedAt: new Date(Date.now() - 31 * DAY).toISOString(),
      }),
      201,
    ); // 50, available
    assert.deepEqual(await f.ok(await f.refund('o1')), { orderId: 'o1', reversed: 50, shortfall: 0, referral: null });
    await expireLot(a.id);
    const after = await f.ok(await f.account('c1'));
    assert.equal(after.balance, 50, 'the refund took 50 of A first; 50 of A expired');
    assertExplained(after, await f.allHistory('c1'));
    const purchase = (await f.allHistory('c1')).find((e) => e.action === 'purchase' && e.kind === 'earn');
    await expireLot(purchase.id);
    assert.equal((await f.ok(await f.account('c1'))).balance, 0);
    assert.deepEqual(
      expiries(await f.allHistory('c1')).map((e) => e.points),
      [-50, -50],
    );
  });

  it('a program without expiry stamps no expiresAt; lots stamped before keep theirs', async () => {
    const f = await pointsFixture(t, { program });
    await f.ok(await f.earn('c1', 'share', 'before'));
    await f.ok(await f.admin.put('/v1/admin/points/program', { expiryMonths: null }));
    await f.ok(await f.earn('c1', 'share', 'after'));
    const entries = await f.allHistory('c1');
    assert.deepEqual(
      entries.map((e) => [e.source.id, 'expiresAt' in e]),
      [
        ['after', false],
        ['before', true],
      ],
    );
  });
});
