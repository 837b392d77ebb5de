// `p1`'s reviews, questions and answers, and three live shows, played through the real server in a
// shop of their own: each review written by its customer at its hour (verified buyers order first),
// photos moderated, votes cast one per shopper, the shop's reply; the summary and every listing a
// widget asks for are then the server's.
import { artPhoto } from '../dist/art.js';
import { DAY, HOUR, MINUTE, play, PNG } from './backend.mjs';

const LONG =
  'I have carried this tote every day for three months. It still looks new: the quality of the canvas is excellent, the colour has not faded in the sun, and the leather trim on the strap has softened nicely. It holds a 14-inch laptop, a cardigan, a lunch box and a book without losing its shape, and it stands up on its own on the floor of a café, which sounds minor until you own a bag that flops over. The inside pockets fit a phone and a passport. My only wish is a zip pocket on the outside for a transit card, because digging for it at the gate is the one annoyance left. Delivery took three days. Would buy again in another colour.';
/** The reviews of p1, newest first, as [rating, title, text] (`manyReviews` retells them). @type {[number, string, string][]} */
const TEXTS = [
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
const NAMES = ['Lin', 'Ana', 'Wei', 'Sam', 'Mei', 'Jo', 'Chen', 'Ravi', 'Yu', 'Kim'];
const COLOURS = ['#c9a27e', '#2f4a6d', '#8fa98a', '#7a5c3e'];
/** The photos on some reviews, by review index: the recording's server is gone when the demo runs, so
 * each photo is shown as an inline drawing of what it was. */
const PHOTOS = { 0: ['tote', 'inside'], 2: ['tote'], 4: ['strap'], 8: ['tote', 'strap'] };
const REPLY = 'Sorry about the strap, Mei. We have sent you a replacement and reinforced the stitching on new bags.';
/** The queries a reviews widget makes beyond the default order, as `p1 <field>=<value>…`. */
const LISTINGS = [
  'sort=highest',
  'sort=lowest',
  ...[5, 4, 3, 2, 1].map((n) => `rating=${n} sort=newest`),
  'sort=newest withMedia=true',
];
/** p1's questions, oldest first: [hours ago, text, asker, answers as [hours ago, text, name, role, verified buyer]]. */
/** @type {[number, string, string, [number, string, string, string, boolean?][]][]} */
const QUESTIONS = [
  [
    120,
    'Does it fit a 15-inch laptop?',
    'Priya',
    [
      [118, 'Yes, I carry a 15-inch laptop in it every day, with a charger.', 'Tom B.', 'customer', true],
      [110, 'It fits laptops up to 15.6 inches (38 × 26 cm); the sleeve takes 14.', 'Kith Store', 'merchant'],
    ],
  ],
  [
    90,
    'Is the canvas waterproof or only water-resistant?',
    'Sam',
    [
      [80, 'Mine survived a downpour with dry contents.', 'Mei L.', 'customer'],
      [60, 'Water-resistant: rain beads off the wax, but the seams are not sealed.', 'Dana (expert)', 'expert'],
    ],
  ],
  [40, '有没有黑色的？想买一个送人。', '王芳', [[30, '黑色款下个月到货。', 'Kith Store', 'merchant']]],
  [6, 'Can I put it in the washing machine?', 'Jo', []],
];

/**
 * The query a listing key stands for: `p1 rating=5 sort=newest` → `{ productId: 'p1', rating: 5, sort: 'newest' }`.
 * @param {string} key
 * @returns {import('@kith/core').ReviewQuery}
 */
export function listingQuery(key) {
  const [productId, ...fields] = key.split(' ');
  const q = Object.fromEntries(fields.map((f) => f.split('=')));
  return { productId, ...q, ...(q.rating && { rating: Number(q.rating) }), ...(q.withMedia && { withMedia: true }) };
}

export async function recordCatalogue(b) {
  const shop = await b.addShop();
  const { admin } = shop;
  const names = {};
  const named = (id, name) => ((names[id] = name), id);
  b.at(30 * DAY);
  await admin.call('PUT', '/admin/reviews/settings', { autoPublish: 'all', submissionsPerHour: 1000 });
  // No points for reviews, but for one week (review 7 was written then, and says so).
  const program = (review) => ({
    earn: [
      { action: 'purchase', points: 1, per: { minor: 100, currency: 'USD' } },
      ...(review ? [{ action: 'review', points: 20 }] : []),
    ],
  });
  await admin.call('PUT', '/admin/points/program', program(false));
  const steps = [];
  const votes = [];
  const photos = {};
  TEXTS.forEach(([rating, title, body], i) => {
    const c = `reviewer-${i + 1}`;
    const hours = (i + 1) * 26;
    const write = async () => {
      if (i % 3 !== 2) await admin.reportOrder({ id: `o-${2001 + i}`, customerId: c, productIds: ['p1'] });
      if (i === 6) await admin.call('PUT', '/admin/points/program', program(true));
      const s = shop.shopper(c);
      const media = [];
      for (const [m, kind] of (PHOTOS[i] ?? []).entries()) {
        // A second apart, a minute before the review: the server keeps photos in upload order.
        b.at(hours * HOUR + (60 - m) * 1000);
        const { id } = await s.reviews.uploadMedia(new Blob([PNG], { type: 'image/png' }));
        media.push(named(id, `m-r${i + 1}-${m + 1}`));
        photos[`m-r${i + 1}-${m + 1}`] = artPhoto(`m-r${i + 1}-${m + 1}`, kind, COLOURS[i % 4]);
      }
      b.at(hours * HOUR);
      const displayName = `${NAMES[i % NAMES.length]} ${String.fromCharCode(65 + i)}.`;
      const input = { productId: 'p1', rating, ...(title && { title }), body, displayName, consent: true };
      const review = await s.reviews.submitReview({
        ...input,
        ...(i % 4 !== 3 && { recommend: rating > 2 }),
        ...(media.length && { mediaIds: media }),
      });
      named(review.id, `r${i + 1}`);
      if (i === 6) await admin.call('PUT', '/admin/points/program', program(false));
      if (review.status === 'pending') await admin.approveReview(review.id);
      for (let v = 0; v < (i * 7) % 11; v++) votes.push([review.id, `voter-${v}`]);
    };
    steps.push([hours * HOUR, write]);
  });
  steps.push([100 * HOUR, () => admin.call('POST', `/admin/reviews/${keyOf(names, 'r5')}/reply`, { body: REPLY })]);
  // The votes in the last two hours, a minute apart (the server limits writes per minute).
  const voteCount = TEXTS.reduce((n, _, i) => n + ((i * 7) % 11), 0);
  for (let k = 0; k < voteCount; k++)
    steps.push([2 * HOUR - k * MINUTE, () => shop.shopper(votes[k][1]).reviews.markHelpful(votes[k][0])]);
  let q = 0;
  let a = 0;
  for (const [hours, body, asker, answers] of QUESTIONS) {
    const qid = `q${++q}`;
    steps.push([
      hours * HOUR,
      async () =>
        named(
          (await shop.shopper(`asker-${qid}`).reviews.askQuestion({ productId: 'p1', body, displayName: asker })).id,
          qid,
        ),
    ]);
    for (const [h, text, name, role, verified] of answers) {
      const aid = `a${++a}`;
      const question = () => keyOf(names, qid);
      const answer =
        role === 'customer'
          ? async () => {
              const c = `answerer-${aid}`;
              if (verified) await admin.reportOrder({ id: `o-${3000 + a}`, customerId: c, productIds: ['p1'] });
              return shop.shopper(c).reviews.answerQuestion({ questionId: question(), body: text, displayName: name });
            }
          : () => admin.call('POST', `/admin/questions/${question()}/answers`, { body: text, displayName: name, role });
      steps.push([h * HOUR, async () => named((await answer()).id, aid)]);
    }
  }
  await play(b, { catalogue: steps });
  // Three shows: one next, one live now, one ended with a replay.
  const show = (n, title, host, productIds, startsIn) =>
    admin.createShow({
      id: `show-${n}`,
      title,
      host: { displayName: host },
      productIds,
      streamUrl: `https://live.example.com/show-${n}`,
      startsAt: new Date(Date.now() + startsIn).toISOString(),
    });
  b.at(27 * HOUR);
  await show(3, 'Skincare Q&A', 'Yan', ['p4'], HOUR);
  b.at(26 * HOUR);
  await admin.startShow('show-3', 0);
  b.at(25 * HOUR);
  await admin.endShow('show-3', 'https://live.example.com/show-3/replay');
  b.at(HOUR);
  await show(2, 'Sneaker unboxing', 'Leo', ['p3'], HOUR / 2);
  await show(1, 'Autumn drop, live from the studio', 'Mia', ['p1', 'p2'], 3 * HOUR);
  b.at(HOUR / 2);
  await admin.startShow('show-2', 1284);
  b.at(0);

  const g = shop.guest;
  const reviews = (await g.reviews.listReviews({ productId: 'p1', limit: 50 })).items;
  const listings = {};
  for (const key of LISTINGS.map((k) => `p1 ${k}`))
    listings[key] = (await g.reviews.listReviews({ ...listingQuery(key), limit: 50 })).items.map((r) => r.id);
  const shows = await Promise.all([1, 2, 3].map((n) => g.live.getShow(`show-${n}`)));
  return {
    data: {
      reviews: reviews.map((r) => ({ ...r, media: r.media.map((m) => ({ ...m, ...photos[names[m.id]] })) })),
      summaries: { p1: await g.reviews.getSummary('p1') },
      listings,
      questions: (await g.reviews.listQuestions({ productId: 'p1', limit: 50 })).items,
      shows,
    },
    names,
  };
}
const keyOf = (names, name) => Object.keys(names).find((id) => names[id] === name);
