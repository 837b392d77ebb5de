import type { ReferralConversion } from '@kith/core';
import type { MemoryOutcomes } from './runtime.js';
import { DAY, iso, usd } from './served.js';

/** Every state `referralsScenario` sets up, for a story's controls. */
export const REFERRAL_STATES = ['advocate', 'new-advocate', 'no-program', 'capped'] as const;
export type ReferralScenarioState = (typeof REFERRAL_STATES)[number];

// The demo program: the friend gets $10 off, the advocate 100 points. The shopper's code is ALEX-7Q2K, Lin's LIN-8H3M.
const reward = { kind: 'points', points: 100 } as const;
const INCENTIVE = { friend: { kind: 'coupon', amountOff: usd(1000) }, advocate: reward } as const;
const ALEX = { code: 'ALEX-7Q2K', url: 'https://shop.example.com/?kith_ref=ALEX-7Q2K', incentive: INCENTIVE };
const STATS = { code: ALEX.code, clicks: 42, signups: 9, conversions: 4, rewards: { pending: 2, approved: 2 } };
const LIN = { code: 'LIN-8H3M', advocateName: 'Lin', incentive: INCENTIVE, couponCode: 'FRIEND-LIN-8H3M' };
const CAPPED = { status: 404, code: 'code_capped', message: 'This code reached its limit' };

/** The demo referrals in one state, for the shopper `customerId`. */
export function demoReferralsFixture(now: number, customerId: string, state: ReferralScenarioState = 'advocate') {
  const at = (days: number) => iso(now - days * DAY);
  const recent: ReferralConversion[] = [
    { id: 'ref-demo-4', status: 'flagged', friendInitials: 'YT', reward, createdAt: at(2) },
    { id: 'ref-demo-5', status: 'denied', friendInitials: 'D', reward, createdAt: at(5) },
    { id: 'ref-demo-3', status: 'pending', friendInitials: 'RS', reward, createdAt: at(6), approvesAt: at(-24) },
    { id: 'ref-demo-2', status: 'approved', friendInitials: 'JP', reward, createdAt: at(90) },
    { id: 'ref-demo-1', status: 'approved', friendInitials: 'ML', reward, createdAt: at(130) },
  ];
  const alex = { code: ALEX.code, advocateName: 'Alex', incentive: INCENTIVE, couponCode: 'FRIEND-ALEX-7Q2K' };
  const offers = { [LIN.code]: state === 'capped' ? CAPPED : LIN, [ALEX.code]: alex };
  const stats = { [customerId]: { ...STATS, recent } };
  if (state === 'new-advocate') return { links: {}, offers, stats: {} };
  if (state === 'no-program') return { links: { [customerId]: { ...ALEX, incentive: null } }, offers: {}, stats };
  return { links: { [customerId]: ALEX }, offers, stats };
}

/** The demo's first link: the shopper's written one, kept for the next calls. */
export const demoReferralsOutcomes: MemoryOutcomes = {
  'referrals.createLink': ({ fixture, customer }) => (fixture.referrals!.links[customer.id] = ALEX),
};
