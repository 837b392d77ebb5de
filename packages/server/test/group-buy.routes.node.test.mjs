// Group buy over REST: campaigns, the team state machine, seats and holds, leaving, every 409 of
// the spec, the offer, the team stream and idempotent replays.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DEMO_GROUP_BUY, DEMO_PUBLISHABLE_KEY, seedDemo, signCustomerToken } from '@kith/server';
import { client, count as countRows, createTestServer, ENGINE, isError, readEvents } from './helpers.mjs';
import { campaignInput, expireNow, groupBuyFixture, lapseNow, setWebhook, sleep, usd } from './group-buy.helpers.mjs';

let t;
before(async () => {
  t = await createTestServer({ heartbeatMs: 200 });
});
after(async () => t.close());

const count = (sql, params) => countRows(t.db, sql, params);
/** Webhooks queued for a team, as `type:subkey`, in a stable order. */
const queued = async (teamId) =>
  (
    await t.db.query('SELECT type, subkey FROM webhook_deliveries WHERE team_id = $1 ORDER BY type, subkey', [teamId])
  ).rows.map((r) => `${r.type}:${r.subkey}`);

describe(`group buy routes (${ENGINE})`, () => {
  describe('campaigns (admin)', () => {
    it('creates with defaults, lists, reads, and refuses a taken id and a publishable key', async () => {
      const f = await groupBuyFixture(t, {
        reward: { description: 'A canvas pouch', points: 50 },
        product: { title: 'Everyday tote' },
      });
      assert.deepEqual(
        { ...f.campaign, startsAt: undefined },
        {
          id: 'gb',
          product: { id: 'p1', title: 'Everyday tote' },
          soloPrice: usd(5900),
          tiers: [
            { size: 2, price: usd(4900) },
            { size: 3, price: usd(4400) },
          ],
          teamDurationSeconds: 86400,
          maxMembers: 3,
          holdSeconds: 900,
          startsAt: undefined,
          status: 'active',
          reward: { description: 'A canvas pouch', points: 50 },
        },
      );
      assert.deepEqual(
        (await f.admin.get('/v1/admin/group-buys')).json.items.map((c) => c.id),
        ['gb'],
      );
      assert.deepEqual((await f.admin.get('/v1/admin/group-buys/gb')).json, f.campaign);
      isError(await f.admin.post('/v1/admin/group-buys', campaignInput({ id: 'gb' })), 409, 'already_exists');
      isError(await f.admin.get('/v1/admin/group-buys/nope'), 404, 'not_found');
      isError(await f.pub.post('/v1/admin/group-buys', campaignInput()), 403, 'secret_key_required');
      const generated = await f.admin.post('/v1/admin/group-buys', campaignInput({ stock: 10 }));
      assert.match(generated.json.id, /^gb_/);
      assert.equal(generated.json.seatsLeft, 10);
    });

    it('400 with field paths for tiers out of order, prices at or over solo, mixed currencies and too few seats; nothing written', async () => {
      const f = await groupBuyFixture(t);
      const bad = async (over, paths) => {
        const res = await f.admin.post('/v1/admin/group-buys', campaignInput(over));
        isError(res, 400, 'invalid_request');
        assert.deepEqual(res.json.error.details.map((d) => d.path).sort(), paths.sort(), JSON.stringify(over));
      };
      await bad(
        {
          tiers: [
            { size: 3, price: usd(4400) },
            { size: 2, price: usd(4900) },
          ],
        },
        ['json.tiers.1.price.minor', 'json.tiers.1.size'],
      );
      await bad({ tiers: [{ size: 2, price: usd(5900) }] }, ['json.tiers.0.price.minor']);
      await bad({ tiers: [{ size: 2, price: { minor: 4900, currency: 'EUR' } }] }, ['json.tiers.0.price.currency']);
      await bad({ maxMembers: 2 }, ['json.maxMembers']);
      await bad({ tiers: [{ size: 1, price: usd(4900) }], teamDurationSeconds: 0, holdSeconds: 0 }, [
        'json.tiers.0.size',
        'json.teamDurationSeconds',
        'json.holdSeconds',
      ]);
      await bad({ tiers: [] }, ['json.tiers']);
      assert.equal(await count('SELECT count(*) AS n FROM group_buy_campaigns WHERE shop_id = $1', [f.shop.id]), 1);
    });

    it('an edit applies to new teams only: started teams keep their tiers, size and price', async () => {
      const f = await groupBuyFixture(t);
      const before = (await f.start('c1')).json;
      const edited = await f.admin.put('/v1/admin/group-buys/gb', {
        tiers: [{ size: 2, price: usd(3900) }],
        maxMembers: 2,
        soloPrice: usd(5000),
      });
      assert.equal(edited.status, 200, edited.text);
      assert.deepEqual(
        [edited.json.tiers, edited.json.maxMembers, edited.json.soloPrice],
        [[{ size: 2, price: usd(3900) }], 2, usd(5000)],
      );
      const kept = (await f.team(before.id)).json;
      assert.deepEqual([kept.tiers, kept.maxMembers, kept.soloPrice], [before.tiers, 3, usd(5900)]);
      const fresh = (await f.start('c2')).json;
      assert.deepEqual(
        [fresh.tiers, fresh.maxMembers, fresh.you.price],
        [[{ size: 2, price: usd(3900) }], 2, usd(3900)],
      );
      const invalid = await f.admin.put('/v1/admin/group-buys/gb', {
        tiers: [
          { size: 2, price: usd(3900) },
          { size: 4, price: usd(3000) },
        ],
      });
      isError(invalid, 400, 'invalid_request');
      assert.deepEqual(
        invalid.json.error.details.map((d) => d.path),
        ['json.maxMembers'],
        'the merged campaign is checked',
      );
      isError(await f.admin.put('/v1/admin/group-buys/nope', { holdSeconds: 60 }), 404, 'not_found');
    });

    it('ending a campaign stops new teams; open teams still take members', async () => {
      const f = await groupBuyFixture(t);
      const team = (await f.start('c1')).json;
      const ended = await f.admin.call('DELETE', '/v1/admin/group-buys/gb');
      assert.equal(ended.json.status, 'ended');
      isError(await f.start('c2'), 409, 'campaign_over');
      assert.equal((await f.join(team.id, 'c2')).status, 200);
      assert.equal((await f.offer()).json.campaign.status, 'ended');
    });

    it('a scheduled campaign shows as scheduled and refuses teams', async () => {
      const f = await groupBuyFixture(t, { startsAt: new Date(Date.now() + 3_600_000).toISOString() });
      assert.equal((await f.offer()).json.campaign.status, 'scheduled');
      isError(await f.start('c1'), 409, 'campaign_not_started');
    });
  });

  describe('the team state machine', () => {
    it('start → join → confirm → succeeded (tier and success webhooks) → deeper tier → closed when full', async () => {
      const f = await groupBuyFixture(t);
      await setWebhook(f, 'https://hooks.example/kith');
      const started = await f.start('c1', 'Mei Lin');
      assert.equal(started.status, 201, started.text);
      const team = started.json;
      assert.deepEqual(
        [team.state, team.leaderName, team.members, team.seatCount, team.confirmedCount, team.tierReached],
        ['forming', 'Mei Lin', [{ initials: 'ML', leader: true, seat: 'held' }], 1, 0, null],
      );
      assert.deepEqual([team.you.seat, team.you.leader, team.you.price], ['held', true, usd(4900)]);
      const hold = Date.parse(team.you.holdExpiresAt) - Date.parse(team.createdAt);
      assert.ok(Math.abs(hold - 900_000) < 5000, `held for 15 minutes (${hold} ms)`);
      assert.ok(
        Math.abs(Date.parse(team.expiresAt) - Date.parse(team.createdAt) - 86_400_000) < 5000,
        'a 24 h deadline',
      );
      assert.ok(team.serverTime);

      const joined = await f.join(team.id, 'c2', 'sam');
      assert.equal(joined.status, 200, joined.text);
      assert.deepEqual(
        joined.json.members.map((m) => m.initials),
        ['ML', 'S'],
      );
      assert.deepEqual([joined.json.you.leader, joined.json.you.seat], [false, 'held']);

      const first = await f.confirm(team.id, 'c1', 'order-1');
      assert.equal(first.status, 201, first.text);
      assert.deepEqual(
        [first.json.teamId, first.json.team.state, first.json.team.confirmedCount],
        [team.id, 'forming', 1],
      );
      assert.deepEqual(
        first.json.team.seats.map((s) => [s.customerId, s.seat, s.orderId]),
        [
          ['c1', 'confirmed', 'order-1'],
          ['c2', 'held', undefined],
        ],
      );
      assert.deepEqual(await queued(team.id), []);

      const second = await f.confirm(team.id, 'c2');
      assert.deepEqual(
        [second.json.team.state, second.json.team.tierReached],
        ['succeeded', { size: 2, price: usd(4900) }],
      );
      assert.deepEqual(await queued(team.id), ['team.succeeded:0', 'team.tier_reached:2']);
      const mine = (await f.team(team.id, 'c2')).json;
      assert.deepEqual([mine.you.seat, mine.you.price, mine.you.holdExpiresAt], ['confirmed', usd(4900), undefined]);

      assert.equal(
        (await f.join(team.id, 'c3')).json.state,
        'succeeded',
        'a succeeded team takes members for deeper tiers',
      );
      const closed = (await f.confirm(team.id, 'c3')).json.team;
      assert.deepEqual(
        [closed.state, closed.tierReached.size, closed.confirmedCount, closed.seatCount],
        ['closed', 3, 3, 3],
      );
      assert.ok(closed.endedAt);
      assert.deepEqual(await queued(team.id), ['team.succeeded:0', 'team.tier_reached:2', 'team.tier_reached:3']);
      assert.deepEqual(
        (await f.team(team.id, 'c1')).json.you.price,
        usd(4400),
        'everyone pays the deepest tier reached',
      );
      isError(await f.join(team.id, 'c4'), 409, 'team_closed');
      assert.equal(
        await count('SELECT count(*) AS n FROM orders WHERE shop_id = $1 AND team_id = $2', [f.shop.id, team.id]),
        3,
      );
    });

    it('forming → expired at the deadline: held seats go, team.expired once', async () => {
      const f = await groupBuyFixture(t, { teamDurationSeconds: 1 });
      await setWebhook(f, 'https://hooks.example/kith');
      const team = (await f.start('c1')).json;
      await f.join(team.id, 'c2');
      await f.confirm(team.id, 'c1');
      await sleep(1100);
      const expired = (await f.team(team.id)).json;
      assert.deepEqual(
        [expired.state, expired.confirmedCount, expired.seatCount],
        ['expired', 1, 1],
        'the confirmed seat stays on record, the held one lapsed',
      );
      assert.ok(expired.endedAt);
      assert.equal((await f.team(team.id)).json.state, 'expired');
      assert.deepEqual(await queued(team.id), ['team.expired:0']);
      isError(await f.join(team.id, 'c3'), 409, 'team_closed');
      isError(await f.leave(team.id, 'c1'), 409, 'team_closed');
      assert.equal((await f.offer('c1')).json.yourTeam, null, "an expired team is nobody's team");
    });

    it('succeeded → closed at the deadline, its held seats lapsing', async () => {
      const f = await groupBuyFixture(t);
      await setWebhook(f, 'https://hooks.example/kith');
      const team = (await f.start('c1')).json;
      await f.join(team.id, 'c2');
      await f.confirm(team.id, 'c1');
      await f.confirm(team.id, 'c2');
      await f.join(team.id, 'c3');
      await expireNow(t.db, team.id);
      const closed = (await f.team(team.id)).json;
      assert.deepEqual(
        [closed.state, closed.seatCount, closed.confirmedCount, closed.tierReached.size],
        ['closed', 2, 2, 2],
      );
      assert.deepEqual(await queued(team.id), ['team.succeeded:0', 'team.tier_reached:2'], 'closing is not a webhook');
      assert.equal((await f.offer('c2')).json.yourTeam.id, team.id, "a closed team is still the customer's team");
    });

    it('a hold that runs out frees the seat and the stock', async () => {
      const f = await groupBuyFixture(t, { holdSeconds: 2, stock: 2 });
      const team = (await f.start('c1')).json;
      await f.confirm(team.id, 'c1');
      assert.equal((await f.join(team.id, 'c2')).status, 200);
      const soldOut = (await f.offer()).json.campaign;
      assert.deepEqual([soldOut.status, soldOut.seatsLeft], ['sold_out', 0]);
      isError(await f.join(team.id, 'c3'), 409, 'sold_out');
      isError(await f.start('c3'), 409, 'sold_out');
      await sleep(2100);
      const offer = (await f.offer()).json;
      assert.deepEqual([offer.campaign.status, offer.campaign.seatsLeft], ['active', 1]);
      const after = (await f.team(team.id, 'c2')).json;
      assert.deepEqual([after.seatCount, after.you], [1, undefined]);
      assert.deepEqual(
        (await t.db.query("SELECT status FROM group_buy_seats WHERE team_id = $1 AND customer_id = 'c2'", [team.id]))
          .rows,
        [{ status: 'lapsed' }],
      );
      assert.equal((await f.join(team.id, 'c3')).status, 200);
      assert.equal((await f.join(team.id, 'c2')).status, 409, 'sold out again');
    });

    it('the merchant confirms only a held seat: 409 seat_not_held records nothing; 404 for an unknown team', async () => {
      const f = await groupBuyFixture(t);
      const team = (await f.start('c1')).json;
      isError(await f.confirm(team.id, 'stranger'), 409, 'seat_not_held');
      await lapseNow(t.db, team.id, 'c1');
      isError(await f.confirm(team.id, 'c1'), 409, 'seat_not_held');
      assert.equal(await count('SELECT count(*) AS n FROM orders WHERE shop_id = $1', [f.shop.id]), 0);
      isError(await f.confirm('team_nope', 'c1'), 404, 'not_found');
      assert.equal(
        (await f.admin.post('/v1/admin/orders', { id: 'plain', customerId: 'c1', productIds: ['p1'] })).status,
        201,
        'orders without a team as before',
      );
    });
  });

  describe('leaving', () => {
    it('hands the lead to the earliest remaining member; the last one out expires the team', async () => {
      const f = await groupBuyFixture(t);
      await setWebhook(f, 'https://hooks.example/kith');
      const team = (await f.start('c1', 'Lin')).json;
      await f.join(team.id, 'c2', 'Ana Wu');
      await f.join(team.id, 'c3', 'Jo');
      const left = await f.leave(team.id, 'c1');
      assert.equal(left.status, 200, left.text);
      assert.deepEqual(
        [left.json.leaderName, left.json.members, left.json.you],
        [
          'Ana Wu',
          [
            { initials: 'AW', leader: true, seat: 'held' },
            { initials: 'J', leader: false, seat: 'held' },
          ],
          undefined,
        ],
      );
      assert.equal((await f.team(team.id, 'c2')).json.you.leader, true);
      isError(await f.leave(team.id, 'c1'), 409, 'not_a_member');
      await f.leave(team.id, 'c2');
      const last = await f.leave(team.id, 'c3');
      assert.deepEqual([last.json.state, last.json.seatCount, last.json.leaderName], ['expired', 0, 'Jo']);
      assert.deepEqual(await queued(team.id), ['team.expired:0']);
    });

    it('a confirmed member leaving tells the merchant with the order id; none once the team succeeded', async () => {
      const f = await groupBuyFixture(t, { tiers: [{ size: 3, price: usd(4400) }] });
      await setWebhook(f, 'https://hooks.example/kith');
      const team = (await f.start('c1')).json;
      await f.join(team.id, 'c2');
      await f.confirm(team.id, 'c2', 'order-c2');
      await f.leave(team.id, 'c2');
      const { rows } = await t.db.query(
        "SELECT body FROM webhook_deliveries WHERE team_id = $1 AND type = 'team.member_left'",
        [team.id],
      );
      assert.equal(rows.length, 1);
      assert.deepEqual(JSON.parse(rows[0].body).data.member, { customerId: 'c2', orderId: 'order-c2' });
      await f.join(team.id, 'c2');
      await f.join(team.id, 'c3');
      for (const c of ['c1', 'c2', 'c3']) await f.confirm(team.id, c);
      isError(await f.leave(team.id, 'c1'), 409, 'team_succeeded');
    });

    it('409 team_succeeded for a member of a succeeded team', async () => {
      const f = await groupBuyFixture(t);
      const team = (await f.start('c1')).json;
      await f.join(team.id, 'c2');
      await f.confirm(team.id, 'c1');
      await f.confirm(team.id, 'c2');
      await f.join(team.id, 'c3');
      isError(await f.leave(team.id, 'c3'), 409, 'team_succeeded');
    });
  });

  describe('refusals', () => {
    it('joining: already_joined, already_in_team, team_full, team_closed', async () => {
      const f = await groupBuyFixture(t);
      const a = (await f.start('c1')).json;
      isError(await f.join(a.id, 'c1'), 409, 'already_joined');
      const b = (await f.start('c2')).json;
      isError(await f.join(b.id, 'c1'), 409, 'already_in_team');
      isError(await f.start('c1'), 409, 'already_in_team');
      await f.join(a.id, 'c3');
      await f.join(a.id, 'c4');
      isError(await f.join(a.id, 'c5'), 409, 'team_full');
      await expireNow(t.db, b.id);
      isError(await f.join(b.id, 'c5'), 409, 'team_closed');
      assert.equal((await f.start('c2')).status, 201, "an expired team no longer counts as the customer's");
    });

    it('401 signed out on writes; reads work signed out; a bad token is refused', async () => {
      const f = await groupBuyFixture(t);
      const team = (await f.start('c1')).json;
      isError(await f.pub.post('/v1/group-buys/gb/teams', {}), 401, 'customer_token_required');
      isError(await f.pub.post(`/v1/teams/${team.id}/join`, {}), 401, 'customer_token_required');
      isError(await f.pub.post(`/v1/teams/${team.id}/leave`), 401, 'customer_token_required');
      const anonymous = (await f.team(team.id)).json;
      assert.equal(anonymous.you, undefined);
      assert.equal((await f.offer()).json.yourTeam, null);
      isError(
        await f.pub.get(`/v1/teams/${team.id}`, { headers: { 'x-kith-customer': 'not.a.token' } }),
        401,
        'customer_token_malformed',
      );
      isError(await client(t.app).get('/v1/products/p1/group-buy'), 401, 'missing_key');
    });

    it('404s: unknown campaign, team, stream and a product without a campaign', async () => {
      const f = await groupBuyFixture(t);
      isError(await f.start('c1', undefined, 'nope'), 404, 'not_found');
      isError(await f.team('team_nope'), 404, 'not_found');
      isError(await f.join('team_nope', 'c1'), 404, 'not_found');
      isError(await f.leave('team_nope', 'c1'), 404, 'not_found');
      isError(await client(t.app).get(`/v1/teams/team_nope/events?key=${f.shop.publishableKey}`), 404, 'not_found');
      isError(await f.offer(undefined, 'p-none'), 404, 'no_campaign');
      const other = await groupBuyFixture(t);
      isError(await other.team((await f.start('c1')).json.id), 404, 'not_found', "another shop's team");
    });

    it('400 for a display name that is too long or carries a link', async () => {
      const f = await groupBuyFixture(t);
      for (const displayName of ['x'.repeat(41), 'Lin www.cheap.example', '  ']) {
        const res = await f.start('c1', displayName);
        isError(res, 400, 'invalid_request');
        assert.deepEqual(
          res.json.error.details.map((d) => d.path),
          ['json.displayName'],
        );
      }
      assert.equal((await f.start('c1', '  李明  ')).json.leaderName, '李明', 'trimmed');
    });
  });

  describe('the offer', () => {
    it('open teams exclude yours, full and expired ones, soonest deadline first, at most 5; yourTeam has you; serverTime', async () => {
      const f = await groupBuyFixture(t, { maxMembers: 3 });
      const teams = [];
      for (let i = 0; i < 7; i++) teams.push((await f.start(`lead${i}`)).json);
      // Deadlines in reverse order of starting, so the sort is visible.
      for (const [i, team] of teams.entries()) {
        await t.db.query("UPDATE group_buy_teams SET expires_at = now() + ($2 || ' hours')::interval WHERE id = $1", [
          team.id,
          String(10 - i),
        ]);
      }
      await f.join(teams[6].id, 'x1');
      await f.join(teams[6].id, 'x2'); // full
      await expireNow(t.db, teams[5].id);
      await f.join(teams[4].id, 'me');
      const offer = (await f.offer('me')).json;
      assert.deepEqual(
        offer.teams.map((x) => x.id),
        [teams[3].id, teams[2].id, teams[1].id, teams[0].id],
      );
      assert.ok(offer.teams.every((x) => x.you === undefined));
      assert.equal(offer.yourTeam.id, teams[4].id);
      assert.deepEqual([offer.yourTeam.you.seat, offer.yourTeam.you.leader], ['held', false]);
      assert.ok(Math.abs(Date.parse(offer.serverTime) - Date.now()) < 5000);
      const anonymous = (await f.offer()).json;
      assert.deepEqual([anonymous.teams.length, anonymous.yourTeam], [5, null]);
      assert.equal(anonymous.teams[0].id, teams[4].id);
    });

    it('picks the active campaign over a scheduled and an ended one', async () => {
      const f = await groupBuyFixture(t, { id: 'old' });
      await f.admin.call('DELETE', '/v1/admin/group-buys/old');
      await f.admin.post(
        '/v1/admin/group-buys',
        campaignInput({ id: 'later', startsAt: new Date(Date.now() + 3_600_000).toISOString() }),
      );
      assert.equal((await f.offer()).json.campaign.id, 'later');
      await f.admin.post('/v1/admin/group-buys', campaignInput({ id: 'now' }));
      assert.equal((await f.offer()).json.campaign.id, 'now');
    });
  });

  describe('the team stream', () => {
    it('sends the current state first, then each change without `you`; resumes after Last-Event-ID', async () => {
      const f = await groupBuyFixture(t);
      const team = (await f.start('c1', 'Lin')).json;
      const res = await t.app.request(`/v1/teams/${team.id}/events?key=${f.shop.publishableKey}`);
      assert.equal(res.status, 200);
      assert.match(res.headers.get('content-type'), /text\/event-stream/);
      const reading = readEvents(res, 3);
      await sleep(100);
      await f.join(team.id, 'c2');
      await f.confirm(team.id, 'c1');
      const events = (await reading).filter((e) => !e.comment);
      assert.deepEqual(
        events.map((e) => [e.event, e.data.seatCount, e.data.confirmedCount]),
        [
          ['team', 1, 0],
          ['team', 2, 0],
          ['team', 2, 1],
        ],
      );
      assert.ok(
        events.every((e) => e.data.you === undefined && e.data.serverTime),
        'never `you`; serverTime on each',
      );
      assert.ok(Number(events[0].id) < Number(events[1].id) && Number(events[1].id) < Number(events[2].id));

      await f.confirm(team.id, 'c2');
      const resumed = await t.app.request(`/v1/teams/${team.id}/events?key=${f.shop.publishableKey}`, {
        headers: { 'last-event-id': events[1].id },
      });
      const missed = (await readEvents(resumed, 2)).filter((e) => !e.comment);
      assert.deepEqual(
        missed.map((e) => [e.data.confirmedCount, e.data.state]),
        [
          [1, 'forming'],
          [2, 'succeeded'],
        ],
      );
    });

    it('an order report reaches two watching pages within a second', async () => {
      const f = await groupBuyFixture(t);
      const team = (await f.start('c1')).json;
      await f.join(team.id, 'c2');
      await f.confirm(team.id, 'c1');
      const pages = [0, 1].map(() => t.app.request(`/v1/teams/${team.id}/events?key=${f.shop.publishableKey}`));
      const reading = (await Promise.all(pages)).map((res) => readEvents(res, 2, 2000));
      await sleep(100);
      const reported = Date.now();
      await f.confirm(team.id, 'c2');
      for (const events of await Promise.all(reading)) {
        assert.equal(events.filter((e) => !e.comment).at(-1).data.state, 'succeeded');
      }
      assert.ok(Date.now() - reported < 1000, `${Date.now() - reported} ms`);
    });
  });

  describe('writes', () => {
    it('an idempotent replay of a join returns the identical body and holds one seat', async () => {
      const f = await groupBuyFixture(t);
      const team = (await f.start('c1')).json;
      const headers = { 'idempotency-key': `join-${team.id}` };
      const first = await f.shopper('c2').post(`/v1/teams/${team.id}/join`, {}, { headers });
      const again = await f.shopper('c2').post(`/v1/teams/${team.id}/join`, {}, { headers });
      assert.equal(first.status, 200);
      assert.equal(again.text, first.text);
      assert.equal(again.headers.get('idempotent-replayed'), 'true');
      assert.equal(
        await count("SELECT count(*) AS n FROM group_buy_seats WHERE team_id = $1 AND customer_id = 'c2'", [team.id]),
        1,
      );
    });

    it('joins with no body at all, and refuses malformed JSON', async () => {
      const f = await groupBuyFixture(t);
      const team = (await f.start('c1')).json;
      assert.equal((await f.shopper('c2').post(`/v1/teams/${team.id}/join`)).status, 200);
      isError(
        await f.shopper('c3').post(`/v1/teams/${team.id}/join`, undefined, {
          raw: '{nope',
          headers: { 'content-type': 'application/json' },
        }),
        400,
        'invalid_request',
      );
    });
  });

  describe('admin views', () => {
    it('lists teams with seats, by state and campaign, keyset-paged', async () => {
      const f = await groupBuyFixture(t);
      await f.admin.post('/v1/admin/group-buys', campaignInput({ id: 'gb2' }));
      const ids = [];
      for (let i = 0; i < 3; i++) ids.push((await f.start(`c${i}`)).json.id);
      const other = (await f.start('c9', undefined, 'gb2')).json.id;
      await f.join(ids[0], 'j1');
      await f.confirm(ids[0], 'c0', 'o-c0');
      await f.confirm(ids[0], 'j1', 'o-j1');
      const page1 = (await f.admin.get('/v1/admin/teams?campaign=gb&limit=2')).json;
      const page2 = (await f.admin.get(`/v1/admin/teams?campaign=gb&limit=2&cursor=${page1.nextCursor}`)).json;
      assert.deepEqual([...page1.items, ...page2.items].map((x) => x.id).sort(), [...ids].sort());
      assert.equal(page2.nextCursor, null);
      const succeeded = (await f.admin.get('/v1/admin/teams?state=succeeded')).json.items;
      assert.deepEqual(
        succeeded.map((x) => x.id),
        [ids[0]],
      );
      assert.deepEqual(
        succeeded[0].seats.map((s) => [s.customerId, s.seat, s.orderId, s.leader]),
        [
          ['c0', 'confirmed', 'o-c0', true],
          ['j1', 'confirmed', 'o-j1', false],
        ],
      );
      const forming = (await f.admin.get(`/v1/admin/teams/${other}`)).json;
      assert.ok(forming.seats[0].holdExpiresAt);
      isError(await f.admin.get('/v1/admin/teams?cursor=garbage'), 400, 'invalid_cursor');
      isError(await f.admin.get('/v1/admin/teams?state=nope'), 400, 'invalid_request');
    });

    it('webhook settings: the secret shows on first set and on rotation only', async () => {
      const f = await groupBuyFixture(t);
      assert.deepEqual((await f.admin.get('/v1/admin/webhooks')).json, { url: null });
      const first = (await f.admin.put('/v1/admin/webhooks', { url: 'https://hooks.example/a' })).json;
      assert.match(first.secret, /^whsec_/);
      assert.deepEqual((await f.admin.put('/v1/admin/webhooks', { url: 'https://hooks.example/b' })).json, {
        url: 'https://hooks.example/b',
      });
      const rotated = (await f.admin.put('/v1/admin/webhooks', { url: 'https://hooks.example/b', rotateSecret: true }))
        .json;
      assert.ok(rotated.secret && rotated.secret !== first.secret);
      assert.deepEqual((await f.admin.get('/v1/admin/webhooks')).json, { url: 'https://hooks.example/b' });
      isError(await f.admin.put('/v1/admin/webhooks', { url: 'ftp://x' }), 400, 'invalid_request');
    });

    it('the OpenAPI document covers every group-buy route', async () => {
      const doc = (await client(t.app).get('/v1/openapi.json')).json;
      for (const path of [
        '/v1/products/{id}/group-buy',
        '/v1/group-buys/{campaignId}/teams',
        '/v1/teams/{id}',
        '/v1/teams/{id}/join',
        '/v1/teams/{id}/leave',
        '/v1/teams/{id}/events',
        '/v1/admin/group-buys',
        '/v1/admin/group-buys/{id}',
        '/v1/admin/teams',
        '/v1/admin/webhooks',
        '/v1/admin/webhooks/deliveries',
      ]) {
        assert.ok(doc.paths[path], `documents ${path}`);
      }
      assert.ok(doc.components.schemas.GroupBuyTeam && doc.components.schemas.GroupBuyOffer);
      assert.ok(doc.paths['/v1/admin/group-buys/{id}'].delete);
    });
  });

  describe('demo seed', () => {
    it('the tote has an active campaign and a forming team with one confirmed seat; two shoppers make it succeed; a new team once it ends', async () => {
      const { shop } = await seedDemo(t.db);
      const pub = client(t.app, DEMO_PUBLISHABLE_KEY);
      const offer = (await pub.get(`/v1/products/${DEMO_GROUP_BUY.productId}/group-buy`)).json;
      assert.deepEqual(
        [
          offer.campaign.id,
          offer.campaign.status,
          offer.campaign.soloPrice,
          offer.campaign.tiers.map((x) => x.size),
          offer.campaign.maxMembers,
        ],
        ['gb-tote', 'active', usd(5900), [2, 3], 3],
      );
      assert.ok(offer.campaign.reward.description);
      assert.deepEqual(
        offer.teams.map((x) => [x.id, x.state, x.leaderName, x.confirmedCount, x.seatCount]),
        [['demo-team-1', 'forming', 'Mei', 1, 1]],
      );
      await seedDemo(t.db);
      assert.equal(
        await count('SELECT count(*) AS n FROM group_buy_teams WHERE shop_id = $1', [shop.id]),
        1,
        'a second run adds nothing',
      );

      const join = await client(t.app, DEMO_PUBLISHABLE_KEY).post(
        '/v1/teams/demo-team-1/join',
        { displayName: 'Demo shopper' },
        { headers: { 'x-kith-customer': await signCustomerToken(shop.secretKey, 'demo-shopper') } },
      );
      assert.equal(join.status, 200, join.text);
      const order = await client(t.app, shop.secretKey).post('/v1/admin/orders', {
        id: 'demo-shopper-order',
        customerId: 'demo-shopper',
        productIds: ['p1'],
        teamId: 'demo-team-1',
      });
      assert.equal(order.json.team.state, 'succeeded');

      await expireNow(t.db, 'demo-team-1');
      await seedDemo(t.db);
      assert.deepEqual(
        (await pub.get('/v1/products/p1/group-buy')).json.teams.map((x) => x.id),
        ['demo-team-2'],
      );
    });
  });
});
