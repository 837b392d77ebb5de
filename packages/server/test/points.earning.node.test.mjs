// Points earned from the other domains, exactly once each: orders (pending purchase points) and
// their refunds, reviews published at submit or by a moderator, group-buy teams that succeed,
// shares and referrals with daily caps; badges; and the points.redeemed webhook.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { deliverDueWebhooks, verifyWebhookSignature } from '@kith/server';
import { createTestServer, ENGINE, isError } from './helpers.mjs';
import { PNG } from './images.mjs';
import { campaignInput, setWebhook, webhookReceiver } from './group-buy.helpers.mjs';
import { assertExplained, pointsFixture, usd } from './points.helpers.mjs';

let t;
before(async () => {
  t = await createTestServer({ writeLimit: 10_000 });
});
after(async () => t.close());

const fixture = (o) => pointsFixture(t, o);
const DAY = 86_400_000;
const review = (over = {}) => ({
  rating: 5,
  body: 'Sturdy canvas and the handles feel solid.',
  displayName: 'Ana',
  consent: true,
  ...over,
});

describe(`points earned (${ENGINE})`, () => {
  describe('orders and refunds', () => {
    it('an order with a total earns floor(total / per) × points, pending for pendingDays; the same order again is 409 and earns nothing', async () => {
      const f = await fixture();
      const order = { id: 'o1', customerId: 'c1', total: usd(12_345) };
      const res = await f.ok(await f.order(order), 201);
      assert.deepEqual(
        { ...res, points: { ...res.points, availableAt: undefined } },
        {
          id: 'o1',
          customerId: 'c1',
          productIds: ['p1'],
          total: usd(12_345),
          points: { earned: 123, availableAt: undefined },
          referral: null,
        },
      );
      isError(await f.order(order), 409, 'already_exists');
      const a = await f.ok(await f.account('c1'));
      assert.deepEqual([a.balance, a.pending, a.lifetime], [0, 123, 123]);
      const [line] = await f.allHistory('c1');
      assert.deepEqual(
        [line.kind, line.action, line.points, line.status, line.source, line.balanceAfter],
        ['earn', 'purchase', 123, 'pending', { type: 'order', id: 'o1' }, null],
      );
      assert.equal(line.availableAt, res.points.availableAt);
      assert.ok(
        Math.abs(Date.parse(line.availableAt) - Date.parse(line.createdAt) - 30 * DAY) < 5000,
        'available 30 days on',
      );
      assert.equal((await f.allHistory('c1')).length, 1);
      assert.deepEqual(
        a.badges.map((b) => b.id),
        ['first_purchase'],
      );
    });

    it("no points without a total, under one `per`, or in another currency; an old order's points are available at once", async () => {
      const f = await fixture();
      assert.equal((await f.ok(await f.order({ id: 'none', customerId: 'c1' }), 201)).points, null);
      assert.equal((await f.ok(await f.order({ id: 'small', customerId: 'c1', total: usd(99) }), 201)).points, null);
      assert.equal(
        (await f.ok(await f.order({ id: 'eur', customerId: 'c1', total: { minor: 10_000, currency: 'EUR' } }), 201))
          .points,
        null,
      );
      const placedAt = new Date(Date.now() - 40 * DAY).toISOString();
      const old = await f.ok(await f.order({ id: 'old', customerId: 'c1', total: usd(5000), placedAt }), 201);
      assert.equal(Date.parse(old.points.availableAt), Date.parse(placedAt) + 30 * DAY);
      const a = await f.ok(await f.account('c1'));
      assert.deepEqual([a.balance, a.pending], [50, 0]);
      const bad = await f.order({ id: 'bad', customerId: 'c1', total: { minor: -1, currency: 'usd' } });
      isError(bad, 400, 'invalid_request');
      assert.deepEqual(bad.json.error.details.map((d) => d.path).sort(), ['json.total.currency', 'json.total.minor']);
    });

    it('refunding a pending order reverses it pending too (net 0, lifetime back); twice is 409 already_refunded; unknown 404', async () => {
      const f = await fixture();
      await f.ok(await f.adjust('c1', 10), 201);
      await f.ok(await f.order({ id: 'o1', customerId: 'c1', total: usd(8000) }), 201);
      assert.deepEqual(await f.ok(await f.refund('o1')), { orderId: 'o1', reversed: 80, shortfall: 0, referral: null });
      isError(await f.refund('o1'), 409, 'already_refunded');
      isError(await f.refund('nope'), 404, 'not_found');
      const a = await f.ok(await f.account('c1'));
      assert.deepEqual([a.balance, a.pending, a.lifetime], [10, 0, 10]);
      const entries = await f.allHistory('c1');
      const [earn, reverse] = [entries.find((e) => e.kind === 'earn'), entries.find((e) => e.kind === 'reverse')];
      assert.deepEqual(
        [reverse.action, reverse.points, reverse.status, reverse.source, reverse.availableAt],
        ['purchase', -80, 'pending', { type: 'order', id: 'o1' }, earn.availableAt],
      );
      assertExplained(a, entries);
      const { rows } = await t.db.query(
        'SELECT refunded_at IS NOT NULL AS refunded FROM orders WHERE shop_id = $1 AND id = $2',
        [f.shop.id, 'o1'],
      );
      assert.equal(rows[0].refunded, true);
      // The return window ends: both lines become available together and still cancel out.
      await t.db.query(
        "UPDATE points_entries SET available_at = now() - interval '1 second' WHERE shop_id = $1 AND source_id = 'o1'",
        [f.shop.id],
      );
      const later = await f.ok(await f.account('c1'));
      assert.deepEqual([later.balance, later.pending], [10, 0]);
      assertExplained(later, await f.allHistory('c1'));
    });

    it('refunding after the points became available takes back what the balance holds and reports the shortfall', async () => {
      const f = await fixture();
      const placedAt = new Date(Date.now() - 31 * DAY).toISOString();
      await f.ok(await f.order({ id: 'o1', customerId: 'c1', total: usd(10_000), placedAt }), 201); // 100 available
      await f.ok(await f.addReward({ id: 'r', title: 'Spend', cost: 70, kind: 'perk' }), 201);
      await f.ok(await f.redeem('c1', 'r'), 201);
      assert.deepEqual(await f.ok(await f.refund('o1')), {
        orderId: 'o1',
        reversed: 30,
        shortfall: 70,
        referral: null,
      });
      const a = await f.ok(await f.account('c1'));
      assert.deepEqual([a.balance, a.lifetime], [0, 0], 'lifetime loses the whole purchase, spent or not');
      const entries = await f.allHistory('c1');
      assert.deepEqual(
        entries.map((e) => [e.kind, e.points, e.shortfall, e.balanceAfter]),
        [
          ['reverse', -30, 70, 0],
          ['redeem', -70, undefined, 30],
          ['earn', 100, undefined, 100],
        ],
      );
      assertExplained(a, entries);
      // Nothing left at all: the refund still records itself, as a line that moves no points.
      await f.ok(await f.order({ id: 'o2', customerId: 'c2', total: usd(1000), placedAt }), 201);
      await f.ok(await f.adjust('c2', -10), 201);
      assert.deepEqual(await f.ok(await f.refund('o2')), { orderId: 'o2', reversed: 0, shortfall: 10, referral: null });
      const c2 = await f.ok(await f.account('c2'));
      assert.deepEqual([c2.balance, c2.lifetime], [0, 0]);
      const c2Entries = await f.allHistory('c2');
      assert.deepEqual(
        c2Entries.map((e) => [e.kind, e.points, e.shortfall, e.balanceAfter]),
        [
          ['reverse', 0, 10, 0],
          ['adjust', -10, undefined, 0],
          ['earn', 10, undefined, 10],
        ],
      );
      assertExplained(c2, c2Entries);
      isError(await f.refund('o1'), 409, 'already_refunded');
    });

    it('a refund after the points were spent still takes the tier back; the balance stays at 0 and a retried refund changes nothing', async () => {
      const f = await fixture();
      const placedAt = new Date(Date.now() - 31 * DAY).toISOString();
      await f.ok(await f.order({ id: 'big', customerId: 'c1', total: usd(60_000), placedAt }), 201); // 600 available: Silver
      await f.ok(await f.order({ id: 'small', customerId: 'c1', total: usd(5_000), placedAt }), 201); // 50 more
      await f.ok(await f.addReward({ id: 'r', title: 'Spend it all', cost: 640, kind: 'perk' }), 201);
      await f.ok(await f.redeem('c1', 'r'), 201);
      const before = await f.ok(await f.account('c1'));
      assert.deepEqual([before.balance, before.lifetime, before.tier.id], [10, 650, 'silver']);

      const key = { headers: { 'idempotency-key': `refund-big-${f.shop.id}` } };
      const refund = await f.admin.post('/v1/admin/orders/big/refund', undefined, key);
      assert.deepEqual(await f.ok(refund), { orderId: 'big', reversed: 10, shortfall: 590, referral: null });
      const after = await f.ok(await f.account('c1'));
      assert.deepEqual(
        [after.balance, after.pending, after.lifetime, after.tier.id],
        [0, 0, 50, 'member'],
        'lifetime and tier drop by the whole purchase',
      );
      assert.deepEqual(after.nextTier, {
        id: 'silver',
        name: 'Silver',
        threshold: 500,
        perks: ['Early access to sales'],
        pointsNeeded: 450,
      });

      // Retried: the same key replays the first answer; a new key is 409; neither writes again.
      const replay = await f.admin.post('/v1/admin/orders/big/refund', undefined, key);
      assert.deepEqual(
        [replay.status, replay.text, replay.headers.get('idempotent-replayed')],
        [200, refund.text, 'true'],
      );
      isError(await f.refund('big'), 409, 'already_refunded');
      const again = await f.ok(await f.account('c1'));
      assert.deepEqual([again.balance, again.lifetime, again.tier.id], [0, 50, 'member']);
      const { rows } = await t.db.query(
        "SELECT points, shortfall FROM points_entries WHERE shop_id = $1 AND customer_id = 'c1' AND kind = 'reverse'",
        [f.shop.id],
      );
      assert.deepEqual(rows, [{ points: -10, shortfall: 590 }], 'one reversal, with its shortfall on record');
      assertExplained(again, await f.allHistory('c1'));
      // Spending afterwards still works from what is left, and the tier counts the next purchase from 50.
      await f.ok(await f.order({ id: 'next', customerId: 'c1', total: usd(45_000), placedAt }), 201);
      const later = await f.ok(await f.account('c1'));
      assert.deepEqual([later.balance, later.lifetime, later.tier.id], [450, 500, 'silver']);
    });

    it('an order without points can be refunded once; the refund body is optional but must be JSON', async () => {
      const f = await fixture();
      await f.ok(await f.order({ id: 'o1', customerId: 'c1' }), 201);
      isError(
        await f.admin.post('/v1/admin/orders/o1/refund', undefined, {
          raw: 'not json',
          headers: { 'content-type': 'application/json' },
        }),
        400,
        'invalid_request',
      );
      const empty = await f.admin.post('/v1/admin/orders/o1/refund', undefined, {
        headers: { 'content-type': 'application/json' },
      });
      assert.deepEqual(
        await f.ok(empty),
        { orderId: 'o1', reversed: 0, shortfall: 0, referral: null },
        'an empty body with a JSON content type is fine',
      );
      assert.deepEqual((await f.admin.post('/v1/admin/orders/o2/refund', {})).status, 404);
      isError(await f.pub.post('/v1/admin/orders/o1/refund'), 403, 'secret_key_required');
    });
  });

  describe('reviews', () => {
    it('a review published at submit earns review points once; approving it again earns nothing', async () => {
      const f = await fixture({ reviewSettings: { autoPublish: 'all' } });
      const r = await f.ok(await f.as('c1').post('/v1/products/p1/reviews', review()), 201);
      assert.equal(r.status, 'published');
      await f.ok(await f.admin.post(`/v1/admin/reviews/${r.id}/approve`));
      await f.ok(await f.admin.post(`/v1/admin/reviews/${r.id}/approve`));
      const entries = await f.allHistory('c1');
      assert.deepEqual(
        entries.map((e) => [e.kind, e.action, e.points, e.source]),
        [['earn', 'review', 20, { type: 'review', id: r.id }]],
      );
      assert.deepEqual(
        (await f.ok(await f.account('c1'))).badges.map((b) => b.id),
        ['first_review'],
      );
    });

    it('a photo review earns photo_review when a moderator publishes it, once, whatever happens after', async () => {
      const f = await fixture();
      const photo = await f.ok(await f.as('c1').upload(PNG), 201);
      const r = await f.ok(await f.as('c1').post('/v1/products/p1/reviews', review({ mediaIds: [photo.id] })), 201);
      assert.equal(r.status, 'pending');
      assert.deepEqual(await f.allHistory('c1'), [], 'nothing while pending');
      await f.ok(await f.admin.post(`/v1/admin/reviews/${r.id}/reject`));
      assert.deepEqual(await f.allHistory('c1'), [], 'nothing when rejected');
      await f.ok(await f.admin.post(`/v1/admin/reviews/${r.id}/approve`));
      await f.ok(await f.admin.post(`/v1/admin/reviews/${r.id}/approve`));
      const entries = await f.allHistory('c1');
      assert.deepEqual(
        entries.map((e) => [e.action, e.points]),
        [['photo_review', 50]],
      );
      assert.deepEqual((await f.ok(await f.account('c1'))).badges.map((b) => b.id).sort(), [
        'first_review',
        'photo_review',
      ]);
      // Without a photo_review rule a photo review earns the review rule.
      const g = await fixture({ program: { earn: [{ action: 'review', points: 7 }] } });
      const p2 = await g.ok(await g.as('c1').upload(PNG), 201);
      const r2 = await g.ok(await g.as('c1').post('/v1/products/p1/reviews', review({ mediaIds: [p2.id] })), 201);
      await g.ok(await g.admin.post(`/v1/admin/reviews/${r2.id}/approve`));
      assert.deepEqual(
        (await g.allHistory('c1')).map((e) => [e.action, e.points]),
        [['review', 7]],
      );
    });
  });

  describe('shares and referrals', () => {
    it('the same sourceId earns once; over the daily cap nothing is written; 409 without a rule', async () => {
      const f = await fixture();
      const first = await f.ok(await f.earn('c1', 'share', 'share-1'));
      assert.deepEqual(
        [
          first.capped,
          first.duplicate,
          first.entry.action,
          first.entry.points,
          first.entry.source,
          first.entry.balanceAfter,
        ],
        [false, false, 'share', 5, { type: 'share', id: 'share-1' }, 5],
      );
      assert.deepEqual(await f.ok(await f.earn('c1', 'share', 'share-1')), {
        entry: null,
        capped: false,
        duplicate: true,
      });
      await f.ok(await f.earn('c1', 'share', 'share-2'));
      await f.ok(await f.earn('c1', 'share', 'share-3'));
      assert.deepEqual(
        await f.ok(await f.earn('c1', 'share', 'share-4')),
        { entry: null, capped: true, duplicate: false },
        'the default cap is 3 a day',
      );
      assert.equal((await f.ok(await f.earn('c2', 'share', 'share-4'))).entry.points, 5, 'caps are per customer');
      const ref = await f.ok(await f.earn('c1', 'referral', 'friend-1'));
      assert.equal(ref.entry.points, 100);
      assert.equal((await f.ok(await f.account('c1'))).balance, 115);
      const bad = await f.admin.post('/v1/admin/points/earn', { customerId: 'c1', action: 'review', sourceId: '' });
      isError(bad, 400, 'invalid_request');
      assert.deepEqual(bad.json.error.details.map((d) => d.path).sort(), ['json.action', 'json.sourceId']);
      const g = await fixture({ program: { earn: [{ action: 'check_in', points: 1 }] } });
      isError(await g.earn('c1', 'share', 's'), 409, 'not_in_program');
    });

    it("yesterday's earns do not count towards today's cap", async () => {
      const f = await fixture({ program: { earn: [{ action: 'share', points: 5, dailyCap: 1 }] } });
      await f.ok(await f.earn('c1', 'share', 'a'));
      assert.equal((await f.ok(await f.earn('c1', 'share', 'b'))).capped, true);
      await t.db.query("UPDATE points_entries SET created_at = created_at - interval '1 day' WHERE shop_id = $1", [
        f.shop.id,
      ]);
      assert.equal((await f.ok(await f.earn('c1', 'share', 'b'))).entry.points, 5);
    });
  });

  describe('group-buy teams', () => {
    it('each confirmed member earns the reward once the team succeeds, once per team; the leader gets team_leader', async () => {
      const f = await fixture();
      const created = await f.admin.post(
        '/v1/admin/group-buys',
        campaignInput({ id: 'gb', reward: { description: '100 bonus points', points: 100 } }),
      );
      assert.equal(created.status, 201, created.text);
      const team = await f.ok(await f.shopper('lead').post('/v1/group-buys/gb/teams', {}), 201);
      await f.ok(await f.shopper('m2').post(`/v1/teams/${team.id}/join`, {}));
      await f.ok(await f.shopper('m3').post(`/v1/teams/${team.id}/join`, {}));
      const confirm = (customerId, orderId) =>
        f.admin.post('/v1/admin/orders', {
          id: orderId,
          customerId,
          productIds: ['p1'],
          teamId: team.id,
          total: usd(4900),
        });
      const one = await f.ok(await confirm('lead', 'o-lead'), 201);
      assert.deepEqual([one.team.state, one.points.earned], ['forming', 49]);
      assert.equal((await f.ok(await f.account('lead'))).balance, 0, 'no team points while forming');
      const two = await f.ok(await confirm('m2', 'o-m2'), 201);
      assert.equal(two.team.state, 'succeeded');
      isError(await confirm('m2', 'o-m2-again'), 409, 'seat_not_held');
      await f.ok(await confirm('m3', 'o-m3'), 201); // closes the team (full); earlier members earn nothing more
      for (const c of ['lead', 'm2', 'm3']) {
        const entries = await f.allHistory(c);
        const teamLines = entries.filter((e) => e.action === 'team');
        assert.deepEqual(
          teamLines.map((e) => [e.points, e.status, e.source]),
          [[100, 'available', { type: 'team', id: team.id }]],
          c,
        );
        assert.deepEqual(
          entries.filter((e) => e.action === 'purchase').map((e) => [e.points, e.status]),
          [[49, 'pending']],
          c,
        );
      }
      assert.deepEqual((await f.ok(await f.account('lead'))).badges.map((b) => b.id).sort(), [
        'first_purchase',
        'team_leader',
      ]);
      assert.deepEqual(
        (await f.ok(await f.account('m2'))).badges.map((b) => b.id),
        ['first_purchase'],
      );
    });

    it('a campaign without reward points earns none, and the leader still gets the badge', async () => {
      const f = await fixture();
      assert.equal((await f.admin.post('/v1/admin/group-buys', campaignInput({ id: 'gb' }))).status, 201);
      const team = await f.ok(await f.shopper('lead').post('/v1/group-buys/gb/teams', {}), 201);
      await f.ok(await f.shopper('m2').post(`/v1/teams/${team.id}/join`, {}));
      for (const c of ['lead', 'm2'])
        await f.ok(
          await f.admin.post('/v1/admin/orders', { id: `o-${c}`, customerId: c, productIds: ['p1'], teamId: team.id }),
          201,
        );
      assert.deepEqual(await f.allHistory('lead'), []);
      assert.deepEqual(
        (await f.ok(await f.account('lead'))).badges.map((b) => b.id),
        ['team_leader'],
      );
    });
  });

  describe('the points.redeemed webhook', () => {
    it('is queued with the redemption, signed, and delivered once even when the redemption is replayed', async () => {
      const f = await fixture();
      const receiver = await webhookReceiver();
      try {
        const secret = await setWebhook(f, receiver.url);
        await f.ok(
          await f.addReward({
            id: 'rw',
            title: '$5 off',
            cost: 40,
            kind: 'coupon',
            coupon: { amountOff: usd(500), validDays: 7 },
          }),
          201,
        );
        await f.ok(await f.adjust('c1', 100), 201);
        const key = { headers: { 'idempotency-key': 'redeem-webhook-1' } };
        const r = await f.ok(await f.redeem('c1', 'rw', key), 201);
        await f.ok(await f.redeem('c1', 'rw', key), 201);
        await deliverDueWebhooks(t.db);
        await deliverDueWebhooks(t.db);
        const sent = receiver.ofType('points.redeemed');
        assert.equal(receiver.received.length, 1);
        assert.ok(verifyWebhookSignature(secret, sent[0].headers['kith-signature'], sent[0].body));
        assert.equal(sent[0].headers['kith-event-id'], sent[0].json.id);
        const { account: _a, ...redemption } = r;
        assert.deepEqual(sent[0].json.data, { redemption: { ...redemption, id: r.id, customerId: 'c1' } });
        assert.deepEqual(Object.keys(sent[0].json.data.redemption), [
          'id',
          'customerId',
          'rewardId',
          'rewardTitle',
          'points',
          'code',
          'coupon',
          'expiresAt',
          'createdAt',
        ]);
        const [delivery] = (await f.ok(await f.admin.get('/v1/admin/webhooks/deliveries'))).items;
        assert.deepEqual(
          [delivery.type, delivery.status, delivery.redemptionId, 'teamId' in delivery],
          ['points.redeemed', 'delivered', r.id, false],
        );
      } finally {
        await receiver.close();
      }
    });

    it('is not queued while the shop has no webhook URL', async () => {
      const f = await fixture();
      await f.ok(await f.addReward({ id: 'rw', title: 'x', cost: 1, kind: 'perk' }), 201);
      await f.ok(await f.adjust('c1', 1), 201);
      await f.ok(await f.redeem('c1', 'rw'), 201);
      const { rows } = await t.db.query('SELECT count(*)::int AS n FROM webhook_deliveries WHERE shop_id = $1', [
        f.shop.id,
      ]);
      assert.equal(rows[0].n, 0);
    });
  });
});
