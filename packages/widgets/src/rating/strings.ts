import { registerStrings } from '@kith/core';

registerStrings('rating', 'en', {
  'label.one': 'Rated {average} out of 5 stars, {count} review',
  'label.other': 'Rated {average} out of 5 stars, {count} reviews',
});
// Other languages load on first use.
registerStrings('rating', 'zh-CN', () => import('./strings.zh-CN.js'));
registerStrings('rating', 'zh-TW', () => import('./strings.zh-TW.js'));
