// Points in the memory adapter: the rules the shared contract can't reach (the clock: streaks,
// day boundaries, pending and expiry; refunds of spent points; badges, team, review and share
// earns; the demo data and scenarios).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isHttpError } from '@kith/core';
import { createMemoryAdapter, DEFAULT_POINTS_PROGRAM, demoSeed, DEMO_SHOPPER, pointsScenario, POINTS_STATES } from '@kith/adapter-memory';

const NOW = Date.parse('2026-11-01T12:00:00.000Z');
const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const ANA = { id: 'ana', displayName: 'Ana Lopez' };
const BO = { id: 'bo', displayName: 'Bo' };
const iso = (ms) => new Date(ms).toISOString();
const code = (status, c) => (e) => isHttpError(e) && e.status === status && e.code === c;
const usd = (minor) => ({ minor, currency: 'USD' });
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAMAAAACCAIAAAASFvFNAAAAHUlEQVR42mM4UcFwoofhxAIGhhMVNid6bE4ssAEAVlQIrS0hr5IAAAAASUVORK5CYII=', 'base64');

/** A shop on a clock the test moves (`clock.at`), with the demo data unless `points` replaces its points. */
function clocked({ points, at = NOW, ...rest } = {}) {
  const clock = { at };
  const seed = { ...demoSeed(at), ...rest, ...(points ? { points } : {}) };
  const shop = createMemoryAdapter({ seed, now: () => clock.at });
  return { shop, clock, ana: shop.as(ANA), bo: shop.as(BO) };
}

