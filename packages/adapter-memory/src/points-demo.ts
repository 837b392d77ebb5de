import type {
  PointsAccount,
  PointsCheckIn,
  PointsEntry,
  PointsProgram,
  PointsRedemption,
  PointsReward,
} from '@kith/core';
import { HttpError } from '@kith/core';
import type { MemoryOutcomes } from './outcomes.js';
import { pointsOf, type MemoryPointsCustomer, type MemoryPointsFixture } from './points.js';

const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString();
const usd = (minor: number) => ({ minor, currency: 'USD' });

/** The demo catalogue, cheapest first: free shipping (25 left), $5 off, Silver's early access, 10 % off, a tote (none left). */
export const demoRewards = (): PointsReward[] => [
  {
    id: 'rw-ship',
    title: 'Free shipping on your next order',
    description: 'One order ships free, whatever its size.',
    cost: 300,
    kind: 'perk',
    stock: 25,
  },
  {
    id: 'rw-5off',
    title: '$5 off',
    cost: 500,
    kind: 'coupon',
    coupon: { amountOff: usd(500), minimumSpend: usd(3000), validDays: 30 },
  },
  {
    id: 'rw-early',
    title: 'Early access: winter drop',
    description: 'Shop the winter collection a day before everyone else.',
    cost: 800,
    kind: 'perk',
    tierId: 'silver',
  },
  {
    id: 'rw-10p',
    title: '10% off',
    description: 'Ten percent off one order.',
    cost: 1200,
    kind: 'coupon',
    coupon: { percentOff: 10 },
  },
  {
    id: 'rw-tote',
    title: 'Canvas tote gift',
    description: 'Our canvas tote, on us.',
    cost: 2500,
    kind: 'perk',
    stock: 0,
  },
];

const SILVER = { id: 'silver', name: 'Silver', threshold: 500, perks: ['Early access to sales'] };
const GOLD = {
  id: 'gold',
  name: 'Gold',
  threshold: 2000,
  perks: ['Free shipping on every order', 'Early access to sales'],
};

/** The demo shop's program as the server serves it: "Kith Rewards", the default earn rules, 12-month expiry, 30 pending days. */
export const DEMO_POINTS_PROGRAM = (): PointsProgram => ({
  name: 'Kith Rewards',
  tiers: [{ id: 'member', name: 'Member', threshold: 0 }, SILVER, GOLD],
  earn: [
    { action: 'purchase', points: 1, per: usd(100) },
    { action: 'review', points: 20 },
    { action: 'photo_review', points: 50 },
    { action: 'share', points: 5, dailyCap: 3 },
    { action: 'referral', points: 100 },
    { action: 'check_in', points: 5, streakBonus: { everyDays: 7, points: 20 } },
  ],
  rewards: demoRewards(),
  badges: [
    { id: 'first_purchase', name: 'First order', description: 'Earned points on a first order' },
    { id: 'first_review', name: 'First review', description: 'Earned points for a first review' },
    { id: 'photo_review', name: 'Photo reviewer', description: 'Earned points for a review with photos' },
    { id: 'streak_7', name: '7-day streak', description: 'Checked in seven days in a row' },
    { id: 'team_leader', name: 'Team leader', description: 'Led a group-buy team to success' },
    { id: 'first_redemption', name: 'First reward', description: 'Redeemed points for a first reward' },
  ],
  expiryMonths: 12,
  pendingDays: 30,
  timeZone: 'UTC',
  termsUrl: 'https://shop.example.com/rewards/terms',
});

/** Every state `pointsScenario` sets up, for a story's controls. */
export const POINTS_STATES = [
  'member',
  'new-member',
  'checked-in',
  'bonus-next',
  'expiring',
  'top-tier',
  'rich',
] as const;
export type PointsScenarioState = (typeof POINTS_STATES)[number];

/** A ledger line: kind, action, points, source type and id, days ago it took effect, and more fields. */
type Row = [PointsEntry['kind'], PointsEntry['action'] | null, number, string, string, number, Partial<PointsEntry>?];

