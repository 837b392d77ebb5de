// Adapter-specific behaviour: headers, shared streams, reconnects, backoff, polling, pausing in
// hidden tabs, and cleanup. Runs against the built package and the real server in-process
// (`createTestBackend`), whose stream faults (refusals, drops, raw text) stand in for a bad network.
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

// Every test registers its subscriptions here, so a failing test still cleans up.
let cleanups = [];
afterEach(async () => {
  for (const fn of cleanups.reverse()) await fn();
  cleanups = [];
});

// One server for the file (`retry:` shortens EventSource's own 3 s reconnect delay), a second with
// 10 ms heartbeats for the test about them; every test gets a fresh shop.
const backends = {};
before(async () => {
  backends.main = await createTestBackend({ retryMs: 50 });
});
after(async () => {
  for (const b of Object.values(backends)) await b.close();
});

const HOUR = 3_600_000;
/** show-1 scheduled (p1, p2), show-2 live with 1,284 viewers (p3), show-3 ended with a replay (p4). */
async function seedShows(admin) {
  const iso = (ms) => new Date(ms).toISOString();
  const now = Date.now();
  await admin.createShow({
    id: 'show-1',
    title: 'Autumn drop',
    startsAt: iso(now + 2 * HOUR),
    productIds: ['p1', 'p2'],
  });
  await admin.createShow({ id: 'show-2', title: 'Knitwear live', startsAt: iso(now + HOUR), productIds: ['p3'] });
  await admin.startShow('show-2', 1284);
  await admin.createShow({ id: 'show-3', title: 'Summer recap', startsAt: iso(now + HOUR), productIds: ['p4'] });
  await admin.startShow('show-3');
  await admin.endShow('show-3', 'https://live.example.com/show-3/replay');
}

/**
 * A fresh shop with the three shows; `api` is the server's side: requests, streams, the merchant.
 * @param {{
 *   api?: { heartbeatMs?: number, failStream?: Parameters<import('@kith/server/testing').TestStreams['fail']>[0] },
 * } & Partial<Omit<import('@kith/adapter-rest').RestAdapterOptions, 'baseUrl' | 'publishableKey'>>} [options]
 */
async function setup({ api: { heartbeatMs, failStream } = {}, ...options } = {}) {
  const b = heartbeatMs ? (backends.pings ??= await createTestBackend({ retryMs: 50, heartbeatMs })) : backends.main;
  const { shop, admin } = await b.addShop();
  await seedShows(admin);
  b.requests.length = 0;
  b.streams.attempts.length = 0;
  b.streams.fail(failStream);
  const api = {
    baseUrl: b.baseUrl,
    pk: shop.publishableKey,
    requests: b.requests,
    streamAttempts: b.streams.attempts,
    get openStreams() {
      return b.streams.open;
    },
    getRequests: (path) => b.requests.filter((r) => r.path === path),
    lastEventIdOf: (id) => b.streams.lastEventId(`/live/shows/${id}`),
    sendRaw: (id, text) => b.streams.sendRaw(`/live/shows/${id}`, text),
    dropStreams: () => b.streams.drop(),
    startShow: (id, viewerCount) => admin.startShow(id, viewerCount),
    setViewers: (id, viewerCount) => admin.setViewers(id, viewerCount),
    endShow: (id) => admin.endShow(id),
  };
  cleanups.push(() => b.streams.fail(undefined));
  const adapter = createRestAdapter({ baseUrl: api.baseUrl, publishableKey: api.pk, EventSource, ...options });
  return { api, adapter };
}

/** Subscribes and records every push and error; unsubscribed after the test. */
function watch(adapter, id) {
  const shows = [];
  const errors = [];
  const unsubscribe = adapter.live.subscribeShow(id, (s) => shows.push(s), { onError: (e) => errors.push(e) });
  cleanups.push(unsubscribe);
  return { shows, errors, unsubscribe, last: () => shows.at(-1) };
}

