import type { Db } from './db.js';
import { createShow, endShow, startShow } from './storage/live.js';
import { createShop, getShop, type Shop } from './storage/shops.js';

export const DEMO_SHOP_ID = 'demo-shop';
/** Publishable keys are public by design, so the demo page can name this one. */
export const DEMO_PUBLISHABLE_KEY = 'pk_demo_shop';

const inMinutes = (m: number) => new Date(Date.now() + m * 60_000).toISOString();

/** Creates the demo shop and its shows on first run; later runs keep what is stored. */
export async function seedDemo(db: Db): Promise<{ shop: Shop; created: boolean }> {
  const existing = await getShop(db, DEMO_SHOP_ID);
  if (existing) return { shop: existing, created: false };
  const shop = await createShop(db, { id: DEMO_SHOP_ID, name: 'Kith demo shop', publishableKey: DEMO_PUBLISHABLE_KEY });
  const s = shop.id;
  await createShow(db, s, { id: 'show-1', title: 'Autumn drop, live from the studio', startsAt: inMinutes(120), streamUrl: 'https://live.example.com/show-1', productIds: ['p1', 'p2'], host: { displayName: 'Mia' } });
  await createShow(db, s, { id: 'show-2', title: 'Sneaker unboxing', startsAt: inMinutes(-30), streamUrl: 'https://live.example.com/show-2', productIds: ['p3'], host: { displayName: 'Leo' } });
  await startShow(db, s, 'show-2', 1284);
  await createShow(db, s, { id: 'show-3', title: 'Skincare Q&A', startsAt: inMinutes(-26 * 60), streamUrl: 'https://live.example.com/show-3', productIds: ['p4'], host: { displayName: 'Yan' } });
  await startShow(db, s, 'show-3', 300);
  await endShow(db, s, 'show-3', 'https://live.example.com/show-3/replay');
  await createShow(db, s, { id: 'show-4', title: 'Studio tour', startsAt: inMinutes(24 * 60), streamUrl: 'https://live.example.com/show-4', productIds: ['p5'], host: { displayName: 'Ana' } });
  return { shop, created: true };
}
