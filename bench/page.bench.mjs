// `npm run bench`: the page-level benchmark. Headless Chromium loads a synthetic product page from
// the reference server (PGlite, demo seed; page, CDN files and API on one origin): the page without
// Kith, each widget alone, then all widgets together; on a desktop profile and a mobile one (4× CPU,
// 150 ms latency, 1.6 Mbit/s). Medians of BENCH_RUNS (5) runs after one warm-up per scenario and
// profile. Writes bench/results.json and bench/REPORT.md. Method notes are in the report.
import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { cpus, loadavg, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { chromium } from 'playwright';
import { createPgliteDb, seedDemo, signCustomerToken, startServer } from '@kith/server';
import { CHROMIUM_ARGS, ensureChromium } from '../packages/tools/src/chromium.mjs';
import { firstViewBytes } from '../packages/tools/src/first-view-bytes.mjs';

const here = (p) => fileURLToPath(new URL(p, import.meta.url));
const RUNS = Math.max(1, Number(process.env.BENCH_RUNS ?? 5));
const SETTLE_MS = 500; // after the last widget is ready (or the baseline's load event): late tasks, shifts
const KB = 1024;

// One line per widget. `slot`: where it sits on the product page (bench/pages/product.html);
// `ready(el)`: true once the widget shows data (runs in the page, on the first element of `html`).
const WIDGETS = [
  {
    name: 'live-badge',
    slot: 'top',
    html: '<kith-live-badge product="p1"></kith-live-badge>',
    ready: (el) => el.getAttribute('state') === 'ready',
  },
  {
    name: 'rating',
    slot: 'title',
    html: '<kith-rating product="p1" href="#reviews"></kith-rating>',
    ready: (el) => el.getAttribute('state') === 'ready',
  },
  {
    name: 'points-earn',
    slot: 'price',
    html: '<kith-points-earn product="p1" price="59.00"></kith-points-earn>',
    ready: (el) => el.getAttribute('state') === 'ready',
  },
  {
    name: 'share-button',
    slot: 'actions',
    html: '<kith-share-button product="p1" price="$59.00"></kith-share-button>',
    ready: (el) => !!el.shadowRoot?.querySelector('button'),
  },
  {
    name: 'group-buy',
    slot: 'details',
    html: '<kith-group-buy product="p1"></kith-group-buy>',
    ready: (el) => el.getAttribute('state') === 'ready',
  },
  {
    name: 'reviews',
    slot: 'reviews',
    html: '<kith-reviews product="p1"></kith-reviews>',
    ready: (el) => el.getAttribute('state') === 'ready',
  },
  {
    name: 'points',
    slot: 'rewards',
    html: '<kith-points></kith-points>',
    ready: (el) => el.getAttribute('state') === 'ready',
  },
  // Without ?kith_ref= it settles on `empty` and renders nothing: what most visitors get.
  {
    name: 'referral-offer',
    slot: 'top',
    html: '<kith-referral-offer></kith-referral-offer>',
    ready: (el) => el.getAttribute('state') === 'empty',
  },
];
const SCENARIOS = [
  { name: 'baseline', widgets: [] },
  ...WIDGETS.map((w) => ({ name: w.name, widgets: [w] })),
  { name: 'all widgets', widgets: WIDGETS },
  // Without the stylesheet: the loader reserves the boxes only once it runs, after the first paint.
  { name: 'all widgets, script only', widgets: WIDGETS, scriptOnly: true },
];
const PROFILES = [
  { name: 'desktop', cpu: 1, network: null, viewport: { width: 1280, height: 800 }, mobile: false },
  {
    name: 'mobile',
    cpu: 4,
    viewport: { width: 412, height: 823 },
    mobile: true,
    network: { offline: false, latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 1.6e6 / 8 },
  },
];
const GOALS = { gzipKB: 25, requests: 5, depth: 2, readyAfterBaselineMs: 50, kithLongTasks: 0, cls: 0 };

// The reference server, the demo seed, the CDN files at /cdn/ and the synthetic page at /page/<scenario>.
const template = readFileSync(here('./pages/product.html'), 'utf8');
let shop;
const token = () => signCustomerToken(shop.secretKey, 'bench-shopper');
const pageHtml = async (scenario) => {
  let out = template.replace(
    '<!--kith-->',
    scenario.widgets.length
      ? `${scenario.scriptOnly ? '' : '<link rel="stylesheet" href="/cdn/kith.css" />\n    '}<script type="module" src="/cdn/kith.js" data-adapter="rest" data-key="pk_demo_shop" data-customer-token="${await token()}"></script>`
      : '',
  );
  for (const w of scenario.widgets) out = out.replace(`<!--slot:${w.slot}-->`, `${w.html}\n<!--slot:${w.slot}-->`);
  return out;
};
const db = await createPgliteDb();
const running = await startServer({
  db,
  port: 0,
  hostname: '127.0.0.1',
  schedulerIntervalMs: false,
  extend: (app) =>
    app.get('/page/:scenario', async (c) => {
      const scenario = SCENARIOS.find((s) => s.name === decodeURIComponent(c.req.param('scenario')));
      return scenario ? c.html(await pageHtml(scenario)) : c.notFound();
    }),
  staticMounts: { '/cdn/': here('../packages/embed/dist/cdn'), '/bench/': here('./pages') },
});
({ shop } = await seedDemo(db));
const origin = `http://127.0.0.1:${running.port}`;
const browser = await chromium.launch({ executablePath: ensureChromium(), args: CHROMIUM_ARGS });

// Runs in the page before any of its scripts: long tasks, long animation frames (with script
// URLs, for attribution), layout shifts, and the moment each widget first passes `ready`.
const initScript = (scenario) => `(() => {
  const b = window.__bench = { ready: {}, longTasks: [], loafs: [], shifts: [] };
  const observe = (type, fn) => { try { new PerformanceObserver((l) => l.getEntries().forEach(fn)).observe({ type, buffered: true }); } catch {} };
  observe('longtask', (e) => b.longTasks.push({ start: e.startTime, duration: e.duration }));
  observe('long-animation-frame', (e) => b.loafs.push({ start: e.startTime, duration: e.duration, blocking: e.blockingDuration,
    scripts: e.scripts.map((s) => ({ url: s.sourceURL, start: s.startTime, duration: s.duration, invoker: s.invoker })) }));
  observe('layout-shift', (e) => { if (!e.hadRecentInput) b.shifts.push({ start: e.startTime, value: e.value,
    sources: (e.sources || []).map((s) => s.node ? (s.node.localName || s.node.nodeName) : '?') }); });
  const widgets = [${scenario.widgets.map((w) => `[${JSON.stringify(w.name)}, ${JSON.stringify(w.html.match(/^<([a-z0-9-]+)/)[1])}, (${w.ready})]`).join(', ')}];
  if (!widgets.length) return;
  const check = () => {
    for (const [name, tag, ready] of widgets) {
      if (b.ready[name] !== undefined) continue;
      const el = document.querySelector(tag);
      try { if (el && ready(el)) b.ready[name] = performance.now(); } catch {}
    }
    if (Object.keys(b.ready).length === widgets.length) { mo.disconnect(); return true; }
  };
  const mo = new MutationObserver(check);
  mo.observe(document, { subtree: true, childList: true, attributes: true });
  const frame = () => { if (!check()) requestAnimationFrame(frame); };
  requestAnimationFrame(frame);
})();`;

// The first view's files, as the size check counts them: the loader and what it fetches for setup,
// the REST adapter and each widget (its preload map). Anything else is loaded after or on intent.
const firstView = firstViewBytes(
  here('../packages/embed/dist/cdn'),
  JSON.parse(readFileSync(here('../packages/embed/package.json'), 'utf8')).version,
);
const firstViewPaths = new Set(['/cdn/kith.js', ...firstView.files.map((f) => `/cdn/${f.file}`)]);

const compressed = new Map(); // url → { raw, gzip, brotli }
const sizes = (url, body) => {
  if (!compressed.has(url)) {
    compressed.set(url, {
      raw: body.length,
      gzip: gzipSync(body, { level: 9 }).length,
      brotli: brotliCompressSync(body, {
        params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length },
      }).length,
    });
  }
  return compressed.get(url);
};

