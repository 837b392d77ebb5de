import type { Db } from './db.js';
import type { LiveHub } from './live-hub.js';
import type { Shop } from './storage/shops.js';

export interface Deps {
  readonly db: Db;
  readonly hub: LiveHub;
  /** Writes per key and IP per minute. */
  readonly writeLimit?: number;
  /** SSE heartbeat interval in ms. */
  readonly heartbeatMs?: number;
}

export type AppEnv = {
  Variables: {
    shop: Shop;
    keyKind: 'publishable' | 'secret';
    customerId: string;
  };
};
