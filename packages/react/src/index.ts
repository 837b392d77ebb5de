// Every wrapper; import one widget's (`@kith/react/live-badge`) to ship only what a page uses.
export { LiveBadge } from './live-badge.js';
export { Rating } from './rating.js';
export { Reviews } from './reviews.js';
export { GroupBuy } from './group-buy.js';
export { Points } from './points.js';
export { PointsEarn } from './points-earn.js';
export { ShareButton } from './share-button.js';
export { ReferralOffer } from './referral-offer.js';
