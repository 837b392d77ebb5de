import type { StringTable } from '@kith/core';

export default {
  live: '直播中',
  viewers: '{viewers}人观看',
  startsIn: '{when}开播',
  startingSoon: '即将开播',
  addToCalendar: '添加到日历',
  replay: '观看回放',
  ended: '直播已结束',
  liveLabel: '正在直播：{title}，{viewers}人观看',
} satisfies StringTable;
