import type { StringTable } from '@kith/core';

export default { label: '評分 {average}（滿分 5 分），共 {count} 則評價' } satisfies StringTable;
