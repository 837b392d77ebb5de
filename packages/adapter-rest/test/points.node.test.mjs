// The points domain of the REST adapter against a small stand-in of the server's endpoints:
// paths, methods, bodies, query parameters, the customer token and Idempotency-Key, and refusals
// as HttpErrors with the server's codes. (The real server runs the shared contract in packages/server.)
import assert from 'node:assert/strict';
import http from 'node:http';
import { afterEach, describe, it } from 'node:test';
import { isHttpError } from '@kith/core';
import { createRestAdapter } from '@kith/adapter-rest';
import { POINTS_PROGRAM } from './mock-api.mjs';

const PK = 'pk_test_points';
const account = (balance) => ({
  balance, pending: 0, lifetime: balance, tier: { id: 'member', name: 'Member', threshold: 0 }, nextTier: null, badges: [],
  checkIn: { streak: 0, checkedInToday: false, nextPoints: 5 }, expiring: null, serverTime: '2026-11-01T12:00:00.000Z',
});
const entry = (id, points) => ({ id, kind: 'adjust', points, source: { type: 'adjustment', id }, status: 'available', balanceAfter: points, createdAt: '2026-11-01T12:00:00.000Z' });

/** Answers points requests like the server; records every request with its body. */
async function startApi() {
  const requests = [];
  const json = (res, status, body) => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  };
  const error = (res, status, code) => json(res, status, { error: { code, message: code } });
  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url, 'http://localhost');
    let body = '';
    for await (const chunk of req) body += chunk;
    requests.push({ method: req.method, path: url.pathname, query: Object.fromEntries(url.searchParams), headers: req.headers, body: body ? JSON.parse(body) : undefined });
    if (req.headers.authorization !== `Bearer ${PK}`) return error(res, 401, 'invalid_key');
    const p = `${req.method} ${url.pathname}`;
    if (p === 'GET /v1/points/program') return json(res, 200, POINTS_PROGRAM);
    const customer = req.headers['x-kith-customer'];
    if (!customer) return error(res, 401, 'customer_token_required');
    if (p === 'GET /v1/points/me') return json(res, 200, account(120));
    if (p === 'GET /v1/points/me/history') {
      if (url.searchParams.get('cursor') === 'bad') return error(res, 400, 'invalid_cursor');
      return json(res, 200, url.searchParams.get('cursor') ? { items: [entry('e1', 100)], nextCursor: null } : { items: [entry('e2', 20)], nextCursor: 'c1' });
    }
    if (p === 'POST /v1/points/check-in') {
      if (customer === 'done') return error(res, 409, 'already_checked_in');
      return json(res, 200, { points: 5, bonus: 0, streak: 1, account: account(125) });
    }
    if (p === 'POST /v1/points/redeem') {
      const { rewardId } = JSON.parse(body);
      if (rewardId === 'rw-5off') return error(res, 409, 'insufficient_points');
      if (rewardId === 'rw-vip') return error(res, 409, 'tier_required');
      if (rewardId === 'rw-gone') return error(res, 409, 'out_of_stock');
      if (rewardId !== 'rw-ship') return error(res, 404, 'not_found');
      return json(res, 201, {
        id: 'rd-1', rewardId, rewardTitle: 'Free shipping', points: 300, code: 'KITH-ABCD-EFGH', createdAt: '2026-11-01T12:00:00.000Z', account: account(0),
      });
    }
    return error(res, 404, 'not_found');
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    baseUrl: `http://127.0.0.1:${server.address().port}/v1`,
    requests,
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

let cleanups = [];
afterEach(async () => {
  for (const fn of cleanups.reverse()) await fn();
  cleanups = [];
});

async function setup() {
  const api = await startApi();
  cleanups.push(() => api.close());
  const as = (customerToken) => createRestAdapter({ baseUrl: api.baseUrl, publishableKey: PK, ...(customerToken ? { customerToken } : {}) });
  return { api, as, anon: as() };
}

const is = (status, code) => (e) => isHttpError(e) && e.status === status && e.code === code;

