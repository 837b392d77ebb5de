import { serve, type ServerType } from '@hono/node-server';
import { serveStatic } from '@hono/node-server/serve-static';
import { createApp } from './app.js';
import { defaultCdnDir } from './cdn.js';
import { defaultConsoleDir } from './console.js';
import { retryWhileUnavailable, type Db } from './db.js';
import { LiveHub } from './live-hub.js';
import type { MediaStore } from './domains/media/store.js';
import type { TrustProxyOption } from './middleware/client-ip.js';
import { migrate } from './migrate.js';
import { startGroupBuyScheduler } from './scheduler.js';
import type { UploadQuota } from './domains/media/storage.js';

export interface StartOptions {
  readonly db: Db;
  readonly port?: number;
  readonly hostname?: string;
  /** Also serve a static site (the demo shop) with a strict CSP: `{ '/': dir, '/cdn/': dir }`. */
  readonly staticMounts?: Readonly<Record<string, string>>;
  readonly writeLimit?: number;
  /** Where photo bytes live; default: the database, shared by every process. */
  readonly media?: MediaStore;
  /** Photo uploads per customer in any 24 hours; default 30 photos and 60 MB (`UPLOAD_QUOTA`). */
  readonly uploadQuota?: UploadQuota;
  /** Public origin for absolute photo URLs behind a proxy (e.g. `https://api.example.com`). */
  readonly publicUrl?: string;
  /** Whose `X-Forwarded-For` to believe: a hop count or trusted IPs/CIDRs (docs/server.md); default off. */
  readonly trustProxy?: TrustProxyOption;
  /** How often the scheduler runs (group-buy holds and deadlines, points expiry, webhooks, abandoned photos) in ms; default 5000; `false` or 0: not in this process. */
  readonly schedulerIntervalMs?: number | false;
  /** First webhook retry after this many ms, then ×4 per attempt (8 attempts); default 30 000. */
  readonly webhookRetryBaseMs?: number;
  /** The script-tag build served at `/cdn/`; default `@kith/embed`'s when it is built; `false`: none. */
  readonly cdn?: string | false;
  /** The merchant console served at `/admin/`; default `@kith/console`'s when it is built; `false`: none. */
  readonly console?: string | false;
  /** Adds routes before the static mounts (the demo's failure switch, say). */
  readonly extend?: (app: ReturnType<typeof createApp>) => void;
}

/** The CSP the demo pages get, as documented in docs/csp.md; `frame-ancestors 'none'`: no site may frame them (clickjacking). */
export const DEMO_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "require-trusted-types-for 'script'",
  'trusted-types lit-html',
].join('; ');

/**
 * Migrates, starts the LISTEN hub and the scheduler, and serves. Resolves with the HTTP server and a
 * clean `close()`. A database that can't be reached yet is waited for (with backoff, logged), not fatal.
 */
export async function startServer(
  o: StartOptions,
): Promise<{ server: ServerType; port: number; close(): Promise<void> }> {
  await retryWhileUnavailable('migrations', () => migrate(o.db));
  const hub = new LiveHub(o.db);
  await retryWhileUnavailable('live updates', () => hub.start());
  const app = createApp({
    db: o.db,
    hub,
    writeLimit: o.writeLimit,
    media: o.media,
    uploadQuota: o.uploadQuota,
    publicUrl: o.publicUrl,
    trustProxy: o.trustProxy,
    cdn: o.cdn === false ? undefined : (o.cdn ?? defaultCdnDir()),
    console: o.console === false ? undefined : (o.console ?? defaultConsoleDir()),
  });
  if (o.staticMounts || o.extend) {
    // Registered after the API routes, so it wraps only the pages served below.
    app.use('*', async (c, next) => {
      await next();
      c.res.headers.set('cache-control', 'no-cache'); // nosniff comes from the app's own middleware
      // Other sites see the origin a visitor came from, never the page's path and query.
      c.res.headers.set('referrer-policy', 'strict-origin-when-cross-origin');
      if (c.res.headers.get('content-type')?.startsWith('text/html'))
        c.res.headers.set('content-security-policy', DEMO_CSP);
    });
  }
  o.extend?.(app);
  for (const [prefix, root] of Object.entries(o.staticMounts ?? {}).sort((a, b) => b[0].length - a[0].length)) {
    app.use(`${prefix}*`, serveStatic({ root, rewriteRequestPath: (p) => p.slice(prefix.length - 1) }));
  }
  const server = await new Promise<ServerType>((resolve) => {
    const s = serve({ fetch: app.fetch, port: o.port ?? 8787, hostname: o.hostname }, () => resolve(s));
  });
  const scheduler =
    o.schedulerIntervalMs === false || o.schedulerIntervalMs === 0
      ? undefined
      : startGroupBuyScheduler(
          { db: o.db, media: o.media, webhookRetryBaseMs: o.webhookRetryBaseMs },
          { intervalMs: o.schedulerIntervalMs },
        );
  const address = server.address();
  return {
    server,
    port: typeof address === 'object' && address ? address.port : (o.port ?? 8787),
    async close() {
      await new Promise<void>((r) => server.close(() => r()));
      await scheduler?.stop();
      await hub.close();
    },
  };
}
