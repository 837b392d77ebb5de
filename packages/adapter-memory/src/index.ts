export {
  createMemoryAdapter,
  type MemoryAdapter,
  type MemoryAdapterOptions,
  type MemoryControl,
  type ScenarioStep,
} from './memory-adapter.js';
export type { FailureMode } from './runtime.js';
export {
  playLiveScenario,
  pointsScenario,
  referralsScenario,
  type LiveScenarioOptions,
  type Scenario,
} from './scenarios.js';
export { demoSeed, demoCampaign, demoTeams, type MemoryCustomer, type MemoryOrder, type MemorySeed } from './seed.js';
export { type MemoryGroupBuyFixture, type MemoryOffer, type MemoryTeam } from './group-buy.js';
export {
  groupBuyScenario,
  playGroupBuyScenario,
  demoGroupBuyOutcomes,
  GROUP_BUY_STATES,
  DEMO_SHOPPER,
  type GroupBuyScenario,
  type GroupBuyScenarioState,
} from './group-buy-demo.js';
export { demoReviewsOutcomes } from './reviews.js';
export { manyReviews } from './many-reviews.js';
export { type MemoryPointsCustomer, type MemoryPointsFixture } from './points.js';
export { demoPointsFixture, demoPointsOutcomes, POINTS_STATES, type PointsScenarioState } from './points-demo.js';
export { type MemoryReferralsFixture } from './referrals.js';
export {
  demoReferralsFixture,
  demoReferralsOutcomes,
  REFERRAL_STATES,
  type ReferralScenarioState,
} from './referrals-demo.js';
export { type MemoryOutcomes, type Outcome, type OutcomeContext } from './outcomes.js';
