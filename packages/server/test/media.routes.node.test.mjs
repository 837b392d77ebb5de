// Photo uploads: type from the bytes, limits, metadata stripping, serving, attaching to reviews,
// photo moderation, idempotency and a pluggable store.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { MEDIA_LIMITS, sniffImage } from '@kith/core/image';
import { createApp, createDbMediaStore, pruneMedia, startGroupBuyScheduler, UPLOAD_QUOTA } from '@kith/server';
import {
  client,
  count as countRows,
  createTestServer,
  ENGINE,
  getBytes,
  idem,
  isError,
  shopFixture,
} from './helpers.mjs';
import { deflateSync } from 'node:zlib';
import {
  concat,
  contains,
  ICC,
  iccApp2,
  JPEG,
  jpegSegment,
  jpegWith,
  jpegWithMetadata,
  jfifWithThumbnail,
  payload,
  PNG,
  pngChunk,
  pngChunks,
  pngHeader,
  pngWith,
  pngWithMetadata,
  riffChunk,
  SECRETS,
  WEBP,
  webpChunks,
  webpOf,
  webpParts,
  webpWithMetadata,
} from './images.mjs';

let t;
before(async () => {
  t = await createTestServer();
});
after(async () => t.close());

const fixture = (settings) => shopFixture(t, settings);
const count = (sql, params) => countRows(t.db, sql, params);
const mediaRows = (shop) => count('SELECT count(*) AS n FROM review_media WHERE shop_id = $1', [shop.id]);
const review = (over = {}) => ({
  rating: 5,
  body: 'Sturdy canvas and the handles feel solid.',
  displayName: 'Ana',
  consent: true,
  ...over,
});
const SPEC_HEADERS = {
  'x-content-type-options': 'nosniff',
  'cache-control': 'public, max-age=31536000, immutable',
  'cross-origin-resource-policy': 'cross-origin',
  'content-security-policy': "default-src 'none'",
};

