// `@kith/server/testing`: the real server in-process, for other packages' tests. Everything goes
// through the public API (`./index.js`), so tests exercise the same rules as production.
import { randomUUID } from 'node:crypto';
import { serve, type ServerType } from '@hono/node-server';
import {
  createApp,
  createPgliteDb,
  createPostgresDb,
  createShop,
  LiveHub,
  migrate,
  signCustomerToken,
  type Db,
  type Shop,
} from './index.js';

/**
 * A migrated database: PGlite in memory, or a fresh schema on the PostgreSQL server named by
 * `KITH_DATABASE_URL` (so the same tests run on both engines).
 */
export async function createTestDb(env: Record<string, string | undefined> = process.env): Promise<Db> {
  const url = env.KITH_DATABASE_URL;
  const db = url
    ? await createPostgresDb(url, { schema: `t_${randomUUID().replace(/-/g, '').slice(0, 12)}`, max: 4 })
    : await createPgliteDb();
  await migrate(db);
  return db;
}

/** A shop with fresh keys; the id is random so tests sharing a database never share rows. */
export function createTestShop(
  db: Db,
  extra: { name?: string; publishableKey?: string; allowedOrigins?: string[] } = {},
): Promise<Shop> {
  return createShop(db, { id: `shop_${randomUUID().slice(0, 8)}`, name: 'Test shop', ...extra });
}

/** One request as the server received it (the body parsed when it was JSON). */
export interface RecordedRequest {
  readonly method: string;
  readonly path: string;
  readonly query: Record<string, string>;
  readonly headers: Record<string, string>;
  readonly body?: unknown;
}

/** One attempt to open an event stream (`…/events`), with the status it got. */
export interface StreamAttempt {
  readonly at: number;
  /** The path without `/v1` and `/events`, e.g. `/live/shows/show-1`. */
  readonly subject: string;
  readonly key: string | null;
  readonly lastEventId: string | undefined;
  status: number;
}

export interface TestBackendOptions {
  /** The `: ping` interval of event streams (default 15 s, as in production). */
  readonly heartbeatMs?: number;
  /** Sends `retry: <ms>` first on every stream (the server never does), to speed up EventSource reconnects. */
  readonly retryMs?: number;
  /** Origins allowed by the default shop (a browser page on another port). */
  readonly allowedOrigins?: string[];
  /** The database (default `createTestDb()`); the backend closes it. */
  readonly db?: Db;
}

export interface TestBackend {
  /** `http://127.0.0.1:<port>/v1`. */
  readonly baseUrl: string;
  readonly db: Db;
  /** The shop every helper below acts for. */
  readonly shop: Shop;
  /** A signed customer token of the shop (async, so a token signer that becomes async changes nothing here). */
  customerToken(customerId: string): Promise<string>;
  /** The merchant's API with the shop's secret key; a refusal throws `AdminError` with the server's status and code. */
  readonly admin: TestAdmin;
  /** Another shop on the same server, with its own keys, token signer and admin client. */
  addShop(extra?: {
    name?: string;
  }): Promise<{ shop: Shop; customerToken(customerId: string): Promise<string>; admin: TestAdmin }>;
  /** Every request received, oldest first (`requests.length = 0` forgets them). */
  readonly requests: RecordedRequest[];
  readonly streams: TestStreams;
  close(): Promise<void>;
}

/** Faults on the event streams, between the client and the real server. */
export interface TestStreams {
  readonly attempts: StreamAttempt[];
  /** Streams still open. */
  readonly open: number;
  /** The id of the last event sent on a subject's streams (`/live/shows/show-1`). */
  lastEventId(subject: string): string | undefined;
  /** Writes raw text to every open stream of a subject (malformed events, odd fields). */
  sendRaw(subject: string, text: string): void;
  /** Ends every open stream, as a restarting server would. */
  drop(): void;
  /** A status to answer instead of the stream, or a function of the 1-based attempt number (undefined: no fault). */
  fail(fault: number | ((attempt: number) => number | undefined) | undefined): void;
}

export class AdminError extends Error {
  constructor(
    readonly status: number,
    readonly code: string | undefined,
    message: string,
  ) {
    super(message);
    this.name = 'AdminError';
  }
}

export interface TestAdmin {
  /** Any admin call: `call('POST', '/admin/orders', order)`; POSTs get a fresh Idempotency-Key. */
  call<T = unknown>(method: string, path: string, body?: unknown): Promise<T>;
  createShow(show: {
    id?: string;
    title?: string;
    startsAt?: string;
    productIds?: string[];
    streamUrl?: string;
  }): Promise<unknown>;
  startShow(id: string, viewerCount?: number): Promise<unknown>;
  setViewers(id: string, viewerCount: number): Promise<unknown>;
  endShow(id: string, replayUrl?: string): Promise<unknown>;
  approveReview(id: string): Promise<unknown>;
  /** `POST /admin/orders` (points, verified reviews, a held seat with `teamId`, a referral with `referralCode`). */
  reportOrder(order: Record<string, unknown>): Promise<unknown>;
  refundOrder(orderId: string): Promise<unknown>;
  adjustPoints(customerId: string, points: number, note: string): Promise<unknown>;
}

