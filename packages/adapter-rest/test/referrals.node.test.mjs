// The referrals domain of the REST adapter against the mock API: paths, methods, bodies, the
// customer token and Idempotency-Key, and refusals as HttpErrors with the server's codes. (The
// real server runs the shared contract in packages/server.)
import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import { isHttpError } from '@kith/core';
import { createRestAdapter } from '@kith/adapter-rest';
import { PK, REFERRAL_INCENTIVE, REFERRAL_STATS, startMockApi } from './mock-api.mjs';

let cleanups = [];
afterEach(async () => {
  for (const fn of cleanups.reverse()) await fn();
  cleanups = [];
});

async function setup() {
  const api = await startMockApi();
  cleanups.push(() => api.close());
  const as = (customerToken, key = PK) => createRestAdapter({ baseUrl: api.baseUrl, publishableKey: key, ...(customerToken ? { customerToken } : {}) });
  const referralRequests = () => api.requests.filter((r) => r.path.startsWith('/v1/referrals/'));
  return { api, as, anon: as(), referralRequests };
}

const is = (status, code) => (e) => isHttpError(e) && e.status === status && e.code === code;

describe('rest adapter: referrals', () => {
  it('declares the referrals capability with every method', async () => {
    const { anon } = await setup();
    assert.ok(anon.capabilities.has('referrals'));
    for (const m of ['createLink', 'getOffer', 'recordVisit', 'getStats']) assert.equal(typeof anon.referrals[m], 'function', m);
  });

  it('the link and stats with the customer token; createLink posts its input with the Idempotency-Key', async () => {
    const { as, referralRequests } = await setup();
    const ana = as(async () => 'tok-ana');
    const link = await ana.referrals.createLink({ url: 'https://shop.example.com/p/tote?colour=sand', displayName: 'Ana' }, { idempotencyKey: 'k-link' });
    assert.deepEqual(link, { code: 'ANA-7Q2K', url: 'https://shop.example.com/p/tote?colour=sand&kith_ref=ANA-7Q2K', incentive: REFERRAL_INCENTIVE });
    await ana.referrals.createLink({});
    assert.deepEqual(await ana.referrals.getStats(), REFERRAL_STATS);
    const [first, second, stats] = referralRequests();
    assert.deepEqual([first.method, first.path, first.body, first.headers['idempotency-key'], first.headers['x-kith-customer'], first.headers.authorization],
      ['POST', '/v1/referrals/links', { url: 'https://shop.example.com/p/tote?colour=sand', displayName: 'Ana' }, 'k-link', 'tok-ana', `Bearer ${PK}`]);
    assert.match(second.headers['idempotency-key'], /^[\w-]{16,}$/, 'a fresh key when the caller gives none');
    assert.deepEqual([stats.method, stats.path, stats.headers['x-kith-customer']], ['GET', '/v1/referrals/me', 'tok-ana']);
  });

  it('signed out: the link and stats are 401 customer_token_required; the offer and visits are public', async () => {
    const { anon, referralRequests } = await setup();
    await assert.rejects(anon.referrals.createLink({}), is(401, 'customer_token_required'));
    await assert.rejects(anon.referrals.getStats(), is(401, 'customer_token_required'));
    const offer = await anon.referrals.getOffer('lin-8h3m');
    assert.deepEqual([offer.code, offer.advocateName, offer.couponCode], ['LIN-8H3M', 'Lin', 'FRIEND-LIN-8H3M']);
    const visit = await anon.referrals.recordVisit('LIN-8H3M', { landingUrl: 'https://shop.example.com/p/tote' }, { idempotencyKey: 'k-visit' });
    assert.deepEqual(await anon.referrals.recordVisit('LIN-8H3M', { landingUrl: 'https://shop.example.com/p/tote' }, { idempotencyKey: 'k-visit' }), visit, 'a replay is the same visit');
    const reqs = referralRequests().slice(2);
    assert.deepEqual(reqs.map((r) => [r.method, r.path, r.body, r.headers['idempotency-key'], r.headers['x-kith-customer']]), [
      ['GET', '/v1/referrals/lin-8h3m', undefined, undefined, undefined],
      ['POST', '/v1/referrals/LIN-8H3M/visits', { landingUrl: 'https://shop.example.com/p/tote' }, 'k-visit', undefined],
      ['POST', '/v1/referrals/LIN-8H3M/visits', { landingUrl: 'https://shop.example.com/p/tote' }, 'k-visit', undefined],
    ]);
  });

  it('codes are path-encoded', async () => {
    const { anon, api } = await setup();
    await assert.rejects(anon.referrals.getOffer('A/B?C'), is(404, 'not_found'));
    assert.equal(api.requests.at(-1).path, '/v1/referrals/A%2FB%3FC');
  });

  it('refusals are HttpErrors with the server’s status and code, writes carrying their Idempotency-Key', async () => {
    const { anon, as } = await setup();
    await assert.rejects(anon.referrals.getOffer('NOPE-2222'), is(404, 'not_found'));
    await assert.rejects(anon.referrals.getOffer('FULL-2222'), is(404, 'code_capped'));
    await assert.rejects(anon.referrals.recordVisit('NOPE-2222', {}, { idempotencyKey: 'k1' }), (e) => is(404, 'not_found')(e) && e.idempotencyKey === 'k1');
    await assert.rejects(as('tok-ana').referrals.createLink({ url: 'not a url' }, { idempotencyKey: 'k2' }), (e) => is(400, 'invalid_request')(e) && e.idempotencyKey === 'k2');
    await assert.rejects(as(undefined, 'pk_wrong').referrals.getOffer('LIN-8H3M'), is(401, 'invalid_key'));
  });
});
