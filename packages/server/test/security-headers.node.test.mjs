// Security headers: nosniff and an explicit Cache-Control on every API response (errors and 404s
// included, as docs/server.md "Caching and security headers" lists), and the demo pages' CSP with
// frame-ancestors and their Referrer-Policy.
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { DEMO_CSP, signCustomerToken, startServer } from '@kith/server';
import { client, createTestDb, createTestServer, ENGINE, idem, shopFixture, showInput } from './helpers.mjs';
import { PNG } from './images.mjs';

let t;
before(async () => {
  t = await createTestServer();
});
after(async () => t.close());

/** Asserts nosniff and the Cache-Control; returns the response for more checks. */
function cached(res, cacheControl) {
  assert.equal(res.headers.get('x-content-type-options'), 'nosniff', `${res.status} ${res.text}`);
  assert.equal(res.headers.get('cache-control'), cacheControl, `${res.status} ${res.text}`);
  return res;
}

describe(`security headers on API responses (${ENGINE})`, () => {
  it('public reads: private, no-cache; reads for a customer or the merchant: no-store', async () => {
    const f = await shopFixture(t);
    assert.equal(cached(await f.pub.get('/v1/products/p1/reviews'), 'private, no-cache').status, 200);
    assert.equal(cached(await f.pub.get('/v1/live/shows?product=p1'), 'private, no-cache').status, 200);
    const customer = { 'x-kith-customer': await signCustomerToken(f.shop.secretKey, 'c1') };
    assert.equal(cached(await f.pub.get('/v1/customer', { headers: customer }), 'no-store').status, 200);
    assert.equal(cached(await f.pub.get('/v1/points/me', { headers: customer }), 'no-store').status, 200);
    assert.equal(cached(await f.admin.get('/v1/admin/reviews'), 'no-store').status, 200);
  });

  it('writes, errors and 404s: no-store', async () => {
    const f = await shopFixture(t);
    assert.equal(cached(await f.admin.post('/v1/admin/live/shows', showInput()), 'no-store').status, 201);
    assert.equal(cached(await f.admin.put('/v1/admin/reviews/settings', { topics: ['size'] }), 'no-store').status, 200);
    assert.equal(cached(await f.admin.post('/v1/admin/live/shows', { title: '' }), 'no-store').status, 400);
    assert.equal(cached(await client(t.app).get('/v1/products/p1/reviews'), 'no-store').status, 401);
    assert.equal(cached(await f.pub.get('/v1/live/shows/nope'), 'no-store').status, 404);
    assert.equal(cached(await client(t.app).get('/v1/no-such-route'), 'no-store').status, 404);
    assert.equal(cached(await client(t.app).call('DELETE', '/healthz'), 'no-store').status, 404);
  });

  it('live streams: no-store; photos keep their own caching', async () => {
    const f = await shopFixture(t);
    const show = (await f.admin.post('/v1/admin/live/shows', showInput())).json;
    const stream = await t.app.request(`/v1/live/shows/${show.id}/events?key=${f.shop.publishableKey}`);
    assert.equal(stream.headers.get('content-type'), 'text/event-stream');
    cached(stream, 'no-store');
    await stream.body.cancel();

    const photo = await f.as('c1').upload(PNG);
    await f.as('c1').post('/v1/products/p1/reviews', {
      rating: 5,
      body: 'Sturdy canvas and solid handles.',
      displayName: 'Ana',
      consent: true,
      mediaIds: [photo.json.id],
    });
    const { rows } = await t.db.query('SELECT review_id FROM review_media WHERE id = $1', [photo.json.id]);
    await f.admin.post(`/v1/admin/reviews/${rows[0].review_id}/approve`, undefined, {
      headers: { 'idempotency-key': idem() },
    });
    const served = await t.app.request(`/v1/media/${photo.json.id}`);
    assert.equal(served.status, 200);
    cached(served, 'public, max-age=31536000, immutable');
    cached(
      await t.app.request(`/v1/admin/media/${photo.json.id}`, {
        headers: { authorization: `Bearer ${f.shop.secretKey}` },
      }),
      'private, no-store',
    );
  });
});

describe(`security headers on the demo pages (${ENGINE})`, () => {
  let running;
  let db;
  let dir;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'kith-pages-'));
    await writeFile(join(dir, 'index.html'), '<!doctype html><title>Shop</title>');
    db = await createTestDb();
    running = await startServer({
      db,
      port: 0,
      hostname: '127.0.0.1',
      staticMounts: { '/': dir },
      schedulerIntervalMs: false,
    });
  });
  after(async () => {
    await running.close();
    await db.close();
    await rm(dir, { recursive: true, force: true });
  });

  it("pages: the CSP with frame-ancestors 'none', Referrer-Policy, nosniff, no-cache", async () => {
    assert.match(DEMO_CSP, /frame-ancestors 'none'/);
    const res = await fetch(`http://127.0.0.1:${running.port}/`);
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type'), /^text\/html/);
    assert.equal(res.headers.get('content-security-policy'), DEMO_CSP);
    assert.equal(res.headers.get('referrer-policy'), 'strict-origin-when-cross-origin');
    assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
    assert.equal(res.headers.get('cache-control'), 'no-cache');
    await res.body.cancel();
  });

  it('a missing page is a 404 with no-store and nosniff; the API beside the pages keeps its own headers', async () => {
    const missing = await fetch(`http://127.0.0.1:${running.port}/missing.html`);
    assert.equal(missing.status, 404);
    assert.equal(missing.headers.get('cache-control'), 'no-store');
    assert.equal(missing.headers.get('x-content-type-options'), 'nosniff');
    await missing.body.cancel();
    const health = await fetch(`http://127.0.0.1:${running.port}/healthz`);
    assert.equal(health.headers.get('cache-control'), 'private, no-cache');
    assert.equal(health.headers.get('content-security-policy'), null);
    await health.body.cancel();
  });
});
