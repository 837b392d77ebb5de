import type { PointsEntry, PointsProgram } from '@kith/core';
import type { MemoryOutcomes, OutcomeContext } from './runtime.js';
import { pointsOf, type MemoryPointsCustomer as Customer } from './points.js';
import { DAY, iso, notScripted, usd } from './served.js';

const FIVE_OFF = { amountOff: usd(500), minimumSpend: usd(3000) };
const MEMBER = { id: 'member', name: 'Member', threshold: 0 };
const SILVER = { id: 'silver', name: 'Silver', threshold: 500, perks: ['Early access to sales'] };
const GOLD = { id: 'gold', name: 'Gold', threshold: 2000, perks: ['Free shipping on every order', ...SILVER.perks] };
// In the order the demo shopper earned them.
const BADGES = [
  { id: 'first_purchase', name: 'First order', description: 'Earned points on a first order' },
  { id: 'first_redemption', name: 'First reward', description: 'Redeemed points for a first reward' },
  { id: 'first_review', name: 'First review', description: 'Earned points for a first review' },
  { id: 'photo_review', name: 'Photo reviewer', description: 'Earned points for a review with photos' },
  { id: 'streak_7', name: '7-day streak', description: 'Checked in seven days in a row' },
  { id: 'team_leader', name: 'Team leader', description: 'Led a group-buy team to success' },
];
/** The demo shop's program as the server serves it: the default rules and the demo catalogue. */
const PROGRAM: PointsProgram = {
  ...{ name: 'Kith Rewards', expiryMonths: 12, pendingDays: 30, timeZone: 'UTC' },
  termsUrl: 'https://shop.example.com/rewards/terms',
  tiers: [MEMBER, SILVER, GOLD],
  earn: [
    { action: 'purchase', points: 1, per: usd(100) },
    { action: 'review', points: 20 },
    { action: 'photo_review', points: 50 },
    { action: 'share', points: 5, dailyCap: 3 },
    { action: 'referral', points: 100 },
    { action: 'check_in', points: 5, streakBonus: { everyDays: 7, points: 20 } },
  ],
  rewards: [
    { id: 'rw-ship', title: 'Free shipping on your next order', cost: 300, kind: 'perk', stock: 25 },
    { id: 'rw-5off', title: '$5 off', cost: 500, kind: 'coupon', coupon: FIVE_OFF },
    { id: 'rw-early', title: 'Early access: winter drop', cost: 800, kind: 'perk', tierId: 'silver' },
    { id: 'rw-10p', title: '10% off', cost: 1200, kind: 'coupon', coupon: { percentOff: 10 } },
    { id: 'rw-tote', title: 'Canvas tote gift', cost: 2500, kind: 'perk', stock: 0 },
  ],
  badges: [0, 2, 3, 4, 5, 1].map((i) => BADGES[i]!), // in the server's order
};

/** A ledger line: kind, action ('' for none), points, source type and id, days ago, balance after, label or note. */
type Row = [PointsEntry['kind'], PointsEntry['action'] | '', number, string, string, number, number, string?];
const ci = (days: number, after: number): Row => ['earn', 'check_in', 5, 'check_in', `day-${days}`, days, after];
/** The demo shopper's ledger below their latest check-ins, newest first. */
const OLDER: Row[] = [
  ['adjust', '', 30, 'adjustment', 'goodwill', 12, 1230, 'Sorry your parcel was late'],
  ['expire', '', -20, 'expiry', 'o-1001', 25, 1200],
  ['earn', 'photo_review', 50, 'review', 'rv-demo-2', 40, 1220],
  ['earn', 'referral', 100, 'referral', 'ref-demo-1', 60, 1170],
  ['redeem', '', -80, 'redemption', 'rd-demo-wrap', 380, 1070, 'Free gift wrap'],
  ['earn', 'purchase', 1150, 'order', 'o-1001', 390, 1150],
];
const MEMBER_ROWS = [ci(1, 1240), ci(2, 1235), ...OLDER];
const BONUS_ROWS = [ci(1, 1260), ci(2, 1255), ci(3, 1250), ci(4, 1245), ci(5, 1240), ci(6, 1235), ...OLDER];
const BONUS_DONE: Row[] = [['earn', 'streak_bonus', 20, 'check_in', 'day-0', 0, 1285], ci(0, 1265), ...BONUS_ROWS];
const RICH_ROWS: Row[] = [['earn', 'purchase', 460, 'order', 'o-1095', 0, 1700], ...MEMBER_ROWS];
const CHECKED_IN = [ci(0, 1245), ...MEMBER_ROWS];
const TOP_ROWS: Row[] = [['earn', 'purchase', 2215, 'order', 'o-1090', 0, 3455], ...MEMBER_ROWS];
const PENDING: Row = ['earn', 'purchase', 180, 'order', 'o-1107', 5, 0];

/** Every state `pointsScenario` sets up, for a story's controls. */
const STATES = ['member', 'new-member', 'checked-in', 'bonus-next', 'expiring', 'top-tier', 'rich'] as const;
export { STATES as POINTS_STATES };
export type PointsScenarioState = (typeof STATES)[number];
type Account = Customer['account'];

