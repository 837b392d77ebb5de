// Referrals in every state a story or test shows, played through the real server, each state in a
// shop of its own: Lin's code, the demo shopper's code with visits, sign-ups and referred orders
// over four months, a merchant's denial, and shops with the program off or Lin's code used up.
import { DAY, HOUR, play } from './backend.mjs';
import { SHOPPER } from './group-buy.mjs';

const SITE = 'https://shop.example.com/';
/** Each state: whether the shopper has a link, settings changed an hour ago, Lin's friends' orders. */
const STATES = {
  advocate: { link: true },
  'new-advocate': { link: false },
  // The merchant turned the program off an hour ago.
  'no-program': { link: true, later: { enabled: false } },
  // An hour ago the merchant allowed two referred orders a code; Lin's friends made two.
  capped: { link: true, later: { maxConversionsPerCode: 2 }, linFriends: 2 },
};
/** The shopper's friends' orders: days ago, customer, and what happens to the conversion then. @type {[number, string, string?][]} */
const FRIENDS = [
  [130, 'mei'],
  [90, 'jun'],
  [6, 'rosa'],
  [5, 'dan', 'deny'],
  [2, 'yuki'],
  // The same network as Yuki's half an hour later: flagged for the merchant to look at.
  [2 - 0.5 / 24, 'yan'],
];

export async function recordReferrals(b) {
  const shops = {};
  const stories = {};
  let orders = 7000;
  for (const [state, s] of Object.entries(STATES)) {
    const shop = (shops[state] = { ...(await b.addShop()), codes: {} });
    const link = (who, name) => async () =>
      (shop.codes[who] = (await shop.shopper(who).referrals.createLink({ url: SITE, displayName: name })).code);
    const order = (who, code, ip) => () =>
      shop.admin.reportOrder({
        id: `o-${++orders}`,
        customerId: who,
        productIds: ['p1'],
        referralCode: shop.codes[code],
        ip,
      });
    const steps = [
      [300 * DAY, () => shop.admin.call('PUT', '/admin/referrals/settings', { landingUrl: SITE, sameIpLimit: 1 })],
      ...(s.later ? [[HOUR, () => shop.admin.call('PUT', '/admin/referrals/settings', s.later)]] : []),
      [200 * DAY, link('c-lin', 'Lin')],
      ...Array.from({ length: s.linFriends ?? 0 }, (_, i) => [(20 - i) * DAY, order(`lin-friend-${i}`, 'c-lin')]),
    ];
    if (s.link) {
      steps.push([150 * DAY, link(SHOPPER, 'Alex')]);
      // 42 visits over the months, one browser session each; 9 of the visitors signed up.
      for (let v = 0; v < 42; v++) {
        const at = (140 - v * 3.3) * DAY;
        steps.push([
          at,
          () =>
            shop.guest.referrals.recordVisit(shop.codes[SHOPPER], {
              landingUrl: SITE,
              sessionId: `visit-session-${v}`,
            }),
        ]);
        if (v % 5 === 0)
          steps.push([
            at - HOUR,
            () =>
              shop.admin.call('POST', '/admin/referrals/signups', {
                code: shop.codes[SHOPPER],
                customerId: `signup-${v}`,
              }),
          ]);
      }
      for (const [days, who, then] of FRIENDS) {
        steps.push([days * DAY, order(who, SHOPPER, who === 'yuki' || who === 'yan' ? '203.0.113.7' : undefined)]);
        if (then === 'deny')
          steps.push([
            days * DAY - 2 * HOUR,
            async () => {
              const { items } = await shop.admin.call('GET', `/admin/referrals?status=pending`);
              const conversion = items.find((c) => c.friendId === who);
              return shop.admin.call('POST', `/admin/referrals/${conversion.id}/deny`, {});
            },
          ]);
      }
      // The shopper looks at their numbers now and then (due rewards are approved when read).
      for (const days of [100, 59, 30]) steps.push([days * DAY, () => shop.shopper(SHOPPER).referrals.getStats()]);
    }
    stories[state] = steps;
  }
  await play(b, stories);
  const states = {};
  const codes = {};
  for (const [state, shop] of Object.entries(shops)) {
    const offer = async (code) =>
      shop.guest.referrals.getOffer(code).catch((e) => ({ status: e.status, code: e.code, message: e.message }));
    const offers = {};
    for (const code of Object.values(shop.codes)) offers[code] = await offer(code);
    const me = shop.shopper(SHOPPER).referrals;
    states[state] = {
      link: STATES[state].link ? await me.createLink({ url: SITE }) : null,
      offers,
      stats: STATES[state].link ? await me.getStats() : null,
    };
    Object.assign(
      codes,
      { [shop.codes['c-lin']]: 'LIN-8H3M' },
      shop.codes[SHOPPER] && { [shop.codes[SHOPPER]]: 'ALEX-7Q2K' },
    );
  }
  return { states, codes };
}
