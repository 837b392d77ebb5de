import { KithRating } from './rating.js';

KithRating.define('kith-rating');

declare global {
  interface HTMLElementTagNameMap {
    'kith-rating': KithRating;
  }
}

export { KithRating };
