// Review listings: keyset paging for every sort (with ties), cursors, the media sort and filter,
// topics and photo counts in summaries, the moderation queue, and JSON-LD for search engines.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { client, count as countRows, createTestServer, ENGINE, isError, shopFixture } from './helpers.mjs';
import { PNG } from './images.mjs';

let t;
before(async () => {
  t = await createTestServer();
});
after(async () => t.close());

const count = (sql, params) => countRows(t.db, sql, params);
const SORTS = ['newest', 'highest', 'lowest', 'helpful', 'media'];

/** Walks every page of `path` with `limit`, returning the ids in order and how many pages it took. */
async function walk(pub, path, limit) {
  const ids = [];
  let cursor = null;
  let pages = 0;
  do {
    const sep = path.includes('?') ? '&' : '?';
    const res = await pub.get(`${path}${sep}limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    assert.equal(res.status, 200, res.text);
    ids.push(...res.json.items.map((r) => r.id));
    cursor = res.json.nextCursor;
    pages++;
    assert.ok(pages < 100, 'paging ends');
  } while (cursor);
  return { ids, pages };
}

/**
 * 14 published reviews on p1 made of ties: three ratings, two helpful counts, two photo states, and
 * only three distinct timestamps (set in SQL), so every sort needs its full tie-break.
 */
async function tiedShop() {
  const f = await shopFixture(t, { autoPublish: 'all', mediaAutoPublish: true, submissionsPerHour: 100 });
  const words = ['strap', 'zipper', 'colour', 'pocket', 'canvas', 'handle', 'lining'];
  for (let i = 0; i < 14; i++) {
    const mediaIds = i % 3 === 0 ? [(await f.as(`c${i}`).upload(PNG)).json.id] : undefined;
    const res = await f.as(`c${i}`).post('/v1/products/p1/reviews', {
      rating: [5, 4, 4, 2][i % 4],
      body: `Review number ${i} talks about the ${words[i % words.length]} at length.`,
      displayName: `N${i}`,
      consent: true,
      mediaIds,
    });
    assert.equal(res.json.status, 'published', res.text);
  }
  await t.db.query(
    `UPDATE reviews SET created_at = timestamptz '2026-01-01T00:00:00.123456Z' + (abs(hashtext(id)) % 3) * interval '1 second',
       helpful_count = abs(hashtext(id)) % 2 WHERE shop_id = $1`,
    [f.shop.id],
  );
  return f;
}

describe(`review listings (${ENGINE})`, () => {
  it('q matches the title or the text (trimmed, any case), never a phrase spanning the two', async () => {
    const f = await shopFixture(t, { autoPublish: 'all' });
    assert.equal(
      (
        await f.as('c1').post('/v1/products/p1/reviews', {
          rating: 5,
          title: 'Great',
          body: 'Fit is perfect for me and my laptop.',
          displayName: 'Ana',
          consent: true,
        })
      ).status,
      201,
    );
    const total = async (q) => (await f.pub.get(`/v1/products/p1/reviews?q=${encodeURIComponent(q)}`)).json.total;
    assert.deepEqual([await total('GREAT'), await total(' fit is '), await total('great fit')], [1, 1, 0]);
  });

  it('pages every sort, with and without filters, through each review exactly once and in order', async () => {
    const f = await tiedShop();
    const { rows } = await t.db.query(
      'SELECT id, rating, helpful_count, media_count, created_at FROM reviews WHERE shop_id = $1',
      [f.shop.id],
    );
    const byId = new Map(rows.map((r) => [r.id, r]));
    const key = {
      newest: () => 0,
      highest: (r) => -r.rating,
      lowest: (r) => r.rating,
      helpful: (r) => -r.helpful_count,
      media: (r) => (r.media_count > 0 ? 0 : 1),
    };
    for (const sort of SORTS) {
      for (const [filter, expected] of /** @type {[string, number][]} */ ([
        ['', 14],
        ['&rating=4', 7],
        ['&media=true', 5],
        ['&q=STRAP', 2],
      ])) {
        const all = await f.pub.get(`/v1/products/p1/reviews?sort=${sort}${filter}&limit=50`);
        assert.equal(all.json.total, expected, `${sort}${filter}: total`);
        const { ids, pages } = await walk(f.pub, `/v1/products/p1/reviews?sort=${sort}${filter}`, 3);
        assert.equal(ids.length, expected, `${sort}${filter}: count`);
        assert.equal(new Set(ids).size, expected, `${sort}${filter}: no repeats`);
        assert.equal(pages, Math.max(1, Math.ceil(expected / 3)));
        assert.deepEqual(
          ids,
          all.json.items.map((r) => r.id),
          `${sort}${filter}: pages equal the one-page order`,
        );
        for (let i = 1; i < ids.length; i++) {
          const [a, b] = [byId.get(ids[i - 1]), byId.get(ids[i])];
          const k = key[sort](a) - key[sort](b);
          assert.ok(
            k < 0 || (k === 0 && new Date(a.created_at) >= new Date(b.created_at)),
            `${sort}${filter}: ${i - 1} before ${i}`,
          );
        }
      }
    }
    const media = await f.pub.get('/v1/products/p1/reviews?sort=media&limit=50');
    assert.deepEqual(
      media.json.items.map((r) => r.media.length > 0),
      [...Array(5).fill(true), ...Array(9).fill(false)],
      'photos first',
    );
    const withMedia = await f.pub.get('/v1/products/p1/reviews?media=true&limit=50');
    assert.ok(withMedia.json.items.every((r) => r.media.length === 1));
    assert.equal((await f.pub.get('/v1/products/p1/reviews/summary')).json.withMediaCount, withMedia.json.total);
  });

  it('400 invalid_cursor for a malformed cursor or one from another sort or listing', async () => {
    const f = await tiedShop();
    const highest = (await f.pub.get('/v1/products/p1/reviews?sort=highest&limit=2')).json.nextCursor;
    const b64 = (v) => Buffer.from(typeof v === 'string' ? v : JSON.stringify(v)).toString('base64url');
    const bad = [
      'not a cursor!',
      '12',
      b64('{"not":"an array"'),
      b64(['highest', 'five', '2026-01-01T00:00:00.000000Z', 'rev_1']),
      b64(['highest', 5, '2026-01-01', 'rev_1']),
      b64(['highest', 5, '2026-01-01T00:00:00.000000Z', '']),
      b64(['newest', null, '2026-01-01T00:00:00.000000Z']),
      b64(['media', 1, '2026-01-01T00:00:00.000000Z', 'rev_1']),
      'A'.repeat(2000),
    ];
    for (const cursor of bad)
      isError(
        await f.pub.get(`/v1/products/p1/reviews?sort=highest&cursor=${encodeURIComponent(cursor)}`),
        400,
        'invalid_cursor',
      );
    isError(await f.pub.get(`/v1/products/p1/reviews?sort=newest&cursor=${highest}`), 400, 'invalid_cursor');
    isError(await f.pub.get(`/v1/products/p1/questions?cursor=${highest}`), 400, 'invalid_cursor');
    isError(await f.admin.get(`/v1/admin/reviews?status=published&cursor=${highest}`), 400, 'invalid_cursor');
    assert.equal((await f.pub.get(`/v1/products/p1/reviews?sort=highest&cursor=${highest}`)).status, 200);
  });

  it('the moderation queue pages oldest first, each review once', async () => {
    const f = await tiedShop();
    await t.db.query("UPDATE reviews SET status = 'pending' WHERE shop_id = $1", [f.shop.id]);
    const { ids } = await walk(f.admin, '/v1/admin/reviews?status=pending', 4);
    assert.equal(new Set(ids).size, 14);
    const { rows } = await t.db.query('SELECT id FROM reviews WHERE shop_id = $1 ORDER BY created_at, id', [f.shop.id]);
    assert.deepEqual(
      ids,
      rows.map((r) => r.id),
    );
    isError(await f.admin.get('/v1/admin/reviews?limit=101'), 400, 'invalid_request');
  });

  it('topics: each counts the published reviews `q` finds, case-insensitively; unmentioned ones left out; most mentioned first', async () => {
    const f = await shopFixture(t, { autoPublish: 'all', submissionsPerHour: 100 });
    const bodies = [
      'Strap is comfy and the colour pops.',
      'Great colour, the strap frayed.',
      'COLOUR faded, shame.',
      'Zipper is 100% metal, solid.',
      'Perfectly fine bag overall.',
    ];
    for (const [i, body] of bodies.entries())
      await f.as(`c${i}`).post('/v1/products/p1/reviews', { rating: 4, body, displayName: 'X', consent: true });
    await f.as('c7').post('/v1/products/p1/reviews', {
      rating: 4,
      title: 'Handy Pocket',
      body: 'Holds my phone and keys.',
      displayName: 'X',
      consent: true,
    });
    await f.as('c9').post('/v1/products/p2/reviews', {
      rating: 4,
      body: 'Strap strap strap on another product.',
      displayName: 'X',
      consent: true,
    });
    const held = await f.as('c8').post('/v1/products/p1/reviews', {
      rating: 4,
      body: 'Colour link https://spam.example',
      displayName: 'X',
      consent: true,
    });
    assert.equal(held.json.status, 'pending');
    const put = await f.admin.put('/v1/admin/reviews/settings', {
      topics: [' strap ', 'Colour', 'colour', 'pocket', '100%', '_'],
    });
    assert.deepEqual(put.json.topics, ['strap', 'Colour', 'pocket', '100%', '_'], 'trimmed, one spelling each');
    assert.deepEqual((await f.admin.get('/v1/admin/reviews/settings')).json.topics, [
      'strap',
      'Colour',
      'pocket',
      '100%',
      '_',
    ]);
    const summary = (await f.pub.get('/v1/products/p1/reviews/summary')).json;
    assert.deepEqual(
      summary.topics,
      [
        { label: 'Colour', count: 3 },
        { label: 'strap', count: 2 },
        { label: '100%', count: 1 },
        { label: 'pocket', count: 1 },
      ],
      'titles count too; ties by label',
    );
    for (const { label, count: n } of summary.topics) {
      assert.equal((await f.pub.get(`/v1/products/p1/reviews?q=${encodeURIComponent(label)}`)).json.total, n, label);
    }
    const batch = (await f.pub.get('/v1/reviews/summaries?products=p1,p2,p3')).json.summaries;
    assert.equal(JSON.stringify(batch[0]), JSON.stringify(summary), 'batched equals single');
    assert.deepEqual(
      batch.map((s) => s.topics),
      [summary.topics, [{ label: 'strap', count: 1 }], []],
    );
    isError(
      await f.admin.put('/v1/admin/reviews/settings', { topics: Array.from({ length: 31 }, (_, i) => `t${i}`) }),
      400,
      'invalid_request',
    );
  });

  it('settings expose mediaAutoPublish (off by default) and topics (empty by default)', async () => {
    const f = await shopFixture(t);
    const defaults = (await f.admin.get('/v1/admin/reviews/settings')).json;
    assert.deepEqual([defaults.mediaAutoPublish, defaults.topics], [false, []]);
    const changed = (await f.admin.put('/v1/admin/reviews/settings', { mediaAutoPublish: true })).json;
    assert.deepEqual(
      { ...changed, mediaAutoPublish: undefined },
      { ...defaults, mediaAutoPublish: undefined },
      'other rules kept',
    );
    isError(await f.admin.put('/v1/admin/reviews/settings', { mediaAutoPublish: 'yes' }), 400, 'invalid_request');
  });
});

describe(`JSON-LD (${ENGINE})`, () => {
  const jsonld = async (f, query = '') => {
    const res = await client(t.app, f.shop.publishableKey).get(`/v1/products/p1/reviews/jsonld${query}`);
    assert.equal(res.status, 200, res.text);
    assert.equal(res.headers.get('content-type'), 'application/ld+json; charset=utf-8');
    return res;
  };

  it('a Product with no rating and no reviews while none is published', async () => {
    const f = await shopFixture(t);
    await f.as('c1').post('/v1/products/p1/reviews', {
      rating: 5,
      body: 'Waiting for moderation still.',
      displayName: 'A',
      consent: true,
    });
    const res = await jsonld(
      f,
      '?name=Canvas%20tote&sku=TOTE-1&url=https%3A%2F%2Fshop.example%2Ftote&image=https%3A%2F%2Fshop.example%2Ftote.jpg',
    );
    assert.deepEqual(res.json, {
      '@context': 'https://schema.org',
      '@type': 'Product',
      name: 'Canvas tote',
      sku: 'TOTE-1',
      url: 'https://shop.example/tote',
      image: 'https://shop.example/tote.jpg',
    });
    assert.equal((await jsonld(f)).json.name, 'p1', 'the product id without a name');
    isError(await f.pub.get('/v1/products/p1/reviews/jsonld?url=javascript:alert(1)'), 400, 'invalid_request');
    isError(await client(t.app).get('/v1/products/p1/reviews/jsonld'), 401, 'missing_key');
  });

  it('AggregateRating and the 10 newest reviews, each with author, date, name, body and rating', async () => {
    const f = await shopFixture(t, { autoPublish: 'all', submissionsPerHour: 100 });
    for (let i = 0; i < 12; i++) {
      await f.as(`c${i}`).post('/v1/products/p1/reviews', {
        rating: i % 2 ? 4 : 5,
        body: `Honest review number ${i} of this bag.`,
        displayName: `Buyer ${i}`,
        consent: true,
        ...(i === 11 ? { title: 'Best tote' } : {}),
      });
    }
    const { json } = await jsonld(f, '?name=Tote');
    assert.deepEqual(json.aggregateRating, {
      '@type': 'AggregateRating',
      ratingValue: 4.5,
      reviewCount: 12,
      bestRating: 5,
      worstRating: 1,
    });
    assert.equal(json.review.length, 10);
    const newest = (await f.pub.get('/v1/products/p1/reviews?limit=10')).json.items;
    assert.deepEqual(
      json.review.map((r) => r.reviewBody),
      newest.map((r) => r.body),
    );
    assert.deepEqual(json.review[0], {
      '@type': 'Review',
      author: { '@type': 'Person', name: 'Buyer 11' },
      datePublished: newest[0].createdAt.slice(0, 10),
      name: 'Best tote',
      reviewBody: 'Honest review number 11 of this bag.',
      reviewRating: { '@type': 'Rating', ratingValue: 4, bestRating: 5, worstRating: 1 },
    });
    assert.equal(json.review[1].name, 'Honest review number 10 of this bag.', 'untitled: named by its text');
  });

  it('escapes <, >, & and U+2028/U+2029 so review text cannot end the script element', async () => {
    const f = await shopFixture(t, { autoPublish: 'all' });
    const body = 'Nice </script><script>alert(1)</script> & <!-- more \u2028 lines \u2029 here';
    await f.as('c1').post('/v1/products/p1/reviews', {
      rating: 5,
      title: '<b>Tote</b>',
      body,
      displayName: 'Eve </script>',
      consent: true,
    });
    const res = await jsonld(f, `?name=${encodeURIComponent('Tote <script> & co')}`);
    assert.doesNotMatch(res.text, /[<>&\u2028\u2029]/, 'none of the five characters appears raw');
    assert.ok(res.text.includes('\\u003c/script\\u003e'));
    assert.ok(res.text.includes('\\u0026') && res.text.includes('\\u2028') && res.text.includes('\\u2029'));
    assert.equal(res.json.review[0].reviewBody, body, 'still JSON for the same text');
    assert.equal(res.json.review[0].author.name, 'Eve </script>');
    assert.equal(res.json.name, 'Tote <script> & co');
    // What the merchant pastes: one script element, whatever the reviews say.
    const page = `<script type="application/ld+json">${res.text}</script>`;
    assert.equal(page.match(/<\/script/gi).length, 1);
  });
});

describe('summary counts stay right when nothing is published', () => {
  it('withMediaCount and topics for products without reviews', async () => {
    const f = await shopFixture(t, { topics: ['strap'] });
    assert.equal(await count('SELECT count(*) AS n FROM reviews WHERE shop_id = $1', [f.shop.id]), 0);
    assert.deepEqual((await f.pub.get('/v1/products/p1/reviews/summary')).json, {
      productId: 'p1',
      count: 0,
      histogram: [0, 0, 0, 0, 0],
      average: 0,
      recommendPercent: null,
      withMediaCount: 0,
      topics: [],
    });
  });
});
