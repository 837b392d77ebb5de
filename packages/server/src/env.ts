import type { Db } from './db.js';
import type { LiveHub } from './live-hub.js';
import type { MediaStore } from './media/store.js';
import type { UploadQuota } from './storage/media.js';
import type { Shop } from './storage/shops.js';

export interface Deps {
  readonly db: Db;
  readonly hub: LiveHub;
  /** Where photo bytes live; default: the database (`createDbMediaStore`). */
  readonly media?: MediaStore;
  /** The server's public origin for absolute photo URLs (e.g. `https://api.example.com`); default: the request's origin. */
  readonly publicUrl?: string;
  /** Writes per key and IP per minute. */
  readonly writeLimit?: number;
  /** Photo uploads per customer in any 24 hours; default `UPLOAD_QUOTA` (30 photos, 60 MB). */
  readonly uploadQuota?: UploadQuota;
  /** SSE heartbeat interval in ms. */
  readonly heartbeatMs?: number;
}

/** What routers get: every optional dependency filled in. */
export type AppDeps = Deps & { readonly media: MediaStore };

export type AppEnv = {
  Variables: {
    shop: Shop;
    keyKind: 'publishable' | 'secret';
    customerId: string;
  };
};
