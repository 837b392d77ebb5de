// `npm run probe`, double load and SPA life: the loader twice on one page (two URLs of kith.js, two
// module instances), then every widget removed and re-added 100 times, as a single-page app does on
// each navigation, while the live show's viewer count streams in. Pass: no errors, one runtime (the
// second loader warns once and stays idle), each tag defined once, and no growth between the
// warm-up (10 cycles) and the end (100) in listeners on window, document and media queries,
// subscribers of the page-wide stores, live timers, animation frames, open event streams (in the
// page and on the server), fetches in flight, or the DOM counters after a forced GC; and with every
// widget removed, no stream, interval or store subscriber is left. `?break=leak` (life.js) leaks a
// listener, an interval and an event stream on every re-add, and the verdict fails. Run after
// `npm run build`.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { chromium } from 'playwright';
import { CHROMIUM_ARGS, findChromium } from '../src/chromium.mjs';
import { startProbeServer } from './probe-server.mjs';

// Growth allowed between the warm-up and the end, whatever the number of cycles. Timers and frames
// in flight depend on the moment (a debounce, a countdown's next tick); leaks grow by one per cycle.
const TOLERANCE = {
  windowListeners: 0,
  documentListeners: 0,
  mediaListeners: 0,
  storeListeners: 0,
  intervals: 0,
  timeouts: 3,
  frames: 2,
  streams: 0,
  fetches: 1,
  serverStreams: 0,
  documents: 0,
  jsEventListeners: 5,
  nodes: 300,
};
// Each block of 10 cycles: quick ones (one frame between remove and add: the stores stay mounted, as
// in a fast navigation); one that removes the fresh widgets again while their requests are in flight
// (a visitor who navigates on at once: the abort paths); and one with a gap longer than nanostores'
// 1 s unmount delay, so every store unmounts and each stream is closed and opened again.
const BLOCK = { quick: 8, gapMs: 1200 };
/** How long the server's count of open streams may take to match the page's. */
const SERVER_SETTLE_MS = 5000;

let server;
let browser;
before(async () => {
  // Each re-added share button asks for the shopper's link (a write): 100 cycles pass the default limit.
  server = await startProbeServer({ writeLimit: 100_000 });
  // The badge's show goes live, so its stream carries viewer counts during the cycles.
  await admin('POST', '/live/shows/show-1/start', {});
  browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
});
after(async () => {
  await browser?.close();
  await server?.close();
});

/**
 * Runs before the page's scripts (an init script is not subject to its CSP) and counts what a widget
 * could leave behind: pending timeouts, intervals and frames; EventSources not closed; fetches in
 * flight; listeners on window, document and MediaQueryLists; and each custom element definition.
 * Each live item keeps where it was made, so a failure says whose it is.
 */
