// The demo shopper's points in every state a story or test shows, played through the real server:
// each state in a shop of its own (so its order numbers, codes and stock are that shop's alone),
// all with the same program and catalogue.
import { DAY, MINUTE, play, PNG, usd } from './backend.mjs';
import { CAMPAIGN, SHOPPER } from './group-buy.mjs';

/** The demo catalogue, as a merchant sets it up (codes from their shop's discount codes). */
const REWARDS = [
  { id: 'rw-ship', title: 'Free shipping on your next order', cost: 300, kind: 'perk', stock: 25 },
  {
    id: 'rw-5off',
    title: '$5 off',
    cost: 500,
    kind: 'coupon',
    coupon: { amountOff: usd(500), minimumSpend: usd(3000) },
  },
  { id: 'rw-early', title: 'Early access: winter drop', cost: 800, kind: 'perk', tierId: 'silver' },
  { id: 'rw-10p', title: '10% off', cost: 1200, kind: 'coupon', coupon: { percentOff: 10 } },
  { id: 'rw-tote', title: 'Canvas tote gift', cost: 2500, kind: 'perk', stock: 0 },
];
const CODES = { 'rw-ship': 'SHIP', 'rw-5off': 'FIVE', 'rw-early': 'EARLY', 'rw-10p': 'TENP' };

/** Every state, as a story of `[days before now, step]`; a step gets the state's shop. */
function stories() {
  const order =
    (dollars, productIds = ['p1'], team) =>
    (shop, c = SHOPPER) =>
      shop.admin.reportOrder({
        id: `o-${++shop.orders}`,
        customerId: c,
        productIds,
        total: usd(Math.round(dollars * 100)),
        ...(team && { teamId: shop.team }),
      });
  const lead = async (shop) =>
    (shop.team = (await shop.shopper(SHOPPER).groupBuy.startTeam('gb-1', { displayName: 'Alex Kim' })).id);
  const checkIn = (shop) => shop.shopper(SHOPPER).points.checkIn();
  const redeem = (id) => (shop) => shop.shopper(SHOPPER).points.redeem(id);
  const photoReview = async (shop) => {
    const s = shop.shopper(SHOPPER);
    const photo = await s.reviews.uploadMedia(new Blob([PNG], { type: 'image/png' }));
    const body = 'Sturdy canvas and the pockets hold everything. Second one for my partner.';
    const review = { productId: 'p1', rating: 5, body, displayName: 'Alex K.', consent: true, mediaIds: [photo.id] };
    // Photos wait for a person; the shop's moderator publishes it the same day.
    return shop.admin.approveReview((await s.reviews.submitReview(review)).id);
  };
  const days = (n, step) => [n * DAY, step];
  const since = (first) => [
    days(first, order(1150)),
    days(200, redeem('rw-5off')),
    days(60, (shop) =>
      shop.admin.call('POST', '/admin/points/earn', { customerId: SHOPPER, action: 'referral', sourceId: 'friend-1' }),
    ),
    days(40, photoReview),
    days(12, (shop) => shop.admin.adjustPoints(SHOPPER, 30, 'Sorry your parcel was late')),
    days(5, order(180, ['p2'])),
  ];
  const base = since(300);
  const member = [...base, days(2, checkIn), days(1, checkIn)];
  const checkedIn = [...member, [0, checkIn]];
  const week = [...base, ...[6, 5, 4, 3, 2, 1].map((n) => days(n, checkIn))];
  const rich = [...member, days(35, order(460))];
  const then = (story, ...steps) => [...story, ...steps.map((s) => [0, s])];
  return {
    member,
    'new-member': [],
    'checked-in': checkedIn,
    'bonus-next': week,
    // A first order 385 days ago: what is left of it expires in 10 days (30 pending + 12 months).
    expiring: [...since(385), days(2, checkIn), days(1, checkIn)],
    // A week of check-ins and a team led to success: every badge.
    'top-tier': [
      ...member,
      ...[100, 99, 98, 97, 96, 95, 94].map((n) => days(n, checkIn)),
      days(80, lead),
      [80 * DAY - 5 * MINUTE, order(53.1, ['p1'], true)],
      [
        80 * DAY - 10 * MINUTE,
        (shop) => shop.shopper('c-mei').groupBuy.joinTeam(shop.team, { displayName: 'Mei Lin' }),
      ],
      [80 * DAY - 15 * MINUTE, (shop) => order(53.1, ['p1'], true)(shop, 'c-mei')],
      days(45, order(2215)),
    ],
    rich,
    // What each write leaves, from the states that offer it.
    ...Object.fromEntries(
      ['rw-ship', 'rw-5off', 'rw-early'].flatMap((r) => [
        [`member+redeem:${r}`, then(member, redeem(r))],
        [`checked-in+redeem:${r}`, then(checkedIn, redeem(r))],
      ]),
    ),
    'bonus-next+checkIn': then(week, checkIn),
    'rich+redeem:rw-10p': then(rich, redeem('rw-10p')),
  };
}
/** Which state each write leads to, from each state that offers it. */
const AFTER = {
  member: { checkIn: 'checked-in', 'redeem:rw-ship': '', 'redeem:rw-5off': '', 'redeem:rw-early': '' },
  'checked-in': { 'redeem:rw-ship': '', 'redeem:rw-5off': '', 'redeem:rw-early': '' },
  'bonus-next': { checkIn: '' },
  rich: { 'redeem:rw-10p': '' },
};

/** The program, catalogue and group buy every state's shop starts with, 400 days ago. */
async function setUp(b) {
  const shop = { ...(await b.addShop()), orders: 1000, team: '' };
  const { admin } = shop;
  const program = { name: 'Kith Rewards', termsUrl: 'https://shop.example.com/rewards/terms' };
  await admin.call('PUT', '/admin/points/program', program);
  await admin.call('PUT', '/admin/reviews/settings', { autoPublish: 'all', submissionsPerHour: 1000 });
  await admin.call('POST', '/admin/group-buys', CAMPAIGN);
  for (const r of REWARDS) {
    await admin.call('POST', '/admin/points/rewards', r);
    const prefix = CODES[r.id];
    if (prefix) {
      const codes = Array.from({ length: 200 }, (_, i) => `KITH-${prefix}-${String(i + 1).padStart(3, '0')}`);
      await admin.call('POST', `/admin/points/rewards/${r.id}/codes`, { codes });
    }
  }
  return shop;
}

export async function recordPoints(b) {
  b.at(400 * DAY);
  const story = stories();
  const shops = {};
  for (const state of Object.keys(story)) shops[state] = await setUp(b);
  const answers = await play(
    b,
    Object.fromEntries(
      Object.entries(story).map(([state, steps]) => [state, steps.map(([at, run]) => [at, () => run(shops[state])])]),
    ),
  );
  const states = {};
  for (const [state, shop] of Object.entries(shops)) {
    const s = shop.shopper(SHOPPER).points;
    const { serverTime: _, ...account } = await s.getAccount();
    const { items: history } = await s.listHistory({ limit: 50 });
    states[state] = { account, history };
  }
  for (const [from, writes] of Object.entries(AFTER))
    states[from].after = Object.fromEntries(
      Object.entries(writes).map(([write, to]) => {
        const then = to || `${from}+${write}`;
        const { account: _, ...answer } = answers[then];
        return [write, { answer, then }];
      }),
    );
  return { program: await shops.member.guest.points.getProgram(), states };
}
