import type { StringTable } from '@kith/core';

export default { earn: '购买可得{points}（{program}）', 'points.other': '{n} 积分' } satisfies StringTable;
