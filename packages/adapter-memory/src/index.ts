export { createMemoryAdapter, type MemoryAdapter, type MemoryAdapterOptions, type MemoryControl, type FailureMode, type ScenarioStep } from './memory-adapter.js';
export { playLiveScenario, type LiveScenarioOptions } from './scenarios.js';
export { demoSeed, demoCampaign, demoTeams, type MemoryCustomer, type MemoryOrder, type MemorySeed } from './seed.js';
export { initialsOf, type MemoryCampaign, type MemoryTeam, type MemoryTeamSeat } from './group-buy.js';
export {
  groupBuyScenario, playGroupBuyScenario, GROUP_BUY_STATES, DEMO_SHOPPER,
  type GroupBuyScenario, type GroupBuyScenarioState, type GroupBuyPlayOptions,
} from './group-buy-demo.js';
export { DEFAULT_REVIEW_SETTINGS, type MemoryReviewSettings } from './moderation.js';
export { manyReviews } from './many-reviews.js';
export {
  DEFAULT_POINTS_PROGRAM, POINTS_BADGES,
  type MemoryPointsSeed, type MemoryPointsEntry, type MemoryReward, type MemoryRewardInput, type MemoryOrderInput,
} from './points.js';
export { DEMO_POINTS_PROGRAM, demoRewards } from './points-seed.js';
export { pointsScenario, POINTS_STATES, type PointsScenario, type PointsScenarioState } from './points-demo.js';
export {
  codePrefix, friendInitials, MEMORY_LANDING_URL,
  type MemoryReferralSettings, type MemoryReferralSettingsView, type MemoryReferralsSeed, type MemoryReferralCode, type MemoryReferralVisit,
  type MemoryReferralSignup, type MemoryReferralConversion, type MemoryOrderReferral, type MemoryReferralAdminView,
} from './referrals.js';
export { demoReferrals, DEMO_REFERRAL_CODE, LIN_REFERRAL_CODE, type DemoReferralsOptions } from './referrals-seed.js';
export { referralsScenario, REFERRAL_STATES, type ReferralScenario, type ReferralScenarioState } from './referrals-demo.js';
