import type { StringTable } from '@kith/core';

export default {
  live: '直播中',
  viewers: '{viewers}人觀看',
  startsIn: '{when}開播',
  startingSoon: '即將開播',
  addToCalendar: '加入行事曆',
  replay: '觀看重播',
  ended: '直播已結束',
  liveLabel: '正在直播：{title}，{viewers}人觀看',
} satisfies StringTable;
