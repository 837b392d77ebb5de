import type { Money } from '@kith/core';
import type { MemoryReferralConversion, MemoryReferralsSeed, MemoryReferralVisit } from './referrals.js';
import type { MemoryOrder } from './seed.js';

const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString();
const usd = (minor: number): Money => ({ minor, currency: 'USD' });

/** The demo shopper's code (display name `Alex`) and the second advocate's, Lin's (`c-lin`). */
export const DEMO_REFERRAL_CODE = 'ALEX-7Q2K';
export const LIN_REFERRAL_CODE = 'LIN-8H3M';

/** Variations for `referralsScenario`. */
export interface DemoReferralsOptions {
  /** The shopper has no code yet (nor its visits, sign-ups and conversions). */
  readonly noCode?: boolean;
  /** Lin's code has `maxConversionsPerCode` (50) conversions: its offer is 404 `code_capped`. */
  readonly linCapped?: boolean;
}

/**
 * The demo referrals, around `now`:
 * - `customerId` advocates with `ALEX-7Q2K` (shown as "Alex", created 150 days ago): 42 clicks,
 *   9 sign-ups and five referred orders: `ref-demo-1` (Mei Lin, 130 days ago) and `ref-demo-2`
 *   (Jo Park, 90 days ago) approved, their 100 points each in the points ledger; `ref-demo-3` (Ravi
 *   Shah, 6 days ago) pending for 24 more days; `ref-demo-4` (Yu Tan, 2 days ago) flagged `same_ip`;
 *   `ref-demo-5`, the shopper's own order `o-1107` through their code, denied `self_referral`.
 * - Lin (`c-lin`) advocates with `LIN-8H3M`: 12 clicks, 3 sign-ups, one pending conversion
 *   (`linCapped`: 50 pending conversions, the cap).
 * The friends' orders (`o-ref-1` to `o-ref-4`, `o-lin-…`) come with it, so refunds work.
 */
export function demoReferrals(now: number, customerId: string, o: DemoReferralsOptions = {}): { orders: MemoryOrder[]; referrals: MemoryReferralsSeed } {
  const ago = (days: number) => now - days * DAY;
  const orders: MemoryOrder[] = [];
  const conversions: MemoryReferralConversion[] = [];
  const visits: MemoryReferralVisit[] = [];
  const signups: { code: string; customerId: string; at: string }[] = [];
  const referred = (id: string, code: string, friend: string, friendName: string | undefined, orderId: string, daysAgo: number, status: MemoryReferralConversion['status'], reasons?: string[]) => {
    if (orderId !== 'o-1107') orders.push({ id: orderId, customerId: friend, productIds: ['p1'], total: usd(5900), placedAt: iso(ago(daysAgo)) });
    conversions.push({
      id, code, customerId: friend, ...(friendName ? { friendName } : {}), orderId, status, ...(reasons ? { reasons } : {}),
      createdAt: iso(ago(daysAgo)), approvesAt: iso(ago(daysAgo) + 30 * DAY),
    });
  };
  const clicks = (code: string, n: number, overDays: number) => {
    for (let i = 0; i < n; i++) visits.push({ code, at: iso(ago(((i + 1) * overDays) / n)), path: i % 3 ? '/products/tote' : '/' });
  };

  const codes = [{ code: LIN_REFERRAL_CODE, customerId: 'c-lin', displayName: 'Lin', createdAt: iso(ago(40)) }];
  if (!o.noCode) {
    codes.unshift({ code: DEMO_REFERRAL_CODE, customerId, displayName: 'Alex', createdAt: iso(ago(150)) });
    clicks(DEMO_REFERRAL_CODE, 42, 145);
    const friends = ['c-mei', 'c-jo', 'c-ravi', 'c-yu', 'c-ana', 'c-kim', 'c-chen', 'c-priya', 'c-tom'];
    friends.forEach((f, i) => signups.push({ code: DEMO_REFERRAL_CODE, customerId: f, at: iso(ago(140 - i * 15)) }));
    referred('ref-demo-1', DEMO_REFERRAL_CODE, 'c-mei', 'Mei Lin', 'o-ref-1', 130, 'approved');
    referred('ref-demo-2', DEMO_REFERRAL_CODE, 'c-jo', 'Jo Park', 'o-ref-2', 90, 'approved');
    referred('ref-demo-5', DEMO_REFERRAL_CODE, customerId, undefined, 'o-1107', 5, 'denied', ['self_referral']);
    referred('ref-demo-3', DEMO_REFERRAL_CODE, 'c-ravi', 'Ravi Shah', 'o-ref-3', 6, 'pending');
    referred('ref-demo-4', DEMO_REFERRAL_CODE, 'c-yu', 'Yu Tan', 'o-ref-4', 2, 'flagged', ['same_ip']);
  }
  clicks(LIN_REFERRAL_CODE, 12, 38);
  for (const f of ['c-wen', 'c-bo', 'c-ivy']) signups.push({ code: LIN_REFERRAL_CODE, customerId: f, at: iso(ago(20)) });
  const linOrders = o.linCapped ? 50 : 1;
  for (let i = 1; i <= linOrders; i++) {
    referred(`ref-lin-${i}`, LIN_REFERRAL_CODE, i === 1 ? 'c-wen' : `c-lin-friend-${i}`, i === 1 ? 'Wen' : undefined, `o-lin-${i}`, 25 - (i * 24) / linOrders, 'pending');
  }
  return { orders, referrals: { codes, visits, signups, conversions } };
}
