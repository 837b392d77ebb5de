// An in-memory stand-in for the live endpoints of @kith/server, on 127.0.0.1 and a free port, with
// the public points program (the customer's points endpoints answer 401: the mock has no customers)
// and referrals (one code, `LIN-8H3M`; any `X-Kith-Customer` token is a customer with code `ANA-7Q2K`).
// It follows the HTTP contract the adapter is written against: Bearer publishable key, JSON errors
// `{ error: { code, message } }`, and an SSE stream with integer ids, the current state first,
// Last-Event-ID replay and `: ping` heartbeats. Test hooks (plain functions, not HTTP) play the admin.
import http from 'node:http';

export const PK = 'pk_test_kith';
const HOUR = 3_600_000;

/** The program `GET /v1/points/program` serves. */
export const POINTS_PROGRAM = {
  name: 'Rewards',
  tiers: [{ id: 'member', name: 'Member', threshold: 0 }, { id: 'silver', name: 'Silver', threshold: 500, perks: ['Early access to sales'] }],
  earn: [{ action: 'purchase', points: 1, per: { minor: 100, currency: 'USD' } }, { action: 'check_in', points: 5, streakBonus: { everyDays: 7, points: 20 } }],
  rewards: [
    { id: 'rw-ship', title: 'Free shipping', cost: 300, kind: 'perk', stock: 25 },
    { id: 'rw-5off', title: '$5 off', cost: 500, kind: 'coupon', coupon: { amountOff: { minor: 500, currency: 'USD' } } },
  ],
  badges: [{ id: 'first_purchase', name: 'First order', description: 'Earned points on a first order' }],
  expiryMonths: 12,
  pendingDays: 30,
  timeZone: 'UTC',
};
/** What the referral endpoints serve. */
export const REFERRAL_INCENTIVE = { friend: { kind: 'coupon', amountOff: { minor: 1000, currency: 'USD' } }, advocate: { kind: 'points', points: 100 } };
export const REFERRAL_STATS = { code: 'ANA-7Q2K', clicks: 3, signups: 1, conversions: 0, rewards: { pending: 0, approved: 0 }, recent: [] };
const OFFERS = { 'LIN-8H3M': { code: 'LIN-8H3M', advocateName: 'Lin', incentive: REFERRAL_INCENTIVE, couponCode: 'FRIEND-LIN-8H3M' } };
const CUSTOMER_POINTS = new Set(['/v1/points/me', '/v1/points/me/history', '/v1/points/check-in', '/v1/points/redeem']);

export function seedShows(now = Date.now()) {
  const iso = (ms) => new Date(ms).toISOString();
  return [
    { id: 'show-1', title: 'Autumn drop', status: 'scheduled', startsAt: iso(now + 2 * HOUR), streamUrl: 'https://live.example.com/show-1', productIds: ['p1', 'p2'] },
    { id: 'show-2', title: 'Knitwear live', status: 'live', startsAt: iso(now - HOUR / 2), startedAt: iso(now - HOUR / 2), viewerCount: 1284, streamUrl: 'https://live.example.com/show-2', productIds: ['p3'] },
    { id: 'show-3', title: 'Summer recap', status: 'ended', startsAt: iso(now - 26 * HOUR), startedAt: iso(now - 26 * HOUR), endedAt: iso(now - 25 * HOUR), replayUrl: 'https://live.example.com/show-3/replay', productIds: ['p4'] },
  ];
}

/**
 * Options: `heartbeatMs` (default 15 000, as on the server), `retryMs` (sends `retry:` first on
 * each stream when set; the real server does not), `failStream` (a status, or a function of the
 * 1-based attempt number returning a status or undefined, answered instead of the stream).
 */
