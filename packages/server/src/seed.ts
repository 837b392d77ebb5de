import { readFile } from 'node:fs/promises';
import type { Db } from './db.js';
import type { Links } from './domains/media/links.js';
import { createDbMediaStore, type MediaStore } from './domains/media/store.js';
import { applyDue, startTeam } from './domains/group-buy/storage.js';
import { createCampaign } from './domains/group-buy/campaigns.js';
import { createReward, getProgramSettings, putProgramSettings } from './domains/points/program.js';
import { putSettings as putReferralSettings } from './domains/referrals/storage.js';
import { createShow, endShow, startShow } from './domains/live/storage.js';
import { addMediaToReview, uploadMedia } from './domains/media/storage.js';
import { createAnswer, createQuestion, staffAnswer } from './domains/questions/storage.js';
import { confirmSeat, recordOrder } from './domains/orders/storage.js';
import { createReview, getSettings, setStatus, updateSettings } from './domains/reviews/storage.js';
import { createShop, getShop, type Shop } from './domains/shops/storage.js';
import { inviteStaff, inviteUrl, reinviteStaff } from './domains/staff/storage.js';
import type { CreateRewardInput } from './domains/points/schemas.js';

export const DEMO_SHOP_ID = 'demo-shop';
/** Publishable keys are public by design, so the demo page can name this one. */
export const DEMO_PUBLISHABLE_KEY = 'pk_demo_shop';

const inMinutes = (m: number) => new Date(Date.now() + m * 60_000).toISOString();

/** [product, rating, text, recommends, photos]: the p1 texts mention every demo topic. */
const REVIEWS: [string, number, string, boolean, string[]?][] = [
  [
    'p1',
    5,
    'Heavy canvas, holds its shape, carries a laptop and lunch with room to spare. Great quality.',
    true,
    ['tote-front.jpg'],
  ],
  [
    'p1',
    4,
    'Lovely colour and sturdy handles. The inside pocket is a little small for a big phone.',
    true,
    ['tote-colour.jpg', 'tote-pocket.png'],
  ],
  ['p1', 5, 'Bought a second one for my sister. 很好用，质量很好！', true],
  ['p1', 3, 'Good bag, but it arrived with a crease that took a week to relax. True to size otherwise.', false],
  ['p1', 5, 'Daily use for three months; the strap and the stitching are still perfect.', true, ['tote-strap.webp']],
  ['p2', 4, 'Comfortable strap and a clean look; wish it came in black.', true],
  ['p3', 2, 'The sole squeaks on smooth floors. Returned them.', false],
  ['p3', 5, 'Best sneakers I have owned, light and grippy.', true],
  ['p4', 4, 'Gentle on my skin and the bottle lasts ages.', true],
];
const NAMES = ['Lin', 'Ana', 'Wei', 'Sam', 'Mei', 'Jo', 'Chen', 'Ravi', 'Yu'];

/** The keywords the demo's filter pills count; each appears in the seeded p1 texts. */
export const DEMO_TOPICS = ['quality', 'size', 'colour', 'strap', 'pocket'];

// Stored URLs are never kept: responses build them per request. The seed discards its responses.
const NO_LINKS: Links = { media: (id) => id };
const daysAgo = (d: number) => new Date(Date.now() - d * 86_400_000).toISOString();
const SEED_MEDIA = new URL('../seed-media/', import.meta.url);

/** Photos through the shopper's upload path: type sniffing, limits, metadata stripping. */
async function upload(
  db: Db,
  store: MediaStore,
  shopId: string,
  customer: string,
  files: readonly string[],
): Promise<string[]> {
  const ids = [];
  for (const file of files)
    ids.push(
      (
        await uploadMedia(
          db,
          store,
          shopId,
          customer,
          new Uint8Array(await readFile(new URL(file, SEED_MEDIA))),
          NO_LINKS,
        )
      ).id,
    );
  return ids;
}

