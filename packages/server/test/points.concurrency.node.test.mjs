// Points under concurrency: the balance never goes below 0, stock and code pools are never
// oversold, and racing earns of one source credit once; with two server processes (two database
// handles on PostgreSQL) as well as with one.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createPostgresDb, createShop, redeem, signCustomerToken, startServer } from '@kith/server';
import { client, createTestServer, ENGINE } from './helpers.mjs';
import { assertExplained, pointsFixture } from './points.helpers.mjs';

let t;
before(async () => {
  t = await createTestServer({ writeLimit: 10_000 });
});
after(async () => t.close());

const fixture = (o) => pointsFixture(t, o);
const statuses = (results) => results.map((r) => r.status).sort();
const codes = (results) => [...new Set(results.filter((r) => r.status >= 400).map((r) => r.json.error.code))];

/** Another process's view of the test database: a second pool on its schema (PostgreSQL), or the same PGlite. */
const secondHandle = async () =>
  ENGINE === 'postgres'
    ? createPostgresDb(process.env.KITH_DATABASE_URL, {
        schema: (await t.db.query('SELECT current_schema() AS s')).rows[0].s,
        max: 4,
      })
    : t.db;
/** `client` over real HTTP. */
const http = (base, key, headers = {}) =>
  client(
    { request: (path, init) => fetch(`${base}${path}`, { ...init, headers: { ...headers, ...init.headers } }) },
    key,
  );