describe('createRestAdapter', () => {
  it('has id "rest" and exactly the domains the server has: live, reviews, group buy, points and referrals', async () => {
    const { adapter } = await setup();
    assert.equal(adapter.id, 'rest');
    assert.deepEqual([...adapter.capabilities], ['live', 'reviews', 'groupBuy', 'points', 'referrals']);
    for (const d of ['live', 'reviews', 'groupBuy', 'points', 'referrals'])
      assert.equal(typeof adapter[d], 'object', d);
  });

  it('refuses a missing base URL or key, and a secret key', () => {
    assert.throws(() => createRestAdapter({ baseUrl: '', publishableKey: 'pk_test_x' }), TypeError);
    assert.throws(() => createRestAdapter({ baseUrl: 'http://x/v1', publishableKey: '' }), TypeError);
    assert.throws(
      () => createRestAdapter({ baseUrl: 'http://x/v1', publishableKey: 'sk_live_123' }),
      /never the secret key/,
    );
  });

  it('sends the publishable key in the query of reads and streams (simple, cacheable requests), as a Bearer token on writes', async () => {
    const { api, adapter } = await setup();
    assert.equal((await adapter.live.getShow('show-2')).viewerCount, 1284);
    const found = await adapter.live.findShow({ productId: 'p3' });
    assert.equal(found.id, 'show-2');
    const [get] = api.getRequests('/v1/live/shows/show-2');
    assert.deepEqual(get.query, { key: api.pk });
    // No Authorization or custom header: a simple request, which needs no CORS preflight.
    assert.equal(get.headers.authorization, undefined);
    assert.equal(get.headers['x-kith-customer'], undefined);
    const [find] = api.getRequests('/v1/live/shows');
    assert.equal(find.headers.authorization, undefined);
    assert.deepEqual(find.query, { product: 'p3', key: api.pk });

    const sub = watch(adapter, 'show-2');
    await waitFor(() => sub.shows.length === 1, 'the first push');
    assert.equal(api.streamAttempts[0].key, api.pk);
  });

  it('works with a trailing slash on the base URL and ids that need escaping', async () => {
    const { api } = await setup();
    const adapter = createRestAdapter({ baseUrl: `${api.baseUrl}/`, publishableKey: api.pk, EventSource });
    await assert.rejects(adapter.live.getShow('a/b c'), (e) => isHttpError(e) && e.status === 404);
    assert.equal(api.requests.at(-1).path, '/v1/live/shows/a%2Fb%20c');
    assert.equal((await adapter.live.getShow('show-1')).id, 'show-1');
  });

  it('sends the customer token on every request, reading a token function each time', async () => {
    let calls = 0;
    const { api, adapter } = await setup({ customerToken: async () => `jwt-${++calls}` });
    await adapter.live.getShow('show-1');
    await adapter.live.findShow({ productId: 'p1' });
    assert.equal(calls, 2);
    assert.deepEqual(
      api.requests.map((r) => r.headers['x-kith-customer']),
      ['jwt-1', 'jwt-2'],
    );
    assert.ok(api.requests.every((r) => r.query.key === api.pk && r.headers.authorization === undefined));

    const fixed = createRestAdapter({ baseUrl: api.baseUrl, publishableKey: api.pk, customerToken: 'jwt-fixed' });
    await fixed.live.getShow('show-1');
    assert.equal(api.requests.at(-1).headers['x-kith-customer'], 'jwt-fixed');

    const signedOut = createRestAdapter({
      baseUrl: api.baseUrl,
      publishableKey: api.pk,
      customerToken: () => undefined,
    });
    await signedOut.live.getShow('show-1');
    assert.equal(api.requests.at(-1).headers['x-kith-customer'], undefined);
  });

  it('says whether a shopper is signed in from its customer token, without a request', async () => {
    const { api } = await setup();
    const as = (customerToken) =>
      createRestAdapter({
        baseUrl: api.baseUrl,
        publishableKey: api.pk,
        ...(customerToken !== undefined ? { customerToken } : {}),
      });
    const before = api.requests.length;
    assert.equal(as().signedIn(), false);
    assert.equal(as('').signedIn(), false);
    assert.equal(as('jwt').signedIn(), true);
    assert.equal(as(() => undefined).signedIn(), false);
    assert.equal(as(() => 'jwt').signedIn(), true);
    assert.equal(await as(async () => 'jwt').signedIn(), true);
    assert.equal(await as(async () => undefined).signedIn(), false);
    assert.equal(
      await as(async () => {
        throw new Error('session store down');
      }).signedIn(),
      false,
    );
    assert.equal(api.requests.length, before);
  });

  it('uses the injected fetch, with or without a customer token', async () => {
    const { api } = await setup();
    const urls = [];
    const spy = (input, init) => {
      urls.push(input instanceof Request ? input.url : String(input));
      return fetch(input, init);
    };
    await createRestAdapter({ baseUrl: api.baseUrl, publishableKey: api.pk, fetch: spy }).live.getShow('show-1');
    await createRestAdapter({
      baseUrl: api.baseUrl,
      publishableKey: api.pk,
      fetch: spy,
      customerToken: 't',
    }).live.findShow({ productId: 'p1' });
    const key = `key=${api.pk}`;
    assert.deepEqual(urls, [`${api.baseUrl}/live/shows/show-1?${key}`, `${api.baseUrl}/live/shows?product=p1&${key}`]);
    assert.equal(api.requests.at(-1).headers['x-kith-customer'], 't');
  });

  it('maps errors to KithErrors and honours abort on findShow too', async () => {
    const { api, adapter } = await setup();
    const bad = createRestAdapter({ baseUrl: api.baseUrl, publishableKey: 'pk_wrong' });
    await assert.rejects(
      bad.live.getShow('show-1'),
      (e) => isHttpError(e) && e.status === 401 && e.code === 'invalid_key',
    );
    const c = new AbortController();
    c.abort();
    await assert.rejects(adapter.live.findShow({ productId: 'p1' }, { signal: c.signal }), { name: 'AbortError' });
    assert.equal(await adapter.live.findShow({ productId: 'p-none' }), null);
  });
});

