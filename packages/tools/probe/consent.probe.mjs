// `npm run probe`, consent: every widget, signed in, with the GA4 sink (`data-analytics="ga4"`),
// landing through a real referral link (`?kith_ref=CODE`), and no consent given. A shopper opens the
// share menu, copies the link, shows the QR code, sorts the reviews, clicks the rating and the live
// badge, with every widget in view long enough for an impression. Pass: 0 analytics requests (the referral visit, a
// beacon, a third-party origin, an analytics-looking path), 0 cookies, 0 localStorage,
// sessionStorage, IndexedDB or Cache Storage writes, 0 dataLayer pushes. Granting consent then starts
// them: the visit is recorded once, with the browser session's visitor id kept in sessionStorage, the
// code kept in localStorage, and the new interactions reach the dataLayer; withdrawing it stops them
// again and takes both back. `?break=consent` (host.js) stores, sets a cookie, sends
// a beacon and pushes an event before consent, and the verdict fails. Run after `npm run build`.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { chromium } from 'playwright';
import { CHROMIUM_ARGS, findChromium } from '../src/chromium.mjs';
import { startProbeServer } from './probe-server.mjs';

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
/** The events the shopper's interactions send once analytics are allowed: GA4 name and widget. */
const INTERACTION_EVENTS = [
  'kith_share_initiated share-button',
  'kith_share_completed share-button',
  'kith_reviews_sort reviews',
  'kith_widget_click rating',
  'kith_widget_click live-badge',
];
/** The shopper's name on the page: analytics must never carry it. */
const SHOPPER_NAME = 'Probe';

let server;
let browser;
let code;
before(async () => {
  server = await startProbeServer();
  browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
  // A real referral code: another shopper's personal link, made through the API.
  const r = await fetch(`${server.url}/v1/referrals/links`, {
    method: 'POST',
    headers: {
      authorization: 'Bearer pk_demo_shop',
      'x-kith-customer': await server.customerToken('probe-advocate'),
      'idempotency-key': 'probe-advocate-link',
      'content-type': 'application/json',
    },
    body: JSON.stringify({ url: `${server.url}/probe/page`, displayName: 'Ada' }),
  });
  ({ code } = await r.json());
  assert.ok(r.ok && code, `a referral code from the API (${r.status})`);
});
after(async () => {
  await browser?.close();
  await server?.close();
});

/**
 * Runs before the page's scripts (an init script is not subject to its CSP): records every Web
 * Storage write, cookie write (document.cookie and cookieStore), IndexedDB open, beacon, and
 * dataLayer push, whoever makes it; and the bodies of referral visits, which the browser sends as a
 * stream the request events cannot show.
 */
function instrument() {
  const log = (window.__consent = { storage: [], cookies: [], beacons: [], dataLayer: [], visitBodies: [] });
  const fetch = window.fetch;
  window.fetch = function (input, init) {
    const url = input instanceof Request ? input.url : String(input);
    if (/\/referrals\/[^/]+\/visits$/.test(new URL(url, location.href).pathname)) {
      (input instanceof Request ? input.clone().text() : Promise.resolve(String(init?.body ?? ''))).then((b) =>
        log.visitBodies.push(b ? JSON.parse(b) : {}),
      );
    }
    return fetch.call(this, input, init);
  };
  const short = (v) => String(v).slice(0, 80);
  for (const m of ['setItem', 'removeItem', 'clear']) {
    const native = Storage.prototype[m];
    Storage.prototype[m] = function (...args) {
      log.storage.push(
        `${this === window.localStorage ? 'localStorage' : 'sessionStorage'}.${m}(${args.map(short).join(', ')})`,
      );
      return native.apply(this, args);
    };
  }
  const open = IDBFactory.prototype.open;
  IDBFactory.prototype.open = function (...args) {
    log.storage.push(`indexedDB.open(${short(args[0])})`);
    return open.apply(this, args);
  };
  const cookie = Object.getOwnPropertyDescriptor(Document.prototype, 'cookie');
  Object.defineProperty(Document.prototype, 'cookie', {
    configurable: true,
    get() {
      return cookie.get.call(this);
    },
    set(v) {
      log.cookies.push(short(v));
      cookie.set.call(this, v);
    },
  });
  if (window.CookieStore) {
    for (const m of ['set', 'delete']) {
      const native = CookieStore.prototype[m];
      CookieStore.prototype[m] = function (...args) {
        log.cookies.push(`cookieStore.${m}(${short(JSON.stringify(args))})`);
        return native.apply(this, args);
      };
    }
  }
  const beacon = Navigator.prototype.sendBeacon;
  Navigator.prototype.sendBeacon = function (url, data) {
    log.beacons.push(short(url));
    return beacon.call(this, url, data);
  };
  // The dataLayer, and any array the page puts in its place, records what is pushed.
  const recording = (layer) => {
    const push = layer.push;
    layer.push = function (...items) {
      for (const item of items) log.dataLayer.push(JSON.parse(JSON.stringify(item ?? null)));
      return push.apply(this, items);
    };
    return layer;
  };
  let layer = recording([]);
  Object.defineProperty(window, 'dataLayer', {
    configurable: true,
    get: () => layer,
    set: (v) => {
      layer = Array.isArray(v) ? recording(v) : v;
    },
  });
}

