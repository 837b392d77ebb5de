import { KithReferralOffer } from './referral-offer.js';

KithReferralOffer.define('kith-referral-offer');

declare global {
  interface HTMLElementTagNameMap {
    'kith-referral-offer': KithReferralOffer;
  }
}

export { KithReferralOffer };