describe("held reads (the loader's first view)", () => {
  it("answer a read they hold with no request, map a held refusal as the server's, and leave the rest to HTTP", async () => {
    const asked = [];
    const held = async (url, signal) => {
      asked.push(`${url.pathname}${url.search}`);
      assert.ok(signal === undefined || signal instanceof AbortSignal);
      if (url.pathname.endsWith('/live/shows/held')) return Response.json({ id: 'held', title: 'From the first view' });
      if (url.pathname.endsWith('/live/shows/gone'))
        return Response.json({ error: { code: 'not_found', message: 'Gone' } }, { status: 404 });
      return undefined;
    };
    const { api, adapter } = await setup({ held });
    assert.equal((await adapter.live.getShow('held')).title, 'From the first view');
    await assert.rejects(
      adapter.live.getShow('gone'),
      (e) => isHttpError(e) && e.status === 404 && e.code === 'not_found',
    );
    assert.equal(api.requests.length, 0, 'nothing reached the server');
    // Not held: over HTTP, with the search parameters the held reads were asked about.
    assert.equal((await adapter.live.findShow({ productId: 'p3' })).id, 'show-2');
    assert.deepEqual(asked, ['/v1/live/shows/held', '/v1/live/shows/gone', '/v1/live/shows?product=p3']);
    assert.deepEqual(
      api.requests.map((r) => r.path),
      ['/v1/live/shows'],
    );
    // Writes never ask them.
    await adapter.reviews.markHelpful('r-none').catch(() => {});
    assert.equal(asked.length, 3);
  });

  it('open no stream before they have settled', async () => {
    /** @type {() => void} */
    let settle = () => {};
    const held = Object.assign(async () => undefined, { settled: new Promise((r) => (settle = () => r(undefined))) });
    const { api, adapter } = await setup({ held });
    const sub = watch(adapter, 'show-2');
    await sleep(200);
    assert.equal(api.streamAttempts.length, 0, 'no stream while the first view is served');
    settle();
    await waitFor(() => sub.last()?.viewerCount === 1284, 'the stream after settling');
    assert.equal(api.streamAttempts.length, 1);
  });
});