/** The demo shopper's ledger, oldest first; `extra` rows go in by date. */
function ledger(now: number, extra: Row[]): PointsEntry[] {
  const order = (id: string, points: number, placed: number): Row => [
    'earn',
    'purchase',
    points,
    'order',
    id,
    placed - 30,
    { availableAt: iso(now - (placed - 30) * DAY) },
  ];
  const rows: Row[] = [
    order('o-1001', 100, 420),
    [
      'redeem',
      null,
      -80,
      'redemption',
      'rd-demo-wrap',
      380,
      { source: { type: 'redemption', id: 'rd-demo-wrap', label: 'Free gift wrap' } },
    ],
    order('o-1042', 389, 200),
    ['earn', 'review', 20, 'review', 'rv-demo-1', 150],
    ['earn', 'referral', 100, 'referral', 'ref-demo-1', 100],
    order('o-1068', 541, 120),
    ['earn', 'referral', 100, 'referral', 'ref-demo-2', 60],
    ['earn', 'photo_review', 50, 'review', 'rv-demo-2', 40],
    ['expire', null, -20, 'expiry', 'o-1001', 25],
    ['adjust', null, 30, 'adjustment', 'pe-demo-goodwill', 12, { note: 'Sorry your parcel was late' }],
    ...extra,
  ];
  rows.sort((a, b) => b[5] - a[5]);
  // The running balance is part of the scenario's data, written out once here rather than by hand per line.
  let balance = 0;
  const lines = rows.map(([kind, action, points, type, id, daysAgo, more], i): PointsEntry => {
    balance += points;
    return {
      id: `pe-demo-${i}`,
      kind,
      ...(action ? { action } : {}),
      points,
      source: { type, id },
      status: 'available',
      balanceAfter: balance,
      createdAt: iso(now - daysAgo * DAY),
      ...more,
    } as PointsEntry;
  });
  const pending: PointsEntry = {
    id: 'pe-demo-pending',
    kind: 'earn',
    action: 'purchase',
    points: 180,
    source: { type: 'order', id: 'o-1107' },
    status: 'pending',
    availableAt: iso(now + 25 * DAY),
    balanceAfter: null,
    createdAt: iso(now - 5 * DAY),
  };
  return [pending, ...lines.reverse()];
}

const checkIns = (...daysAgo: number[]): Row[] =>
  daysAgo.map((n) => ['earn', 'check_in', 5, 'check_in', `day-${n}`, n]);

/** The demo shopper's points in one state (see `pointsScenario`). */
export function demoPoints(
  now: number,
  state: Exclude<PointsScenarioState, 'new-member'> = 'member',
): MemoryPointsCustomer {
  const badge = (id: string, name: string, daysAgo: number) => ({ id, name, earnedAt: iso(now - daysAgo * DAY) });
  const badges = [
    badge('first_purchase', 'First order', 420),
    badge('first_redemption', 'First reward', 380),
    badge('first_review', 'First review', 150),
    badge('photo_review', 'Photo reviewer', 40),
  ];
  const silver = (
    balance: number,
    lifetime: number,
    streak: number,
    checkedInToday = false,
    nextPoints = 5,
  ): Omit<PointsAccount, 'serverTime'> => ({
    balance,
    pending: 180,
    lifetime,
    tier: SILVER,
    nextTier: { ...GOLD, pointsNeeded: GOLD.threshold - lifetime },
    badges,
    checkIn: { streak, checkedInToday, nextPoints },
    expiring: null,
  });
  switch (state) {
    case 'member':
      return { account: silver(1240, 1520, 2), history: ledger(now, checkIns(2, 1)) };
    case 'checked-in':
      return { account: silver(1245, 1525, 3, true), history: ledger(now, checkIns(2, 1, 0)) };
    case 'bonus-next':
      return { account: silver(1260, 1540, 6, false, 25), history: ledger(now, checkIns(6, 5, 4, 3, 2, 1)) };
    case 'expiring':
      return {
        account: { ...silver(1240, 1520, 2), expiring: { points: 389, at: iso(now + 10 * DAY) } },
        history: ledger(now, checkIns(2, 1)),
      };
    case 'rich':
      return {
        account: silver(1700, 1980, 2),
        history: ledger(now, [...checkIns(2, 1), ['earn', 'purchase', 460, 'order', 'o-1095', 40]]),
      };
    case 'top-tier':
      return {
        account: {
          ...silver(3455, 3735, 2),
          tier: GOLD,
          nextTier: null,
          badges: [...badges, badge('team_leader', 'Team leader', 45), badge('streak_7', '7-day streak', 34)],
        },
        history: ledger(now, [
          ...checkIns(40, 39, 38, 37, 36, 35, 34, 2, 1),
          ['earn', 'streak_bonus', 20, 'check_in', 'day-34', 34],
          ['earn', 'purchase', 2160, 'order', 'o-1090', 30],
        ]),
      };
  }
}

