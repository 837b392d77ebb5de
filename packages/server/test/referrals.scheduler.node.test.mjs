// Referrals over time and under concurrency: approval after the return window by schedulers and by
// readers racing (two database handles on PostgreSQL, two schedulers on one PGlite) happens once,
// with one reward and one `referral.approved`; the referral webhooks are signed and delivered once.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  approveDueReferrals,
  createPostgresDb,
  deliverDueWebhooks,
  startGroupBuyScheduler,
  verifyWebhookSignature,
} from '@kith/server';
import { createTestServer, ENGINE } from './helpers.mjs';
import { eventually, setWebhook, webhookReceiver } from './group-buy.helpers.mjs';
import { referralsFixture } from './referrals.helpers.mjs';

let t;
before(async () => {
  t = await createTestServer({ writeLimit: 10_000 });
});
after(async () => t.close());

/** Another process's view of the test database: a second pool on its schema (PostgreSQL), or the same PGlite. */
const secondHandle = async () =>
  ENGINE === 'postgres'
    ? createPostgresDb(process.env.KITH_DATABASE_URL, {
        schema: (await t.db.query('SELECT current_schema() AS s')).rows[0].s,
        max: 4,
      })
    : t.db;

describe(`referrals over time (${ENGINE})`, () => {
  it('two schedulers and two readers race past the window: one reward, one referral.approved, signed and delivered once', async () => {
    const receiver = await webhookReceiver();
    const other = await secondHandle();
    try {
      const f = await referralsFixture(t);
      const secret = await setWebhook(f, receiver.url);
      const { code } = await f.ok(await f.link('lin', { displayName: 'Lin' }), 201);
      const orders = [];
      for (const friend of ['mei', 'kai', 'ana']) orders.push(await f.ok(await f.refer(friend, code), 201));
      for (const o of orders) await f.windowPasses(o.referral.conversionId);

      const results = await Promise.all([
        approveDueReferrals(t.db, { skipLocked: true }),
        approveDueReferrals(other, { skipLocked: false }),
        approveDueReferrals(t.db),
        approveDueReferrals(other, { skipLocked: true }),
        f.stats('lin'),
        f.stats('lin'),
      ]);
      const byScheduler = /** @type {number[]} */ (results.slice(0, 4)).reduce((a, b) => a + b, 0);
      assert.ok(byScheduler <= 3, `at most three approvals (got ${byScheduler})`);
      const stats = await f.ok(await f.stats('lin'));
      assert.deepEqual([stats.conversions, stats.rewards], [3, { pending: 0, approved: 3 }]);
      assert.equal((await f.ok(await f.account('lin'))).balance, 300, 'each conversion rewarded once');
      const earns = (await f.allHistory('lin')).filter((e) => e.action === 'referral');
      assert.deepEqual(
        earns.map((e) => e.source.type),
        ['referral', 'referral', 'referral'],
      );
      assert.equal(new Set(earns.map((e) => e.source.id)).size, 3);

      while (await deliverDueWebhooks(t.db)) {
        /* drain */
      }
      await deliverDueWebhooks(other);
      const approved = receiver.ofType('referral.approved');
      assert.equal(approved.length, 3, 'one referral.approved per conversion');
      assert.deepEqual(
        approved.map((r) => r.json.data.conversion.id).sort(),
        orders.map((o) => o.referral.conversionId).sort(),
      );
      const first = approved.find((r) => r.json.data.conversion.orderId === orders[0].id);
      assert.deepEqual(first.json.data.conversion, {
        id: orders[0].referral.conversionId,
        code,
        advocateId: 'lin',
        friendId: 'mei',
        orderId: orders[0].id,
        reward: { kind: 'points', points: 100 },
      });
      const created = receiver.ofType('referral.link_created');
      assert.equal(created.length, 1);
      assert.deepEqual(created[0].json.data, {
        code,
        customerId: 'lin',
        couponCode: `FRIEND-${code}`,
        friend: { kind: 'coupon', amountOff: { minor: 1000, currency: 'USD' } },
      });
      assert.ok(
        receiver.received.every((r) => verifyWebhookSignature(secret, r.headers['kith-signature'], r.body)),
        'every delivery signed',
      );
      const log = await f.ok(await f.admin.get('/v1/admin/webhooks/deliveries'));
      assert.ok(log.items.some((d) => d.type === 'referral.link_created' && d.code === code));
      assert.ok(
        log.items.some((d) => d.type === 'referral.approved' && d.conversionId === orders[0].referral.conversionId),
      );
    } finally {
      await receiver.close();
      if (other !== t.db) await other.close();
    }
  });

  it('the scheduler approves a due coupon conversion; a refund afterwards sends referral.reversed once', async () => {
    const receiver = await webhookReceiver();
    const scheduler = startGroupBuyScheduler({ db: t.db }, { intervalMs: 20 });
    try {
      const f = await referralsFixture(t, {
        settings: {
          landingUrl: 'https://shop.example.com/',
          incentive: { advocate: { kind: 'coupon', amountOff: { minor: 500, currency: 'USD' } } },
        },
      });
      const secret = await setWebhook(f, receiver.url);
      const { code } = await f.ok(await f.link('lin'), 201);
      const order = await f.ok(await f.refer('mei', code), 201);
      await f.windowPasses(order.referral.conversionId);
      const approved = await eventually(() => receiver.ofType('referral.approved')[0], 10_000, 'referral.approved');
      assert.match(approved.json.data.conversion.couponCode, /^KITH-/);
      const refund = await f.ok(await f.refund(order.id));
      assert.deepEqual(refund.referral, { conversionId: order.referral.conversionId, status: 'reversed' });
      const reversed = await eventually(() => receiver.ofType('referral.reversed')[0], 10_000, 'referral.reversed');
      assert.equal(
        reversed.json.data.conversion.couponCode,
        approved.json.data.conversion.couponCode,
        'the coupon to void',
      );
      assert.ok(verifyWebhookSignature(secret, reversed.headers['kith-signature'], reversed.body));
      await scheduler.runOnce();
      assert.equal(receiver.ofType('referral.approved').length, 1);
      assert.equal(receiver.ofType('referral.reversed').length, 1);
      assert.equal((await f.ok(await f.stats('lin'))).recent[0].status, 'reversed');
    } finally {
      await scheduler.stop();
      await receiver.close();
    }
  });
});
