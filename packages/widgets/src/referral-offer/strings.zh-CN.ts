import type { StringTable } from '@kith/core';

export default {
  gift: '{name}送你{reward}',
  use: '结账时使用优惠码：',
  copy: '复制',
  copied: '已复制',
  disclosure: '你首次下单后，{name}将获得奖励。',
  terms: '活动规则',
  dismiss: '关闭',
  off: '首单立减 {amount}',
  percent: '首单 {percent}% 折扣',
  points: '{points} 积分',
} satisfies StringTable;
