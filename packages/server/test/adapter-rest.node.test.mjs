// The REST adapter's writes against this server where they touch the database directly (photos
// stored once, refusals by the server's checks). The shared adapter contract runs against this
// server from packages/adapter-rest/test/contract.node.test.mjs (createTestBackend).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createRestAdapter } from '@kith/adapter-rest';
import { signCustomerToken, startServer } from '@kith/server';
import { createTestDb, newShop } from './helpers.mjs';
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

async function adminCall(shop, method, path, body) {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${shop.secretKey}`,
      'content-type': 'application/json',
      ...(method === 'POST' ? { 'idempotency-key': `c-${Math.random()}` } : {}),
    },
    body: body && JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return res.json();
}
const approveReview = (shop, id) => adminCall(shop, 'POST', `/admin/reviews/${encodeURIComponent(id)}/approve`);

describe('rest adapter writes (reviews)', () => {
  it('submits with the customer token, votes, reports, and maps server refusals to HttpError', async () => {
    const { isHttpError } = await import('@kith/core');
    const shop = await newShop(db);
    const as = (customer) =>
      createRestAdapter({
        baseUrl: base,
        publishableKey: shop.publishableKey,
        customerToken: () => signCustomerToken(shop.secretKey, customer),
      });
    /** @type {import('@kith/core').ReviewInput} */
    const input = {
      productId: 'p1',
      rating: 4,
      body: 'Holds its shape well after months.',
      displayName: 'Mei',
      consent: true,
    };
    const review = await as('mei').reviews.submitReview(input);
    assert.equal(review.status, 'pending', 'unverified reviews wait by default');
    await assert.rejects(
      as('mei').reviews.submitReview(input),
      (e) => isHttpError(e) && e.status === 409 && e.code === 'already_reviewed',
    );
    await assert.rejects(
      createRestAdapter({ baseUrl: base, publishableKey: shop.publishableKey }).reviews.submitReview(input),
      (e) => isHttpError(e) && e.status === 401 && e.code === 'customer_token_required',
    );
    await approveReview(shop, review.id);
    assert.deepEqual(await as('lin').reviews.markHelpful(review.id), { helpfulCount: 1 });
    await as('lin').reviews.report(review.id, 'spam');
    const page = await as('lin').reviews.listReviews({ productId: 'p1' });
    assert.deepEqual(
      page.items.map((r) => [r.id, r.helpfulCount]),
      [[review.id, 1]],
    );
  });
});

describe('rest adapter: photos, Q&A and cursors against the server', () => {
  const setup = async () => {
    const shop = await newShop(db);
    await adminCall(shop, 'PUT', '/admin/reviews/settings', { autoPublish: 'all', submissionsPerHour: 1000 });
    const as = (customer) =>
      createRestAdapter({
        baseUrl: base,
        publishableKey: shop.publishableKey,
        customerToken: () => signCustomerToken(shop.secretKey, customer),
      });
    return { shop, as, anon: createRestAdapter({ baseUrl: base, publishableKey: shop.publishableKey }) };
  };

  it('uploads a Blob as the body: the type comes from the bytes; the key makes a retry a replay; refusals are HttpErrors', async () => {
    const { isHttpError } = await import('@kith/core');
    const { as, anon } = await setup();
    const up = await as('mei').reviews.uploadMedia(new Blob([PNG], { type: 'image/jpeg' }), {
      idempotencyKey: 'upload-key-1',
    });
    assert.deepEqual([up.contentType, up.width, up.height, up.bytes], ['image/png', 480, 360, PNG.length]);
    assert.equal(
      (await as('mei').reviews.uploadMedia(new Blob([PNG]), { idempotencyKey: 'upload-key-1' })).id,
      up.id,
      'replayed',
    );
    const { rows } = await db.query('SELECT count(*)::int AS n FROM review_media WHERE customer_id = $1', ['mei']);
    assert.equal(rows[0].n, 1);
    await assert.rejects(
      as('mei').reviews.uploadMedia(new Blob(['just some text, not a photo'], { type: 'image/png' })),
      (e) => isHttpError(e) && e.status === 415 && e.code === 'unsupported_media_type',
    );
    await assert.rejects(anon.reviews.uploadMedia(new Blob([PNG])), (e) => isHttpError(e) && e.status === 401);
    const review = await as('mei').reviews.submitReview({
      productId: 'p1',
      rating: 5,
      body: 'Photo of the bag in daylight.',
      displayName: 'Mei',
      consent: true,
      mediaIds: [up.id],
    });
    assert.deepEqual([review.status, review.media.map((m) => m.id)], ['pending', [up.id]]);
    await assert.rejects(
      as('mei').reviews.submitReview({
        productId: 'p2',
        rating: 5,
        body: 'Same photo on another bag.',
        displayName: 'Mei',
        consent: true,
        mediaIds: [up.id],
      }),
      (e) => isHttpError(e) && e.status === 422 && e.code === 'invalid_media',
    );
  });

  it('passes cursors through for reviews and questions; asks and answers as the signed-in customer', async () => {
    const { as, anon } = await setup();
    for (let i = 0; i < 3; i++) {
      await as(`c${i}`).reviews.submitReview({
        productId: 'p1',
        rating: 4,
        body: `Review ${i} of this fine bag.`,
        displayName: `B${i}`,
        consent: true,
      });
      await as(`c${i}`).reviews.askQuestion({
        productId: 'p1',
        body: `Question ${i} about this bag?`,
        displayName: `Q${i}`,
      });
    }
    for (const sort of /** @type {const} */ (['media', 'helpful'])) {
      const first = await anon.reviews.listReviews({ productId: 'p1', sort, limit: 2 });
      const second = await anon.reviews.listReviews({ productId: 'p1', sort, limit: 2, cursor: first.nextCursor });
      assert.deepEqual(
        [
          first.items.length,
          second.items.length,
          second.nextCursor,
          new Set([...first.items, ...second.items].map((r) => r.id)).size,
        ],
        [2, 1, null, 3],
      );
    }
    const q1 = await anon.reviews.listQuestions({ productId: 'p1', limit: 2 });
    const q2 = await anon.reviews.listQuestions({ productId: 'p1', limit: 2, cursor: q1.nextCursor });
    assert.deepEqual([q1.total, q1.items.length, q2.items.length, q2.nextCursor], [3, 2, 1, null]);
    const answer = await as('buyer').reviews.answerQuestion({
      questionId: q2.items[0].id,
      body: 'Yes it does.',
      displayName: 'Buyer',
    });
    assert.deepEqual([answer.questionId, answer.author.role, answer.status], [q2.items[0].id, 'customer', 'published']);
    const listed = await anon.reviews.listQuestions({ productId: 'p1', limit: 10 });
    assert.deepEqual(
      listed.items.find((q) => q.id === answer.questionId).answers.map((a) => a.id),
      [answer.id],
    );
  });
});
