import type { KithAdapter } from '../adapter.js';

/**
 * A cache of stores per adapter and key, so every widget showing the same thing shares one store
 * (and one request or subscription). Keyed weakly by adapter, so a dropped adapter frees its stores.
 */
export function storeCache<S>(): (adapter: KithAdapter, key: string, create: () => S) => S {
  const byAdapter = new WeakMap<KithAdapter, Map<string, S>>();
  return (adapter, key, create) => {
    let byKey = byAdapter.get(adapter);
    if (!byKey) byAdapter.set(adapter, (byKey = new Map()));
    let store = byKey.get(key);
    if (!store) byKey.set(key, (store = create()));
    return store;
  };
}
