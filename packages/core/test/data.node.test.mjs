import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  HttpError,
  NetworkError,
  TimeoutError,
  holdSnapshot,
  intent,
  queryKey,
  resource,
  storeCache,
  takeSnapshot,
  withSnapshot,
} from '@kith/core';
import { pages } from '@kith/core/pages';

const tick = () => new Promise((r) => setTimeout(r, 0));
/** A fetch whose answers the test hands out, recording every call and its signal. */
function deferredFetch() {
  const calls = [];
  const fetch = (signal) => new Promise((resolve, reject) => calls.push({ signal, resolve, reject }));
  return { calls, fetch };
}

describe('resource', () => {
  it('dedupes: every listener of one keyed store shares one request', async () => {
    const { calls, fetch } = deferredFetch();
    const cached = storeCache();
    const adapter = /** @type {import('@kith/core').KithAdapter} */ (/** @type {unknown} */ ({}));
    const a = cached(adapter, 'p1', () => resource(fetch));
    const b = cached(adapter, 'p1', () => resource(fetch));
    assert.equal(a, b);
    const seen = [];
    const offA = a.subscribe((s) => seen.push(s.status));
    const offB = b.subscribe(() => {});
    assert.equal(calls.length, 1);
    calls[0].resolve(42);
    await tick();
    assert.deepEqual(a.get(), { status: 'ready', data: 42 });
    assert.deepEqual(seen, ['loading', 'ready']);
    offA();
    offB();
  });

  it('aborts the request in flight when the last listener leaves', async () => {
    const { calls, fetch } = deferredFetch();
    const $r = resource(fetch);
    const off1 = $r.listen(() => {});
    const off2 = $r.listen(() => {});
    off1();
    assert.equal(calls[0].signal.aborted, false);
    off2();
    await new Promise((r) => setTimeout(r, 1100)); // nanostores unmounts after its 1 s delay
    assert.equal(calls[0].signal.aborted, true);
  });

  it('ignores a stale answer: a revalidation wins over the request it superseded', async () => {
    const { calls, fetch } = deferredFetch();
    const $r = resource(fetch);
    const off = $r.listen(() => {});
    $r.revalidate();
    assert.equal(calls.length, 2);
    assert.equal(calls[0].signal.aborted, true);
    calls[1].resolve('new');
    calls[0].resolve('old'); // arrives late, e.g. from a fetch that ignores its signal
    await tick();
    assert.equal($r.get().data, 'new');
    off();
  });

  it('keeps the data while revalidating, and after a failed revalidation', async () => {
    const { calls, fetch } = deferredFetch();
    const $r = resource(fetch);
    const off = $r.listen(() => {});
    calls[0].resolve(1);
    await tick();
    $r.revalidate();
    assert.deepEqual($r.get(), { status: 'ready', data: 1 });
    calls[1].reject(new NetworkError());
    await tick();
    assert.equal($r.get().status, 'error');
    assert.equal($r.get().data, 1);
    off();
  });

  it('revalidates on stream events and when the page becomes visible; not while unmounted', async () => {
    const { calls, fetch } = deferredFetch();
    /** @type {() => void} */
    let emit = () => assert.fail('no stream started');
    let stopped = false;
    const doc = /** @type {EventTarget & { visibilityState: string }} */ (new EventTarget());
    doc.visibilityState = 'visible';
    globalThis.document = /** @type {Document} */ (/** @type {unknown} */ (doc));
    try {
      const $r = resource(fetch, {
        onVisible: true,
        subscribe: (revalidate) => {
          emit = revalidate;
          return () => (stopped = true);
        },
      });
      $r.revalidate();
      assert.equal(calls.length, 0, 'nobody listens: nothing fetched');
      const off = $r.listen(() => {});
      calls[0].resolve(1);
      await tick();
      emit();
      assert.equal(calls.length, 2);
      calls[1].resolve(2);
      await tick();
      doc.dispatchEvent(new Event('visibilitychange'));
      assert.equal(calls.length, 3);
      calls[2].resolve(3);
      await tick();
      assert.equal($r.get().data, 3);
      off();
      await new Promise((r) => setTimeout(r, 1100));
      assert.ok(stopped);
      doc.dispatchEvent(new Event('visibilitychange'));
      assert.equal(calls.length, 3);
    } finally {
      delete globalThis.document;
    }
  });
});

