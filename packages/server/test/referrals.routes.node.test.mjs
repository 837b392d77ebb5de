// Referrals over REST: settings, links and codes, offers, visits, sign-ups, conversions with every
// fraud check in its order, the merchant's review, approval, refunds and idempotent replays.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { count, createTestServer, ENGINE, isError } from './helpers.mjs';
import { emailHash, orderId, referralsFixture, usd } from './referrals.helpers.mjs';

let t;
before(async () => {
  t = await createTestServer({ writeLimit: 10_000 });
});
after(async () => t.close());

const fixture = (o) => referralsFixture(t, o);

describe(`referrals routes (${ENGINE})`, () => {
  describe('settings', () => {
    it('defaults follow the points program; PUT is partial and validated', async () => {
      const f = await fixture({ settings: null });
      const d = await f.ok(await f.admin.get('/v1/admin/referrals/settings'));
      assert.deepEqual(d, {
        enabled: true,
        incentive: { friend: { kind: 'coupon', amountOff: usd(1000) }, advocate: { kind: 'points', points: 100 } },
        landingUrl: null,
        returnDays: 30,
        newCustomersOnly: true,
        maxConversionsPerCode: 50,
        sameIpLimit: 3,
        burstLimit: 5,
        visitsPerHour: 100,
      });
      const changed = await f.ok(
        await f.admin.put('/v1/admin/referrals/settings', {
          incentive: { advocate: { kind: 'coupon', percentOff: 15 }, termsUrl: 'https://shop.example.com/terms' },
          burstLimit: 9,
        }),
      );
      assert.deepEqual(changed.incentive, {
        friend: { kind: 'coupon', amountOff: usd(1000) },
        advocate: { kind: 'coupon', percentOff: 15 },
        termsUrl: 'https://shop.example.com/terms',
      });
      assert.equal(changed.burstLimit, 9);
      assert.equal(changed.sameIpLimit, 3, 'untouched');
      const cleared = await f.ok(await f.admin.put('/v1/admin/referrals/settings', { incentive: { termsUrl: null } }));
      assert.equal(cleared.incentive.termsUrl, undefined);
      for (const bad of [
        { incentive: { friend: { kind: 'coupon' } } },
        { incentive: { friend: { kind: 'coupon', amountOff: usd(100), percentOff: 10 } } },
        { incentive: { friend: { kind: 'coupon', percentOff: 101 } } },
        { incentive: { advocate: { kind: 'points' } } },
        { incentive: { advocate: { kind: 'points', points: -5 } } },
        { maxConversionsPerCode: 0 },
        { burstLimit: 1.5 },
        { landingUrl: 'ftp://shop.example.com/' },
        { landingUrl: '/relative' },
      ]) {
        const res = await f.admin.put('/v1/admin/referrals/settings', bad);
        isError(res, 400, 'invalid_request');
        assert.ok(
          Array.isArray(res.json.error.details) && res.json.error.details.length > 0,
          `details for ${JSON.stringify(bad)}`,
        );
      }
      isError(await f.pub.get('/v1/admin/referrals/settings'), 403, 'secret_key_required');
    });
  });

  describe('links', () => {
    it('one readable code per customer, in every url; 401 signed out; kith_ref added, other params kept', async () => {
      const f = await fixture();
      isError(await f.pub.post('/v1/referrals/links', {}), 401, 'customer_token_required');
      const first = await f.link('lin', { displayName: 'Lin Wei' });
      assert.equal(first.status, 201, first.text);
      assert.match(first.json.code, /^LINWEI-[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{4}$/);
      assert.equal(new URL(first.json.url).searchParams.get('kith_ref'), first.json.code);
      assert.equal(new URL(first.json.url).origin, 'https://shop.example.com');
      assert.deepEqual(first.json.incentive, {
        friend: { kind: 'coupon', amountOff: usd(1000) },
        advocate: { kind: 'points', points: 100 },
      });
      const again = await f.ok(
        await f.link('lin', { url: 'https://shop.example.com/p/tote?colour=sand&kith_ref=OLD' }),
      );
      assert.equal(again.code, first.json.code);
      const u = new URL(again.url);
      assert.deepEqual(
        [u.pathname, u.searchParams.get('colour'), u.searchParams.getAll('kith_ref')],
        ['/p/tote', 'sand', [first.json.code]],
      );
      const anon = await f.ok(await f.link('0042'), 201);
      assert.match(anon.code, /^KITH-/, 'no letters in a display name: KITH');
      isError(await f.link('lin', { url: 'javascript:alert(1)' }), 400, 'invalid_request');
      isError(await f.link('lin', { displayName: 'x'.repeat(41) }), 400, 'invalid_request');
      assert.equal(await count(t.db, 'SELECT count(*) AS n FROM referral_codes WHERE shop_id = $1', [f.shop.id]), 2);
    });

    it('the url falls back to the Origin, else 400 landing_url_required; a replay is identical', async () => {
      const f = await fixture({ settings: null });
      const none = await f.link('kai');
      isError(none, 400, 'landing_url_required');
      const origin = 'http://localhost:5173';
      await t.db.query('UPDATE shops SET allowed_origins = $2 WHERE id = $1', [f.shop.id, [origin]]);
      const key = 'replay-key-12345';
      const withOrigin = await f.link('kai', { displayName: 'Kai' }, { headers: { origin, 'idempotency-key': key } });
      assert.equal(withOrigin.status, 201, withOrigin.text);
      assert.equal(withOrigin.json.url, `${origin}/?kith_ref=${withOrigin.json.code}`);
      const replay = await f.link('kai', { displayName: 'Kai' }, { headers: { origin, 'idempotency-key': key } });
      assert.equal(replay.status, 201);
      assert.equal(replay.text, withOrigin.text, 'byte for byte');
      assert.equal(replay.headers.get('idempotent-replayed'), 'true');
    });

    it('a disabled program: links carry no incentive, the offer is 404', async () => {
      const f = await fixture({ settings: { landingUrl: 'https://shop.example.com/', enabled: false } });
      const link = await f.ok(await f.link('lin'), 201);
      assert.equal(link.incentive, null);
      isError(await f.offer(link.code), 404, 'not_found');
    });
  });

  describe('offers, visits, sign-ups', () => {
    it('the offer in any case; visits and sign-ups count once', async () => {
      const f = await fixture({
        settings: {
          landingUrl: 'https://shop.example.com/',
          incentive: { termsUrl: 'https://shop.example.com/terms' },
        },
      });
      const { code, incentive } = await f.ok(await f.link('lin', { displayName: 'Lin' }), 201);
      const offer = await f.ok(await f.offer(code.toLowerCase()));
      assert.deepEqual(offer, { code, advocateName: 'Lin', incentive, couponCode: `FRIEND-${code}` });
      isError(await f.offer('NO-SUCH'), 404, 'not_found');

      const k = { headers: { 'idempotency-key': 'visit-key-0001' } };
      const v = await f.visit(
        code,
        { landingUrl: 'https://shop.example.com/p/tote?utm=x', sessionId: 'session-0001' },
        k,
      );
      assert.equal(v.status, 201, v.text);
      const replay = await f.visit(
        code,
        { landingUrl: 'https://shop.example.com/p/tote?utm=x', sessionId: 'session-0001' },
        k,
      );
      assert.equal(replay.text, v.text);
      assert.equal(
        (
          await f.pub.call('POST', `/v1/referrals/${code.toLowerCase()}/visits`, {
            ip: '198.51.100.7',
            headers: { 'idempotency-key': 'visit-key-0002' },
          })
        ).status,
        201,
        'no body is fine (another visitor)',
      );
      isError(await f.visit('NO-SUCH'), 404, 'not_found');
      isError(await f.visit(code, { landingUrl: 'not a url' }), 400, 'invalid_request');
      isError(await f.pub.call('POST', `/v1/referrals/${code}/visits`, {}), 400, 'invalid_request');
      const { rows } = await t.db.query(
        'SELECT landing_path FROM referral_visits WHERE shop_id = $1 ORDER BY created_at',
        [f.shop.id],
      );
      assert.deepEqual(
        rows.map((r) => r.landing_path),
        ['/p/tote', null],
        'the path only',
      );

      assert.deepEqual(await f.ok(await f.signup(code.toLowerCase(), 'mei')), {
        code,
        customerId: 'mei',
        recorded: true,
      });
      assert.equal((await f.ok(await f.signup(code, 'mei'))).recorded, false, 'once per customer');
      assert.equal((await f.ok(await f.signup(code, 'lin'))).recorded, false, "the advocate's own is ignored");
      isError(await f.signup('NO-SUCH', 'mei'), 404, 'not_found');
      isError(await f.admin.post('/v1/admin/referrals/signups', { code }), 400, 'invalid_request');

      const stats = await f.ok(await f.stats('lin'));
      assert.deepEqual(stats, {
        code,
        clicks: 2,
        signups: 1,
        conversions: 0,
        rewards: { pending: 0, approved: 0 },
        recent: [],
      });
      assert.deepEqual(await f.ok(await f.stats('nobody')), {
        code: null,
        clicks: 0,
        signups: 0,
        conversions: 0,
        rewards: { pending: 0, approved: 0 },
        recent: [],
      });
      isError(await f.pub.get('/v1/referrals/me'), 401, 'customer_token_required');
    });
  });

  describe('conversions', () => {
    it("a friend's first order is pending its window; the same order twice, a second order and another code are not new conversions", async () => {
      const f = await fixture();
      const { code } = await f.ok(await f.link('lin'), 201);
      const { code: other } = await f.ok(await f.link('kai'), 201);
      const id = orderId();
      const placedAt = new Date(Date.now() - 86_400_000).toISOString();
      const res = await f.ok(
        await f.admin.post('/v1/admin/orders', {
          id,
          customerId: 'mei',
          productIds: ['p1'],
          total: usd(5000),
          referralCode: code.toLowerCase(),
          placedAt,
        }),
        201,
      );
      assert.equal(res.referral.status, 'pending');
      assert.deepEqual(res.referral.reasons, []);
      isError(
        await f.admin.post('/v1/admin/orders', { id, customerId: 'mei', productIds: ['p1'], referralCode: code }),
        409,
        'already_exists',
      );
      assert.deepEqual((await f.ok(await f.refer('mei', code), 201)).referral, { status: 'already_referred' });
      assert.deepEqual((await f.ok(await f.refer('mei', other), 201)).referral, { status: 'already_referred' });
      assert.deepEqual((await f.ok(await f.refer('mei', 'NOPE-1234'), 201)).referral, { status: 'unknown_code' });
      assert.equal((await f.ok(await f.refer('mei'), 201)).referral, null);

      const stats = await f.ok(await f.stats('lin'));
      assert.equal(stats.conversions, 1);
      assert.deepEqual(stats.rewards, { pending: 1, approved: 0 });
      const [c] = stats.recent;
      assert.deepEqual(Object.keys(c).sort(), ['approvesAt', 'createdAt', 'friendInitials', 'id', 'reward', 'status']);
      assert.equal(c.friendInitials, 'M');
      assert.equal(Date.parse(c.approvesAt), Date.parse(placedAt) + 30 * 86_400_000, 'placedAt + returnDays');
      assert.deepEqual(c.reward, { kind: 'points', points: 100 });
    });

    it('self-referral: the same customer, or the same email hash on another id → denied', async () => {
      const f = await fixture();
      const { code } = await f.ok(await f.link('lin'), 201);
      await f.ok(
        await f.admin.post('/v1/admin/orders', {
          id: orderId(),
          customerId: 'lin',
          productIds: ['p1'],
          emailHash: emailHash('Lin@Example.com'),
        }),
        201,
      );
      const self = await f.ok(await f.refer('lin', code), 201);
      assert.deepEqual([self.referral.status, self.referral.reasons], ['denied', ['self_referral']]);
      const alias = await f.ok(
        await f.refer('lin-2nd-account', code, { emailHash: emailHash('lin@example.com').toUpperCase() }),
        201,
      );
      assert.deepEqual([alias.referral.status, alias.referral.reasons], ['denied', ['self_referral']]);
      const stats = await f.ok(await f.stats('lin'));
      assert.equal(stats.conversions, 0);
      assert.deepEqual(
        stats.recent.map((c) => c.status),
        ['denied', 'denied'],
      );
      isError(await f.refer('x', code, { emailHash: 'abc' }), 400, 'invalid_request');
      isError(await f.refer('x', code, { ip: '999.1.1.1' }), 400, 'invalid_request');
    });

    it('an existing customer is denied; the cap denies and caps the offer', async () => {
      const f = await fixture({ settings: { landingUrl: 'https://shop.example.com/', maxConversionsPerCode: 2 } });
      const { code } = await f.ok(await f.link('lin'), 201);
      await f.ok(
        await f.admin.post('/v1/admin/orders', {
          id: orderId(),
          customerId: 'old',
          productIds: ['p1'],
          placedAt: '2024-01-01T00:00:00Z',
        }),
        201,
      );
      const old = await f.ok(await f.refer('old', code), 201);
      assert.deepEqual([old.referral.status, old.referral.reasons], ['denied', ['existing_customer']]);
      for (const friend of ['a', 'b'])
        assert.equal((await f.ok(await f.refer(friend, code), 201)).referral.status, 'pending');
      const capped = await f.ok(await f.refer('c', code), 201);
      assert.deepEqual([capped.referral.status, capped.referral.reasons], ['denied', ['cap_reached']]);
      isError(await f.offer(code), 404, 'code_capped');
    });

    it('burst and same IP are flagged, not rewarded; the merchant approves or denies', async () => {
      const f = await fixture({ settings: { landingUrl: 'https://shop.example.com/', burstLimit: 3, sameIpLimit: 2 } });
      const { code } = await f.ok(await f.link('lin'), 201);
      const statuses = [];
      for (const [i, ip] of ['203.0.113.7', '203.0.113.7', '203.0.113.7', '198.51.100.1', '2001:db8::1'].entries()) {
        statuses.push((await f.ok(await f.refer(`f${i}`, code, { ip }), 201)).referral);
      }
      assert.deepEqual(
        statuses.map((r) => [r.status, r.reasons]),
        [
          ['pending', []],
          ['pending', []],
          ['flagged', ['same_ip']],
          ['flagged', ['burst']],
          ['flagged', ['burst']],
        ],
      );
      const { rows } = await t.db.query('SELECT ip_hash FROM referral_conversions WHERE shop_id = $1', [f.shop.id]);
      assert.ok(
        rows.every((r) => r.ip_hash && !r.ip_hash.includes('203.0')),
        'only a hash is stored',
      );
      const queue = await f.ok(await f.list('flagged'));
      assert.equal(queue.items.length, 3);
      assert.deepEqual(Object.keys(queue.items[0]).sort(), [
        'advocateId',
        'approvesAt',
        'code',
        'createdAt',
        'friendId',
        'friendInitials',
        'id',
        'orderId',
        'reasons',
        'reward',
        'status',
      ]);
      assert.deepEqual(
        [queue.items[0].advocateId, queue.items[0].friendId, queue.items[0].reasons],
        ['lin', 'f2', ['same_ip']],
      );
      const paged = await f.ok(await f.admin.get('/v1/admin/referrals?status=flagged&limit=2'));
      const rest = await f.ok(
        await f.admin.get(`/v1/admin/referrals?status=flagged&limit=2&cursor=${paged.nextCursor}`),
      );
      assert.deepEqual(
        [...paged.items, ...rest.items].map((c) => c.id),
        queue.items.map((c) => c.id),
      );
      isError(await f.admin.get('/v1/admin/referrals?status=weird'), 400, 'invalid_request');

      const [a, b, c] = queue.items;
      await f.windowPasses(a.id);
      const approved = await f.ok(await f.admin.post(`/v1/admin/referrals/${a.id}/approve`));
      assert.equal(approved.status, 'approved', 'window passed: rewarded now');
      const account = await f.ok(await f.account('lin'));
      assert.equal(account.balance, 100, "the advocate's referral points, available at once");
      const later = await f.ok(await f.admin.post(`/v1/admin/referrals/${b.id}/approve`));
      assert.equal(later.status, 'pending', 'window open: pending until then');
      const denied = await f.ok(await f.admin.post(`/v1/admin/referrals/${c.id}/deny`));
      assert.deepEqual([denied.status, denied.reasons], ['denied', ['burst', 'denied_by_merchant']]);
      isError(await f.admin.post(`/v1/admin/referrals/${a.id}/approve`), 409, 'illegal_transition');
      isError(await f.admin.post(`/v1/admin/referrals/${a.id}/deny`), 409, 'illegal_transition');
      isError(await f.admin.post(`/v1/admin/referrals/${c.id}/approve`), 409, 'illegal_transition');
      isError(await f.admin.post('/v1/admin/referrals/rc_nope/approve'), 404, 'not_found');
      const pendingDenied = await f.ok(await f.admin.post(`/v1/admin/referrals/${b.id}/deny`));
      assert.equal(pendingDenied.status, 'denied', 'a pending one may be denied');
      const stats = await f.ok(await f.stats('lin'));
      assert.deepEqual([stats.conversions, stats.rewards], [3, { pending: 2, approved: 1 }]);
    });
  });

  describe('approval and refunds', () => {
    it('lazily when stats are read, exactly once; a refund afterwards takes the points back, never below 0', async () => {
      const f = await fixture();
      const { code } = await f.ok(await f.link('lin'), 201);
      const order = await f.ok(await f.refer('mei', code), 201);
      await f.windowPasses(order.referral.conversionId);
      const [s1, s2] = await Promise.all([f.stats('lin'), f.stats('lin')]);
      assert.deepEqual(
        [s1.json.rewards, s2.json.rewards],
        [
          { pending: 0, approved: 1 },
          { pending: 0, approved: 1 },
        ],
      );
      assert.equal(s1.json.recent[0].status, 'approved');
      assert.equal(s1.json.recent[0].approvesAt, undefined);
      assert.equal((await f.ok(await f.account('lin'))).balance, 100);
      await f.ok(await f.adjust('lin', -60, 'spent'), 201);
      const refund = await f.ok(await f.refund(order.id));
      assert.deepEqual(refund.referral, { conversionId: order.referral.conversionId, status: 'reversed' });
      const account = await f.ok(await f.account('lin'));
      assert.equal(account.balance, 0, 'the 40 left are taken, never below 0');
      assert.equal(account.lifetime, 0, 'lifetime loses the whole referral reward, the 60 spent included');
      const reverse = (await f.allHistory('lin')).find((e) => e.kind === 'reverse');
      assert.deepEqual(
        [reverse.points, reverse.shortfall, reverse.action, reverse.source],
        [-40, 60, 'referral', { type: 'referral', id: order.referral.conversionId }],
      );
      const stats = await f.ok(await f.stats('lin'));
      assert.deepEqual(
        [stats.conversions, stats.rewards, stats.recent[0].status],
        [0, { pending: 0, approved: 0 }, 'reversed'],
      );
    });

    it('a refund before approval reverses the pending conversion; unreferred orders answer null', async () => {
      const f = await fixture();
      const { code } = await f.ok(await f.link('lin'), 201);
      const order = await f.ok(await f.refer('mei', code), 201);
      const refund = await f.ok(await f.refund(order.id));
      assert.deepEqual(refund.referral, { conversionId: order.referral.conversionId, status: 'reversed' });
      await f.windowPasses(order.referral.conversionId);
      const stats = await f.ok(await f.stats('lin'));
      assert.deepEqual([stats.rewards, stats.recent[0].status], [{ pending: 0, approved: 0 }, 'reversed']);
      assert.equal((await f.ok(await f.account('lin'))).balance, 0, 'never rewarded');
      const plain = await f.ok(await f.refer('zed'), 201);
      assert.equal((await f.ok(await f.refund(plain.id))).referral, null);
    });

    it('a coupon reward is a generated code when approved', async () => {
      const f = await fixture({
        settings: {
          landingUrl: 'https://shop.example.com/',
          incentive: { advocate: { kind: 'coupon', percentOff: 20 } },
        },
      });
      const { code } = await f.ok(await f.link('lin'), 201);
      const order = await f.ok(await f.refer('mei', code), 201);
      await f.windowPasses(order.referral.conversionId);
      await f.ok(await f.stats('lin'));
      const [c] = (await f.ok(await f.list('approved'))).items;
      assert.match(c.couponCode, /^KITH-[A-Z0-9]{4}-[A-Z0-9]{4}$/);
      assert.deepEqual(c.reward, { kind: 'coupon', percentOff: 20 });
    });
  });
});
