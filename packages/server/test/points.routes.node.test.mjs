// Points over REST: the program and its settings, rewards and code pools, the account and its
// history, check-ins (streaks across days, the bonus, the time zone), redemptions, adjustments,
// every refusal of the spec and idempotent replays.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DEFAULT_PROGRAM } from '@kith/server';
import { createTestServer, ENGINE, isError } from './helpers.mjs';
import { assertExplained, dateIn, dayPasses, pointsFixture, usd } from './points.helpers.mjs';

let t;
before(async () => {
  t = await createTestServer({ writeLimit: 10_000 });
});
after(async () => t.close());

const fixture = (o) => pointsFixture(t, o);

describe(`points routes (${ENGINE})`, () => {
  describe('the program', () => {
    it('a shop without settings has the default program, with every badge and no rewards', async () => {
      const f = await fixture();
      const p = await f.ok(await f.program());
      assert.deepEqual(p, {
        name: 'Rewards',
        tiers: DEFAULT_PROGRAM.tiers,
        earn: DEFAULT_PROGRAM.earn,
        rewards: [],
        badges: p.badges,
        expiryMonths: 12,
        pendingDays: 30,
        timeZone: 'UTC',
      });
      assert.deepEqual(
        p.badges.map((b) => b.id),
        ['first_purchase', 'first_review', 'photo_review', 'streak_7', 'team_leader', 'first_redemption'],
      );
      assert.deepEqual(
        p.badges.find((b) => b.id === 'team_leader'),
        { id: 'team_leader', name: 'Team leader', description: 'Led a group-buy team to success' },
      );
      assert.deepEqual(await f.ok(await f.admin.get('/v1/admin/points/program')), p);
      isError(await f.admin.get('/v1/points/program', { headers: { authorization: '' } }), 401, 'missing_key');
    });

    it('PUT changes only the fields sent; null clears expiry and terms', async () => {
      const f = await fixture();
      const changed = await f.ok(
        await f.admin.put('/v1/admin/points/program', {
          name: 'Kith Club',
          timeZone: 'Asia/Shanghai',
          pendingDays: 14,
          termsUrl: 'https://shop.example/points',
          tiers: [
            { id: 'base', name: 'Base', threshold: 0 },
            { id: 'vip', name: 'VIP', threshold: 1000, perks: ['Gift wrap'] },
          ],
        }),
      );
      assert.deepEqual(
        [changed.name, changed.timeZone, changed.pendingDays, changed.termsUrl, changed.expiryMonths],
        ['Kith Club', 'Asia/Shanghai', 14, 'https://shop.example/points', 12],
      );
      assert.deepEqual(changed.earn, DEFAULT_PROGRAM.earn, 'earn rules untouched');
      const cleared = await f.ok(await f.admin.put('/v1/admin/points/program', { expiryMonths: null, termsUrl: null }));
      assert.equal(cleared.expiryMonths, null);
      assert.equal('termsUrl' in cleared, false);
      assert.equal(cleared.name, 'Kith Club');
      assert.deepEqual(await f.ok(await f.program()), cleared);
    });

    it('400 with field paths: tiers not from 0 or not ascending, a repeated tier id or action, purchase without per, a bad time zone', async () => {
      const f = await fixture();
      const bad = async (body, paths) => {
        const res = await f.admin.put('/v1/admin/points/program', body);
        isError(res, 400, 'invalid_request');
        assert.deepEqual(res.json.error.details.map((d) => d.path).sort(), [...paths].sort(), JSON.stringify(body));
      };
      await bad(
        {
          tiers: [
            { id: 'a', name: 'A', threshold: 10 },
            { id: 'b', name: 'B', threshold: 5 },
          ],
        },
        ['json.tiers.0.threshold', 'json.tiers.1.threshold'],
      );
      await bad(
        {
          tiers: [
            { id: 'a', name: 'A', threshold: 0 },
            { id: 'a', name: 'B', threshold: 5 },
          ],
        },
        ['json.tiers.1.id'],
      );
      await bad({ tiers: Array.from({ length: 11 }, (_, i) => ({ id: `t${i}`, name: `T${i}`, threshold: i })) }, [
        'json.tiers',
      ]);
      await bad({ tiers: [] }, ['json.tiers']);
      await bad({ earn: [{ action: 'purchase', points: 1 }] }, ['json.earn.0.per']);
      await bad(
        {
          earn: [
            { action: 'review', points: 5 },
            { action: 'review', points: 6 },
          ],
        },
        ['json.earn.1.action'],
      );
      await bad({ earn: [{ action: 'share', points: 5, streakBonus: { everyDays: 7, points: 1 } }] }, [
        'json.earn.0.streakBonus',
      ]);
      await bad({ earn: [{ action: 'team', points: 5 }] }, ['json.earn.0.action']);
      await bad({ timeZone: 'Mars/Olympus_Mons' }, ['json.timeZone']);
      await bad({ pendingDays: -1, expiryMonths: 0, name: '' }, ['json.pendingDays', 'json.expiryMonths', 'json.name']);
      assert.equal((await f.ok(await f.program())).name, 'Rewards', 'nothing written');
    });

    it('refuses removing a tier an active reward needs', async () => {
      const f = await fixture();
      await f.ok(await f.addReward({ id: 'vip', title: 'VIP gift', cost: 10, kind: 'perk', tierId: 'gold' }), 201);
      const res = await f.admin.put('/v1/admin/points/program', {
        tiers: [{ id: 'member', name: 'Member', threshold: 0 }],
      });
      isError(res, 400, 'invalid_request');
      assert.match(res.json.error.details[0].message, /vip needs tier gold/);
    });

    it('admin endpoints need the secret key', async () => {
      const f = await fixture();
      isError(await f.pub.put('/v1/admin/points/program', { name: 'x' }), 403, 'secret_key_required');
      isError(
        await f.pub.post('/v1/admin/points/adjust', { customerId: 'c', points: 1, note: 'x' }),
        403,
        'secret_key_required',
      );
      isError(await f.pub.get('/v1/admin/points/customers/c1'), 403, 'secret_key_required');
    });
  });

  describe('rewards', () => {
    it('creates, lists cheapest first (active only for shoppers), patches and withdraws', async () => {
      const f = await fixture();
      const five = await f.ok(
        await f.addReward({
          id: 'rw-5off',
          title: '$5 off',
          cost: 500,
          kind: 'coupon',
          coupon: { amountOff: usd(500), minimumSpend: usd(3000), validDays: 30 },
        }),
        201,
      );
      assert.deepEqual(five, {
        id: 'rw-5off',
        title: '$5 off',
        cost: 500,
        kind: 'coupon',
        coupon: { amountOff: usd(500), minimumSpend: usd(3000), validDays: 30 },
        active: true,
        codes: { imported: 0, available: 0 },
        createdAt: five.createdAt,
      });
      const generated = await f.ok(
        await f.addReward({ title: 'Tote', description: 'Canvas tote', cost: 50, kind: 'perk', stock: 2 }),
        201,
      );
      assert.match(generated.id, /^rw_/);
      await f.ok(
        await f.addReward({ id: 'ship', title: 'Free shipping', cost: 300, kind: 'perk', tierId: 'silver' }),
        201,
      );
      assert.deepEqual(
        (await f.ok(await f.program())).rewards.map((r) => [r.id, r.cost]),
        [
          [generated.id, 50],
          ['ship', 300],
          ['rw-5off', 500],
        ],
      );
      assert.deepEqual((await f.ok(await f.program())).rewards[0], {
        id: generated.id,
        title: 'Tote',
        description: 'Canvas tote',
        cost: 50,
        kind: 'perk',
        stock: 2,
      });

      const patched = await f.ok(
        await f.admin.call('PATCH', `/v1/admin/points/rewards/${generated.id}`, {
          body: { description: null, stock: null, cost: 40 },
        }),
      );
      assert.deepEqual([patched.cost, 'description' in patched, 'stock' in patched], [40, false, false]);
      await f.ok(await f.admin.call('PATCH', '/v1/admin/points/rewards/ship', { body: { active: false } }));
      assert.deepEqual(
        (await f.ok(await f.program())).rewards.map((r) => r.id),
        [generated.id, 'rw-5off'],
        'withdrawn rewards leave the program',
      );
      assert.deepEqual(
        (await f.ok(await f.admin.get('/v1/admin/points/rewards'))).items.map((r) => [r.id, r.active]),
        [
          [generated.id, true],
          ['ship', false],
          ['rw-5off', true],
        ],
      );
    });

    it('400, 404 and 409: coupon rules, unknown tier, taken id, unknown reward', async () => {
      const f = await fixture();
      const bad = async (body, paths) => {
        const res = await f.addReward(body);
        isError(res, 400, 'invalid_request');
        assert.deepEqual(res.json.error.details.map((d) => d.path).sort(), [...paths].sort(), JSON.stringify(body));
      };
      await bad({ title: 'x', cost: 10, kind: 'coupon' }, ['json.coupon']);
      await bad({ title: 'x', cost: 10, kind: 'perk', coupon: { percentOff: 5 } }, ['json.coupon']);
      await bad({ title: 'x', cost: 10, kind: 'coupon', coupon: { percentOff: 5, amountOff: usd(100) } }, [
        'json.coupon',
      ]);
      await bad({ title: 'x', cost: 0, kind: 'perk', stock: -1 }, ['json.cost', 'json.stock']);
      await bad({ title: 'x', cost: 10, kind: 'perk', tierId: 'platinum' }, ['json.tierId']);
      await f.ok(await f.addReward({ id: 'r1', title: 'x', cost: 10, kind: 'perk' }), 201);
      isError(await f.addReward({ id: 'r1', title: 'again', cost: 10, kind: 'perk' }), 409, 'already_exists');
      isError(await f.admin.call('PATCH', '/v1/admin/points/rewards/nope', { body: { cost: 5 } }), 404, 'not_found');
      const merged = await f.admin.call('PATCH', '/v1/admin/points/rewards/r1', { body: { kind: 'coupon' } });
      isError(merged, 400, 'invalid_request');
      assert.deepEqual(
        merged.json.error.details.map((d) => d.path),
        ['json.coupon'],
        'the merged reward is checked',
      );
      isError(await f.admin.post('/v1/admin/points/rewards/nope/codes', { codes: ['ABCD'] }), 404, 'not_found');
    });

    it('imports codes: duplicates counted, bad codes refused; redemptions hand them out oldest first, then out_of_stock', async () => {
      const f = await fixture();
      await f.ok(
        await f.addReward({ id: 'pool', title: 'Pooled', cost: 10, kind: 'coupon', coupon: { percentOff: 10 } }),
        201,
      );
      await f.ok(await f.addReward({ id: 'other', title: 'Other', cost: 10, kind: 'perk' }), 201);
      const bad = await f.admin.post('/v1/admin/points/rewards/pool/codes', { codes: ['OK-CODE', 'no', 'has space'] });
      isError(bad, 400, 'invalid_request');
      assert.deepEqual(
        bad.json.error.details.map((d) => d.path),
        ['json.codes.1', 'json.codes.2'],
      );
      isError(await f.admin.post('/v1/admin/points/rewards/pool/codes', { codes: [] }), 400, 'invalid_request');
      assert.deepEqual(
        await f.ok(
          await f.admin.post('/v1/admin/points/rewards/pool/codes', { codes: ['CODE-A', 'CODE-B', 'CODE-A'] }),
        ),
        { imported: 2, duplicates: 1, available: 2 },
      );
      assert.deepEqual(
        await f.ok(await f.admin.post('/v1/admin/points/rewards/other/codes', { codes: ['CODE-B', 'CODE-C'] })),
        { imported: 1, duplicates: 1, available: 1 },
        'a code is unique in the shop',
      );
      assert.equal(
        (await f.ok(await f.program())).rewards.find((r) => r.id === 'pool').stock,
        2,
        'live stock is the unused codes',
      );
      await f.ok(await f.adjust('c1', 100), 201);
      assert.equal((await f.ok(await f.redeem('c1', 'pool'), 201)).code, 'CODE-A');
      assert.equal((await f.ok(await f.redeem('c1', 'pool'), 201)).code, 'CODE-B');
      isError(await f.redeem('c1', 'pool'), 409, 'out_of_stock');
      assert.equal((await f.ok(await f.program())).rewards.find((r) => r.id === 'pool').stock, 0);
      assert.deepEqual(
        (await f.ok(await f.admin.get('/v1/admin/points/rewards'))).items.find((r) => r.id === 'pool').codes,
        { imported: 2, available: 0 },
      );
      assert.equal((await f.ok(await f.account('c1'))).balance, 80, 'the refusal spent nothing');
    });
  });

  describe('account and history', () => {
    it('401 customer_token_required without a token, on every customer endpoint', async () => {
      const f = await fixture();
      for (const res of [
        await f.pub.get('/v1/points/me'),
        await f.pub.get('/v1/points/me/history'),
        await f.pub.post('/v1/points/check-in'),
        await f.pub.post('/v1/points/redeem', { rewardId: 'x' }),
      ]) {
        isError(res, 401, 'customer_token_required');
      }
      isError(
        await f.pub.get('/v1/points/me', { headers: { 'x-kith-customer': 'not.a.token' } }),
        401,
        'customer_token_malformed',
      );
    });

    it('a new customer has an empty account on the database clock', async () => {
      const f = await fixture();
      const before = Date.now();
      const a = await f.ok(await f.account('new'));
      assert.deepEqual(
        { ...a, serverTime: undefined },
        {
          balance: 0,
          pending: 0,
          lifetime: 0,
          tier: DEFAULT_PROGRAM.tiers[0],
          nextTier: { ...DEFAULT_PROGRAM.tiers[1], pointsNeeded: 500 },
          badges: [],
          checkIn: { streak: 0, checkedInToday: false, nextPoints: 5 },
          expiring: null,
          serverTime: undefined,
        },
      );
      assert.ok(Math.abs(Date.parse(a.serverTime) - before) < 60_000);
      const { rows } = await t.db.query('SELECT count(*)::int AS n FROM points_accounts WHERE shop_id = $1', [
        f.shop.id,
      ]);
      assert.equal(rows[0].n, 0, 'reading makes no account');
    });

    it('pages the history newest first with the running balance right on every page; a bad cursor is a 400', async () => {
      const f = await fixture();
      for (let i = 1; i <= 7; i++) await f.ok(await f.adjust('c1', i * 10, `Gift ${i}`), 201);
      await f.ok(await f.adjust('c1', -25, 'Correction'), 201);
      await f.ok(await f.order({ id: 'o1', customerId: 'c1', total: usd(4200) }), 201); // 42 pending
      const first = await f.ok(await f.history('c1', '?limit=3'));
      assert.equal(first.items.length, 3);
      assert.deepEqual(
        first.items.map((e) => [e.kind, e.points, e.status, e.balanceAfter]),
        [
          ['earn', 42, 'pending', null],
          ['adjust', -25, 'available', 255],
          ['adjust', 70, 'available', 280],
        ],
      );
      const all = await f.allHistory('c1', 3);
      assert.equal(all.length, 9);
      assert.deepEqual(all.slice(0, 3), first.items);
      assert.deepEqual(
        all.map((e) => e.balanceAfter),
        [null, 255, 280, 210, 150, 100, 60, 30, 10],
      );
      assertExplained(await f.ok(await f.account('c1')), all);
      assert.deepEqual((await f.ok(await f.history('c1'))).items, all, 'default limit 20 holds them all');
      isError(await f.history('c1', '?cursor=bm9wZQ'), 400, 'invalid_cursor');
      isError(await f.history('c1', '?limit=51'), 400, 'invalid_request');
      const note = all.find((e) => e.note === 'Gift 7');
      assert.deepEqual(note.source, { type: 'adjustment', id: note.id });
      assert.ok(note.expiresAt && !('availableAt' in note));
      assert.equal(
        Math.round((Date.parse(note.expiresAt) - Date.parse(note.createdAt)) / 86_400_000 / 30),
        12,
        'a lot expires 12 months on',
      );
      assert.ok(!('expiresAt' in all.find((e) => e.points === -25)), 'debits do not expire');
    });

    it("the merchant reads a customer's account and history", async () => {
      const f = await fixture();
      await f.ok(await f.adjust('c1', 30, 'Welcome'), 201);
      const view = await f.ok(await f.admin.get('/v1/admin/points/customers/c1?limit=1'));
      assert.equal(view.account.balance, 30);
      assert.deepEqual(
        view.history.items.map((e) => e.note),
        ['Welcome'],
      );
      assert.equal(view.history.nextCursor, null);
      assert.equal((await f.ok(await f.admin.get('/v1/admin/points/customers/nobody'))).account.balance, 0);
    });
  });

  describe('check-in', () => {
    it('earns once a day; a replay returns the same body; a second check-in is 409 already_checked_in', async () => {
      const f = await fixture();
      const key = { headers: { 'idempotency-key': 'check-in-key-1' } };
      const done = await f.ok(await f.checkIn('c1', key));
      assert.deepEqual(
        [done.points, done.bonus, done.streak, done.account.balance, done.account.checkIn],
        [5, 0, 1, 5, { streak: 1, checkedInToday: true, nextPoints: 5 }],
      );
      const replay = await f.checkIn('c1', key);
      assert.equal(replay.text, JSON.stringify(done));
      assert.equal(replay.headers.get('idempotent-replayed'), 'true');
      isError(await f.checkIn('c1'), 409, 'already_checked_in');
      const entries = await f.allHistory('c1');
      assert.deepEqual(
        entries.map((e) => [e.kind, e.action, e.points, e.source]),
        [['earn', 'check_in', 5, { type: 'check_in', id: dateIn('UTC') }]],
      );
      isError(await f.checkIn('c1', { headers: { 'idempotency-key': '' } }), 400, 'invalid_request');
    });

    it('counts the streak across days, breaks it after a missed day, and adds the bonus on day 7 (once the streak_7 badge)', async () => {
      const f = await fixture();
      const seen = [];
      for (let day = 1; day <= 8; day++) {
        const before = await f.ok(await f.account('c1'));
        const done = await f.ok(await f.checkIn('c1'));
        assert.equal(done.points, before.checkIn.nextPoints, `day ${day}: earns what nextPoints said`);
        seen.push([done.streak, done.points, done.bonus]);
        await dayPasses(t.db, f.shop.id, 'c1');
      }
      assert.deepEqual(seen, [
        [1, 5, 0],
        [2, 5, 0],
        [3, 5, 0],
        [4, 5, 0],
        [5, 5, 0],
        [6, 5, 0],
        [7, 25, 20],
        [8, 5, 0],
      ]);
      const a = await f.ok(await f.account('c1'));
      assert.deepEqual(
        a.checkIn,
        { streak: 8, checkedInToday: false, nextPoints: 5 },
        "yesterday's streak still counts until today is missed",
      );
      assert.deepEqual(
        a.badges.map((b) => b.id),
        ['streak_7'],
      );
      assert.equal(a.balance, 60);
      const entries = await f.allHistory('c1');
      assert.deepEqual(
        entries.filter((e) => e.action === 'streak_bonus').map((e) => e.points),
        [20],
      );
      assertExplained(a, entries);
      await dayPasses(t.db, f.shop.id, 'c1'); // today and yesterday both missed now
      assert.deepEqual((await f.ok(await f.account('c1'))).checkIn, {
        streak: 0,
        checkedInToday: false,
        nextPoints: 5,
      });
      assert.equal((await f.ok(await f.checkIn('c1'))).streak, 1, 'a missed day starts again');
    });

    it('nextPoints includes the bonus before the bonus day', async () => {
      const f = await fixture({
        program: { earn: [{ action: 'check_in', points: 2, streakBonus: { everyDays: 2, points: 10 } }] },
      });
      await f.ok(await f.checkIn('c1'));
      assert.deepEqual((await f.ok(await f.account('c1'))).checkIn, {
        streak: 1,
        checkedInToday: true,
        nextPoints: 12,
      });
      await dayPasses(t.db, f.shop.id, 'c1');
      assert.deepEqual((await f.ok(await f.checkIn('c1'))).points, 12);
    });

    it("the program's time zone decides the day", async () => {
      for (const timeZone of ['Pacific/Kiritimati', 'Pacific/Pago_Pago']) {
        const f = await fixture({ program: { timeZone } });
        await f.ok(await f.checkIn('c1'));
        const [line] = await f.allHistory('c1');
        assert.equal(line.source.id, dateIn(timeZone), timeZone);
      }
      assert.notEqual(
        dateIn('Pacific/Kiritimati'),
        dateIn('Pacific/Pago_Pago'),
        'UTC+14 and UTC-11 are never on the same date',
      );
    });

    it('409 not_in_program without a check-in rule', async () => {
      const f = await fixture({ program: { earn: [{ action: 'review', points: 5 }] } });
      isError(await f.checkIn('c1'), 409, 'not_in_program');
      assert.equal((await f.ok(await f.account('c1'))).checkIn.nextPoints, 0);
    });
  });

  describe('redeem', () => {
    it('spends the cost, hands out a code with the coupon and its expiry, records a redeem line; a replay spends nothing', async () => {
      const f = await fixture();
      await f.ok(
        await f.addReward({
          id: 'rw-10p',
          title: '10% off',
          cost: 120,
          kind: 'coupon',
          coupon: { percentOff: 10, validDays: 30 },
          stock: 5,
        }),
        201,
      );
      await f.ok(await f.adjust('c1', 200, 'Welcome'), 201);
      const key = { headers: { 'idempotency-key': 'redeem-key-1' } };
      const res = await f.redeem('c1', 'rw-10p', key);
      const r = await f.ok(res, 201);
      assert.match(r.id, /^rdm_/);
      assert.match(r.code, /^KITH-[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}$/);
      assert.deepEqual(
        [r.rewardId, r.rewardTitle, r.points, r.coupon, r.account.balance],
        ['rw-10p', '10% off', 120, { percentOff: 10, validDays: 30 }, 80],
      );
      assert.equal(Math.round((Date.parse(r.expiresAt) - Date.parse(r.createdAt)) / 86_400_000), 30);
      assert.deepEqual(
        r.account.badges.map((b) => b.id),
        ['first_redemption'],
      );
      const replay = await f.redeem('c1', 'rw-10p', key);
      assert.equal(replay.text, res.text, 'byte for byte');
      assert.equal((await f.ok(await f.program())).rewards[0].stock, 4, 'stock went down once');
      const entries = await f.allHistory('c1');
      assert.deepEqual(entries[0], {
        id: entries[0].id,
        kind: 'redeem',
        points: -120,
        source: { type: 'redemption', id: r.id, label: '10% off' },
        status: 'available',
        balanceAfter: 80,
        createdAt: r.createdAt,
      });
      assert.equal(entries.filter((e) => e.kind === 'redeem').length, 1);
      const perk = await f.ok(await f.addReward({ title: 'Sticker', cost: 10, kind: 'perk' }), 201);
      const p = await f.ok(await f.redeem('c1', perk.id), 201);
      assert.equal('coupon' in p || 'expiresAt' in p, false, 'a perk has a code and no coupon');
    });

    it('refuses in order: unknown or withdrawn 404, then tier, stock, balance; refusals change nothing', async () => {
      const f = await fixture();
      await f.ok(
        await f.addReward({ id: 'gold-perk', title: 'Gold perk', cost: 1000, kind: 'perk', tierId: 'gold', stock: 0 }),
        201,
      );
      await f.ok(await f.addReward({ id: 'empty', title: 'Gone', cost: 1000, kind: 'perk', stock: 0 }), 201);
      await f.ok(await f.addReward({ id: 'dear', title: 'Dear', cost: 1000, kind: 'perk' }), 201);
      await f.ok(await f.addReward({ id: 'off', title: 'Withdrawn', cost: 1, kind: 'perk' }), 201);
      await f.ok(await f.admin.call('PATCH', '/v1/admin/points/rewards/off', { body: { active: false } }));
      await f.ok(await f.adjust('c1', 10), 201);
      isError(await f.redeem('c1', 'nope'), 404, 'not_found');
      isError(await f.redeem('c1', 'off'), 404, 'not_found');
      isError(await f.redeem('c1', 'gold-perk'), 409, 'tier_required');
      isError(await f.redeem('c1', 'empty'), 409, 'out_of_stock');
      isError(await f.redeem('c1', 'dear'), 409, 'insufficient_points');
      const bad = await f.shopper('c1').post('/v1/points/redeem', {});
      isError(bad, 400, 'invalid_request');
      assert.deepEqual(
        bad.json.error.details.map((d) => d.path),
        ['json.rewardId'],
      );
      assert.equal((await f.ok(await f.account('c1'))).balance, 10);
      assert.equal((await f.allHistory('c1')).length, 1);
    });

    it('tiers come from lifetime points: redemptions and negative adjustments never lower them', async () => {
      const f = await fixture();
      await f.ok(
        await f.addReward({ id: 'silver-perk', title: 'Early access', cost: 100, kind: 'perk', tierId: 'silver' }),
        201,
      );
      await f.ok(await f.adjust('c1', 499), 201);
      isError(await f.redeem('c1', 'silver-perk'), 409, 'tier_required');
      await f.ok(await f.adjust('c1', 1), 201);
      const r = await f.ok(await f.redeem('c1', 'silver-perk'), 201);
      assert.deepEqual(
        [r.account.balance, r.account.lifetime, r.account.tier.id, r.account.nextTier],
        [400, 500, 'silver', { ...DEFAULT_PROGRAM.tiers[2], pointsNeeded: 1500 }],
      );
      await f.ok(await f.adjust('c1', -400), 201);
      const a = await f.ok(await f.account('c1'));
      assert.deepEqual([a.balance, a.lifetime, a.tier.id], [0, 500, 'silver']);
      await f.ok(await f.adjust('c1', 1500), 201);
      const top = await f.ok(await f.account('c1'));
      assert.deepEqual([top.tier.id, top.nextTier], ['gold', null]);
    });
  });

  describe('adjust', () => {
    it('adds with a note, removes down to 0, refuses below 0 with insufficient_points; 400 for 0, too much or no note', async () => {
      const f = await fixture();
      const added = await f.ok(await f.adjust('c1', 50, 'Sorry for the delay'), 201);
      assert.deepEqual(
        [added.entry.kind, added.entry.points, added.entry.note, added.entry.balanceAfter, added.account.balance],
        ['adjust', 50, 'Sorry for the delay', 50, 50],
      );
      isError(await f.adjust('c1', -51), 409, 'insufficient_points');
      const removed = await f.ok(await f.adjust('c1', -50), 201);
      assert.equal(removed.account.balance, 0);
      assert.equal(removed.account.lifetime, 50, 'a negative adjustment does not lower lifetime');
      const bad = await f.admin.post('/v1/admin/points/adjust', { customerId: '', points: 0, note: ' ' });
      isError(bad, 400, 'invalid_request');
      assert.deepEqual(bad.json.error.details.map((d) => d.path).sort(), [
        'json.customerId',
        'json.note',
        'json.points',
      ]);
      isError(await f.adjust('c1', 1_000_001), 400, 'invalid_request');
      isError(await f.adjust('c1', 1.5), 400, 'invalid_request');
    });
  });
});
