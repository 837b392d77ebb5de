import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { after, before, beforeEach, describe, it } from 'node:test';
import { createHttp, retryDelay, jitter } from '@kith/core/http';
import { isHttpError, isNetworkError, isTimeoutError } from '@kith/core';

// A scripted server on loopback: each test queues the responses it wants, in order.
let server;
let base;
let queue = [];
const seen = [];

before(async () => {
  server = createServer(async (req, res) => {
    let body = '';
    for await (const chunk of req) body += chunk;
    seen.push({ method: req.method, url: req.url, headers: req.headers, body, at: Date.now() });
    const next = queue.shift() ?? { status: 200, json: { ok: true } };
    if (next.delay) await new Promise((r) => setTimeout(r, next.delay));
    res.writeHead(next.status, { 'content-type': 'application/json', ...next.headers });
    res.end(next.json === undefined ? '' : JSON.stringify(next.json));
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${/** @type {import('node:net').AddressInfo} */ (server.address()).port}/v1/`;
});
after(() => server.close());
beforeEach(() => {
  queue = [];
  seen.length = 0;
});

describe('createHttp', () => {
  it('GETs JSON with search params and per-request headers', async () => {
    const http = createHttp({ baseUrl: base, headers: () => ({ authorization: 'Bearer pk_test' }) });
    queue.push({ status: 200, json: { id: 's1' } });
    assert.deepEqual(await http.get('/live/shows', { searchParams: { product: 'p1', skip: undefined } }), { id: 's1' });
    assert.equal(seen[0].url, '/v1/live/shows?product=p1');
    assert.equal(seen[0].headers.authorization, 'Bearer pk_test');
  });

  it('retries a GET twice on 503 with 300/600 ms backoff plus jitter, then succeeds', async () => {
    const http = createHttp({ baseUrl: base });
    queue.push({ status: 503, json: {} }, { status: 502, json: {} }, { status: 200, json: { ok: 1 } });
    assert.deepEqual(await http.get('x'), { ok: 1 });
    assert.equal(seen.length, 3);
    const gaps = [seen[1].at - seen[0].at, seen[2].at - seen[1].at];
    assert.ok(gaps[0] >= 290 && gaps[0] < 600, `first gap ${gaps[0]}`);
    assert.ok(gaps[1] >= 590 && gaps[1] < 1000, `second gap ${gaps[1]}`);
  });

  it('gives up after two retries with an HttpError carrying the server code', async () => {
    const http = createHttp({ baseUrl: base });
    for (let i = 0; i < 3; i++)
      queue.push({ status: 500, json: { error: { code: 'internal', message: 'Something broke' } } });
    await assert.rejects(
      http.get('x'),
      (e) => isHttpError(e) && e.status === 500 && e.code === 'internal' && e.message === 'Something broke',
    );
    assert.equal(seen.length, 3);
  });

  it('does not retry a 4xx other than 408/429', async () => {
    const http = createHttp({ baseUrl: base });
    queue.push({ status: 404, json: { error: { code: 'not_found', message: 'Show x not found' } } });
    await assert.rejects(http.get('x'), (e) => isHttpError(e) && e.code === 'not_found');
    assert.equal(seen.length, 1);
  });

  it('honours Retry-After on 429', async () => {
    const http = createHttp({ baseUrl: base });
    queue.push({ status: 429, headers: { 'retry-after': '1' }, json: {} }, { status: 200, json: {} });
    await http.get('x');
    assert.ok(seen[1].at - seen[0].at >= 950, 'waited about a second');
  });

  it('times out an attempt and gives up at once with TimeoutError (so the fallback shows in time)', async () => {
    const http = createHttp({ baseUrl: base, timeout: 100 });
    for (let i = 0; i < 3; i++) queue.push({ status: 200, json: {}, delay: 400 });
    await assert.rejects(http.get('slow'), isTimeoutError);
    assert.equal(seen.length, 1);
  });

  it('maps a refused connection to NetworkError; a failed POST keeps its key for the retry', async () => {
    const http = createHttp({ baseUrl: 'http://127.0.0.1:9/', timeout: 1000 });
    await assert.rejects(http.get('x'), isNetworkError);
    await assert.rejects(
      http.post('x', {}, { idempotencyKey: 'key-1' }),
      (e) => isNetworkError(e) && e.idempotencyKey === 'key-1',
    );
  });

  it('sends every POST with a UUID v4 Idempotency-Key and never retries it automatically', async () => {
    const http = createHttp({ baseUrl: base });
    queue.push({ status: 503, json: { error: { code: 'unavailable', message: 'Try later' } } });
    /** @type {import('@kith/core').HttpError} */
    let failure;
    await assert.rejects(
      http.post('teams', { size: 3 }),
      (/** @type {import('@kith/core').HttpError} */ e) => ((failure = e), isHttpError(e)),
    );
    assert.equal(seen.length, 1);
    const key = seen[0].headers['idempotency-key'];
    assert.match(key, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    assert.equal(seen[0].body, '{"size":3}');
    assert.equal(failure.idempotencyKey, key, 'the error carries the key for a safe retry');
    // A caller's retry reuses the key, so the server replays instead of writing twice.
    await http.post('teams', { size: 3 }, { idempotencyKey: failure.idempotencyKey });
    assert.equal(seen[1].headers['idempotency-key'], key);
    await http.post('teams', { size: 3 });
    assert.notEqual(seen[2].headers['idempotency-key'], key, 'a new write gets a new key');
  });

  it('POSTs a Blob as is, with its type, and takes a per-request timeout', async () => {
    const http = createHttp({ baseUrl: base, timeout: 100 });
    queue.push({ status: 201, json: { id: 'm1' }, delay: 300 });
    assert.deepEqual(await http.post('media', new Blob(['raw bytes'], { type: 'image/png' }), { timeout: 3000 }), {
      id: 'm1',
    });
    assert.equal(seen[0].body, 'raw bytes');
    assert.equal(seen[0].headers['content-type'], 'image/png');
    assert.ok(seen[0].headers['idempotency-key']);
  });

  it('cancels with the caller signal', async () => {
    const http = createHttp({ baseUrl: base });
    queue.push({ status: 200, json: {}, delay: 500 });
    const c = new AbortController();
    setTimeout(() => c.abort(), 50);
    await assert.rejects(http.get('x', { signal: c.signal }), (/** @type {Error} */ e) => e.name === 'AbortError');
  });

  it('backoff helpers: 300, 600 ms plus at most 20 % jitter', () => {
    assert.deepEqual([retryDelay(1), retryDelay(2)], [300, 600]);
    for (let i = 0; i < 100; i++) {
      const d = jitter(300);
      assert.ok(d >= 300 && d <= 360);
    }
  });
});
