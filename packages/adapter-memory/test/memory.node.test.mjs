import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { runAdapterShapeContract } from '@kith/core/testing';
import { HttpError, isHttpError, isNetworkError, liveShowStore } from '@kith/core';
import {
  createMemoryAdapter,
  demoSeed,
  groupBuyScenario,
  playLiveScenario,
  pointsScenario,
} from '@kith/adapter-memory';

// The adapter's shape only: the rules are the server's, tested against it (the whole contract runs
// with the REST adapter on the real server in packages/adapter-rest/test/contract.node.test.mjs).
runAdapterShapeContract(
  'memory',
  async () => {
    const adapter = createMemoryAdapter();
    return {
      adapter,
      // A second view of the same data, signed in.
      customer: adapter.as({ id: 'c-contract', displayName: 'Ana' }),
      fixtures: { scheduledShowId: 'show-1', productWithShow: 'p1', productWithoutShow: 'p-none' },
      control: {
        startShow: async (id) => adapter.control.startShow(id, 10),
        setViewers: async (id, n) => adapter.control.setViewers(id, n),
        endShow: async (id) => adapter.control.endShow(id),
      },
      scriptFailure: (op, error) => adapter.control.next(op, error),
      teardown: () => adapter.dispose(),
    };
  },
  { describe, it },
);

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
    adapter.live.subscribeShow('show-1', () => assert.fail('no push while failing'), {
      onError: (e) => errors.push(e),
    });
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
    await assert.rejects(p, (/** @type {Error} */ e) => e.name === 'AbortError');
  });

  it('control puts a show in any state; it never refuses a transition (that is the server’s rule)', async () => {
    const adapter = createMemoryAdapter();
    adapter.control.endShow('show-1', 'https://live.example.com/r');
    assert.deepEqual(
      [(await adapter.live.getShow('show-1')).status, (await adapter.live.getShow('show-1')).replayUrl],
      ['ended', 'https://live.example.com/r'],
    );
    adapter.control.startShow('show-1', 7);
    assert.deepEqual(
      [(await adapter.live.getShow('show-1')).status, (await adapter.live.getShow('show-1')).viewerCount],
      ['live', 7],
    );
  });

  it('points and referrals writes answer the fixture’s outcomes; control.next scripts the next answer; without an outcome, 501 not_scripted', async () => {
    const customer = { id: 'c1', displayName: 'Ana' };
    const scenario = pointsScenario('rich', { customer });
    const adapter = createMemoryAdapter(scenario);
    const { balance } = await adapter.points.getAccount();
    const redeemed = await adapter.points.redeem('rw-10p');
    assert.deepEqual(
      [redeemed.points, redeemed.account.balance, (await adapter.points.getAccount()).balance],
      [1200, balance - 1200, balance - 1200],
    );
    adapter.control.next('points.redeem', new HttpError(409, 'insufficient_points', 'Scripted'));
    adapter.control.next('points.redeem', {
      id: 'rd-x',
      rewardId: 'rw-5off',
      rewardTitle: '$5 off',
      points: 500,
      code: 'KITH-TEST-CODE',
      createdAt: '2026-01-01T00:00:00.000Z',
      account: redeemed.account,
    });
    await assert.rejects(adapter.points.redeem('rw-5off'), (e) => isHttpError(e) && e.code === 'insufficient_points');
    assert.equal((await adapter.points.redeem('rw-5off')).code, 'KITH-TEST-CODE', 'queued outcomes answer in order');
    adapter.control.update((f) => {
      const c1 = f.points.customers.c1;
      c1.account = { ...c1.account, balance: 42 };
    });
    assert.equal((await adapter.points.getAccount()).balance, 42);

    const bare = createMemoryAdapter({ seed: scenario.seed, customer });
    await assert.rejects(bare.points.checkIn(), (e) => isHttpError(e) && e.status === 501 && e.code === 'not_scripted');
    const link = await bare.referrals.createLink({ url: 'https://shop.example.com/p/tote?colour=sand' });
    assert.equal(
      link.url,
      `https://shop.example.com/p/tote?colour=sand&kith_ref=${link.code}`,
      'a known link, to the page asked for',
    );
  });

  it('writes need a customer, and an Idempotency-Key replays instead of writing twice', async () => {
    const anonymous = createMemoryAdapter();
    await assert.rejects(anonymous.groupBuy.startTeam('gb-1', {}), (e) => isHttpError(e) && e.status === 401);

    const adapter = createMemoryAdapter({ customer: { id: 'c1', displayName: 'Ana' } });
    const first = await adapter.groupBuy.startTeam('gb-1', {}, { idempotencyKey: 'k1' });
    const again = await adapter.groupBuy.startTeam('gb-1', {}, { idempotencyKey: 'k1' });
    assert.deepEqual(again, first);
    assert.equal((await adapter.groupBuy.getOffer('p1')).yourTeam.id, first.id);
    assert.equal((await adapter.groupBuy.getOffer('p1')).teams.length, 2, 'the demo teams, not written twice');
  });

  it('a team in any state: setTeam puts it as served and pushes it to subscribers; getTeam shows `you` to its members', async () => {
    const adapter = createMemoryAdapter({ customer: { id: 'c-wei', displayName: 'Wei' } });
    const seen = [];
    const off = adapter.groupBuy.subscribeTeam('team-1', (t) => seen.push(t.state));
    await new Promise((r) => setTimeout(r, 10));
    adapter.control.setTeam('team-1', { state: 'expired' });
    await new Promise((r) => setTimeout(r, 10));
    off();
    assert.deepEqual(seen, ['forming', 'expired']);
    assert.equal((await adapter.groupBuy.getTeam('team-1')).you.leader, true);
    assert.equal((await adapter.as(null).groupBuy.getTeam('team-1')).you, undefined, 'signed out: the public view');
  });

  it('group-buy writes move to a recorded state: a start to `leading`, a leave back to `forming`', async () => {
    const { seed, customer, outcomes } = groupBuyScenario('forming');
    const adapter = createMemoryAdapter({ seed, customer, outcomes });
    const started = await adapter.groupBuy.startTeam('gb-1', { displayName: 'Alex Kim' });
    assert.deepEqual([started.id, started.leaderName, started.you.seat], ['team-you', 'Alex Kim', 'held']);
    assert.equal((await adapter.groupBuy.getOffer('p1')).yourTeam.id, 'team-you');
    await adapter.groupBuy.leaveTeam('team-you');
    assert.equal((await adapter.groupBuy.getOffer('p1')).yourTeam, null);
    const joined = await adapter.groupBuy.joinTeam('team-1', {});
    assert.equal(joined.you.seat, 'held');
    assert.deepEqual(
      (await adapter.groupBuy.getOffer('p1')).teams.map((t) => t.id),
      ['team-2'],
    );
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
    assert.ok(
      viewers.length >= 2 && viewers.every((v, i) => i === 0 || v > viewers[i - 1]),
      `viewers rise: ${viewers}`,
    );
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
    off1();
    off2();

    const failing = createMemoryAdapter({ failure: 'always' });
    const broken = liveShowStore(failing, { showId: 'show-1' });
    const off3 = broken.listen(() => {});
    await settle();
    assert.equal(broken.get().status, 'error');
    const state = broken.get();
    assert.equal(state.status === 'error' && state.error.code, 'network');
    off3();
  });
});