describe('intent', () => {
  it('keeps its Idempotency-Key across a retry after a network error, a timeout, a 5xx or a 429, and drops it after success', async () => {
    const keys = [];
    const failures = [
      new NetworkError(),
      new TimeoutError(),
      new HttpError(503, 'unavailable', 'x'),
      new HttpError(429, 'rate_limited', 'x'),
    ];
    const i = intent(async (input, key) => {
      keys.push(key);
      if (failures.length) throw failures.shift();
      return input;
    });
    for (let n = 0; n < 4; n++) await assert.rejects(i.run('vote:r1'));
    assert.equal(i.$state.get().error instanceof HttpError, true);
    assert.equal(await i.run('vote:r1'), 'vote:r1');
    assert.deepEqual(i.$state.get(), {});
    assert.equal(new Set(keys).size, 1, 'one key for every attempt of one intent');
    await i.run('vote:r1');
    assert.notEqual(keys.at(-1), keys[0], 'a new intent after success has a new key');
  });

  it('drops its key after a refusal (a 4xx the server decided), and keeps intents apart', async () => {
    const keys = [];
    const i = intent(async (input, key) => {
      keys.push([input, key]);
      throw new HttpError(409, 'already_checked_in', 'x');
    });
    await assert.rejects(i.run('a'));
    await assert.rejects(i.run('b'));
    await assert.rejects(i.run('a'));
    assert.notEqual(keys[0][1], keys[1][1]);
    assert.notEqual(keys[0][1], keys[2][1], 'refused: the next try is a new intent');
  });

  it('says which intent is pending', async () => {
    /** @type {(value: string) => void} */
    let done = () => {};
    const i = intent(
      () => new Promise((r) => (done = r)),
      (x) => `redeem:${x}`,
    );
    const p = i.run('r1');
    assert.deepEqual(i.$state.get(), { pending: 'redeem:r1' });
    done('ok');
    assert.equal(await p, 'ok');
    assert.deepEqual(i.$state.get(), {});
  });
});

