import type {
  GroupBuyCampaign,
  GroupBuyMember,
  GroupBuySeat,
  LiveShow,
  Question,
  Review,
  ReviewMedia,
  ReviewSummary,
  UploadedMedia,
} from '@kith/core';
import { artPhoto } from './art.js';
import type { MemoryOffer, MemoryTeam } from './group-buy.js';
import type { MemoryPointsFixture } from './points.js';
import { demoPointsFixture } from './points-demo.js';
import type { MemoryReferralsFixture } from './referrals.js';
import { demoReferralsFixture } from './referrals-demo.js';

/** A signed-in shopper. */
export interface MemoryCustomer {
  readonly id: string;
  readonly displayName: string;
}

/** What a customer bought: the demo outcomes mark their reviews and answers about these products verified. */
export interface MemoryOrder {
  readonly id?: string;
  readonly customerId: string;
  readonly productIds: readonly string[];
}

/** Everything the memory adapter serves. Pass your own to `createMemoryAdapter({ seed })`. */
export interface MemorySeed {
  shows: LiveShow[];
  reviews: Review[];
  /** Questions with all their answers, in any status; only published ones are listed. */
  questions?: Question[];
  /** Orders, the proof behind "verified buyer" in the demo outcomes. */
  orders?: MemoryOrder[];
  /** The topic keywords the summary counts mentions of. */
  reviewSettings?: { readonly topics?: readonly string[] };
  /** A product's summary as served, when it should not be the count of its published reviews above. */
  summaries?: Record<string, ReviewSummary>;
  /** Photos uploaded through `uploadMedia`, for the review that uses them. */
  uploads?: UploadedMedia[];
  /** Group-buy offers as served, one per product: the campaign, the teams it lists, each customer's team. */
  offers?: MemoryOffer[];
  /** Group-buy teams as served (see `MemoryTeam`). */
  teams?: MemoryTeam[];
  /** The points program and each customer's account and history, as served (nothing is derived). */
  points?: MemoryPointsFixture;
  /** Referral links, offers and stats, as served (nothing is derived). */
  referrals?: MemoryReferralsFixture;
}