/** The demo points data: the program and the shopper's account in one state (none for `new-member`). */
export function demoPointsFixture(
  now: number,
  customerId: string,
  state: PointsScenarioState = 'member',
): MemoryPointsFixture {
  return {
    program: DEMO_POINTS_PROGRAM(),
    customers: state === 'new-member' ? {} : { [customerId]: demoPoints(now, state) },
  };
}

const CODE = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const code = () =>
  `KITH-${Array.from({ length: 8 }, (_, i) => (i === 4 ? '-' : '') + CODE[Math.floor(Math.random() * CODE.length)]).join('')}`;

/** Puts new available lines under the pending ones, the way the server lists them. */
function addLines(rec: MemoryPointsCustomer, lines: PointsEntry[]) {
  const at = rec.history.findIndex((e) => e.status !== 'pending');
  rec.history.splice(at < 0 ? rec.history.length : at, 0, ...lines);
}

/**
 * The demo's scripted answers to points writes, so a story can check in and redeem: a check-in
 * earns what the account says it will (`checkIn.nextPoints`), a redemption spends the reward's
 * cost and hands out a code. They never refuse: script a refusal with `control.next`.
 */
export const demoPointsOutcomes: MemoryOutcomes = {
  'points.checkIn': ({ fixture, customer, now }): PointsCheckIn => {
    const rec = pointsOf(fixture.points!, customer.id);
    const a = rec.account;
    const base = fixture.points!.program.earn.find((r) => r.action === 'check_in')?.points ?? a.checkIn.nextPoints;
    const earned = a.checkIn.nextPoints;
    const account = {
      ...a,
      balance: a.balance + earned,
      lifetime: a.lifetime + earned,
      checkIn: { streak: a.checkIn.streak + 1, checkedInToday: true, nextPoints: base },
    };
    const line = (action: 'check_in' | 'streak_bonus', points: number, balanceAfter: number): PointsEntry => ({
      id: `pe-${action}-${now}`,
      kind: 'earn',
      action,
      points,
      source: { type: 'check_in', id: iso(now).slice(0, 10) },
      status: 'available',
      balanceAfter,
      createdAt: iso(now),
    });
    addLines(
      rec,
      earned > base
        ? [line('streak_bonus', earned - base, account.balance), line('check_in', base, a.balance + base)]
        : [line('check_in', earned, account.balance)],
    );
    rec.account = account;
    return {
      points: base,
      bonus: earned - base,
      streak: account.checkIn.streak,
      account: { ...account, serverTime: iso(now) },
    };
  },
  'points.redeem': ({ fixture, customer, now }, rewardId): PointsRedemption => {
    const reward = fixture.points!.program.rewards.find((r) => r.id === rewardId);
    if (!reward) throw new HttpError(404, 'not_found', `Reward ${String(rewardId)} not found`);
    const rec = pointsOf(fixture.points!, customer.id);
    rec.account = { ...rec.account, balance: rec.account.balance - reward.cost };
    const id = `rd-${now}`;
    addLines(rec, [
      {
        id: `pe-${id}`,
        kind: 'redeem',
        points: -reward.cost,
        source: { type: 'redemption', id, label: reward.title },
        status: 'available',
        balanceAfter: rec.account.balance,
        createdAt: iso(now),
      },
    ]);
    return {
      id,
      rewardId: reward.id,
      rewardTitle: reward.title,
      points: reward.cost,
      code: code(),
      ...(reward.coupon ? { coupon: reward.coupon } : {}),
      createdAt: iso(now),
      account: { ...rec.account, serverTime: iso(now) },
    };
  },
};
