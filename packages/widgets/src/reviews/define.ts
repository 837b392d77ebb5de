import { KithReviews } from './reviews.js';

KithReviews.define('kith-reviews');

declare global {
  interface HTMLElementTagNameMap {
    'kith-reviews': KithReviews;
  }
}

export { KithReviews };