export async function startMockApi({ heartbeatMs = 15_000, retryMs, failStream } = {}) {
  const shows = new Map(seedShows().map((s) => [s.id, s]));
  const events = []; // { id, showId, show }
  let seq = 0;
  const record = (show) => {
    events.push({ id: ++seq, showId: show.id, show });
    return events.at(-1);
  };
  for (const s of shows.values()) record(s);

  /** Every request: { method, path, query, headers }. */
  const requests = [];
  /** Every stream request: { at, showId, key, lastEventId, status }. */
  const streamAttempts = [];
  const streams = new Set(); // { res, showId, heartbeat }
  let failure = failStream;

  const json = (res, status, body) => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  };
  const error = (res, status, code, message) => json(res, status, { error: { code, message } });
  const write = (res, e) => res.write(`id: ${e.id}\nevent: show\ndata: ${JSON.stringify(e.show)}\n\n`);

  const findShow = (productId) => {
    const all = [...shows.values()].filter((s) => s.productIds.includes(productId));
    const t = (s) => Date.parse(s.startsAt);
    const by = (status) => all.filter((s) => s.status === status);
    return by('live')[0] ?? by('scheduled').sort((a, b) => t(a) - t(b))[0] ?? by('ended').sort((a, b) => t(b) - t(a))[0] ?? null;
  };

  const visits = new Map(); // Idempotency-Key → visitId

  /** `/v1/referrals/…`: links and stats for any customer token; offers and visits for `LIN-8H3M` (any case); `FULL-2222` is capped. */
  const referrals = (req, res, url, bearer, body) => {
    if (bearer !== PK) return error(res, 401, 'invalid_key', 'Unknown key');
    const customer = req.headers['x-kith-customer'];
    const p = `${req.method} ${url.pathname}`;
    if (p === 'POST /v1/referrals/links' || p === 'GET /v1/referrals/me') {
      if (!customer) return error(res, 401, 'customer_token_required', 'Sign in to do this');
      if (p === 'GET /v1/referrals/me') return json(res, 200, REFERRAL_STATS);
      let page;
      try {
        page = new URL(body?.url ?? 'https://shop.example.com/');
      } catch {
        return error(res, 400, 'invalid_request', 'url: Must be an absolute http(s) URL');
      }
      page.searchParams.set('kith_ref', 'ANA-7Q2K');
      return json(res, 200, { code: 'ANA-7Q2K', url: page.toString(), incentive: REFERRAL_INCENTIVE });
    }
    const m = /^\/v1\/referrals\/([^/]+)(\/visits)?$/.exec(url.pathname);
    const code = m && decodeURIComponent(m[1]).toUpperCase();
    if (code === 'FULL-2222' && !m[2] && req.method === 'GET') return error(res, 404, 'code_capped', 'This code reached its limit');
    if (!m || !OFFERS[code]) return error(res, 404, 'not_found', 'Referral code not found');
    if (!m[2] && req.method === 'GET') return json(res, 200, OFFERS[code]);
    if (m[2] && req.method === 'POST') {
      const key = req.headers['idempotency-key'];
      const visitId = visits.get(key) ?? `rv-${visits.size + 1}`;
      visits.set(key, visitId);
      return json(res, 201, { visitId });
    }
    return error(res, 404, 'not_found', 'No such endpoint');
  };

  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url, 'http://localhost');
    let text = '';
    for await (const chunk of req) text += chunk;
    const body = text ? JSON.parse(text) : undefined;
    requests.push({ method: req.method, path: url.pathname, query: Object.fromEntries(url.searchParams), headers: req.headers, ...(body ? { body } : {}) });
    const auth = req.headers.authorization;
    const bearer = auth?.startsWith('Bearer ') ? auth.slice(7) : undefined;
    if (url.pathname.startsWith('/v1/referrals/')) return referrals(req, res, url, bearer, body);
    if (url.pathname === '/v1/points/program' && req.method === 'GET') {
      return bearer === PK ? json(res, 200, POINTS_PROGRAM) : error(res, 401, 'invalid_key', 'Unknown key');
    }
    if (CUSTOMER_POINTS.has(url.pathname)) return error(res, 401, 'customer_token_required', 'Sign in to do this');
    const m = /^\/v1\/live\/shows(?:\/([^/]+))?(\/events)?$/.exec(url.pathname);
    if (!m || req.method !== 'GET') return error(res, 404, 'not_found', 'No such endpoint');
    const id = m[1] && decodeURIComponent(m[1]);

    if (m[2]) {
      const key = bearer ?? url.searchParams.get('key');
      const attempt = { at: Date.now(), showId: id, key, lastEventId: req.headers['last-event-id'], status: 200 };
      streamAttempts.push(attempt);
      const refuse = (status, code, message) => {
        attempt.status = status;
        error(res, status, code, message);
      };
      const fail = typeof failure === 'function' ? failure(streamAttempts.length) : failure;
      if (fail) return refuse(fail, 'unavailable', 'Stream refused by the test');
      if (key !== PK) return refuse(401, 'invalid_key', 'Unknown key');
      if (!shows.has(id)) return refuse(404, 'not_found', `Show ${id} not found`);
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store' });
      if (retryMs) res.write(`retry: ${retryMs}\n\n`);
      const after = /^\d+$/.test(attempt.lastEventId ?? '') ? Number(attempt.lastEventId) : undefined;
      const missed = after === undefined ? [] : events.filter((e) => e.showId === id && e.id > after);
      // Resuming: replay what was missed; otherwise (or when up to date) the current state first.
      if (missed.length) for (const e of missed) write(res, e);
      else write(res, events.findLast((e) => e.showId === id));
      const stream = { res, showId: id, heartbeat: setInterval(() => res.write(': ping\n\n'), heartbeatMs) };
      streams.add(stream);
      res.on('close', () => {
        clearInterval(stream.heartbeat);
        streams.delete(stream);
      });
      return;
    }

    if (bearer !== PK) return error(res, 401, 'invalid_key', 'Unknown key');
    if (id) return shows.has(id) ? json(res, 200, shows.get(id)) : error(res, 404, 'not_found', `Show ${id} not found`);
    const product = url.searchParams.get('product');
    if (!product) return error(res, 400, 'invalid_request', 'product is required');
    return json(res, 200, { show: findShow(product) });
  });

  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();

  const update = (id, patch) => {
    const next = { ...shows.get(id), ...patch };
    for (const [k, v] of Object.entries(next)) if (v === undefined) delete next[k];
    shows.set(id, next);
    const e = record(next);
    for (const s of streams) if (s.showId === id) write(s.res, e);
    return next;
  };

  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    requests,
    streamAttempts,
    /** Stream responses the server still holds open. */
    get openStreams() {
      return streams.size;
    },
    /** The id of the newest event of a show. */
    lastEventIdOf: (id) => events.findLast((e) => e.showId === id)?.id,
    getRequests: (path) => requests.filter((r) => r.path === path),
    startShow: (id, viewerCount = 0) => update(id, { status: 'live', startedAt: new Date().toISOString(), viewerCount }),
    setViewers: (id, viewerCount) => update(id, { viewerCount }),
    endShow: (id) => update(id, { status: 'ended', endedAt: new Date().toISOString(), viewerCount: undefined }),
    updateShow: update,
    /** Writes raw text to every open stream of a show (malformed events, odd fields). */
    sendRaw(id, text) {
      for (const s of streams) if (s.showId === id) s.res.write(text);
    },
    /** Ends every open stream, as a restarting server would. */
    dropStreams() {
      for (const s of streams) s.res.end();
    },
    setStreamFailure(f) {
      failure = f;
    },
    async close() {
      for (const s of streams) {
        clearInterval(s.heartbeat);
        s.res.destroy();
      }
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