async function run(scenario, profile) {
  const context = await browser.newContext({
    viewport: profile.viewport,
    isMobile: profile.mobile,
    hasTouch: profile.mobile,
  });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  await cdp.send('Network.enable');
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: profile.cpu });
  if (profile.network) await cdp.send('Network.emulateNetworkConditions', profile.network);
  // Who asked for each request: the initiator's script URL (a static import names its importer in
  // `initiator.url`, a dynamic import() has the importing module on its stack).
  const initiators = new Map();
  cdp.on('Network.requestWillBeSent', ({ request, initiator, type }) => {
    const frames = [];
    for (let st = initiator.stack; st; st = st.parent) frames.push(...st.callFrames);
    initiators.set(request.url, {
      type,
      parent: initiator.url || frames.find((f) => f.url)?.url || null,
      initiatorType: initiator.type,
    });
  });
  const bodies = [];
  const requests = [];
  page.on('request', (r) => requests.push({ url: r.url(), type: r.resourceType() }));
  page.on('response', (r) => {
    if (r.request().resourceType() === 'script')
      bodies.push(
        r.body().then(
          (b) => ({ url: r.url(), ...sizes(r.url(), b) }),
          () => null,
        ),
      );
  });
  await page.addInitScript(initScript(scenario));
  await page.goto(`${origin}/page/${encodeURIComponent(scenario.name)}`, { waitUntil: 'load' });
  let timedOut = false;
  if (scenario.widgets.length) {
    await page
      .waitForFunction((n) => Object.keys(window.__bench.ready).length === n, scenario.widgets.length, {
        timeout: 30_000,
      })
      .catch(() => (timedOut = true));
  }
  await page.waitForTimeout(SETTLE_MS);
  const metrics = async () =>
    Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
  const m = await metrics();
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = (await metrics()).JSHeapUsedSize;
  const b = await page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0];
    const fcp = performance.getEntriesByName('first-contentful-paint')[0];
    // Kith's requests in time, for where the time goes: the loader, its chunks, the API.
    const kith = performance
      .getEntriesByType('resource')
      .map((r) => ({ path: new URL(r.name).pathname, start: r.startTime, end: r.responseEnd }))
      .filter((r) => /^\/(cdn|v1)\//.test(r.path));
    return {
      ...window.__bench,
      kith,
      load: nav.loadEventStart,
      dcl: nav.domContentLoadedEventStart,
      fcp: fcp?.startTime ?? null,
    };
  });
  const scripts = (await Promise.all(bodies)).filter(Boolean);
  await context.close();

  // Chain depth: the page's own <script> = 1, anything a Kith script asked for = its depth + 1.
  const kithJs = scripts.filter((s) => new URL(s.url).pathname.startsWith('/cdn/'));
  const depthOf = new Map();
  const depth = (url, seen = new Set()) => {
    if (depthOf.has(url)) return depthOf.get(url);
    const parent = initiators.get(url)?.parent;
    const d =
      parent && parent !== url && !seen.has(parent) && new URL(parent).pathname.startsWith('/cdn/')
        ? depth(parent, seen.add(url)) + 1
        : 1;
    depthOf.set(url, d);
    return d;
  };
  const chunks = kithJs.map((s) => ({
    file: new URL(s.url).pathname.replace(/^\/cdn\//, ''),
    depth: depth(s.url),
    parent: initiators.get(s.url)?.parent?.includes('/cdn/')
      ? initiators.get(s.url).parent.replace(`${origin}/cdn/`, '')
      : null,
    raw: s.raw,
    gzip: s.gzip,
    brotli: s.brotli,
  }));
  // A long task is Kith's when a Kith script of a long animation frame ran inside it.
  const kithLoafs = b.loafs.filter((l) => l.scripts.some((s) => s.url.includes('/cdn/')));
  const kithScripts = kithLoafs.flatMap((l) => l.scripts.filter((s) => s.url.includes('/cdn/')));
  const kithTasks = b.longTasks.filter((t) =>
    kithScripts.some((s) => s.start < t.start + t.duration && s.start + s.duration > t.start),
  );
  const sum = (xs) => xs.reduce((a, x) => a + x, 0);
  const lastReady = scenario.widgets.length ? Math.max(...Object.values(b.ready), -Infinity) : null;
  // The phases up to the last widget ready: what started before it counts.
  const before = b.kith.filter((r) => lastReady === null || r.start <= lastReady);
  const span = (rs) => (rs.length ? [Math.min(...rs.map((r) => r.start)), Math.max(...rs.map((r) => r.end))] : []);
  const [loaderStart, loaderEnd] = span(before.filter((r) => /^\/cdn\/kith[\w.-]*\.js$/.test(r.path)));
  const [chunksStart, chunksEnd] = span(
    before.filter((r) => r.path.startsWith('/cdn/chunks/') && firstViewPaths.has(r.path)),
  );
  const [apiStart, apiEnd] = span(before.filter((r) => r.path.startsWith('/v1/')));
  // The first view's JS; what else loads (the HTTP client, streams, actions) is counted apart.
  const first = scripts.filter((s) => firstViewPaths.has(new URL(s.url).pathname));
  for (const c of chunks) c.firstView = firstViewPaths.has(`/cdn/${c.file}`);
  const phases = {
    loaderStart,
    loaderEnd,
    chunksStart,
    chunksEnd,
    apiStart,
    apiEnd,
    firstReady: scenario.widgets.length ? Math.min(...Object.values(b.ready)) : undefined,
    lastReady: lastReady ?? undefined,
  };
  return {
    timedOut,
    phases,
    load: b.load,
    dcl: b.dcl,
    fcp: b.fcp,
    ready: b.ready,
    lastReady,
    jsRequests: first.length,
    jsRaw: sum(first.map((s) => s.raw)),
    jsGzip: sum(first.map((s) => s.gzip)),
    jsBrotli: sum(first.map((s) => s.brotli)),
    depth: Math.max(0, ...chunks.filter((c) => c.firstView).map((c) => c.depth)),
    laterJsGzip: sum(scripts.filter((s) => !first.includes(s)).map((s) => s.gzip)),
    chunks,
    apiRequests: requests.filter((r) => new URL(r.url).pathname.startsWith('/v1/')).length,
    scriptMs: m.ScriptDuration * 1000,
    taskMs: m.TaskDuration * 1000,
    heapMB: heap / 2 ** 20,
    longTasks: b.longTasks.length,
    tbt: sum(b.longTasks.map((t) => Math.max(0, t.duration - 50))),
    longestTask: Math.max(0, ...b.longTasks.map((t) => t.duration)),
    kithLongTasks: kithTasks.length,
    kithTbt: sum(kithTasks.map((t) => t.duration - 50)),
    kithLongestTask: Math.max(0, ...kithTasks.map((t) => t.duration)),
    kithFrames: kithLoafs.length,
    kithLoafs: kithLoafs.map((l) => ({
      duration: l.duration,
      scripts: l.scripts
        .filter((s) => s.duration > 5)
        .map(
          (s) =>
            `${s.url.replace(origin, '')} (${s.invoker === s.url ? 'evaluation' : s.invoker}) ${Math.round(s.duration)} ms`,
        ),
    })),
    cls: sum(b.shifts.map((s) => s.value)),
    shiftSources: [...new Set(b.shifts.flatMap((s) => s.sources))],
  };
}