/** What Kith could send for analytics, by URL and type; undefined for anything else. */
function analyticsKind(request, origin) {
  const u = new URL(request.url());
  if (!u.protocol.startsWith('http')) return undefined;
  if (request.resourceType() === 'ping') return 'beacon';
  if (u.origin !== origin) return 'third-party';
  if (/\/referrals\/[^/]+\/visits$/.test(u.pathname)) return 'referral visit';
  if (/(^|\/)(collect|analytics|track|tracking|beacon|pixel|gtag|gtm(\.js)?)(\/|$)/i.test(u.pathname))
    return 'analytics path';
  return undefined;
}

/** Opens the page with the instrumentation; `requests` collects every analytics request. */
async function open(query) {
  const context = await browser.newContext({
    viewport: { width: 1000, height: 3400 },
    permissions: ['clipboard-read', 'clipboard-write'],
  });
  const page = await context.newPage();
  const analytics = [];
  const errors = [];
  page.on('request', (r) => {
    const kind = analyticsKind(r, server.url);
    if (kind) analytics.push(`${kind}: ${r.method()} ${r.url().replace(server.url, '')}`);
  });
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await page.addInitScript(instrument);
  await page.goto(`${server.url}/probe/page?signed=1&analytics=ga4&kith_ref=${code}&${query}`);
  await page.waitForFunction(
    (tags) => tags.every((t) => ['ready', 'empty'].includes(document.querySelector(t)?.getAttribute('state'))),
    TAGS,
    { timeout: 15_000 },
  );
  // The rating as a link to the reviews, so a click on it is an interaction it reports; the host
  // opens the live show its own way, so a click on the badge stays on the page.
  await page.evaluate(() => {
    document.querySelector('kith-rating').setAttribute('href', '#below');
    document.addEventListener('kith-live-open', (e) => e.preventDefault());
  });
  return { context, page, analytics, errors };
}

/** A shopper's visit: share menu, copy the link, the QR code, a sort of the reviews, the rating, the live badge. */
async function shop(page, sort) {
  const share = page.locator('kith-share-button');
  await share.locator('[part="button"]').click();
  await share.locator('[data-channel="copy"]').click();
  await page.waitForFunction(
    () =>
      document.querySelector('kith-share-button').shadowRoot.querySelector('[part="message"]')?.textContent ===
      'Link copied',
  );
  await share.locator('[data-channel="qr"]').click();
  await page.keyboard.press('Escape');
  await page.locator('kith-reviews').locator('[part="sort"]').selectOption(sort);
  await page.locator('kith-rating').locator('a[part="base"]').click();
  await page.locator('kith-live-badge').locator('a[part="pill"]').click();
  for (const tag of TAGS) await page.locator(tag).hover({ trial: false, force: true });
  // Every widget is in the tall viewport: a second and a bit is an impression for each.
  await page.waitForTimeout(1300);
}

/** Everything the page stored, set or sent so far. */
async function snapshot({ context, page, analytics, errors }) {
  const inPage = await page.evaluate(async () => ({
    ...structuredClone(window.__consent),
    localStorage: Object.keys(localStorage),
    sessionStorage: Object.keys(sessionStorage),
    indexedDB: (await indexedDB.databases()).map((d) => d.name),
    caches: await caches.keys(),
    kithRef: localStorage.getItem('kith_ref'),
    kithVisit: sessionStorage.getItem('kith_visit'),
  }));
  return {
    ...inPage,
    cookieJar: (await context.cookies()).map((c) => c.name),
    analytics: [...analytics],
    errors: [...errors],
  };
}

/** The verdict before consent: each breach, empty when it passes. */
function breaches(s) {
  const wrong = [];
  if (s.analytics.length || s.beacons.length)
    wrong.push(`analytics requests: ${[...s.analytics, ...s.beacons.map((b) => `sendBeacon ${b}`)].join(', ')}`);
  if (s.cookies.length || s.cookieJar.length) wrong.push(`cookies: ${[...s.cookies, ...s.cookieJar].join(', ')}`);
  const stored = [
    ...s.storage,
    ...s.localStorage.map((k) => `localStorage[${k}]`),
    ...s.sessionStorage.map((k) => `sessionStorage[${k}]`),
    ...s.indexedDB.map((d) => `indexedDB ${d}`),
    ...s.caches.map((c) => `caches ${c}`),
  ];
  if (stored.length) wrong.push(`storage writes: ${stored.join(', ')}`);
  if (s.dataLayer.length) wrong.push(`dataLayer events: ${s.dataLayer.map((e) => e?.event).join(', ')}`);
  return wrong;
}

