import { registerStrings } from '@kith/core';

registerStrings('referral-offer', 'en', {
  gift: '{name} gave you {reward}',
  use: 'Use this code at checkout:',
  copy: 'Copy',
  copied: 'Copied',
  disclosure: '{name} gets a reward when you place your first order.',
  terms: 'Terms',
  dismiss: 'Dismiss',
  off: '{amount} off your first order',
  percent: '{percent}% off your first order',
  points: '{points} points',
});

registerStrings('referral-offer', 'zh-CN', () => import('./strings.zh-CN.js'));
registerStrings('referral-offer', 'zh-TW', () => import('./strings.zh-TW.js'));
