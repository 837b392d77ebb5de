export { createApp, VERSION, type KithApp } from './app.js';
export { createDbFromEnv, createPgliteDb, createPostgresDb, DatabaseInUseError, type Db } from './db.js';
export { migrate, MigrationChangedError } from './migrate.js';
export { LiveHub } from './live-hub.js';
export { startServer, DEMO_CSP, type StartOptions } from './server.js';
export {
  CLOCK_TOLERANCE_SECONDS,
  customerTokenKeyId,
  signCustomerToken,
  verifyCustomerToken,
  type CustomerClaims,
  type CustomerTokenSecrets,
  type TokenProblem,
} from './tokens.js';
export { createShop, getShop, rotateSecretKey, shopByKey, type Shop } from './domains/shops/storage.js';
export { inviteStaff, inviteUrl, reinviteStaff, type StaffRole, type StaffUser } from './domains/staff/storage.js';
export {
  seedDemo,
  demoOwnerLink,
  DEMO_OWNER_EMAIL,
  DEMO_SHOP_ID,
  DEMO_PUBLISHABLE_KEY,
  DEMO_GROUP_BUY,
  DEMO_REWARDS,
} from './seed.js';
export { driveDemo } from './driver.js';
export { ApiError } from './errors.js';
export { parseTrustProxy, resolveClientIp, type TrustProxy, type TrustProxyOption } from './middleware/client-ip.js';
export type { Deps } from './env.js';
export { stripMetadata } from './domains/media/image/index.js';
export { createDbMediaStore, type MediaRef, type MediaStore } from './domains/media/store.js';
export { pruneMedia, UPLOAD_QUOTA, type UploadQuota } from './domains/media/storage.js';
export { startGroupBuyScheduler, type GroupBuyScheduler, type SchedulerDeps } from './scheduler.js';
export { signWebhook, verifyWebhookSignature } from './domains/webhooks/signature.js';
export {
  applyDue,
  getOffer,
  getTeam,
  joinTeam,
  leaveTeam,
  startTeam,
  adminTeams,
} from './domains/group-buy/storage.js';
export {
  createCampaign,
  endCampaign,
  getCampaign,
  listCampaigns,
  updateCampaign,
} from './domains/group-buy/campaigns.js';
export { deliverDueWebhooks, putWebhookSettings, WEBHOOK_MAX_ATTEMPTS } from './domains/webhooks/storage.js';
export {
  adjustPoints,
  checkIn,
  earnForOrder,
  earnForReview,
  earnForTeam,
  earnPoints,
  earnPointsIn,
  getAccount,
  getCustomer,
  getHistory,
  redeem,
} from './domains/points/storage.js';
export { confirmSeat, recordOrder, refundOrder } from './domains/orders/storage.js';
export { applyDueExpiries } from './domains/points/ledger.js';
export {
  BADGES,
  DEFAULT_PROGRAM,
  createReward,
  getProgram,
  importCodes,
  listRewards,
  putProgramSettings,
  updateReward,
  type ProgramSettings,
} from './domains/points/program.js';
export {
  approveDueReferrals,
  approveConversion,
  denyConversion,
  getSettings as getReferralSettings,
  putSettings as putReferralSettings,
  reportSignup,
} from './domains/referrals/storage.js';
export { ERROR_DOCS } from './error-docs.js';
