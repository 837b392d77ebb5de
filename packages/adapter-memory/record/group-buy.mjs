// `p1`'s group buy in every state a story or test shows, played through the real server: each
// state in a shop of its own (its teams would meet the others' otherwise), the same campaign in
// each, the demo shopper (Alex Kim) joining, leading or paying at their moment.
import { HOUR, MINUTE, play, RECORDED_AT, usd } from './backend.mjs';

/** Solo $59.00, $53.10 each for 2, $50.15 for 3; a day to fill, seats held 15 minutes. */
export const CAMPAIGN = {
  id: 'gb-1',
  productId: 'p1',
  product: { title: 'Everyday tote' },
  soloPrice: usd(5900),
  tiers: [
    { size: 2, price: usd(5310) },
    { size: 3, price: usd(5015) },
  ],
  maxMembers: 3,
  teamDurationSeconds: 86_400,
  holdSeconds: 900,
  reward: { description: 'Free gift wrap' },
};
export const SHOPPER = 'demo-customer';
/** Who plays, by customer id: their name (the server makes the initials). */
const NAMES = { [SHOPPER]: 'Alex Kim', 'c-wei': 'Wei', 'c-lin': 'Lin Chen', 'c-sam': 'Sam', 'c-mei': 'Mei Lin' };
/** The demo's names for the teams the server makes (its ids are random): by the customer who started each. */
const TEAM_NAMES = { 'c-wei': 'team-1', 'c-lin': 'team-2', [SHOPPER]: 'team-you' };

/**
 * Each state: the campaign's changes, and the steps after the shared start (Wei's team forming for
 * 20 h, Lin's won by Sam 3 h ago), as `[ms before now, who, what, team starter]`.
 */
const STATES = {
  forming: {},
  leading: { steps: [[0, SHOPPER, 'start']] },
  reserved: {
    steps: [[0, SHOPPER, 'join', 'c-wei']],
    // What the shopper's team does next: Mei joins, then pays (and the team reaches the first tier).
    script: [
      ['c-mei', 'join', 'c-wei'],
      ['c-mei', 'pay', 'c-wei'],
    ],
  },
  succeeded: {
    steps: [
      [30 * MINUTE, SHOPPER, 'join', 'c-wei'],
      [29 * MINUTE, SHOPPER, 'pay', 'c-wei'],
    ],
  },
  'deeper-tier': { campaign: { maxMembers: 4 }, steps: payers(['c-mei', SHOPPER]) },
  full: { steps: payers(['c-mei', SHOPPER]) },
  // The shopper's own team, started and paid 25 h ago: nobody joined before its deadline an hour ago.
  expired: {
    steps: [
      [25 * HOUR, SHOPPER, 'start'],
      [25 * HOUR - MINUTE, SHOPPER, 'pay', SHOPPER],
      [HOUR - 1, SHOPPER, 'look', SHOPPER],
    ],
    teamId: SHOPPER,
  },
  scheduled: { campaign: { startsAt: 2 * -HOUR }, bare: true },
  ended: { campaign: { endsAt: HOUR }, bare: true },
  // Three units in stock, and the three seats taken.
  'sold-out': { campaign: { stock: 3 } },
};
/** Customers who join Wei's team and pay, 30 and 10 minutes ago. */
function payers(who) {
  return who.flatMap((c, i) => [
    [(30 - 20 * i) * MINUTE, c, 'join', 'c-wei'],
    [(29 - 20 * i) * MINUTE, c, 'pay', 'c-wei'],
  ]);
}

/** The team as served to anyone, with each member's own seat (`you`) by customer id. */
async function teamOf(shop, id) {
  const { serverTime: _, ...team } = await shop.guest.groupBuy.getTeam(id);
  const you = {};
  for (const c of Object.keys(NAMES)) {
    const seat = (await shop.shopper(c).groupBuy.getTeam(id)).you;
    if (seat) you[c] = seat;
  }
  return { ...team, you };
}

export async function recordGroupBuy(b) {
  const shops = {};
  const stories = {};
  let orders = 5000;
  for (const [state, s] of Object.entries(STATES)) {
    const shop = (shops[state] = { ...(await b.addShop()), teams: {} });
    const teams = shop.teams;
    const act = (who, what, starter) => async () => {
      const gb = shop.shopper(who).groupBuy;
      const input = { displayName: NAMES[who] };
      if (what === 'start') return (teams[who] = (await gb.startTeam('gb-1', input)).id);
      if (what === 'join') return gb.joinTeam(teams[starter], input);
      if (what === 'look') return gb.getTeam(teams[starter]);
      const order = { id: `o-${++orders}`, customerId: who, productIds: ['p1'], teamId: teams[starter] };
      return shop.admin.reportOrder(order);
    };
    // Times in the campaign's changes are ms before the recording's moment, as in the steps.
    const time = (k, v) => (k === 'startsAt' || k === 'endsAt' ? new Date(RECORDED_AT - v).toISOString() : v);
    const campaign = Object.fromEntries(Object.entries(s.campaign ?? {}).map(([k, v]) => [k, time(k, v)]));
    const start = [
      [48 * HOUR, () => shop.admin.call('POST', '/admin/group-buys', { ...CAMPAIGN, ...campaign })],
      ...(s.bare
        ? []
        : [
            [20 * HOUR, act('c-wei', 'start')],
            [20 * HOUR - MINUTE, act('c-wei', 'pay', 'c-wei')],
            [3 * HOUR, act('c-lin', 'start')],
            [3 * HOUR - MINUTE, act('c-lin', 'pay', 'c-lin')],
            [2 * HOUR, act('c-sam', 'join', 'c-lin')],
            [2 * HOUR - MINUTE, act('c-sam', 'pay', 'c-lin')],
          ]),
    ];
    stories[state] = [...start, ...(s.steps ?? []).map(([ms, ...a]) => [ms, act(...a)])];
    shop.act = act;
  }
  await play(b, stories);
  const states = {};
  for (const [state, s] of Object.entries(STATES)) {
    const shop = shops[state];
    const { serverTime: _, teams: listed, yourTeam, campaign } = await shop.shopper(SHOPPER).groupBuy.getOffer('p1');
    const ids = Object.values(shop.teams);
    states[state] = {
      campaign,
      listed: listed.map((t) => t.id),
      yours: yourTeam?.id ?? null,
      teams: await Promise.all(ids.map((id) => teamOf(shop, id))),
      teamId: shop.teams[s.teamId ?? ''] ?? yourTeam?.id ?? shop.teams['c-wei'] ?? null,
      script: [],
    };
  }
  // The scripts play after the recording's moment, a minute apart.
  for (const [state, s] of Object.entries(STATES))
    for (const [i, [who, what, starter]] of (s.script ?? []).entries()) {
      b.at(-(i + 1) * MINUTE);
      await shops[state].act(who, what, starter)();
      states[state].script.push(await teamOf(shops[state], shops[state].teams[starter]));
    }
  b.at(0);
  // The server's team ids, named for the demo (per state: each state is its own shop).
  const names = {};
  for (const [state, shop] of Object.entries(shops))
    for (const [starter, id] of Object.entries(shop.teams))
      names[id] = state === 'expired' && starter === SHOPPER ? 'team-expired' : TEAM_NAMES[starter];
  return { states, names };
}
