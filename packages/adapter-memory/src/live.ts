import type { Context, MemoryAdapter } from './memory-adapter.js';

export function liveApi({ data, call, subscribe, show }: Context): MemoryAdapter['live'] {
  return {
    getShow: (id, o) => call('live.getShow', o, () => show(id)),
    // The fixture's first show of the product: which show the server picks (live, next, last) is its rule.
    findShow: ({ productId }, o) =>
      call('live.findShow', o, () => data.shows.find((s) => s.productIds.includes(productId)) ?? null),
    subscribeShow: (id, onShow, o) => subscribe(`show:${id}`, () => show(id), onShow, o),
  };
}
