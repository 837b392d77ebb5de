export { KithShareButton } from './share-button.js';
export { registerShareChannel, channelsFor, type ShareChannel, type ShareContent } from './channels.js';
