// Group buy in the memory adapter: what the shared contract can't see (the demo data, the clock:
// lapses and deadlines applied on read and pushed on timers, dispose, stock, the scenarios).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isHttpError } from '@kith/core';
import {
  createMemoryAdapter, demoSeed, groupBuyScenario, GROUP_BUY_STATES, initialsOf, playGroupBuyScenario, DEMO_SHOPPER,
} from '@kith/adapter-memory';

const NOW = Date.parse('2026-11-01T12:00:00.000Z');
const MIN = 60_000;
const HOUR = 60 * MIN;
const ANA = { id: 'ana', displayName: 'Ana Lopez' };
const BO = { id: 'bo', displayName: 'Bo' };
const iso = (ms) => new Date(ms).toISOString();
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const code = (status, c) => (e) => isHttpError(e) && e.status === status && e.code === c;
const timeouts = () => process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;

/** A shop on a clock the test moves. */
function clocked(seed = demoSeed(NOW), at = NOW) {
  const clock = { at };
  const shop = createMemoryAdapter({ seed, now: () => clock.at });
  return { shop, clock, ana: shop.as(ANA), bo: shop.as(BO) };
}

/** A seed whose only group buy is `gb-t` on `pt` (tiers 2 and 3, up to 4 members), with these teams. */
function seedWith(teams = [], campaign = {}, at = NOW) {
  return {
    ...demoSeed(at),
    campaigns: [{
      id: 'gb-t', product: { id: 'pt', title: 'Test' }, soloPrice: { minor: 1000, currency: 'EUR' },
      tiers: [{ size: 2, price: { minor: 900, currency: 'EUR' } }, { size: 3, price: { minor: 800, currency: 'EUR' } }],
      maxMembers: 4, holdSeconds: 600, teamDurationSeconds: 3600, startsAt: iso(at - HOUR), ...campaign,
    }],
    teams,
  };
}

function record(adapter, id) {
  const seen = [];
  const errors = [];
  const off = adapter.groupBuy.subscribeTeam(id, (t) => seen.push(t), { onError: (e) => errors.push(e) });
  return { seen, errors, off, states: () => seen.map((t) => `${t.state}:${t.seatCount}`) };
}

