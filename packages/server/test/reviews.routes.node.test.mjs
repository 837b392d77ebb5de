import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { signCustomerToken } from '@kith/server';
import { JPEG } from './images.mjs';
import {
  createTestServer,
  ENGINE,
  newShop,
  count as countRows,
  isError,
  shopFixture as sharedShopFixture,
} from './helpers.mjs';

let t;
before(async () => {
  t = await createTestServer();
});
after(async () => t.close());

const shopFixture = (settings) => sharedShopFixture(t, settings);

const review = (over = {}) => ({
  rating: 5,
  body: 'Sturdy canvas and the handles feel solid.',
  displayName: 'Ana',
  consent: true,
  ...over,
});
const count = (sql, params) => countRows(t.db, sql, params);

describe(`reviews routes (${ENGINE})`, () => {
  it("a verified buyer's review is published; an unverified one waits (default rule: verified only)", async () => {
    const { admin, pub, as } = await shopFixture();
    assert.equal(
      (await admin.post('/v1/admin/orders', { id: 'o1', customerId: 'c1', productIds: ['p1'] })).status,
      201,
    );
    const verified = await as('c1').post('/v1/products/p1/reviews', review());
    assert.equal(verified.status, 201, verified.text);
    assert.equal(verified.json.status, 'published');
    assert.equal(verified.json.author.verifiedBuyer, true);
    const unverified = await as('c2').post(
      '/v1/products/p1/reviews',
      review({ body: 'Nice colour, a bit smaller than I hoped.', rating: 3 }),
    );
    assert.equal(unverified.json.status, 'pending');
    assert.equal(unverified.json.author.verifiedBuyer, false);
    const list = await pub.get('/v1/products/p1/reviews');
    assert.deepEqual(
      list.json.items.map((r) => r.id),
      [verified.json.id],
      'only published reviews are listed',
    );
  });

  it('approve via the admin API publishes; reject and reply work; the queue lists pending with flags', async () => {
    const { admin, pub, as } = await shopFixture();
    const pending = (await as('c9').post('/v1/products/p1/reviews', review())).json;
    const queue = await admin.get('/v1/admin/reviews?status=pending');
    assert.deepEqual(
      queue.json.items.map((r) => [r.id, r.flags]),
      [[pending.id, []]],
    );
    assert.equal((await admin.post(`/v1/admin/reviews/${pending.id}/approve`)).json.status, 'published');
    const replied = await admin.post(`/v1/admin/reviews/${pending.id}/reply`, { body: 'Thanks, Ana!' });
    assert.equal(replied.json.reply.body, 'Thanks, Ana!');
    assert.equal((await pub.get('/v1/products/p1/reviews')).json.items[0].reply.body, 'Thanks, Ana!');
    assert.equal((await admin.post(`/v1/admin/reviews/${pending.id}/reject`)).json.status, 'rejected');
    assert.equal((await pub.get('/v1/products/p1/reviews')).json.total, 0);
    isError(await admin.post('/v1/admin/reviews/nope/approve'), 404, 'not_found');
    isError(await pub.post(`/v1/admin/reviews/${pending.id}/approve`), 403, 'secret_key_required');
  });

  it('autoPublish "all" publishes from minRatingAuto up and holds lower ratings; "none" holds every review, a verified buyer\'s too', async () => {
    const { admin, as } = await shopFixture({ autoPublish: 'all', minRatingAuto: 3 });
    assert.equal((await as('c1').post('/v1/products/p1/reviews', review({ rating: 3 }))).json.status, 'published');
    assert.equal(
      (
        await as('c2').post(
          '/v1/products/p1/reviews',
          review({ rating: 2, body: 'Not great, the seams split after a week.' }),
        )
      ).json.status,
      'pending',
    );
    assert.equal((await admin.put('/v1/admin/reviews/settings', { autoPublish: 'none' })).status, 200);
    assert.equal(
      (await admin.post('/v1/admin/orders', { id: 'o-none', customerId: 'c3', productIds: ['p1'] })).status,
      201,
    );
    assert.equal(
      (await as('c3').post('/v1/products/p1/reviews', review({ body: 'Bought it, love it, the strap holds up.' }))).json
        .status,
      'pending',
    );
  });

  it('links and contact details hold a review for a person, whatever the rules', async () => {
    const { as } = await shopFixture({ autoPublish: 'all' });
    for (const [i, body] of [
      'Great bag, more at https://cheap-bags.example',
      'DM me on WeChat for 50% off this bag',
      'Call +1 415 555 0100 for a discount code',
    ].entries()) {
      const res = await as(`c${i}`).post(`/v1/products/p${i}/reviews`, review({ body }));
      assert.equal(res.json.status, 'pending', body);
    }
    const { rows } = await t.db.query("SELECT flags FROM reviews WHERE body LIKE 'Great bag, more at%'");
    assert.deepEqual(rows[0].flags, ['contact_or_link']);
  });

  it('the same text on another product or from another customer is flagged as suspected brushing', async () => {
    const { as } = await shopFixture({ autoPublish: 'all' });
    const text = 'Absolutely perfect product, five stars, would buy again!!';
    assert.equal((await as('c1').post('/v1/products/p1/reviews', review({ body: text }))).json.status, 'published');
    const copy = await as('c2').post('/v1/products/p2/reviews', review({ body: `  ${text.toUpperCase()} ` }));
    assert.equal(copy.json.status, 'pending');
    const { rows } = await t.db.query('SELECT flags FROM reviews WHERE id = $1', [copy.json.id]);
    assert.deepEqual(rows[0].flags, ['duplicate_text']);
  });

  it('one review per customer per product: 409, nothing written', async () => {
    const { shop, as } = await shopFixture();
    await as('c1').post('/v1/products/p1/reviews', review());
    isError(
      await as('c1').post('/v1/products/p1/reviews', review({ body: 'Changed my mind about the colour.' })),
      409,
      'already_reviewed',
    );
    assert.equal(await count('SELECT count(*) AS n FROM reviews WHERE shop_id = $1', [shop.id]), 1);
  });

  it('too many submissions from one customer in an hour: 429 with Retry-After', async () => {
    const { as } = await shopFixture({ submissionsPerHour: 2 });
    await as('c1').post('/v1/products/p1/reviews', review({ body: 'First product review, solid and honest.' }));
    await as('c1').post('/v1/products/p2/reviews', review({ body: 'Second product review, also quite good.' }));
    const third = await as('c1').post(
      '/v1/products/p3/reviews',
      review({ body: 'Third product review, still going strong.' }),
    );
    isError(third, 429, 'review_rate_limited');
    assert.ok(Number(third.headers.get('retry-after')) > 0);
  });

  it('a review written while the points program offers points for it is stored as incentivised, and listed with the label', async () => {
    const { admin, pub, as } = await shopFixture({ autoPublish: 'all', mediaAutoPublish: true });
    const earn = (rules) => admin.put('/v1/admin/points/program', { earn: rules });
    // The default program offers 20 points for a review: every review is a rewarded one.
    const rewarded = await as('c1').post('/v1/products/p1/reviews', review());
    assert.equal(rewarded.json.incentivized, true, rewarded.text);
    // Pending (not yet paid) counts too: the offer was made when it was written.
    await admin.put('/v1/admin/reviews/settings', { autoPublish: 'none' });
    const waiting = await as('c2').post(
      '/v1/products/p1/reviews',
      review({ body: 'Holds a laptop and lunch without sagging.' }),
    );
    assert.deepEqual([waiting.json.status, waiting.json.incentivized], ['pending', true]);
    await admin.post(`/v1/admin/reviews/${waiting.json.id}/approve`);
    await admin.put('/v1/admin/reviews/settings', { autoPublish: 'all' });
    // Only photos earn: a text review is not rewarded, one with a photo is.
    assert.equal((await earn([{ action: 'photo_review', points: 50 }])).status, 200);
    const plain = await as('c3').post(
      '/v1/products/p1/reviews',
      review({ body: 'Plain words, no reward offered for them.' }),
    );
    assert.equal(plain.status, 201, plain.text);
    assert.equal(plain.json.incentivized, undefined);
    const photo = (await as('c4').upload(JPEG)).json;
    const withPhoto = await as('c4').post(
      '/v1/products/p1/reviews',
      review({ body: 'A photo of the strap, as promised.', mediaIds: [photo.id] }),
    );
    assert.equal(withPhoto.json.incentivized, true, withPhoto.text);
    // No review rule at all: nothing is incentivised.
    assert.equal((await earn([{ action: 'check_in', points: 5 }])).status, 200);
    const free = await as('c5').post(
      '/v1/products/p1/reviews',
      review({ body: 'Nobody paid me to say it is sturdy.' }),
    );
    assert.equal(free.json.incentivized, undefined);
    // The public list carries the label on exactly the rewarded ones.
    const listed = Object.fromEntries(
      (await pub.get('/v1/products/p1/reviews?limit=50')).json.items.map((r) => [r.id, r.incentivized ?? false]),
    );
    assert.deepEqual(listed, {
      [rewarded.json.id]: true,
      [waiting.json.id]: true,
      [plain.json.id]: false,
      [withPhoto.json.id]: true,
      [free.json.id]: false,
    });
  });

  it('writes need a customer token signed by the shop; the customer id comes only from it', async () => {
    const { shop, pub } = await shopFixture();
    isError(await pub.post('/v1/products/p1/reviews', review()), 401, 'customer_token_required');
    const other = await newShop(t.db);
    const forged = await pub.post('/v1/products/p1/reviews', review(), {
      headers: { 'x-kith-customer': await signCustomerToken(other.secretKey, 'c1') },
    });
    // Its kid names the other shop's key, which this shop does not know.
    isError(forged, 401, 'customer_token_unknown_key');
    assert.equal(await count('SELECT count(*) AS n FROM reviews WHERE shop_id = $1', [shop.id]), 0);
  });

  it('400 with field paths for invalid reviews; nothing written', async () => {
    const { shop, as } = await shopFixture();
    const res = await as('c1').post('/v1/products/p1/reviews', {
      rating: 6,
      body: 'short',
      displayName: '',
      consent: false,
    });
    isError(res, 400, 'invalid_request');
    assert.deepEqual(res.json.error.details.map((d) => d.path).sort(), [
      'json.body',
      'json.consent',
      'json.displayName',
      'json.rating',
    ]);
    assert.equal(await count('SELECT count(*) AS n FROM reviews WHERE shop_id = $1', [shop.id]), 0);
  });

  it('helpful: one vote per customer; report: distinct customers past the threshold unpublish', async () => {
    const { admin, pub, as } = await shopFixture({ reportThreshold: 2 });
    await admin.post('/v1/admin/orders', { id: 'o1', customerId: 'author', productIds: ['p1'] });
    const { id } = (await as('author').post('/v1/products/p1/reviews', review())).json;
    assert.equal((await as('v1').post(`/v1/reviews/${id}/helpful`)).json.helpfulCount, 1);
    assert.equal((await as('v1').post(`/v1/reviews/${id}/helpful`)).json.helpfulCount, 1, 'a second vote counts once');
    assert.equal((await as('v2').post(`/v1/reviews/${id}/helpful`)).json.helpfulCount, 2);
    await as('r1').post(`/v1/reviews/${id}/report`, { reason: 'spam' });
    await as('r1').post(`/v1/reviews/${id}/report`, { reason: 'spam' });
    assert.equal((await pub.get('/v1/products/p1/reviews')).json.total, 1, 'one reporter twice is one report');
    await as('r2').post(`/v1/reviews/${id}/report`, { reason: 'fake' });
    assert.equal((await pub.get('/v1/products/p1/reviews')).json.total, 0, 'back to pending');
    isError(await as('r3').post(`/v1/reviews/${id}/report`, { reason: 'because' }), 400, 'invalid_request');
  });

  it('lists with sorting, star filter, verified filter, keyword and cursor paging', async () => {
    const { admin, pub, as } = await shopFixture({ autoPublish: 'all' });
    await admin.post('/v1/admin/orders', { id: 'o1', customerId: 'c0', productIds: ['p1'] });
    const bodies = [
      'Lovely stitching on the straps.',
      'The zipper broke after a week.',
      'Colour faded in the wash quickly.',
      'Perfect size for a laptop sleeve.',
      'Decent value, nothing special here.',
    ];
    for (const [i, body] of bodies.entries())
      await as(`c${i}`).post('/v1/products/p1/reviews', review({ rating: [5, 1, 2, 4, 3][i], body }));
    const lowest = await pub.get('/v1/products/p1/reviews?sort=lowest');
    assert.deepEqual(
      lowest.json.items.map((r) => r.rating),
      [1, 2, 3, 4, 5],
    );
    assert.deepEqual(
      (await pub.get('/v1/products/p1/reviews?rating=4')).json.items.map((r) => r.rating),
      [4],
    );
    assert.deepEqual(
      (await pub.get('/v1/products/p1/reviews?verified=true')).json.items.map((r) => r.author.displayName),
      ['Ana'],
    );
    assert.deepEqual(
      (await pub.get('/v1/products/p1/reviews?q=zipper')).json.items.map((r) => r.rating),
      [1],
    );
    const page1 = await pub.get('/v1/products/p1/reviews?limit=2&sort=highest');
    assert.deepEqual([page1.json.items.map((r) => r.rating), page1.json.total], [[5, 4], 5]);
    const page2 = await pub.get(`/v1/products/p1/reviews?limit=2&sort=highest&cursor=${page1.json.nextCursor}`);
    const page3 = await pub.get(`/v1/products/p1/reviews?limit=2&sort=highest&cursor=${page2.json.nextCursor}`);
    assert.deepEqual(
      [page2.json.items.map((r) => r.rating), page3.json.items.map((r) => r.rating), page3.json.nextCursor],
      [[3, 2], [1], null],
    );
    isError(await pub.get('/v1/products/p1/reviews?limit=51'), 400, 'invalid_request');
  });

  it('summaries: one product, or many in one request', async () => {
    const { pub, as } = await shopFixture({ autoPublish: 'all' });
    await as('c1').post(
      '/v1/products/p1/reviews',
      review({ rating: 5, recommend: true, body: 'Great first impressions overall here.' }),
    );
    await as('c2').post(
      '/v1/products/p1/reviews',
      review({ rating: 4, recommend: false, body: 'Good but the strap is a bit thin.' }),
    );
    await as('c3').post('/v1/products/p2/reviews', review({ rating: 2, body: 'Not what the photos showed at all.' }));
    assert.deepEqual((await pub.get('/v1/products/p1/reviews/summary')).json, {
      productId: 'p1',
      count: 2,
      histogram: [0, 0, 0, 1, 1],
      average: 4.5,
      recommendPercent: 50,
      withMediaCount: 0,
      topics: [],
    });
    const many = await pub.get('/v1/reviews/summaries?products=p1,p2,p3');
    assert.deepEqual(
      many.json.summaries.map((s) => [s.productId, s.count, s.average]),
      [
        ['p1', 2, 4.5],
        ['p2', 1, 2],
        ['p3', 0, 0],
      ],
    );
    isError(
      await pub.get(`/v1/reviews/summaries?products=${Array.from({ length: 101 }, (_, i) => `p${i}`).join(',')}`),
      400,
      'invalid_request',
    );
  });

  it('stores text exactly as given (the widget renders it as text)', async () => {
    const { pub, as } = await shopFixture({ autoPublish: 'all' });
    const body = '<img src=x onerror=alert(1)> <script>alert(2)</script> "quotes" & ampersands';
    await as('c1').post('/v1/products/p1/reviews', review({ body, title: '<b>bold?</b>' }));
    const [item] = (await pub.get('/v1/products/p1/reviews')).json.items;
    assert.equal(item.body, body);
    assert.equal(item.title, '<b>bold?</b>');
  });

  it('orders are idempotent by id; a publishable key cannot report them', async () => {
    const { admin, pub } = await shopFixture();
    assert.equal(
      (await admin.post('/v1/admin/orders', { id: 'o1', customerId: 'c1', productIds: ['p1', 'p1', 'p2'] })).json
        .productIds.length,
      2,
    );
    isError(
      await admin.post('/v1/admin/orders', { id: 'o1', customerId: 'c1', productIds: ['p1'] }),
      409,
      'already_exists',
    );
    isError(
      await pub.post('/v1/admin/orders', { id: 'o2', customerId: 'c1', productIds: ['p1'] }),
      403,
      'secret_key_required',
    );
  });
});