const median = (xs) => {
  const s = xs.filter((x) => typeof x === 'number' && Number.isFinite(x)).sort((a, b) => a - b);
  if (!s.length) return null;
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

const started = Date.now();
const loadBefore = loadavg();
const results = [];
for (const profile of PROFILES) {
  for (const scenario of SCENARIOS) {
    await run(scenario, profile); // warm-up: the server's queries, the browser's compiled code
    const runs = [];
    for (let i = 0; i < RUNS; i++) runs.push(await run(scenario, profile));
    const med = (k) => median(runs.map((r) => r[k]));
    const r = {
      profile: profile.name,
      scenario: scenario.name,
      widgets: scenario.widgets.map((w) => w.name),
      timedOut: runs.filter((x) => x.timedOut).length,
      load: med('load'),
      fcp: med('fcp'),
      lastReady: med('lastReady'),
      ready: Object.fromEntries(scenario.widgets.map((w) => [w.name, median(runs.map((x) => x.ready[w.name]))])),
      jsRequests: med('jsRequests'),
      jsRaw: med('jsRaw'),
      jsGzip: med('jsGzip'),
      jsBrotli: med('jsBrotli'),
      laterJsGzip: med('laterJsGzip'),
      depth: med('depth'),
      apiRequests: med('apiRequests'),
      scriptMs: med('scriptMs'),
      taskMs: med('taskMs'),
      heapMB: med('heapMB'),
      longTasks: med('longTasks'),
      tbt: med('tbt'),
      longestTask: med('longestTask'),
      kithLongTasks: med('kithLongTasks'),
      kithLongTasksMax: Math.max(...runs.map((x) => x.kithLongTasks)),
      kithTbt: med('kithTbt'),
      kithLongestTask: med('kithLongestTask'),
      kithFrames: med('kithFrames'),
      cls: med('cls'),
      clsMax: Math.max(...runs.map((x) => x.cls)),
      shiftSources: [...new Set(runs.flatMap((x) => x.shiftSources))],
      phases: Object.fromEntries(Object.keys(runs[0].phases).map((k) => [k, median(runs.map((x) => x.phases[k]))])),
      chunks: runs.at(-1).chunks,
      runs: runs.map(({ chunks, ...x }) => x),
    };
    results.push(r);
    const base = results.find((x) => x.profile === profile.name && x.scenario === 'baseline');
    const after =
      r.lastReady === null ? '' : ` · ready +${(r.lastReady - base.load).toFixed(0)} ms after baseline load`;
    console.log(
      `${profile.name.padEnd(8)} ${scenario.name.padEnd(15)} JS ${(r.jsGzip / KB).toFixed(1)} KB gz in ${r.jsRequests} req (+${(r.laterJsGzip / KB).toFixed(1)} KB after), depth ${r.depth}${after} · script ${r.scriptMs.toFixed(0)} ms · long tasks ${r.longTasks} (Kith ${r.kithLongTasks}) · CLS ${r.cls.toFixed(3)} · heap ${r.heapMB.toFixed(1)} MB${r.timedOut ? ` · ${r.timedOut} runs timed out` : ''}`,
    );
  }
}
const chromiumVersion = browser.version();
await browser.close();
await running.close();
await db.close();
const seconds = Math.round((Date.now() - started) / 1000);

// Deltas against the baseline page of the same profile, and the goals.
for (const r of results) {
  const base = results.find((x) => x.profile === r.profile && x.scenario === 'baseline');
  r.vsBaseline = {
    scriptMs: r.scriptMs - base.scriptMs,
    taskMs: r.taskMs - base.taskMs,
    heapMB: r.heapMB - base.heapMB,
    readyAfterLoadMs: r.lastReady === null ? null : r.lastReady - base.load,
    readyAfterLoad: Object.fromEntries(Object.entries(r.ready).map(([k, v]) => [k, v === null ? null : v - base.load])),
  };
}
const get = (p, s) => results.find((x) => x.profile === p && x.scenario === s);
const all = get('desktop', 'all widgets');
// The goals judge the embed the docs recommend (kith.css and kith.js); the script-only page is reported beside them.
const judged = (r) => r.scenario !== 'baseline' && !SCENARIOS.find((s) => s.name === r.scenario).scriptOnly;
const kithDesktop = results.filter((r) => r.profile === 'desktop' && judged(r));
const goals = [
  {
    goal: `All widgets: JS ≤ ${GOALS.gzipKB} KB gzip`,
    actual: `${(all.jsGzip / KB).toFixed(1)} KB`,
    pass: all.jsGzip <= GOALS.gzipKB * KB,
    by: `${((all.jsGzip - GOALS.gzipKB * KB) / KB).toFixed(1)} KB over`,
  },
  {
    goal: `All widgets: ≤ ${GOALS.requests} JS requests`,
    actual: `${all.jsRequests}`,
    pass: all.jsRequests <= GOALS.requests,
    by: `${all.jsRequests - GOALS.requests} over`,
  },
  {
    goal: `All widgets: Kith JS chain depth ≤ ${GOALS.depth}`,
    actual: `${all.depth}`,
    pass: all.depth <= GOALS.depth,
    by: `${all.depth - GOALS.depth} level(s) deeper`,
  },
  ...kithDesktop.map((r) => ({
    goal: `Desktop, ${r.scenario}: ready ≤ ${GOALS.readyAfterBaselineMs} ms after the baseline page's load event`,
    actual: `${r.vsBaseline.readyAfterLoadMs.toFixed(0)} ms`,
    pass: r.timedOut === 0 && r.vsBaseline.readyAfterLoadMs <= GOALS.readyAfterBaselineMs,
    by: `${(r.vsBaseline.readyAfterLoadMs - GOALS.readyAfterBaselineMs).toFixed(0)} ms late`,
  })),
  {
    goal: 'Desktop: 0 long tasks ≥ 50 ms from Kith (every run of every scenario)',
    actual: `${Math.max(...kithDesktop.map((r) => r.kithLongTasksMax))} at most in a run (unattributed: up to ${Math.max(...kithDesktop.flatMap((r) => r.runs.map((x) => x.longTasks)))} long tasks in a run on a Kith page, ${Math.max(...get('desktop', 'baseline').runs.map((x) => x.longTasks))} on the baseline)`,
    pass: kithDesktop.every((r) => r.kithLongTasksMax === 0),
    by: kithDesktop
      .filter((r) => r.kithLongTasksMax > 0)
      .map((r) => r.scenario)
      .join(', '),
  },
  ...PROFILES.map((p) => {
    const rs = results.filter((r) => r.profile === p.name && judged(r));
    const worst = rs.reduce((a, r) => (r.clsMax > a.clsMax ? r : a));
    return {
      goal: `${p.name}: CLS 0.000 (worst run of every scenario)`,
      actual: `${worst.clsMax.toFixed(3)}${worst.clsMax > 0 ? ` (${worst.scenario})` : ''}`,
      pass: worst.clsMax < 0.0005,
      by: rs
        .filter((r) => r.clsMax >= 0.0005)
        .map((r) => `${r.scenario} ${r.clsMax.toFixed(3)}`)
        .join(', '),
    };
  }),
];

const date = new Date().toISOString();
const machine = {
  cpu: cpus()[0]?.model ?? 'unknown',
  cores: cpus().length,
  ramGiB: Math.round(totalmem() / 2 ** 30),
  node: process.version,
  chromium: chromiumVersion,
  loadAverage: { before: loadBefore.map((x) => +x.toFixed(2)), after: loadavg().map((x) => +x.toFixed(2)) },
};
await writeFile(
  here('./results.json'),
  `${JSON.stringify({ date, machine, runs: RUNS, settleMs: SETTLE_MS, seconds, profiles: PROFILES, goals: GOALS, goalResults: goals, results }, null, 2)}\n`,
);

// The report.
const f = (n, d = 0) => (n === null || n === undefined ? '–' : n.toFixed(d));
const kb = (n) => (n / KB).toFixed(1);
const table = (p) => {
  const base = get(p.name, 'baseline');
  const rows = results
    .filter((r) => r.profile === p.name)
    .map((r) => {
      const isBase = r.scenario === 'baseline';
      return `| ${r.scenario} | ${kb(r.jsGzip)} | ${kb(r.jsBrotli)} | ${kb(r.laterJsGzip)} | ${r.jsRequests} | ${isBase ? '–' : r.depth} | ${r.apiRequests} | ${f(r.load)} | ${isBase ? '–' : `${f(r.lastReady)} (+${f(r.vsBaseline.readyAfterLoadMs)})`} | ${isBase ? f(r.scriptMs) : `+${f(r.vsBaseline.scriptMs)}`} | ${isBase ? f(r.taskMs) : `+${f(r.vsBaseline.taskMs)}`} | ${r.longTasks} / ${f(r.tbt)} | ${isBase ? '–' : `${r.kithLongTasks} / ${f(r.kithTbt)} (max ${r.kithLongTasksMax})`} | ${r.cls.toFixed(3)}${r.clsMax > r.cls ? ` (max ${r.clsMax.toFixed(3)})` : ''} | ${isBase ? f(r.heapMB, 2) : `+${f(r.vsBaseline.heapMB, 2)}`} |${r.timedOut ? ` ⚠ ${r.timedOut} runs timed out` : ''}`;
    });
  return `### ${p.name}${p.cpu > 1 ? ` (${p.cpu}× CPU, ${p.network.latency} ms latency, 1.6 Mbit/s down and up)` : ' (no throttling)'}, ${p.viewport.width}×${p.viewport.height}

Baseline page: load event at ${f(base.load)} ms, first contentful paint ${f(base.fcp)} ms, script ${f(base.scriptMs)} ms, tasks ${f(base.taskMs)} ms, JS heap ${f(base.heapMB, 2)} MB.

| scenario | JS gzip (KB) | JS brotli (KB) | JS gzip after (KB) | JS requests | chain depth | API requests | load event (ms) | ready (ms; + after baseline load) | script time vs baseline (ms) | task time vs baseline (ms) | long tasks / TBT (ms), all | Kith long tasks / TBT (ms) | CLS | JS heap vs baseline (MB) |
|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|
${rows.join('\n')}
`;
};
const perWidget = (p) => {
  const r = get(p, 'all widgets');
  return Object.entries(r.vsBaseline.readyAfterLoad)
    .map(([k, v]) => `${k} +${f(v)}`)
    .join(' · ');
};
const longestChain = (() => {
  const byFile = new Map(all.chunks.map((c) => [c.file, c]));
  const chain = [];
  for (
    let c = all.chunks.filter((x) => x.firstView).reduce((a, x) => (x.depth > a.depth ? x : a));
    c;
    c = c.parent ? byFile.get(c.parent) : undefined
  )
    chain.unshift(`\`${c.file}\``);
  return chain.join(' → ');
})();
const chunkTable = all.chunks
  .map(
    (c) =>
      `| ${c.file}${c.firstView ? '' : ' (after the first view)'} | ${c.depth} | ${c.parent ?? 'the page'} | ${(c.raw / KB).toFixed(1)} | ${kb(c.gzip)} | ${kb(c.brotli)} |`,
  )
  .join('\n');
const loafNotes = results.flatMap((r) =>
  r.runs.flatMap((x) =>
    x.kithLoafs.map(
      (l) => `${r.profile}/${r.scenario}: ${f(l.duration)} ms frame: ${l.scripts.join('; ') || 'no script over 5 ms'}`,
    ),
  ),
);
const uniq = [...new Set(loafNotes)].slice(0, 12);
const shifts = results
  .filter((r) => r.clsMax > 0)
  .map(
    (r) =>
      `${r.profile}/${r.scenario}: ${r.clsMax.toFixed(3)} worst run, shifted nodes: ${r.shiftSources.join(', ') || '?'}`,
  );

// The 10,000-review scroll scenario (bench/reviews.bench.mjs, run first by `npm run bench`): its headline rows.
function reviewsSection() {
  const more = 'The full table, the mobile profile and the method are in [reports/reviews.md](reports/reviews.md).';
  let r;
  try {
    r = JSON.parse(readFileSync(here('./reports/reviews.json'), 'utf8'));
  } catch {
    return `## 10,000 reviews\n\nNot run yet: \`npm run bench:reviews\`. ${more}`;
  }
  const row = (mode) => r.results.find((x) => x.profile === 'desktop' && x.mode === mode);
  const [w, n] = [row('widget'), row('naive')];
  const line = (what, key, d = 1, unit = ' ms') =>
    `| ${what} | ${w[key].toFixed(d)}${unit} | ${n[key].toFixed(d)}${unit} | ${(n[key] / w[key]).toFixed(1)}× |`;
  return `## 10,000 reviews: scrolling the wall (desktop)

${r.date} · ${r.machine} · \`npm run bench:reviews\`: \`<kith-reviews>\` over ${r.reviews.toLocaleString('en')} reviews against a naive
list that renders them all, medians of ${r.runs} runs, ${r.frames} scroll frames.

| measure | <kith-reviews> | naive list | naive ÷ widget |
|---|---:|---:|---:|
${line('first render after data', 'firstRender')}
${line('scroll frame p95', 'scrollP95')}
${line('DOM elements (max while scrolling)', 'nodes', 0, '')}
| long tasks while scrolling | ${w.longTasks} | ${n.longTasks} | |

Goals: first render after data ≤ ${r.goals.firstRender} ms (${w.firstRender <= r.goals.firstRender ? 'met' : '**missed**'}), scroll frame p95 ≤ ${r.goals.scrollP95} ms (${w.scrollP95 <= r.goals.scrollP95 ? 'met' : '**missed**'}). ${more}`;
}

await writeFile(
  here('./REPORT.md'),
  `# Page benchmark: Kith widgets on a product page

${date.slice(0, 10)} · ${machine.cpu}, ${machine.cores} cores, ${machine.ramGiB} GiB, Node ${machine.node}, Chromium ${machine.chromium} ·
medians of ${RUNS} runs after one warm-up per scenario and profile · the full run took ${Math.floor(seconds / 60)} min ${seconds % 60} s ·
load average ${machine.loadAverage.before[0]} before, ${machine.loadAverage.after[0]} after (a shared machine: absolute times are noisy; bytes, requests, depth and CLS are not)

\`npm run bench\` builds the CDN files, starts the reference server (\`@kith/server\` on PGlite with the
demo seed; page, CDN files and API on one origin) and loads a synthetic product page
(\`bench/pages/product.html\`, which reserves no space for widgets itself) in headless Chromium: the
page without Kith, each widget alone, then all of them. Kith is the embed the docs recommend: the
stylesheet \`<link rel="stylesheet" href="/cdn/kith.css">\` (each widget's box from the first paint;
0.3 KB gzip) and the script tag
\`<script type="module" src="/cdn/kith.js" data-adapter="rest" data-key="pk_demo_shop" data-customer-token="…">\`
with a signed-in shopper's token (minted with \`signCustomerToken\`). The scenario "all widgets,
script only" drops the stylesheet (the one-tag embed); the goals judge the others. Every run is a fresh browser
context (empty cache); the page is served with the demo's strict CSP.

## Goals

| goal | actual | verdict |
|---|---|---|
${goals.map((g) => `| ${g.goal} | ${g.actual} | ${g.pass ? 'PASS' : `**FAIL**${g.by ? ` (${g.by})` : ''}`} |`).join('\n')}

## Figures

${PROFILES.map(table).join('\n')}
When all widgets are on the page, each is ready at (ms after the baseline page's load event):
desktop ${perWidget('desktop')}; mobile ${perWidget('mobile')}.

Where the time goes with all widgets (medians, ms from the start of navigation; each span from the
first request's start to the last response's end, of the requests started before the last widget
was ready):

| profile | kith.js | chunks | API | last byte → last widget ready | widgets ready | load event |
|---|---|---|---|---:|---|---:|
${PROFILES.map((p) => {
  const r = get(p.name, 'all widgets');
  const x = r.phases;
  const lastByte = Math.max(x.chunksEnd ?? 0, x.apiEnd ?? 0);
  return `| ${p.name} | ${f(x.loaderStart)}–${f(x.loaderEnd)} | ${f(x.chunksStart)}–${f(x.chunksEnd)} | ${f(x.apiStart)}–${f(x.apiEnd)} | ${f(x.lastReady - lastByte)} | ${f(x.firstReady)}–${f(x.lastReady)} | ${f(r.load)} |`;
}).join('\n')}

### Kith's JS with all widgets (desktop, last run)

| file | chain depth | requested by | raw (KB) | gzip (KB) | brotli (KB) |
|---|---:|---|---:|---:|---:|
${chunkTable}

Where the first view's bytes go (from the build, \`npm run size\`: the loader, setup, the REST adapter
and every widget with what they import statically, each file gzipped alone, shared among its sources
by minified length): ${firstView.parts.map((p) => `${p.part} ${kb(p.gzip)}`).join(' · ')}; ${kb(firstView.total)} KB in all.

The longest chain: ${longestChain} (depth ${all.depth}). ${all.jsRequests} JS requests for the first view: ${all.chunks
    .filter((c) => c.firstView)
    .map((c) => c.file.replace(/^chunks\//, '').replace(/-[\w-]{8}\.js$/, ''))
    .join(', ')}.

${uniq.length ? `Long animation frames ≥ 50 ms with Kith scripts in them (scripts over 5 ms):\n\n${uniq.map((l) => `- ${l}`).join('\n')}\n` : 'No long animation frame ≥ 50 ms ran a Kith script in any run.\n'}
${shifts.length ? `Layout shifts:\n\n${shifts.map((l) => `- ${l}`).join('\n')}\n` : 'No layout shift in any run.\n'}
## Method

- **JS bytes**: the body of every response of type script (Playwright \`response.body()\`), compressed
  here with \`node:zlib\` (gzip level 9, brotli quality 11), summed per page. The server sends them
  uncompressed over loopback; the figures are what a CDN with compression would send.
  The baseline page has no JS, so every JS request on the other pages is Kith's. "JS gzip", "JS
  requests" and "chain depth" count the first view: the files the size check counts (the loader and
  the preload map's files for setup, the REST adapter and each widget on the page); "JS gzip after"
  is the rest (the HTTP client and the stream code, which load once the first view has settled, and
  anything loaded on intent).
- **Chain depth**: from CDP \`Network.requestWillBeSent\`: a script's parent is \`initiator.url\` (static
  \`import\`) or the first URL on \`initiator.stack\` (dynamic \`import()\`). The page's own
  \`<script src="/cdn/kith.js">\` is depth 1, a file a Kith file asked for is its parent's depth + 1.
  A chunk imported statically by two parents takes the depth of the request Chromium recorded.
- **Ready**: an init script (\`addInitScript\`) checks each widget's \`ready(el)\` on every DOM mutation
  (attributes included, so the reflected \`state\` attribute is caught in the same microtask
  checkpoint) and every animation frame, and records \`performance.now()\` the first time it holds.
  "After baseline" subtracts the median load event (\`loadEventStart\`) of the page without Kith in
  the same profile: what Kith adds to the moment a shopper sees a loaded page.
- **Script and task time**: CDP \`Performance.getMetrics\` \`ScriptDuration\` and \`TaskDuration\`
  (${SETTLE_MS} ms after the last widget is ready), minus the baseline page's median. They cover the
  whole renderer main thread (parsing, style, layout included in task time), not only Kith's code.
- **Long tasks**: a \`longtask\` PerformanceObserver counts every task ≥ 50 ms on the page ("all") and
  their total blocking time (Σ duration − 50 ms, over the whole observed window, not only FCP–TTI).
  Long-task entries do not name scripts, so Kith's share comes from the \`long-animation-frame\`
  observer: a frame ≥ 50 ms is Kith's when one of its \`scripts[].sourceURL\` is under \`/cdn/\`;
  A long task is Kith's when a Kith script entry of such a frame overlaps it in time; "Kith long
  tasks" gives their count and blocking time (medians) and the most in one run. A Kith script's
  entry covers its callback and the microtasks after it, e.g. \`Response.json.then\` in \`http\` includes
  the widget's render of the data.
- **CLS**: the sum of \`layout-shift\` entries without recent input over the page's life until the
  end of the settle time (an upper bound of the session-window CLS); "max" is the worst run.
- **JS heap**: \`JSHeapUsedSize\` from \`Performance.getMetrics\` after \`HeapProfiler.collectGarbage\`,
  minus the baseline page's.
- **Mobile**: \`Emulation.setCPUThrottlingRate\` 4 and \`Network.emulateNetworkConditions\` (150 ms
  latency, 1.6 Mbit/s down and up), a 412×823 touch viewport.
- API requests count \`/v1/…\` requests (REST and the SSE streams) up to the end of the settle time.

${reviewsSection()}

## How to run

\`\`\`sh
npm run bench                # build, then the benchmark (about ${Math.max(1, Math.round(seconds / 60))} min with ${RUNS} runs on this machine)
BENCH_RUNS=1 npm run bench   # a smoke check
node bench/page.bench.mjs    # without rebuilding
\`\`\`

Raw runs, per-chunk sizes and the goal verdicts are in [results.json](results.json).
`,
);
console.log(`\n${goals.map((g) => `${g.pass ? 'PASS' : 'FAIL'} ${g.goal}: ${g.actual}`).join('\n')}`);
console.log(`\nWrote bench/REPORT.md and bench/results.json in ${seconds} s`);