describe('pages', () => {
  /** A page fetch whose answers the test hands out, recording each call's query, cursor and signal. */
  function deferredPages() {
    const calls = [];
    /** @type {(q: readonly unknown[], cursor: string | null, signal: AbortSignal) => Promise<any> | undefined} */
    const fetch = ([product], cursor, signal) =>
      product ? new Promise((resolve, reject) => calls.push({ product, cursor, signal, resolve, reject })) : undefined;
    return { calls, fetch };
  }
  const page = (items, nextCursor = null, total) => ({ items, nextCursor, total });

  it('loads the first page on a query, and more() appends the next cursor’s page until the last', async () => {
    const { calls, fetch } = deferredPages();
    const $p = pages(fetch);
    const off = $p.listen(() => {});
    $p.query('p1');
    assert.equal($p.get().loading, true);
    assert.equal(calls[0].cursor, null);
    calls[0].resolve(page(['a', 'b'], 'c2', 3));
    await tick();
    assert.deepEqual([$p.get().items, $p.get().total, $p.get().done], [['a', 'b'], 3, false]);
    $p.more();
    assert.equal(calls[1].cursor, 'c2');
    calls[1].resolve(page(['c']));
    await tick();
    assert.deepEqual([$p.get().items, $p.get().done, $p.get().loading], [['a', 'b', 'c'], true, false]);
    $p.more();
    assert.equal(calls.length, 2, 'done: no request past the last page');
    off();
  });

  it('dedupes: the same query again, or more() while a page loads, sends nothing', () => {
    const { calls, fetch } = deferredPages();
    const $p = pages(fetch);
    const filters = { sort: 'newest' };
    $p.query('p1', filters);
    $p.query('p1', filters);
    $p.more();
    $p.more();
    assert.equal(calls.length, 1);
  });

  it('a new query starts over: it aborts the page in flight, clears the rows and bumps the generation', async () => {
    const { calls, fetch } = deferredPages();
    const $p = pages(fetch);
    $p.query('p1');
    calls[0].resolve(page(['a'], 'c2'));
    await tick();
    const { generation } = $p.get();
    $p.more();
    $p.query('p2');
    assert.equal(calls[1].signal.aborted, true, 'the old query’s page is aborted');
    assert.deepEqual([calls[2].product, calls[2].cursor], ['p2', null]);
    assert.deepEqual($p.get().items, []);
    assert.equal($p.get().generation, generation + 1);
  });

  it('drops a stale answer: an old query’s page (or failure) that arrives late never lands in the new list', async () => {
    const { calls, fetch } = deferredPages();
    const $p = pages(fetch);
    $p.query('p1');
    $p.query('p2');
    calls[1].resolve(page(['new']));
    calls[0].resolve(page(['old'], 'c2')); // e.g. from a fetch that ignores its signal
    await tick();
    assert.deepEqual($p.get().items, ['new']);
    assert.equal($p.get().done, true);
    $p.query('p3');
    calls[1].reject(new NetworkError());
    await tick();
    assert.equal($p.get().error, undefined);
    assert.equal($p.get().loading, true);
  });

  it('keeps the rows after a failed page, and more() asks for that page again', async () => {
    const { calls, fetch } = deferredPages();
    const $p = pages(fetch);
    $p.query('p1');
    calls[0].resolve(page(['a'], 'c2'));
    await tick();
    $p.more();
    calls[1].reject(new NetworkError());
    await tick();
    assert.equal($p.get().error?.code, 'network');
    assert.deepEqual([$p.get().items, $p.get().loading], [['a'], false]);
    $p.more();
    assert.equal(calls[2].cursor, 'c2');
    assert.equal($p.get().error, undefined);
  });

  it('revalidate starts the same query over; mutate changes rows without a request; nothing to load is done', async () => {
    const { calls, fetch } = deferredPages();
    const $p = pages(fetch);
    $p.query('p1');
    calls[0].resolve(page(['a'], 'c2'));
    await tick();
    $p.mutate((items) => ['new', ...items]);
    assert.deepEqual($p.get().items, ['new', 'a']);
    $p.revalidate();
    // The rows stay on screen (no flash) until the first page of the new read replaces them.
    assert.deepEqual([calls.length, calls[1].product, calls[1].cursor, $p.get().items], [2, 'p1', null, ['new', 'a']]);
    calls[1].resolve(page(['b'], null));
    await tick();
    assert.deepEqual([$p.get().items, $p.get().done], [['b'], true]);
    $p.query(undefined);
    assert.deepEqual([$p.get().done, $p.get().loading, $p.get().items, calls.length], [true, false, [], 2]);
  });

  it('aborts the page in flight once nobody listens, and the next query starts over', async () => {
    const { calls, fetch } = deferredPages();
    const $p = pages(fetch);
    const off = $p.listen(() => {});
    $p.query('p1');
    off();
    await new Promise((r) => setTimeout(r, 1100)); // nanostores unmounts after its 1 s delay
    assert.equal(calls[0].signal.aborted, true);
    $p.listen(() => {})();
    $p.query('p1');
    assert.equal(calls.length, 2, 'the same query after an unmount loads again');
  });
});

