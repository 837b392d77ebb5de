import { registerStrings } from '@kith/core';

registerStrings('share-button', 'en', {
  share: 'Share',
  heading: 'Share this',
  close: 'Close',
  'channel.copy': 'Copy link',
  'channel.qr': 'QR code',
  'channel.email': 'Email',
  'channel.sms': 'Text message',
  'channel.whatsapp': 'WhatsApp',
  'channel.facebook': 'Facebook',
  'channel.x': 'X',
  'channel.weibo': 'Weibo',
  'channel.line': 'LINE',
  copied: 'Link copied',
  qr: 'Scan to open the link',
  incentive: 'Give {friend}, get {advocate}',
  disclosure: 'You get your reward when a friend’s first order through your link is past its return window.',
  terms: 'Terms',
  off: '{amount} off',
  percent: '{percent}% off',
  points: '{points} points',
  'visits.one': 'Your link: {count} visit',
  'visits.other': 'Your link: {count} visits',
  'friends.one': '{count} friend ordered',
  'friends.other': '{count} friends ordered',
  rewards: 'rewards: {pending} pending, {approved} earned',
  personal: 'Your personal link',
});

registerStrings('share-button', 'zh-CN', () => import('./strings.zh-CN.js'));
registerStrings('share-button', 'zh-TW', () => import('./strings.zh-TW.js'));
