// The points domain of the REST adapter against the real server in-process: paths, methods,
// bodies, query parameters, the customer token and Idempotency-Key, and refusals as HttpErrors
// with the server's codes. (The rules themselves are the server's tests and the shared contract.)
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { isHttpError } from '@kith/core';
import { createRestAdapter } from '@kith/adapter-rest';
import { createTestBackend } from '@kith/server/testing';

let backend;
before(async () => {
  backend = await createTestBackend();
});
after(() => backend.close());

/**
 * A fresh shop on the default program with four rewards: `rw-ship` (300 points), `rw-5off` (500),
 * `rw-vip` (Gold only) and `rw-gone` (out of stock); `ana` has 320 points, `done` has checked in.
 */
async function setup() {
  const { shop, admin, customerToken } = await backend.addShop();
  const reward = (id, cost, extra = {}) =>
    admin.call('POST', '/admin/points/rewards', { id, title: id, cost, kind: 'perk', ...extra });
  await reward('rw-ship', 300, { stock: 25 });
  await reward('rw-5off', 500);
  await reward('rw-vip', 10, { tierId: 'gold' });
  await reward('rw-gone', 10, { stock: 1 });
  await admin.adjustPoints('ana', 320, 'Welcome');
  await admin.adjustPoints('bo', 10, 'Welcome');
  const tokens = { ana: await customerToken('ana'), bo: await customerToken('bo'), done: await customerToken('done') };
  const as = (customerToken) =>
    createRestAdapter({
      baseUrl: backend.baseUrl,
      publishableKey: shop.publishableKey,
      ...(customerToken ? { customerToken } : {}),
    });
  await as(tokens.bo).points.redeem('rw-gone');
  await as(tokens.done).points.checkIn();
  backend.requests.length = 0;
  return { api: backend, admin, pk: shop.publishableKey, tokens, as, anon: as() };
}

const is = (status, code) => (e) => isHttpError(e) && e.status === status && e.code === code;

describe('rest adapter: points', () => {
  it('declares the points capability with every method', async () => {
    const { anon } = await setup();
    assert.ok(anon.capabilities.has('points'));
    for (const m of ['getProgram', 'getAccount', 'listHistory', 'checkIn', 'redeem'])
      assert.equal(typeof anon.points[m], 'function', m);
  });

  it('reads the program signed out, and the account and history with the customer token', async () => {
    const { api, admin, anon, as, tokens, pk } = await setup();
    const program = await anon.points.getProgram();
    assert.deepEqual(program.rewards.map((r) => r.id).sort(), ['rw-5off', 'rw-gone', 'rw-ship', 'rw-vip']);
    const [get] = api.requests;
    assert.deepEqual(
      [get.method, get.path, get.query.key, get.headers.authorization, get.headers['x-kith-customer']],
      ['GET', '/v1/points/program', pk, undefined, undefined],
    );

    const ana = as(async () => tokens.ana);
    assert.equal((await ana.points.getAccount()).balance, 320);
    await admin.adjustPoints('ana', 5, 'Second line of history');
    const first = await ana.points.listHistory({ limit: 1 });
    const second = await ana.points.listHistory({ cursor: first.nextCursor, limit: 1 });
    assert.deepEqual(
      [first.items[0].points, typeof first.nextCursor, second.items[0].points, second.nextCursor],
      [5, 'string', 320, null],
    );
    await ana.points.listHistory({ cursor: null });
    assert.deepEqual(
      api.requests
        .slice(1)
        .filter((r) => !r.path.startsWith('/v1/admin/'))
        .map((r) => [r.method, r.path, r.query, r.headers['x-kith-customer']]),
      [
        ['GET', '/v1/points/me', { key: pk }, tokens.ana],
        ['GET', '/v1/points/me/history', { limit: '1', key: pk }, tokens.ana],
        ['GET', '/v1/points/me/history', { cursor: first.nextCursor, limit: '1', key: pk }, tokens.ana],
        ['GET', '/v1/points/me/history', { key: pk }, tokens.ana],
      ],
    );
    await assert.rejects(ana.points.listHistory({ cursor: 'bad' }), (e) => isHttpError(e) && e.status === 400);
    const c = new AbortController();
    c.abort();
    await assert.rejects(
      ana.points.getAccount({ signal: c.signal }),
      (/** @type {Error} */ e) => e.name === 'AbortError',
    );
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
    const { api, as, tokens } = await setup();
    const ana = as(tokens.ana);
    const checkIn = await ana.points.checkIn({ idempotencyKey: 'key-check-1' });
    assert.deepEqual([checkIn.points, checkIn.bonus, checkIn.streak, checkIn.account.balance], [5, 0, 1, 325]);
    const r = await ana.points.redeem('rw-ship', { idempotencyKey: 'key-redeem-1' });
    assert.deepEqual([typeof r.code, r.points, r.account.balance], ['string', 300, 25]);
    await assert.rejects(ana.points.checkIn(), is(409, 'already_checked_in'));
    const writes = api.requests.filter((x) => x.method === 'POST');
    assert.deepEqual(
      writes.map((x) => [x.path, x.body, x.headers['idempotency-key'], x.headers['x-kith-customer']]),
      [
        ['/v1/points/check-in', undefined, 'key-check-1', tokens.ana],
        ['/v1/points/redeem', { rewardId: 'rw-ship' }, 'key-redeem-1', tokens.ana],
        ['/v1/points/check-in', undefined, writes[2].headers['idempotency-key'], tokens.ana],
      ],
    );
    assert.match(writes[2].headers['idempotency-key'], /^[\w-]{16,}$/);
  });

  it('refusals are HttpErrors with the server’s status and code, carrying the Idempotency-Key to retry with', async () => {
    const { as, tokens } = await setup();
    const ana = as(tokens.ana);
    await assert.rejects(
      as(tokens.done).points.checkIn({ idempotencyKey: 'key-one-1' }),
      (/** @type {import('@kith/core').HttpError} */ e) =>
        is(409, 'already_checked_in')(e) && e.idempotencyKey === 'key-one-1',
    );
    await assert.rejects(
      ana.points.redeem('rw-5off', { idempotencyKey: 'key-two-2' }),
      (/** @type {import('@kith/core').HttpError} */ e) =>
        is(409, 'insufficient_points')(e) && e.idempotencyKey === 'key-two-2',
    );
    await assert.rejects(ana.points.redeem('rw-vip'), is(409, 'tier_required'));
    await assert.rejects(ana.points.redeem('rw-gone'), is(409, 'out_of_stock'));
    await assert.rejects(ana.points.redeem('nope'), is(404, 'not_found'));
  });
});
