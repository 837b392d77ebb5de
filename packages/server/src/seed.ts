import type { Db } from './db.js';
import { createShow, endShow, startShow } from './storage/live.js';
import { createReview, recordOrder } from './storage/reviews.js';
import { createShop, getShop, type Shop } from './storage/shops.js';

export const DEMO_SHOP_ID = 'demo-shop';
/** Publishable keys are public by design, so the demo page can name this one. */
export const DEMO_PUBLISHABLE_KEY = 'pk_demo_shop';

const inMinutes = (m: number) => new Date(Date.now() + m * 60_000).toISOString();

const REVIEWS: [string, number, string, boolean][] = [
  ['p1', 5, 'Heavy canvas, holds its shape, carries a laptop and lunch with room to spare.', true],
  ['p1', 4, 'Lovely colour and sturdy handles. The inside pocket is a little small for a big phone.', true],
  ['p1', 5, 'Bought a second one for my sister. 很好用，质量很好！', true],
  ['p1', 3, 'Good bag, but it arrived with a crease that took a week to relax.', false],
  ['p1', 5, 'Daily use for three months and the stitching is still perfect.', true],
  ['p2', 4, 'Comfortable strap and a clean look; wish it came in black.', true],
  ['p3', 2, 'The sole squeaks on smooth floors. Returned them.', false],
  ['p3', 5, 'Best sneakers I have owned, light and grippy.', true],
  ['p4', 4, 'Gentle on my skin and the bottle lasts ages.', true],
];

/** Verified reviews from reported orders, through the same code path a shopper's review takes. */
async function seedReviews(db: Db, shopId: string) {
  if ((await db.query('SELECT 1 FROM reviews WHERE shop_id = $1 LIMIT 1', [shopId])).rows.length) return;
  for (const [i, [productId, rating, body, recommend]] of REVIEWS.entries()) {
    const customer = `demo-customer-${i}`;
    await recordOrder(db, shopId, { id: `demo-order-${i}`, customerId: customer, productIds: [productId], placedAt: new Date(Date.now() - (i + 3) * 86_400_000).toISOString() });
    await createReview(db, shopId, productId, customer, `seed-${i}`, { rating, body, recommend, displayName: ['Lin', 'Ana', 'Wei', 'Sam', 'Mei', 'Jo', 'Chen', 'Ravi', 'Yu'][i]! });
  }
}

/** Creates the demo shop, its shows and reviews on first run; later runs keep what is stored. */
export async function seedDemo(db: Db): Promise<{ shop: Shop; created: boolean }> {
  const existing = await getShop(db, DEMO_SHOP_ID);
  if (existing) {
    await seedReviews(db, existing.id); // data dirs from before reviews existed
    return { shop: existing, created: false };
  }
  const shop = await createShop(db, { id: DEMO_SHOP_ID, name: 'Kith demo shop', publishableKey: DEMO_PUBLISHABLE_KEY });
  const s = shop.id;
  await createShow(db, s, { id: 'show-1', title: 'Autumn drop, live from the studio', startsAt: inMinutes(120), streamUrl: 'https://live.example.com/show-1', productIds: ['p1', 'p2'], host: { displayName: 'Mia' } });
  await createShow(db, s, { id: 'show-2', title: 'Sneaker unboxing', startsAt: inMinutes(-30), streamUrl: 'https://live.example.com/show-2', productIds: ['p3'], host: { displayName: 'Leo' } });
  await startShow(db, s, 'show-2', 1284);
  await createShow(db, s, { id: 'show-3', title: 'Skincare Q&A', startsAt: inMinutes(-26 * 60), streamUrl: 'https://live.example.com/show-3', productIds: ['p4'], host: { displayName: 'Yan' } });
  await startShow(db, s, 'show-3', 300);
  await endShow(db, s, 'show-3', 'https://live.example.com/show-3/replay');
  await createShow(db, s, { id: 'show-4', title: 'Studio tour', startsAt: inMinutes(24 * 60), streamUrl: 'https://live.example.com/show-4', productIds: ['p5'], host: { displayName: 'Ana' } });
  await seedReviews(db, s);
  return { shop, created: true };
}
