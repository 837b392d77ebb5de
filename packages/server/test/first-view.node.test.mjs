// @ts-check
// The first view in one request (issue 18): GET /v1/embed/first-view?r=…&r=… answers each read as
// it would be answered alone (status and body, in order), with the caller's key, origin and
// customer token; it is cached only when every part may be, and refuses, part by part, anything but public reads.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { signCustomerToken } from '@kith/server';
import { groupBuyFixture } from './group-buy.helpers.mjs';
import { client, createTestServer, ENGINE, isError, showInput } from './helpers.mjs';

/** @type {Awaited<ReturnType<typeof createTestServer>>} */
let t;
before(async () => (t = await createTestServer()));
after(() => t.close());

const PUBLIC = 'public, max-age=10, stale-while-revalidate=60';
const firstView = (/** @type {string} */ key, /** @type {string[]} */ reads) =>
  `/v1/embed/first-view?key=${key}&${reads.map((r) => `r=${encodeURIComponent(r)}`).join('&')}`;

describe(`first view in one request (${ENGINE})`, () => {
  it('answers every read as that read alone, in order, errors included', async () => {
    const f = await groupBuyFixture(t);
    assert.equal(
      (await f.admin.post('/v1/admin/live/shows', showInput({ id: 'show-a', productIds: ['p1'] }))).status,
      201,
    );
    const review = await f
      .as('c1')
      .post('/v1/products/p1/reviews', { rating: 5, body: 'Roomy and strong.', displayName: 'Ana', consent: true });
    assert.equal(review.status, 201, review.text);
    const reads = [
      'live/shows?product=p1',
      'live/shows/show-a',
      'live/shows/no-such-show',
      'reviews/summaries?products=p1,p2',
      'products/p1/reviews?limit=5',
      'products/p1/group-buy',
      'points/program',
      'points/me',
      'referrals/NO-SUCH-CODE',
    ];
    const anon = client(t.app);
    const res = await anon.get(firstView(f.shop.publishableKey, reads));
    assert.equal(res.status, 200, res.text);
    assert.equal(res.json.answers.length, reads.length);
    for (const [i, r] of reads.entries()) {
      const alone = await anon.get(`/v1/${r}${r.includes('?') ? '&' : '?'}key=${f.shop.publishableKey}`);
      // The clock is read when each is answered; an error names the request it came in (the first view's).
      const clockless = (/** @type {any} */ body) =>
        body?.serverTime
          ? { ...body, serverTime: 'T' }
          : body?.error
            ? { error: { ...body.error, requestId: 'R' } }
            : body;
      if (res.json.answers[i].body?.error)
        assert.equal(res.json.answers[i].body.error.requestId, res.headers.get('request-id'), `${r}: requestId`);
      const { status, body } = res.json.answers[i];
      assert.deepEqual({ status, body: clockless(body) }, { status: alone.status, body: clockless(alone.json) }, r);
    }
    assert.deepEqual(
      res.json.answers.map((/** @type {{ status: number }} */ a) => a.status),
      [200, 200, 404, 200, 200, 200, 200, 401, 404],
    );
  });

  it('with a customer token, the customer’s parts are theirs and nothing is kept', async () => {
    const f = await groupBuyFixture(t);
    assert.equal((await f.start('c1', 'Ana')).status, 201);
    const headers = { 'x-kith-customer': await signCustomerToken(f.shop.secretKey, 'c1') };
    const res = await client(t.app).get(firstView(f.shop.publishableKey, ['points/me', 'products/p1/group-buy']), {
      headers,
    });
    assert.equal(res.status, 200, res.text);
    assert.equal(res.json.answers[0].status, 200);
    assert.equal(res.json.answers[1].body.yourTeam.you.leader, true, 'the offer shows the customer their team');
    assert.equal(res.headers.get('cache-control'), 'no-store');
  });

  it('public parts only: cached like a public read, with an ETag and a 304; a group buy makes it private', async () => {
    const f = await groupBuyFixture(t);
    const url = firstView(f.shop.publishableKey, ['reviews/summaries?products=p1', 'points/program']);
    const first = await client(t.app).get(url);
    assert.equal(first.headers.get('cache-control'), PUBLIC);
    const tag = first.headers.get('etag');
    assert.ok(tag);
    const again = await client(t.app).get(url, { headers: { 'if-none-match': tag } });
    assert.equal(again.status, 304);
    assert.equal(again.headers.get('cache-control'), PUBLIC);

    const withClock = await client(t.app).get(
      firstView(f.shop.publishableKey, ['points/program', 'products/p1/group-buy']),
    );
    assert.equal(withClock.status, 200);
    assert.equal(
      withClock.headers.get('cache-control'),
      'private, no-cache',
      'the offer’s serverTime must not age in a CDN',
    );
  });

  it('refuses, each in its own part, anything but the public JSON reads widgets make (no stream, photo, admin read or write)', async () => {
    const f = await groupBuyFixture(t);
    const key = f.shop.publishableKey;
    const refused = [
      'admin/orders',
      'live/shows/show-a/events',
      'teams/t1/events',
      'media/med_1',
      'customer',
      'referrals/me',
      'points/me/history',
      'points/check-in',
      'embed/first-view?r=points/program',
      '../healthz',
      'products/p1/../../admin/orders',
      '//evil.example/v1/points/program',
      'https://evil.example/v1/points/program',
      `points/program?key=${key}`,
      // The URL parser drops tabs and newlines: refused before it sees them.
      'teams/%2\te%2\te%2\tfadmin',
      'points/pro\ngram',
      'x'.repeat(2100),
    ];
    for (const some of [refused.slice(0, 9), refused.slice(9)]) {
      const res = await client(t.app).get(firstView(key, [...some, 'points/program']));
      assert.equal(res.status, 200, res.text);
      assert.deepEqual(
        res.json.answers.map((/** @type {any} */ a) => a.status),
        [...some.map(() => 400), 200],
        some.join(' '),
      );
      for (const a of res.json.answers.slice(0, -1)) {
        assert.equal(a.body.error.code, 'invalid_request');
        assert.equal(a.body.error.requestId, res.headers.get('request-id'), 'names this request');
      }
      // A part that names this request is not for shared caches.
      assert.doesNotMatch(res.headers.get('cache-control') ?? '', /public/);
    }
    // Encoded slashes stay inside their segment: a lookup of an odd id, never another route.
    const odd = await client(t.app).get(firstView(key, ['teams/t1%2Fevents', 'teams/%2E%2E%2Fadmin%2Forders']));
    assert.deepEqual(
      odd.json.answers.map((/** @type {any} */ a) => [a.status, a.body.error.code]),
      [
        [404, 'not_found'],
        [404, 'not_found'],
      ],
    );
    // The request itself: 1 to 16 reads.
    isError(
      await client(t.app).get(
        firstView(
          key,
          Array.from({ length: 17 }, () => 'points/program'),
        ),
      ),
      400,
      'invalid_request',
    );
    isError(await client(t.app).get(`/v1/embed/first-view?key=${key}`), 400, 'invalid_request');
    // The key and origin rules are the outer request's, then each read's own.
    isError(await client(t.app).get(firstView('pk_nope', ['points/program'])), 401, 'invalid_key');
    const foreign = await client(t.app).get(firstView(key, ['points/program']), {
      headers: { origin: 'https://elsewhere.example' },
    });
    assert.equal(foreign.status, 403);
  });
});
