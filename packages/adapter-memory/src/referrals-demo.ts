import recorded from '../recorded/demo.js';
import type { MemoryReferralsFixture } from './referrals.js';
import type { MemoryOutcomes } from './runtime.js';
import { shifted } from './served.js';

/** Every state `referralsScenario` sets up, for a story's controls. */
export const REFERRAL_STATES = ['advocate', 'new-advocate', 'no-program', 'capped'] as const;
export type ReferralScenarioState = (typeof REFERRAL_STATES)[number];

/**
 * The demo referrals in one state as the server served them (`npm run record`), for the shopper
 * `customerId`: their link and stats, and what Lin's `LIN-8H3M` and their `ALEX-7Q2K` offer a friend.
 */
export function demoReferralsFixture(
  now: number,
  customerId: string,
  state: ReferralScenarioState = 'advocate',
): MemoryReferralsFixture {
  const { link, offers, stats } = shifted(recorded.referrals[state]!, now);
  return { links: link ? { [customerId]: link } : {}, offers, stats: stats ? { [customerId]: stats } : {} };
}

/** The demo's first link: the shopper's recorded one, kept for the next calls. */
export const demoReferralsOutcomes: MemoryOutcomes = {
  'referrals.createLink': ({ fixture, customer }) =>
    (fixture.referrals!.links[customer.id] = structuredClone(recorded.referrals.advocate!.link!)),
};
