// The group-buy domain of the REST adapter against a small stand-in of the server's endpoints:
// paths, methods, bodies, the customer token and Idempotency-Key, `no_campaign` → null, errors,
// and the shared `team` stream. (The real server runs the shared contract in packages/server.)
import assert from 'node:assert/strict';
import http from 'node:http';
import { afterEach, describe, it } from 'node:test';
import { EventSource } from 'eventsource';
import { isHttpError } from '@kith/core';
import { createRestAdapter } from '@kith/adapter-rest';

const PK = 'pk_test_gb';
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
async function waitFor(cond, what, ms = 3000) {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) assert.fail(`timed out after ${ms} ms waiting for ${what}`);
    await sleep(5);
  }
}

const usd = (minor) => ({ minor, currency: 'USD' });
const team = (over = {}) => ({
  id: 't1', campaignId: 'gb-1', productId: 'p1', state: 'forming', leaderName: 'Wei', members: [{ initials: 'W', leader: true, seat: 'confirmed' }],
  confirmedCount: 1, seatCount: 1, maxMembers: 3, tiers: [{ size: 2, price: usd(5310) }, { size: 3, price: usd(5015) }], soloPrice: usd(5900),
  tierReached: null, createdAt: '2026-11-01T09:00:00.000Z', expiresAt: '2026-11-02T09:00:00.000Z', ...over,
});