const consent = (page, detail) =>
  page.evaluate((d) => document.dispatchEvent(new CustomEvent('kith-consent', { detail: d })), detail);

describe('probe: consent', () => {
  it('denied: nothing sent or stored; granted later: the visit, the kept code and the events start; withdrawn: they stop', async () => {
    const visit = await open('');
    try {
      await shop(visit.page, 'highest');
      await visit.page.waitForTimeout(300);
      const denied = await snapshot(visit);
      assert.deepEqual(breaches(denied), [], 'nothing before consent');
      assert.deepEqual(denied.errors, []);

      // Granted: the referral visit is recorded once, the code kept, the new interactions tracked.
      await consent(visit.page, 'granted');
      await shop(visit.page, 'lowest');
      await visit.page.waitForFunction(() => localStorage.getItem('kith_ref'));
      const granted = await snapshot(visit);
      assert.deepEqual(
        granted.analytics,
        [`referral visit: POST /v1/referrals/${code}/visits`],
        'one visit, nothing else',
      );
      assert.deepEqual(granted.beacons, []);
      assert.equal(JSON.parse(granted.kithRef).code, code, 'the code kept in localStorage');
      assert.deepEqual(
        [...granted.localStorage, ...granted.sessionStorage],
        ['kith_ref', 'kith_visit'],
        'only the attribution and the visitor id are stored',
      );
      assert.match(granted.kithVisit, /^[\w-]{8,100}$/, 'a random visitor id for this browser session');
      assert.deepEqual(
        granted.visitBodies.map((v) => v.sessionId),
        [granted.kithVisit],
        'the visit carries it, so the server counts this visitor once',
      );
      assert.deepEqual([...granted.cookies, ...granted.cookieJar], [], 'no cookies, ever');
      const events = granted.dataLayer.map((e) => `${e.event} ${e.kith_widget}`);
      for (const name of INTERACTION_EVENTS)
        assert.ok(events.includes(name), `${name} pushed after consent: ${events.join(', ')}`);
      assert.ok(
        events.every((e) => e.startsWith('kith_')),
        `only Kith events: ${events.join(', ')}`,
      );
      assert.ok(!JSON.stringify(granted.dataLayer).includes(SHOPPER_NAME), 'no shopper name in analytics');

      // Withdrawn: new interactions push nothing, send nothing, store nothing.
      await consent(visit.page, 'denied');
      await shop(visit.page, 'helpful');
      await visit.page.waitForTimeout(300);
      const withdrawn = await snapshot(visit);
      assert.equal(
        withdrawn.dataLayer.length,
        granted.dataLayer.length,
        `no events after withdrawal: ${withdrawn.dataLayer.slice(granted.dataLayer.length).map((e) => e.event)}`,
      );
      assert.deepEqual(withdrawn.analytics, granted.analytics, 'no requests after withdrawal');
      // The only storage call after withdrawal: the kept code taken back.
      assert.deepEqual(
        withdrawn.storage
          .slice(granted.storage.length)
          .map(String)
          .filter((w) => !/remove/i.test(w)),
        [],
        'no storage writes after withdrawal',
      );
      assert.equal(withdrawn.kithRef, null, 'the kept referral code is taken back on withdrawal');
      assert.equal(withdrawn.kithVisit, null, 'and the visitor id');
      // Granted again: the visit of this landing was already recorded and is not sent twice.
      await consent(visit.page, 'granted');
      await visit.page.waitForTimeout(300);
      assert.deepEqual((await snapshot(visit)).analytics, granted.analytics, 'the visit is recorded once');
      assert.deepEqual(withdrawn.errors, []);
    } finally {
      await visit.context.close();
    }
  });

  it('fails on purpose: a page that stores, sets a cookie, beacons and tracks before consent is caught', async () => {
    const visit = await open('break=consent');
    try {
      await visit.page.waitForTimeout(300);
      const wrong = breaches(await snapshot(visit));
      for (const kind of ['analytics requests', 'cookies', 'storage writes', 'dataLayer events']) {
        assert.ok(
          wrong.some((w) => w.startsWith(kind)),
          `${kind} caught: ${wrong.join('\n')}`,
        );
      }
      assert.ok(
        wrong.some((w) => w.includes('beacon: POST /probe/collect')),
        `the beacon request is classified: ${wrong.join('\n')}`,
      );
    } finally {
      await visit.context.close();
    }
  });
});
