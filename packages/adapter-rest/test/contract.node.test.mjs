// The shared adapter contract, run with this adapter against the real server in-process
// (`createTestBackend`: PGlite, or PostgreSQL when KITH_DATABASE_URL is set), over HTTP and
// Server-Sent Events: the one place the adapter and the server's rules are checked together.
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { EventSource } from 'eventsource';
import { runAdapterContract } from '@kith/core/testing';
import { createRestAdapter } from '@kith/adapter-rest';
import { createTestBackend } from '@kith/server/testing';

// A 480 × 360 photo the server accepts (its own demo photo).
const PNG = new Uint8Array(
  readFileSync(new URL('seed-media/tote-pocket.png', import.meta.resolve('@kith/server/package.json'))),
);

let backend;
let base;
before(async () => {
  backend = await createTestBackend();
  base = backend.baseUrl;
});
after(() => backend.close());

/** @type {[import('@kith/core').ReviewInput['rating'], string][]} */
const REVIEWS = [
  [5, 'Sturdy canvas, great handles, carries everything.'],
  [4, 'Good bag overall although the strap is thin.'],
  [5, 'Second one I bought, colour still lovely.'],
  [2, 'Zipper broke within a month of daily use.'],
];

const adminCall = (t, method, path, body) => t.admin.call(method, path, body);
const approveReview = (t, id) => t.admin.approveReview(id);

/**
 * Published reviews written through the API as real customers would (the shop publishes all but
 * photos, which a moderator approves), topics, and questions with a merchant's and a customer's
 * answer, plus one waiting for moderation.
 */
async function seedReviews(shop) {
  await adminCall(shop, 'PUT', '/admin/reviews/settings', {
    autoPublish: 'all',
    submissionsPerHour: 1000,
    topics: ['strap', 'colour', 'zipper', 'pocket'],
  });
  const as = (i) =>
    createRestAdapter({
      baseUrl: base,
      publishableKey: shop.shop.publishableKey,
      customerToken: () => shop.customerToken(`c${i}`),
    });
  for (const [i, [rating, body]] of REVIEWS.entries()) {
    await as(i).reviews.submitReview({
      productId: 'p-reviewed',
      rating,
      body,
      displayName: `Buyer ${i}`,
      consent: true,
      recommend: rating > 3,
    });
  }
  const photo = await as(9).reviews.uploadMedia(new Blob([PNG]));
  const withPhoto = await as(9).reviews.submitReview({
    productId: 'p-reviewed',
    rating: 4,
    body: 'Photo attached: the strap after a month.',
    displayName: 'Buyer 9',
    consent: true,
    mediaIds: [photo.id],
  });
  await approveReview(shop, withPhoto.id);

  const asked = await as(5).reviews.askQuestion({
    productId: 'p-questions',
    body: 'Does a 15-inch laptop fit inside?',
    displayName: 'Kai',
  });
  await adminCall(shop, 'POST', `/admin/questions/${asked.id}/answers`, {
    body: 'Yes, with room for a charger.',
    displayName: 'The shop',
    role: 'merchant',
  });
  await as(6).reviews.answerQuestion({ questionId: asked.id, body: 'Mine fits a 15-inch one.', displayName: 'Lin' });
  await as(7).reviews.askQuestion({
    productId: 'p-questions',
    body: 'Is the canvas waterproof?',
    displayName: 'Priya',
  });
  const held = await as(8).reviews.askQuestion({
    productId: 'p-questions',
    body: 'Cheaper at https://copies.example, is this real?',
    displayName: 'Spam',
  });
  if (held.status !== 'pending') throw new Error('a question with a link should wait');
}

runAdapterContract(
  `rest against @kith/server (${process.env.KITH_DATABASE_URL ? 'postgres' : 'pglite'})`,
  async () => {
    const shop = await backend.addShop();
    await shop.admin.createShow({ id: 'show-1', productIds: ['p-with'] });
    await seedReviews(shop);
    const adapter = createRestAdapter({
      baseUrl: base,
      publishableKey: shop.shop.publishableKey,
      EventSource,
      pauseWhenHidden: false,
    });
    // The same server, signed in as a customer who has written nothing yet.
    const customer = createRestAdapter({
      baseUrl: base,
      publishableKey: shop.shop.publishableKey,
      EventSource,
      customerToken: () => shop.customerToken('contract-customer'),
    });
    const otherCustomer = createRestAdapter({
      baseUrl: base,
      publishableKey: shop.shop.publishableKey,
      EventSource,
      customerToken: () => shop.customerToken('contract-other'),
    });
    // Referrals: links go to the shop's page unless the customer asks for another.
    await adminCall(shop, 'PUT', '/admin/referrals/settings', { landingUrl: 'https://shop.example.com/' });
    await adminCall(shop, 'POST', '/admin/group-buys', {
      id: 'gb-c',
      productId: 'p-gb',
      product: { title: 'Tote' },
      soloPrice: { minor: 5900, currency: 'USD' },
      tiers: [
        { size: 2, price: { minor: 5310, currency: 'USD' } },
        { size: 3, price: { minor: 5015, currency: 'USD' } },
      ],
    });
    let orders = 0;
    return {
      adapter,
      customer,
      otherCustomer,
      customerIds: ['contract-customer', 'contract-other'],
      fixtures: {
        scheduledShowId: 'show-1',
        productWithShow: 'p-with',
        productWithoutShow: 'p-without',
        reviewedProductId: 'p-reviewed',
        questionProductId: 'p-questions',
        unreviewedProductId: 'p-unreviewed',
        groupBuyProductId: 'p-gb',
        campaignId: 'gb-c',
      },
      control: {
        startShow: (id) => shop.admin.startShow(id, 1),
        setViewers: (id, viewerCount) => shop.admin.setViewers(id, viewerCount),
        endShow: (id) => shop.admin.endShow(id),
        approveReview: (id) => approveReview(shop, id),
        confirmSeat: (teamId, customerId) =>
          adminCall(shop, 'POST', '/admin/orders', { id: `o-${++orders}`, customerId, productIds: ['p-gb'], teamId }),
        // Points: the merchant's calls; a refusal throws with the server's error (its code included).
        adjustPoints: (customerId, points, note) =>
          adminCall(shop, 'POST', '/admin/points/adjust', { customerId, points, note }),
        reportOrder: (order) => adminCall(shop, 'POST', '/admin/orders', order),
        refundOrder: (orderId) => adminCall(shop, 'POST', `/admin/orders/${encodeURIComponent(orderId)}/refund`),
        // Referrals: reportOrder passes `referralCode` through in the order's body.
        reportSignup: (code, customerId) => adminCall(shop, 'POST', '/admin/referrals/signups', { code, customerId }),
        addReward: (reward) => adminCall(shop, 'POST', '/admin/points/rewards', reward),
      },
    };
  },
  { describe, it },
);