describe('group buy in the memory adapter', () => {
  it('declares the groupBuy capability', () => {
    const shop = createMemoryAdapter();
    assert.ok(shop.capabilities.has('groupBuy'));
    assert.equal(typeof shop.groupBuy.subscribeTeam, 'function');
  });

  it('serves the demo campaign gb-1 on p1 with its two teams', async () => {
    const { shop } = clocked();
    const offer = await shop.groupBuy.getOffer('p1');
    const c = offer.campaign;
    assert.deepEqual(
      [c.id, c.product.title, c.soloPrice, c.tiers.map((t) => [t.size, t.price.minor]), c.maxMembers, c.teamDurationSeconds, c.holdSeconds, c.status, c.reward, c.seatsLeft],
      ['gb-1', 'Everyday tote', { minor: 5900, currency: 'USD' }, [[2, 5310], [3, 5015]], 3, 86_400, 900, 'active', { description: 'Free gift wrap' }, undefined],
    );
    assert.equal(offer.serverTime, iso(NOW));
    assert.equal(offer.yourTeam, null);
    // Soonest deadline first: Lin's team (4 h left) before Wei's (21 h).
    assert.deepEqual(offer.teams.map((t) => [t.id, t.state, t.leaderName, t.seatCount, t.confirmedCount, t.tierReached?.size ?? null]),
      [['team-2', 'succeeded', 'Lin Chen', 2, 2, 2], ['team-1', 'forming', 'Wei', 1, 1, null]]);
    assert.deepEqual(offer.teams[0].members, [{ initials: 'LC', leader: true, seat: 'confirmed' }, { initials: 'S', leader: false, seat: 'confirmed' }]);
    assert.equal(offer.teams[1].expiresAt, iso(NOW + 21 * HOUR));
    assert.equal(await shop.groupBuy.getOffer('p2'), null);
    await assert.rejects(shop.groupBuy.getTeam('nope'), code(404, 'not_found'));
  });

  it('derives initials and the default name', () => {
    assert.deepEqual(['Lin Chen', 'wei', '  mei  lin  tan ', '王芳', '', undefined, 'émile zola'].map(initialsOf), ['LC', 'W', 'ML', '王', '?', '?', 'ÉZ']);
  });

  it('a nameless leader is "A shopper"; a name with contact details or over 40 characters → 400', async () => {
    const { ana, bo } = clocked(seedWith());
    const team = await ana.groupBuy.startTeam('gb-t', {});
    assert.deepEqual([team.leaderName, team.members[0].initials], ['A shopper', '?']);
    for (const displayName of ['', '   ', 'x'.repeat(41), 'Ana www.deals.test', 'wechat me 123']) {
      await assert.rejects(bo.groupBuy.joinTeam(team.id, { displayName }), code(400, 'invalid_request'), displayName);
    }
    const joined = await bo.groupBuy.joinTeam(team.id, { displayName: '  Bo Li  ' });
    assert.equal(joined.members[1].initials, 'BL');
  });

  it('refuses joins and starts by the rules: closed, full, another team, scheduled, over', async () => {
    const seats = (n) => Array.from({ length: n }, (_, i) => ({ customerId: `x${i}`, displayName: `X ${i}`, seat: 'held' }));
    const { shop, ana, bo, clock } = clocked(seedWith([
      { id: 'full', campaignId: 'gb-t', createdAt: iso(NOW - MIN), seats: seats(4) },
      { id: 'open', campaignId: 'gb-t', createdAt: iso(NOW - MIN), seats: seats(1) },
      { id: 'gone', campaignId: 'gb-t', createdAt: iso(NOW - 2 * HOUR), seats: seats(1).map((s) => ({ ...s, seat: 'confirmed' })) },
    ]));
    assert.equal((await shop.groupBuy.getTeam('gone')).state, 'expired');
    await assert.rejects(ana.groupBuy.joinTeam('gone', {}), code(409, 'team_closed'));
    await assert.rejects(ana.groupBuy.joinTeam('full', {}), code(409, 'team_full'));
    await ana.groupBuy.joinTeam('open', {});
    await assert.rejects(ana.groupBuy.joinTeam('open', {}), code(409, 'already_joined'));
    const own = await bo.groupBuy.startTeam('gb-t', {});
    await assert.rejects(ana.groupBuy.joinTeam(own.id, {}), code(409, 'already_in_team'));
    await assert.rejects(ana.groupBuy.startTeam('gb-t', {}), code(409, 'already_in_team'));
    await assert.rejects(ana.groupBuy.startTeam('nope', {}), code(404, 'not_found'));
    await assert.rejects(ana.groupBuy.joinTeam('nope', {}), code(404, 'not_found'));

    shop.control.addCampaign({ ...seedWith().campaigns[0], id: 'later', startsAt: iso(NOW + HOUR) });
    await assert.rejects(ana.groupBuy.startTeam('later', {}), code(409, 'campaign_not_started'));
    // Ended by the merchant: no new team, but open teams keep going on their own terms.
    assert.equal(shop.control.updateCampaign('gb-t', { ended: true, maxMembers: 3 }).status, 'ended');
    await assert.rejects(shop.as({ id: 'cy', displayName: 'Cy' }).groupBuy.startTeam('gb-t', {}), code(409, 'campaign_over'));
    const late = await shop.as({ id: 'cy', displayName: 'Cy' }).groupBuy.joinTeam('open', {});
    assert.deepEqual([late.seatCount, late.maxMembers], [3, 4], 'the team kept its 4 seats');
    // The product's campaign: the active one first, then the next scheduled, then the latest ended.
    const offerNow = async () => (await shop.groupBuy.getOffer('pt')).campaign;
    assert.deepEqual([(await offerNow()).id, (await offerNow()).status], ['later', 'scheduled']);
    clock.at += 2 * HOUR;
    assert.deepEqual([(await offerNow()).id, (await offerNow()).status], ['later', 'active']);
    shop.control.updateCampaign('later', { ended: true });
    assert.deepEqual([(await offerNow()).id, (await offerNow()).status], ['later', 'ended'], 'the latest ended');
  });

  it('stock: held and confirmed seats use it up, a leave or a lapse gives it back', async () => {
    const { shop, ana, bo, clock } = clocked(seedWith([], { stock: 2 }));
    const gb = shop.groupBuy;
    const team = await ana.groupBuy.startTeam('gb-t', {});
    assert.equal((await gb.getOffer('pt')).campaign.seatsLeft, 1);
    await bo.groupBuy.joinTeam(team.id, {});
    const offer = await gb.getOffer('pt');
    assert.deepEqual([offer.campaign.seatsLeft, offer.campaign.status], [0, 'sold_out']);
    const cy = shop.as({ id: 'cy', displayName: 'Cy' });
    await assert.rejects(cy.groupBuy.joinTeam(team.id, {}), code(409, 'sold_out'));
    await assert.rejects(cy.groupBuy.startTeam('gb-t', {}), code(409, 'sold_out'));
    shop.control.confirmSeat(team.id, 'ana');
    await bo.groupBuy.leaveTeam(team.id);
    assert.equal((await gb.getOffer('pt')).campaign.seatsLeft, 1, 'a leave gives the unit back');
    await cy.groupBuy.joinTeam(team.id, {});
    clock.at += 11 * MIN; // Cy's hold (10 min) lapses on read
    const after = await gb.getTeam(team.id);
    assert.deepEqual([after.seatCount, after.confirmedCount, after.state], [1, 1, 'forming']);
    assert.equal((await gb.getOffer('pt')).campaign.seatsLeft, 1, 'a lapse gives the unit back');
  });

  it('applies lapses and the deadline on read, in the order they happened', async () => {
    const { shop, ana, bo, clock } = clocked(seedWith());
    const team = await ana.groupBuy.startTeam('gb-t', { displayName: 'Ana' });
    clock.at += 5 * MIN;
    await bo.groupBuy.joinTeam(team.id, { displayName: 'Bo' });
    clock.at += 6 * MIN; // Ana's hold lapsed (10 min), Bo's has 4 min left
    const passed = await bo.groupBuy.getTeam(team.id);
    assert.deepEqual([passed.seatCount, passed.leaderName, passed.you.leader], [1, 'Bo', true], 'Bo leads once the leader lapsed');
    assert.equal((await ana.groupBuy.getOffer('pt')).yourTeam, null);
    clock.at += 5 * MIN; // and Bo's: no seat left
    const empty = await shop.groupBuy.getTeam(team.id);
    assert.deepEqual([empty.state, empty.seatCount, empty.leaderName, empty.endedAt], ['expired', 0, 'Bo', iso(NOW + 15 * MIN)]);

    const kept = await ana.groupBuy.startTeam('gb-t', {});
    shop.control.confirmSeat(kept.id, 'ana');
    clock.at += HOUR; // the deadline, below the first tier
    const expired = await ana.groupBuy.getTeam(kept.id);
    assert.deepEqual([expired.state, expired.endedAt, expired.you.seat], ['expired', kept.expiresAt, 'confirmed']);
    await assert.rejects(ana.groupBuy.leaveTeam(kept.id), code(409, 'team_closed'));
    assert.throws(() => shop.control.confirmSeat(kept.id, 'ana'), code(409, 'seat_not_held'));

    // At the deadline every held seat lapses, whatever its hold: only confirmed seats remain.
    const last = await ana.groupBuy.startTeam('gb-t', {});
    shop.control.confirmSeat(last.id, 'ana');
    clock.at += 55 * MIN;
    await bo.groupBuy.joinTeam(last.id, {});
    clock.at += 6 * MIN;
    const ended = await shop.groupBuy.getTeam(last.id);
    assert.deepEqual([ended.state, ended.seatCount, ended.members.map((m) => m.seat)], ['expired', 1, ['confirmed']]);
    assert.match(last.id, /^team_/);
  });

  it('confirmations move the team: first tier → succeeded, deeper tier, full → closed; the deadline closes a succeeded team', async () => {
    const { shop, ana, bo, clock } = clocked(seedWith());
    const people = [ana, bo, shop.as({ id: 'cy', displayName: 'Cy' }), shop.as({ id: 'di', displayName: 'Di' })];
    const team = await ana.groupBuy.startTeam('gb-t', {});
    for (const p of people.slice(1)) await p.groupBuy.joinTeam(team.id, {});
    assert.throws(() => shop.control.confirmSeat(team.id, 'nobody'), code(409, 'seat_not_held'));
    assert.throws(() => shop.control.confirmSeat('nope', 'ana'), code(404, 'not_found'));
    const steps = ['ana', 'bo', 'cy'].map((id) => shop.control.confirmSeat(team.id, id));
    assert.deepEqual(steps.map((t) => [t.state, t.confirmedCount, t.tierReached?.price.minor ?? null]),
      [['forming', 1, null], ['succeeded', 2, 900], ['succeeded', 3, 800]]);
    assert.deepEqual((await ana.groupBuy.getTeam(team.id)).you.price, { minor: 800, currency: 'EUR' });
    await assert.rejects(people[3].groupBuy.leaveTeam(team.id), code(409, 'team_succeeded'));
    const full = shop.control.confirmSeat(team.id, 'di');
    assert.deepEqual([full.state, full.endedAt], ['closed', iso(clock.at)]);

    // Succeeded at the deadline with a held seat: the seat lapses and the team closes.
    const [a, b, c] = [shop.as({ id: 'e1', displayName: 'E' }), shop.as({ id: 'e2', displayName: 'F' }), shop.as({ id: 'e3', displayName: 'G' })];
    const second = await a.groupBuy.startTeam('gb-t', {});
    await b.groupBuy.joinTeam(second.id, {});
    shop.control.confirmSeat(second.id, 'e1');
    shop.control.confirmSeat(second.id, 'e2');
    clock.at += 59 * MIN;
    await c.groupBuy.joinTeam(second.id, {});
    clock.at += 2 * MIN;
    const closed = await shop.groupBuy.getTeam(second.id);
    assert.deepEqual([closed.state, closed.seatCount, closed.confirmedCount, closed.tierReached.size, closed.endedAt], ['closed', 2, 2, 2, second.expiresAt]);
  });

  it('pushes every change to subscribers: joins, leaves, confirmations, and lapses and the deadline on timers', async () => {
    const now = Date.now();
    const shop = createMemoryAdapter({ seed: seedWith([
      // Ana's hold lapses in 150 ms; the team's deadline is in 400 ms.
      { id: 't', campaignId: 'gb-t', createdAt: iso(now - HOUR + 400), seats: [
        { customerId: 'ana', displayName: 'Ana', seat: 'held', holdExpiresAt: iso(now + 150) },
        { customerId: 'bo', displayName: 'Bo', seat: 'confirmed' },
      ] },
    ], {}, now) });
    const watched = record(shop, 't');
    const other = record(shop, 't');
    await sleep(20);
    await shop.as(BO).groupBuy.joinTeam('t', {}).catch(() => {});
    await shop.as({ id: 'cy', displayName: 'Cy' }).groupBuy.joinTeam('t', {});
    await sleep(250 - (Date.now() - now));
    await shop.as({ id: 'cy', displayName: 'Cy' }).groupBuy.leaveTeam('t');
    await sleep(300);
    // The sequence: current, Cy joins, Ana lapses (timer), Cy leaves, the deadline (timer).
    assert.deepEqual(watched.states(), ['forming:2', 'forming:3', 'forming:2', 'forming:1', 'expired:1']);
    assert.deepEqual(other.states(), watched.states(), 'every subscriber gets every push');
    assert.ok(watched.seen.every((t) => t.you === undefined && typeof t.serverTime === 'string'), 'public views with the server time');
    assert.equal(watched.seen.at(-1).leaderName, 'Bo');
    watched.off();
    other.off();
    shop.dispose();
  });

  it('arms one timer per watched open team, and clears it on the last unsubscribe and on dispose', async () => {
    const base = timeouts();
    const shop = createMemoryAdapter({ seed: seedWith([{ id: 't', campaignId: 'gb-t', seats: [{ customerId: 'ana', seat: 'confirmed' }] }]) });
    assert.equal(timeouts(), base, 'no timer while nobody listens');
    const a = record(shop, 't');
    const b = record(shop, 't');
    await sleep(10);
    assert.equal(timeouts(), base + 1, 'one timer for the team');
    a.off();
    a.off();
    assert.equal(timeouts(), base + 1, 'still one while someone listens');
    b.off();
    assert.equal(timeouts(), base, 'cleared with the last subscriber');

    record(shop, 't');
    record(shop, 'team-1'); // not in this seed: no timer, an error
    await sleep(10);
    assert.equal(timeouts(), base + 1);
    shop.dispose();
    assert.equal(timeouts(), base, 'dispose clears it');
    assert.equal(shop.activeSubscriptions, 0);
  });

  it('dispose stops pushes of lapses that were due later', async () => {
    const now = Date.now();
    const shop = createMemoryAdapter({ seed: seedWith([
      { id: 't', campaignId: 'gb-t', seats: [{ customerId: 'ana', seat: 'held', holdExpiresAt: iso(now + 40) }] },
    ], {}, now) });
    const watched = record(shop, 't');
    await sleep(10);
    shop.dispose();
    await sleep(60);
    assert.deepEqual(watched.states(), ['forming:1'], 'nothing pushed after dispose');
    // The clock still rules reads.
    assert.equal((await shop.groupBuy.getTeam('t')).state, 'expired');
  });

  it('replays a write with the same Idempotency-Key per customer, and never for another customer', async () => {
    const { ana, bo } = clocked(seedWith());
    const team = await ana.groupBuy.startTeam('gb-t', {}, { idempotencyKey: 'k' });
    assert.deepEqual(await ana.groupBuy.startTeam('gb-t', {}, { idempotencyKey: 'k' }), team);
    const joined = await bo.groupBuy.joinTeam(team.id, {}, { idempotencyKey: 'k' });
    assert.equal(joined.you.leader, false);
    assert.deepEqual(await bo.groupBuy.joinTeam(team.id, {}, { idempotencyKey: 'k' }), joined);
    const left = await bo.groupBuy.leaveTeam(team.id, { idempotencyKey: 'k2' });
    assert.deepEqual(await bo.groupBuy.leaveTeam(team.id, { idempotencyKey: 'k2' }), left);
    await assert.rejects(bo.groupBuy.leaveTeam(team.id, { idempotencyKey: 'k3' }), code(409, 'not_a_member'));
  });

  it('control: addCampaign checks like the server, addTeam adds any state, updateCampaign leaves teams their terms', async () => {
    const { shop, ana } = clocked(seedWith());
    const base = seedWith().campaigns[0];
    const bad = [
      { tiers: [] },
      { tiers: [{ size: 1, price: { minor: 900, currency: 'EUR' } }] },
      { tiers: [{ size: 2, price: { minor: 900, currency: 'USD' } }] },
      { tiers: [{ size: 2, price: { minor: 1000, currency: 'EUR' } }] },
      { tiers: [{ size: 3, price: { minor: 900, currency: 'EUR' } }, { size: 2, price: { minor: 800, currency: 'EUR' } }] },
      { tiers: [{ size: 2, price: { minor: 800, currency: 'EUR' } }, { size: 3, price: { minor: 900, currency: 'EUR' } }] },
      { maxMembers: 2 }, { maxMembers: 101 }, { holdSeconds: 0 }, { teamDurationSeconds: 0.5 }, { stock: -1 }, { endsAt: iso(NOW - 2 * HOUR) },
      { tiers: Array.from({ length: 11 }, (_, i) => ({ size: i + 2, price: { minor: 900 - i, currency: 'EUR' } })), maxMembers: 12 },
    ];
    for (const patch of bad) assert.throws(() => shop.control.addCampaign({ ...base, id: 'x', ...patch }), code(400, 'invalid_request'), JSON.stringify(patch));
    assert.throws(() => shop.control.addCampaign(base), code(409, 'already_exists'));
    const made = shop.control.addCampaign({ id: 'gb-min', product: { id: 'p9' }, soloPrice: { minor: 500, currency: 'EUR' }, tiers: [{ size: 2, price: { minor: 400, currency: 'EUR' } }] });
    assert.deepEqual([made.maxMembers, made.teamDurationSeconds, made.holdSeconds, made.startsAt, made.status], [2, 86_400, 900, iso(NOW), 'active']);

    const team = await ana.groupBuy.startTeam('gb-t', {});
    shop.control.updateCampaign('gb-t', { tiers: [{ size: 2, price: { minor: 500, currency: 'EUR' } }], maxMembers: 2 });
    const kept = await shop.groupBuy.getTeam(team.id);
    assert.deepEqual([kept.tiers.map((t) => t.price.minor), kept.maxMembers], [[900, 800], 4], 'goalposts never move');

    assert.throws(() => shop.control.addTeam({ id: team.id, campaignId: 'gb-t', seats: [] }), code(409, 'already_exists'));
    assert.throws(() => shop.control.addTeam({ id: 'x', campaignId: 'nope', seats: [] }), code(404, 'not_found'));
    const closed = shop.control.addTeam({ id: 'done', campaignId: 'gb-t', state: 'closed', seats: [{ customerId: 'q', seat: 'confirmed' }, { customerId: 'r', seat: 'confirmed' }] });
    assert.deepEqual([closed.state, closed.maxMembers, closed.tierReached.size], ['closed', 2, 2], 'a team added now takes the current terms');
  });

  it('groupBuyScenario sets up every widget state', async () => {
    const shopper = DEMO_SHOPPER;
    const expected = {
      forming: { your: null, teams: ['team-2', 'team-1'], status: 'active' },
      leading: { your: ['forming', 'held', true, 1, null], teams: ['team-2', 'team-1'], status: 'active' },
      reserved: { your: ['forming', 'held', false, 2, null], teams: ['team-2'], status: 'active' },
      succeeded: { your: ['succeeded', 'confirmed', false, 2, 2], teams: ['team-2'], status: 'active' },
      'deeper-tier': { your: ['succeeded', 'confirmed', false, 3, 3], teams: ['team-2'], status: 'active' },
      full: { your: ['closed', 'confirmed', false, 3, 3], teams: ['team-2'], status: 'active' },
      expired: { your: null, teams: ['team-2', 'team-1'], status: 'active' },
      scheduled: { your: null, teams: [], status: 'scheduled' },
      ended: { your: null, teams: [], status: 'ended' },
      'sold-out': { your: null, teams: ['team-2', 'team-1'], status: 'sold_out' },
    };
    assert.deepEqual([...GROUP_BUY_STATES].sort(), Object.keys(expected).sort());
    for (const state of GROUP_BUY_STATES) {
      const s = groupBuyScenario(state, { now: NOW });
      assert.equal(s.customer, shopper);
      const adapter = createMemoryAdapter({ seed: s.seed, customer: s.customer, now: () => NOW });
      const offer = await adapter.groupBuy.getOffer(s.productId);
      const y = offer.yourTeam;
      assert.deepEqual({
        your: y && [y.state, y.you.seat, y.you.leader, y.seatCount, y.tierReached?.size ?? null],
        teams: offer.teams.map((t) => t.id),
        status: offer.campaign.status,
      }, expected[state], state);
      if (y) assert.equal(y.id, s.teamId, state);
      const team = await adapter.groupBuy.getTeam(s.teamId).catch((e) => e);
      if (state === 'expired') assert.deepEqual([team.state, team.you.seat, team.you.leader], ['expired', 'confirmed', true]);
      if (state === 'scheduled' || state === 'ended') assert.ok(isHttpError(team) && team.status === 404, state);
      adapter.dispose();
    }
    assert.throws(() => groupBuyScenario('nope'), TypeError);
    const sold = createMemoryAdapter({ ...groupBuyScenario('sold-out', { now: NOW }), now: () => NOW });
    await assert.rejects(sold.groupBuy.joinTeam('team-1', {}), code(409, 'sold_out'));
    const reserved = groupBuyScenario('reserved', { now: NOW, customer: ANA });
    const ana = createMemoryAdapter({ ...reserved, now: () => NOW });
    const mine = (await ana.groupBuy.getOffer('p1')).yourTeam;
    assert.deepEqual([mine.members[1].initials, mine.you.holdExpiresAt], ['AL', iso(NOW + 13 * MIN)]);
  });

  it('playGroupBuyScenario fills a team step by step, each change pushed', async () => {
    const shop = createMemoryAdapter();
    const watched = record(shop, 'team-1');
    const stop = playGroupBuyScenario(shop, 'team-1', { every: 30 });
    await sleep(400);
    stop();
    assert.deepEqual(watched.states(), ['forming:1', 'forming:2', 'succeeded:2', 'succeeded:3', 'closed:3']);
    assert.equal(watched.seen.at(-1).tierReached.size, 3);
    shop.dispose();
  });
});