/** The demo shopper's points in one state as served, with its writes' written answers and the states they leave. */
export function demoPointsFixture(now: number, customerId: string, state: PointsScenarioState = 'member') {
  const at = (days: number) => iso(now - days * DAY);
  const entry = ([kind, action, points, type, id, days, balanceAfter, extra]: Row): PointsEntry => ({
    ...{ id: `pe-${action || kind}-${id}`, kind, points, status: 'available', balanceAfter, createdAt: at(days) },
    ...(action ? { action } : kind === 'adjust' ? { note: extra } : {}),
    source: { type, id, ...(kind === 'redeem' && { label: extra }) } as PointsEntry['source'],
  });
  const pending: PointsEntry = { ...entry(PENDING), status: 'pending', balanceAfter: null, availableAt: at(-25) };
  const served = (account: Account, rows: Row[], after?: Customer['after']): Customer => ({
    ...{ account, history: rows.length ? [pending, ...rows.map(entry)] : [], after },
  });
  const step = (answer: object, then: Customer) => ({ answer, then });
  const badges = (...days: number[]) =>
    days.map((d, i) => ({ id: BADGES[i]!.id, name: BADGES[i]!.name, earnedAt: at(d) }));
  // A Silver member: balance, lifetime, points needed for Gold, streak, checked in today, the next check-in's points.
  const silver = (balance: number, lifetime: number, toGold: number, streak: number, today = false, next = 5) => ({
    ...{ balance, pending: 180, lifetime, tier: SILVER, nextTier: { ...GOLD, pointsNeeded: toGold }, expiring: null },
    ...{ badges: badges(390, 380, 40, 40), checkIn: { streak, checkedInToday: today, nextPoints: next } },
  });
  // Redeeming reward `id` from a state, written out: the answer, and the state after it with its ledger line.
  const redeem = (id: string, from: Account, rows: Row[], spent: number, balance: number, code: string) => {
    const r = PROGRAM.rewards.find((x) => x.id === id)!;
    const answer = { id: `rd-${id}`, rewardId: id, rewardTitle: r.title, points: r.cost, code, coupon: r.coupon };
    const line: Row = ['redeem', '', spent, 'redemption', `rd-${id}`, 0, balance, r.title];
    return step({ ...answer, createdAt: at(0) }, served({ ...from, balance }, [line, ...rows]));
  };
  // The rewards a Silver member with over 800 points can redeem, with the balance after each written out.
  const redeems = (from: Account, rows: Row[], ship: number, fiveOff: number, early: number) => ({
    'redeem:rw-ship': redeem('rw-ship', from, rows, -300, ship, 'KITH-SHPX-4R8T'),
    'redeem:rw-5off': redeem('rw-5off', from, rows, -500, fiveOff, 'KITH-FV5X-9KQM'),
    'redeem:rw-early': redeem('rw-early', from, rows, -800, early, 'KITH-ERLY-3W7D'),
  });
  const member = silver(1240, 1520, 480, 2);
  const checked = silver(1245, 1525, 475, 3, true);
  const checkedIn = served(checked, CHECKED_IN, redeems(checked, CHECKED_IN, 945, 745, 445));
  const checkIn = step({ points: 5, bonus: 0, streak: 3 }, checkedIn);
  const bonusDone = served({ ...silver(1285, 1565, 435, 7, true), badges: badges(390, 380, 40, 40, 0) }, BONUS_DONE);
  const rich = silver(1700, 1980, 20, 2);
  const fresh = { ...silver(0, 0, 0, 0), pending: 0, badges: [], tier: MEMBER };
  const top = { ...silver(3455, 3735, 0, 2), tier: GOLD, nextTier: null, badges: badges(390, 380, 40, 40, 34, 30) };
  const states: Record<PointsScenarioState, Customer> = {
    member: served(member, MEMBER_ROWS, { checkIn, ...redeems(member, MEMBER_ROWS, 940, 740, 440) }),
    'new-member': served({ ...fresh, nextTier: { ...SILVER, pointsNeeded: 500 } }, []),
    'checked-in': checkedIn,
    'bonus-next': served(silver(1260, 1540, 460, 6, false, 25), BONUS_ROWS, {
      checkIn: step({ points: 25, bonus: 20, streak: 7 }, bonusDone),
    }),
    expiring: served({ ...member, expiring: { points: 389, at: at(-10) } }, MEMBER_ROWS),
    rich: served(rich, RICH_ROWS, { 'redeem:rw-10p': redeem('rw-10p', rich, RICH_ROWS, -1200, 500, 'KITH-7Q2K-M4XP') }),
    'top-tier': served(top, TOP_ROWS),
  };
  return { program: PROGRAM, customers: { [customerId]: states[state] } };
}

/** The demo's points writes: each switches to the state written for it and answers what was written (else 501). */
const written = ({ fixture, customer, now }: OutcomeContext, write: string) => {
  const step = pointsOf(fixture.points!, customer.id).after?.[write];
  if (!step) throw notScripted(`Nothing written for ${write} in this state`);
  fixture.points!.customers[customer.id] = step.then;
  return { ...step.answer, account: { ...step.then.account, serverTime: iso(now) } };
};
export const demoPointsOutcomes: MemoryOutcomes = {
  'points.checkIn': (ctx) => written(ctx, 'checkIn'),
  'points.redeem': (ctx, rewardId: string) => written(ctx, `redeem:${rewardId}`),
};
