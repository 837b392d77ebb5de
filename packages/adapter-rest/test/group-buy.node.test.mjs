// The group-buy domain of the REST adapter against the real server in-process: paths, methods,
// bodies, the customer token and Idempotency-Key, `no_campaign` → null, errors, and the shared
// `team` stream. (The rules themselves are the server's tests and the shared contract.)
import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import { EventSource } from 'eventsource';
import { isHttpError } from '@kith/core';
import { createRestAdapter } from '@kith/adapter-rest';
import { createTestBackend } from '@kith/server/testing';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
async function waitFor(cond, what, ms = 3000) {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) assert.fail(`timed out after ${ms} ms waiting for ${what}`);
    await sleep(5);
  }
}

let backend;
before(async () => {
  backend = await createTestBackend();
});
after(() => backend.close());

let cleanups = [];
afterEach(async () => {
  for (const fn of cleanups.reverse()) await fn();
  cleanups = [];
});

const usd = (minor) => ({ minor, currency: 'USD' });

/** A fresh shop with campaign `gb-1` on p1 (teams of 2 to 3) and team `t1` led by Wei; `as(customerId)` signs a shopper in. */
async function setup(options = {}) {
  const { shop, admin, customerToken } = await backend.addShop();
  await admin.call('POST', '/admin/group-buys', {
    id: 'gb-1',
    productId: 'p1',
    product: { title: 'Tote' },
    soloPrice: usd(5900),
    tiers: [
      { size: 2, price: usd(5310) },
      { size: 3, price: usd(5015) },
    ],
  });
  const tokens = {};
  for (const id of ['wei', 'ana', 'bo', 'cy']) tokens[id] = await customerToken(id);
  const as = (id, more = {}) =>
    createRestAdapter({
      baseUrl: backend.baseUrl,
      publishableKey: shop.publishableKey,
      EventSource,
      pauseWhenHidden: false,
      ...(id ? { customerToken: tokens[id] } : {}),
      ...options,
      ...more,
    });
  const t1 = await as('wei').groupBuy.startTeam('gb-1', { displayName: 'Wei' });
  backend.requests.length = 0;
  const streamRequests = () => backend.requests.filter((r) => r.path.endsWith('/events'));
  return { api: backend, admin, pk: shop.publishableKey, tokens, t1: t1.id, as, anon: as(), streamRequests };
}

