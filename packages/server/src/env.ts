import type { Db } from './db.js';
import type { LiveHub } from './live-hub.js';
import type { MediaStore } from './domains/media/store.js';
import type { IdempotencyClaim } from './middleware/idempotency.js';
import type { RequestDb } from './request-tx.js';
import type { TrustProxyOption } from './middleware/client-ip.js';
import type { UploadQuota } from './domains/media/storage.js';
import type { Shop } from './domains/shops/storage.js';
import type { StaffUser } from './domains/staff/storage.js';

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
  /**
   * Which proxies' `X-Forwarded-For` decides the client IP (rate limits, fraud checks, logs):
   * off by default; a hop count (`1`) or trusted IPs and CIDRs (`'10.0.0.0/8,fd00::/8'`).
   */
  readonly trustProxy?: TrustProxyOption;
  /** The script-tag build to serve at `/cdn/` (`@kith/embed`'s `dist/cdn`); none: no `/cdn/`. */
  readonly cdn?: string;
  /** The merchant console to serve at `/admin/` (`@kith/console`'s `dist`); none: no console. */
  readonly console?: string;
}

/** What routers get: every optional dependency filled in. */
export type AppDeps = Deps & { readonly db: RequestDb; readonly media: MediaStore };

export type AppEnv = {
  Variables: {
    shop: Shop;
    keyKind: 'publishable' | 'secret';
    customerId: string;
    /** The staff member a console session signed in (admin and console routes); unset for the secret key. */
    staff: StaffUser | undefined;
    /** An admin write's operation, for the audit log (`operationId`), and whether a moderator may make it. */
    audit: { readonly operation: string; readonly moderation: boolean } | undefined;
    /** What an admin write changed, as it was before: set by a handler that reads it (the audit log's `before`). */
    auditBefore: unknown;
    /** The app's database: a write handler's calls join its request transaction. */
    db: RequestDb;
    /** Set by `idempotency()` on a POST. */
    idempotency: IdempotencyClaim | undefined;
    /** The client's address, as the trust-proxy setting resolves it (`clientIp(c)`). */
    clientIp: string;
    /** This request's `Request-Id` (middleware/request-id.ts). */
    requestId: string;
  };
};