/**
 * Verified reviews from reported orders, through the same code path a shopper's review takes;
 * reviews with photos wait (photos are manual) and are published through the moderator's approve
 * path. Each review is seeded once; a data dir from before photos gets them added to its reviews.
 */
async function seedReviews(db: Db, store: MediaStore, shopId: string) {
  for (const [i, [productId, rating, body, recommend, photos = []]] of REVIEWS.entries()) {
    const customer = `demo-customer-${i}`;
    const { rows } = await db.query<{ id: string; media_count: number }>(
      'SELECT id, media_count FROM reviews WHERE shop_id = $1 AND product_id = $2 AND customer_id = $3',
      [shopId, productId, customer],
    );
    if (rows[0]) {
      if (photos.length && !rows[0].media_count)
        await addMediaToReview(db, shopId, customer, rows[0].id, await upload(db, store, shopId, customer, photos));
      continue;
    }
    if (
      !(await db.query('SELECT 1 FROM orders WHERE shop_id = $1 AND id = $2', [shopId, `demo-order-${i}`])).rows.length
    ) {
      await recordOrder(db, shopId, {
        id: `demo-order-${i}`,
        customerId: customer,
        productIds: [productId],
        placedAt: daysAgo(i + 3),
      });
    }
    const mediaIds = await upload(db, store, shopId, customer, photos);
    const review = await createReview(
      db,
      shopId,
      productId,
      customer,
      `seed-${i}`,
      { rating, body, recommend, displayName: NAMES[i]!, mediaIds },
      NO_LINKS,
    );
    if (mediaIds.length && review.status === 'pending') await setStatus(db, shopId, review.id, 'published', NO_LINKS);
  }
}

const QUESTIONS: { body: string; name: string; staff?: [string, 'merchant' | 'expert', string]; customer?: string }[] =
  [
    {
      body: 'Does a 15-inch laptop fit in the main compartment?',
      name: 'Kai',
      staff: [
        'Kith demo shop',
        'merchant',
        'Yes: the main compartment is 40 × 32 cm, so a 15-inch laptop fits with room for a charger.',
      ],
      customer: 'Mine carries a 15-inch laptop in a sleeve every day, no problem.',
    },
    {
      body: 'Is the canvas waterproof or only water-resistant?',
      name: 'Priya',
      staff: [
        'Dana, textile specialist',
        'expert',
        'Water-resistant: the waxed finish sheds light rain, but a downpour will soak through the seams.',
      ],
    },
    { body: 'Can it go in the washing machine?', name: 'Leo' },
  ];

/** Questions on p1: one answered by the merchant and a customer, one by an expert, one open. */
async function seedQuestions(db: Db, shopId: string) {
  for (const [i, q] of QUESTIONS.entries()) {
    const asker = `demo-asker-${i}`;
    if (
      (await db.query('SELECT 1 FROM questions WHERE shop_id = $1 AND customer_id = $2', [shopId, asker])).rows.length
    )
      continue;
    const question = await createQuestion(db, shopId, 'p1', asker, `seed-q-${i}`, {
      body: q.body,
      displayName: q.name,
    });
    if (q.staff)
      await staffAnswer(db, shopId, question.id, { displayName: q.staff[0], role: q.staff[1], body: q.staff[2] });
    // demo-customer-0 bought p1, so this answer shows as a verified buyer's.
    if (q.customer)
      await createAnswer(db, shopId, question.id, 'demo-customer-0', `seed-a-${i}`, {
        body: q.customer,
        displayName: 'Lin',
      });
  }
}

async function seedTopics(db: Db, shopId: string) {
  if (!(await getSettings(db, shopId)).topics.length) await updateSettings(db, shopId, { topics: DEMO_TOPICS });
}

/** Everything after the shows: each part seeds only what is missing, so old data dirs catch up. */
async function seedReviewsDomain(db: Db, store: MediaStore, shopId: string) {
  await seedReviews(db, store, shopId);
  await seedTopics(db, shopId);
  await seedQuestions(db, shopId);
}