const iso = (ms: number) => new Date(ms).toISOString();
const HOUR = 3_600_000;
const usd = (minor: number) => ({ minor, currency: 'USD' });
const tier = (size: number, minor: number) => ({ size, price: usd(minor) });
/** The demo group buy on `p1`: solo $59.00, $53.10 each for 2, $50.15 for 3; a day to fill, seats held 15 minutes. */
export const demoCampaign = (now: number): GroupBuyCampaign => ({
  id: 'gb-1',
  product: { id: 'p1', title: 'Everyday tote' },
  soloPrice: usd(5900),
  tiers: [tier(2, 5310), tier(3, 5015)],
  maxMembers: 3,
  teamDurationSeconds: 86_400,
  holdSeconds: 900,
  startsAt: iso(now - 48 * HOUR),
  status: 'active',
  reward: { description: 'Free gift wrap' },
});
/** A member as served (the server makes the initials; the demo writes them). */
export function member(initials: string, seat: GroupBuySeat = 'confirmed', leader = false): GroupBuyMember {
  return { initials, leader, seat };
}
export function hours(now: number, start: number, end: number) {
  return { createdAt: iso(now + start * HOUR), expiresAt: iso(now + end * HOUR) };
}
/** `team-1`: Wei's, forming (1 of 3), 4 h left. `team-2`: Lin's, succeeded at $53.10 (2 of 3), 21 h left. */
export function demoTeams(now: number): MemoryTeam[] {
  const { tiers, soloPrice } = demoCampaign(now);
  const gb1 = { campaignId: 'gb-1', productId: 'p1', maxMembers: 3, tiers, soloPrice, tierReached: null };
  const wei = { id: 'team-1', state: 'forming', leaderName: 'Wei', members: [member('W', 'confirmed', true)] } as const;
  const you = { 'c-wei': { seat: 'confirmed', leader: true, price: tiers[0]!.price } } as const;
  const lin = { id: 'team-2', leaderName: 'Lin Chen', members: [member('LC', 'confirmed', true), member('S')] };
  const won = { state: 'succeeded', confirmedCount: 2, seatCount: 2, tierReached: tiers[0]! } as const;
  const team1: MemoryTeam = { ...gb1, ...wei, confirmedCount: 1, seatCount: 1, ...hours(now, -20, 4), you };
  return [team1, { ...team1, ...lin, ...won, ...hours(now, -3, 21), you: {} }];
}
/** The demo offer: `gb-1` listing its teams, soonest deadline first. */
export const demoOffer = (now: number): MemoryOffer => ({ campaign: demoCampaign(now), teams: ['team-1', 'team-2'] });
const NAMES = ['Lin', 'Ana', 'Wei', 'Sam', 'Mei', 'Jo', 'Chen', 'Ravi', 'Yu', 'Kim'];
const RATINGS = [5, 4, 5, 3, 1, 5, 4, 2] as const;
/** One text per review of p1, matching its rating (RATINGS repeats every 8). */
const TEXTS: readonly (readonly [title: string | undefined, body: string])[] = [
  [
    'Perfect everyday bag',
    'Sturdy canvas and great quality stitching. The size fits my laptop, a water bottle and lunch.',
  ],
  [
    'Good, strap a bit thin',
    'Fits true to size and the fabric feels great, but the strap digs in when the bag is full.',
  ],
  [undefined, 'Bought a second one for my sister. 很好用！The colour is even nicer in person.'],
  [
    'Nice colour, so-so pockets',
    'Arrived in two days. Colour is a little darker than the photos and the inner pockets are shallow.',
  ],
  ['Strap broke', 'Not for me: the strap broke after a week of carrying groceries. Quality control needs work.'],
  [
    'Worth every cent',
    'Great price for this quality. The zip runs smoothly and the pockets keep my keys where I can find them.',
  ],
  ['Solid', 'Decent size for daily use. Delivery was quick and it came well packed.'],
  [undefined, 'Decent for the price, stitching could be better and the colour faded after one wash.'],
  [
    'Love it',
    'I have carried this tote every day for three months. It still looks new: the quality of the canvas is excellent, the colour has not faded in the sun, and the leather trim on the strap has softened nicely. It holds a 14-inch laptop, a cardigan, a lunch box and a book without losing its shape, and it stands up on its own on the floor of a café, which sounds minor until you own a bag that flops over. The inside pockets fit a phone and a passport. My only wish is a zip pocket on the outside for a transit card, because digging for it at the gate is the one annoyance left. Delivery took three days. Would buy again in another colour.',
  ],
  ['Good size', 'The size is right for work. I would have liked a longer strap.'],
  ['质量很好', '质量很好，颜色和图片一样。大小刚好，能放下笔记本电脑。'],
  [undefined, 'Average quality. The colour is nice but the zip sticks now and then.'],
  ['Fell apart', 'Seams split at the bottom after two weeks. The quality is not what the price suggests.'],
  ['Exactly as pictured', 'Colour and size exactly as pictured. Delivery to Singapore took four days.'],
  ['Nice', 'Nice bag, comfortable strap, pockets could be deeper.'],
  ['Not as roomy', 'Smaller than I expected from the photos: check the size before you order.'],
  ['Great gift', 'Gave it to my mum and she uses it every day. Lovely colour and good quality.'],
  [undefined, 'Roomy and light. The strap is comfortable even with a laptop inside.'],
  ['Mixed feelings', 'Good quality canvas, but the colour is not the same as on my screen.'],
  ['一般', '物流很慢，拉链不太顺滑。Quality is fine, delivery was not.'],
  ['Best tote I own', 'The quality is superb and the price was fair. I get compliments on the colour all the time.'],
  ['Very practical', 'Pockets everywhere, a sturdy zip and a strap that stays on the shoulder.'],
  ['My go-to bag', 'Fits everything. Size and colour are spot on.'],
  ['Disappointing', 'The strap stitching came loose within a month and the colour rubbed off on my coat.'],
];

const TAN = '#c9a27e';
const NAVY = '#2f4a6d';
const SAGE = '#8fa98a';
/** Photos on some reviews of p1, by review index. */
const PHOTOS: Record<number, readonly ReviewMedia[]> = {
  0: [artPhoto('m-r1-1', 'tote', TAN), artPhoto('m-r1-2', 'inside', TAN)],
  2: [artPhoto('m-r3-1', 'tote', SAGE)],
  4: [artPhoto('m-r5-1', 'strap', '#7a5c3e')],
  8: [artPhoto('m-r9-1', 'tote', NAVY), artPhoto('m-r9-2', 'inside', NAVY), artPhoto('m-r9-3', 'strap', NAVY)],
  13: [artPhoto('m-r14-1', 'tote', SAGE)],
};

/** The reviews of p1, one per text, newest first. */
function demoReviews(now: number): Review[] {
  return TEXTS.map(([title, body], i) => ({
    id: `r${i + 1}`,
    productId: 'p1',
    rating: RATINGS[i % 8]!,
    ...(title ? { title } : {}),
    body,
    author: {
      displayName: `${NAMES[i % NAMES.length]} ${String.fromCharCode(65 + (i % 26))}.`,
      verifiedBuyer: i % 3 !== 2,
    },
    media: PHOTOS[i] ?? [],
    createdAt: iso(now - (i + 1) * 26 * HOUR),
    status: 'published',
    helpfulCount: (i * 7) % 11,
    ...(i % 4 === 3 ? {} : { recommend: i % 8 !== 4 }),
    ...(i === 6 ? { incentivized: true } : {}),
    ...(i === 4
      ? {
          reply: {
            body: 'Sorry about the strap, Mei. We have sent you a replacement and reinforced the stitching on new bags.',
            createdAt: iso(now - 100 * HOUR),
          },
        }
      : {}),
  }));
}

