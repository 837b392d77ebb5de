import type { GroupBuyCampaign, GroupBuyTeam, LedgerEntry, LiveShow, PointsTier, Review, Reward } from '@kith/core';

/** Everything the memory adapter serves. Pass your own to `createMemoryAdapter({ seed })`. */
export interface MemorySeed {
  shows: LiveShow[];
  reviews: Review[];
  campaigns: GroupBuyCampaign[];
  teams: GroupBuyTeam[];
  points: { balance: number; pending: number; earned12m: number; ledger: LedgerEntry[]; streak: number; checkedInToday: boolean };
  tiers: PointsTier[];
  rewards: Reward[];
  referral: { code: string; baseUrl: string; clicks: number; signups: number; orders: number; pointsEarned: number };
}

const iso = (ms: number) => new Date(ms).toISOString();
const HOUR = 3_600_000;
const NAMES = ['Lin', 'Ana', 'Wei', 'Sam', 'Mei', 'Jo', 'Chen', 'Ravi', 'Yu', 'Kim'];
const BODIES = [
  'Fits true to size and the fabric feels great.',
  'Arrived in two days. Colour is a little darker than the photos.',
  'Bought a second one for my sister. 很好用！',
  'Decent for the price, stitching could be better.',
  'Not for me: the strap broke after a week.',
];

/** Deterministic demo data around `now`: a product with a show, reviews, a group buy, points. */
export function demoSeed(now = Date.now()): MemorySeed {
  const reviews: Review[] = Array.from({ length: 24 }, (_, i) => ({
    id: `r${i + 1}`,
    productId: 'p1',
    rating: ([5, 4, 5, 3, 1, 5, 4, 2] as const)[i % 8],
    body: BODIES[i % BODIES.length]!,
    author: { displayName: `${NAMES[i % NAMES.length]} ${String.fromCharCode(65 + (i % 26))}.`, verifiedBuyer: i % 3 !== 2 },
    media: [],
    createdAt: iso(now - (i + 1) * 26 * HOUR),
    status: 'published',
    helpfulCount: (i * 7) % 11,
    ...(i % 4 === 3 ? {} : { recommend: i % 8 !== 4 }),
  }));
  return {
    shows: [
      {
        id: 'show-1', title: 'Autumn drop, live from the studio', status: 'scheduled', startsAt: iso(now + 2 * HOUR),
        streamUrl: 'https://live.example.com/show-1', host: { displayName: 'Mia' }, productIds: ['p1', 'p2'],
      },
      {
        id: 'show-2', title: 'Sneaker unboxing', status: 'live', startsAt: iso(now - HOUR / 2), startedAt: iso(now - HOUR / 2),
        streamUrl: 'https://live.example.com/show-2', viewerCount: 1284, host: { displayName: 'Leo' }, productIds: ['p3'],
      },
      {
        id: 'show-3', title: 'Skincare Q&A', status: 'ended', startsAt: iso(now - 26 * HOUR), startedAt: iso(now - 26 * HOUR),
        endedAt: iso(now - 25 * HOUR), replayUrl: 'https://live.example.com/show-3/replay', host: { displayName: 'Yan' }, productIds: ['p4'],
      },
    ],
    reviews,
    campaigns: [
      {
        id: 'gb-1', product: { id: 'p1', title: 'Everyday tote' }, soloPrice: { minor: 5900, currency: 'USD' },
        tiers: [{ size: 2, price: { minor: 5310, currency: 'USD' } }, { size: 3, price: { minor: 5015, currency: 'USD' } }, { size: 5, price: { minor: 4720, currency: 'USD' } }],
        durationSeconds: 86_400, status: 'active',
      },
    ],
    teams: [
      {
        id: 'team-1', campaignId: 'gb-1', status: 'forming', targetSize: 3, memberCount: 2,
        members: [{ displayName: 'Wei' }, { displayName: 'Ana' }], price: { minor: 5015, currency: 'USD' },
        createdAt: iso(now - 3 * HOUR), expiresAt: iso(now + 21 * HOUR),
      },
    ],
    points: {
      balance: 1240, pending: 180, earned12m: 1520, streak: 2, checkedInToday: false,
      ledger: [
        { id: 'l3', delta: 10, reason: 'review', description: 'Review of Everyday tote', createdAt: iso(now - 24 * HOUR), balanceAfter: 1240 },
        { id: 'l2', delta: -500, reason: 'redeem', description: '$5 coupon', createdAt: iso(now - 72 * HOUR), balanceAfter: 1230 },
        { id: 'l1', delta: 1730, reason: 'purchase', description: 'Order #1042', createdAt: iso(now - 400 * HOUR), balanceAfter: 1730 },
      ],
    },
    tiers: [
      { id: 'bronze', name: 'Bronze', threshold: 0 },
      { id: 'silver', name: 'Silver', threshold: 1000 },
      { id: 'gold', name: 'Gold', threshold: 3000 },
      { id: 'platinum', name: 'Platinum', threshold: 8000 },
    ],
    rewards: [
      { id: 'rw-5', title: '$5 off', cost: 500, kind: 'coupon_amount', value: { minor: 500, currency: 'USD' } },
      { id: 'rw-10p', title: '10% off', cost: 1200, kind: 'coupon_percent', value: { percent: 10 }, minimumSpend: { minor: 3000, currency: 'USD' } },
    ],
    referral: { code: 'MIA-7Q2K', baseUrl: 'https://shop.example.com/p/', clicks: 42, signups: 9, orders: 4, pointsEarned: 200 },
  };
}