describe('rest adapter: group buy', () => {
  it('declares the groupBuy capability next to live, reviews, points and referrals', async () => {
    const { anon } = await setup();
    assert.deepEqual([...anon.capabilities], ['live', 'reviews', 'groupBuy', 'points', 'referrals']);
    for (const m of ['getOffer', 'getTeam', 'startTeam', 'joinTeam', 'leaveTeam', 'subscribeTeam'])
      assert.equal(typeof anon.groupBuy[m], 'function', m);
  });

  it('reads the offer and a team; a product without a campaign is null, other errors throw', async () => {
    const { api, anon, as, pk, t1, tokens } = await setup();
    const offer = await anon.groupBuy.getOffer('p1');
    assert.deepEqual([offer.campaign.id, offer.teams.map((t) => t.id), offer.yourTeam], ['gb-1', [t1], null]);
    const [get] = api.requests;
    assert.deepEqual(
      [get.method, get.path, get.query.key, get.headers.authorization, get.headers['x-kith-customer']],
      ['GET', '/v1/products/p1/group-buy', pk, undefined, undefined],
    );
    assert.equal(await anon.groupBuy.getOffer('p-none'), null);
    await assert.rejects(
      as(null, { publishableKey: 'pk_wrong' }).groupBuy.getOffer('p1'),
      (e) => isHttpError(e) && e.status === 401 && e.code === 'invalid_key',
    );

    assert.equal((await anon.groupBuy.getTeam(t1)).you, undefined);
    assert.equal((await as('wei').groupBuy.getTeam(t1)).you.leader, true, 'signed in: with `you`');
    assert.equal(api.requests.at(-1).headers['x-kith-customer'], tokens.wei);
    await assert.rejects(anon.groupBuy.getTeam('a/b'), (e) => isHttpError(e) && e.status === 404);
    assert.equal(api.requests.at(-1).path, '/v1/teams/a%2Fb');
    const c = new AbortController();
    c.abort();
    await assert.rejects(
      anon.groupBuy.getTeam(t1, { signal: c.signal }),
      (/** @type {Error} */ e) => e.name === 'AbortError',
    );
  });

  it('starts, joins and leaves with the customer token and the caller’s Idempotency-Key; refusals are HttpErrors', async () => {
    const { api, anon, as, t1, tokens } = await setup();
    const ana = as('ana');
    const started = await ana.groupBuy.startTeam('gb-1', { displayName: 'Ana' }, { idempotencyKey: 'key-start-1' });
    assert.deepEqual([started.leaderName, started.you.leader], ['Ana', true]);
    const bo = as('bo');
    const joined = await bo.groupBuy.joinTeam(t1, {}, { idempotencyKey: 'key-join-1' });
    assert.equal(joined.seatCount, 2);
    await bo.groupBuy.leaveTeam(t1, { idempotencyKey: 'key-leave-1' });
    await bo.groupBuy.joinTeam(t1, { displayName: 'Bo' }); // no key: the client makes one
    const writes = api.requests.filter((r) => r.method === 'POST');
    assert.deepEqual(
      writes.map((r) => [r.path, r.body, r.headers['idempotency-key'], r.headers['x-kith-customer']]),
      [
        ['/v1/group-buys/gb-1/teams', { displayName: 'Ana' }, 'key-start-1', tokens.ana],
        [`/v1/teams/${t1}/join`, {}, 'key-join-1', tokens.bo],
        [`/v1/teams/${t1}/leave`, undefined, 'key-leave-1', tokens.bo],
        [`/v1/teams/${t1}/join`, { displayName: 'Bo' }, writes[3].headers['idempotency-key'], tokens.bo],
      ],
    );
    assert.match(writes[3].headers['idempotency-key'], /^[\w-]{16,}$/);

    await assert.rejects(
      anon.groupBuy.joinTeam(t1, {}),
      (e) => isHttpError(e) && e.status === 401 && e.code === 'customer_token_required',
    );
    await assert.rejects(
      as('bo').groupBuy.joinTeam(t1, {}, { idempotencyKey: 'key-nine-9' }),
      (e) => isHttpError(e) && e.status === 409 && e.code === 'already_joined' && e.idempotencyKey === 'key-nine-9',
    );
    assert.equal(await as(null).groupBuy.getOffer('p-none'), null, 'no_campaign → null');
  });

  it('streams `team` events on one shared connection, ignoring malformed ones, and closes with the last subscriber', async (t) => {
    const warn = t.mock.method(console, 'warn', () => {});
    const { api, admin, anon, as, pk, t1, streamRequests } = await setup();
    const a = [];
    const b = [];
    const offA = anon.groupBuy.subscribeTeam(t1, (x) => a.push(x));
    cleanups.push(offA);
    await waitFor(() => a.length === 1, 'the current state');
    const offB = anon.groupBuy.subscribeTeam(t1, (x) => b.push(x));
    cleanups.push(offB);
    await waitFor(() => b.length === 1, 'the late subscriber gets the current state');
    assert.equal(streamRequests().length, 1, 'one connection for both');
    assert.equal(streamRequests()[0].query.key, pk);

    await as('ana').groupBuy.joinTeam(t1, { displayName: 'Ana' });
    await waitFor(() => a.length === 2 && b.length === 2, 'the join pushed to both');
    const raw = (text) => api.streams.sendRaw(`/teams/${t1}`, text);
    raw(`event: team\ndata: ${JSON.stringify({ ...a[1], id: 'other-team' })}\n\n`);
    raw('event: team\ndata: {not json\n\n');
    raw(`event: team\ndata: ${JSON.stringify({ ...a[1], state: 'weird' })}\n\n`);
    // The merchant reports both orders: the held seats are confirmed and the team succeeds at 2.
    await admin.reportOrder({ id: 'o-wei', customerId: 'wei', productIds: ['p1'], teamId: t1 });
    await admin.reportOrder({ id: 'o-ana', customerId: 'ana', productIds: ['p1'], teamId: t1 });
    await waitFor(() => a.at(-1).state === 'succeeded', 'the success');
    assert.deepEqual([a[0].seatCount, a[1].seatCount, a.at(-1).seatCount], [1, 2, 2]);
    assert.equal(warn.mock.callCount(), 1, 'malformed events are dropped with one warning');

    offA();
    offB();
    offB();
    await waitFor(() => api.streams.open === 0, 'the connection to close');
  });

  it('polls getTeam without EventSource', async () => {
    const { api, anon, as, t1 } = await setup({ EventSource: undefined, pollInterval: 20 });
    const seen = [];
    const off = anon.groupBuy.subscribeTeam(t1, (x) => seen.push(x));
    cleanups.push(off);
    await waitFor(() => seen.length === 1, 'the first poll');
    const polls = api.requests.filter((r) => r.path === `/v1/teams/${t1}`);
    await as('ana').groupBuy.joinTeam(t1, {});
    await waitFor(() => seen.at(-1)?.seatCount === 2, 'a later poll');
    off();
    assert.ok(
      polls.length >= 1 && api.requests.every((r) => r.path === `/v1/teams/${t1}` || r.path === `/v1/teams/${t1}/join`),
    );
  });
});
