// Side-effect free: import a widget's `define` entry (or `@kith/widgets/define`) to register tags.
export { KithLiveBadge } from './live-badge/index.js';
export { KithRating } from './rating/index.js';
export { KithReviews } from './reviews/index.js';
export { KithGroupBuy } from './group-buy/index.js';
export { KithPoints } from './points/index.js';
export { KithPointsEarn } from './points-earn/index.js';
export { KithShareButton, registerShareChannel, type ShareChannel } from './share-button/index.js';
export { KithReferralOffer } from './referral-offer/index.js';
