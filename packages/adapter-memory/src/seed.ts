import type { LiveShow, Question, Review, ReviewSummary, UploadedMedia } from '@kith/core';
import recorded from '../recorded/demo.js';
import type { MemoryOffer, MemoryTeam } from './group-buy.js';
import { demoGroupBuy } from './group-buy-demo.js';
import type { MemoryPointsFixture } from './points.js';
import { demoPointsFixture } from './points-demo.js';
import type { MemoryReferralsFixture } from './referrals.js';
import { demoReferralsFixture } from './referrals-demo.js';
import { shifted } from './served.js';

/** A signed-in shopper. */
export interface MemoryCustomer {
  readonly id: string;
  readonly displayName: string;
}
/** The demo's shopper, who holds its points account and referral link (`AK` in the group-buy teams). */
export const DEMO_SHOPPER: MemoryCustomer = { id: 'demo-customer', displayName: 'Alex Kim' };

/** Everything the memory adapter serves. Pass your own to `createMemoryAdapter({ seed })`. */
export interface MemorySeed {
  shows: LiveShow[];
  reviews: Review[];
  /** Questions as served: newest first, each with its published answers in the served order. */
  questions?: Question[];
  /** Each product's review summary as served; a product without one answers an empty summary. */
  summaries?: Record<string, ReviewSummary>;
  /** Review listings as served by query (`p1 rating=5 sort=newest`): ids in order. */
  listings?: Record<string, readonly string[]>;
  /** Photos uploaded through `uploadMedia`, for the review that uses them. */
  uploads?: UploadedMedia[];
  /** Group-buy offers as served, one per product: the campaign, the teams it lists, each customer's team. */
  offers?: MemoryOffer[];
  /** Group-buy teams as served (see `MemoryTeam`). */
  teams?: MemoryTeam[];
  /** The points program and each customer's account and history, as served (nothing is derived). */
  points?: MemoryPointsFixture;
  /** Referral links, offers and stats, as served (nothing is derived). */
  referrals?: MemoryReferralsFixture;
}

/**
 * Deterministic demo data around `now`: a product with a show, reviews with photos, Q&A, a group buy, points and
 * referrals. `customerId` (the adapter passes its signed-in customer) holds the demo points account and advocates
 * with referral code `ALEX-7Q2K`; Lin's code `LIN-8H3M` comes with it.
 */
export function demoSeed(now = Date.now(), customerId = DEMO_SHOPPER.id): MemorySeed {
  const { offers, teams } = demoGroupBuy('forming', now, customerId);
  const { shows, reviews, questions, summaries, listings } = recorded;
  const served = shifted({ shows, reviews, questions }, now);
  return {
    ...served,
    ...structuredClone({ summaries, listings }),
    ...{ offers, teams },
    points: demoPointsFixture(now, customerId),
    referrals: demoReferralsFixture(now, customerId),
  };
}