function instrument() {
  const where = () =>
    (new Error().stack ?? '')
      .split('\n')
      .slice(3, 5)
      .map((l) => l.trim().replace(/^at /, '').replace(location.origin, ''))
      .join(' < ');
  const timeouts = new Map();
  const intervals = new Map();
  const frames = new Map();
  const {
    setTimeout: st,
    setInterval: si,
    clearTimeout: ct,
    clearInterval: ci,
    requestAnimationFrame: raf,
    cancelAnimationFrame: caf,
  } = window;
  // @ts-expect-error -- the wrapper lacks Node's setTimeout.__promisify__, which the page never has
  window.setTimeout = function setTimeout(fn, ms, ...args) {
    const id = st.call(
      window,
      (...a) => {
        timeouts.delete(id);
        if (typeof fn === 'function') fn(...a);
      },
      ms,
      ...args,
    );
    timeouts.set(id, where());
    return id;
  };
  window.setInterval = function setInterval(fn, ms, ...args) {
    const id = si.call(window, fn, ms, ...args);
    intervals.set(id, where());
    return id;
  };
  // Timeout and interval ids share one pool; either clear works on both.
  window.clearTimeout = function clearTimeout(id) {
    timeouts.delete(id);
    intervals.delete(id);
    return ct.call(window, id);
  };
  window.clearInterval = function clearInterval(id) {
    timeouts.delete(id);
    intervals.delete(id);
    return ci.call(window, id);
  };
  window.requestAnimationFrame = function requestAnimationFrame(fn) {
    const id = raf.call(window, (t) => {
      frames.delete(id);
      fn(t);
    });
    frames.set(id, where());
    return id;
  };
  window.cancelAnimationFrame = function cancelAnimationFrame(id) {
    frames.delete(id);
    return caf.call(window, id);
  };

  const sources = new Map();
  const NativeEventSource = window.EventSource;
  window.EventSource = class EventSource extends NativeEventSource {
    constructor(url, init) {
      super(url, init);
      sources.set(this, String(url).replace(location.origin, ''));
    }

    close() {
      sources.delete(this);
      super.close();
    }
  };

  let fetches = 0;
  const nativeFetch = window.fetch;
  window.fetch = function fetch(...args) {
    fetches++;
    const p = nativeFetch.apply(this, args);
    p.then(
      () => fetches--,
      () => fetches--,
    );
    return p;
  };

  // target → type → listener → capture → where. `once` listeners remove themselves; a signal's
  // abort removes its listener.
  const listeners = new Map();
  const watched = (t) => t === window || t === document || t instanceof MediaQueryList;
  const capture = (o) => (typeof o === 'boolean' ? o : !!o?.capture);
  const { addEventListener: add, removeEventListener: remove } = EventTarget.prototype;
  // Emptied entries go, so the probe itself holds no removed listener (nor what it closes over).
  const forget = (t, type, l, c) => {
    const byType = listeners.get(t);
    const byListener = byType?.get(type);
    const byCapture = byListener?.get(l);
    if (!byCapture?.delete(c) || byCapture.size) return;
    byListener.delete(l);
    if (byListener.size) return;
    byType.delete(type);
    if (!byType.size) listeners.delete(t);
  };
  EventTarget.prototype.addEventListener = function addEventListener(type, l, o) {
    if (l && watched(this) && !(typeof o === 'object' && o?.once)) {
      const byType = listeners.get(this) ?? listeners.set(this, new Map()).get(this);
      const byListener = byType.get(type) ?? byType.set(type, new Map()).get(type);
      const byCapture = byListener.get(l) ?? byListener.set(l, new Map()).get(l);
      const c = capture(o);
      if (!byCapture.has(c) && !o?.signal?.aborted) {
        byCapture.set(c, where());
        if (o?.signal) add.call(o.signal, 'abort', () => forget(this, type, l, c), { once: true });
      }
    }
    return add.call(this, type, l, o);
  };
  EventTarget.prototype.removeEventListener = function removeEventListener(type, l, o) {
    if (l && watched(this)) forget(this, type, l, capture(o));
    return remove.call(this, type, l, o);
  };
  // The legacy MediaQueryList API is defined as add/removeEventListener('change').
  MediaQueryList.prototype.addListener = function addListener(l) {
    this.addEventListener('change', l);
  };
  MediaQueryList.prototype.removeListener = function removeListener(l) {
    this.removeEventListener('change', l);
  };

  const defines = {};
  const define = CustomElementRegistry.prototype.define;
  CustomElementRegistry.prototype.define = function (name, ...rest) {
    defines[name] = (defines[name] ?? 0) + 1;
    return define.call(this, name, ...rest);
  };

  const listed = (kind) =>
    [...listeners]
      .filter(([t]) =>
        kind === 'window' ? t === window : kind === 'document' ? t === document : t instanceof MediaQueryList,
      )
      .flatMap(([, byType]) =>
        [...byType].flatMap(([type, byListener]) =>
          [...byListener.values()].flatMap((byCapture) => [...byCapture.values()].map((w) => `${type}: ${w}`)),
        ),
      );
  /** What is live now, each with where it was made. */
  window.__life = () => ({
    timeouts: [...timeouts.values()],
    intervals: [...intervals.values()],
    frames: [...frames.values()],
    // readyState 2 is CLOSED: closed by close(), or given up by the browser.
    streams: [...sources].filter(([s]) => s.readyState !== 2 || !sources.delete(s)).map(([, url]) => url),
    fetches: Array(fetches).fill('fetch'),
    windowListeners: listed('window'),
    documentListeners: listed('document'),
    mediaListeners: listed('media'),
    // Subscribers of the page-wide stores (nanostores' listener count): each connected widget's.
    storeListeners: Array((window.__kith?.config.lc ?? 0) + (window.__kith?.consent.lc ?? 0)).fill(
      '$config or $consent',
    ),
    defines,
  });
}

/** Counts in the page (from `instrument`), DOM counters after a forced GC, and the server's open streams. */
async function measure(page, cdp) {
  // Let the stores' unmount delays (1 s) and the last answers run out first.
  await page.waitForTimeout(1300);
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const dom = await cdp.send('Memory.getDOMCounters');
  const heap = await cdp.send('Runtime.getHeapUsage');
  const live = await page.evaluate(() => window.__life());
  // The server learns of a closed stream when its socket closes, a moment after the page closed it;
  // under load that can take longer than the wait above. A stream the server keeps is still caught:
  // it does not go away within SERVER_SETTLE_MS (heartbeats, which would end it, come every 15 s).
  const settleStarted = Date.now();
  let serverStreams;
  let serverFirst;
  do {
    serverStreams = (await (await fetch(`${server.url}/healthz`)).json()).streams;
    serverFirst ??= `${serverStreams} on the server, ${live.streams.length} in the page`;
    if (serverStreams === live.streams.length) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  } while (Date.now() - settleStarted < SERVER_SETTLE_MS);
  const lists = Object.fromEntries(Object.entries(live).filter(([k]) => k !== 'defines'));
  return {
    counts: {
      ...Object.fromEntries(Object.entries(lists).map(([k, v]) => [k, v.length])),
      serverStreams,
      documents: dom.documents,
      jsEventListeners: dom.jsEventListeners,
      nodes: dom.nodes,
    },
    lists,
    defines: live.defines,
    heapMB: +(heap.usedSize / 2 ** 20).toFixed(1),
    serverSettle: `${Date.now() - settleStarted} ms (from ${serverFirst})`,
  };
}

