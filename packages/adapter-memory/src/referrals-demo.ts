import type { ReferralIncentive, ReferralLink } from '@kith/core';
import type { MemoryOutcomes } from './outcomes.js';
import { linkTo, type MemoryReferralsFixture } from './referrals.js';

const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString();

/** The demo shopper's code (display name `Alex`) and the second advocate's, Lin's. */
export const DEMO_REFERRAL_CODE = 'ALEX-7Q2K';
export const LIN_REFERRAL_CODE = 'LIN-8H3M';
export const MEMORY_LANDING_URL = 'https://shop.example.com/';

/** Every state `referralsScenario` sets up, for a story's controls. */
export const REFERRAL_STATES = ['advocate', 'new-advocate', 'no-program', 'capped'] as const;
export type ReferralScenarioState = (typeof REFERRAL_STATES)[number];

/** The default program: the friend gets $10 off, the advocate 100 points. */
const INCENTIVE: ReferralIncentive = {
  friend: { kind: 'coupon', amountOff: { minor: 1000, currency: 'USD' } },
  advocate: { kind: 'points', points: 100 },
};

/**
 * The demo referrals in one widget state, for the signed-in `customerId`:
 * - `advocate`: the shopper's code `ALEX-7Q2K`: 42 clicks, 9 sign-ups, 4 conversions (2 approved,
 *   1 pending, 1 flagged) and a denied self-referral in `recent`; Lin's `LIN-8H3M` offers $10 off.
 * - `new-advocate`: no code yet (`getStats().code` is null); `createLink` makes one from the name.
 * - `no-program`: links carry no incentive and every offer is 404 `not_found`.
 * - `capped`: Lin's code is at its cap: its offer is 404 `code_capped`.
 */
export function demoReferralsFixture(
  now: number,
  customerId: string,
  state: ReferralScenarioState = 'advocate',
): MemoryReferralsFixture {
  const on = state !== 'no-program';
  const link = (code: string): ReferralLink => ({
    code,
    url: `${MEMORY_LANDING_URL}?kith_ref=${code}`,
    incentive: on ? INCENTIVE : null,
  });
  const at = (days: number) => iso(now - days * DAY);
  const reward = { kind: 'points', points: 100 } as const;
  const lin = {
    code: LIN_REFERRAL_CODE,
    advocateName: 'Lin',
    incentive: INCENTIVE,
    couponCode: `FRIEND-${LIN_REFERRAL_CODE}`,
  };
  const fixture: MemoryReferralsFixture = {
    links: { 'c-lin': link(LIN_REFERRAL_CODE) },
    offers: {
      [LIN_REFERRAL_CODE]:
        state === 'capped' ? { status: 404, code: 'code_capped', message: 'This code reached its limit' } : lin,
    },
    stats: {},
  };
  if (!on) fixture.offers = {};
  if (state === 'new-advocate') return fixture;
  fixture.links[customerId] = link(DEMO_REFERRAL_CODE);
  if (on)
    fixture.offers[DEMO_REFERRAL_CODE] = {
      code: DEMO_REFERRAL_CODE,
      advocateName: 'Alex',
      incentive: INCENTIVE,
      couponCode: `FRIEND-${DEMO_REFERRAL_CODE}`,
    };
  fixture.stats[customerId] = {
    code: DEMO_REFERRAL_CODE,
    clicks: 42,
    signups: 9,
    conversions: 4,
    rewards: { pending: 2, approved: 2 },
    recent: [
      { id: 'ref-demo-4', status: 'flagged', friendInitials: 'YT', reward, createdAt: at(2) },
      { id: 'ref-demo-5', status: 'denied', friendInitials: 'D', reward, createdAt: at(5) },
      {
        id: 'ref-demo-3',
        status: 'pending',
        friendInitials: 'RS',
        reward,
        createdAt: at(6),
        approvesAt: iso(now + 24 * DAY),
      },
      { id: 'ref-demo-2', status: 'approved', friendInitials: 'JP', reward, createdAt: at(90) },
      { id: 'ref-demo-1', status: 'approved', friendInitials: 'ML', reward, createdAt: at(130) },
    ],
  };
  return fixture;
}

/**
 * The demo's scripted answer to `createLink` for a shopper without a code: a code from the name
 * given (its letters, or KITH) and a fixed suffix, kept for the next calls.
 */
export const demoReferralsOutcomes: MemoryOutcomes = {
  'referrals.createLink': ({ fixture, customer }, input: { url?: string; displayName?: string } = {}) => {
    const refs = fixture.referrals!;
    const name =
      (input.displayName ?? customer.displayName)
        .toUpperCase()
        .replace(/[^A-Z]/g, '')
        .slice(0, 6) || 'KITH';
    const incentive = Object.values(refs.links)[0]?.incentive ?? INCENTIVE;
    const made = (refs.links[customer.id] ??= {
      code: `${name}-7Q2K`,
      url: `${MEMORY_LANDING_URL}?kith_ref=${name}-7Q2K`,
      incentive,
    });
    return linkTo(made, input.url);
  },
};
