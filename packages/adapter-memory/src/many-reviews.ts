import type { Review, ReviewMedia } from '@kith/core';
import { artPhoto, type ArtKind } from './art.js';

// Text bank: what people write about a bag, by aspect and mood. Aspect names are the demo
// topics, and each sentence mentions its aspect, so topic counts and `q` searches find them.
type Mood = 'good' | 'mixed' | 'bad';
const EN: Record<Mood, readonly string[]> = {
  good: [
    'The quality is better than I expected for the price.',
    'Solid build quality, the stitching is neat everywhere.',
    'The size is perfect for a laptop, a water bottle and lunch.',
    'Roomy but not bulky; the size is just right for work.',
    'The colour is exactly as in the photos.',
    'Lovely deep colour that has not faded after washing.',
    'The strap sits comfortably on the shoulder even when the bag is full.',
    'Delivery took two days and it came well packed.',
    'Great value at this price.',
    'The inner pockets keep my keys and phone where I can find them.',
    'The zip runs smoothly and feels sturdy.',
    'Light enough to carry all day.',
  ],
  mixed: [
    'The colour is nice but the strap feels a little thin.',
    'Good quality overall, although the pockets are shallow.',
    'The size is fine, but I expected it to be a bit bigger.',
    'Delivery was slow, the bag itself is okay.',
    'Decent for the price, nothing special.',
    'The zip sticks now and then, otherwise fine.',
  ],
  bad: [
    'Quality is disappointing: threads came loose within a week.',
    'Smaller than it looks; the size in the photos is misleading.',
    'The colour is much duller than the photos.',
    'The strap broke after a month of light use.',
    'Delivery took almost three weeks.',
    'Overpriced for what you get.',
    'The zip jams every other day.',
    'No pocket for a phone, which is odd at this price.',
  ],
};
const ZH: Record<Mood, readonly string[]> = {
  good: [
    '质量很好，做工精细。',
    '颜色和图片一样，很喜欢。',
    '大小刚好，能放下笔记本电脑。',
    '物流很快，两天就到了。',
    '肩带很舒服，背一天也不累。',
    '性价比很高，推荐购买。',
  ],
  mixed: ['还可以，就是肩带有点细。', '颜色不错，口袋有点浅。', '物流有点慢，包本身还行。'],
  bad: ['质量一般，用了一周就开线了。', '颜色比图片暗很多。', '拉链不太顺滑。', '物流太慢了，等了三个星期。'],
};
const OPENERS = [
  'Bought this for my daily commute.',
  'Second one I have ordered.',
  'A gift for my sister.',
  'I use it every day for work.',
  'Took it on a week-long trip.',
  'Replaced an old bag with this one.',
  'Ordered it after seeing it on a friend.',
];
const STORY = [
  'I carried it through three airports and a lot of train stations, stuffed with a jumper, a camera, chargers and snacks, and it never felt like it would give up.',
  'On weekdays it holds my laptop, a lunch box, a notebook and an umbrella; on weekends it becomes the market bag, and it has handled heavy vegetables without complaint.',
  'I compared it with two more expensive bags in a shop before ordering, and honestly the difference in finish is hard to see.',
  'It has been through the rain more than once, and a wipe with a damp cloth was enough to make it look presentable again.',
  'My partner keeps borrowing it, which is probably the best recommendation I can give.',
  'After a couple of months the canvas has softened a little and the bag has taken a nicer shape.',
];
const CLOSERS: Record<Mood, readonly string[]> = {
  good: ['Would buy again.', 'Highly recommend.', 'Happy with it overall.', 'Love it!'],
  mixed: ['It does the job.', 'Not bad, not great.', 'Three stars feels fair.'],
  bad: ['Returning it.', 'Would not buy again.', 'Disappointed.'],
};
const TITLES: Record<Mood, readonly string[]> = {
  good: ['Love it', 'Perfect everyday bag', 'Great value', 'Exactly as pictured', 'Sturdy and roomy', 'My go-to bag'],
  mixed: ['Good, not great', 'Okay for the price', 'Mixed feelings'],
  bad: ['Fell apart', 'Not as pictured', 'Disappointed', 'Poor quality'],
};
const ZH_TITLES: Record<Mood, readonly string[]> = { good: ['很满意', '推荐'], mixed: ['一般'], bad: ['不推荐'] };
const NAMES = [
  'Lin W.',
  'Ana P.',
  'Sam K.',
  'Mei L.',
  'Chen Y.',
  'Ravi S.',
  'Yuki T.',
  'Jo M.',
  'Priya N.',
  'Tom B.',
  'Lucía G.',
  'Omar H.',
  'Eva R.',
  'Kofi A.',
];
const ZH_NAMES = ['王芳', '李娜', '张伟', '刘洋', '陈静'];
const REPLIES: Record<Mood, readonly string[]> = {
  good: [
    'Thank you for the kind words! Enjoy your bag.',
    'So glad it fits your daily routine. Thanks for sharing the photos!',
  ],
  mixed: ['Thanks for the honest feedback; we are looking at the strap and pocket depth for the next batch.'],
  bad: [
    'We are sorry to hear this. Please reply to your order confirmation and we will send a replacement or refund right away.',
    'Sorry about this. The zips on new bags come from a different supplier; we would be glad to swap yours.',
  ],
};
const COLOURS = ['#c9a27e', '#2f4a6d', '#8fa98a', '#7a5c3e', '#b5524a', '#3d3d3d'];
const KINDS: readonly ArtKind[] = ['tote', 'inside', 'strap'];
const RATINGS = [
  [0.52, 5],
  [0.76, 4],
  [0.86, 3],
  [0.91, 2],
  [1, 1],
] as const;
const HOUR = 3_600_000;

