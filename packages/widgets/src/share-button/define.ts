import { KithShareButton } from './share-button.js';

KithShareButton.define('kith-share-button');

declare global {
  interface HTMLElementTagNameMap {
    'kith-share-button': KithShareButton;
  }
}

export { KithShareButton };