/** Answers group-buy requests like the server; records every request with its body. */
async function startApi() {
  const requests = [];
  const streams = new Set();
  let current = team();
  let seq = 0;
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
    const p = url.pathname;
    if (p === '/v1/teams/t1/events') {
      if (url.searchParams.get('key') !== PK) return error(res, 401, 'invalid_key');
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store' });
      res.write(`id: ${++seq}\nevent: team\ndata: ${JSON.stringify({ ...current, serverTime: new Date().toISOString() })}\n\n`);
      streams.add(res);
      res.on('close', () => streams.delete(res));
      return;
    }
    if (req.headers.authorization !== `Bearer ${PK}`) return error(res, 401, 'invalid_key');
    const customer = req.headers['x-kith-customer'];
    const you = (leader) => ({ seat: 'held', leader, holdExpiresAt: '2026-11-01T09:15:00.000Z', price: usd(5310) });
    if (req.method === 'GET' && p === '/v1/products/p1/group-buy') {
      return json(res, 200, { campaign: { id: 'gb-1' }, teams: [current], yourTeam: null, serverTime: new Date().toISOString() });
    }
    if (req.method === 'GET' && p === '/v1/products/p-none/group-buy') return error(res, 404, 'no_campaign');
    if (req.method === 'GET' && p === '/v1/products/p-down/group-buy') return error(res, 404, 'not_found');
    if (req.method === 'GET' && p === '/v1/teams/t1') return json(res, 200, { ...current, serverTime: new Date().toISOString(), ...(customer ? { you: you(false) } : {}) });
    if (req.method === 'POST' && !customer) return error(res, 401, 'customer_token_required');
    if (req.method === 'POST' && p === '/v1/group-buys/gb%2F1/teams') return json(res, 201, team({ id: 't2', leaderName: body && JSON.parse(body).displayName, you: you(true) }));
    if (req.method === 'POST' && p === '/v1/teams/t1/join') {
      if (customer === 'in') return error(res, 409, 'already_joined');
      return json(res, 200, { ...current, seatCount: 2, you: you(false) });
    }
    if (req.method === 'POST' && p === '/v1/teams/t1/leave') return json(res, 200, current);
    return error(res, 404, 'not_found');
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    baseUrl: `http://127.0.0.1:${server.address().port}/v1`,
    requests,
    get openStreams() { return streams.size; },
    streamRequests: () => requests.filter((r) => r.path.endsWith('/events')),
    /** Changes the team and pushes it to every open stream (raw text when given). */
    push(patch, raw) {
      current = { ...current, ...patch };
      for (const s of streams) s.write(raw ?? `id: ${++seq}\nevent: team\ndata: ${JSON.stringify({ ...current, serverTime: new Date().toISOString() })}\n\n`);
    },
    async close() {
      for (const s of streams) s.destroy();
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

async function setup(options = {}) {
  const api = await startApi();
  cleanups.push(() => api.close());
  const as = (customerToken) => createRestAdapter({ baseUrl: api.baseUrl, publishableKey: PK, EventSource, pauseWhenHidden: false, ...(customerToken ? { customerToken } : {}), ...options });
  return { api, as, anon: as() };
}

describe('rest adapter: group buy', () => {
  it('declares the groupBuy capability next to live, reviews, points and referrals', async () => {
    const { anon } = await setup();
    assert.deepEqual([...anon.capabilities], ['live', 'reviews', 'groupBuy', 'points', 'referrals']);
    for (const m of ['getOffer', 'getTeam', 'startTeam', 'joinTeam', 'leaveTeam', 'subscribeTeam']) assert.equal(typeof anon.groupBuy[m], 'function', m);
  });

  it('reads the offer and a team; a product without a campaign is null, other errors throw', async () => {
    const { api, anon, as } = await setup();
    const offer = await anon.groupBuy.getOffer('p1');
    assert.deepEqual([offer.campaign.id, offer.teams.map((t) => t.id), offer.yourTeam], ['gb-1', ['t1'], null]);
    const [get] = api.requests;
    assert.deepEqual([get.method, get.path, get.headers.authorization, get.headers['x-kith-customer']], ['GET', '/v1/products/p1/group-buy', `Bearer ${PK}`, undefined]);
    assert.equal(await anon.groupBuy.getOffer('p-none'), null);
    await assert.rejects(anon.groupBuy.getOffer('p-down'), (e) => isHttpError(e) && e.status === 404 && e.code === 'not_found');

    assert.equal((await anon.groupBuy.getTeam('t1')).you, undefined);
    assert.equal((await as('tok-ana').groupBuy.getTeam('t1')).you.seat, 'held', 'signed in: with `you`');
    assert.equal(api.requests.at(-1).headers['x-kith-customer'], 'tok-ana');
    await assert.rejects(anon.groupBuy.getTeam('a/b'), (e) => isHttpError(e) && e.status === 404);
    assert.equal(api.requests.at(-1).path, '/v1/teams/a%2Fb');
    const c = new AbortController();
    c.abort();
    await assert.rejects(anon.groupBuy.getTeam('t1', { signal: c.signal }), (e) => e.name === 'AbortError');
  });

  it('starts, joins and leaves with the customer token and the caller’s Idempotency-Key; refusals are HttpErrors', async () => {
    const { api, anon, as } = await setup();
    const ana = as(() => 'tok-ana');
    const started = await ana.groupBuy.startTeam('gb/1', { displayName: 'Ana' }, { idempotencyKey: 'k-start' });
    assert.deepEqual([started.id, started.leaderName, started.you.leader], ['t2', 'Ana', true]);
    const joined = await ana.groupBuy.joinTeam('t1', {}, { idempotencyKey: 'k-join' });
    assert.equal(joined.seatCount, 2);
    await ana.groupBuy.leaveTeam('t1', { idempotencyKey: 'k-leave' });
    await ana.groupBuy.joinTeam('t1', { displayName: 'Ana' }); // no key: the client makes one
    const writes = api.requests.filter((r) => r.method === 'POST');
    assert.deepEqual(writes.map((r) => [r.path, r.body, r.headers['idempotency-key'], r.headers['x-kith-customer']]), [
      ['/v1/group-buys/gb%2F1/teams', { displayName: 'Ana' }, 'k-start', 'tok-ana'],
      ['/v1/teams/t1/join', {}, 'k-join', 'tok-ana'],
      ['/v1/teams/t1/leave', undefined, 'k-leave', 'tok-ana'],
      ['/v1/teams/t1/join', { displayName: 'Ana' }, writes[3].headers['idempotency-key'], 'tok-ana'],
    ]);
    assert.match(writes[3].headers['idempotency-key'], /^[\w-]{16,}$/);

    await assert.rejects(anon.groupBuy.joinTeam('t1', {}), (e) => isHttpError(e) && e.status === 401 && e.code === 'customer_token_required');
    await assert.rejects(as('in').groupBuy.joinTeam('t1', {}, { idempotencyKey: 'k9' }),
      (e) => isHttpError(e) && e.status === 409 && e.code === 'already_joined' && e.idempotencyKey === 'k9');
  });

  it('streams `team` events on one shared connection, ignoring malformed ones, and closes with the last subscriber', async (t) => {
    const warn = t.mock.method(console, 'warn', () => {});
    const { api, anon } = await setup();
    const a = [];
    const b = [];
    const offA = anon.groupBuy.subscribeTeam('t1', (x) => a.push(x));
    await waitFor(() => a.length === 1, 'the current state');
    const offB = anon.groupBuy.subscribeTeam('t1', (x) => b.push(x));
    await waitFor(() => b.length === 1, 'the late subscriber gets the current state');
    assert.equal(api.streamRequests().length, 1, 'one connection for both');
    assert.equal(api.streamRequests()[0].query.key, PK);

    api.push({ seatCount: 2, members: [...a[0].members, { initials: 'A', leader: false, seat: 'held' }] });
    await waitFor(() => a.length === 2 && b.length === 2, 'the join pushed to both');
    api.push({}, `event: team\ndata: ${JSON.stringify({ ...a[1], id: 'other-team' })}\n\n`);
    api.push({}, 'event: team\ndata: {not json\n\n');
    api.push({}, `event: team\ndata: ${JSON.stringify({ ...a[1], state: 'weird' })}\n\n`);
    api.push({ state: 'succeeded', confirmedCount: 2 });
    await waitFor(() => a.at(-1).state === 'succeeded', 'the success');
    assert.deepEqual(a.map((x) => x.seatCount), [1, 2, 2]);
    assert.equal(warn.mock.callCount(), 1, 'malformed events are dropped with one warning');

    offA();
    offB();
    offB();
    await waitFor(() => api.openStreams === 0, 'the connection to close');
  });

  it('polls getTeam without EventSource', async () => {
    const { api, anon } = await setup({ EventSource: undefined, pollInterval: 20 });
    const seen = [];
    const off = anon.groupBuy.subscribeTeam('t1', (x) => seen.push(x));
    await waitFor(() => seen.length === 1, 'the first poll');
    api.push({ seatCount: 2 });
    await waitFor(() => seen.at(-1)?.seatCount === 2, 'a later poll');
    off();
    assert.ok(api.requests.every((r) => r.path === '/v1/teams/t1'));
  });
});
