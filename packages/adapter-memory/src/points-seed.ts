import type { Money } from '@kith/core';
import { addDays, addMonths, dayIn, type MemoryPointsEntry, type MemoryPointsSeed, type MemoryReward } from './points.js';
import type { MemoryOrder } from './seed.js';

const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString();
const usd = (minor: number): Money => ({ minor, currency: 'USD' });

/** The demo shop's program: "Kith Rewards", the default earn rules, 12-month expiry, 30 pending days, UTC days. */
export const DEMO_POINTS_PROGRAM: NonNullable<MemoryPointsSeed['program']> = {
  name: 'Kith Rewards',
  tiers: [
    { id: 'member', name: 'Member', threshold: 0 },
    { id: 'silver', name: 'Silver', threshold: 500, perks: ['Early access to sales'] },
    { id: 'gold', name: 'Gold', threshold: 2000, perks: ['Free shipping on every order', 'Early access to sales'] },
  ],
  termsUrl: 'https://shop.example.com/rewards/terms',
};

/** The demo catalogue, cheapest first: $5 off, free shipping (25 left), Silver's early access, 10 % off, a tote (none left). */
export const demoRewards = (): MemoryReward[] => [
  { id: 'rw-ship', title: 'Free shipping on your next order', description: 'One order ships free, whatever its size.', cost: 300, kind: 'perk', stock: 25 },
  {
    id: 'rw-5off', title: '$5 off', cost: 500, kind: 'coupon',
    coupon: { amountOff: usd(500), minimumSpend: usd(3000), validDays: 30 },
  },
  { id: 'rw-early', title: 'Early access: winter drop', description: 'Shop the winter collection a day before everyone else.', cost: 800, kind: 'perk', tierId: 'silver' },
  { id: 'rw-10p', title: '10% off', description: 'Ten percent off one order.', cost: 1200, kind: 'coupon', coupon: { percentOff: 10 } },
  { id: 'rw-tote', title: 'Canvas tote gift', description: 'Our canvas tote, on us.', cost: 2500, kind: 'perk', stock: 0 },
];

/** Variations of the demo shopper's ledger, for `pointsScenario`. */
export interface DemoLedgerOptions {
  /** Check-ins on these days back (0: today). Default yesterday and the day before. */
  readonly checkIns?: readonly number[];
  /** When order `o-1042` became available (default 170 days ago): move it to make its points expire sooner. */
  readonly o1042AvailableAt?: number;
  /** Extra available purchases: `[orderId, whole dollars, days ago placed]`. */
  readonly purchases?: readonly (readonly [string, number, number])[];
}

/**
 * The demo shopper's orders and ledger, as the program's rules wrote them over 14 months:
 * - `o-1001` ($100, 420 days ago): 100 points, 80 of them spent on "Free gift wrap" (a retired
 *   reward) 380 days ago and the 20 left expired 12 months after they became available;
 * - `o-1042` ($389), `o-1068` ($541.40): available purchases; a review (20) and a photo review (50);
 *   two referrals (100 each, as the referral stats say); a merchant's goodwill adjustment (+30, with a note);
 * - check-ins yesterday and the day before (5 each): a streak of 2, not checked in today;
 * - `o-1107` ($180.90, 5 days ago): 180 points pending for 25 more days.
 * Balance 1,240, pending 180, lifetime 1,520: Silver, 480 to Gold.
 */
export function demoLedger(now: number, customerId: string, o: DemoLedgerOptions = {}): { orders: MemoryOrder[]; ledger: MemoryPointsEntry[] } {
  const ago = (days: number) => now - days * DAY;
  const orders: MemoryOrder[] = [];
  const ledger: MemoryPointsEntry[] = [];
  const line = (e: Omit<MemoryPointsEntry, 'customerId' | 'createdAt'> & { at: number }) => {
    const { at, ...rest } = e;
    ledger.push({ customerId, ...rest, createdAt: iso(at) });
  };
  /** An order placed and reported at `placedAt`, earning 1 point per dollar after 30 days. */
  const purchase = (id: string, productIds: string[], minor: number, placedAt: number) => {
    orders.push({ id, customerId, productIds, total: usd(minor), placedAt: iso(placedAt) });
    line({ kind: 'earn', action: 'purchase', points: Math.floor(minor / 100), source: { type: 'order', id }, at: placedAt, availableAt: iso(placedAt + 30 * DAY) });
  };

  purchase('o-1001', ['p3'], 10_000, ago(420));
  line({ kind: 'redeem', points: -80, source: { type: 'redemption', id: 'rd-demo-wrap', label: 'Free gift wrap' }, at: ago(380) });
  const expiredAt = addMonths(ago(390), 12);
  line({ kind: 'expire', points: -20, source: { type: 'expiry', id: dayIn(expiredAt, 'UTC') }, at: expiredAt });
  const o1042 = o.o1042AvailableAt ?? ago(170);
  purchase('o-1042', ['p1'], 38_900, o1042 - 30 * DAY);
  line({ kind: 'earn', action: 'review', points: 20, source: { type: 'review', id: 'rv-demo-1' }, at: ago(150) });
  line({ kind: 'earn', action: 'referral', points: 100, source: { type: 'referral', id: 'ref-demo-1' }, at: ago(100) });
  purchase('o-1068', ['p1', 'p3'], 54_140, ago(120));
  line({ kind: 'earn', action: 'referral', points: 100, source: { type: 'referral', id: 'ref-demo-2' }, at: ago(60) });
  line({ kind: 'earn', action: 'photo_review', points: 50, source: { type: 'review', id: 'rv-demo-2' }, at: ago(40) });
  line({ id: 'pe-demo-goodwill', kind: 'adjust', points: 30, source: { type: 'adjustment', id: 'pe-demo-goodwill' }, note: 'Sorry your parcel was late', at: ago(12) });
  for (const [id, dollars, daysAgo] of o.purchases ?? []) purchase(id, ['p1'], dollars * 100, ago(daysAgo));
  purchase('o-1107', ['p3'], 18_090, ago(5));

  // Check-ins by the program's (UTC) day, around noon, today's no later than now.
  const today = dayIn(now, 'UTC');
  const checkIns = [...(o.checkIns ?? [2, 1])].sort((a, b) => b - a);
  const days = new Set(checkIns.map((n) => addDays(today, -n)));
  for (const n of checkIns) {
    const date = addDays(today, -n);
    const at = Math.min(Date.parse(`${date}T12:00:00.000Z`), now);
    let streak = 0;
    while (days.has(addDays(date, -streak))) streak++;
    line({ kind: 'earn', action: 'check_in', points: 5, source: { type: 'check_in', id: date }, at });
    if (streak % 7 === 0) line({ kind: 'earn', action: 'streak_bonus', points: 20, source: { type: 'check_in', id: date }, at });
  }
  return { orders, ledger };
}

/** The demo points data: the program, the catalogue and the demo shopper's ledger (`demoLedger`). */
export function demoPoints(now: number, customerId: string, o?: DemoLedgerOptions): { orders: MemoryOrder[]; points: MemoryPointsSeed } {
  const { orders, ledger } = demoLedger(now, customerId, o);
  return { orders, points: { program: DEMO_POINTS_PROGRAM, rewards: demoRewards(), ledger } };
}
