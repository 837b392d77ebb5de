import { KithPointsEarn } from './points-earn.js';

KithPointsEarn.define('kith-points-earn');

declare global {
  interface HTMLElementTagNameMap {
    'kith-points-earn': KithPointsEarn;
  }
}

export { KithPointsEarn };
