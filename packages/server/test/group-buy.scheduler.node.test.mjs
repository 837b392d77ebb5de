// Group buy under concurrency and over time: 20 shoppers racing for the last seat, deadlines and
// webhooks exactly once with two server processes (two database handles on PostgreSQL, two
// schedulers on one PGlite), retries with backoff, and the signature merchants check.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  createPostgresDb,
  createShop,
  deliverDueWebhooks,
  signCustomerToken,
  signWebhook,
  startGroupBuyScheduler,
  startServer,
  verifyWebhookSignature,
} from '@kith/server';
import { client, createTestServer, ENGINE, readEvents } from './helpers.mjs';
import {
  campaignInput,
  eventually,
  groupBuyFixture,
  setWebhook,
  sleep,
  webhookReceiver,
} from './group-buy.helpers.mjs';

let t;
before(async () => {
  t = await createTestServer({ writeLimit: 1000 });
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

/** `client` over real HTTP, for servers started with startServer. */
const http = (base, key, headers = {}) =>
  client(
    { request: (path, init) => fetch(`${base}${path}`, { ...init, headers: { ...headers, ...init.headers } }) },
    key,
  );

describe(`group buy under concurrency and over time (${ENGINE})`, () => {
  it('20 shoppers race for the last seat: exactly one gets it, 19 get team_full', async () => {
    const f = await groupBuyFixture(t, {
      tiers: [{ size: 2, price: { minor: 4900, currency: 'USD' } }],
      maxMembers: 3,
    });
    const team = (await f.start('leader')).json;
    await f.join(team.id, 'early');
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => f.join(team.id, `racer-${i}`)));
    const statuses = results.map((r) => r.status).sort();
    assert.deepEqual(statuses, [200, ...Array(19).fill(409)], results.map((r) => r.text).join('\n'));
    assert.ok(results.filter((r) => r.status === 409).every((r) => r.json.error.code === 'team_full'));
    const after = (await f.team(team.id)).json;
    assert.deepEqual([after.seatCount, after.maxMembers], [3, 3]);
    const { rows } = await t.db.query(
      "SELECT count(*)::int AS n FROM group_buy_seats WHERE team_id = $1 AND status IN ('held', 'confirmed')",
      [team.id],
    );
    assert.equal(rows[0].n, 3);
  });

  it('one shopper racing into two teams of a campaign gets one seat', async () => {
    const f = await groupBuyFixture(t);
    const a = (await f.start('a')).json;
    const b = (await f.start('b')).json;
    const results = await Promise.all([f.join(a.id, 'racer'), f.join(b.id, 'racer'), f.start('racer')]);
    assert.deepEqual(
      results.map((r) => r.status).filter((s) => s < 300).length,
      1,
      results.map((r) => r.text).join('\n'),
    );
    assert.ok(results.filter((r) => r.status === 409).every((r) => r.json.error.code === 'already_in_team'));
  });

  it('two server processes expire each team once: one team.expired per team, signed, and one stream event', async () => {
    // PostgreSQL: a second handle on the same schema, as another process has. PGlite: the same one.
    const dbA = t.db;
    const dbB = await secondHandle();
    const servers = await Promise.all(
      [dbA, dbB].map((db) => startServer({ db, port: 0, hostname: '127.0.0.1', schedulerIntervalMs: 20 })),
    );
    const receiver = await webhookReceiver();
    try {
      const shop = await createShop(dbA, { id: `race-${Date.now()}`, name: 'Race' });
      const [a, b] = servers.map((s) => `http://127.0.0.1:${s.port}`);
      const adminB = http(b, shop.secretKey);
      assert.equal(
        (await adminB.post('/v1/admin/group-buys', campaignInput({ id: 'gb', teamDurationSeconds: 1 }))).status,
        201,
      );
      const secret = (await http(a, shop.secretKey).put('/v1/admin/webhooks', { url: receiver.url })).json.secret;
      const teams = [];
      for (let i = 0; i < 5; i++) {
        const res = await http(b, shop.publishableKey, {
          'x-kith-customer': await signCustomerToken(shop.secretKey, `c${i}`),
        }).post('/v1/group-buys/gb/teams', {});
        assert.equal(res.status, 201, res.text);
        teams.push(res.json.id);
      }
      // A page on A watches a team that B's scheduler may expire; readers on both poke at it too.
      const watching = readEvents(await fetch(`${a}/v1/teams/${teams[0]}/events?key=${shop.publishableKey}`), 2, 5000);
      let racing = true;
      const reads = (async () => {
        while (racing)
          await Promise.all(
            [a, b].flatMap((base) => teams.map((id) => http(base, shop.publishableKey).get(`/v1/teams/${id}`))),
          );
      })();
      await eventually(() => receiver.ofType('team.expired').length >= 5, 8000, 'five team.expired webhooks');
      racing = false;
      await reads;
      await sleep(300); // room for a duplicate to show up
      const expired = receiver.ofType('team.expired');
      assert.deepEqual(expired.map((r) => r.json.data.team.id).sort(), [...teams].sort(), 'each team once');
      for (const r of expired) {
        assert.ok(verifyWebhookSignature(secret, r.headers['kith-signature'], r.body), "signed with the shop's secret");
        assert.equal(r.headers['kith-event-id'], r.json.id);
        assert.equal(r.json.data.team.state, 'expired');
      }
      assert.equal(receiver.received.length, 5);
      const { rows } = await dbA.query(
        "SELECT count(*)::int AS n FROM group_buy_team_events WHERE snapshot->>'state' = 'expired'",
      );
      assert.equal(rows[0].n, 5, 'one stream event per expiry');
      const stream = (await watching).filter((e) => !e.comment);
      assert.deepEqual(
        stream.map((e) => e.data.state),
        ['forming', 'expired'],
      );
      const log = (await http(a, shop.secretKey).get('/v1/admin/webhooks/deliveries')).json.items;
      assert.deepEqual(
        log.map((d) => [d.type, d.status, d.attempts, d.log.length]),
        Array(5).fill(['team.expired', 'delivered', 1, 1]),
      );
    } finally {
      await receiver.close();
      for (const s of servers) await s.close();
      if (dbB !== dbA) await dbB.close();
    }
  });

  it('retries a delivery the receiver refused, with backoff, logging each attempt', async () => {
    const f = await groupBuyFixture(t);
    const receiver = await webhookReceiver((_, n) => (n === 1 ? 500 : 200));
    const scheduler = startGroupBuyScheduler({ db: t.db, webhookRetryBaseMs: 200 }, { intervalMs: 20 });
    try {
      const secret = await setWebhook(f, receiver.url);
      const team = (await f.start('c1')).json;
      await f.leave(team.id, 'c1'); // the last member out: team.expired
      await eventually(() => receiver.received.length >= 2, 5000, 'the retry');
      const [first, second] = receiver.received;
      assert.equal(first.body, second.body, 'the same event, byte for byte');
      assert.equal(first.headers['kith-event-id'], second.headers['kith-event-id']);
      assert.ok(verifyWebhookSignature(secret, second.headers['kith-signature'], second.body));
      const delivery = await eventually(
        async () => {
          const [d] = (await f.admin.get('/v1/admin/webhooks/deliveries')).json.items;
          return d?.status === 'delivered' && d;
        },
        2000,
        'delivered',
      );
      assert.deepEqual(
        [delivery.type, delivery.attempts, delivery.lastStatus, delivery.nextAttemptAt],
        ['team.expired', 2, 200, undefined],
      );
      assert.deepEqual(
        delivery.log.map((l) => [l.attempt, l.status, l.error]),
        [
          [1, 500, 'HTTP 500'],
          [2, 200, undefined],
        ],
      );
      const gap = Date.parse(delivery.log[1].at) - Date.parse(delivery.log[0].at);
      assert.ok(gap >= 150, `waited the base delay before retrying (${gap} ms)`);
      assert.deepEqual((await f.admin.get('/v1/admin/webhooks/deliveries?status=failed')).json.items, []);
    } finally {
      await scheduler.stop();
      await receiver.close();
    }
  });

  it('backs off ×4 and gives up after 8 attempts', async () => {
    const f = await groupBuyFixture(t);
    const receiver = await webhookReceiver(() => 503);
    try {
      await setWebhook(f, receiver.url);
      const team = (await f.start('c1')).json;
      await f.leave(team.id, 'c1');
      const deliveryOf = async () => (await f.admin.get('/v1/admin/webhooks/deliveries')).json.items[0];
      const due = () =>
        t.db.query("UPDATE webhook_deliveries SET next_attempt_at = now() WHERE shop_id = $1 AND status = 'pending'", [
          f.shop.id,
        ]);
      for (let attempt = 1; attempt <= 8; attempt++) {
        await deliverDueWebhooks(t.db, { retryBaseMs: 60_000 });
        const d = await deliveryOf();
        assert.equal(d.attempts, attempt);
        if (attempt <= 2) {
          const delay = Date.parse(d.nextAttemptAt) - Date.parse(d.log.at(-1).at);
          const expected = 60_000 * 4 ** (attempt - 1);
          assert.ok(Math.abs(delay - expected) < 2000, `attempt ${attempt}: next in ${delay} ms, expected ${expected}`);
        }
        await due();
      }
      const d = await deliveryOf();
      assert.deepEqual(
        [d.status, d.attempts, d.log.length, d.lastStatus, d.nextAttemptAt],
        ['failed', 8, 8, 503, undefined],
      );
      assert.equal(await deliverDueWebhooks(t.db), 0, 'a failed delivery is not sent again');
      assert.equal(receiver.received.length, 8);
    } finally {
      await receiver.close();
    }
  });

  it('concurrent senders never send one delivery twice', async () => {
    const f = await groupBuyFixture(t);
    const receiver = await webhookReceiver(() => 200);
    const other = await secondHandle();
    try {
      await setWebhook(f, receiver.url);
      for (const c of ['c1', 'c2', 'c3']) await f.leave((await f.start(c)).json.id, c);
      await Promise.all([
        deliverDueWebhooks(t.db),
        deliverDueWebhooks(other),
        deliverDueWebhooks(t.db),
        deliverDueWebhooks(other),
      ]);
      assert.equal(receiver.received.length, 3);
      assert.equal(new Set(receiver.received.map((r) => r.json.id)).size, 3);
    } finally {
      if (other !== t.db) await other.close();
      await receiver.close();
    }
  });

  it('the scheduler lapses a hold with nobody reading, and the stream hears it', async () => {
    const f = await groupBuyFixture(t, { holdSeconds: 1 });
    const team = (await f.start('c1')).json;
    await f.confirm(team.id, 'c1');
    await f.join(team.id, 'c2');
    const scheduler = startGroupBuyScheduler({ db: t.db }, { intervalMs: 50 });
    try {
      const res = await t.app.request(`/v1/teams/${team.id}/events?key=${f.shop.publishableKey}`);
      const events = (await readEvents(res, 2, 4000)).filter((e) => !e.comment);
      assert.deepEqual(
        events.map((e) => e.data.seatCount),
        [2, 1],
      );
    } finally {
      await scheduler.stop();
    }
  });

  it('verifyWebhookSignature accepts only the right secret, body and a recent time', () => {
    const body = '{"id":"evt_1"}';
    const header = signWebhook('whsec_a', body);
    assert.equal(verifyWebhookSignature('whsec_a', header, body), true);
    assert.equal(verifyWebhookSignature('whsec_b', header, body), false);
    assert.equal(verifyWebhookSignature('whsec_a', header, `${body} `), false);
    assert.equal(
      verifyWebhookSignature('whsec_a', signWebhook('whsec_a', body, Math.floor(Date.now() / 1000) - 600), body, 300),
      false,
    );
    assert.equal(verifyWebhookSignature('whsec_a', undefined, body), false);
    assert.equal(verifyWebhookSignature('whsec_a', 't=1,v1=zz', body), false);
    assert.match(header, /^t=\d+,v1=[0-9a-f]{64}$/);
  });
});