/** Every history line of a view, newest first. */
async function historyOf(view) {
  const items = [];
  let cursor = null;
  do {
    const page = await view.points.listHistory({ cursor, limit: 3 });
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return items;
}

/** A lot of `points` for `customerId` (a referral earn) created at `at`. */
const lot = (customerId, points, at, id = `ref-${at}`) => ({ customerId, kind: 'earn', action: 'referral', points, source: { type: 'referral', id }, createdAt: iso(at) });

describe('points in the memory adapter', () => {
  it('declares the points capability; a shop without settings runs the default program', async () => {
    const shop = createMemoryAdapter({ seed: { ...demoSeed(NOW), points: undefined } });
    assert.ok(shop.capabilities.has('points'));
    const p = await shop.points.getProgram();
    assert.deepEqual({ ...p, badges: p.badges.length }, { ...DEFAULT_POINTS_PROGRAM, badges: 6 });
    assert.deepEqual(p.badges.map((b) => b.id), ['first_purchase', 'first_review', 'photo_review', 'streak_7', 'team_leader', 'first_redemption']);
    assert.deepEqual(p.badges.find((b) => b.id === 'team_leader'), { id: 'team_leader', name: 'Team leader', description: 'Led a group-buy team to success' });
  });

  it('serves the demo program: Kith Rewards, its tiers and rewards cheapest first, with stock; inactive rewards are hidden', async () => {
    const { shop } = clocked();
    const p = await shop.points.getProgram();
    assert.equal(p.name, 'Kith Rewards');
    assert.deepEqual(p.tiers.map((t) => [t.id, t.name, t.threshold]), [['member', 'Member', 0], ['silver', 'Silver', 500], ['gold', 'Gold', 2000]]);
    assert.deepEqual(p.tiers[2].perks, ['Free shipping on every order', 'Early access to sales']);
    assert.deepEqual(p.rewards.map((r) => [r.id, r.cost, r.kind, r.stock, r.tierId]), [
      ['rw-ship', 300, 'perk', 25, undefined], ['rw-5off', 500, 'coupon', undefined, undefined], ['rw-early', 800, 'perk', undefined, 'silver'],
      ['rw-10p', 1200, 'coupon', undefined, undefined], ['rw-tote', 2500, 'perk', 0, undefined],
    ]);
    assert.deepEqual(p.rewards[1].coupon, { amountOff: usd(500), minimumSpend: usd(3000), validDays: 30 });
    assert.deepEqual(p.rewards[3].coupon, { percentOff: 10 });
    shop.control.updateReward('rw-early', { active: false });
    assert.ok(!(await shop.points.getProgram()).rewards.some((r) => r.id === 'rw-early'));
    await assert.rejects(shop.as(DEMO_SHOPPER).points.redeem('rw-early'), code(404, 'not_found'));
  });

  it('counts a check-in streak across days, with the bonus every 7th day, once a day; a missed day starts over', async () => {
    const { ana, clock } = clocked();
    const seen = [];
    for (let d = 1; d <= 7; d++) {
      const before = await ana.points.getAccount();
      assert.equal(before.checkIn.streak, d - 1);
      const done = await ana.points.checkIn();
      seen.push([done.streak, done.points, done.bonus, before.checkIn.nextPoints]);
      await assert.rejects(ana.points.checkIn(), code(409, 'already_checked_in'));
      clock.at += DAY;
    }
    assert.deepEqual(seen, [[1, 5, 0, 5], [2, 5, 0, 5], [3, 5, 0, 5], [4, 5, 0, 5], [5, 5, 0, 5], [6, 5, 0, 5], [7, 25, 20, 25]]);
    let account = await ana.points.getAccount();
    assert.deepEqual([account.balance, account.checkIn], [55, { streak: 7, checkedInToday: false, nextPoints: 5 }], 'yesterday’s streak holds until today’s check-in');
    assert.ok(account.badges.some((b) => b.id === 'streak_7'));
    const lines = await historyOf(ana);
    assert.deepEqual(lines.slice(0, 2).map((e) => [e.action, e.points, e.source.id]), [['streak_bonus', 20, '2026-11-07'], ['check_in', 5, '2026-11-07']]);

    clock.at += DAY; // skipped a day
    account = await ana.points.getAccount();
    assert.deepEqual(account.checkIn, { streak: 0, checkedInToday: false, nextPoints: 5 });
    assert.equal((await ana.points.checkIn()).streak, 1);
  });

  it('a day is a day in the program’s time zone', async () => {
    // 15:59 UTC is 23:59 in Shanghai; two minutes later it is tomorrow there, still today in UTC.
    const at = Date.parse('2026-11-01T15:59:00.000Z');
    const shanghai = clocked({ at, points: { program: { timeZone: 'Asia/Shanghai' } } });
    const first = await shanghai.ana.points.checkIn();
    shanghai.clock.at += 2 * MIN;
    const second = await shanghai.ana.points.checkIn();
    assert.deepEqual([first.streak, second.streak], [1, 2]);
    assert.deepEqual((await historyOf(shanghai.ana)).map((e) => e.source.id), ['2026-11-02', '2026-11-01']);

    const utc = clocked({ at, points: {} });
    await utc.ana.points.checkIn();
    utc.clock.at += 2 * MIN;
    await assert.rejects(utc.ana.points.checkIn(), code(409, 'already_checked_in'));
    // New York: 03:59 UTC on the 2nd is still the 1st there.
    const ny = clocked({ at: Date.parse('2026-11-02T03:59:00.000Z'), points: { program: { timeZone: 'America/New_York' } } });
    await ny.ana.points.checkIn();
    assert.equal((await historyOf(ny.ana))[0].source.id, '2026-11-01');
    assert.throws(() => clocked({ points: { program: { timeZone: 'Mars/Olympus' } } }), code(400, 'invalid_request'));
  });

  it('points expire oldest first, lazily, and `expiring` says how many will within 30 days', async () => {
    // Two lots of 100: one from 11 months and 20 days ago (expires in ~10 days), one from 6 months ago.
    const old = NOW - 355 * DAY;
    const { shop, ana, clock } = clocked({ points: { ledger: [lot('ana', 100, old, 'ref-old'), lot('ana', 100, NOW - 180 * DAY, 'ref-new')] } });
    let account = await ana.points.getAccount();
    assert.equal(account.balance, 200);
    const firstExpiry = iso(Date.parse((await historyOf(ana)).at(-1).expiresAt));
    assert.deepEqual(account.expiring, { points: 100, at: firstExpiry });
    // Spending takes the oldest lot first: 60 of the old 100 are gone, 40 of them are left to expire.
    shop.control.adjustPoints('ana', -60, 'Spent at the till');
    assert.deepEqual((await ana.points.getAccount()).expiring, { points: 40, at: firstExpiry });

    clock.at = Date.parse(firstExpiry) + HOUR;
    account = await ana.points.getAccount();
    assert.deepEqual([account.balance, account.expiring], [100, null], '40 expired, the newer lot is whole');
    const lines = await historyOf(ana);
    assert.deepEqual([lines[0].kind, lines[0].points, lines[0].balanceAfter, lines[0].source.type], ['expire', -40, 100, 'expiry']);
    assert.equal(lines[0].source.id, iso(clock.at).slice(0, 10));
    // Reading again expires nothing more.
    await ana.points.getAccount();
    assert.equal((await historyOf(ana)).filter((e) => e.kind === 'expire').length, 1);

    clock.at = NOW + 200 * DAY;
    account = await ana.points.getAccount();
    assert.equal(account.balance, 0);
    assert.deepEqual((await historyOf(ana)).filter((e) => e.kind === 'expire').map((e) => e.points), [-100, -40]);
    assert.ok((await historyOf(ana)).every((e) => e.balanceAfter >= 0));
  });

  it('a refund of available points spends like a redemption (oldest first); a pending one nets its own order', async () => {
    // An old lot (expires in ~10 days) and a newer available order; the order is refunded in full.
    const { shop, ana, clock } = clocked({ points: { ledger: [lot('ana', 100, NOW - 355 * DAY)] } });
    shop.control.reportOrder({ id: 'o-1', customerId: 'ana', productIds: ['p2'], total: usd(5_000), placedAt: iso(NOW - 31 * DAY) });
    shop.control.reportOrder({ id: 'o-2', customerId: 'ana', productIds: ['p2'], total: usd(7_000) });
    shop.control.refundOrder('o-1');
    shop.control.refundOrder('o-2');
    assert.deepEqual((await ana.points.getAccount()).expiring?.points, 50, 'the reversal took the oldest 50');
    clock.at = NOW + 15 * DAY;
    const account = await ana.points.getAccount();
    assert.deepEqual([account.balance, account.pending], [50, 0]);
    assert.deepEqual((await historyOf(ana)).find((e) => e.kind === 'expire').points, -50);
  });

  it('an expiry is applied before a write: a redemption can’t spend points that are already gone', async () => {
    const { shop, ana, clock } = clocked({ points: { rewards: [{ id: 'rw-1', title: 'Thing', cost: 80, kind: 'perk' }], ledger: [lot('ana', 100, NOW - 360 * DAY)] } });
    assert.equal((await ana.points.getAccount()).balance, 100);
    clock.at += 10 * DAY;
    await assert.rejects(ana.points.redeem('rw-1'), code(409, 'insufficient_points'));
    assert.throws(() => shop.control.adjustPoints('ana', -1, 'x'), code(409, 'insufficient_points'));
    assert.deepEqual((await historyOf(ana)).map((e) => [e.kind, e.points]), [['expire', -100], ['earn', 100]]);
  });

  it('purchase points are pending through the return window, then available; an old order’s at once', async () => {
    const { shop, ana, clock } = clocked();
    const reported = shop.control.reportOrder({ id: 'o-1', customerId: 'ana', productIds: ['p2'], total: usd(12_399) });
    assert.deepEqual(reported.points, { earned: 123, availableAt: iso(NOW + 30 * DAY) });
    let account = await ana.points.getAccount();
    assert.deepEqual([account.balance, account.pending, account.lifetime], [0, 123, 123]);
    let [line] = await historyOf(ana);
    assert.deepEqual([line.status, line.balanceAfter, line.availableAt, line.expiresAt], ['pending', null, iso(NOW + 30 * DAY), iso(Date.parse('2027-12-01T12:00:00.000Z'))]);

    clock.at = NOW + 30 * DAY;
    account = await ana.points.getAccount();
    assert.deepEqual([account.balance, account.pending], [123, 0]);
    [line] = await historyOf(ana);
    assert.deepEqual([line.status, line.balanceAfter], ['available', 123]);

    const old = shop.control.reportOrder({ id: 'o-0', customerId: 'ana', productIds: ['p2'], total: usd(5_000), placedAt: iso(clock.at - 40 * DAY) });
    assert.equal(old.points.earned, 50);
    assert.equal((await ana.points.getAccount()).balance, 173, 'placed 40 days ago: available at once');
    // Other currencies, totals under `per` and orders without a total earn nothing.
    assert.equal(shop.control.reportOrder({ id: 'o-eur', customerId: 'ana', productIds: ['p2'], total: { minor: 9_999, currency: 'EUR' } }).points, null);
    assert.equal(shop.control.reportOrder({ id: 'o-cents', customerId: 'ana', productIds: ['p2'], total: usd(99) }).points, null);
    assert.equal(shop.control.reportOrder({ id: 'o-none', customerId: 'ana', productIds: ['p2'] }).points, null);
    assert.throws(() => shop.control.reportOrder({ id: 'o-1', customerId: 'ana', productIds: [] }), code(409, 'already_exists'));
    // The orders make Ana a verified buyer of p2.
    const review = await ana.reviews.submitReview({ productId: 'p2', rating: 5, body: 'Works as described.', displayName: 'Ana', consent: true });
    assert.equal(review.author.verifiedBuyer, true);
  });

  it('a refund reverses pending points in full, available ones as far as the balance goes (shortfall), once', async () => {
    const { shop, ana, clock } = clocked({ points: { rewards: [{ id: 'rw-big', title: 'Big', cost: 150, kind: 'perk' }] } });
    shop.control.reportOrder({ id: 'o-a', customerId: 'ana', productIds: ['p2'], total: usd(20_000), placedAt: iso(NOW - 31 * DAY) });
    shop.control.reportOrder({ id: 'o-p', customerId: 'ana', productIds: ['p2'], total: usd(7_000) });
    await ana.points.redeem('rw-big'); // 200 available − 150
    assert.deepEqual(shop.control.refundOrder('o-a'), { orderId: 'o-a', reversed: 50, shortfall: 150, referral: null });
    let account = await ana.points.getAccount();
    assert.deepEqual([account.balance, account.pending, account.lifetime], [0, 70, 200 - 50 + 70]);

    assert.deepEqual(shop.control.refundOrder('o-p'), { orderId: 'o-p', reversed: 70, shortfall: 0, referral: null });
    account = await ana.points.getAccount();
    assert.deepEqual([account.balance, account.pending, account.lifetime], [0, 0, 150]);
    const lines = await historyOf(ana);
    const reversals = lines.filter((e) => e.kind === 'reverse');
    assert.deepEqual(reversals.map((e) => [e.source.id, e.points, e.status, e.action, e.availableAt ?? null]), [
      ['o-p', -70, 'pending', 'purchase', iso(NOW + 30 * DAY)], ['o-a', -50, 'available', 'purchase', null],
    ], 'a pending reversal keeps the earn’s availableAt');
    assert.ok(lines.every((e) => e.balanceAfter === null || e.balanceAfter >= 0));

    assert.throws(() => shop.control.refundOrder('o-a'), code(409, 'already_refunded'));
    assert.throws(() => shop.control.refundOrder('nope'), code(404, 'not_found'));
    shop.control.reportOrder({ id: 'o-none', customerId: 'ana', productIds: ['p2'] });
    assert.deepEqual(shop.control.refundOrder('o-none'), { orderId: 'o-none', reversed: 0, shortfall: 0, referral: null }, 'an order without points reverses nothing');
    clock.at += 31 * DAY;
    account = await ana.points.getAccount();
    assert.deepEqual([account.balance, account.pending], [0, 0], 'the pending pair nets 0 once available');
  });

  it('badges are earned once, dated by the first time', async () => {
    const { shop, ana, clock } = clocked({ points: { rewards: [{ id: 'rw-1', title: 'One', cost: 10, kind: 'perk' }] } });
    shop.control.reportOrder({ id: 'o-1', customerId: 'ana', productIds: ['p2'], total: usd(5_000), placedAt: iso(NOW - 40 * DAY) });
    await ana.points.redeem('rw-1');
    const first = (await ana.points.getAccount()).badges;
    assert.deepEqual(first.map((b) => [b.id, b.name, b.earnedAt]), [['first_purchase', 'First order', iso(NOW)], ['first_redemption', 'First reward', iso(NOW)]]);
    clock.at += DAY;
    shop.control.reportOrder({ id: 'o-2', customerId: 'ana', productIds: ['p2'], total: usd(5_000) });
    await ana.points.redeem('rw-1');
    assert.deepEqual((await ana.points.getAccount()).badges, first);
  });

  it('team points: every confirmed member of a succeeded team earns the campaign’s reward once; the leader gets a badge', async () => {
    const { shop, ana, bo } = clocked();
    shop.control.updateCampaign('gb-1', { reward: { description: '50 points each', points: 50 } });
    const team = await ana.groupBuy.startTeam('gb-1', { displayName: 'Ana' });
    await bo.groupBuy.joinTeam(team.id, {});
    const cy = shop.as({ id: 'cy', displayName: 'Cy' });
    await cy.groupBuy.joinTeam(team.id, {});
    shop.control.confirmSeat(team.id, 'ana');
    assert.equal((await ana.points.getAccount()).balance, 0, 'forming: nothing yet');
    // Bo's order confirms his seat: the team succeeds, both confirmed members earn.
    const order = shop.control.reportOrder({ id: 'o-bo', customerId: 'bo', productIds: ['p1'], teamId: team.id });
    assert.deepEqual([order.teamId, order.team.state], [team.id, 'succeeded']);
    assert.deepEqual([(await ana.points.getAccount()).balance, (await bo.points.getAccount()).balance], [50, 50]);
    assert.deepEqual((await ana.points.getAccount()).badges.map((b) => b.id), ['team_leader']);
    assert.deepEqual((await bo.points.getAccount()).badges, []);
    // Cy confirms after success (the team closes full): Cy earns, the others don't again.
    shop.control.confirmSeat(team.id, 'cy');
    assert.deepEqual(await Promise.all([ana, bo, cy].map(async (v) => (await v.points.getAccount()).balance)), [50, 50, 50]);
    const [line] = await historyOf(cy);
    assert.deepEqual([line.kind, line.action, line.points, line.status, line.source], ['earn', 'team', 50, 'available', { type: 'team', id: team.id }]);
    // A refused seat records no order.
    assert.throws(() => shop.control.reportOrder({ id: 'o-x', customerId: 'nobody', productIds: ['p1'], teamId: team.id }), code(409, 'seat_not_held'));
    assert.doesNotThrow(() => shop.control.reportOrder({ id: 'o-x', customerId: 'nobody', productIds: ['p1'] }));
  });

  it('a review earns once when published: at submit, or when approved (with a photo: photo_review)', async () => {
    const { shop, ana, bo } = clocked();
    shop.control.reportOrder({ id: 'o-1', customerId: 'ana', productIds: ['p2', 'p4'] });
    const auto = await ana.reviews.submitReview({ productId: 'p2', rating: 5, body: 'Lovely and sturdy.', displayName: 'Ana', consent: true });
    assert.equal(auto.status, 'published');
    const photo = await ana.reviews.uploadMedia(new Blob([PNG], { type: 'image/png' }));
    const held = await ana.reviews.submitReview({ productId: 'p4', rating: 4, body: 'Here is how it looks.', displayName: 'Ana', consent: true, mediaIds: [photo.id] });
    assert.equal(held.status, 'pending');
    assert.equal((await ana.points.getAccount()).balance, 20);
    shop.control.approveReview(held.id);
    shop.control.rejectReview(held.id);
    shop.control.approveReview(held.id); // published again: no second earn
    const unverified = await bo.reviews.submitReview({ productId: 'p2', rating: 2, body: 'Did not work for me.', displayName: 'Bo', consent: true });
    assert.equal(unverified.status, 'pending');
    shop.control.rejectReview(unverified.id);
    const account = await ana.points.getAccount();
    assert.equal(account.balance, 70);
    assert.deepEqual(account.badges.map((b) => b.id), ['first_review', 'photo_review']);
    assert.deepEqual((await historyOf(ana)).map((e) => [e.action, e.points, e.source.id]), [['photo_review', 50, held.id], ['review', 20, auto.id]]);
    assert.equal((await bo.points.getAccount()).balance, 0, 'a rejected review earns nothing');
  });

  it('share earns up to its daily cap a program day, once per source; referral has no cap', async () => {
    const { shop, ana, clock } = clocked();
    const earn = (id) => shop.control.earnPoints('ana', 'share', id);
    assert.deepEqual([earn('s1').capped, earn('s2').capped, earn('s3').capped], [false, false, false]);
    assert.deepEqual(earn('s4'), { entry: null, capped: true, duplicate: false });
    assert.deepEqual(earn('s1'), { entry: null, capped: false, duplicate: true }, 'a source earns once');
    assert.equal((await ana.points.getAccount()).balance, 15);
    clock.at += DAY;
    const next = earn('s4');
    assert.deepEqual([next.capped, next.entry.action, next.entry.points, next.entry.source, next.entry.balanceAfter], [false, 'share', 5, { type: 'share', id: 's4' }, 20]);
    for (let i = 0; i < 5; i++) assert.equal(shop.control.earnPoints('ana', 'referral', `r${i}`).entry.points, 100);
    assert.throws(() => shop.control.earnPoints('ana', 'purchase', 'x'), code(400, 'invalid_request'));
  });

  it('a program without a rule: check-ins and merchant earns for it are 409 not_in_program', async () => {
    const { shop, ana } = clocked({ points: { program: { earn: [{ action: 'purchase', points: 1, per: usd(100) }] } } });
    await assert.rejects(ana.points.checkIn(), code(409, 'not_in_program'));
    assert.throws(() => shop.control.earnPoints('ana', 'share', 's1'), code(409, 'not_in_program'));
    assert.equal((await ana.points.getAccount()).checkIn.nextPoints, 0);
  });

  it('redeems: tier, stock, then balance; a code from the pool first, then generated ones; coupons expire after validDays', async () => {
    const { shop, ana } = clocked();
    shop.control.adjustPoints('ana', 400, 'Welcome');
    await assert.rejects(ana.points.redeem('rw-early'), code(409, 'tier_required'), 'Silver needs 500 lifetime points');
    const vip = shop.control.addReward({ title: 'Gold only', cost: 1, kind: 'perk', tierId: 'gold', stock: 0 });
    await assert.rejects(ana.points.redeem(vip.id), code(409, 'tier_required'), 'the tier is checked before the stock');
    await assert.rejects(ana.points.redeem('rw-tote'), code(409, 'out_of_stock'), 'the stock before the balance');
    const pooled = shop.control.addReward({ title: 'Pooled', cost: 10, kind: 'coupon', coupon: { percentOff: 5 }, codes: ['POOL-0001'] });
    assert.deepEqual(shop.control.importCodes(pooled.id, ['POOL-0002', 'POOL-0001']), { imported: 1, duplicates: 1, available: 2 });
    const codes = [];
    for (let i = 0; i < 2; i++) codes.push((await ana.points.redeem(pooled.id)).code);
    assert.deepEqual(codes, ['POOL-0001', 'POOL-0002']);
    assert.equal((await shop.points.getProgram()).rewards.find((w) => w.id === pooled.id).stock, 0, 'a pool’s stock is its unused codes');
    await assert.rejects(ana.points.redeem(pooled.id), code(409, 'out_of_stock'), 'an emptied pool is out of stock');
    shop.control.adjustPoints('ana', 200, 'Birthday'); // 580 available, 600 lifetime: Silver
    await assert.rejects(ana.points.redeem('rw-early'), code(409, 'insufficient_points'), 'Silver now, but 580 < 800');
    const five = await ana.points.redeem('rw-5off');
    assert.match(five.code, /^KITH-[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}$/);
    assert.deepEqual([five.rewardTitle, five.points, five.coupon, five.expiresAt, five.account.balance],
      ['$5 off', 500, { amountOff: usd(500), minimumSpend: usd(3000), validDays: 30 }, iso(NOW + 30 * DAY), 80]);
    await assert.rejects(ana.points.redeem('rw-ship'), code(409, 'insufficient_points'));
    shop.control.adjustPoints('ana', 800, 'Apology');
    assert.equal((await ana.points.redeem('rw-early')).expiresAt, undefined, 'a perk without validDays does not expire');
    assert.equal((await shop.points.getProgram()).rewards.find((w) => w.id === 'rw-ship').stock, 25, 'a refusal takes no stock');
  });

  it('validates the merchant’s inputs like the server (400 invalid_request)', () => {
    const { shop } = clocked();
    const bad = code(400, 'invalid_request');
    assert.throws(() => shop.control.adjustPoints('ana', 0, 'x'), bad);
    assert.throws(() => shop.control.adjustPoints('ana', 1.5, 'x'), bad);
    assert.throws(() => shop.control.adjustPoints('ana', 1_000_001, 'x'), bad);
    assert.throws(() => shop.control.adjustPoints('ana', 5, ''), bad);
    assert.throws(() => shop.control.adjustPoints('ana', 5, 'x'.repeat(201)), bad);
    assert.throws(() => shop.control.addReward({ title: 'Both', cost: 5, kind: 'coupon', coupon: { percentOff: 5, amountOff: usd(1) } }), bad);
    assert.throws(() => shop.control.addReward({ title: 'Free', cost: 0, kind: 'perk' }), bad);
    assert.throws(() => shop.control.addReward({ title: 'Perk', cost: 5, kind: 'perk', coupon: { percentOff: 5 } }), bad);
    assert.throws(() => shop.control.addReward({ title: 'Coupon', cost: 5, kind: 'coupon' }), bad);
    assert.throws(() => shop.control.addReward({ title: 'Tier', cost: 5, kind: 'perk', tierId: 'platinum' }), bad);
    assert.throws(() => shop.control.addReward({ id: 'rw-10p', title: 'Again', cost: 5, kind: 'perk' }), code(409, 'already_exists'));
    assert.throws(() => shop.control.importCodes('rw-10p', ['no spaces allowed']), bad);
  });

  it('pages the history by cursor with the right running balance on every page; a bad cursor or limit is 400', async () => {
    const { shop, ana } = clocked();
    for (let i = 1; i <= 12; i++) shop.control.adjustPoints('ana', i, `Line ${i}`);
    const lines = await historyOf(ana);
    assert.equal(lines.length, 12);
    assert.deepEqual(lines.map((e) => e.balanceAfter), Array.from({ length: 12 }, (_, i) => ((12 - i) * (13 - i)) / 2));
    await assert.rejects(ana.points.listHistory({ cursor: 'nope!' }), code(400, 'invalid_cursor'));
    await assert.rejects(ana.points.listHistory({ limit: 51 }), code(400, 'invalid_request'));
    assert.equal((await ana.points.listHistory({})).items.length, 12);
  });

  it('advanceTime moves every view’s clock', async () => {
    const { shop, ana } = clocked({ at: Date.now() });
    shop.control.reportOrder({ id: 'o-1', customerId: 'ana', productIds: ['p2'], total: usd(1_000) });
    assert.equal((await ana.points.getAccount()).pending, 10);
    const at = shop.control.advanceTime(30 * DAY + MIN);
    assert.ok(Math.abs(Date.parse(at) - (Date.now() + 30 * DAY)) < 5 * MIN);
    const account = await ana.points.getAccount();
    assert.deepEqual([account.pending, account.balance], [0, 10]);
    assert.ok(Date.parse(account.serverTime) >= Date.parse(at));
  });
});

describe('points scenarios', () => {
  const load = async (state, customer) => {
    const { seed, customer: c } = pointsScenario(state, { now: NOW, ...(customer ? { customer } : {}) });
    const shop = createMemoryAdapter({ seed, customer: c, now: () => NOW });
    return { shop, account: await shop.points.getAccount(), history: await historyOf(shop), customer: c };
  };
  const badgeIds = (a) => a.badges.map((b) => b.id).sort();

  it('lists its states', () => {
    assert.deepEqual(POINTS_STATES, ['member', 'new-member', 'checked-in', 'bonus-next', 'expiring', 'top-tier', 'rich']);
    assert.throws(() => pointsScenario('nope'), TypeError);
  });

  it('member: 1,240 available, 180 pending, Silver with 480 to Gold, a streak of 2, four badges, a full history', async () => {
    const { account: a, history, customer } = await load('member');
    assert.equal(customer, DEMO_SHOPPER);
    assert.deepEqual([a.balance, a.pending, a.lifetime, a.tier.id, a.nextTier.id, a.nextTier.pointsNeeded], [1240, 180, 1520, 'silver', 'gold', 480]);
    assert.deepEqual(a.checkIn, { streak: 2, checkedInToday: false, nextPoints: 5 });
    assert.deepEqual(badgeIds(a), ['first_purchase', 'first_redemption', 'first_review', 'photo_review']);
    assert.equal(a.expiring, null);
    const has = (pred, what) => assert.ok(history.some(pred), what);
    has((e) => e.action === 'purchase' && e.status === 'available', 'an old purchase');
    has((e) => e.action === 'purchase' && e.status === 'pending' && e.points === 180, 'a recent pending purchase');
    has((e) => e.action === 'review', 'a review');
    has((e) => e.action === 'photo_review', 'a photo review');
    has((e) => e.kind === 'redeem' && e.source.label, 'a redemption');
    has((e) => e.kind === 'expire', 'an expiry');
    has((e) => e.kind === 'adjust' && e.note, 'a merchant adjustment with a note');
    assert.deepEqual(history.filter((e) => e.action === 'check_in').map((e) => e.source.id), ['2026-10-31', '2026-10-30']);
    assert.equal(history[0].status, 'pending');
    assert.equal(history.find((e) => e.status === 'available').balanceAfter, 1240);
    assert.ok(history.every((e) => e.balanceAfter === null || e.balanceAfter >= 0));
  });

  it('new-member: no points, no history, Member', async () => {
    const { account: a, history, shop } = await load('new-member');
    assert.deepEqual([a.balance, a.pending, a.lifetime, a.tier.id, a.nextTier.pointsNeeded, a.badges, a.checkIn.streak], [0, 0, 0, 'member', 500, [], 0]);
    assert.deepEqual(history, []);
    assert.equal((await shop.points.getProgram()).rewards.length, 5);
  });

  it('checked-in: checked in today, streak 3', async () => {
    const { account: a, shop } = await load('checked-in');
    assert.deepEqual(a.checkIn, { streak: 3, checkedInToday: true, nextPoints: 5 });
    assert.equal(a.balance, 1245);
    await assert.rejects(shop.points.checkIn(), code(409, 'already_checked_in'));
  });

  it('bonus-next: streak 6, not checked in; the next check-in earns the 7-day bonus', async () => {
    const { account: a, shop } = await load('bonus-next');
    assert.deepEqual(a.checkIn, { streak: 6, checkedInToday: false, nextPoints: 25 });
    const done = await shop.points.checkIn();
    assert.deepEqual([done.points, done.bonus, done.streak], [25, 20, 7]);
    assert.ok(done.account.badges.some((b) => b.id === 'streak_7'));
  });

  it('expiring: points expire in 10 days', async () => {
    const { account: a } = await load('expiring');
    assert.equal(a.expiring.points, 389);
    assert.ok(Math.abs(Date.parse(a.expiring.at) - (NOW + 10 * DAY)) <= DAY);
    assert.deepEqual([a.balance, a.pending, a.lifetime], [1240, 180, 1520]);
  });

  it('top-tier: Gold, no next tier, enough points for every reward, all six badges', async () => {
    const { account: a, shop } = await load('top-tier');
    const program = await shop.points.getProgram();
    assert.deepEqual([a.tier.id, a.nextTier], ['gold', null]);
    assert.ok(program.rewards.every((r) => r.cost <= a.balance));
    assert.deepEqual(badgeIds(a), program.badges.map((b) => b.id).sort());
  });

  it('rich: enough for rw-10p, then rw-5off', async () => {
    const { account: a, shop } = await load('rich');
    assert.deepEqual([a.balance, a.tier.id], [1700, 'silver']);
    const r = await shop.points.redeem('rw-10p');
    assert.deepEqual([r.points, r.account.balance], [1200, 500]);
    assert.equal((await shop.points.redeem('rw-5off')).account.balance, 0);
  });

  it('belongs to the customer given; other shoppers start from nothing', async () => {
    const kai = { id: 'kai', displayName: 'Kai' };
    const { account: a, shop } = await load('member', kai);
    assert.equal(a.balance, 1240);
    assert.equal((await shop.as(DEMO_SHOPPER).points.getAccount()).balance, 0);
  });
});