describe('resource view and fail', () => {
  it('shows listeners its view of each state, and fail() puts a failure in place keeping the data', async () => {
    const { calls, fetch } = deferredFetch();
    const $r = resource(fetch, { view: (s) => ({ status: s.status, value: s.data }) });
    const off = $r.listen(() => {});
    assert.deepEqual($r.get(), { status: 'loading', value: undefined });
    calls[0].resolve(7);
    await tick();
    assert.deepEqual($r.get(), { status: 'ready', value: 7 });
    $r.fail(new NetworkError());
    assert.deepEqual($r.get(), { status: 'error', value: 7 });
    $r.mutate(8);
    assert.deepEqual($r.get(), { status: 'ready', value: 8 });
    off();
  });
});

describe('server-rendered snapshot (takeSnapshot, resource and pages `initial`)', () => {
  it('an entry serves as many stores as snapshots held it; withSnapshot holds only for its render', () => {
    holdSnapshot({ summary: { p1: 'one' } });
    holdSnapshot({ summary: { p1: 'one' } });
    assert.equal(takeSnapshot('summary', 'p1'), 'one');
    assert.equal(takeSnapshot('summary', 'p1'), 'one');
    assert.equal(takeSnapshot('summary', 'p1'), undefined, 'two snapshots, two uses');
    holdSnapshot({ summary: { p2: 'left over' } });
    assert.equal(
      withSnapshot({ summary: { p3: 'mine' } }, () =>
        [takeSnapshot('summary', 'p2'), takeSnapshot('summary', 'p3')].join(),
      ),
      ',mine',
      'a render sees its own snapshot only',
    );
    assert.throws(() => withSnapshot({ summary: { p4: 'x' } }, () => assert.fail('render failed')));
    assert.equal(takeSnapshot('summary', 'p4'), undefined, 'dropped after a render, even one that threw');
  });

  it('queryKey: the set filters in a stable order, without the cursor', () => {
    assert.equal(
      queryKey({ sort: 'newest', productId: 'p1', limit: 20, rating: undefined, cursor: 'c2' }),
      'limit=20&productId=p1&sort=newest',
    );
  });

  it('a resource with initial data is ready at once, keeps it at its first mount, and fetches after', async () => {
    const { calls, fetch } = deferredFetch();
    const $r = resource(fetch, { initial: 7 });
    assert.deepEqual($r.get(), { status: 'ready', data: 7 });
    const off = $r.listen(() => {});
    assert.equal(calls.length, 0, 'no request for what the server rendered');
    $r.revalidate();
    assert.equal(calls.length, 1, 'a revalidation fetches');
    calls[0].resolve(8);
    await tick();
    assert.deepEqual($r.get(), { status: 'ready', data: 8 });
    off();
    await new Promise((r) => setTimeout(r, 1100)); // nanostores unmounts after its 1 s delay
    const again = $r.listen(() => {});
    assert.equal(calls.length, 2, 'a later mount fetches as usual');
    again();
  });

  it('pages takes the first page of a query from `initial` without a request, then reads on from its cursor', async () => {
    const calls = [];
    /** @type {(q: readonly unknown[], cursor: string | null, signal: AbortSignal) => Promise<any>} */
    const fetch = ([product], cursor) => new Promise((resolve) => calls.push({ product, cursor, resolve }));
    const $p = pages(fetch, ([product]) =>
      product === 'p1' ? { items: ['a', 'b'], nextCursor: 'c2', total: 3 } : undefined,
    );
    const off = $p.listen(() => {});
    $p.query('p1');
    assert.deepEqual([$p.get().items, $p.get().total, $p.get().loading, $p.get().done], [['a', 'b'], 3, false, false]);
    assert.equal(calls.length, 0);
    $p.more();
    assert.deepEqual([calls[0].product, calls[0].cursor], ['p1', 'c2']);
    calls[0].resolve({ items: ['c'], nextCursor: null });
    await tick();
    assert.deepEqual($p.get().items, ['a', 'b', 'c']);
    $p.query('p2');
    assert.deepEqual([calls[1].product, calls[1].cursor, $p.get().loading], ['p2', null, true], 'no snapshot: a read');
    off();
  });
});