describe('rest adapter: points', () => {
  it('declares the points capability with every method', async () => {
    const { anon } = await setup();
    assert.ok(anon.capabilities.has('points'));
    for (const m of ['getProgram', 'getAccount', 'listHistory', 'checkIn', 'redeem']) assert.equal(typeof anon.points[m], 'function', m);
  });

  it('reads the program signed out, and the account and history with the customer token', async () => {
    const { api, anon, as } = await setup();
    assert.deepEqual(await anon.points.getProgram(), POINTS_PROGRAM);
    const [get] = api.requests;
    assert.deepEqual([get.method, get.path, get.headers.authorization, get.headers['x-kith-customer']], ['GET', '/v1/points/program', `Bearer ${PK}`, undefined]);

    const ana = as(async () => 'tok-ana');
    assert.equal((await ana.points.getAccount()).balance, 120);
    const first = await ana.points.listHistory({ limit: 10 });
    const second = await ana.points.listHistory({ cursor: first.nextCursor, limit: 10 });
    assert.deepEqual([first.items[0].id, first.nextCursor, second.items[0].id, second.nextCursor], ['e2', 'c1', 'e1', null]);
    await ana.points.listHistory({ cursor: null });
    assert.deepEqual(api.requests.slice(1).map((r) => [r.method, r.path, r.query, r.headers['x-kith-customer']]), [
      ['GET', '/v1/points/me', {}, 'tok-ana'],
      ['GET', '/v1/points/me/history', { limit: '10' }, 'tok-ana'],
      ['GET', '/v1/points/me/history', { cursor: 'c1', limit: '10' }, 'tok-ana'],
      ['GET', '/v1/points/me/history', {}, 'tok-ana'],
    ]);
    await assert.rejects(ana.points.listHistory({ cursor: 'bad' }), is(400, 'invalid_cursor'));
    const c = new AbortController();
    c.abort();
    await assert.rejects(ana.points.getAccount({ signal: c.signal }), (e) => e.name === 'AbortError');
  });

  it('signed out, the customer’s endpoints are 401 customer_token_required', async () => {
    const { anon } = await setup();
    const signedOut = is(401, 'customer_token_required');
    await assert.rejects(anon.points.getAccount(), signedOut);
    await assert.rejects(anon.points.listHistory({}), signedOut);
    await assert.rejects(anon.points.checkIn(), signedOut);
    await assert.rejects(anon.points.redeem('rw-ship'), signedOut);
  });

  it('checks in and redeems with the customer token and the caller’s Idempotency-Key (or a fresh one)', async () => {
    const { api, as } = await setup();
    const ana = as('tok-ana');
    assert.deepEqual(await ana.points.checkIn({ idempotencyKey: 'k-check' }), { points: 5, bonus: 0, streak: 1, account: account(125) });
    const r = await ana.points.redeem('rw-ship', { idempotencyKey: 'k-redeem' });
    assert.deepEqual([r.code, r.points, r.account.balance], ['KITH-ABCD-EFGH', 300, 0]);
    await ana.points.checkIn();
    const writes = api.requests.filter((x) => x.method === 'POST');
    assert.deepEqual(writes.map((x) => [x.path, x.body, x.headers['idempotency-key'], x.headers['x-kith-customer']]), [
      ['/v1/points/check-in', undefined, 'k-check', 'tok-ana'],
      ['/v1/points/redeem', { rewardId: 'rw-ship' }, 'k-redeem', 'tok-ana'],
      ['/v1/points/check-in', undefined, writes[2].headers['idempotency-key'], 'tok-ana'],
    ]);
    assert.match(writes[2].headers['idempotency-key'], /^[\w-]{16,}$/);
  });

  it('refusals are HttpErrors with the server’s status and code, carrying the Idempotency-Key to retry with', async () => {
    const { as } = await setup();
    const ana = as('tok-ana');
    await assert.rejects(as('done').points.checkIn({ idempotencyKey: 'k1' }), (e) => is(409, 'already_checked_in')(e) && e.idempotencyKey === 'k1');
    await assert.rejects(ana.points.redeem('rw-5off', { idempotencyKey: 'k2' }), (e) => is(409, 'insufficient_points')(e) && e.idempotencyKey === 'k2');
    await assert.rejects(ana.points.redeem('rw-vip'), is(409, 'tier_required'));
    await assert.rejects(ana.points.redeem('rw-gone'), is(409, 'out_of_stock'));
    await assert.rejects(ana.points.redeem('nope'), is(404, 'not_found'));
  });
});
