// Referrals in the memory adapter: the rules the shared contract can't reach (code format and
// prefix, url building, the fraud checks in order, the merchant's review, approval after the
// window into the points ledger, refunds after approval, sign-ups, settings, the demo scenarios).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isHttpError } from '@kith/core';
import { createMemoryAdapter, demoSeed, DEMO_SHOPPER, referralsScenario, REFERRAL_STATES } from '@kith/adapter-memory';

const NOW = Date.parse('2026-11-01T12:00:00.000Z');
const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const ANA = { id: 'ana', displayName: 'Ana Lopez' };
const iso = (ms) => new Date(ms).toISOString();
const code = (status, c) => (e) => isHttpError(e) && e.status === status && e.code === c;
const usd = (minor) => ({ minor, currency: 'USD' });
const CODE = /^[A-Z]{1,6}-[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{4}$/;
let n = 0;
const key = () => `k-${++n}`;

/** A shop on a clock the test moves (`clock.at` or `advanceTime`), with the demo data. */
function clocked({ at = NOW, ...rest } = {}) {
  const clock = { at };
  const shop = createMemoryAdapter({ seed: { ...demoSeed(at), ...rest }, now: () => clock.at });
  return { shop, clock, ana: shop.as(ANA) };
}

/** Ana's code, and a function that reports a friend's order through it. */
async function advocate(shop, ana, settings) {
  if (settings) shop.control.referralSettings(settings);
  const { code: mine } = await ana.referrals.createLink({ displayName: 'Ana' }, { idempotencyKey: key() });
  const order = (friend, extra = {}) => shop.control.reportOrder({ id: `o-${friend}-${key()}`, customerId: friend, productIds: ['p1'], total: usd(5000), referralCode: mine, ...extra });
  return { mine, order };
}

describe('referrals in the memory adapter', () => {
  it('declares the referrals capability', () => {
    assert.ok(createMemoryAdapter().capabilities.has('referrals'));
  });

  it('a code: the display name’s ASCII letters (up to 6) or KITH, a dash and 4 unambiguous characters; stored upper case, matched in any case', async () => {
    const { shop } = clocked();
    const link = async (customer, displayName) => (await shop.as(customer).referrals.createLink(displayName === undefined ? {} : { displayName })).code;
    const lin = await link({ id: 'lin', displayName: 'x' }, 'Lin Chen');
    assert.match(lin, CODE);
    assert.ok(lin.startsWith('LINCHE-'), lin);
    assert.ok((await link({ id: 'zoe', displayName: 'x' }, 'Zoë 9')).startsWith('ZO-'));
    assert.ok((await link({ id: 'wang', displayName: 'x' }, '王芳')).startsWith('KITH-'));
    assert.ok((await link({ id: 'anon', displayName: 'x' })).startsWith('AFRIEN-'), 'the default display name is “A friend”');
    assert.equal(await link({ id: 'lin', displayName: 'x' }, 'Someone Else'), lin, 'one code per customer');
    const offer = await shop.referrals.getOffer(lin.toLowerCase());
    assert.deepEqual([offer.code, offer.advocateName, offer.couponCode], [lin, 'Someone Else', `FRIEND-${lin}`], 'a later display name replaces the first');
    await assert.rejects(shop.as(ANA).referrals.createLink({ displayName: 'x'.repeat(41) }), code(400, 'invalid_request'));
    await assert.rejects(shop.as(ANA).referrals.createLink({ displayName: '  ' }), code(400, 'invalid_request'));
  });

  it('the link: the shop’s landing page or the url asked for, its own query kept, kith_ref set; 400 for other urls; landing_url_required without either', async () => {
    const { shop, ana } = clocked();
    const first = await ana.referrals.createLink({});
    assert.equal(first.url, `https://shop.example.com/?kith_ref=${first.code}`);
    const page = new URL((await ana.referrals.createLink({ url: 'https://shop.example.com/p/tote?colour=sand&kith_ref=OLD#reviews' })).url);
    assert.deepEqual([page.pathname, page.searchParams.get('colour'), page.searchParams.getAll('kith_ref'), page.hash], ['/p/tote', 'sand', [first.code], '#reviews']);
    for (const url of ['/p/tote', 'ftp://shop.example.com/', 'javascript:alert(1)', 'not a url']) {
      await assert.rejects(ana.referrals.createLink({ url }), code(400, 'invalid_request'), url);
    }
    shop.control.referralSettings({ landingUrl: 'https://kith.example/welcome?utm_source=ref' });
    assert.equal((await ana.referrals.createLink({})).url, `https://kith.example/welcome?utm_source=ref&kith_ref=${first.code}`);
    shop.control.referralSettings({ landingUrl: null });
    await assert.rejects(ana.referrals.createLink({}), code(400, 'landing_url_required'));
    assert.ok((await ana.referrals.createLink({ url: 'http://localhost:3000/' })).url.startsWith('http://localhost:3000/?kith_ref='));
    await assert.rejects(createMemoryAdapter().referrals.createLink({}), code(401, 'customer_token_required'));
  });

  it('the incentive: points from the program’s referral rule, a $10 coupon without one; null while the program is off', async () => {
    const { ana, shop } = clocked();
    const { incentive } = await ana.referrals.createLink({});
    assert.deepEqual(incentive, { friend: { kind: 'coupon', amountOff: usd(1000) }, advocate: { kind: 'points', points: 100 } });
    const noRule = createMemoryAdapter({ seed: { ...demoSeed(NOW), points: { program: { earn: [{ action: 'purchase', points: 1, per: usd(100) }] } } } });
    assert.deepEqual((await noRule.as(ANA).referrals.createLink({})).incentive.advocate, { kind: 'coupon', amountOff: usd(1000) });
    assert.equal(shop.control.referralSettings().returnDays, 30, 'the points program’s pendingDays');
    shop.control.referralSettings({ enabled: false });
    assert.equal((await ana.referrals.createLink({})).incentive, null);
    await assert.rejects(shop.referrals.getOffer('ALEX-7Q2K'), code(404, 'not_found'), 'no offer while the program is off');
  });

  it('validates settings like the server (400 invalid_request)', () => {
    const { shop } = clocked();
    const bad = [
      { incentive: { friend: { kind: 'coupon' } } }, { incentive: { friend: { kind: 'coupon', amountOff: usd(500), percentOff: 10 } } },
      { incentive: { friend: { kind: 'coupon', percentOff: 101 } } }, { incentive: { advocate: { kind: 'points', points: 0 } } },
      { incentive: { advocate: { kind: 'cash' } } }, { maxConversionsPerCode: 0 }, { sameIpLimit: 1.5 }, { burstLimit: -1 }, { returnDays: 0 },
      { landingUrl: 'shop.example.com' }, { enabled: 'yes' },
    ];
    for (const patch of bad) assert.throws(() => shop.control.referralSettings(patch), code(400, 'invalid_request'), JSON.stringify(patch));
    const s = shop.control.referralSettings({ incentive: { advocate: { kind: 'coupon', percentOff: 15 } }, burstLimit: 9 });
    assert.deepEqual([s.incentive.friend, s.incentive.advocate, s.burstLimit, s.sameIpLimit], [{ kind: 'coupon', amountOff: usd(1000) }, { kind: 'coupon', percentOff: 15 }, 9, 3]);
  });

  it('visits: signed out, once per Idempotency-Key, 404 for an unknown code, 400 for a landing url that is not one', async () => {
    const { shop } = clocked();
    const before = (await shop.as(DEMO_SHOPPER).referrals.getStats()).clicks;
    const k = key();
    const a = await shop.referrals.recordVisit('alex-7q2k', { landingUrl: 'https://shop.example.com/p/tote?utm=x' }, { idempotencyKey: k });
    assert.deepEqual(await shop.referrals.recordVisit('ALEX-7Q2K', {}, { idempotencyKey: k }), a);
    await shop.referrals.recordVisit('ALEX-7Q2K', {});
    assert.equal((await shop.as(DEMO_SHOPPER).referrals.getStats()).clicks, before + 2);
    await assert.rejects(shop.referrals.recordVisit('NOPE-2222', {}), code(404, 'not_found'));
    await assert.rejects(shop.referrals.recordVisit('ALEX-7Q2K', { landingUrl: 'nope' }), code(400, 'invalid_request'));
  });

  it('sign-ups count once per customer; the advocate’s own is ignored; 404 unknown code', async () => {
    const { shop, ana } = clocked();
    const { mine } = await advocate(shop, ana);
    assert.equal(shop.control.reportSignup(mine.toLowerCase(), 'f1').recorded, true);
    assert.equal(shop.control.reportSignup(mine, 'f1').recorded, false, 'a replay is a no-op');
    assert.equal(shop.control.reportSignup('ALEX-7Q2K', 'f1').recorded, false, 'once per customer, whatever the code');
    assert.equal(shop.control.reportSignup(mine, 'ana').recorded, false, 'a self sign-up is ignored');
    assert.throws(() => shop.control.reportSignup('NOPE-2222', 'f2'), code(404, 'not_found'));
    assert.equal((await ana.referrals.getStats()).signups, 1);
  });

  it('the checks in order: self (the advocate, or their email hash), already referred, existing customer, cap; unknown codes', async () => {
    const { shop, ana } = clocked();
    const { mine, order } = await advocate(shop, ana, { maxConversionsPerCode: 2 });
    const email = 'ab'.repeat(32);
    shop.control.reportOrder({ id: 'o-ana-1', customerId: 'ana', productIds: ['p1'], emailHash: email.toUpperCase() });
    assert.deepEqual(order('ana').referral.reasons, ['self_referral']);
    assert.deepEqual(order('alt', { emailHash: email }).referral.reasons, ['self_referral'], 'a second account with the advocate’s email');
    shop.control.reportOrder({ id: 'o-old', customerId: 'old', productIds: ['p2'] });
    const old = order('old').referral;
    assert.deepEqual([old.status, old.reasons], ['denied', ['existing_customer']]);
    assert.deepEqual(order('old').referral, { status: 'already_referred' }, 'the buyer already has a conversion');
    const first = order('f1').referral;
    assert.deepEqual([first.status, first.reasons], ['pending', []]);
    assert.equal(order('f1').referral.status, 'already_referred');
    assert.equal(order('f2').referral.status, 'pending');
    assert.deepEqual(order('f3').referral.reasons, ['cap_reached'], 'f1 and f2 fill the cap of 2');
    await assert.rejects(shop.referrals.getOffer(mine), code(404, 'code_capped'));
    assert.deepEqual(shop.control.reportOrder({ id: 'o-x', customerId: 'x', productIds: ['p1'], referralCode: 'NOPE-2222' }).referral, { status: 'unknown_code' });
    assert.equal(shop.control.reportOrder({ id: 'o-y', customerId: 'y', productIds: ['p1'] }).referral, null);
    shop.control.referralSettings({ enabled: false });
    assert.deepEqual(order('off').referral, { status: 'unknown_code' }, 'nothing converts while the program is off');
    shop.control.referralSettings({ enabled: true });
    assert.throws(() => order('z', { emailHash: 'not-hex' }), code(400, 'invalid_request'));
    const stats = await ana.referrals.getStats();
    assert.deepEqual([stats.conversions, stats.rewards.pending], [2, 2], 'denied ones are not counted');
    assert.deepEqual(stats.recent.map((c) => c.status), ['denied', 'pending', 'pending', 'denied', 'denied', 'denied']);
    assert.ok(stats.recent.every((c) => /^[A-Z]{1,2}$/.test(c.friendInitials)));
  });

  it('an existing customer converts when the program takes everyone', async () => {
    const { shop, ana } = clocked();
    const { order } = await advocate(shop, ana, { newCustomersOnly: false });
    shop.control.reportOrder({ id: 'o-old', customerId: 'old', productIds: ['p2'] });
    assert.equal(order('old').referral.status, 'pending');
  });

  it('same IP and bursts are flagged (both reasons listed); the merchant approves (pending until the window) or denies', async () => {
    const { shop, ana } = clocked();
    const { order } = await advocate(shop, ana, { sameIpLimit: 2, burstLimit: 4 });
    assert.equal(order('f1', { ip: '10.0.0.1' }).referral.status, 'pending');
    assert.equal(order('f2', { ip: '10.0.0.1' }).referral.status, 'pending');
    const ip = order('f3', { ip: ' 10.0.0.1 ' }).referral;
    assert.deepEqual([ip.status, ip.reasons], ['flagged', ['same_ip']]);
    assert.equal(order('f4', { ip: '10.0.0.2' }).referral.status, 'pending');
    const both = order('f5', { ip: '10.0.0.1' }).referral;
    assert.deepEqual([both.status, both.reasons], ['flagged', ['same_ip', 'burst']]);
    assert.deepEqual(shop.control.listReferrals('flagged').filter((c) => c.advocateId === 'ana').map((c) => [c.id, c.friendId, c.reasons]), [[both.conversionId, 'f5', ['same_ip', 'burst']], [ip.conversionId, 'f3', ['same_ip']]]);
    assert.deepEqual((await ana.referrals.getStats()).rewards, { pending: 5, approved: 0 }, 'flagged ones wait as pending rewards');

    const approved = shop.control.reviewReferral(ip.conversionId, 'approve');
    assert.deepEqual([approved.status, approved.approvesAt], ['pending', iso(NOW + 30 * DAY)], 'approved inside the window: pending until it closes');
    assert.equal(shop.control.reviewReferral(both.conversionId, 'deny').status, 'denied');
    assert.throws(() => shop.control.reviewReferral(both.conversionId, 'approve'), code(409, 'illegal_transition'));
    assert.equal(shop.control.reviewReferral(ip.conversionId, 'deny').status, 'denied', 'a pending one may be denied');
    assert.throws(() => shop.control.reviewReferral(ip.conversionId, 'deny'), code(409, 'illegal_transition'));
    assert.throws(() => shop.control.reviewReferral('nope', 'deny'), code(404, 'not_found'));
    // The next hour, a new IP: no burst, no flag.
    shop.control.advanceTime(HOUR + MIN);
    assert.equal(order('f6', { ip: '10.0.0.3' }).referral.status, 'pending');
  });

  it('approval after the window earns the advocate’s points once; an approved flagged one past its window earns at once', async () => {
    const { shop, ana } = clocked();
    const { order } = await advocate(shop, ana, { sameIpLimit: 1 });
    const { conversionId } = order('f1', { ip: '1.1.1.1' }).referral;
    const flagged = order('f2', { ip: '1.1.1.1' }).referral;
    const { pending } = await ana.points.getAccount();
    shop.control.advanceTime(30 * DAY - MIN);
    assert.equal((await ana.referrals.getStats()).rewards.approved, 0, 'not before approvesAt');
    shop.control.advanceTime(MIN);
    const account = await ana.points.getAccount();
    assert.deepEqual([account.balance, account.pending], [100, pending], 'approved when the clock passed approvesAt: 100 points, available at once');
    const stats = await ana.referrals.getStats();
    assert.deepEqual([stats.rewards, stats.recent.find((c) => c.id === conversionId).status], [{ pending: 1, approved: 1 }, 'approved']);
    assert.equal(stats.recent.find((c) => c.id === conversionId).approvesAt, undefined);
    await ana.referrals.getStats();
    const earns = (await ana.points.listHistory({ limit: 50 })).items.filter((e) => e.action === 'referral');
    assert.deepEqual(earns.map((e) => [e.kind, e.points, e.source]), [['earn', 100, { type: 'referral', id: conversionId }]], 'credited once');
    assert.equal(shop.control.reviewReferral(flagged.conversionId, 'approve').status, 'approved');
    assert.equal((await ana.points.getAccount()).balance, 200);
  });

  it('an order placed longer ago than the window is approved when reported; a coupon reward gets a code', async () => {
    const { shop, ana } = clocked();
    const { order } = await advocate(shop, ana, { incentive: { advocate: { kind: 'coupon', percentOff: 20 } } });
    const r = order('f1', { placedAt: iso(NOW - 31 * DAY) }).referral;
    assert.equal(r.status, 'approved');
    const [c] = shop.control.listReferrals('approved');
    assert.match(c.couponCode, /^KITH-[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    assert.deepEqual(c.reward, { kind: 'coupon', percentOff: 20 });
    assert.equal((await ana.points.getAccount()).balance, 0, 'no points for a coupon reward');
  });

  it('a refund reverses the conversion: pending and flagged ones; an approved one takes its points back (never below 0)', async () => {
    const { shop, ana } = clocked({ points: { rewards: [{ id: 'rw-50', title: 'Fifty', cost: 50, kind: 'perk' }] } });
    const { order } = await advocate(shop, ana);
    const a = order('f1');
    const b = order('f2');
    shop.control.advanceTime(30 * DAY + MIN);
    const c = order('f3');
    assert.equal((await ana.points.getAccount()).balance, 200);
    assert.deepEqual(shop.control.refundOrder(a.id).referral, { conversionId: a.referral.conversionId, status: 'reversed' });
    assert.equal((await ana.points.getAccount()).balance, 100);
    await ana.points.redeem('rw-50');
    shop.control.refundOrder(b.id);
    assert.equal((await ana.points.getAccount()).balance, 0, '50 left to take back of 100');
    const reversals = (await ana.points.listHistory({ limit: 50 })).items.filter((e) => e.kind === 'reverse');
    assert.deepEqual(reversals.map((e) => [e.action, e.points, e.source.id]), [['referral', -50, b.referral.conversionId], ['referral', -100, a.referral.conversionId]]);
    assert.deepEqual(shop.control.refundOrder(c.id).referral, { conversionId: c.referral.conversionId, status: 'reversed' });
    const stats = await ana.referrals.getStats();
    assert.deepEqual([stats.conversions, stats.rewards], [0, { pending: 0, approved: 0 }]);
    assert.deepEqual(stats.recent.map((x) => x.status), ['reversed', 'reversed', 'reversed']);
    assert.throws(() => shop.control.reviewReferral(c.referral.conversionId, 'approve'), code(409, 'illegal_transition'));
    shop.control.reportOrder({ id: 'o-plain', customerId: 'p', productIds: ['p1'] });
    assert.equal(shop.control.refundOrder('o-plain').referral, null);
  });
});

describe('referrals scenarios', () => {
  const start = (state, customer) => {
    const s = referralsScenario(state, { now: NOW, ...(customer ? { customer } : {}) });
    const shop = createMemoryAdapter({ seed: s.seed, customer: s.customer, now: () => NOW });
    return { shop, s };
  };

  it('lists its states and refuses others', () => {
    assert.deepEqual([...REFERRAL_STATES], ['advocate', 'new-advocate', 'no-program', 'capped']);
    assert.throws(() => referralsScenario('nope'), TypeError);
  });

  it('advocate: ALEX-7Q2K with 42 clicks, 9 sign-ups, 2 approved, 1 pending, 1 flagged, a denied self-referral; points not earned twice', async () => {
    const { shop, s } = start('advocate');
    assert.equal(s.customer, DEMO_SHOPPER);
    const stats = await shop.referrals.getStats();
    assert.deepEqual([stats.code, stats.clicks, stats.signups, stats.conversions, stats.rewards], ['ALEX-7Q2K', 42, 9, 4, { pending: 2, approved: 2 }]);
    assert.deepEqual(stats.recent.map((c) => [c.status, c.friendInitials]), [['flagged', 'YT'], ['denied', 'D'], ['pending', 'RS'], ['approved', 'JP'], ['approved', 'ML']]);
    assert.equal(stats.recent[2].approvesAt, iso(NOW + 24 * DAY));
    assert.equal((await shop.points.getAccount()).balance, 1240, 'the two approved referrals are the ledger’s, not earned again');
    const link = await shop.referrals.createLink({});
    assert.deepEqual([link.code, link.url], ['ALEX-7Q2K', 'https://shop.example.com/?kith_ref=ALEX-7Q2K']);
    const offer = await shop.as(null).referrals.getOffer('lin-8h3m');
    assert.deepEqual([offer.code, offer.advocateName, offer.couponCode, offer.incentive.friend], ['LIN-8H3M', 'Lin', 'FRIEND-LIN-8H3M', { kind: 'coupon', amountOff: usd(1000) }]);
    assert.equal((await shop.referrals.getOffer('ALEX-7Q2K')).advocateName, 'Alex');
    // Ravi's order leaves its window in 24 days: 100 more points; its refund takes them back.
    shop.control.advanceTime(24 * DAY);
    assert.equal((await shop.points.getAccount()).balance, 1340);
    assert.equal(shop.control.refundOrder('o-ref-3').referral.status, 'reversed');
    assert.equal((await shop.points.getAccount()).balance, 1240);
  });

  it('new-advocate: no code until the first link, made from the name given', async () => {
    const { shop } = start('new-advocate');
    assert.deepEqual(await shop.referrals.getStats(), { code: null, clicks: 0, signups: 0, conversions: 0, rewards: { pending: 0, approved: 0 }, recent: [] });
    const link = await shop.referrals.createLink({ displayName: 'Alex' });
    assert.match(link.code, /^ALEX-/);
    assert.equal((await shop.referrals.getStats()).code, link.code);
    assert.equal((await shop.referrals.getOffer('LIN-8H3M')).advocateName, 'Lin');
  });

  it('no-program: links without an incentive, no offers', async () => {
    const { shop } = start('no-program');
    assert.equal((await shop.referrals.createLink({})).incentive, null);
    await assert.rejects(shop.referrals.getOffer('LIN-8H3M'), code(404, 'not_found'));
    assert.equal((await shop.referrals.getStats()).clicks, 42);
  });

  it('capped: Lin’s code is at its cap; Alex’s is not', async () => {
    const { shop } = start('capped');
    await assert.rejects(shop.referrals.getOffer('LIN-8H3M'), code(404, 'code_capped'));
    assert.equal((await shop.referrals.getOffer('ALEX-7Q2K')).code, 'ALEX-7Q2K');
    const r = shop.control.reportOrder({ id: 'o-new', customerId: 'newbie', productIds: ['p1'], referralCode: 'LIN-8H3M' }).referral;
    assert.deepEqual([r.status, r.reasons], ['denied', ['cap_reached']]);
  });

  it('belongs to the customer given', async () => {
    const { shop } = start('advocate', { id: 'c-zed', displayName: 'Zed' });
    assert.equal((await shop.referrals.getStats()).code, 'ALEX-7Q2K');
    assert.equal((await shop.as(DEMO_SHOPPER).referrals.getStats()).code, null);
  });
});
