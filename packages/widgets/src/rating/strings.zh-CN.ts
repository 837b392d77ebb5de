import type { StringTable } from '@kith/core';

export default { label: '评分 {average}（满分 5 分），共 {count} 条评价' } satisfies StringTable;
