export { createApp, VERSION, type KithApp } from './app.js';
export { createDbFromEnv, createPgliteDb, createPostgresDb, type Db } from './db.js';
export { migrate, MigrationChangedError } from './migrate.js';
export { LiveHub } from './live-hub.js';
export { startServer, DEMO_CSP, type StartOptions } from './server.js';
export {
  CLOCK_TOLERANCE_SECONDS, customerTokenKeyId, signCustomerToken, verifyCustomerToken, type CustomerClaims, type CustomerTokenSecrets, type TokenProblem,
} from './tokens.js';
export { createShop, getShop, rotateSecretKey, shopByKey, type Shop } from './storage/shops.js';
export { seedDemo, DEMO_SHOP_ID, DEMO_PUBLISHABLE_KEY, DEMO_GROUP_BUY, DEMO_REWARDS } from './seed.js';
export { driveDemo } from './driver.js';
export { ApiError } from './errors.js';
export { parseTrustProxy, resolveClientIp, type TrustProxy, type TrustProxyOption } from './middleware/client-ip.js';
export type { Deps } from './env.js';
export { createDbMediaStore, stripMetadata, type MediaRef, type MediaStore } from './media/index.js';
export { pruneMedia, UPLOAD_QUOTA, type UploadQuota } from './storage/media.js';
export { startGroupBuyScheduler, type GroupBuyScheduler, type SchedulerDeps } from './scheduler.js';
export { signWebhook, verifyWebhookSignature } from './webhooks.js';
export { applyDue, confirmSeat, getOffer, getTeam, joinTeam, leaveTeam, startTeam, adminTeams } from './storage/group-buy.js';
export { createCampaign, endCampaign, getCampaign, listCampaigns, updateCampaign } from './storage/group-buy-campaigns.js';
export { deliverDueWebhooks, putWebhookSettings, WEBHOOK_MAX_ATTEMPTS } from './storage/webhooks.js';
export { adjustPoints, checkIn, earnForOrder, earnForReview, earnForTeam, earnPoints, earnPointsIn, getAccount, getCustomer, getHistory, redeem } from './storage/points.js';
export { recordOrder, refundOrder } from './storage/orders.js';
export { applyDueExpiries } from './storage/points-ledger.js';
export { BADGES, DEFAULT_PROGRAM, createReward, getProgram, importCodes, listRewards, putProgramSettings, updateReward, type ProgramSettings } from './storage/points-program.js';
export {
  approveDueReferrals, approveConversion, denyConversion, getSettings as getReferralSettings, putSettings as putReferralSettings, reportSignup,
} from './storage/referrals.js';
