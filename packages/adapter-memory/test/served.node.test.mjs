// The memory demo writes out figures the server derives (p1's summary, its listings in every
// order and filter). They must be what the server serves for the same reviews, or every story and
// demo built on them shows a shop that cannot exist. This writes the demo's p1 reviews through the
// real server (`createTestBackend`) as shoppers would and compares; the rules stay on the server.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { createMemoryAdapter, demoSeed } from '@kith/adapter-memory';
import { createRestAdapter } from '@kith/adapter-rest';
import { createTestBackend } from '@kith/server/testing';

const PNG = readFileSync(new URL('seed-media/tote-pocket.png', import.meta.resolve('@kith/server/package.json')));
// One demo seed: the memory adapter serves it, and its reviews are written through the server.
const seed = demoSeed();
const memory = createMemoryAdapter({ seed });

/** @type {import('@kith/server/testing').TestBackend} */
let backend;
/** The server's public reads, as the widgets make them. */
let served;
/** The server's review id → the demo's (`r1`…), by the body each was written with. */
const demoId = new Map();

before(async () => {
  backend = await createTestBackend();
  await backend.admin.call('PUT', '/admin/reviews/settings', { autoPublish: 'all', submissionsPerHour: 1000 });
  served = createRestAdapter({ baseUrl: backend.baseUrl, publishableKey: backend.shop.publishableKey });
  const byBody = new Map(seed.reviews.map((r) => [r.body, r.id]));
  // Oldest first, so the server's newest-first order is the demo's.
  for (const [i, r] of [...seed.reviews].reverse().entries()) {
    const customer = `demo-buyer-${i}`;
    if (r.author.verifiedBuyer)
      await backend.admin.reportOrder({ id: `o-${i}`, customerId: customer, productIds: [r.productId] });
    const rest = createRestAdapter({
      baseUrl: backend.baseUrl,
      publishableKey: backend.shop.publishableKey,
      customerToken: () => backend.customerToken(customer),
    });
    const photos = [];
    for (const _ of r.media) photos.push((await rest.reviews.uploadMedia(new Blob([PNG], { type: 'image/png' }))).id);
    const written = await rest.reviews.submitReview({
      productId: r.productId,
      rating: r.rating,
      ...(r.title ? { title: r.title } : {}),
      body: r.body,
      ...(r.recommend !== undefined ? { recommend: r.recommend } : {}),
      displayName: r.author.displayName,
      consent: true,
      ...(photos.length ? { mediaIds: photos } : {}),
    });
    if (written.status === 'pending') await backend.admin.approveReview(written.id);
    demoId.set(written.id, byBody.get(r.body));
  }
});
after(() => backend?.close());

describe('memory demo data is what the server serves', () => {
  it("p1's summary", async () => {
    const { topics: _t, ...server } = await served.reviews.getSummary('p1');
    const { topics: _w, ...written } = await memory.reviews.getSummary('p1');
    assert.deepEqual(written, server);
  });

  // `p1` alone: the default order, which the fixture serves without a written listing.
  for (const key of ['p1', ...Object.keys(seed.listings ?? {})]) {
    it(`the listing ${key}`, async () => {
      const [productId, ...fields] = key.split(' ');
      const q = { productId, limit: 50, ...Object.fromEntries(fields.map((f) => f.split('='))) };
      if (q.rating) q.rating = Number(q.rating);
      if (q.withMedia) q.withMedia = q.withMedia === 'true';
      const server = (await served.reviews.listReviews(q)).items.map((r) => demoId.get(r.id));
      const written = (await memory.reviews.listReviews(q)).items.map((r) => r.id);
      assert.deepEqual(written, server);
    });
  }
});
