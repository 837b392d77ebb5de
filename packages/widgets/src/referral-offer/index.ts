export { KithReferralOffer } from './referral-offer.js';