/** FNV-1a, then mulberry32: the same numbers for the same product and index, everywhere. */
function random(seed: string): () => number {
  let h = 2166136261;
  for (let i = 0; i < seed.length; i++) h = Math.imul(h ^ seed.charCodeAt(i), 16777619);
  return () => {
    h = (h + 0x6d2b79f5) | 0;
    let t = Math.imul(h ^ (h >>> 15), 1 | h);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * `n` published reviews of `productId`, the same for the same arguments: ratings skewed to 5★,
 * texts from one line to over 600 characters, some in Chinese, some with photos, incentivized
 * or with a merchant reply. Review `i` does not depend on `n`, so a smaller set is a prefix of a
 * larger one. Newest first, 90 minutes apart, before `now`. For benchmarks and Storybook:
 * `adapter.control.addReviews(manyReviews('p1', 10_000))`.
 */
export function manyReviews(productId: string, n: number, now = Date.now()): Review[] {
  return Array.from({ length: n }, (_, i) => review(productId, i, now));
}

function review(productId: string, i: number, now: number): Review {
  const r = random(`${productId}#${i}`);
  const pick = <T>(list: readonly T[]) => list[Math.floor(r() * list.length)]!;
  const roll = r();
  const rating = RATINGS.find(([p]) => roll < p)![1];
  const mood: Mood = rating >= 4 ? 'good' : rating === 3 ? 'mixed' : 'bad';
  const chinese = r() < 0.12;
  const length = r();

  const parts: string[] = [];
  const add = (s: string) => parts.includes(s) || parts.push(s);
  if (chinese) {
    for (let k = 2 + Math.floor(r() * 2); k > 0; k--) add(pick(ZH[mood]));
  } else if (length < 0.25) {
    add(pick(EN[mood]));
    if (r() < 0.3) add('很好用！');
  } else {
    add(pick(OPENERS));
    for (let k = 1 + Math.floor(r() * 3); k > 0; k--) add(pick(EN[mood]));
    // About one in twelve is a long story: keep adding until it passes 600 characters.
    if (length > 0.92) while (parts.join(' ').length <= 600) add(pick(r() < 0.5 ? STORY : EN[mood]));
    add(pick(CLOSERS[mood]));
  }
  let body = parts.join(chinese ? '' : ' ');
  const incentivized = r() < 0.06;
  if (incentivized)
    body += chinese ? '（收到了写评价的优惠券。）' : ' I received a discount code for writing an honest review.';

  const createdAt = now - (i + 1) * 1.5 * HOUR - Math.floor(r() * HOUR);
  const photos = r() < 0.18 ? Math.min(3, 1 + Math.floor(r() * 3)) : 0;
  const colour = pick(COLOURS);
  const media: ReviewMedia[] = Array.from({ length: photos }, (_, k) =>
    artPhoto(`${productId}-m${i + 1}-${k + 1}`, KINDS[k]!, colour),
  );
  const replied = r() < (mood === 'bad' ? 0.45 : 0.06);
  const recommendRoll = r();
  return {
    id: `${productId}-r${i + 1}`,
    productId,
    rating,
    ...(r() < 0.6 ? { title: pick((chinese ? ZH_TITLES : TITLES)[mood]) } : {}),
    body,
    author: { displayName: chinese ? pick(ZH_NAMES) : pick(NAMES), verifiedBuyer: r() < 0.8 },
    media,
    createdAt: new Date(createdAt).toISOString(),
    status: 'published',
    helpfulCount: Math.floor(r() ** 4 * 80),
    ...(incentivized ? { incentivized } : {}),
    ...(recommendRoll < 0.85 ? { recommend: mood === 'good' || (mood === 'mixed' && recommendRoll < 0.4) } : {}),
    ...(replied
      ? {
          reply: {
            body: pick(REPLIES[mood]),
            createdAt: new Date(Math.min(now, createdAt + (2 + Math.floor(r() * 46)) * HOUR)).toISOString(),
          },
        }
      : {}),
  };
}
