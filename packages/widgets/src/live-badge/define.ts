import { KithLiveBadge } from './live-badge.js';

KithLiveBadge.define('kith-live-badge');

declare global {
  interface HTMLElementTagNameMap {
    'kith-live-badge': KithLiveBadge;
  }
}

export { KithLiveBadge };