/** The demo page's group buy: the tote (p1) at $59 alone, $49 for two, $44 for three. */
export const DEMO_GROUP_BUY = { campaignId: 'gb-tote', productId: 'p1', leaderId: 'demo-gb-leader' } as const;

/**
 * The tote's campaign, and a forming team led by a seeded shopper whose order is in, so the page
 * always has a team to join and two demo shoppers make it succeed. A data dir outlives a team's
 * 24 h: a later run starts `demo-team-2`, `-3`… when no team is open.
 */
async function seedGroupBuy(db: Db, shopId: string) {
  const { campaignId, productId, leaderId } = DEMO_GROUP_BUY;
  if (
    !(await db.query('SELECT 1 FROM group_buy_campaigns WHERE shop_id = $1 AND id = $2', [shopId, campaignId])).rows
      .length
  ) {
    await createCampaign(db, shopId, {
      id: campaignId,
      productId,
      product: { title: 'Everyday tote' },
      soloPrice: { minor: 5900, currency: 'USD' },
      tiers: [
        { size: 2, price: { minor: 4900, currency: 'USD' } },
        { size: 3, price: { minor: 4400, currency: 'USD' } },
      ],
      maxMembers: 3,
      teamDurationSeconds: 86_400,
      holdSeconds: 900,
      reward: { description: 'A canvas pouch for every member', points: 100 },
    });
  }
  await applyDue(db, { shopId, campaignId });
  const { rows } = await db.query<{ open: boolean; n: number }>(
    `SELECT count(*) FILTER (WHERE state IN ('forming', 'succeeded') AND expires_at > now() AND seats < max_members) > 0 AS open, count(*)::int AS n
     FROM (SELECT t.*, (SELECT count(*) FROM group_buy_seats s WHERE s.shop_id = t.shop_id AND s.team_id = t.id AND s.status IN ('held', 'confirmed')) AS seats
           FROM group_buy_teams t WHERE t.shop_id = $1 AND t.campaign_id = $2) teams`,
    [shopId, campaignId],
  );
  if (rows[0]!.open) return;
  const n = rows[0]!.n + 1;
  const team = await startTeam(db, shopId, campaignId, leaderId, { displayName: 'Mei' }, { teamId: `demo-team-${n}` });
  await confirmSeat(db, shopId, team.id, { id: `demo-gb-order-${n}`, customerId: leaderId, productIds: [productId] });
}

const USD = (minor: number) => ({ minor, currency: 'USD' });

/** The demo program's catalogue: coupons, perks, one for Silver members and one out of stock. */
export const DEMO_REWARDS: readonly (CreateRewardInput & { id: string })[] = [
  {
    id: 'rw-5off',
    title: '$5 off',
    cost: 500,
    kind: 'coupon',
    coupon: { amountOff: USD(500), minimumSpend: USD(3000), validDays: 30 },
  },
  { id: 'rw-ship', title: 'Free shipping on your next order', cost: 300, kind: 'perk', stock: 25 },
  { id: 'rw-10p', title: '10% off', cost: 1200, kind: 'coupon', coupon: { percentOff: 10, validDays: 30 } },
  { id: 'rw-early', title: 'Early access: winter drop', cost: 800, kind: 'perk', tierId: 'silver' },
  { id: 'rw-tote', title: 'Canvas tote gift', cost: 2500, kind: 'perk', stock: 0 },
];

/**
 * "Kith Rewards": the default rules in UTC and the demo catalogue. The program is written once
 * (a merchant's later changes stay); each reward is added when missing.
 */
async function seedPoints(db: Db, shopId: string) {
  if (!(await db.query('SELECT 1 FROM points_programs WHERE shop_id = $1', [shopId])).rows.length) {
    await putProgramSettings(db, shopId, { name: 'Kith Rewards', timeZone: 'UTC' });
  }
  for (const reward of DEMO_REWARDS) {
    if (
      !(await db.query('SELECT 1 FROM points_rewards WHERE shop_id = $1 AND id = $2', [shopId, reward.id])).rows.length
    )
      await createReward(db, shopId, reward);
  }
}

