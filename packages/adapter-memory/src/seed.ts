import type { AnswerRole, LiveShow, Question, Review, ReviewSummary, UploadedMedia } from '@kith/core';
import { artPhoto, type ArtKind } from './art.js';
import type { MemoryOffer, MemoryTeam } from './group-buy.js';
import { demoGroupBuy } from './group-buy-demo.js';
import type { MemoryPointsFixture } from './points.js';
import { demoPointsFixture } from './points-demo.js';
import type { MemoryReferralsFixture } from './referrals.js';
import { demoReferralsFixture } from './referrals-demo.js';
import { HOUR, iso } from './served.js';

/** A signed-in shopper. */
export interface MemoryCustomer {
  readonly id: string;
  readonly displayName: string;
}
/** The demo's shopper, who holds its points account and referral link (`AK` in the group-buy teams). */
export const DEMO_SHOPPER: MemoryCustomer = { id: 'demo-customer', displayName: 'Alex Kim' };

/** Everything the memory adapter serves. Pass your own to `createMemoryAdapter({ seed })`. */
export interface MemorySeed {
  shows: LiveShow[];
  reviews: Review[];
  /** Questions as served: newest first, each with its published answers in the served order. */
  questions?: Question[];
  /** Each product's review summary as served; a product without one answers an empty summary. */
  summaries?: Record<string, ReviewSummary>;
  /** Review listings as served by query (`p1 rating=5 sort=newest`): ids in order, space-separated. */
  listings?: Record<string, string>;
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

const LONG =
  'I have carried this tote every day for three months. It still looks new: the quality of the canvas is excellent, the colour has not faded in the sun, and the leather trim on the strap has softened nicely. It holds a 14-inch laptop, a cardigan, a lunch box and a book without losing its shape, and it stands up on its own on the floor of a café, which sounds minor until you own a bag that flops over. The inside pockets fit a phone and a passport. My only wish is a zip pocket on the outside for a transit card, because digging for it at the gate is the one annoyance left. Delivery took three days. Would buy again in another colour.';
/** The reviews of p1 as served, newest first, as [rating, title, text] (manyReviews retells them). */
export const TEXTS: readonly (readonly [Review['rating'], string, string])[] = [
  [5, 'Perfect everyday bag', 'Sturdy canvas, great quality stitching. The size fits my laptop, a bottle and lunch.'],
  [4, 'Good, strap a bit thin', 'Fits true to size and the fabric feels great, but the strap digs in when full.'],
  [5, '', 'Bought a second one for my sister. 很好用！The colour is even nicer in person.'],
  [3, 'Nice colour, so-so pockets', 'The colour is darker than the photos and the inner pockets are shallow.'],
  [1, 'Strap broke', 'The strap broke after a week of carrying groceries. Quality control needs work.'],
  [5, 'Worth every cent', 'Great price for this quality. The zip runs smoothly and the pockets hold my keys.'],
  [4, 'Solid', 'Decent size for daily use. Delivery was quick and it came well packed.'],
  [2, '', 'Decent for the price, stitching could be better and the colour faded after one wash.'],
  [5, 'Love it', LONG],
  [4, 'Good size', 'The size is right for work. I would have liked a longer strap.'],
  [5, '质量很好', '质量很好，颜色和图片一样。大小刚好，能放下笔记本电脑。'],
  [3, '', 'Average quality. The colour is nice but the zip sticks now and then.'],
  [1, 'Fell apart', 'Seams split at the bottom after two weeks. The quality is not what the price suggests.'],
  [5, 'Exactly as pictured', 'Colour and size exactly as pictured. Delivery to Singapore took four days.'],
  [4, 'Nice', 'Nice bag, comfortable strap, pockets could be deeper.'],
  [2, 'Not as roomy', 'Smaller than I expected from the photos: check the size before you order.'],
];
export const NAMES = ['Lin', 'Ana', 'Wei', 'Sam', 'Mei', 'Jo', 'Chen', 'Ravi', 'Yu', 'Kim'];
export const COLOURS = ['#c9a27e', '#2f4a6d', '#8fa98a', '#7a5c3e'];
/** The photos on some reviews of p1, by review index. */
const PHOTOS: Record<number, ArtKind[]> = { 0: ['tote', 'inside'], 2: ['tote'], 4: ['strap'], 8: ['tote', 'strap'] };
const REPLY = 'Sorry about the strap, Mei. We have sent you a replacement and reinforced the stitching on new bags.';

function demoReviews(now: number): Review[] {
  return TEXTS.map(([rating, title, body], i) => ({
    id: `r${i + 1}`,
    productId: 'p1',
    rating,
    ...(title ? { title } : {}),
    body,
    author: { displayName: `${NAMES[i % NAMES.length]} ${String.fromCharCode(65 + i)}.`, verifiedBuyer: i % 3 !== 2 },
    media: (PHOTOS[i] ?? []).map((kind, m) => artPhoto(`m-r${i + 1}-${m + 1}`, kind, COLOURS[i % 4]!)),
    createdAt: iso(now - (i + 1) * 26 * HOUR),
    status: 'published',
    helpfulCount: (i * 7) % 11,
    ...(i % 4 === 3 ? {} : { recommend: rating > 2 }),
    ...(i === 6 ? { incentivized: true } : {}),
    ...(i === 4 ? { reply: { body: REPLY, createdAt: iso(now - 100 * HOUR) } } : {}),
  }));
}

/** p1's summary and listings (review ids in order) as the server serves them for the reviews above. */
const P1_SUMMARY: ReviewSummary = {
  productId: 'p1',
  average: 3.6,
  count: 16,
  histogram: [2, 2, 2, 4, 6],
  recommendPercent: 83,
  withMediaCount: 4,
};
const P1_LISTINGS = {
  'p1 sort=highest': 'r1 r3 r6 r9 r11 r14 r2 r7 r10 r15 r4 r12 r8 r16 r5 r13',
  'p1 sort=lowest': 'r5 r13 r8 r16 r4 r12 r2 r7 r10 r15 r1 r3 r6 r9 r11 r14',
  'p1 rating=5 sort=newest': 'r1 r3 r6 r9 r11 r14',
  'p1 rating=4 sort=newest': 'r2 r7 r10 r15',
  'p1 rating=3 sort=newest': 'r4 r12',
  'p1 rating=2 sort=newest': 'r8 r16',
  'p1 rating=1 sort=newest': 'r5 r13',
  'p1 sort=newest withMedia=true': 'r1 r3 r5 r9',
};

type Answered = [id: string, hoursAgo: number, body: string, name: string, role: AnswerRole, verifiedBuyer?: boolean];
/** p1's questions as served: newest first, the shop's and experts' answers before customers'. */
function demoQuestions(now: number): Question[] {
  const at = (hoursAgo: number) => ({ createdAt: iso(now - hoursAgo * HOUR), status: 'published' as const });
  const answer = (questionId: string, [id, h, body, name, role, verifiedBuyer = false]: Answered) => {
    const author = { displayName: name, role, verifiedBuyer };
    return { id, questionId, body, author, ...at(h) };
  };
  const q = (id: string, h: number, body: string, displayName: string, answers: Answered[] = []): Question => {
    const author = { displayName };
    return { id, productId: 'p1', body, author, answers: answers.map((a) => answer(id, a)), ...at(h) };
  };
  return [
    q('q4', 6, 'Can I put it in the washing machine?', 'Jo'),
    q('q3', 40, '有没有黑色的？', '王芳', [['a6', 30, '黑色款下个月到货。', 'Kith Store', 'merchant']]),
    q('q2', 90, 'Is the canvas waterproof or only water-resistant?', 'Sam', [
      ['a5', 60, 'Water-resistant: rain beads off the wax, but the seams are not sealed.', 'Dana (expert)', 'expert'],
      ['a4', 80, 'Mine survived a downpour with dry contents.', 'Mei L.', 'customer'],
    ]),
    q('q1', 120, 'Does it fit a 15-inch laptop?', 'Priya', [
      ['a2', 110, 'It fits laptops up to 15.6 inches (38 × 26 cm); the sleeve takes 14.', 'Kith Store', 'merchant'],
      ['a1', 118, 'Yes, I carry a 15-inch laptop in it every day, with a charger.', 'Tom B.', 'customer', true],
    ]),
  ];
}

/** A scheduled, a live and an ended show. */
function demoShows(now: number): LiveShow[] {
  const show = (n: number, status: LiveShow['status'], title: string, host: string, productIds: string[]) => {
    const id = `show-${n}`;
    return { id, status, title, streamUrl: `https://live.example.com/${id}`, host: { displayName: host }, productIds };
  };
  const [soon, ago, ended] = [iso(now + 2 * HOUR), iso(now - HOUR / 2), iso(now - 26 * HOUR)];
  const replay = { endedAt: iso(now - 25 * HOUR), replayUrl: 'https://live.example.com/show-3/replay' };
  return [
    { ...show(1, 'scheduled', 'Autumn drop, live from the studio', 'Mia', ['p1', 'p2']), startsAt: soon },
    { ...show(2, 'live', 'Sneaker unboxing', 'Leo', ['p3']), startsAt: ago, startedAt: ago, viewerCount: 1284 },
    { ...show(3, 'ended', 'Skincare Q&A', 'Yan', ['p4']), startsAt: ended, startedAt: ended, ...replay },
  ];
}

/**
 * Deterministic demo data around `now`: a product with a show, reviews with photos, Q&A, a group buy, points and
 * referrals. `customerId` (the adapter passes its signed-in customer) holds the demo points account and advocates
 * with referral code `ALEX-7Q2K`; Lin's code `LIN-8H3M` comes with it.
 */
export function demoSeed(now = Date.now(), customerId = DEMO_SHOPPER.id): MemorySeed {
  const { offers, teams } = demoGroupBuy('forming', now, customerId);
  return {
    shows: demoShows(now),
    reviews: demoReviews(now),
    questions: demoQuestions(now),
    offers,
    teams,
    summaries: { p1: P1_SUMMARY },
    listings: P1_LISTINGS,
    points: demoPointsFixture(now, customerId),
    referrals: demoReferralsFixture(now, customerId),
  };
}
