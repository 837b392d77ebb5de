import type { ReferralIncentive, ReferralLink, ReferralStats } from '@kith/core';
import type { MemoryOutcomes } from './outcomes.js';
import type { MemoryReferralsFixture } from './referrals.js';

/** Every state `referralsScenario` sets up, for a story's controls. */
export const REFERRAL_STATES = ['advocate', 'new-advocate', 'no-program', 'capped'] as const;
export type ReferralScenarioState = (typeof REFERRAL_STATES)[number];

/** The demo program: the friend gets $10 off, the advocate 100 points. */
const INCENTIVE: ReferralIncentive = {
  friend: { kind: 'coupon', amountOff: { minor: 1000, currency: 'USD' } },
  advocate: { kind: 'points', points: 100 },
};
const link = (code: string, incentive: ReferralIncentive | null = INCENTIVE): ReferralLink => ({
  code,
  url: `https://shop.example.com/?kith_ref=${code}`,
  incentive,
});
const offer = (code: string, advocateName: string) => ({
  code,
  advocateName,
  incentive: INCENTIVE,
  couponCode: `FRIEND-${code}`,
});

/**
 * The demo referrals in one state for the shopper `customerId`: `advocate` (code ALEX-7Q2K, 42 clicks, 4 conversions;
 * Lin's LIN-8H3M offers $10 off), `new-advocate` (no code yet), `no-program` (no incentive, no offers), `capped`
 * (Lin's code at its cap).
 */
export function demoReferralsFixture(
  now: number,
  customerId: string,
  state: ReferralScenarioState = 'advocate',
): MemoryReferralsFixture {
  const at = (days: number) => new Date(now - days * 86_400_000).toISOString();
  const reward = { kind: 'points', points: 100 } as const;
  const stats: ReferralStats = {
    code: 'ALEX-7Q2K',
    clicks: 42,
    signups: 9,
    conversions: 4,
    rewards: { pending: 2, approved: 2 },
    recent: [
      { id: 'ref-demo-4', status: 'flagged', friendInitials: 'YT', reward, createdAt: at(2) },
      { id: 'ref-demo-5', status: 'denied', friendInitials: 'D', reward, createdAt: at(5) },
      { id: 'ref-demo-3', status: 'pending', friendInitials: 'RS', reward, createdAt: at(6), approvesAt: at(-24) },
      { id: 'ref-demo-2', status: 'approved', friendInitials: 'JP', reward, createdAt: at(90) },
      { id: 'ref-demo-1', status: 'approved', friendInitials: 'ML', reward, createdAt: at(130) },
    ],
  };
  const capped = { status: 404, code: 'code_capped', message: 'This code reached its limit' };
  const offers = {
    'LIN-8H3M': state === 'capped' ? capped : offer('LIN-8H3M', 'Lin'),
    'ALEX-7Q2K': offer('ALEX-7Q2K', 'Alex'),
  };
  if (state === 'new-advocate') return { links: {}, offers, stats: {} };
  if (state === 'no-program')
    return { links: { [customerId]: link('ALEX-7Q2K', null) }, offers: {}, stats: { [customerId]: stats } };
  return { links: { [customerId]: link('ALEX-7Q2K') }, offers, stats: { [customerId]: stats } };
}

/** The demo's first link: the shopper's written one, `ALEX-7Q2K`, kept for the next calls. */
export const demoReferralsOutcomes: MemoryOutcomes = {
  'referrals.createLink': ({ fixture, customer }) => (fixture.referrals!.links[customer.id] = link('ALEX-7Q2K')),
};
