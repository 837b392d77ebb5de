import { registerStrings } from '@kith/core';

// Plural keys (`.one`, `.other`) are chosen by Intl.PluralRules from `count`; `{viewers}` is the
// compact number (`1.2K`, `1.2万`).
registerStrings('live-badge', 'en', {
  // Upper case in the string, not in CSS, so each language keeps its own convention.
  live: 'LIVE',
  viewers: '{viewers} watching',
  startsIn: 'Live {when}',
  startingSoon: 'Starting soon',
  addToCalendar: 'Add to calendar',
  replay: 'Watch replay',
  ended: 'Stream ended',
  liveLabel: 'Live now: {title}, {viewers} watching',
});

// Other languages load on first use.
registerStrings('live-badge', 'zh-CN', () => import('./strings.zh-CN.js'));
registerStrings('live-badge', 'zh-TW', () => import('./strings.zh-TW.js'));