/** A page through `cycles` remove/re-add cycles, measured after the warm-up block and at the end. */
async function live(query, blocks) {
  const { teamId } = await openTeam();
  const page = await browser.newPage({ viewport: { width: 1000, height: 900 } });
  const cdp = await page.context().newCDPSession(page);
  const logs = { errors: [], warnings: [] };
  const chunks = new Map();
  page.on('console', (m) =>
    (m.type() === 'error' ? logs.errors : m.type() === 'warning' ? logs.warnings : []).push(m.text()),
  );
  page.on('pageerror', (e) => logs.errors.push(`pageerror: ${e.message}`));
  page.on('request', (r) => r.url().includes('/cdn/') && chunks.set(r.url(), (chunks.get(r.url()) ?? 0) + 1));
  await page.addInitScript(instrument);
  try {
    const started = Date.now();
    // Signed in, and following a team (?kith_team), so the group buy streams too beside the live badge.
    await page.goto(`${server.url}/probe/page?life=1&signed=1&kith_team=${teamId}&${query}`);
    const first = await page.evaluate(() => window.life.settle(10_000));
    const unsettled = first ? [] : ['first load'];
    let lastViewers;
    const block = async () => {
      // The show's viewer count moves while the widgets come and go: pushes arrive on streams being
      // closed and opened, and the badge schedules its announcements.
      const pushing = pushViewers();
      unsettled.push(...(await page.evaluate((n) => window.life.cycle(n), BLOCK.quick)));
      unsettled.push(...(await page.evaluate(() => window.life.cycle(1, { churn: true }))));
      unsettled.push(...(await page.evaluate((gapMs) => window.life.cycle(1, { gapMs }), BLOCK.gapMs)));
      lastViewers = await pushing.stop();
    };
    await block();
    const warm = await measure(page, cdp);
    for (let i = 1; i < blocks; i++) await block();
    const end = await measure(page, cdp);
    const badge = await page.evaluate(() =>
      document.querySelector('kith-live-badge').shadowRoot.querySelector('[part="viewers"]')?.textContent.trim(),
    );
    // Every widget removed: nothing of theirs may stay open.
    await page.evaluate(() =>
      document.querySelectorAll('main > *').forEach((el) => el.localName.startsWith('kith-') && el.remove()),
    );
    const gone = await measure(page, cdp);
    const state = await page.evaluate(() => ({
      loader: window.__kithLoader?.src,
      errors: window.probe.errors,
      widgets: document.querySelectorAll('main > *').length,
    }));
    return {
      cycles: blocks * (BLOCK.quick + 2),
      warm,
      end,
      gone,
      unsettled,
      logs,
      chunks,
      ...state,
      badge,
      lastViewers,
      ms: Date.now() - started,
    };
  } finally {
    await page.close();
  }
}

/** The shop's backend: an admin API call with the secret key. */
async function admin(method, path, body) {
  const headers = {
    authorization: `Bearer ${server.shop.secretKey}`,
    'content-type': 'application/json',
    'idempotency-key': crypto.randomUUID(),
  };
  const r = await fetch(`${server.url}/v1/admin${path}`, { method, headers, body: body && JSON.stringify(body) });
  assert.ok(r.ok, `${method} ${path}: ${r.status} ${await r.text()}`);
}

