// @ts-check
// Reads a CDN can cache (docs/server.md, "Caching and security headers"): a public read with the
// key in the URL is `public` with max-age and stale-while-revalidate, varies on Origin and has an
// ETag that a revalidation turns into a 304; with a customer token it is never kept; a write that
// changes the answer changes the ETag.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { signCustomerToken } from '@kith/server';
import { groupBuyFixture } from './group-buy.helpers.mjs';
import { client, createTestServer, ENGINE, shopFixture } from './helpers.mjs';

/** @type {Awaited<ReturnType<typeof createTestServer>>} */
let t;
before(async () => (t = await createTestServer()));
after(() => t.close());

const PUBLIC = 'public, max-age=10, stale-while-revalidate=60';
const READS = [
  '/v1/reviews/summaries?products=p1,p2',
  '/v1/products/p1/reviews/summary',
  '/v1/products/p1/reviews?sort=newest',
  '/v1/products/p1/questions',
  '/v1/live/shows?product=p1',
  '/v1/points/program',
];

describe(`public reads a CDN can cache (${ENGINE})`, () => {
  it('with the key in the URL: public, Vary: Origin, an ETag, and a 304 for a matching If-None-Match', async () => {
    const f = await groupBuyFixture(t);
    const anon = client(t.app);
    for (const path of READS) {
      const url = `${path}${path.includes('?') ? '&' : '?'}key=${f.shop.publishableKey}`;
      const first = await anon.get(url);
      assert.equal(first.status, 200, `${path}: ${first.text}`);
      assert.equal(first.headers.get('cache-control'), PUBLIC, path);
      assert.match(first.headers.get('vary') ?? '', /\bOrigin\b/, path);
      const tag = first.headers.get('etag');
      assert.ok(tag, `${path} has an ETag`);

      const again = await anon.get(url, { headers: { 'if-none-match': tag } });
      assert.equal(again.status, 304, path);
      assert.equal(again.text, '', `${path}: a 304 has no body`);
      assert.equal(again.headers.get('etag'), tag, path);
      assert.equal(again.headers.get('cache-control'), PUBLIC, `${path}: a 304 keeps the policy`);

      const stale = await anon.get(url, { headers: { 'if-none-match': '"not-it"' } });
      assert.equal(stale.status, 200, `${path}: another ETag gets the answer`);
    }
  });

  it('a cross-origin read names its origin once in Vary, beside the CORS answer', async () => {
    const f = await shopFixture(t);
    const res = await client(t.app).get(`/v1/products/p1/reviews/summary?key=${f.shop.publishableKey}`, {
      headers: { origin: 'http://localhost' },
    });
    assert.equal(res.status, 200, res.text);
    assert.equal(res.headers.get('vary'), 'Origin');
  });

  it('with the key in a header: private, no-cache (a shared cache cannot tell shops apart), still revalidated by ETag', async () => {
    const f = await shopFixture(t);
    const first = await f.pub.get('/v1/products/p1/reviews/summary');
    assert.equal(first.headers.get('cache-control'), 'private, no-cache');
    const tag = first.headers.get('etag');
    assert.ok(tag);
    assert.equal(
      (await f.pub.get('/v1/products/p1/reviews/summary', { headers: { 'if-none-match': tag } })).status,
      304,
    );
  });

  it('a group buy is not for shared caches: its serverTime sets the countdowns, and a copy would be late', async () => {
    const f = await groupBuyFixture(t);
    const res = await client(t.app).get(`/v1/products/p1/group-buy?key=${f.shop.publishableKey}`);
    assert.equal(res.status, 200, res.text);
    assert.equal(res.headers.get('cache-control'), 'private, no-cache');
  });

  it('a customer token makes any read no-store, wherever the key is', async () => {
    const f = await groupBuyFixture(t);
    const headers = { 'x-kith-customer': await signCustomerToken(f.shop.secretKey, 'c1') };
    const viaQuery = await client(t.app).get(`/v1/products/p1/group-buy?key=${f.shop.publishableKey}`, { headers });
    assert.equal(viaQuery.status, 200, viaQuery.text);
    assert.equal(viaQuery.headers.get('cache-control'), 'no-store');
    const own = await client(t.app).get(`/v1/points/me?key=${f.shop.publishableKey}`, { headers });
    assert.equal(own.status, 200, own.text);
    assert.equal(own.headers.get('cache-control'), 'no-store');
  });

  it('a published review changes the summary’s ETag, so caches fetch the new one', async () => {
    const f = await shopFixture(t, { autoPublish: 'all' });
    const url = `/v1/products/p1/reviews/summary?key=${f.shop.publishableKey}`;
    const before = await client(t.app).get(url);
    const posted = await f
      .as('c1')
      .post('/v1/products/p1/reviews', { rating: 4, body: 'Solid and roomy.', displayName: 'Ana', consent: true });
    assert.equal(posted.status, 201, posted.text);
    const after = await client(t.app).get(url, { headers: { 'if-none-match': before.headers.get('etag') ?? '' } });
    assert.equal(after.status, 200);
    assert.notEqual(after.headers.get('etag'), before.headers.get('etag'));
    assert.equal(after.json.count, 1);
  });

  it('the key in the URL is refused like a header key: unknown 401, another origin 403, never cached', async () => {
    const f = await shopFixture(t);
    const unknown = await client(t.app).get('/v1/products/p1/reviews/summary?key=pk_nope');
    assert.equal(unknown.status, 401);
    assert.equal(unknown.headers.get('cache-control'), 'no-store');
    const foreign = await client(t.app).get(`/v1/products/p1/reviews/summary?key=${f.shop.publishableKey}`, {
      headers: { origin: 'https://elsewhere.example' },
    });
    assert.equal(foreign.status, 403);
    assert.equal(foreign.headers.get('cache-control'), 'no-store');
    assert.equal(foreign.headers.get('etag'), null);
  });
});