function adminClient(baseUrl: string, secretKey: string): TestAdmin {
  const call = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const res = await fetch(`${baseUrl}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${secretKey}`,
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(method === 'POST' ? { 'idempotency-key': randomUUID() } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    const json = text ? JSON.parse(text) : undefined;
    if (!res.ok) throw new AdminError(res.status, json?.error?.code, `${method} ${path}: ${res.status} ${text}`);
    return json as T;
  };
  const show = (id: string) => `/admin/live/shows/${encodeURIComponent(id)}`;
  return {
    call,
    createShow: (s) =>
      call('POST', '/admin/live/shows', {
        title: 'Test show',
        startsAt: new Date(Date.now() + 3_600_000).toISOString(),
        productIds: ['p1'],
        streamUrl: 'https://live.example.com/x',
        ...s,
      }),
    startShow: (id, viewerCount = 0) => call('POST', `${show(id)}/start`, { viewerCount }),
    setViewers: (id, viewerCount) => call('PUT', `${show(id)}/viewers`, { viewerCount }),
    endShow: (id, replayUrl) => call('POST', `${show(id)}/end`, replayUrl ? { replayUrl } : {}),
    approveReview: (id) => call('POST', `/admin/reviews/${encodeURIComponent(id)}/approve`),
    reportOrder: (order) => call('POST', '/admin/orders', order),
    refundOrder: (orderId) => call('POST', `/admin/orders/${encodeURIComponent(orderId)}/refund`),
    adjustPoints: (customerId, points, note) => call('POST', '/admin/points/adjust', { customerId, points, note }),
  };
}

interface OpenStream {
  readonly subject: string;
  push(text: string): void;
  end(): void;
}

/** Records requests and puts the stream faults between the client and the app. */
function faultyFetch(
  app: { fetch: (req: Request, env?: unknown) => Response | Promise<Response> },
  o: TestBackendOptions,
) {
  const requests: RecordedRequest[] = [];
  const attempts: StreamAttempt[] = [];
  const open = new Set<OpenStream>();
  const lastIds = new Map<string, string>();
  let fault: number | ((attempt: number) => number | undefined) | undefined;

  const record = async (req: Request) => {
    const url = new URL(req.url);
    const text = req.body ? await req.clone().text() : '';
    let body: unknown = text || undefined;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      /* not JSON: kept as text */
    }
    requests.push({
      method: req.method,
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      headers: Object.fromEntries(req.headers),
      ...(body !== undefined ? { body } : {}),
    });
    return url;
  };

  // The app's stream passes through unchanged; the test can add text to it or end it.
  const wrap = (subject: string, res: Response): Response => {
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    let stream: OpenStream;
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        const encoder = new TextEncoder();
        stream = {
          subject,
          push: (text) => controller.enqueue(encoder.encode(text)),
          end: () => {
            open.delete(stream);
            void reader.cancel().catch(() => {});
            controller.close();
          },
        };
        open.add(stream);
        if (o.retryMs) stream.push(`retry: ${o.retryMs}\n\n`);
      },
      async pull(controller) {
        const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true }));
        if (!open.has(stream)) return;
        if (done) {
          open.delete(stream);
          controller.close();
          return;
        }
        for (const m of decoder.decode(value, { stream: true }).matchAll(/^id: ?(.*)$/gm)) lastIds.set(subject, m[1]!);
        controller.enqueue(value);
      },
      cancel() {
        open.delete(stream);
        return reader.cancel();
      },
    });
    return new Response(body, { status: res.status, headers: res.headers });
  };

  const fetch = async (req: Request): Promise<Response> => {
    const url = await record(req);
    const events = /^\/v1(\/.+)\/events$/.exec(url.pathname);
    if (!events) return app.fetch(req);
    const attempt: StreamAttempt = {
      at: Date.now(),
      subject: decodeURI(events[1]!),
      key: url.searchParams.get('key'),
      lastEventId: req.headers.get('last-event-id') ?? undefined,
      status: 200,
    };
    attempts.push(attempt);
    const refused = typeof fault === 'function' ? fault(attempts.length) : fault;
    if (refused) {
      attempt.status = refused;
      return Response.json(
        { error: { code: 'unavailable', message: 'Stream refused by the test' } },
        { status: refused },
      );
    }
    const res = await app.fetch(req);
    attempt.status = res.status;
    return res.ok && res.body ? wrap(attempt.subject, res) : res;
  };

  const streams: TestStreams = {
    attempts,
    get open() {
      return open.size;
    },
    lastEventId: (subject) => lastIds.get(subject),
    sendRaw: (subject, text) => {
      for (const s of open) if (s.subject === subject) s.push(text);
    },
    drop: () => {
      for (const s of [...open]) s.end();
    },
    fail: (f) => {
      fault = f;
    },
  };
  return { fetch, requests, streams, endAll: streams.drop };
}

/**
 * The real app (every route and rule) on an in-memory database, over HTTP on 127.0.0.1 and a free
 * port, with one shop. For adapter and widget tests; the server's own tests use `app.request`.
 */
export async function createTestBackend(o: TestBackendOptions = {}): Promise<TestBackend> {
  const db = o.db ?? (await createTestDb());
  const hub = new LiveHub(db);
  await hub.start();
  const app = createApp({ db, hub, heartbeatMs: o.heartbeatMs ?? 15_000 });
  const faults = faultyFetch(app, o);
  const server = await new Promise<ServerType>((resolve) => {
    const s = serve({ fetch: faults.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  const address = server.address();
  const baseUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/v1`;

  const forShop = (shop: Shop) => ({
    shop,
    // `await` keeps this right whether the signer is sync or async.
    customerToken: async (customerId: string) => await signCustomerToken(shop.secretKey, customerId),
    admin: adminClient(baseUrl, shop.secretKey),
  });
  const main = forShop(await createTestShop(db, o.allowedOrigins ? { allowedOrigins: o.allowedOrigins } : {}));

  return {
    baseUrl,
    db,
    ...main,
    addShop: async (extra) => forShop(await createTestShop(db, extra)),
    requests: faults.requests,
    streams: faults.streams,
    async close() {
      faults.endAll();
      if ('closeAllConnections' in server) server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
      await hub.close();
      await db.close();
    },
  };
}