describe(`points under concurrency (${ENGINE})`, () => {
  it('50 concurrent redemptions with points for 10: exactly 10 succeed, 40 insufficient_points, the balance ends at 0', async () => {
    const f = await fixture();
    await f.ok(
      await f.addReward({ id: 'race', title: 'Race', cost: 7, kind: 'coupon', coupon: { percentOff: 5 } }),
      201,
    );
    await f.ok(await f.adjust('c1', 70), 201);
    const results = await Promise.all(Array.from({ length: 50 }, () => f.redeem('c1', 'race')));
    assert.deepEqual(
      statuses(results),
      [...Array(10).fill(201), ...Array(40).fill(409)],
      results.map((r) => r.text).join('\n'),
    );
    assert.deepEqual(codes(results), ['insufficient_points']);
    assert.equal(
      new Set(results.filter((r) => r.status === 201).map((r) => r.json.code)).size,
      10,
      'ten different codes',
    );
    const account = await f.ok(await f.account('c1'));
    assert.equal(account.balance, 0);
    const entries = await f.allHistory('c1');
    assert.equal(entries.filter((e) => e.kind === 'redeem').length, 10);
    assertExplained(account, entries);
  });

  it('stock 3, 20 customers racing: exactly 3 succeed, 17 out_of_stock, stock ends at 0', async () => {
    const f = await fixture();
    await f.ok(await f.addReward({ id: 'rare', title: 'Rare', cost: 10, kind: 'perk', stock: 3 }), 201);
    for (let i = 0; i < 20; i++) await f.ok(await f.adjust(`c${i}`, 10), 201);
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => f.redeem(`c${i}`, 'rare')));
    assert.deepEqual(
      statuses(results),
      [...Array(3).fill(201), ...Array(17).fill(409)],
      results.map((r) => r.text).join('\n'),
    );
    assert.deepEqual(codes(results), ['out_of_stock']);
    const { rows } = await t.db.query('SELECT stock FROM points_rewards WHERE shop_id = $1 AND id = $2', [
      f.shop.id,
      'rare',
    ]);
    assert.equal(rows[0].stock, 0);
    const spent = await t.db.query(
      "SELECT count(*)::int AS n FROM points_entries WHERE shop_id = $1 AND kind = 'redeem'",
      [f.shop.id],
    );
    assert.equal(spent.rows[0].n, 3, 'refused customers spent nothing');
  });

  it('a pool of 5 codes, 12 customers racing: 5 succeed with 5 different pool codes', async () => {
    const f = await fixture();
    await f.ok(
      await f.addReward({
        id: 'pool',
        title: 'Pool',
        cost: 1,
        kind: 'coupon',
        coupon: { amountOff: { minor: 100, currency: 'USD' } },
      }),
      201,
    );
    await f.ok(
      await f.admin.post('/v1/admin/points/rewards/pool/codes', {
        codes: ['P-0001', 'P-0002', 'P-0003', 'P-0004', 'P-0005'],
      }),
    );
    for (let i = 0; i < 12; i++) await f.ok(await f.adjust(`c${i}`, 1), 201);
    const results = await Promise.all(Array.from({ length: 12 }, (_, i) => f.redeem(`c${i}`, 'pool')));
    const won = results.filter((r) => r.status === 201);
    assert.equal(won.length, 5, results.map((r) => r.text).join('\n'));
    assert.deepEqual(won.map((r) => r.json.code).sort(), ['P-0001', 'P-0002', 'P-0003', 'P-0004', 'P-0005']);
    assert.deepEqual(codes(results), ['out_of_stock']);
  });

  it('racing earns of one source credit once: check-ins, shares, approvals, order reports', async () => {
    const f = await fixture({ reviewSettings: { autoPublish: 'none' } });
    const checkIns = await Promise.all(Array.from({ length: 10 }, () => f.checkIn('c1')));
    assert.deepEqual(statuses(checkIns), [200, ...Array(9).fill(409)]);
    assert.deepEqual(codes(checkIns), ['already_checked_in']);
    const shares = await Promise.all(Array.from({ length: 10 }, () => f.earn('c1', 'share', 'same')));
    assert.equal(shares.filter((r) => r.json.entry).length, 1);
    const review = await f.ok(
      await f.as('c1').post('/v1/products/p1/reviews', {
        rating: 4,
        body: 'Good bag, comfortable straps.',
        displayName: 'Lin',
        consent: true,
      }),
      201,
    );
    await Promise.all(Array.from({ length: 10 }, () => f.admin.post(`/v1/admin/reviews/${review.id}/approve`)));
    const orders = await Promise.all(
      Array.from({ length: 10 }, () =>
        f.order({ id: 'o-race', customerId: 'c1', total: { minor: 1000, currency: 'USD' } }),
      ),
    );
    assert.deepEqual(statuses(orders), [201, ...Array(9).fill(409)]);
    const entries = await f.allHistory('c1');
    assert.deepEqual(entries.map((e) => e.action).sort(), ['check_in', 'purchase', 'review', 'share']);
    assertExplained(await f.ok(await f.account('c1')), entries);
  });

  it(
    'a redemption whose transaction began before another committed still counts that one (PostgreSQL)',
    { skip: ENGINE !== 'postgres' && 'PGlite has one connection' },
    async () => {
      // Balances are read at the clock after the account lock, not at the transaction's start: a
      // transaction that began first but got the lock second must see the entries written meanwhile.
      const f = await fixture();
      await f.ok(await f.addReward({ id: 'race', title: 'Race', cost: 7, kind: 'perk' }), 201);
      await f.ok(await f.adjust('c1', 7), 201);
      /** @type {(value?: unknown) => void} */
      let begun;
      /** @type {(value?: unknown) => void} */
      let open;
      const started = new Promise((r) => {
        begun = r;
      });
      const gate = new Promise((r) => {
        open = r;
      });
      const early = {
        ...t.db,
        transaction: (fn) =>
          t.db.transaction(async (tx) => {
            await tx.query('SELECT now()');
            begun();
            await gate;
            return fn(tx);
          }),
      };
      const late = redeem(early, f.shop.id, 'c1', 'race');
      late.catch(() => {});
      await started;
      await f.ok(await f.redeem('c1', 'race'), 201);
      open();
      await assert.rejects(late, (/** @type {any} */ e) => e.code === 'insufficient_points');
      assert.equal((await f.ok(await f.account('c1'))).balance, 0);
    },
  );

  it('two server processes: 50 redemptions split across them, points for 10 → exactly 10; stock 3 across 20 customers → 3', async () => {
    const dbA = t.db;
    const dbB = await secondHandle();
    const servers = await Promise.all(
      [dbA, dbB].map((db) =>
        startServer({ db, port: 0, hostname: '127.0.0.1', schedulerIntervalMs: 50, writeLimit: 10_000 }),
      ),
    );
    try {
      const shop = await createShop(dbA, { id: `pts-race-${Date.now()}`, name: 'Race' });
      const bases = servers.map((s) => `http://127.0.0.1:${s.port}`);
      const admin = (i) => http(bases[i % 2], shop.secretKey);
      // Tokens signed up front (signing is async), so the racing requests leave together.
      const tokens = Object.fromEntries(
        await Promise.all(
          ['c1', ...Array.from({ length: 20 }, (_, i) => `s${i}`)].map(async (id) => [
            id,
            await signCustomerToken(shop.secretKey, id),
          ]),
        ),
      );
      const shopper = (i, customerId) =>
        http(bases[i % 2], shop.publishableKey, { 'x-kith-customer': tokens[customerId] });
      assert.equal(
        (await admin(0).post('/v1/admin/points/rewards', { id: 'race', title: 'Race', cost: 7, kind: 'perk' })).status,
        201,
      );
      assert.equal(
        (
          await admin(1).post('/v1/admin/points/rewards', {
            id: 'rare',
            title: 'Rare',
            cost: 10,
            kind: 'perk',
            stock: 3,
          })
        ).status,
        201,
      );
      assert.equal(
        (await admin(1).post('/v1/admin/points/adjust', { customerId: 'c1', points: 70, note: 'Race' })).status,
        201,
      );
      for (let i = 0; i < 20; i++)
        assert.equal(
          (await admin(i).post('/v1/admin/points/adjust', { customerId: `s${i}`, points: 10, note: 'Race' })).status,
          201,
        );

      const [spends, stock] = await Promise.all([
        Promise.all(
          Array.from({ length: 50 }, (_, i) => shopper(i, 'c1').post('/v1/points/redeem', { rewardId: 'race' })),
        ),
        Promise.all(
          Array.from({ length: 20 }, (_, i) => shopper(i, `s${i}`).post('/v1/points/redeem', { rewardId: 'rare' })),
        ),
      ]);
      assert.deepEqual(
        statuses(spends),
        [...Array(10).fill(201), ...Array(40).fill(409)],
        spends.map((r) => r.text).join('\n'),
      );
      assert.deepEqual(codes(spends), ['insufficient_points']);
      assert.deepEqual(
        statuses(stock),
        [...Array(3).fill(201), ...Array(17).fill(409)],
        stock.map((r) => r.text).join('\n'),
      );
      assert.deepEqual(codes(stock), ['out_of_stock']);
      const me = await shopper(1, 'c1').get('/v1/points/me');
      assert.equal(me.json.balance, 0);
      const { rows } = await dbB.query(
        "SELECT sum(points)::int AS n FROM points_entries WHERE shop_id = $1 AND customer_id = 'c1'",
        [shop.id],
      );
      assert.equal(rows[0].n, 0);
    } finally {
      for (const s of servers) await s.close();
      if (dbB !== dbA) await dbB.close();
    }
  });
});