/** Reports a new viewer count for the live show every 200 ms until `stop()`. */
function pushViewers() {
  let running = true;
  let viewers = 100;
  const loop = (async () => {
    while (running) {
      await admin('PUT', '/live/shows/show-1/viewers', { viewerCount: viewers++ });
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  })();
  return { stop: () => ((running = false), loop.then(() => viewers - 1)) };
}

/** The demo's open team for p1, to follow. */
async function openTeam() {
  const r = await fetch(`${server.url}/v1/products/p1/group-buy`, {
    headers: { authorization: 'Bearer pk_demo_shop' },
  });
  const offer = await r.json();
  const team = offer.teams?.[0];
  assert.ok(team, `the demo seed has an open team to follow: ${JSON.stringify(offer).slice(0, 200)}`);
  return { teamId: team.id };
}

const TAGS = [
  'kith-referral-offer',
  'kith-live-badge',
  'kith-rating',
  'kith-points-earn',
  'kith-share-button',
  'kith-group-buy',
  'kith-points',
  'kith-reviews',
];

/** Where the growth was made: the origins with more live items at the end, most first. */
function grown(before, now) {
  const count = (list) => list.reduce((m, x) => m.set(x, (m.get(x) ?? 0) + 1), new Map());
  const was = count(before);
  return [...count(now)]
    .map(([x, n]) => [x, n - (was.get(x) ?? 0)])
    .filter(([, d]) => d > 0)
    .sort((a, b) => b[1] - a[1])
    .map(([x, d]) => `+${d} ${x}`);
}

/** The verdict: what is wrong, empty when it passes. */
function lifeFailures(r) {
  const wrong = [];
  const errors = [...r.errors, ...r.logs.errors];
  if (errors.length) wrong.push(`errors: ${errors.join(' | ')}`);
  if (r.unsettled.length) wrong.push(`cycles that did not settle in 5 s: ${r.unsettled.join(', ')}`);
  // One runtime: the first loader is active, the second warns once and stays idle.
  if (!r.loader?.endsWith('/cdn/kith.js')) wrong.push(`the active loader is ${r.loader}, expected /cdn/kith.js`);
  const idle = r.logs.warnings.filter((w) =>
    /Kith is already loaded on this page from .*\/cdn\/kith\.js; this copy \(.*\/cdn\/kith\.js\?copy=2\) stays idle/.test(
      w,
    ),
  );
  if (idle.length !== 1) wrong.push(`the second loader warned ${idle.length} times that it stays idle, expected once`);
  const twice = r.logs.warnings.filter((w) => /already defined/.test(w));
  if (twice.length) wrong.push(`second definitions: ${twice.join(' | ')}`);
  for (const tag of TAGS)
    if (r.end.defines[tag] !== 1) wrong.push(`<${tag}> defined ${r.end.defines[tag] ?? 0} times, expected once`);
  for (const [url, n] of r.chunks) if (n > 1 && !url.includes('?copy=2')) wrong.push(`${url} requested ${n} times`);
  for (const [k, allowed] of Object.entries(TOLERANCE)) {
    const grew = r.end.counts[k] - r.warm.counts[k];
    if (grew > allowed) {
      const added = r.end.lists[k] ? ` (${grown(r.warm.lists[k], r.end.lists[k]).slice(0, 3).join(' | ')})` : '';
      wrong.push(
        `${k} grew by ${grew} from ${r.warm.counts[k]} after ${BLOCK.quick + 2} cycles to ${r.end.counts[k]} after ${r.cycles} (allowed ${allowed})${added}`,
      );
    }
  }
  for (const k of ['streams', 'serverStreams', 'intervals', 'fetches', 'storeListeners']) {
    if (r.gone.counts[k] > 0)
      wrong.push(
        `${k} still open with every widget removed: ${r.gone.counts[k]} ${r.gone.lists[k]?.slice(0, 3).join(' | ') ?? ''}`,
      );
  }
  return wrong;
}

describe('probe: double load and SPA life', () => {
  it('the loader twice, every widget removed and re-added 100 times: no errors, one runtime, no growth', async () => {
    const r = await live('', 10);
    console.log(
      `  ${r.cycles} cycles in ${(r.ms / 1000).toFixed(1)} s; heap ${r.warm.heapMB} → ${r.end.heapMB} MB; the server's stream count matched the page's after ${r.warm.serverSettle}, ${r.end.serverSettle} and ${r.gone.serverSettle}`,
    );
    console.log(
      `  after ${BLOCK.quick + 2} cycles: ${JSON.stringify(r.warm.counts)}\n  after ${r.cycles}:       ${JSON.stringify(r.end.counts)}\n  all removed:      ${JSON.stringify(r.gone.counts)}`,
    );
    assert.deepEqual(lifeFailures(r), []);
    // The page did stream: the live badge and the followed team, each one connection, server-side
    // too; the newest badge shows the last viewer count pushed.
    assert.equal(r.badge, `${r.lastViewers} watching`);
    assert.equal(r.end.counts.streams, 2, `two open streams with the widgets on the page: ${r.end.lists.streams}`);
    assert.equal(r.end.counts.serverStreams, 2, 'two streams open on the server');
  });

  it('fails on purpose: a listener (holding the removed widgets), an interval and a stream leaked on every re-add are caught', async () => {
    const r = await live('break=leak', 2);
    const wrong = lifeFailures(r);
    for (const k of ['windowListeners', 'intervals', 'streams', 'jsEventListeners', 'nodes']) {
      assert.ok(
        wrong.some((w) => w.startsWith(`${k} grew`)),
        `${k} growth is caught: ${wrong.join('\n')}`,
      );
    }
  });
});
