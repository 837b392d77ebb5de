import type { LiveShow } from '@kith/core';
import type { Context } from './context.js';
import type { MemoryAdapter } from './memory-adapter.js';

export function liveApi({ data, call, subscribe, show }: Context): MemoryAdapter['live'] {
  return {
    getShow: (id, o) => call('live.getShow', o, () => show(id)),
    findShow: ({ productId }, o) =>
      call('live.findShow', o, () => {
        const shows = data.shows.filter((s) => s.productIds.includes(productId));
        const by = (status: LiveShow['status']) => shows.filter((s) => s.status === status);
        const t = (s: LiveShow) => Date.parse(s.startsAt);
        return (
          by('live')[0] ??
          by('scheduled').sort((a, b) => t(a) - t(b))[0] ??
          by('ended').sort((a, b) => t(b) - t(a))[0] ??
          null
        );
      }),
    subscribeShow: (id, onShow, o) => subscribe(`show:${id}`, () => show(id), onShow, o),
  };
}