/** The questions about p1, answered by customers, the merchant and an expert, some waiting for moderation. */
function demoQuestions(now: number): Question[] {
  const asked = (
    id: string,
    hoursAgo: number,
    body: string,
    displayName: string,
    status: Question['status'] = 'published',
  ) => ({ id, productId: 'p1', body, author: { displayName }, createdAt: iso(now - hoursAgo * HOUR), status });
  const answer = (
    questionId: string,
    id: string,
    hoursAgo: number,
    body: string,
    displayName: string,
    role: 'customer' | 'merchant' | 'expert',
    verifiedBuyer = false,
    status: Question['status'] = 'published',
  ) => ({
    id,
    questionId,
    body,
    author: { displayName, role, verifiedBuyer },
    createdAt: iso(now - hoursAgo * HOUR),
    status,
  });
  return [
    {
      ...asked('q1', 120, 'Does it fit a 15-inch laptop?', 'Priya'),
      answers: [
        answer(
          'q1',
          'a1',
          118,
          'Yes, I carry a 15-inch laptop in mine every day; it fits with room for a charger.',
          'Tom B.',
          'customer',
          true,
        ),
        answer(
          'q1',
          'a2',
          110,
          'It fits laptops up to 15.6 inches (38 × 26 cm). The padded sleeve takes up to 14 inches.',
          'Kith Store',
          'merchant',
        ),
        answer('q1', 'a3', 100, 'Add me on WeChat for a better price', 'deals4u', 'customer', false, 'pending'),
      ],
    },
    {
      ...asked('q2', 90, 'Is the canvas waterproof or only water-resistant?', 'Sam'),
      answers: [
        answer('q2', 'a4', 80, 'Mine survived a downpour with dry contents.', 'Mei L.', 'customer'),
        answer(
          'q2',
          'a5',
          60,
          'Water-resistant: the canvas is waxed, so rain beads off, but it is not seam-sealed. Re-wax once a year.',
          'Dana, materials specialist',
          'expert',
        ),
      ],
    },
    {
      ...asked('q3', 40, '有没有黑色的？', '王芳'),
      answers: [answer('q3', 'a6', 30, '黑色款下个月到货。', 'Kith Store', 'merchant')],
    },
    { ...asked('q4', 6, 'Can I put it in the washing machine?', 'Jo'), answers: [] },
    {
      ...asked('q5', 3, 'Cheaper at www.example-deals.test, is that the same bag?', 'bargains', 'pending'),
      answers: [],
    },
  ];
}

/** A scheduled, a live and an ended show. */
function demoShows(now: number): MemorySeed['shows'] {
  return [
    {
      id: 'show-1',
      title: 'Autumn drop, live from the studio',
      status: 'scheduled',
      startsAt: iso(now + 2 * HOUR),
      streamUrl: 'https://live.example.com/show-1',
      host: { displayName: 'Mia' },
      productIds: ['p1', 'p2'],
    },
    {
      id: 'show-2',
      title: 'Sneaker unboxing',
      status: 'live',
      startsAt: iso(now - HOUR / 2),
      startedAt: iso(now - HOUR / 2),
      streamUrl: 'https://live.example.com/show-2',
      viewerCount: 1284,
      host: { displayName: 'Leo' },
      productIds: ['p3'],
    },
    {
      id: 'show-3',
      title: 'Skincare Q&A',
      status: 'ended',
      startsAt: iso(now - 26 * HOUR),
      startedAt: iso(now - 26 * HOUR),
      endedAt: iso(now - 25 * HOUR),
      replayUrl: 'https://live.example.com/show-3/replay',
      host: { displayName: 'Yan' },
      productIds: ['p4'],
    },
  ];
}

/**
 * Deterministic demo data around `now`: a product with a show, reviews with photos, Q&A, a group
 * buy, points, referrals. `customerId` is who bought `p1` and `p3` in four orders, holds the demo
 * points account and advocates with referral code `ALEX-7Q2K` (the adapter passes its signed-in
 * customer); Lin's code `LIN-8H3M` comes with it (`demoReferralsFixture`).
 */
export function demoSeed(now = Date.now(), customerId = 'demo-customer'): MemorySeed {
  // The shopper's orders: their reviews and answers about p1 and p3 are verified.
  const orders = ['o-1001', 'o-1042', 'o-1068', 'o-1107'].map((id, i) => ({
    id,
    customerId,
    productIds: i % 2 ? ['p1'] : ['p3'],
  }));
  return {
    shows: demoShows(now),
    reviews: demoReviews(now),
    questions: demoQuestions(now),
    offers: [demoOffer(now)],
    teams: demoTeams(now),
    orders,
    reviewSettings: { topics: ['quality', 'size', 'colour', 'strap', 'pockets', 'zip', 'delivery', 'price'] },
    points: demoPointsFixture(now, customerId),
    referrals: demoReferralsFixture(now, customerId),
  };
}
