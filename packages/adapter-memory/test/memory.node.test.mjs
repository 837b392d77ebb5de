import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { runAdapterContract } from '@kith/core/testing';
import { isHttpError, isNetworkError, liveShowStore } from '@kith/core';
import { createMemoryAdapter, demoSeed, playLiveScenario } from '@kith/adapter-memory';

runAdapterContract('memory', async () => {
  const adapter = createMemoryAdapter();
  return {
    adapter,
    // A second view of the same data, signed in.
    customer: adapter.as({ id: 'c-contract', displayName: 'Ana' }),
    // And a second customer, for group buy (a team of two).
    otherCustomer: adapter.as({ id: 'c-other', displayName: 'Bo' }),
    customerIds: ['c-contract', 'c-other'],
    fixtures: {
      scheduledShowId: 'show-1', productWithShow: 'p1', productWithoutShow: 'p-none', reviewedProductId: 'p1',
      questionProductId: 'p1', unreviewedProductId: 'p2', groupBuyProductId: 'p1', campaignId: 'gb-1',
    },
    control: {
      startShow: async (id) => adapter.control.startShow(id, 10),
      setViewers: async (id, n) => adapter.control.setViewers(id, n),
      endShow: async (id) => adapter.control.endShow(id),
      approveReview: async (id) => adapter.control.approveReview(id),
      confirmSeat: async (teamId, customerId) => adapter.control.confirmSeat(teamId, customerId),
      adjustPoints: async (customerId, points, note) => adapter.control.adjustPoints(customerId, points, note),
      // Passes the order as given, `referralCode` included, so the referrals contract runs.
      reportOrder: async (order) => adapter.control.reportOrder(order),
      refundOrder: async (orderId) => adapter.control.refundOrder(orderId),
      reportSignup: async (code, customerId) => adapter.control.reportSignup(code, customerId),
      addReward: async (reward) => adapter.control.addReward(reward),
    },
    teardown: () => adapter.dispose(),
  };
}, { describe, it });

describe('memory adapter', () => {
  it('never mutates the seed it was given', async () => {
    const seed = demoSeed();
    const adapter = createMemoryAdapter({ seed });
    adapter.control.startShow('show-1', 5);
    assert.equal(seed.shows[0].status, 'scheduled');
    assert.equal((await adapter.live.getShow('show-1')).status, 'live');
  });

  it('simulates outages: always, and switched at run time', async () => {
    const adapter = createMemoryAdapter({ failure: 'always' });
    await assert.rejects(adapter.live.getShow('show-1'), isNetworkError);
    const errors = [];
    adapter.live.subscribeShow('show-1', () => assert.fail('no push while failing'), { onError: (e) => errors.push(e) });
    await new Promise((r) => setTimeout(r, 10));
    assert.equal(errors.length, 1);
    adapter.control.setFailure('none');
    assert.equal((await adapter.live.getShow('show-1')).id, 'show-1');
  });

  it('adds latency and honours abort during it', async () => {
    const adapter = createMemoryAdapter({ latency: 200 });
    const started = Date.now();
    await adapter.live.getShow('show-1');
    assert.ok(Date.now() - started >= 190);
    const c = new AbortController();
    const p = adapter.live.getShow('show-1', { signal: c.signal });
    c.abort();
    await assert.rejects(p, (e) => e.name === 'AbortError');
  });

  it('rejects illegal transitions with 409', () => {
    const adapter = createMemoryAdapter();
    assert.throws(() => adapter.control.endShow('show-1'), (e) => isHttpError(e) && e.status === 409);
    adapter.control.startShow('show-1');
    assert.throws(() => adapter.control.startShow('show-1'), (e) => isHttpError(e) && e.code === 'illegal_transition');
  });

  it('writes need a customer, and an Idempotency-Key replays instead of writing twice', async () => {
    const anonymous = createMemoryAdapter();
    await assert.rejects(anonymous.groupBuy.startTeam('gb-1', {}), (e) => isHttpError(e) && e.status === 401);

    const adapter = createMemoryAdapter({ customer: { id: 'c1', displayName: 'Ana' } });
    const first = await adapter.groupBuy.startTeam('gb-1', {}, { idempotencyKey: 'k1' });
    const again = await adapter.groupBuy.startTeam('gb-1', {}, { idempotencyKey: 'k1' });
    assert.deepEqual(again, first);
    assert.equal((await adapter.groupBuy.getOffer('p1')).yourTeam.id, first.id);
    await assert.rejects(adapter.groupBuy.startTeam('gb-1', {}, { idempotencyKey: 'k2' }), (e) => isHttpError(e) && e.code === 'already_in_team');
  });

  it('plays the live scenario: scheduled → live with rising viewers → ended', async () => {
    const adapter = createMemoryAdapter();
    const seen = [];
    adapter.live.subscribeShow('show-1', (s) => seen.push([s.status, s.viewerCount]));
    const stop = playLiveScenario(adapter, 'show-1', { scheduledFor: 50, liveFor: 300, endedFor: 50 });
    await new Promise((r) => setTimeout(r, 500));
    stop();
    adapter.dispose();
    const statuses = [...new Set(seen.map(([s]) => s))];
    assert.deepEqual(statuses, ['scheduled', 'live', 'ended']);
    const viewers = seen.filter(([s]) => s === 'live').map(([, v]) => v);
    assert.ok(viewers.length >= 2 && viewers.every((v, i) => i === 0 || v > viewers[i - 1]), `viewers rise: ${viewers}`);
  });
});

describe('liveShowStore', () => {
  const settle = () => new Promise((r) => setTimeout(r, 20));

  it('loads on first listener, follows pushes, and unsubscribes after the last one leaves', async () => {
    const adapter = createMemoryAdapter();
    const store = liveShowStore(adapter, { showId: 'show-1' });
    assert.equal(liveShowStore(adapter, { showId: 'show-1' }), store, 'one store per adapter and show');
    const states = [];
    const off = store.subscribe((v) => states.push(v.status === 'ready' ? v.show.status : v.status));
    await settle();
    adapter.control.startShow('show-1');
    await settle();
    assert.deepEqual(states.slice(0, 2), ['loading', 'scheduled']);
    assert.equal(states.at(-1), 'live');
    assert.equal(adapter.activeSubscriptions, 1);
    off();
    await new Promise((r) => setTimeout(r, 1100)); // nanostores' unmount delay
    assert.equal(adapter.activeSubscriptions, 0);
  });

  it('maps 404 to none, other failures to error, and a product without shows to none', async () => {
    const adapter = createMemoryAdapter();
    const missing = liveShowStore(adapter, { showId: 'nope' });
    const off1 = missing.listen(() => {});
    await settle();
    assert.equal(missing.get().status, 'none');
    const none = liveShowStore(adapter, { productId: 'p-none' });
    const off2 = none.listen(() => {});
    await settle();
    assert.equal(none.get().status, 'none');
    off1(); off2();

    const failing = createMemoryAdapter({ failure: 'always' });
    const broken = liveShowStore(failing, { showId: 'show-1' });
    const off3 = broken.listen(() => {});
    await settle();
    assert.equal(broken.get().status, 'error');
    assert.equal(broken.get().error.code, 'network');
    off3();
  });
});
