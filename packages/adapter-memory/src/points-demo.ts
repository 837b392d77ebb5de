import { DEMO_SHOPPER } from './group-buy-demo.js';
import { addMonths } from './points.js';
import { demoPoints, type DemoLedgerOptions } from './points-seed.js';
import { demoSeed, type MemoryCustomer, type MemorySeed } from './seed.js';

/** Every state `pointsScenario` sets up, for a story's controls. */
export const POINTS_STATES = ['member', 'new-member', 'checked-in', 'bonus-next', 'expiring', 'top-tier', 'rich'] as const;

export type PointsScenarioState = (typeof POINTS_STATES)[number];

export interface PointsScenario {
  /** Pass to `createMemoryAdapter({ seed, customer })`. */
  readonly seed: MemorySeed;
  /** The signed-in shopper the state is about (pass `customer: null` instead to show it signed out). */
  readonly customer: MemoryCustomer;
}

const DAY = 86_400_000;

/**
 * The demo data (`demoSeed`) with the shopper's points account in one widget state, for the
 * signed-in `customer` (default `DEMO_SHOPPER`). The program is "Kith Rewards" (Member 0, Silver
 * 500, Gold 2,000; 1 point per $1, review 20, photo review 50, check-in 5 with 20 more every 7th day
 * in a row; points expire after 12 months, purchases are pending 30 days; days in UTC) with rewards
 * `rw-ship` (300, 25 left), `rw-5off` (500), `rw-early` (800, Silver and up), `rw-10p` (1,200) and
 * `rw-tote` (2,500, out of stock).
 * - `member`: balance 1,240, pending 180 (an order 5 days ago), lifetime 1,520: Silver, 480 to
 *   Gold. A history of purchases, reviews, referrals, a redemption, an expiry and a merchant's
 *   note; checked in yesterday and the day before (streak 2, not today: the next check-in earns 5);
 *   badges first order, first review, photo reviewer and first reward.
 * - `new-member`: no points and no history: Member, 500 to Silver, streak 0, no badges.
 * - `checked-in`: `member` checked in today too: streak 3, balance 1,245; the next check-in is tomorrow's.
 * - `bonus-next`: checked in the six days before today (streak 6, not today): the next check-in
 *   earns 25 (5 and the 7-day bonus of 20) and the 7-day streak badge. Balance 1,260.
 * - `expiring`: `member` with order `o-1042`'s 389 points expiring in 10 days (`account.expiring`).
 * - `top-tier`: Gold (`nextTier` null) with 3,455 points, enough for every reward; a 7-day streak
 *   earlier (badge and bonus) and the team leader badge: all six badges.
 * - `rich`: Silver with 1,700 points (an extra $460 order), enough for `rw-10p` and then `rw-5off`:
 *   for demonstrating a redemption.
 */
export function pointsScenario(state: PointsScenarioState, o: { now?: number; customer?: MemoryCustomer } = {}): PointsScenario {
  const now = o.now ?? Date.now();
  const customer = o.customer ?? DEMO_SHOPPER;
  const base = demoSeed(now, customer.id);
  let ledger: DemoLedgerOptions | null = {};
  let badges: { customerId: string; id: string; earnedAt: string }[] = [];

  switch (state) {
    case 'member':
      break;
    case 'new-member':
      ledger = null;
      break;
    case 'checked-in':
      ledger = { checkIns: [2, 1, 0] };
      break;
    case 'bonus-next':
      ledger = { checkIns: [6, 5, 4, 3, 2, 1] };
      break;
    case 'expiring':
      // Available 12 months before the day it expires: 10 days from now.
      ledger = { o1042AvailableAt: addMonths(now + 10 * DAY, -12) };
      break;
    case 'top-tier':
      ledger = { purchases: [['o-1090', 2160, 60]], checkIns: [40, 39, 38, 37, 36, 35, 34, 2, 1] };
      badges = [{ customerId: customer.id, id: 'team_leader', earnedAt: new Date(now - 45 * DAY).toISOString() }];
      break;
    case 'rich':
      ledger = { purchases: [['o-1095', 460, 70]] };
      break;
    default:
      throw new TypeError(`pointsScenario: unknown state ${String(state)}; one of ${POINTS_STATES.join(', ')}`);
  }
  // The friends' referred orders stay, so the demo referrals can still be refunded.
  const referred = (base.orders ?? []).filter((x) => x.customerId !== customer.id);
  if (!ledger) {
    // A shopper who bought before joining: still a verified buyer, without points.
    return { seed: { ...base, orders: [{ customerId: customer.id, productIds: ['p1', 'p3'] }, ...referred], points: { ...base.points, ledger: [] } }, customer };
  }
  const { orders, points } = demoPoints(now, customer.id, ledger);
  return { seed: { ...base, orders: [...orders, ...referred], points: { ...points, badges } }, customer };
}
