import type { StringTable } from '@kith/core';

export default {
  gift: '{name}送你{reward}',
  use: '結帳時使用優惠碼：',
  copy: '複製',
  copied: '已複製',
  disclosure: '你首次下單後，{name}將獲得獎勵。',
  terms: '活動規則',
  dismiss: '關閉',
  off: '首單立減 {amount}',
  percent: '首單 {percent}% 折扣',
  points: '{points} 積分',
} satisfies StringTable;
