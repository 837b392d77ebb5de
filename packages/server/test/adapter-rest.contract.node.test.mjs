// The shared adapter contract, run with @kith/adapter-rest against this real server (PGlite, or
// PostgreSQL when KITH_DATABASE_URL is set), over HTTP and Server-Sent Events.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { EventSource } from 'eventsource';
import { runAdapterContract } from '@kith/core/testing';
import { createRestAdapter } from '@kith/adapter-rest';
import { signCustomerToken, startServer } from '@kith/server';
import { createTestDb, ENGINE, newShop, showInput } from './helpers.mjs';

let db;
let running;
let base;
before(async () => {
  db = await createTestDb();
  running = await startServer({ db, port: 0, hostname: '127.0.0.1' });
  base = `http://127.0.0.1:${running.port}/v1`;
});
after(async () => {
  await running.close();
  await db.close();
});

async function admin(shop, path, body) {
  const res = await fetch(`${base}/admin/live/shows${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${shop.secretKey}`, 'content-type': 'application/json', 'idempotency-key': `c-${Math.random()}` },
    body: JSON.stringify(body ?? {}),
  });
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return res.json();
}

const REVIEWS = [[5, 'Sturdy canvas, great handles, carries everything.'], [4, 'Good bag overall although the strap is thin.'], [5, 'Second one I bought, colour still lovely.'], [2, 'Zipper broke within a month of daily use.']];

/** Published reviews written through the API as real customers would (the shop publishes all). */
async function seedReviews(shop) {
  const settings = await fetch(`${base}/admin/reviews/settings`, { method: 'PUT', headers: { authorization: `Bearer ${shop.secretKey}`, 'content-type': 'application/json' }, body: JSON.stringify({ autoPublish: 'all' }) });
  if (!settings.ok) throw new Error(await settings.text());
  for (const [i, [rating, body]] of REVIEWS.entries()) {
    const adapter = createRestAdapter({ baseUrl: base, publishableKey: shop.publishableKey, customerToken: signCustomerToken(shop.secretKey, `c${i}`) });
    await adapter.reviews.submitReview({ productId: 'p-reviewed', rating, body, displayName: `Buyer ${i}`, consent: true, recommend: rating > 3 });
  }
}

runAdapterContract(`rest against @kith/server (${ENGINE})`, async () => {
  const shop = await newShop(db);
  await admin(shop, '', showInput({ id: 'show-1', productIds: ['p-with'] }));
  await seedReviews(shop);
  const adapter = createRestAdapter({ baseUrl: base, publishableKey: shop.publishableKey, EventSource, pauseWhenHidden: false });
  return {
    adapter,
    fixtures: { scheduledShowId: 'show-1', productWithShow: 'p-with', productWithoutShow: 'p-without', reviewedProductId: 'p-reviewed' },
    control: {
      startShow: (id) => admin(shop, `/${id}/start`, { viewerCount: 1 }),
      setViewers: (id, viewerCount) => fetch(`${base}/admin/live/shows/${id}/viewers`, {
        method: 'PUT', headers: { authorization: `Bearer ${shop.secretKey}`, 'content-type': 'application/json' }, body: JSON.stringify({ viewerCount }),
      }),
      endShow: (id) => admin(shop, `/${id}/end`),
    },
  };
}, { describe, it });

describe('rest adapter writes (reviews)', () => {
  it('submits with the customer token, votes, reports, and maps server refusals to HttpError', async () => {
    const { isHttpError } = await import('@kith/core');
    const shop = await newShop(db);
    const as = (customer) => createRestAdapter({ baseUrl: base, publishableKey: shop.publishableKey, customerToken: () => signCustomerToken(shop.secretKey, customer) });
    const input = { productId: 'p1', rating: 4, body: 'Holds its shape well after months.', displayName: 'Mei', consent: true };
    const review = await as('mei').reviews.submitReview(input);
    assert.equal(review.status, 'pending', 'unverified reviews wait by default');
    await assert.rejects(as('mei').reviews.submitReview(input), (e) => isHttpError(e) && e.status === 409 && e.code === 'already_reviewed');
    await assert.rejects(createRestAdapter({ baseUrl: base, publishableKey: shop.publishableKey }).reviews.submitReview(input),
      (e) => isHttpError(e) && e.status === 401 && e.code === 'customer_token_required');
    await fetch(`${base}/admin/reviews/${review.id}/approve`, { method: 'POST', headers: { authorization: `Bearer ${shop.secretKey}`, 'idempotency-key': `a-${Math.random()}` } });
    assert.deepEqual(await as('lin').reviews.markHelpful(review.id), { helpfulCount: 1 });
    await as('lin').reviews.report(review.id, 'spam');
    const page = await as('lin').reviews.listReviews({ productId: 'p1' });
    assert.deepEqual(page.items.map((r) => [r.id, r.helpfulCount]), [[review.id, 1]]);
  });
});
