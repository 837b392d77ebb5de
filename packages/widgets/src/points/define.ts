import { KithPoints } from './points.js';

KithPoints.define('kith-points');

declare global {
  interface HTMLElementTagNameMap {
    'kith-points': KithPoints;
  }
}

export { KithPoints };
