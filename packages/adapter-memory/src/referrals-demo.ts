import { DEMO_SHOPPER } from './group-buy-demo.js';
import { demoReferrals, type DemoReferralsOptions } from './referrals-seed.js';
import { demoSeed, type MemoryCustomer, type MemorySeed } from './seed.js';

/** Every state `referralsScenario` sets up, for a story's controls. */
export const REFERRAL_STATES = ['advocate', 'new-advocate', 'no-program', 'capped'] as const;

export type ReferralScenarioState = (typeof REFERRAL_STATES)[number];

export interface ReferralScenario {
  /** Pass to `createMemoryAdapter({ seed, customer })`. */
  readonly seed: MemorySeed;
  /** The signed-in shopper (the advocate); pass `customer: null` instead for the friend's landing. */
  readonly customer: MemoryCustomer;
}

/**
 * The demo data (`demoSeed`) with referrals in one widget state, for the signed-in `customer`
 * (default `DEMO_SHOPPER`). The program runs the defaults: the friend gets $10 off (code
 * `FRIEND-<CODE>`), the advocate 100 points per friend's first order after a 30-day window; links
 * point at `https://shop.example.com/`.
 * - `advocate`: the shopper's code `ALEX-7Q2K` ("Alex"): 42 clicks, 9 sign-ups, 4 conversions
 *   (2 approved, 1 pending, 1 flagged; `rewards` 2 pending, 2 approved) and a denied self-referral
 *   in `recent`. Lin's `LIN-8H3M` offers the friend's landing its $10 off.
 * - `new-advocate`: the shopper has no code yet (`getStats().code` is null); the first
 *   `createLink` makes one from the display name passed. Lin's code is as in `advocate`.
 * - `no-program`: `advocate` with the program switched off (`enabled: false`): links carry no
 *   incentive and every offer is 404 `not_found`.
 * - `capped`: `advocate` with Lin's code at its cap (50 conversions): its offer is 404 `code_capped`.
 */
export function referralsScenario(state: ReferralScenarioState, o: { now?: number; customer?: MemoryCustomer } = {}): ReferralScenario {
  const now = o.now ?? Date.now();
  const customer = o.customer ?? DEMO_SHOPPER;
  const base = demoSeed(now, customer.id);
  let options: DemoReferralsOptions = {};
  let enabled = true;
  switch (state) {
    case 'advocate':
      return { seed: base, customer };
    case 'new-advocate':
      options = { noCode: true };
      break;
    case 'no-program':
      enabled = false;
      break;
    case 'capped':
      options = { linCapped: true };
      break;
    default:
      throw new TypeError(`referralsScenario: unknown state ${String(state)}; one of ${REFERRAL_STATES.join(', ')}`);
  }
  const { orders, referrals } = demoReferrals(now, customer.id, options);
  // The demo orders without the referral ones, then this state's.
  const own = (base.orders ?? []).filter((x) => !/^o-(ref|lin)-/.test(x.id ?? ''));
  return { seed: { ...base, orders: [...own, ...orders], referrals: { ...referrals, ...(enabled ? {} : { settings: { enabled: false } }) } }, customer };
}
