// The referrals domain of the REST adapter against the real server in-process: paths, methods,
// bodies, the customer token and Idempotency-Key, and refusals as HttpErrors with the server's
// codes. (The rules themselves are the server's tests and the shared contract.)
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { isHttpError } from '@kith/core';
import { createRestAdapter } from '@kith/adapter-rest';
import { createTestBackend } from '@kith/server/testing';

let backend;
before(async () => {
  backend = await createTestBackend();
});
after(() => backend.close());

/** A fresh shop whose links go to its landing page; `as(token)` is a shopper's adapter. */
async function setup() {
  const { shop, admin, customerToken } = await backend.addShop();
  await admin.call('PUT', '/admin/referrals/settings', { landingUrl: 'https://shop.example.com/' });
  const as = (token, key = shop.publishableKey) =>
    createRestAdapter({ baseUrl: backend.baseUrl, publishableKey: key, ...(token ? { customerToken: token } : {}) });
  backend.requests.length = 0;
  const referralRequests = () => backend.requests.filter((r) => r.path.startsWith('/v1/referrals/'));
  return { api: backend, pk: shop.publishableKey, as, anon: as(), referralRequests, customerToken };
}

const is = (status, code) => (e) => isHttpError(e) && e.status === status && e.code === code;

describe('rest adapter: referrals', () => {
  it('declares the referrals capability with every method', async () => {
    const { anon } = await setup();
    assert.ok(anon.capabilities.has('referrals'));
    for (const m of ['createLink', 'getOffer', 'recordVisit', 'getStats'])
      assert.equal(typeof anon.referrals[m], 'function', m);
  });

  it('the link and stats with the customer token; createLink posts its input with the Idempotency-Key', async () => {
    const { as, referralRequests, customerToken, pk } = await setup();
    const token = await customerToken('ana');
    const ana = as(async () => token);
    const link = await ana.referrals.createLink(
      { url: 'https://shop.example.com/p/tote?colour=sand', displayName: 'Ana' },
      { idempotencyKey: 'key-link-1' },
    );
    assert.match(link.code, /^ANA-[A-Z2-9]{4}$/);
    assert.equal(link.url, `https://shop.example.com/p/tote?colour=sand&kith_ref=${link.code}`);
    assert.equal(typeof link.incentive, 'object');
    assert.equal((await ana.referrals.createLink({})).code, link.code);
    const stats = await ana.referrals.getStats();
    assert.deepEqual([stats.code, stats.clicks, stats.signups, stats.conversions], [link.code, 0, 0, 0]);
    const [first, second, statsRequest] = referralRequests();
    assert.deepEqual(
      [
        first.method,
        first.path,
        first.body,
        first.headers['idempotency-key'],
        first.headers['x-kith-customer'],
        first.headers.authorization,
      ],
      [
        'POST',
        '/v1/referrals/links',
        { url: 'https://shop.example.com/p/tote?colour=sand', displayName: 'Ana' },
        'key-link-1',
        token,
        `Bearer ${pk}`,
      ],
    );
    assert.match(second.headers['idempotency-key'], /^[\w-]{16,}$/, 'a fresh key when the caller gives none');
    assert.deepEqual(
      [statsRequest.method, statsRequest.path, statsRequest.headers['x-kith-customer']],
      ['GET', '/v1/referrals/me', token],
    );
  });

  it('signed out: the link and stats are 401 customer_token_required; the offer and visits are public', async () => {
    const { anon, as, referralRequests, customerToken } = await setup();
    const { code } = await as(await customerToken('lin')).referrals.createLink({ displayName: 'Lin' });
    await assert.rejects(anon.referrals.createLink({}), is(401, 'customer_token_required'));
    await assert.rejects(anon.referrals.getStats(), is(401, 'customer_token_required'));
    const offer = await anon.referrals.getOffer(code.toLowerCase());
    assert.deepEqual([offer.code, offer.advocateName], [code, 'Lin']);
    const visit = await anon.referrals.recordVisit(
      code,
      { landingUrl: 'https://shop.example.com/p/tote' },
      { idempotencyKey: 'key-visit-1' },
    );
    assert.deepEqual(
      await anon.referrals.recordVisit(
        code,
        { landingUrl: 'https://shop.example.com/p/tote' },
        { idempotencyKey: 'key-visit-1' },
      ),
      visit,
      'a replay is the same visit',
    );
    const reqs = referralRequests().slice(3);
    assert.deepEqual(
      reqs.map((r) => [r.method, r.path, r.body, r.headers['idempotency-key'], r.headers['x-kith-customer']]),
      [
        ['GET', `/v1/referrals/${code.toLowerCase()}`, undefined, undefined, undefined],
        [
          'POST',
          `/v1/referrals/${code}/visits`,
          { landingUrl: 'https://shop.example.com/p/tote' },
          'key-visit-1',
          undefined,
        ],
        [
          'POST',
          `/v1/referrals/${code}/visits`,
          { landingUrl: 'https://shop.example.com/p/tote' },
          'key-visit-1',
          undefined,
        ],
      ],
    );
  });

  it('codes are path-encoded', async () => {
    const { anon, api } = await setup();
    await assert.rejects(anon.referrals.getOffer('A/B?C'), is(404, 'not_found'));
    assert.equal(api.requests.at(-1).path, '/v1/referrals/A%2FB%3FC');
  });

  it('refusals are HttpErrors with the server’s status and code, writes carrying their Idempotency-Key', async () => {
    const { anon, as, customerToken } = await setup();
    await assert.rejects(anon.referrals.getOffer('NOPE-2222'), is(404, 'not_found'));
    await assert.rejects(
      anon.referrals.recordVisit('NOPE-2222', {}, { idempotencyKey: 'key-one-1' }),
      (/** @type {any} */ e) => is(404, 'not_found')(e) && e.idempotencyKey === 'key-one-1',
    );
    await assert.rejects(
      as(await customerToken('ana')).referrals.createLink({ url: 'not a url' }, { idempotencyKey: 'key-two-2' }),
      (/** @type {any} */ e) => is(400, 'invalid_request')(e) && e.idempotencyKey === 'key-two-2',
    );
    await assert.rejects(as(undefined, 'pk_wrong').referrals.getOffer('NOPE-2222'), is(401, 'invalid_key'));
  });
});