describe('subscribeShow', () => {
  it('shares one connection per show, gives late subscribers the current state, and closes with the last one', async () => {
    const { api, adapter } = await setup();
    const subs = [watch(adapter, 'show-1'), watch(adapter, 'show-1'), watch(adapter, 'show-1')];
    await waitFor(() => subs.every((s) => s.shows.length === 1), 'three first pushes');
    assert.equal(api.openStreams, 1);
    assert.equal(api.streamAttempts.length, 1);

    const late = watch(adapter, 'show-1');
    await waitFor(() => late.shows.length === 1, 'the late subscriber’s first push');
    assert.equal(late.shows[0].status, 'scheduled');
    assert.equal(api.streamAttempts.length, 1, 'no new connection for a late subscriber');

    const other = watch(adapter, 'show-2');
    await waitFor(() => other.shows.length === 1, 'the other show');
    assert.equal(api.openStreams, 2);

    await api.startShow('show-1', 5);
    await waitFor(() => [...subs, late].every((s) => s.last().status === 'live'), 'everyone sees it go live');
    assert.equal(other.shows.length, 1, 'another show’s subscriber is not told');

    for (const s of [...subs, late]) {
      s.unsubscribe();
      s.unsubscribe();
    }
    await waitFor(() => api.openStreams === 1, 'show-1’s stream to close');
    other.unsubscribe();
    await waitFor(() => api.openStreams === 0, 'every stream to close');
    const counts = [...subs, late].map((s) => s.shows.length);
    await api.endShow('show-1');
    await sleep(100);
    assert.deepEqual(
      [...subs, late].map((s) => s.shows.length),
      counts,
      'nothing after unsubscribe',
    );
  });

  it('keeps other subscribers going when one unsubscribes or throws', async () => {
    const { api, adapter } = await setup();
    const errors = [];
    const original = console.error;
    console.error = (e) => errors.push(e);
    cleanups.push(() => (console.error = original));
    const thrower = adapter.live.subscribeShow('show-1', () => {
      throw new Error('widget bug');
    });
    cleanups.push(thrower);
    const a = watch(adapter, 'show-1');
    const b = watch(adapter, 'show-1');
    await waitFor(() => a.shows.length === 1 && b.shows.length === 1, 'first pushes');
    a.unsubscribe();
    await api.startShow('show-1');
    await waitFor(() => b.last().status === 'live', 'the remaining subscriber to see the change');
    assert.equal(a.shows.length, 1);
    assert.equal(errors.length, 2, 'the throwing subscriber is reported, once per push');
    assert.equal(api.openStreams, 1);
  });

  it('ignores heartbeats and malformed events, warning once', async (t) => {
    const { api, adapter } = await setup({ api: { heartbeatMs: 10 } });
    const warn = t.mock.method(console, 'warn', () => {});
    const sub = watch(adapter, 'show-1');
    await waitFor(() => sub.shows.length === 1, 'the first push');
    await sleep(60); // several `: ping` comments
    api.sendRaw('show-1', 'event: show\ndata: {not json\n\n');
    api.sendRaw(
      'show-1',
      `event: show\ndata: ${JSON.stringify({ id: 'show-9', title: 'Wrong show', status: 'live', startsAt: 'x', productIds: [] })}\n\n`,
    );
    api.sendRaw('show-1', 'event: show\ndata: {"id":"show-1"}\n\n');
    api.sendRaw('show-1', 'event: other\ndata: whatever\n\n');
    await api.startShow('show-1', 7);
    await waitFor(() => sub.shows.length === 2, 'the valid push after the malformed ones');
    assert.equal(sub.last().viewerCount, 7);
    assert.equal(warn.mock.callCount(), 1);
    assert.match(String(warn.mock.calls[0].arguments[0]), /malformed "show" event/);
    assert.deepEqual(sub.errors, []);
  });

  it('passes on changes only', async () => {
    const { api, adapter } = await setup();
    const sub = watch(adapter, 'show-2');
    await waitFor(() => sub.shows.length === 1, 'the first push');
    await api.setViewers('show-2', 1284); // same as now: a new event id (fields in another order), no change
    await api.setViewers('show-2', 1300);
    await waitFor(() => sub.last().viewerCount === 1300, 'the change');
    assert.deepEqual(
      sub.shows.map((s) => s.viewerCount),
      [1284, 1300],
    );
  });

  it('reconnects after the server drops the stream, resuming with Last-Event-ID', async () => {
    // The file's server sends `retry:` (50 ms), shortening EventSource's own reconnect delay (3 s by default).
    const { api, adapter } = await setup();
    const sub = watch(adapter, 'show-1');
    await waitFor(() => sub.shows.length === 1, 'the first push');
    const seenId = api.lastEventIdOf('show-1');
    api.dropStreams();
    await waitFor(() => api.openStreams === 0, 'the drop');
    await api.startShow('show-1', 42); // missed while disconnected: replayed on resume
    await waitFor(() => sub.last().status === 'live', 'the missed change');
    assert.equal(api.streamAttempts.length, 2);
    assert.equal(api.streamAttempts[1].lastEventId, String(seenId));
    await api.setViewers('show-1', 43);
    await waitFor(() => sub.last().viewerCount === 43, 'a later change on the new connection');
    assert.deepEqual(sub.errors, []);
  });

  it('reconnects with its own backoff when the reconnect is refused', async () => {
    const { api, adapter } = await setup({
      api: { failStream: (n) => (n === 2 ? 503 : undefined) },
      retry: { initial: 50 },
    });
    const sub = watch(adapter, 'show-1');
    await waitFor(() => sub.shows.length === 1, 'the first push');
    api.dropStreams();
    await waitFor(() => api.streamAttempts.length === 3 && api.openStreams === 1, 'a third, working connection');
    assert.deepEqual(
      api.streamAttempts.map((a) => a.status),
      [200, 503, 200],
    );
    await api.startShow('show-1');
    await waitFor(() => sub.last().status === 'live', 'a change after reconnecting');
    assert.deepEqual(sub.errors, []);
  });

  it('backs off when the stream keeps failing, and still delivers the current state', async () => {
    const { api, adapter } = await setup({
      api: { failStream: 500 },
      retry: { initial: 100, max: 400, pollAfter: 1000 },
    });
    const sub = watch(adapter, 'show-1');
    await sleep(2500);
    const times = api.streamAttempts.map((a) => a.at);
    const gaps = times.slice(1).map((t, i) => t - times[i]);
    // Steps 100, 200, 400, 400… ms, each jittered into its upper half: 8 to 15 attempts in 2.5 s.
    assert.ok(times.length >= 5 && times.length <= 15, `${times.length} attempts: ${gaps}`);
    assert.ok(
      gaps.every((g) => g >= 45),
      `no attempt sooner than half the first step: ${gaps}`,
    );
    assert.ok(
      gaps.slice(2).every((g) => g >= 190),
      `later gaps at least half the capped step: ${gaps}`,
    );
    assert.equal(sub.shows.length, 1, 'the current state came from one plain GET');
    assert.equal(sub.shows[0].status, 'scheduled');
    assert.equal(api.getRequests('/v1/live/shows/show-1').length, 1);
    assert.deepEqual(sub.errors, []);
    sub.unsubscribe();
    const n = api.streamAttempts.length;
    await sleep(500);
    assert.equal(api.streamAttempts.length, n, 'no attempt after unsubscribe');
  });

  it('falls back to polling after three failed streams, reporting changes only', async () => {
    const { api, adapter } = await setup({
      api: { failStream: 500 },
      retry: { initial: 20, max: 40 },
      pollInterval: 60,
    });
    const sub = watch(adapter, 'show-1');
    await waitFor(() => api.streamAttempts.length === 3, 'three stream attempts');
    await waitFor(() => api.getRequests('/v1/live/shows/show-1').length >= 4, 'a few polls');
    await api.startShow('show-1', 3);
    await waitFor(() => sub.last().status === 'live', 'the change, by polling');
    const polls = api.getRequests('/v1/live/shows/show-1').length;
    await waitFor(() => api.getRequests('/v1/live/shows/show-1').length >= polls + 3, 'three more polls');
    assert.deepEqual(
      sub.shows.map((s) => s.status),
      ['scheduled', 'live'],
    );
    assert.equal(api.streamAttempts.length, 3, 'no stream attempts while polling');
    assert.deepEqual(sub.errors, []);
  });

  it('polls when there is no EventSource at all', async () => {
    const saved = globalThis.EventSource;
    delete globalThis.EventSource;
    cleanups.push(() => {
      if (saved) globalThis.EventSource = saved;
    });
    const { api, adapter } = await setup({ EventSource: undefined, pollInterval: 40 });
    const sub = watch(adapter, 'show-1');
    await waitFor(() => sub.shows.length === 1, 'the first poll');
    await waitFor(() => api.getRequests('/v1/live/shows/show-1').length >= 4, 'more polls');
    assert.equal(sub.shows.length, 1, 'unchanged polls are not passed on');
    await api.startShow('show-1', 0);
    await api.setViewers('show-1', 0);
    await waitFor(() => sub.last().status === 'live', 'the change');
    await sleep(120);
    assert.equal(sub.shows.length, 2);
    assert.equal(api.streamAttempts.length, 0);
    sub.unsubscribe();
    // A poll already on the wire may still land; what must not happen is a new one being scheduled.
    await sleep(20);
    const n = api.requests.length;
    await sleep(150);
    assert.equal(api.requests.length, n, 'no polls after unsubscribe');
  });

  it('gives up with a 404 for an unknown show, telling every subscriber once', async () => {
    const { api, adapter } = await setup();
    const a = watch(adapter, 'no-such-show');
    const b = watch(adapter, 'no-such-show');
    await waitFor(() => a.errors.length === 1 && b.errors.length === 1, 'onError');
    assert.ok(isHttpError(a.errors[0]) && a.errors[0].status === 404 && a.errors[0].code === 'not_found');
    await sleep(200);
    assert.equal(a.errors.length, 1);
    assert.deepEqual(a.shows, []);
    assert.equal(api.streamAttempts.length, 1, 'no retries after giving up');
    a.unsubscribe(); // harmless after an error
    const again = watch(adapter, 'no-such-show');
    await waitFor(() => again.errors.length === 1, 'a new subscription tries again');
  });

  it('gives up on a rejected key', async () => {
    const { api } = await setup();
    const adapter = createRestAdapter({ baseUrl: api.baseUrl, publishableKey: 'pk_wrong', EventSource });
    const sub = watch(adapter, 'show-1');
    await waitFor(() => sub.errors.length === 1, 'onError');
    assert.equal(sub.errors[0].code, 'invalid_key');
  });

  describe('in a page', () => {
    // A stand-in for `document`, installed for these tests only.
    let doc;
    const listeners = new Set();
    const setVisibility = (state) => {
      doc.visibilityState = state;
      for (const l of [...listeners]) l();
    };
    const install = () => {
      doc = {
        visibilityState: 'visible',
        addEventListener: (type, l) => type === 'visibilitychange' && listeners.add(l),
        removeEventListener: (type, l) => listeners.delete(l),
      };
      globalThis.document = /** @type {Document} */ (/** @type {unknown} */ (doc));
      cleanups.push(() => {
        delete globalThis.document;
        listeners.clear();
      });
    };

    it('closes the stream while the page is hidden and resumes on return', async () => {
      install();
      const { api, adapter } = await setup({ pauseWhenHidden: 50 });
      const sub = watch(adapter, 'show-1');
      await waitFor(() => sub.shows.length === 1 && api.openStreams === 1, 'the first push');
      assert.equal(listeners.size, 1);

      setVisibility('hidden');
      setVisibility('visible'); // a quick tab switch inside the grace period costs nothing
      await sleep(100);
      assert.equal(api.streamAttempts.length, 1);

      setVisibility('hidden');
      await waitFor(() => api.openStreams === 0, 'the stream to close');
      await api.startShow('show-1', 9);
      await sleep(80);
      assert.equal(sub.shows.length, 1, 'nothing while hidden');
      assert.equal(api.streamAttempts.length, 1, 'no reconnect while hidden');

      setVisibility('visible');
      await waitFor(() => sub.last().status === 'live', 'the current state on return');
      assert.equal(api.streamAttempts.length, 2);
      await api.setViewers('show-1', 10);
      await waitFor(() => sub.last().viewerCount === 10, 'live updates again');

      sub.unsubscribe();
      assert.equal(listeners.size, 0, 'the visibility listener is removed');
      await waitFor(() => api.openStreams === 0, 'the stream to close');
    });

    it('pauses polling too, and loads the first state in a background tab before pausing', async () => {
      install();
      doc.visibilityState = 'hidden';
      const { api, adapter } = await setup({ EventSource: undefined, pollInterval: 30, pauseWhenHidden: 20 });
      const sub = watch(adapter, 'show-1');
      await waitFor(() => sub.shows.length === 1, 'the first state');
      await sleep(100);
      const polls = api.getRequests('/v1/live/shows/show-1').length;
      await sleep(100);
      assert.equal(api.getRequests('/v1/live/shows/show-1').length, polls, 'no polls while hidden');
      await api.startShow('show-1');
      setVisibility('visible');
      await waitFor(() => sub.last().status === 'live', 'a poll on return');
    });

    it('a first answer slower than the grace period still arrives in a background tab, then it pauses', async () => {
      install();
      doc.visibilityState = 'hidden';
      /** @type {(...args: [RequestInfo | URL, RequestInit?]) => Promise<Response>} */
      const slow = async (...args) => (await sleep(150), fetch(...args));
      const { api, adapter } = await setup({
        EventSource: undefined,
        pollInterval: 30,
        pauseWhenHidden: 1,
        fetch: slow,
      });
      const sub = watch(adapter, 'show-1');
      await waitFor(() => sub.shows.length === 1, 'the first state');
      const polls = api.getRequests('/v1/live/shows/show-1').length;
      await sleep(250);
      assert.equal(api.getRequests('/v1/live/shows/show-1').length, polls, 'paused once the first state is shown');
    });
  });
});

// Last, after every test's cleanup and the servers' close: nothing may keep the process alive (no
// timer, socket or server left behind), or node:test would wait for it.
after(async () => {
  await sleep(50);
  const left = process.getActiveResourcesInfo().filter((r) => r === 'Timeout' || r.startsWith('TCP'));
  assert.deepEqual(left, []);
});
