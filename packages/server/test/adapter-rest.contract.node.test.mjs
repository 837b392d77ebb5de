// The shared adapter contract, run with @kith/adapter-rest against this real server (PGlite, or
// PostgreSQL when KITH_DATABASE_URL is set), over HTTP and Server-Sent Events.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { EventSource } from 'eventsource';
import { runAdapterContract } from '@kith/core/testing';
import { createRestAdapter } from '@kith/adapter-rest';
import { signCustomerToken, startServer } from '@kith/server';
import { createTestDb, ENGINE, newShop, showInput } from './helpers.mjs';
import { PNG } from './images.mjs';

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

const secret = (shop) => ({ authorization: `Bearer ${shop.secretKey}`, 'content-type': 'application/json' });
async function adminCall(shop, method, path, body) {
  const res = await fetch(`${base}${path}`, {
    method, headers: { ...secret(shop), ...(method === 'POST' ? { 'idempotency-key': `c-${Math.random()}` } : {}) }, body: body && JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return res.json();
}
const approveReview = (shop, id) => adminCall(shop, 'POST', `/admin/reviews/${encodeURIComponent(id)}/approve`);

/**
 * Published reviews written through the API as real customers would (the shop publishes all but
 * photos, which a moderator approves), topics, and questions with a merchant's and a customer's
 * answer, plus one waiting for moderation.
 */
async function seedReviews(shop) {
  await adminCall(shop, 'PUT', '/admin/reviews/settings', { autoPublish: 'all', submissionsPerHour: 1000, topics: ['strap', 'colour', 'zipper', 'pocket'] });
  const as = (i) => createRestAdapter({ baseUrl: base, publishableKey: shop.publishableKey, customerToken: () => signCustomerToken(shop.secretKey, `c${i}`) });
  for (const [i, [rating, body]] of REVIEWS.entries()) {
    await as(i).reviews.submitReview({ productId: 'p-reviewed', rating, body, displayName: `Buyer ${i}`, consent: true, recommend: rating > 3 });
  }
  const photo = await as(9).reviews.uploadMedia(new Blob([PNG]));
  const withPhoto = await as(9).reviews.submitReview({ productId: 'p-reviewed', rating: 4, body: 'Photo attached: the strap after a month.', displayName: 'Buyer 9', consent: true, mediaIds: [photo.id] });
  await approveReview(shop, withPhoto.id);

  const asked = await as(5).reviews.askQuestion({ productId: 'p-questions', body: 'Does a 15-inch laptop fit inside?', displayName: 'Kai' });
  await adminCall(shop, 'POST', `/admin/questions/${asked.id}/answers`, { body: 'Yes, with room for a charger.', displayName: 'The shop', role: 'merchant' });
  await as(6).reviews.answerQuestion({ questionId: asked.id, body: 'Mine fits a 15-inch one.', displayName: 'Lin' });
  await as(7).reviews.askQuestion({ productId: 'p-questions', body: 'Is the canvas waterproof?', displayName: 'Priya' });
  const held = await as(8).reviews.askQuestion({ productId: 'p-questions', body: 'Cheaper at https://copies.example, is this real?', displayName: 'Spam' });
  if (held.status !== 'pending') throw new Error('a question with a link should wait');
}

runAdapterContract(`rest against @kith/server (${ENGINE})`, async () => {
  const shop = await newShop(db);
  await admin(shop, '', showInput({ id: 'show-1', productIds: ['p-with'] }));
  await seedReviews(shop);
  const adapter = createRestAdapter({ baseUrl: base, publishableKey: shop.publishableKey, EventSource, pauseWhenHidden: false });
  // The same server, signed in as a customer who has written nothing yet.
  const customer = createRestAdapter({ baseUrl: base, publishableKey: shop.publishableKey, EventSource, customerToken: () => signCustomerToken(shop.secretKey, 'contract-customer') });
  const otherCustomer = createRestAdapter({ baseUrl: base, publishableKey: shop.publishableKey, EventSource, customerToken: () => signCustomerToken(shop.secretKey, 'contract-other') });
  // Referrals: links go to the shop's page unless the customer asks for another.
  await adminCall(shop, 'PUT', '/admin/referrals/settings', { landingUrl: 'https://shop.example.com/' });
  await adminCall(shop, 'POST', '/admin/group-buys', {
    id: 'gb-c', productId: 'p-gb', product: { title: 'Tote' }, soloPrice: { minor: 5900, currency: 'USD' },
    tiers: [{ size: 2, price: { minor: 5310, currency: 'USD' } }, { size: 3, price: { minor: 5015, currency: 'USD' } }],
  });
  let orders = 0;
  return {
    adapter,
    customer,
    otherCustomer,
    customerIds: ['contract-customer', 'contract-other'],
    fixtures: {
      scheduledShowId: 'show-1', productWithShow: 'p-with', productWithoutShow: 'p-without', reviewedProductId: 'p-reviewed',
      questionProductId: 'p-questions', unreviewedProductId: 'p-unreviewed', groupBuyProductId: 'p-gb', campaignId: 'gb-c',
    },
    control: {
      startShow: (id) => admin(shop, `/${id}/start`, { viewerCount: 1 }),
      setViewers: (id, viewerCount) => fetch(`${base}/admin/live/shows/${id}/viewers`, {
        method: 'PUT', headers: secret(shop), body: JSON.stringify({ viewerCount }),
      }),
      endShow: (id) => admin(shop, `/${id}/end`),
      approveReview: (id) => approveReview(shop, id),
      confirmSeat: (teamId, customerId) => adminCall(shop, 'POST', '/admin/orders', { id: `o-${++orders}`, customerId, productIds: ['p-gb'], teamId }),
      // Points: the merchant's calls; a refusal throws with the server's error (its code included).
      adjustPoints: (customerId, points, note) => adminCall(shop, 'POST', '/admin/points/adjust', { customerId, points, note }),
      reportOrder: (order) => adminCall(shop, 'POST', '/admin/orders', order),
      refundOrder: (orderId) => adminCall(shop, 'POST', `/admin/orders/${encodeURIComponent(orderId)}/refund`),
      // Referrals: reportOrder passes `referralCode` through in the order's body.
      reportSignup: (code, customerId) => adminCall(shop, 'POST', '/admin/referrals/signups', { code, customerId }),
      addReward: (reward) => adminCall(shop, 'POST', '/admin/points/rewards', reward),
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
    await approveReview(shop, review.id);
    assert.deepEqual(await as('lin').reviews.markHelpful(review.id), { helpfulCount: 1 });
    await as('lin').reviews.report(review.id, 'spam');
    const page = await as('lin').reviews.listReviews({ productId: 'p1' });
    assert.deepEqual(page.items.map((r) => [r.id, r.helpfulCount]), [[review.id, 1]]);
  });
});

describe('rest adapter: photos, Q&A and cursors against the server', () => {
  const setup = async () => {
    const shop = await newShop(db);
    await adminCall(shop, 'PUT', '/admin/reviews/settings', { autoPublish: 'all', submissionsPerHour: 1000 });
    const as = (customer) => createRestAdapter({ baseUrl: base, publishableKey: shop.publishableKey, customerToken: () => signCustomerToken(shop.secretKey, customer) });
    return { shop, as, anon: createRestAdapter({ baseUrl: base, publishableKey: shop.publishableKey }) };
  };

  it('uploads a Blob as the body: the type comes from the bytes; the key makes a retry a replay; refusals are HttpErrors', async () => {
    const { isHttpError } = await import('@kith/core');
    const { as, anon } = await setup();
    const up = await as('mei').reviews.uploadMedia(new Blob([PNG], { type: 'image/jpeg' }), { idempotencyKey: 'upload-key-1' });
    assert.deepEqual([up.contentType, up.width, up.height, up.bytes], ['image/png', 480, 360, PNG.length]);
    assert.equal((await as('mei').reviews.uploadMedia(new Blob([PNG]), { idempotencyKey: 'upload-key-1' })).id, up.id, 'replayed');
    const { rows } = await db.query('SELECT count(*)::int AS n FROM review_media WHERE customer_id = $1', ['mei']);
    assert.equal(rows[0].n, 1);
    await assert.rejects(as('mei').reviews.uploadMedia(new Blob(['just some text, not a photo'], { type: 'image/png' })),
      (e) => isHttpError(e) && e.status === 415 && e.code === 'unsupported_media_type');
    await assert.rejects(anon.reviews.uploadMedia(new Blob([PNG])), (e) => isHttpError(e) && e.status === 401);
    const review = await as('mei').reviews.submitReview({ productId: 'p1', rating: 5, body: 'Photo of the bag in daylight.', displayName: 'Mei', consent: true, mediaIds: [up.id] });
    assert.deepEqual([review.status, review.media.map((m) => m.id)], ['pending', [up.id]]);
    await assert.rejects(as('mei').reviews.submitReview({ productId: 'p2', rating: 5, body: 'Same photo on another bag.', displayName: 'Mei', consent: true, mediaIds: [up.id] }),
      (e) => isHttpError(e) && e.status === 422 && e.code === 'invalid_media');
  });

  it('passes cursors through for reviews and questions; asks and answers as the signed-in customer', async () => {
    const { as, anon } = await setup();
    for (let i = 0; i < 3; i++) {
      await as(`c${i}`).reviews.submitReview({ productId: 'p1', rating: 4, body: `Review ${i} of this fine bag.`, displayName: `B${i}`, consent: true });
      await as(`c${i}`).reviews.askQuestion({ productId: 'p1', body: `Question ${i} about this bag?`, displayName: `Q${i}` });
    }
    for (const sort of ['media', 'helpful']) {
      const first = await anon.reviews.listReviews({ productId: 'p1', sort, limit: 2 });
      const second = await anon.reviews.listReviews({ productId: 'p1', sort, limit: 2, cursor: first.nextCursor });
      assert.deepEqual([first.items.length, second.items.length, second.nextCursor, new Set([...first.items, ...second.items].map((r) => r.id)).size], [2, 1, null, 3]);
    }
    const q1 = await anon.reviews.listQuestions({ productId: 'p1', limit: 2 });
    const q2 = await anon.reviews.listQuestions({ productId: 'p1', limit: 2, cursor: q1.nextCursor });
    assert.deepEqual([q1.total, q1.items.length, q2.items.length, q2.nextCursor], [3, 2, 1, null]);
    const answer = await as('buyer').reviews.answerQuestion({ questionId: q2.items[0].id, body: 'Yes it does.', displayName: 'Buyer' });
    assert.deepEqual([answer.questionId, answer.author.role, answer.status], [q2.items[0].id, 'customer', 'published']);
    const listed = await anon.reviews.listQuestions({ productId: 'p1', limit: 10 });
    assert.deepEqual(listed.items.find((q) => q.id === answer.questionId).answers.map((a) => a.id), [answer.id]);
  });
});
