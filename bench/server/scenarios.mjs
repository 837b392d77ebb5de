// The load scenarios for one database: the bench data (through the admin API, reviews in bulk by
// SQL), then reads, writes and the SSE fan-out, each timed and with the server's memory, then the
// invariants and the checker's self-test.
import { performance } from 'node:perf_hooks';
import { signCustomerToken } from '@kith/server';
import { cannon, idempotentWrites, pool, summarise } from './load.mjs';
import { sampleRss } from './process.mjs';
import { fanOut } from './sse.mjs';
import { CORRUPTIONS, checkInvariants, selfTest } from './invariants.mjs';

export const BENCH_PRODUCT = 'p-bench';
const CAMPAIGN = 'gb-bench';
const LIMITED = { id: 'rw-bench-limited', stock: 300 };
const OPEN_REWARD = 'rw-bench-open';
const REWARD_COST = 100;
const SHARE_CAP = 3; // the default program's share rule
const pick = (xs) => xs[Math.floor(Math.random() * xs.length)];

/** JSON calls to the server under test. */
function api(origin, key) {
  return async (method, path, body, headers = {}) => {
    const res = await fetch(origin + path, {
      method,
      headers: {
        authorization: `Bearer ${key}`,
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, text, json: text ? JSON.parse(text) : undefined };
  };
}

const must = async (p, status, what) => {
  const r = await p;
  if (r.status !== status) throw new Error(`${what}: HTTP ${r.status} ${r.text.slice(0, 300)}`);
  return r.json;
};

let keys = 0;
const idem = () => ({ 'idempotency-key': `bench-setup-${Date.now()}-${++keys}` });

/** Reviews on the bench product in one INSERT: ratings, helpful votes, recommends, verified and the demo's topic words spread out. */
async function seedReviews(server, shopId, count) {
  await server.query(
    `
    INSERT INTO reviews (shop_id, id, product_id, customer_id, display_name, rating, title, body, body_hash, recommend, verified, status, helpful_count, created_at, updated_at)
    SELECT $1, 'rev_bench_' || g, $2, 'bench-reviewer-' || g, 'Reviewer ' || g, 1 + (g * 7) % 5,
      CASE WHEN g % 4 = 0 THEN 'Review number ' || g END,
      (ARRAY['Great quality canvas, holds its shape.', 'True to size and the colour is lovely.', 'The strap is comfortable for a long day.',
             'The inside pocket fits a phone and keys.', 'Arrived quickly, well packed, as described.'])[1 + g % 5]
        || ' Bench review ' || g || ', written for the load test with enough text to look like a real one.',
      md5('bench' || g), CASE WHEN g % 6 = 0 THEN NULL ELSE g % 5 <> 0 END, g % 3 <> 0,
      CASE WHEN g % 50 = 0 THEN 'pending' ELSE 'published' END, (g * 13) % 40,
      now() - g * interval '17 minutes', now()
    FROM generate_series(1, $3::int) g`,
    [shopId, BENCH_PRODUCT, count],
  );
}

/** Cursors for later pages of a listing, followed from its first page. */
async function cursors(call, query, pages) {
  const out = [];
  let cursor = null;
  for (let i = 0; i < pages; i++) {
    const page = await must(
      call('GET', `/v1/products/${BENCH_PRODUCT}/reviews?${query}${cursor ? `&cursor=${cursor}` : ''}`),
      200,
      'review page',
    );
    if (!page.nextCursor) break;
    out.push(`${query}&cursor=${page.nextCursor}`);
    cursor = page.nextCursor;
  }
  return out;
}

/**
 * Runs every scenario against `server` (from startServerProcess). `o`: { engine, duration,
 * connections, reviews, teams, redeemers, earners, streams, updates, breakInvariant?, log }.
 */
export async function runEngine(server, o) {
  const { origin, publishableKey, secretKey } = server;
  const pub = api(origin, publishableKey);
  const admin = api(origin, secretKey);
  const shopId = (await server.query('SELECT id FROM shops WHERE publishable_key = $1', [publishableKey]))[0].id;
  // Signed up front: signing is async, and autocannon picks each request synchronously.
  const tokens = new Map();
  const sign = (customers) =>
    Promise.all(customers.map(async (c) => tokens.set(c, await signCustomerToken(secretKey, c, { ttlSeconds: 3600 }))));
  const token = (customer) => tokens.get(customer);
  const results = { scenarios: [] };
  const memory = async () => {
    const m = await server.memory();
    return { rss: m.rss, heapUsed: m.heapUsed };
  };
  // autocannon stops with requests still in flight: a /healthz query queues behind their queries.
  const settle = async () => {
    await fetch(`${origin}/healthz`).then((r) => r.text());
    await new Promise((r) => setTimeout(r, 200));
  };
  // One autocannon run, with the server's RSS sampled throughout.
  const measure = async (name, what, spec) => {
    await settle();
    const rss = sampleRss(server.pid);
    const heapBefore = (await memory()).heapUsed;
    const r = summarise(await cannon({ origin, duration: o.duration, connections: o.connections, ...spec }));
    const m = rss.stop();
    const entry = {
      name,
      what,
      ...r,
      rssBefore: m.before,
      rssPeak: m.peak,
      heapBefore,
      heapAfter: (await memory()).heapUsed,
    };
    results.scenarios.push(entry);
    o.log(
      `  ${name.padEnd(24)} ${r.rps.toFixed(0).padStart(6)} req/s · p50 ${r.latency.p50} ms · p99 ${r.latency.p99} ms · non-2xx ${r.non2xx} · errors ${r.errors} · RSS ${(m.before / 2 ** 20).toFixed(0)} → ${(m.peak / 2 ** 20).toFixed(0)} MB`,
    );
    return entry;
  };

  // ── The bench data ──────────────────────────────────────────────────────────────────────
  let t0 = Date.now();
  await seedReviews(server, shopId, o.reviews);
  const pageQueries = [
    'sort=newest',
    'sort=highest',
    'sort=lowest',
    'sort=helpful',
    'sort=media',
    'rating=5',
    'rating=1&sort=helpful',
    'q=strap',
    'verified=true',
    'limit=50',
    'sort=newest&rating=4&verified=false',
  ];
  const deepPages = [
    ...(await cursors(pub, 'sort=newest', 10)),
    ...(await cursors(pub, 'sort=helpful', 10)),
    ...(await cursors(pub, 'q=pocket', 5)),
  ];
  await must(
    admin(
      'POST',
      '/v1/admin/group-buys',
      {
        id: CAMPAIGN,
        productId: BENCH_PRODUCT,
        soloPrice: { minor: 5900, currency: 'USD' },
        tiers: [
          { size: 2, price: { minor: 4900, currency: 'USD' } },
          { size: 3, price: { minor: 4400, currency: 'USD' } },
        ],
        maxMembers: 3,
        stock: Math.round(o.teams * 2.8),
      },
      idem(),
    ),
    201,
    'campaign',
  );
  const leaders = Array.from({ length: o.teams }, (_, i) => `bench-l-${i}`);
  await sign(leaders);
  const teams = await pool(
    leaders,
    8,
    async (leader) =>
      (
        await must(
          pub(
            'POST',
            `/v1/group-buys/${CAMPAIGN}/teams`,
            { displayName: leader },
            { ...idem(), 'x-kith-customer': token(leader) },
          ),
          201,
          'team',
        )
      ).id,
  );
  await must(
    admin(
      'POST',
      '/v1/admin/points/rewards',
      { id: LIMITED.id, title: 'Bench gift (limited)', cost: REWARD_COST, kind: 'perk', stock: LIMITED.stock },
      idem(),
    ),
    201,
    'reward',
  );
  await must(
    admin(
      'POST',
      '/v1/admin/points/rewards',
      {
        id: OPEN_REWARD,
        title: 'Bench coupon',
        cost: REWARD_COST,
        kind: 'coupon',
        coupon: { percentOff: 5, validDays: 30 },
      },
      idem(),
    ),
    201,
    'reward',
  );
  const redeemers = Array.from({ length: o.redeemers }, (_, i) => `bench-r-${i}`);
  // New joiners come from a pool far larger than the seats (2 per team), so past the first round
  // through it a joiner is still, nearly always, one without a team.
  const joinerPool = Array.from({ length: Math.max(5000, o.teams * 20) }, (_, i) => `bench-j-${i}`);
  await sign([...redeemers, ...joinerPool]);
  // 50, 150, 250 or 350 points: none, one, two or three redemptions' worth.
  await pool(redeemers, 8, (c, i) =>
    must(
      admin(
        'POST',
        '/v1/admin/points/adjust',
        { customerId: c, points: 50 + 100 * (i % 4), note: 'Bench points' },
        idem(),
      ),
      201,
      'adjust',
    ),
  );
  results.setupSeconds = (Date.now() - t0) / 1000;
  o.log(
    `  bench data in ${results.setupSeconds.toFixed(1)} s: ${o.reviews} reviews, ${teams.length} teams, ${redeemers.length} customers with points`,
  );

  // ── Reads ───────────────────────────────────────────────────────────────────────────────
  const readHeaders = { authorization: `Bearer ${publishableKey}` };
  // What one request costs with nothing else running: the mean of 10 in a row.
  results.sequential = {};
  for (const path of [
    `/v1/products/${BENCH_PRODUCT}/reviews?sort=helpful`,
    `/v1/products/${BENCH_PRODUCT}/reviews/summary`,
    `/v1/reviews/summaries?products=${BENCH_PRODUCT},p1,p2,p3`,
  ]) {
    const start = performance.now();
    for (let i = 0; i < 10; i++) await must(pub('GET', path), 200, path);
    results.sequential[path] = (performance.now() - start) / 10;
  }
  o.log(
    `  one at a time: ${Object.entries(results.sequential)
      .map(([p, ms]) => `${p.replace(/\?.*/, '')} ${ms.toFixed(0)} ms`)
      .join(' · ')}`,
  );
  const reads = [...pageQueries, ...deepPages];
  await measure(
    'reads: review pages',
    `GET /v1/products/${BENCH_PRODUCT}/reviews, ${reads.length} variants (sorts, filters, keyword, deep cursors)`,
    {
      next: () => ({ path: `/v1/products/${BENCH_PRODUCT}/reviews?${pick(reads)}`, headers: readHeaders }),
    },
  );
  await measure(
    'reads: review summaries',
    `GET …/reviews/summary (${BENCH_PRODUCT}) and /v1/reviews/summaries for 4 products, half each`,
    {
      next: () => ({
        path:
          Math.random() < 0.5
            ? `/v1/products/${BENCH_PRODUCT}/reviews/summary`
            : `/v1/reviews/summaries?products=${BENCH_PRODUCT},p1,p2,p3`,
        headers: readHeaders,
      }),
    },
  );

  // ── Writes ──────────────────────────────────────────────────────────────────────────────
  const prefix = `${o.engine}-${Date.now().toString(36)}`;
  const post = (customer, path, body) => ({
    method: 'POST',
    path,
    body: JSON.stringify(body),
    headers: { ...readHeaders, 'content-type': 'application/json', 'x-kith-customer': token(customer) },
  });
  let joiners = 0;
  const joined = [];
  const joins = idempotentWrites({
    prefix: `${prefix}-join`,
    expected: { 409: ['team_full', 'sold_out', 'already_in_team', 'already_joined', 'team_closed'] },
    fresh: () => {
      // Mostly new shoppers; some who already tried, to hit the one-team rule.
      const customer = joined.length && Math.random() < 0.1 ? pick(joined) : joinerPool[joiners++ % joinerPool.length];
      joined.push(customer);
      return post(customer, `/v1/teams/${pick(teams)}/join`, { displayName: customer });
    },
  });
  const joinRun = await measure(
    'writes: group-buy joins',
    `POST /v1/teams/:id/join over ${teams.length} teams of 3 (stock ${Math.round(o.teams * 2.8)} units), 15% replays`,
    joins,
  );
  joinRun.answers = outcome(joins.log);

  const redeems = idempotentWrites({
    prefix: `${prefix}-redeem`,
    expected: { 409: ['insufficient_points', 'out_of_stock'] },
    fresh: () =>
      post(pick(redeemers), '/v1/points/redeem', { rewardId: Math.random() < 0.5 ? LIMITED.id : OPEN_REWARD }),
  });
  const redeemRun = await measure(
    'writes: redemptions',
    `POST /v1/points/redeem by ${redeemers.length} customers (0-3 rewards' worth each), ${LIMITED.id} stock ${LIMITED.stock}, 15% replays`,
    redeems,
  );
  redeemRun.answers = outcome(redeems.log);

  const earners = Array.from({ length: o.earners }, (_, i) => `bench-e-${i}`);
  const earnHeaders = { authorization: `Bearer ${secretKey}`, 'content-type': 'application/json' };
  const earns = idempotentWrites({
    prefix: `${prefix}-earn`,
    expected: {},
    // Six posts per customer against a cap of 3 a day: repeats answer `duplicate`, the fourth post `capped`.
    fresh: () => ({
      method: 'POST',
      path: '/v1/admin/points/earn',
      headers: earnHeaders,
      body: JSON.stringify({
        customerId: pick(earners),
        action: 'share',
        sourceId: `post-${Math.floor(Math.random() * 6)}`,
      }),
    }),
  });
  const earnRun = await measure(
    'writes: share earns',
    `POST /v1/admin/points/earn (share) by ${earners.length} customers, 6 sources each, cap ${SHARE_CAP}/day, 15% replays`,
    earns,
  );
  earnRun.answers = outcome(earns.log);
  earnRun.answers.kinds = [...earns.log.firsts.values()].reduce((k, a) => {
    const j = a.status === 200 ? JSON.parse(a.body) : null;
    const kind = !j ? 'error' : j.entry ? 'credited' : j.duplicate ? 'duplicate' : j.capped ? 'capped' : 'none';
    k[kind] = (k[kind] ?? 0) + 1;
    return k;
  }, {});

  // ── SSE fan-out ─────────────────────────────────────────────────────────────────────────
  await settle();
  const rss = sampleRss(server.pid);
  const before = await memory();
  const show = (
    await server.query("SELECT id FROM live_shows WHERE shop_id = $1 AND status = 'live' ORDER BY id LIMIT 1", [shopId])
  )[0].id;
  const sse = await fanOut({
    origin,
    publishableKey,
    secretKey,
    showId: show,
    streams: o.streams,
    updates: o.updates,
    sampleMemory: memory,
  });
  const m = rss.stop();
  // Every closed stream must be let go of: the hub's listener count back to 0.
  let listeners = -1;
  for (let i = 0; i < 50 && listeners !== 0; i++) {
    await new Promise((r) => setTimeout(r, 100));
    listeners = (await (await fetch(`${origin}/healthz`)).json()).streams;
  }
  results.sse = {
    ...sse,
    show,
    memoryBefore: before,
    rssPeak: m.peak,
    listenersAfterClose: listeners,
    memoryAfterClose: await memory(),
  };
  o.log(
    `  SSE fan-out: ${sse.streams} streams open in ${sse.openMs.toFixed(0)} ms, ${sse.updates} updates · delivery p50 ${sse.delivery.p50?.toFixed(1)} ms, p99 ${sse.delivery.p99?.toFixed(1)} ms · all streams by ${sse.allDelivered.max?.toFixed(0)} ms at worst · dropped ${sse.dropped}, missed ${sse.missed} · RSS ${(before.rss / 2 ** 20).toFixed(0)} → ${(sse.memoryOpen.rss / 2 ** 20).toFixed(0)} MB open · listeners after close ${listeners}`,
  );

  // ── Invariants ──────────────────────────────────────────────────────────────────────────
  const customers = [...redeemers, ...earners];
  const balances = await pool(
    customers,
    8,
    async (c) => (await must(admin('GET', `/v1/admin/points/customers/${c}?limit=1`), 200, 'customer')).account.balance,
  );
  let ctx = {
    shopId,
    campaignId: CAMPAIGN,
    joinPrefix: `${prefix}-join`,
    redeemPrefix: `${prefix}-redeem`,
    earnPrefix: `${prefix}-earn`,
    limitedReward: LIMITED,
    shareCap: SHARE_CAP,
    apiBalances: new Map(customers.map((c, i) => [c, balances[i]])),
    replays: [...joins.log.replays, ...redeems.log.replays, ...earns.log.replays],
  };
  // BENCH_BREAK=<invariant id>: break it for real first, to see the run fail (bench/server/break.test.mjs).
  if (o.breakInvariant) ctx = await CORRUPTIONS[o.breakInvariant](server.query, ctx);
  results.invariants = await checkInvariants(server.query, ctx);
  results.selfTest = await selfTest(server.rolledBack, ctx);
  // The self-test's transactions were rolled back: the real state must check out again.
  results.invariantsAfterSelfTest = (await checkInvariants(server.query, ctx)).every((r) => r.pass);
  for (const r of results.invariants)
    o.log(`  ${r.pass ? 'PASS' : 'FAIL'} ${r.name}${r.detail ? `: ${r.detail}` : ''}`);
  o.log(
    `  checker self-test: ${results.selfTest.filter((s) => s.failedAsExpected).length}/${results.selfTest.length} invariants FAIL when broken on purpose`,
  );
  return results;
}

/** The answers of a write run, for the report. */
function outcome(log) {
  return {
    ok: log.ok,
    expected: log.expected,
    unexpected: log.unexpected,
    samples: log.samples,
    firsts: log.firsts.size,
    replays: log.replays.length,
  };
}
