export { createMemoryAdapter } from './memory-adapter.js';
export type { MemoryAdapter, MemoryAdapterOptions, MemoryControl, ScenarioStep } from './memory-adapter.js';
export type { FailureMode } from './runtime.js';
export type { MemoryOutcomes, Outcome, OutcomeContext } from './outcomes.js';
export { playLiveScenario, pointsScenario, referralsScenario } from './scenarios.js';
export type { LiveScenarioOptions, Scenario } from './scenarios.js';
export { demoSeed, demoCampaign, demoTeams, type MemoryCustomer, type MemorySeed } from './seed.js';
export type { MemoryGroupBuyFixture, MemoryOffer, MemoryTeam } from './group-buy.js';
export {
  groupBuyScenario,
  playGroupBuyScenario,
  demoGroupBuyOutcomes,
  GROUP_BUY_STATES,
  DEMO_SHOPPER,
} from './group-buy-demo.js';
export type { GroupBuyScenario, GroupBuyScenarioState } from './group-buy-demo.js';
export { demoReviewsOutcomes } from './reviews.js';
export { manyReviews } from './many-reviews.js';
export type { MemoryPointsCustomer, MemoryPointsFixture } from './points.js';
export { demoPointsFixture, demoPointsOutcomes, POINTS_STATES, type PointsScenarioState } from './points-demo.js';
export type { MemoryReferralsFixture } from './referrals.js';
export { demoReferralsFixture, demoReferralsOutcomes, REFERRAL_STATES } from './referrals-demo.js';
export type { ReferralScenarioState } from './referrals-demo.js';
