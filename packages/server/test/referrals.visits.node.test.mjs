// Referral visits as clicks: once per visitor (the page's session id, else network and browser),
// at most `visitsPerHour` per code, and the hours a code hit that cap in the merchant's report.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { count, createTestServer, ENGINE, isError } from './helpers.mjs';
import { referralsFixture } from './referrals.helpers.mjs';

let t;
before(async () => {
  t = await createTestServer({ writeLimit: 10_000 });
});
after(async () => t.close());

const clicks = async (f, advocate) => (await f.ok(await f.stats(advocate))).clicks;
const UA = { 'user-agent': 'Mozilla/5.0 (probe)' };

describe(`referral visits (${ENGINE})`, () => {
  it('one browser session counts once: again, it is 200 counted: false with the first visit', async () => {
    const f = await referralsFixture(t);
    const { code } = await f.ok(await f.link('lin'), 201);
    const first = await f.visit(code, { sessionId: 'session-aaaa-0001' }, { ip: '203.0.113.1' });
    assert.equal(first.status, 201, first.text);
    assert.equal(first.json.counted, true);
    const again = await f.visit(
      code,
      { sessionId: 'session-aaaa-0001', landingUrl: 'https://shop.example.com/other' },
      { ip: '198.51.100.9' },
    );
    assert.equal(again.status, 200, again.text);
    assert.deepEqual(again.json, { visitId: first.json.visitId, counted: false }, 'another network, the same session');
    assert.equal(
      (await f.visit(code, { sessionId: 'session-bbbb-0002' }, { ip: '203.0.113.2' })).status,
      201,
      'another session on another network',
    );
    // A session id is the client's to choose: a new one per request from one network and browser is still one click.
    assert.equal(
      (await f.visit(code, { sessionId: 'session-cccc-0003' }, { ip: '203.0.113.2' })).json.counted,
      false,
      'a fresh session id, the same network',
    );
    isError(await f.visit(code, { sessionId: 'short' }), 400, 'invalid_request');
    isError(await f.visit(code, { sessionId: 'not a session id!' }), 400, 'invalid_request');
    assert.equal(await clicks(f, 'lin'), 2);
  });

  it('without a session id: once per network address and browser', async () => {
    const f = await referralsFixture(t);
    const { code } = await f.ok(await f.link('lin'), 201);
    assert.equal((await f.visit(code, {}, { ip: '203.0.113.1', headers: UA })).status, 201);
    assert.equal((await f.visit(code, {}, { ip: '203.0.113.1', headers: UA })).json.counted, false, 'a reload');
    assert.equal(
      (await f.visit(code, {}, { ip: '203.0.113.1', headers: { 'user-agent': 'Another browser' } })).status,
      201,
    );
    assert.equal((await f.visit(code, {}, { ip: '203.0.113.2', headers: UA })).status, 201);
    assert.equal(await clicks(f, 'lin'), 3);
    const { rows } = await t.db.query('SELECT visitor_hash, network_hash FROM referral_visits WHERE shop_id = $1', [
      f.shop.id,
    ]);
    assert.ok(
      rows.every((r) => r.visitor_hash === null && /^[0-9a-f]{64}$/.test(r.network_hash)),
      'only a salted hash of the visitor is stored',
    );
    assert.equal(
      await count(
        t.db,
        "SELECT count(*) AS n FROM referral_visits WHERE shop_id = $1 AND network_hash LIKE '%203.0.113%'",
        [f.shop.id],
      ),
      0,
    );
  });

  it('300 visits from 300 IPs at once: the default 100 an hour are counted, the rest refused and reported', async () => {
    const f = await referralsFixture(t);
    const { code } = await f.ok(await f.link('lin'), 201);
    await f.ok(await f.link('ann'), 201);
    const res = await Promise.all(
      Array.from({ length: 300 }, (_, i) =>
        f.visit(code, {}, { ip: `10.${Math.floor(i / 250)}.${i % 250}.1`, headers: UA }),
      ),
    );
    assert.equal(res.filter((r) => r.status === 201).length, 100, 'counted');
    const refused = res.filter((r) => r.status !== 201);
    assert.equal(refused.length, 200);
    for (const r of refused) assert.deepEqual([r.status, r.json], [200, { visitId: null, counted: false }]);
    assert.equal(await clicks(f, 'lin'), 100);

    const bursts = (await f.ok(await f.admin.get('/v1/admin/referrals/visit-bursts'))).items;
    assert.equal(bursts.length, 1, JSON.stringify(bursts));
    const [b] = bursts;
    assert.deepEqual(
      { ...b, hour: undefined },
      { code, advocateId: 'lin', hour: undefined, counted: 100, refused: 200 },
    );
    assert.equal(new Date(b.hour).getUTCMinutes(), 0, 'the hour it happened');
    assert.ok(Date.now() - Date.parse(b.hour) < 3_600_000);
  });

  it("the cap is the shop's visitsPerHour; a visitor counted before is not refused, and the hour's report adds up", async () => {
    const f = await referralsFixture(t);
    assert.equal(
      (await f.ok(await f.admin.put('/v1/admin/referrals/settings', { visitsPerHour: 3 }))).visitsPerHour,
      3,
    );
    isError(await f.admin.put('/v1/admin/referrals/settings', { visitsPerHour: 0 }), 400, 'invalid_request');
    const { code } = await f.ok(await f.link('lin'), 201);
    const { code: other } = await f.ok(await f.link('ann'), 201);
    for (let i = 0; i < 5; i++) await f.visit(code, { sessionId: `session-cap-${i}-xx` }, { ip: `203.0.113.${i + 1}` });
    assert.equal((await f.visit(code, { sessionId: 'session-cap-0-xx' }, { ip: '203.0.113.1' })).json.counted, false);
    assert.equal(
      (await f.visit(other, { sessionId: 'session-cap-0-xx' }, { ip: '203.0.113.1' })).status,
      201,
      'each code has its own cap and visitors',
    );
    assert.equal(await clicks(f, 'lin'), 3);
    const { items } = await f.ok(await f.admin.get('/v1/admin/referrals/visit-bursts?days=1'));
    assert.deepEqual(
      items.map((b) => [b.code, b.counted, b.refused]),
      [[code, 3, 2]],
    );
    // An hour older than `days` is not reported.
    await t.db.query("UPDATE referral_visit_refusals SET hour = hour - interval '3 days' WHERE shop_id = $1", [
      f.shop.id,
    ]);
    assert.deepEqual((await f.ok(await f.admin.get('/v1/admin/referrals/visit-bursts?days=2'))).items, []);
    isError(await f.admin.get('/v1/admin/referrals/visit-bursts?days=0'), 400, 'invalid_request');
    isError(await f.pub.get('/v1/admin/referrals/visit-bursts'), 403, 'secret_key_required');
  });
});