/**
 * The demo's referrals: no landing URL (links go to the demo page's Origin), a $10 coupon for the
 * friend, the points program's referral points for the advocate, and terms. Written once.
 */
async function seedReferrals(db: Db, shopId: string) {
  if (
    (await db.query("SELECT 1 FROM referral_settings WHERE shop_id = $1 AND settings <> '{}'::jsonb", [shopId])).rows
      .length
  )
    return;
  const program = await getProgramSettings(db, shopId);
  const points = program.earn.find((r) => r.action === 'referral')?.points ?? 100;
  await putReferralSettings(db, shopId, {
    landingUrl: null,
    incentive: {
      friend: { kind: 'coupon', amountOff: { minor: 1000, currency: 'USD' } },
      advocate: { kind: 'points', points },
      termsUrl: 'https://shop.example.com/referral-terms',
    },
  });
}

/**
 * Creates the demo shop, its shows, reviews (some with photos), questions, group buy, points
 * program and referral settings on first run; later runs keep what is stored and add only what a data dir from an older
 * version lacks.
 */
export async function seedDemo(
  db: Db,
  store: MediaStore = createDbMediaStore(db),
): Promise<{ shop: Shop; created: boolean }> {
  const existing = await getShop(db, DEMO_SHOP_ID);
  if (existing) {
    await seedReviewsDomain(db, store, existing.id);
    await seedGroupBuy(db, existing.id);
    await seedPoints(db, existing.id);
    await seedReferrals(db, existing.id);
    return { shop: existing, created: false };
  }
  const shop = await createShop(db, { id: DEMO_SHOP_ID, name: 'Kith demo shop', publishableKey: DEMO_PUBLISHABLE_KEY });
  const s = shop.id;
  await createShow(db, s, {
    id: 'show-1',
    title: 'Autumn drop, live from the studio',
    startsAt: inMinutes(120),
    streamUrl: 'https://live.example.com/show-1',
    productIds: ['p1', 'p2'],
    host: { displayName: 'Mia' },
  });
  await createShow(db, s, {
    id: 'show-2',
    title: 'Sneaker unboxing',
    startsAt: inMinutes(-30),
    streamUrl: 'https://live.example.com/show-2',
    productIds: ['p3'],
    host: { displayName: 'Leo' },
  });
  await startShow(db, s, 'show-2', 1284);
  await createShow(db, s, {
    id: 'show-3',
    title: 'Skincare Q&A',
    startsAt: inMinutes(-26 * 60),
    streamUrl: 'https://live.example.com/show-3',
    productIds: ['p4'],
    host: { displayName: 'Yan' },
  });
  await startShow(db, s, 'show-3', 300);
  await endShow(db, s, 'show-3', 'https://live.example.com/show-3/replay');
  await createShow(db, s, {
    id: 'show-4',
    title: 'Studio tour',
    startsAt: inMinutes(24 * 60),
    streamUrl: 'https://live.example.com/show-4',
    productIds: ['p5'],
    host: { displayName: 'Ana' },
  });
  await seedReviewsDomain(db, store, s);
  await seedGroupBuy(db, s);
  await seedPoints(db, s);
  await seedReferrals(db, s);
  return { shop, created: true };
}

/** The demo shop's owner, who signs in to the console (`npm start` prints their link). */
export const DEMO_OWNER_EMAIL = 'owner@demo-shop.example';

/**
 * A one-time link to the console for the demo shop's owner (added on first use): a new one each
 * time, so `npm start` can always print one that works; it sets their password and signs them in.
 */
export async function demoOwnerLink(db: Db, baseUrl: string): Promise<string> {
  const invited = await inviteStaff(db, { shopId: DEMO_SHOP_ID, email: DEMO_OWNER_EMAIL, role: 'owner' });
  const token = invited?.invite ?? (await reinviteStaff(db, DEMO_SHOP_ID, DEMO_OWNER_EMAIL));
  if (!token) throw new Error(`${DEMO_OWNER_EMAIL} is on another shop's staff`);
  return inviteUrl(baseUrl, token);
}
