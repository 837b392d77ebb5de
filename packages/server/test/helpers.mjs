// Test helpers: one database per test file (PGlite in memory, or a fresh schema on the PostgreSQL
// server named by KITH_DATABASE_URL), one shop per test so tests never share rows.
import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { createApp, LiveHub, signCustomerToken } from '@kith/server';
import { createTestDb, createTestShop } from '@kith/server/testing';
import { isKithErrorCode } from '@kith/core/error-codes';

export { createTestDb };
export const ENGINE = process.env.KITH_DATABASE_URL ? 'postgres' : 'pglite';

/**
 * A TCP port free on 127.0.0.1 now, for a process a test starts (PostgreSQL, nginx, a server).
 * @returns {Promise<number>}
 */
export const freePort = () =>
  new Promise((resolve, reject) => {
    const s = createServer()
      .once('error', reject)
      .listen(0, '127.0.0.1', () => {
        const { port } = /** @type {import('node:net').AddressInfo} */ (s.address());
        s.close(() => resolve(port));
      });
  });

/** A database, a LISTEN hub and an app; call `close()` in `after`. */
export async function createTestServer(options = {}) {
  const db = await createTestDb();
  const hub = new LiveHub(db);
  await hub.start();
  const app = createApp({
    db,
    hub,
    heartbeatMs: options.heartbeatMs ?? 15_000,
    writeLimit: options.writeLimit,
    media: options.media,
    trustProxy: options.trustProxy,
    publicUrl: options.publicUrl,
  });
  return {
    db,
    hub,
    app,
    close: async () => {
      await hub.close();
      await db.close();
    },
  };
}

export const newShop = createTestShop;

/** Asserts the documented error shape and status, with no stack trace or SQL leaking out. */
export function isError(res, status, code, message = undefined) {
  assert.equal(res.status, status, message ? `${message}: ${res.text}` : res.text);
  assert.equal(res.json.error.code, code, message);
  assert.equal(typeof res.json.error.message, 'string');
  assert.doesNotMatch(res.text, /at .*\.js:\d+|SELECT|INSERT|UPDATE/, 'no stack trace or SQL');
}

/** Runs a `SELECT count(*) AS n …` and returns n. */
export const count = async (db, sql, params) => Number((await db.query(sql, params)).rows[0].n);

let n = 0;
export const idem = () => `test-key-${Date.now()}-${n++}`;

/** What @hono/node-server hands the app for a request from `ip`: the socket's peer address. */
export const peer = (ip) => ({ incoming: { socket: { remoteAddress: ip } } });

/**
 * @typedef {object} CallOptions
 * @property {unknown} [body] sent as JSON
 * @property {Record<string, string>} [headers]
 * @property {BodyInit} [raw] sent as is, instead of `body`
 * @property {string} [ip] the connection's peer address
 */

/** JSON request helper for `app.request`; `ip` is the connection's peer address (none: no socket, `unknown`). */
export function client(app, key) {
  /** @type {(method: string, path: string, options?: CallOptions) => Promise<{ status: number, headers: Headers, text: string, json: any }>} */
  const call = async (method, path, { body, headers = {}, raw, ip } = {}) => {
    const res = await app.request(
      path,
      {
        method,
        headers: {
          ...(key ? { authorization: `Bearer ${key}` } : {}),
          ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
          ...headers,
        },
        body: raw ?? (body === undefined ? undefined : JSON.stringify(body)),
      },
      ip === undefined ? undefined : peer(ip),
    );
    const text = await res.text();
    const json = text ? JSON.parse(text) : undefined;
    // Every error any suite meets must be in @kith/core's catalogue, the codes widgets translate.
    if (res.status >= 400 && json?.error)
      assert.ok(isKithErrorCode(json.error.code), `${json.error.code} is not in @kith/core's ERROR_CODES`);
    return { status: res.status, headers: res.headers, text, json };
  };
  return {
    /** @param {string} path @param {CallOptions} [o] */
    get: (path, o) => call('GET', path, o),
    /** @param {string} path @param {unknown} [body] @param {CallOptions} [o] */
    post: (path, body, o = {}) =>
      call('POST', path, { body, ...o, headers: { 'idempotency-key': idem(), ...o.headers } }),
    /** @param {string} path @param {unknown} [body] @param {CallOptions} [o] */
    put: (path, body, o = {}) => call('PUT', path, { body, ...o }),
    call,
  };
}

/**
 * A fresh shop on the test server: `admin` (secret key), `pub` (publishable key) and `as(customer)`,
 * a shopper with a signed customer token who can `post` JSON and `upload` raw bytes.
 */
export async function shopFixture(t, settings) {
  const shop = await newShop(t.db);
  const admin = client(t.app, shop.secretKey);
  const pub = client(t.app, shop.publishableKey);
  const as = (customerId) => {
    // Signed per request: signing is async.
    const headers = async () => ({ 'x-kith-customer': await signCustomerToken(shop.secretKey, customerId) });
    const c = client(t.app, shop.publishableKey);
    return {
      post: async (path, body, o = {}) => c.post(path, body, { ...o, headers: { ...(await headers()), ...o.headers } }),
      upload: async (bytes, o = {}) =>
        c.call('POST', '/v1/media', {
          raw: bytes,
          headers: {
            'idempotency-key': idem(),
            'content-type': 'application/octet-stream',
            ...(await headers()),
            ...o.headers,
          },
        }),
    };
  };
  if (settings) assert.equal((await admin.put('/v1/admin/reviews/settings', settings)).status, 200);
  return { shop, admin, pub, as };
}

/** GET returning the body as bytes (photos). */
export async function getBytes(app, path, headers = {}) {
  const res = await app.request(path, { headers });
  return { status: res.status, headers: res.headers, bytes: new Uint8Array(await res.arrayBuffer()) };
}

/** Reads SSE messages from a streaming Response until `count` messages arrived (or times out). */
export async function readEvents(res, count, ms = 3000) {
  const reader = res.body.getReader();
  const decoder = new TextDecoder();
  const events = [];
  let buffer = '';
  const timer = setTimeout(() => reader.cancel(), ms);
  try {
    while (events.length < count) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += decoder.decode(value, { stream: true });
      let i;
      while ((i = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, i);
        buffer = buffer.slice(i + 2);
        const fields = Object.fromEntries(
          block
            .split('\n')
            .filter((l) => l && !l.startsWith(':'))
            .map((l) => [l.slice(0, l.indexOf(':')), l.slice(l.indexOf(':') + 1).trimStart()]),
        );
        if (fields.data !== undefined)
          events.push({ id: fields.id, event: fields.event, data: JSON.parse(fields.data) });
        else if (block.startsWith(':')) events.push({ comment: block });
      }
    }
  } finally {
    clearTimeout(timer);
    await reader.cancel().catch(() => {});
  }
  return events;
}

export const showInput = (over = {}) => ({
  title: 'Test show',
  startsAt: new Date(Date.now() + 3_600_000).toISOString(),
  productIds: ['p1'],
  streamUrl: 'https://live.example.com/x',
  ...over,
});
