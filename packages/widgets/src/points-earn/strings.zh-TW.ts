import type { StringTable } from '@kith/core';

export default { earn: '購買可得{points}（{program}）', 'points.other': '{n} 積分' } satisfies StringTable;
