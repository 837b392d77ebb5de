import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createApp } from '@kith/server';
import {
  client,
  createTestServer,
  ENGINE,
  newShop,
  readEvents,
  showInput,
  count as countRows,
  isError,
} from './helpers.mjs';

let t;
before(async () => {
  t = await createTestServer({ heartbeatMs: 200, writeLimit: 30 });
});
after(async () => t.close());

async function shopWithShow(over) {
  const shop = await newShop(t.db);
  const admin = client(t.app, shop.secretKey);
  const res = await admin.post('/v1/admin/live/shows', showInput({ id: 'show-a', ...over }));
  assert.equal(res.status, 201, res.text);
  return { shop, admin, pub: client(t.app, shop.publishableKey), show: res.json };
}

const count = (sql, params) => countRows(t.db, sql, params);

describe(`live routes (${ENGINE})`, () => {
  describe('reads', () => {
    it('gets a show by id with its products', async () => {
      const { pub } = await shopWithShow({ productIds: ['p2', 'p1'] });
      const res = await pub.get('/v1/live/shows/show-a');
      assert.equal(res.status, 200);
      assert.equal(res.json.status, 'scheduled');
      assert.deepEqual(res.json.productIds, ['p1', 'p2']);
      assert.equal(res.json.viewerCount, undefined);
    });

    it('finds the badge show for a product: live, then next scheduled, then latest ended; null if none', async () => {
      const { admin, pub } = await shopWithShow({
        id: 'later',
        startsAt: new Date(Date.now() + 7_200_000).toISOString(),
      });
      await admin.post('/v1/admin/live/shows', showInput({ id: 'sooner' }));
      assert.equal((await pub.get('/v1/live/shows?product=p1')).json.show.id, 'sooner');
      await admin.post('/v1/admin/live/shows', showInput({ id: 'old' }));
      await admin.post('/v1/admin/live/shows/old/start');
      assert.equal((await pub.get('/v1/live/shows?product=p1')).json.show.id, 'old', 'live wins');
      assert.deepEqual((await pub.get('/v1/live/shows?product=nothing')).json, { show: null });
    });

    it("404 for an unknown show, and for another shop's show", async () => {
      const { show } = await shopWithShow();
      const other = await newShop(t.db);
      isError(await client(t.app, other.publishableKey).get(`/v1/live/shows/${show.id}`), 404, 'not_found');
    });

    it('400 with field paths for bad input', async () => {
      const { pub } = await shopWithShow();
      const res = await pub.get('/v1/live/shows');
      isError(res, 400, 'invalid_request');
      assert.deepEqual(
        res.json.error.details.map((d) => d.path),
        ['query.product'],
      );
    });
  });

  describe('auth', () => {
    it('401 without a key or with an unknown one', async () => {
      isError(await client(t.app).get('/v1/live/shows/x'), 401, 'missing_key');
      isError(await client(t.app, 'pk_nope').get('/v1/live/shows/x'), 401, 'invalid_key');
    });

    it('403 for a publishable key on admin routes, and nothing is written', async () => {
      const { shop } = await shopWithShow();
      const before = await count('SELECT count(*) AS n FROM live_shows WHERE shop_id = $1', [shop.id]);
      isError(
        await client(t.app, shop.publishableKey).post('/v1/admin/live/shows', showInput({ id: 'sneaky' })),
        403,
        'secret_key_required',
      );
      assert.equal(await count('SELECT count(*) AS n FROM live_shows WHERE shop_id = $1', [shop.id]), before);
    });

    it("a publishable key works only from the shop's allowed origins", async () => {
      const shop = await newShop(t.db, { allowedOrigins: ['https://shop.example'] });
      const pub = client(t.app, shop.publishableKey);
      isError(
        await pub.get('/v1/live/shows?product=p1', { headers: { origin: 'https://evil.example' } }),
        403,
        'origin_not_allowed',
      );
      const ok = await pub.get('/v1/live/shows?product=p1', { headers: { origin: 'https://shop.example' } });
      assert.equal(ok.status, 200);
      assert.equal(ok.headers.get('access-control-allow-origin'), 'https://shop.example');
    });

    it('answers CORS preflights', async () => {
      const res = await t.app.request('/v1/admin/live/shows', {
        method: 'OPTIONS',
        headers: { origin: 'https://shop.example', 'access-control-request-method': 'POST' },
      });
      assert.equal(res.status, 204);
      assert.match(res.headers.get('access-control-allow-headers'), /idempotency-key/);
    });
  });

  describe('admin transitions', () => {
    it('scheduled → live → viewers → ended', async () => {
      const { admin } = await shopWithShow();
      const live = await admin.post('/v1/admin/live/shows/show-a/start', { viewerCount: 12 });
      assert.equal(live.json.status, 'live');
      assert.equal(live.json.viewerCount, 12);
      assert.equal((await admin.put('/v1/admin/live/shows/show-a/viewers', { viewerCount: 40 })).json.viewerCount, 40);
      const ended = await admin.post('/v1/admin/live/shows/show-a/end', { replayUrl: 'https://live.example.com/r' });
      assert.equal(ended.json.status, 'ended');
      assert.equal(ended.json.replayUrl, 'https://live.example.com/r');
      assert.equal(ended.json.viewerCount, undefined);
    });

    it('409 for illegal transitions, writing nothing', async () => {
      const { admin, shop } = await shopWithShow();
      isError(await admin.post('/v1/admin/live/shows/show-a/end'), 409, 'illegal_transition');
      isError(await admin.put('/v1/admin/live/shows/show-a/viewers', { viewerCount: 3 }), 409, 'illegal_transition');
      await admin.post('/v1/admin/live/shows/show-a/start');
      await admin.post('/v1/admin/live/shows/show-a/end');
      const events = await count('SELECT count(*) AS n FROM live_events WHERE show_id = $1', ['show-a']);
      isError(await admin.post('/v1/admin/live/shows/show-a/end'), 409, 'illegal_transition');
      isError(await admin.post('/v1/admin/live/shows/show-a/start'), 409, 'illegal_transition');
      assert.equal(await count('SELECT count(*) AS n FROM live_events WHERE show_id = $1', ['show-a']), events);
      assert.equal((await client(t.app, shop.publishableKey).get('/v1/live/shows/show-a')).json.status, 'ended');
      isError(await admin.post('/v1/admin/live/shows/missing/start'), 404, 'not_found');
    });

    it('only one of two concurrent starts wins', async () => {
      const { admin } = await shopWithShow();
      const results = await Promise.all([
        admin.post('/v1/admin/live/shows/show-a/start'),
        admin.post('/v1/admin/live/shows/show-a/start'),
      ]);
      assert.deepEqual(results.map((r) => r.status).sort(), [200, 409]);
    });

    it('400 with field paths for invalid bodies; malformed JSON too; nothing written', async () => {
      const shop = await newShop(t.db);
      const admin = client(t.app, shop.secretKey);
      const bad = await admin.post('/v1/admin/live/shows', {
        title: '',
        startsAt: 'tomorrow',
        productIds: [],
        streamUrl: 'javascript:alert(1)',
      });
      isError(bad, 400, 'invalid_request');
      assert.deepEqual(bad.json.error.details.map((d) => d.path).sort(), [
        'json.productIds',
        'json.startsAt',
        'json.streamUrl',
        'json.title',
      ]);
      isError(
        await admin.call('POST', '/v1/admin/live/shows', {
          raw: '{nope',
          headers: { 'content-type': 'application/json', 'idempotency-key': 'malformed-1' },
        }),
        400,
        'invalid_request',
      );
      const viewers = await admin.put('/v1/admin/live/shows/x/viewers', { viewerCount: -1 });
      isError(viewers, 400, 'invalid_request');
      assert.equal(await count('SELECT count(*) AS n FROM live_shows WHERE shop_id = $1', [shop.id]), 0);
    });

    it('413 for a body over 1 MB', async () => {
      const shop = await newShop(t.db);
      const res = await client(t.app, shop.secretKey).post(
        '/v1/admin/live/shows',
        showInput({ title: 'x'.repeat(1_100_000) }),
      );
      isError(res, 413, 'payload_too_large');
    });
  });

  describe('idempotency', () => {
    it('400 without a key', async () => {
      const shop = await newShop(t.db);
      isError(
        await client(t.app, shop.secretKey).call('POST', '/v1/admin/live/shows', { body: showInput() }),
        400,
        'invalid_request',
      );
      assert.equal(await count('SELECT count(*) AS n FROM live_shows WHERE shop_id = $1', [shop.id]), 0);
    });

    it('replays the first response for the same key and body, byte for byte, writing once', async () => {
      const shop = await newShop(t.db);
      const admin = client(t.app, shop.secretKey);
      const headers = { 'idempotency-key': 'same-key-0001' };
      const input = showInput({ id: 'once' });
      const first = await admin.post('/v1/admin/live/shows', input, { headers });
      const again = await admin.post('/v1/admin/live/shows', input, { headers });
      assert.equal(first.status, 201);
      assert.equal(again.status, 201);
      assert.equal(again.text, first.text);
      assert.equal(again.headers.get('idempotent-replayed'), 'true');
      assert.equal(await count('SELECT count(*) AS n FROM live_events WHERE show_id = $1', ['once']), 1);
    });

    it('422 for the same key with a different body, writing nothing', async () => {
      const shop = await newShop(t.db);
      const admin = client(t.app, shop.secretKey);
      const headers = { 'idempotency-key': 'same-key-0002' };
      await admin.post('/v1/admin/live/shows', showInput({ id: 'one' }), { headers });
      isError(
        await admin.post('/v1/admin/live/shows', showInput({ id: 'two' }), { headers }),
        422,
        'idempotency_key_reused',
      );
      assert.equal(await count('SELECT count(*) AS n FROM live_shows WHERE shop_id = $1', [shop.id]), 1);
    });

    it('replays a stored 409 too (the first response is the answer)', async () => {
      const { admin } = await shopWithShow();
      const headers = { 'idempotency-key': 'same-key-0003' };
      isError(await admin.post('/v1/admin/live/shows/show-a/end', undefined, { headers }), 409, 'illegal_transition');
      await admin.post('/v1/admin/live/shows/show-a/start');
      const replay = await admin.post('/v1/admin/live/shows/show-a/end', undefined, { headers });
      isError(replay, 409, 'illegal_transition');
      assert.equal(replay.headers.get('idempotent-replayed'), 'true');
    });
  });

  describe('rate limiting', () => {
    it('429 with Retry-After past the per-minute write limit, per key', async () => {
      const { admin, show } = await shopWithShow();
      await admin.post(`/v1/admin/live/shows/${show.id}/start`);
      let res;
      for (let i = 0; i < 40; i++) {
        res = await admin.put(`/v1/admin/live/shows/${show.id}/viewers`, { viewerCount: i });
        if (res.status === 429) break;
      }
      isError(res, 429, 'rate_limited');
      const after = Number(res.headers.get('retry-after'));
      assert.ok(after >= 1 && after <= 60, `Retry-After ${after}`);
      const other = await newShop(t.db);
      assert.equal(
        (await client(t.app, other.secretKey).post('/v1/admin/live/shows', showInput())).status,
        201,
        'other keys unaffected',
      );
    });
  });

  describe('stream', () => {
    it('sends the current state first, then every change, with ids; resumes after Last-Event-ID', async () => {
      const { shop, admin } = await shopWithShow();
      const res = await t.app.request(`/v1/live/shows/show-a/events?key=${shop.publishableKey}`);
      assert.equal(res.status, 200);
      assert.match(res.headers.get('content-type'), /text\/event-stream/);
      const reading = readEvents(res, 3);
      await new Promise((r) => setTimeout(r, 100));
      await admin.post('/v1/admin/live/shows/show-a/start', { viewerCount: 5 });
      await admin.put('/v1/admin/live/shows/show-a/viewers', { viewerCount: 9 });
      const events = (await reading).filter((e) => !e.comment);
      assert.deepEqual(
        events.map((e) => [e.event, e.data.status, e.data.viewerCount]),
        [
          ['show', 'scheduled', undefined],
          ['show', 'live', 5],
          ['show', 'live', 9],
        ],
      );
      assert.ok(Number(events[0].id) < Number(events[1].id) && Number(events[1].id) < Number(events[2].id));

      await admin.post('/v1/admin/live/shows/show-a/end');
      const resumed = await t.app.request(`/v1/live/shows/show-a/events?key=${shop.publishableKey}`, {
        headers: { 'last-event-id': events[1].id },
      });
      const missed = (await readEvents(resumed, 2)).filter((e) => !e.comment);
      assert.deepEqual(
        missed.map((e) => [e.data.status, e.data.viewerCount]),
        [
          ['live', 9],
          ['ended', undefined],
        ],
      );
    });

    it('a change committed between reading the state and subscribing is still sent, after the state', async () => {
      const { shop } = await shopWithShow();
      // The stream's read of the show is answered, then, before the stream subscribes, the show
      // goes live and its notification passes with nobody listening for it yet.
      let armed = true;
      const db = {
        kind: t.db.kind,
        query: async (sql, params) => {
          const result = await t.db.query(sql, params);
          if (armed && /FROM live_shows/.test(sql) && params?.[1] === 'show-a') {
            armed = false;
            const started = await client(app, shop.secretKey).post('/v1/admin/live/shows/show-a/start', {
              viewerCount: 7,
            });
            assert.equal(started.status, 200, started.text);
            await new Promise((r) => setTimeout(r, 300));
          }
          return result;
        },
        transaction: (fn) => t.db.transaction(fn),
        listen: (channel, fn) => t.db.listen(channel, fn),
        onListenRestored: (fn) => t.db.onListenRestored(fn),
        close: async () => {},
      };
      const app = createApp({ db, hub: t.hub, heartbeatMs: 200 });
      const res = await app.request(`/v1/live/shows/show-a/events?key=${shop.publishableKey}`);
      const events = (await readEvents(res, 4, 2000)).filter((e) => !e.comment);
      assert.equal(armed, false, 'the write ran inside the stream request');
      assert.deepEqual(
        events.map((e) => [e.data.status, e.data.viewerCount]),
        [
          ['scheduled', undefined],
          ['live', 7],
        ],
      );
    });

    it('a client resuming after more than a page of changes gets every one, up to the newest', async () => {
      const { shop, admin } = await shopWithShow();
      await admin.post('/v1/admin/live/shows/show-a/start', { viewerCount: 1 });
      const { rows } = await t.db.query(
        'SELECT id, snapshot FROM live_events WHERE shop_id = $1 AND show_id = $2 ORDER BY id DESC LIMIT 1',
        [shop.id, 'show-a'],
      );
      const from = String(rows[0].id);
      // 250 viewer counts logged since (the log pages by 100).
      await t.db.query(
        `INSERT INTO live_events (shop_id, show_id, snapshot)
         SELECT $1, 'show-a', jsonb_set($2::jsonb, '{viewerCount}', to_jsonb(n)) FROM generate_series(2, 251) AS n`,
        [shop.id, JSON.stringify(rows[0].snapshot)],
      );
      const res = await t.app.request(`/v1/live/shows/show-a/events?key=${shop.publishableKey}`, {
        headers: { 'last-event-id': from },
      });
      const events = (await readEvents(res, 250, 5000)).filter((e) => !e.comment);
      assert.equal(events.length, 250);
      assert.deepEqual([events[0].data.viewerCount, events.at(-1).data.viewerCount], [2, 251]);
    });

    it('sends heartbeats and releases its listener when the client goes away', async () => {
      const { shop } = await shopWithShow();
      const before = t.hub.listeners;
      const res = await t.app.request(`/v1/live/shows/show-a/events?key=${shop.publishableKey}`);
      const events = await readEvents(res, 2, 1500);
      assert.ok(
        events.some((e) => e.comment?.startsWith(': ping')),
        'a heartbeat arrived',
      );
      await new Promise((r) => setTimeout(r, 300));
      assert.equal(t.hub.listeners, before);
    });

    it('refuses unknown shows and missing keys before streaming', async () => {
      const { shop } = await shopWithShow();
      isError(await client(t.app).get(`/v1/live/shows/nope/events?key=${shop.publishableKey}`), 404, 'not_found');
      isError(await client(t.app).get('/v1/live/shows/show-a/events'), 401, 'missing_key');
    });
  });

  describe('service', () => {
    it('serves an OpenAPI 3.1 document covering every route', async () => {
      const res = await client(t.app).get('/v1/openapi.json');
      assert.equal(res.status, 200);
      assert.equal(res.json.openapi, '3.1.0');
      for (const path of [
        '/v1/live/shows',
        '/v1/live/shows/{id}',
        '/v1/live/shows/{id}/events',
        '/v1/admin/live/shows',
        '/v1/admin/live/shows/{id}/start',
        '/v1/admin/live/shows/{id}/end',
        '/v1/admin/live/shows/{id}/viewers',
      ]) {
        assert.ok(res.json.paths[path], `documents ${path}`);
      }
      assert.ok(res.json.components.schemas.LiveShow);
      assert.ok(res.json.paths['/v1/admin/live/shows'].post.responses['422']);
    });

    it('reports database health', async () => {
      const res = await client(t.app).get('/healthz');
      assert.equal(res.json.status, 'ok');
      assert.equal(res.json.database.kind, ENGINE);
    });

    it('unknown routes get the error shape', async () => {
      isError(await client(t.app).get('/v1/nothing'), 404, 'not_found');
    });
  });
});