describe(`photo uploads (${ENGINE})`, () => {
  it('takes the type from the bytes: PNG claimed as JPEG is stored and served as PNG', async () => {
    const f = await fixture();
    const res = await f.as('c1').upload(PNG, { headers: { 'content-type': 'image/jpeg' } });
    assert.equal(res.status, 201, res.text);
    assert.deepEqual(
      { ...res.json, id: undefined, url: undefined },
      { id: undefined, url: undefined, contentType: 'image/png', width: 480, height: 360, bytes: PNG.length },
    );
    assert.match(res.json.id, /^med_/);
    assert.equal(res.json.url, `http://localhost/v1/media/${res.json.id}`, 'absolute URL');
    const { rows } = await t.db.query('SELECT content_type, customer_id, review_id FROM review_media WHERE id = $1', [
      res.json.id,
    ]);
    assert.deepEqual(rows[0], { content_type: 'image/png', customer_id: 'c1', review_id: null });
    const webp = await f.as('c1').upload(WEBP, { headers: { 'content-type': 'text/plain' } });
    assert.deepEqual([webp.json.contentType, webp.json.width, webp.json.height], ['image/webp', 480, 640]);
  });

  it('refuses text, SVG, an empty body and a damaged image with 415; nothing stored', async () => {
    const f = await fixture();
    const svg = new TextEncoder().encode(
      '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>',
    );
    const text = new TextEncoder().encode('This is plain text pretending to be a photo of the bag.');
    for (const [bytes, claimed] of [
      [text, 'image/png'],
      [svg, 'image/svg+xml'],
      [new Uint8Array(), 'image/jpeg'],
      [PNG.subarray(0, 200), 'image/png'],
    ]) {
      isError(await f.as('c1').upload(bytes, { headers: { 'content-type': claimed } }), 415, 'unsupported_media_type');
    }
    assert.equal(await mediaRows(f.shop), 0);
  });

  it(`413 media_too_large over ${MEDIA_LIMITS.maxBytes} bytes (with or without Content-Length); other routes keep 1 MB`, async () => {
    const f = await fixture();
    const big = concat(pngHeader(10, 10), new Uint8Array(MEDIA_LIMITS.maxBytes + 1 - pngHeader(10, 10).length));
    isError(await f.as('c1').upload(big), 413, 'media_too_large');
    isError(
      await f.as('c1').upload(big, { headers: { 'content-length': String(big.length) } }),
      413,
      'media_too_large',
    );
    assert.equal(await mediaRows(f.shop), 0);
    // At the limit it is read (the bytes after IEND are dropped).
    const atLimit = await f.as('c1').upload(big.subarray(0, MEDIA_LIMITS.maxBytes));
    assert.equal(atLimit.status, 201, atLimit.text);
    assert.equal(atLimit.json.bytes, pngHeader(10, 10).length);
    const bigJson = await f.as('c1').post('/v1/products/p1/reviews', review({ body: 'x'.repeat(1024 * 1024 + 10) }));
    isError(bigJson, 413, 'payload_too_large');
  });

  it(`422 image_dimensions for a side over ${MEDIA_LIMITS.maxDimension} px`, async () => {
    const f = await fixture();
    isError(await f.as('c1').upload(pngHeader(MEDIA_LIMITS.maxDimension + 1, 10)), 422, 'image_dimensions');
    isError(await f.as('c1').upload(pngHeader(10, MEDIA_LIMITS.maxDimension + 1)), 422, 'image_dimensions');
    assert.equal(await mediaRows(f.shop), 0);
    assert.equal(
      (await f.as('c1').upload(pngHeader(MEDIA_LIMITS.maxDimension, MEDIA_LIMITS.maxDimension))).status,
      201,
    );
  });

  it('strips Exif with GPS from a JPEG but keeps its orientation; width and height are as displayed', async () => {
    const f = await fixture();
    const input = jpegWithMetadata(6);
    assert.ok(
      contains(input, 'GPS-SECRET-PLACE') && contains(input, 'KithCam'),
      'the fixture carries GPS and camera data',
    );
    const up = await f.as('c1').upload(input, { headers: { 'content-type': 'image/png' } });
    assert.deepEqual(
      [up.json.contentType, up.json.width, up.json.height],
      ['image/jpeg', 480, 640],
      'orientation 6: sides swapped',
    );
    const written = await f.as('c1').post('/v1/products/p1/reviews', review({ mediaIds: [up.json.id] }));
    assert.deepEqual(
      written.json.media.map((m) => [m.width, m.height]),
      [[480, 640]],
    );
    await f.admin.post(`/v1/admin/reviews/${written.json.id}/approve`);
    const served = await getBytes(t.app, `/v1/media/${up.json.id}`);
    assert.equal(served.status, 200);
    assert.equal(served.headers.get('content-type'), 'image/jpeg');
    for (const s of SECRETS) assert.ok(!contains(served.bytes, s), `served bytes hold no "${s}"`);
    assert.ok(!contains(served.bytes, 'GPS'));
    assert.equal(
      Buffer.from(served.bytes).toString('latin1').split('Exif\0\0').length,
      2,
      'one Exif block: the minimal one',
    );
    assert.ok(
      contains(served.bytes, Uint8Array.of(0x01, 0x12, 0x00, 0x03, 0, 0, 0, 1, 0, 6)),
      'Orientation 6 written back',
    );
    assert.equal(served.bytes.length, up.json.bytes);
    const sniffed = sniffImage(served.bytes);
    assert.deepEqual(
      [sniffed.width, sniffed.height],
      [up.json.height, up.json.width],
      'stored pixels unrotated; the API reports them as displayed',
    );
  });

  it('strips PNG text and time chunks and WebP EXIF/XMP', async () => {
    const f = await fixture({ mediaAutoPublish: true, autoPublish: 'all' });
    const png = (await f.as('c1').upload(pngWithMetadata())).json;
    const webp = (await f.as('c1').upload(webpWithMetadata())).json;
    const written = await f.as('c1').post('/v1/products/p1/reviews', review({ mediaIds: [png.id, webp.id] }));
    assert.equal(written.json.status, 'published');
    const servedPng = (await getBytes(t.app, `/v1/media/${png.id}`)).bytes;
    assert.deepEqual(pngChunks(servedPng), ['IHDR', 'IDAT', 'IDAT', 'IDAT', 'IDAT', 'IEND']);
    assert.deepEqual(servedPng, PNG);
    const servedWebp = (await getBytes(t.app, `/v1/media/${webp.id}`)).bytes;
    assert.deepEqual(webpChunks(servedWebp), ['VP8X', 'ICCP', 'VP8 ']);
    for (const s of SECRETS) assert.ok(!contains(servedPng, s) && !contains(servedWebp, s), s);
  });

  it('stores no byte of payloads hidden in JPEG APP0/APP2/APP14, PNG iCCP/sPLT and WebP ICCP; a real ICC profile is kept', async () => {
    const f = await fixture();
    const { VP8X, 'VP8 ': VP8 } = webpParts();
    const uploads = [
      jpegWith([
        jfifWithThumbnail(concat(payload('thumb'), new Uint8Array(2))),
        iccApp2(1, 2, concat(ICC.subarray(0, 100), payload('icc-half'))),
        jpegSegment(
          0xee,
          concat(new TextEncoder().encode('Adobe'), Uint8Array.of(0, 100, 0, 0, 0, 0, 1), payload('adobe')),
        ),
      ]),
      jpegWith([JPEG.subarray(2, 20), iccApp2(1, 1, concat(ICC, payload('icc-tail')))]),
      pngWith(
        pngChunk(
          'iCCP',
          concat(payload('iccp-name'), Uint8Array.of(0, 0), deflateSync(concat(ICC, payload('iccp-tail')))),
        ),
        pngChunk('sPLT', concat(payload('splt'), Uint8Array.of(0, 8, 1, 2, 3, 4, 0, 1))),
      ),
      webpOf(VP8X, riffChunk('ICCP', concat(ICC, payload('webp-icc'))), VP8),
    ];
    for (const bytes of uploads) {
      const res = await f.as('c1').upload(bytes);
      assert.equal(res.status, 201, res.text);
      const {
        rows: [row],
      } = await t.db.query('SELECT data FROM review_media WHERE id = $1', [res.json.id]);
      for (const where of ['thumb', 'icc-half', 'adobe', 'icc-tail', 'iccp-name', 'iccp-tail', 'splt', 'webp-icc']) {
        assert.ok(!contains(row.data, payload(where)), `stored bytes hold no payload from ${where}`);
      }
      assert.equal(row.data.length, res.json.bytes);
    }
    const { rows } = await t.db.query('SELECT data FROM review_media WHERE shop_id = $1 ORDER BY created_at', [
      f.shop.id,
    ]);
    assert.deepEqual(
      rows.map((r) => contains(r.data, ICC)),
      [false, true, false, true],
      'the valid profiles kept byte for byte (the PNG one compressed)',
    );
  });

  it('serves a photo only once its review is published, with the documented headers; moderators see it before', async () => {
    const f = await fixture();
    const up = (await f.as('c1').upload(PNG)).json;
    assert.equal((await getBytes(t.app, `/v1/media/${up.id}`)).status, 404, 'unattached upload');
    const written = (await f.as('c1').post('/v1/products/p1/reviews', review({ mediaIds: [up.id] }))).json;
    assert.equal(written.status, 'pending');
    const pending = await getBytes(t.app, `/v1/media/${up.id}`);
    assert.equal(pending.status, 404);
    assert.equal(JSON.parse(Buffer.from(pending.bytes).toString()).error.code, 'not_found');
    const asAdmin = await getBytes(t.app, `/v1/admin/media/${up.id}`, { authorization: `Bearer ${f.shop.secretKey}` });
    assert.deepEqual(
      [asAdmin.status, asAdmin.headers.get('content-type'), asAdmin.headers.get('cache-control')],
      [200, 'image/png', 'private, no-store'],
    );
    assert.deepEqual(asAdmin.bytes, PNG);
    assert.equal(
      (await getBytes(t.app, `/v1/admin/media/${up.id}`, { authorization: `Bearer ${f.shop.publishableKey}` })).status,
      403,
    );
    const other = await shopFixture(t);
    assert.equal(
      (await getBytes(t.app, `/v1/admin/media/${up.id}`, { authorization: `Bearer ${other.shop.secretKey}` })).status,
      404,
      "another shop's photo",
    );

    await f.admin.post(`/v1/admin/reviews/${written.id}/approve`);
    const served = await getBytes(t.app, new URL(written.media[0].url).pathname);
    assert.equal(served.status, 200);
    assert.deepEqual(served.bytes, PNG);
    assert.equal(served.headers.get('content-type'), 'image/png');
    for (const [k, v] of Object.entries(SPEC_HEADERS)) assert.equal(served.headers.get(k), v, k);
    await f.admin.post(`/v1/admin/reviews/${written.id}/reject`);
    assert.equal((await getBytes(t.app, `/v1/media/${up.id}`)).status, 404, 'rejected again');
    assert.equal((await getBytes(t.app, '/v1/media/med_nope')).status, 404);
  });

  it("422 invalid_media for another customer's upload, an unknown id or one already used; nothing written", async () => {
    const f = await fixture({ autoPublish: 'all' });
    const mine = (await f.as('c1').upload(PNG)).json.id;
    const theirs = (await f.as('c2').upload(PNG)).json.id;
    const foreignShop = await shopFixture(t);
    const elsewhere = (await foreignShop.as('c1').upload(PNG)).json.id;
    for (const ids of [[theirs], ['med_unknown'], [mine, theirs], [elsewhere]]) {
      isError(await f.as('c1').post('/v1/products/p1/reviews', review({ mediaIds: ids })), 422, 'invalid_media');
    }
    assert.equal(await count('SELECT count(*) AS n FROM reviews WHERE shop_id = $1', [f.shop.id]), 0);
    assert.equal(
      await count('SELECT count(*) AS n FROM review_media WHERE shop_id = $1 AND review_id IS NOT NULL', [f.shop.id]),
      0,
      'none attached',
    );
    assert.equal((await f.as('c1').post('/v1/products/p1/reviews', review({ mediaIds: [mine] }))).status, 201);
    isError(await f.as('c1').post('/v1/products/p2/reviews', review({ mediaIds: [mine] })), 422, 'invalid_media');
    assert.equal(await count('SELECT count(*) AS n FROM reviews WHERE shop_id = $1', [f.shop.id]), 1);
  });

  it(`400 for more than ${MEDIA_LIMITS.maxPerReview} photos or the same photo twice; nothing written`, async () => {
    const f = await fixture();
    const ids = [];
    for (let i = 0; i <= MEDIA_LIMITS.maxPerReview; i++) ids.push((await f.as('c1').upload(PNG)).json.id);
    const tooMany = await f.as('c1').post('/v1/products/p1/reviews', review({ mediaIds: ids }));
    isError(tooMany, 400, 'invalid_request');
    assert.deepEqual(
      tooMany.json.error.details.map((d) => d.path),
      ['json.mediaIds'],
    );
    isError(
      await f.as('c1').post('/v1/products/p1/reviews', review({ mediaIds: [ids[0], ids[0]] })),
      400,
      'invalid_request',
    );
    assert.equal(await count('SELECT count(*) AS n FROM reviews WHERE shop_id = $1', [f.shop.id]), 0);
    const five = await f
      .as('c1')
      .post('/v1/products/p1/reviews', review({ mediaIds: ids.slice(0, MEDIA_LIMITS.maxPerReview) }));
    assert.equal(five.json.media.length, MEDIA_LIMITS.maxPerReview);
  });

  it('a review with photos waits by default (flag "media"), even from a verified buyer; mediaAutoPublish lets the rules decide', async () => {
    const f = await fixture();
    await f.admin.post('/v1/admin/orders', { id: 'o1', customerId: 'c1', productIds: ['p1', 'p2'] });
    const first = (await f.as('c1').upload(JPEG)).json;
    const second = (await f.as('c1').upload(PNG)).json;
    const held = await f.as('c1').post('/v1/products/p1/reviews', review({ mediaIds: [second.id, first.id] }));
    assert.equal(held.json.status, 'pending');
    assert.deepEqual(
      held.json.media.map((m) => m.id),
      [first.id, second.id],
      'upload order',
    );
    assert.deepEqual(held.json.media[0], { id: first.id, kind: 'image', url: first.url, width: 640, height: 480 });
    const queue = await f.admin.get('/v1/admin/reviews?status=pending');
    assert.deepEqual(
      queue.json.items.map((r) => [r.id, r.flags, r.media.length]),
      [[held.json.id, ['media'], 2]],
    );
    assert.equal((await f.pub.get('/v1/products/p1/reviews')).json.total, 0);

    assert.equal(
      (await f.admin.put('/v1/admin/reviews/settings', { mediaAutoPublish: true })).json.mediaAutoPublish,
      true,
    );
    const third = (await f.as('c1').upload(WEBP)).json;
    const published = await f
      .as('c1')
      .post('/v1/products/p2/reviews', review({ body: 'The strap is wide and comfortable.', mediaIds: [third.id] }));
    assert.equal(published.json.status, 'published', 'verified buyer, rules say publish');
    const unverified = (await f.as('c2').upload(PNG)).json;
    const fromUnverified = await f
      .as('c2')
      .post(
        '/v1/products/p2/reviews',
        review({ body: 'Nice colour, smaller than expected.', mediaIds: [unverified.id] }),
      );
    assert.deepEqual(
      [
        fromUnverified.json.status,
        (await t.db.query('SELECT flags FROM reviews WHERE id = $1', [fromUnverified.json.id])).rows[0].flags,
      ],
      ['pending', []],
      "the shop's rule still applies",
    );
    const listed = await f.pub.get('/v1/products/p2/reviews');
    assert.deepEqual(
      listed.json.items.map((r) => r.media.map((m) => m.id)),
      [[third.id]],
    );
  });

  it('POST /v1/media is idempotent: the same key and bytes replay the first response; other bytes under that key → 422', async () => {
    const f = await fixture();
    const key = idem();
    const first = await f.as('c1').upload(PNG, { headers: { 'idempotency-key': key } });
    const again = await f.as('c1').upload(PNG, { headers: { 'idempotency-key': key } });
    assert.equal(again.status, 201);
    assert.equal(again.text, first.text);
    assert.equal(again.headers.get('idempotent-replayed'), 'true');
    assert.equal(await mediaRows(f.shop), 1);
    // Differs only in bytes that are not valid UTF-8: still a different request.
    const a = concat(pngHeader(20, 20), Uint8Array.of(0xff));
    const b = concat(pngHeader(20, 20), Uint8Array.of(0xfe));
    const key2 = idem();
    assert.equal((await f.as('c1').upload(a, { headers: { 'idempotency-key': key2 } })).status, 201);
    isError(await f.as('c1').upload(b, { headers: { 'idempotency-key': key2 } }), 422, 'idempotency_key_reused');
    assert.equal(await mediaRows(f.shop), 2);
  });

  it(`at most ${UPLOAD_QUOTA.count} photos per customer in 24 hours: concurrent uploads at the limit store exactly one; 429 upload_quota_exceeded with Retry-After`, async () => {
    assert.deepEqual(UPLOAD_QUOTA, { count: 30, bytes: 60 * 1024 * 1024 });
    const f = await fixture();
    const small = pngHeader(20, 20);
    for (let i = 0; i < UPLOAD_QUOTA.count - 1; i++) assert.equal((await f.as('c1').upload(small)).status, 201);
    const racing = await Promise.all(Array.from({ length: 4 }, () => f.as('c1').upload(small)));
    assert.deepEqual(racing.map((r) => r.status).sort(), [201, 429, 429, 429]);
    for (const r of racing.filter((x) => x.status === 429)) {
      isError(r, 429, 'upload_quota_exceeded');
      const after = Number(r.headers.get('retry-after'));
      assert.ok(
        after > 23 * 3600 && after <= 24 * 3600,
        `Retry-After ${after}: when the oldest upload leaves the window`,
      );
    }
    const rows = () =>
      count('SELECT count(*) AS n FROM review_media WHERE shop_id = $1 AND customer_id = $2', [f.shop.id, 'c1']);
    assert.equal(await rows(), UPLOAD_QUOTA.count);
    assert.equal((await f.as('c2').upload(small)).status, 201, 'another customer has their own quota');
    // Attaching photos to a review does not give quota back; their age does.
    await f.as('c1').post(
      '/v1/products/p1/reviews',
      review({
        mediaIds: [
          (
            await t.db.query('SELECT id FROM review_media WHERE shop_id = $1 AND customer_id = $2 LIMIT 1', [
              f.shop.id,
              'c1',
            ])
          ).rows[0].id,
        ],
      }),
    );
    isError(await f.as('c1').upload(small), 429, 'upload_quota_exceeded');
    await t.db.query(
      "UPDATE review_media SET created_at = now() - interval '24 hours 1 minute' WHERE id = (SELECT id FROM review_media WHERE shop_id = $1 AND customer_id = $2 ORDER BY created_at, id LIMIT 1)",
      [f.shop.id, 'c1'],
    );
    assert.equal((await f.as('c1').upload(small)).status, 201, 'one slot freed');
    isError(await f.as('c1').upload(small), 429, 'upload_quota_exceeded');
  });

  it('the quota counts stored bytes too: over it, 429 and nothing stored; Retry-After says when enough bytes leave the window', async () => {
    const quota = { count: 100, bytes: 3 * PNG.length + 100 };
    const app = createApp({ db: t.db, hub: t.hub, uploadQuota: quota });
    const f = await shopFixture({ ...t, app });
    const rows = () => count('SELECT count(*) AS n FROM review_media WHERE shop_id = $1', [f.shop.id]);
    assert.equal((await f.as('c1').upload(PNG)).status, 201);
    assert.equal((await f.as('c1').upload(PNG)).status, 201);
    const racing = await Promise.all(Array.from({ length: 3 }, () => f.as('c1').upload(PNG)));
    assert.deepEqual(racing.map((r) => r.status).sort(), [201, 429, 429]);
    assert.equal(await rows(), 3);
    const over = await f.as('c1').upload(PNG);
    isError(over, 429, 'upload_quota_exceeded');
    assert.deepEqual(over.json.error.details, { count: 100, bytes: quota.bytes, windowHours: 24 });
    assert.equal(await rows(), 3, 'nothing stored');
    assert.equal((await f.as('c1').upload(pngHeader(10, 10))).status, 201, 'a small one still fits');
    // The first two uploads were 23 hours ago: the first leaving the window frees enough.
    await t.db.query(
      "UPDATE review_media SET created_at = now() - interval '23 hours' - (interval '1 minute' * random()) WHERE id IN (SELECT id FROM review_media WHERE shop_id = $1 ORDER BY created_at, id LIMIT 2)",
      [f.shop.id],
    );
    const later = await f.as('c1').upload(PNG);
    isError(later, 429, 'upload_quota_exceeded');
    const after = Number(later.headers.get('retry-after'));
    assert.ok(after > 3500 && after <= 3600, `Retry-After ${after}: about an hour`);
  });

  it('uploads need the publishable key and a customer token', async () => {
    const f = await fixture();
    isError(
      await f.pub.call('POST', '/v1/media', { raw: PNG, headers: { 'idempotency-key': idem() } }),
      401,
      'customer_token_required',
    );
    isError(
      await client(t.app).call('POST', '/v1/media', { raw: PNG, headers: { 'idempotency-key': idem() } }),
      401,
      'missing_key',
    );
    isError(await f.as('c1').upload(PNG, { headers: { 'idempotency-key': '' } }), 400, 'invalid_request');
    assert.equal(await mediaRows(f.shop), 0);
  });

  it('the scheduler deletes uploads no review took within 24 hours, bytes through the MediaStore, once with two schedulers, in bounded batches', async () => {
    const f = await fixture();
    const up = async () => (await f.as('c1').upload(PNG)).json.id;
    const old = [await up(), await up(), await up()];
    const fresh = await up();
    const used = await up();
    const usedOld = await up();
    await f.as('c1').post('/v1/products/p1/reviews', review({ mediaIds: [used, usedOld] }));
    await t.db.query("UPDATE review_media SET created_at = now() - interval '24 hours 1 minute' WHERE id = ANY($1)", [
      [...old, usedOld],
    ]);
    await t.db.query("UPDATE review_media SET created_at = now() - interval '23 hours 59 minutes' WHERE id = $1", [
      fresh,
    ]);
    // The bytes live in the database by default; a wrapper records which ones the scheduler deletes.
    const deletes = [];
    const dbStore = createDbMediaStore(t.db);
    const store = {
      ...dbStore,
      delete: async (ref) => {
        deletes.push(ref);
        await dbStore.delete(ref);
      },
    };
    const mine = (ids) => ids.filter((id) => [...old, fresh, used, usedOld].includes(id));

    // Bounded: one batch of 2 deletes at most 2, whatever else (other tests' shops) is due.
    const before = await count(
      "SELECT count(*) AS n FROM review_media WHERE review_id IS NULL AND created_at < now() - interval '24 hours'",
    );
    assert.equal(await pruneMedia(t.db, store, 24, { limit: 2 }), Math.min(2, before));

    const a = startGroupBuyScheduler({ db: t.db, media: store }, { intervalMs: 3_600_000 });
    const b = startGroupBuyScheduler({ db: t.db, media: store }, { intervalMs: 3_600_000 });
    try {
      const passes = await Promise.all([a.runOnce(), b.runOnce(), a.runOnce(), b.runOnce()]);
      assert.ok(passes.every((p) => typeof p.media === 'number'));
    } finally {
      await a.stop();
      await b.stop();
    }
    const deleted = mine(deletes.map((r) => r.id));
    assert.deepEqual(
      deleted.sort(),
      [...old].sort(),
      "each abandoned upload's bytes deleted once, by one of the schedulers",
    );
    assert.ok(deletes.filter((r) => old.includes(r.id)).every((r) => r.shopId === f.shop.id));
    const { rows } = await t.db.query(
      'SELECT id, data IS NOT NULL AS has_bytes FROM review_media WHERE shop_id = $1 ORDER BY id',
      [f.shop.id],
    );
    assert.deepEqual(
      rows.map((r) => [r.id, r.has_bytes]),
      [fresh, used, usedOld].sort().map((id) => [id, true]),
      'fresh and attached ones untouched',
    );
    // A review can't take an upload once the scheduler has claimed it.
    const claimed = await up();
    await t.db.query('UPDATE review_media SET pruning_at = now() WHERE id = $1', [claimed]);
    isError(await f.as('c1').post('/v1/products/p2/reviews', review({ mediaIds: [claimed] })), 422, 'invalid_media');
  });

  it('keeps bytes in a plugged-in MediaStore instead of the database', async () => {
    const blobs = new Map();
    const store = {
      put: async (ref, bytes, type) => void blobs.set(ref.id, { ref, bytes, type }),
      get: async (ref) => blobs.get(ref.id)?.bytes,
      delete: async (ref) => void blobs.delete(ref.id),
    };
    const app = createApp({ db: t.db, hub: t.hub, media: store });
    const f = await shopFixture({ ...t, app }, { mediaAutoPublish: true, autoPublish: 'all' });
    const up = (await f.as('c1').upload(jpegWithMetadata(3))).json;
    assert.deepEqual([blobs.get(up.id).ref.shopId, blobs.get(up.id).type], [f.shop.id, 'image/jpeg']);
    assert.ok(!contains(blobs.get(up.id).bytes, 'GPS-SECRET-PLACE'), 'the store gets stripped bytes');
    assert.equal(
      await count('SELECT count(*) AS n FROM review_media WHERE id = $1 AND data IS NULL', [up.id]),
      1,
      'no bytes in the database',
    );
    await f.as('c1').post('/v1/products/p1/reviews', review({ mediaIds: [up.id] }));
    const served = await getBytes(app, `/v1/media/${up.id}`);
    assert.equal(served.status, 200);
    assert.deepEqual(served.bytes, blobs.get(up.id).bytes);
  });
});
