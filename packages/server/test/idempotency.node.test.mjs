// Idempotency-Keys: scoped to their caller, committed with the write they protect, replayed byte
// for byte, and never another caller's answer. Crashes are in idempotency.crash.node.test.mjs.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createApp, createDbMediaStore } from '@kith/server';
import { count, createTestServer, ENGINE, shopFixture } from './helpers.mjs';
import { JPEG } from './images.mjs';
import { pointsFixture } from './points.helpers.mjs';

describe(`idempotency keys (${ENGINE})`, () => {
  let t;
  before(async () => (t = await createTestServer({ writeLimit: 10_000 })));
  after(() => t.close());

  const checkIns = (f, customerId) =>
    count(
      t.db,
      "SELECT count(*) AS n FROM points_entries WHERE shop_id = $1 AND customer_id = $2 AND action = 'check_in'",
      [f.shop.id, customerId],
    );

  it("a key another customer used runs the second customer's own request, never replays the first's answer", async () => {
    const f = await pointsFixture(t);
    const key = { 'idempotency-key': 'shared-key-0001' };
    const alice = await f.checkIn('alice', { headers: key });
    assert.equal(alice.status, 200, alice.text);
    const bob = await f.checkIn('bob', { headers: key });
    assert.equal(bob.status, 200, bob.text);
    assert.equal(bob.headers.get('idempotent-replayed'), null, 'not a replay');
    assert.notEqual(bob.text, alice.text);
    assert.equal(await checkIns(f, 'bob'), 1, "bob's check-in ran");
    // Each caller's replay is their own answer.
    const again = await f.checkIn('alice', { headers: key });
    assert.equal(again.headers.get('idempotent-replayed'), 'true');
    assert.equal(again.text, alice.text);
    assert.equal(await checkIns(f, 'alice'), 1);
  });

  it("a redemption's code is never handed to another customer who sends the same key and body", async () => {
    const f = await pointsFixture(t);
    const reward = await f.ok(await f.addReward({ title: 'Tote', cost: 100, kind: 'perk' }), 201);
    for (const who of ['alice', 'bob']) await f.ok(await f.adjust(who, 150), 201);
    const key = { 'idempotency-key': 'shared-key-0002' };
    const alice = await f.ok(await f.redeem('alice', reward.id, { headers: key }), 201);
    const bob = await f.redeem('bob', reward.id, { headers: key });
    assert.equal(bob.status, 201, bob.text);
    assert.notEqual(bob.json.code, alice.code, 'a code of its own');
    assert.equal(bob.json.account.balance, 50);
  });

  it('the secret key and a customer have separate keys; the same caller with another body is 422', async () => {
    const f = await pointsFixture(t);
    const key = { 'idempotency-key': 'shared-key-0003' };
    const adjusted = await f.admin.post(
      '/v1/admin/points/adjust',
      { customerId: 'carol', points: 10, note: 'Welcome' },
      { headers: key },
    );
    assert.equal(adjusted.status, 201, adjusted.text);
    assert.equal((await f.checkIn('carol', { headers: key })).status, 200, 'the customer is another caller');
    const other = await f.admin.post(
      '/v1/admin/points/adjust',
      { customerId: 'carol', points: 11, note: 'Welcome' },
      { headers: key },
    );
    assert.equal(other.status, 422);
    assert.equal(other.json.error.code, 'idempotency_key_reused');
    const replay = await f.admin.post(
      '/v1/admin/points/adjust',
      { customerId: 'carol', points: 10, note: 'Welcome' },
      { headers: key },
    );
    assert.equal(replay.headers.get('idempotent-replayed'), 'true');
    assert.equal(replay.text, adjusted.text);
  });

  it("a refusal is stored and replayed, and the refused request's writes are rolled back", async () => {
    const f = await pointsFixture(t);
    await f.ok(await f.checkIn('dan'));
    const key = { 'idempotency-key': 'refused-key-0001' };
    const refused = await f.checkIn('dan', { headers: key });
    assert.equal(refused.status, 409);
    assert.equal(refused.json.error.code, 'already_checked_in');
    const replay = await f.checkIn('dan', { headers: key });
    assert.equal(replay.status, 409);
    assert.equal(replay.headers.get('idempotent-replayed'), 'true');
    // The same answer; only the Request-Id is the replay's own (each HTTP request has one).
    const answer = (/** @type {any} */ r) => ({ ...r.json.error, requestId: undefined });
    assert.deepEqual(answer(replay), answer(refused));
    assert.notEqual(replay.json.error.requestId, refused.json.error.requestId);
    // A negative adjustment past the balance: refused, nothing of it written.
    const before = await count(t.db, 'SELECT count(*) AS n FROM points_entries WHERE shop_id = $1', [f.shop.id]);
    const over = await f.adjust('dan', -1_000);
    assert.equal(over.status, 409, over.text);
    assert.equal(await count(t.db, 'SELECT count(*) AS n FROM points_entries WHERE shop_id = $1', [f.shop.id]), before);
  });

  it('a 429 (a limit, a quota) is not kept: the same key runs again once the limit allows', async () => {
    const f = await shopFixture(t, { submissionsPerHour: 1 });
    const review = (body) => ({ rating: 5, body, displayName: 'Fay', consent: true });
    assert.equal(
      (await f.as('fay').post('/v1/products/p1/reviews', review('The first of my reviews this hour.'))).status,
      201,
    );
    const key = { 'idempotency-key': 'limited-key-0001' };
    const limited = await f
      .as('fay')
      .post('/v1/products/p2/reviews', review('A second review, over the hourly limit.'), { headers: key });
    assert.equal(limited.status, 429, limited.text);
    await t.db.query("UPDATE reviews SET created_at = now() - interval '2 hours' WHERE shop_id = $1", [f.shop.id]);
    const later = await f
      .as('fay')
      .post('/v1/products/p2/reviews', review('A second review, over the hourly limit.'), { headers: key });
    assert.equal(later.status, 201, later.text);
    assert.equal(later.headers.get('idempotent-replayed'), null);
  });

  it('concurrent requests with one key run once and all get the same answer', async () => {
    const f = await pointsFixture(t);
    const key = { 'idempotency-key': 'concurrent-key-0001' };
    const answers = await Promise.all(Array.from({ length: 8 }, () => f.checkIn('erin', { headers: key })));
    for (const a of answers) assert.equal(a.status, 200, a.text);
    assert.equal(new Set(answers.map((a) => a.text)).size, 1, 'one answer');
    assert.equal(
      answers.filter((a) => a.headers.get('idempotent-replayed') !== 'true').length,
      1,
      'one ran, the rest replayed',
    );
    assert.equal(await checkIns(f, 'erin'), 1);
  });

  it("a photo store built on the database handle joins the upload's transaction (PGlite waited on itself before)", async () => {
    const app = createApp({ db: t.db, hub: t.hub, writeLimit: 10_000, media: createDbMediaStore(t.db) });
    const f = await shopFixture({ ...t, app });
    const res = await f.as('gus').upload(JPEG);
    assert.equal(res.status, 201, res.text);
    assert.equal(await count(t.db, 'SELECT count(*) AS n FROM review_media WHERE shop_id = $1', [f.shop.id]), 1);
  });

  it('no key is left unanswered: every stored key has its answer', async () => {
    assert.equal(await count(t.db, 'SELECT count(*) AS n FROM idempotency_keys WHERE status IS NULL'), 0);
  });
});
