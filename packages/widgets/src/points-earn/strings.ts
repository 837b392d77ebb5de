import { registerStrings } from '@kith/core';

registerStrings('points-earn', 'en', {
  earn: 'Earn {points} with {program}',
  'points.one': '{n} point',
  'points.other': '{n} points',
});

registerStrings('points-earn', 'zh-CN', () => import('./strings.zh-CN.js'));
registerStrings('points-earn', 'zh-TW', () => import('./strings.zh-TW.js'));
