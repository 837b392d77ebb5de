import { KithGroupBuy } from './group-buy.js';

KithGroupBuy.define('kith-group-buy');

declare global {
  interface HTMLElementTagNameMap {
    'kith-group-buy': KithGroupBuy;
  }
}

export { KithGroupBuy };
