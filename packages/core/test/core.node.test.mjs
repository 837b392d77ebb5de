import assert from 'node:assert/strict';
import { describe, it, afterEach } from 'node:test';
import { cpSync, rmSync } from 'node:fs';
import {
  $config,
  $consent,
  configure,
  configFromDataset,
  setConsent,
  track,
  uuid,
  HttpError,
  KithError,
  NetworkError,
  TimeoutError,
  UnsupportedError,
  isHttpError,
  isKithError,
  isNetworkError,
  isTimeoutError,
  isUnsupportedError,
  isAbortError,
  toKithError,
  translate,
  registerStrings,
  loadStrings,
  localeChain,
  formatCompact,
  formatMoney,
  formatRelative,
  pluralCategory,
  toIcs,
  icsHref,
  tickFor,
  AnnouncerController,
  ClockController,
} from '@kith/core';
import { ga4Sink } from '@kith/core/analytics/ga4';

describe('errors', () => {
  it('guards recognise each class, and brands survive a second copy of the classes', () => {
    const http = new HttpError(409, 'team_full', 'Full', { idempotencyKey: 'k' });
    assert.equal(http.status, 409);
    assert.equal(http.code, 'team_full');
    // Last: the `!isTimeoutError` check narrows `http` to never (an HttpError is structurally a TimeoutError).
    assert.ok(isKithError(http) && isHttpError(http) && !isTimeoutError(http));
    assert.ok(
      isTimeoutError(new TimeoutError()) &&
        isNetworkError(new NetworkError()) &&
        isUnsupportedError(new UnsupportedError('x')),
    );
    // A look-alike from another copy of @kith/core carries the same Symbol.for brand.
    const foreign = Object.create({ [Symbol.for('kith.error')]: 'HttpError' });
    assert.ok(isHttpError(foreign));
    assert.ok(!isKithError(new Error('plain')));
  });

  it('toKithError wraps anything and keeps the cause; aborts are recognised', () => {
    const cause = new TypeError('boom');
    const e = toKithError(cause);
    assert.ok(e instanceof KithError);
    assert.equal(e.cause, cause);
    assert.equal(toKithError(e), e);
    assert.ok(isAbortError(new DOMException('x', 'AbortError')));
    assert.ok(!isAbortError(new Error('x')));
  });
});

describe('uuid', () => {
  it('is RFC 4122 version 4 and unique', () => {
    const ids = new Set(Array.from({ length: 1000 }, uuid));
    assert.equal(ids.size, 1000);
    for (const id of ids) assert.match(id, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});

describe('configure and consent', () => {
  afterEach(() => {
    $config.set({});
    setConsent('denied');
  });

  it('merges options and keeps keys left out', () => {
    configure({ locale: 'zh-CN', shop: 's1' });
    configure({ currency: 'CNY' });
    assert.deepEqual(
      { ...$config.get(), analytics: undefined },
      { locale: 'zh-CN', shop: 's1', currency: 'CNY', analytics: undefined },
    );
  });

  it('reads the loader script data-* attributes', () => {
    assert.deepEqual(
      configFromDataset({ locale: 'en-GB', currency: 'usd', shop: 'x', consent: 'granted', adapter: 'memory' }),
      { locale: 'en-GB', currency: 'USD', shop: 'x', consent: 'granted' },
    );
    assert.deepEqual(configFromDataset({ consent: 'maybe' }), {});
    // data-sign-in-url: the host's sign-in page, linked by every action that needs a signed-in shopper.
    assert.deepEqual(configFromDataset({ signInUrl: '/account/login' }), { signInUrl: '/account/login' });
  });

  it('starts with nothing consented; partial grants keep the rest', () => {
    assert.deepEqual($consent.get(), { analytics: false, storage: false });
    setConsent({ analytics: true });
    assert.deepEqual($consent.get(), { analytics: true, storage: false });
    setConsent('granted');
    assert.deepEqual($consent.get(), { analytics: true, storage: true });
  });

  it('keeps page-wide state on one versioned global', () => {
    assert.equal(globalThis.__kith.schema, 1);
    assert.equal(globalThis.__kith.config, $config);
  });
});

describe('analytics', () => {
  afterEach(() => {
    $config.set({});
    setConsent('denied');
  });
  const input = {
    name: 'widget_click',
    widget: 'live-badge',
    instanceId: 'i1',
    product: 'p1',
    props: { status: 'live' },
  };

  it('drops events until analytics consent, then sends one versioned envelope to every sink', () => {
    const seen = [];
    configure({ analytics: [(e) => seen.push(e)], shop: 'shop-1' });
    assert.equal(track(input), undefined);
    assert.equal(seen.length, 0);
    setConsent({ analytics: true });
    track(input);
    assert.equal(seen.length, 1);
    const [e] = seen;
    assert.equal(e.schema, 1);
    assert.equal(e.shop, 'shop-1');
    assert.equal(e.sessionId, globalThis.__kith.sessionId);
    assert.ok(Math.abs(e.timestamp - Date.now()) < 1000);
    assert.deepEqual(
      { name: e.name, widget: e.widget, instanceId: e.instanceId, product: e.product, props: e.props },
      input,
    );
  });

  it('isolates a failing sink from the others', () => {
    const seen = [];
    const warn = console.warn;
    console.warn = () => {};
    try {
      configure({
        analytics: [
          () => {
            throw new Error('bad sink');
          },
          (e) => seen.push(e),
        ],
        consent: 'granted',
      });
      track(input);
    } finally {
      console.warn = warn;
    }
    assert.equal(seen.length, 1);
  });

  it('ga4Sink pushes flat GA4 events to a dataLayer', () => {
    const dataLayer = [];
    configure({ analytics: ga4Sink({ dataLayer }), consent: 'granted' });
    track(input);
    assert.equal(dataLayer.length, 1);
    assert.equal(dataLayer[0].event, 'kith_widget_click');
    assert.equal(dataLayer[0].item_id, 'p1');
    assert.equal(dataLayer[0].status, 'live');
    assert.equal(dataLayer[0].kith_widget, 'live-badge');
  });
});

describe('i18n', () => {
  registerStrings('test', 'en', { hello: 'Hello {name}', 'items.one': '{count} item', 'items.other': '{count} items' });
  registerStrings('test', 'zh-CN', { hello: '你好，{name}' });

  it('translates with placeholders, plural forms and fallbacks', () => {
    assert.equal(translate('test', 'en', 'hello', { name: 'Ana' }), 'Hello Ana');
    assert.equal(translate('test', 'en', 'items', { count: 1 }), '1 item');
    assert.equal(translate('test', 'en', 'items', { count: 3 }), '3 items');
    assert.equal(translate('test', 'zh-CN', 'hello', { name: '林' }), '你好，林');
    assert.equal(translate('test', 'zh-CN', 'items', { count: 2 }), '2 items', 'falls back to English');
    assert.equal(translate('test', 'fr', 'missing'), 'missing', 'an unknown key shows itself');
    assert.equal(
      translate('test', 'en', 'hello', { name: 'Ana' }, { hello: 'Hi {name}!' }),
      'Hi Ana!',
      'overrides win',
    );
  });

  it('walks the locale chain; bare zh means Simplified, Hant means Traditional', () => {
    assert.deepEqual(localeChain('zh-Hant-TW'), ['zh-hant-tw', 'zh-hant', 'zh', 'zh-tw', 'en']);
    assert.deepEqual(localeChain('zh'), ['zh', 'zh-cn', 'en']);
    assert.deepEqual(localeChain('en-GB'), ['en-gb', 'en']);
  });

  it('loads a lazily registered table once and then needs nothing', async () => {
    let calls = 0;
    registerStrings('lazy', 'en', { hi: 'Hi' });
    registerStrings('lazy', 'de', async () => {
      calls++;
      return { default: { hi: 'Hallo' } };
    });
    assert.equal(translate('lazy', 'de', 'hi'), 'Hi');
    const job = loadStrings('lazy', 'de-AT');
    assert.ok(job);
    assert.ok(loadStrings('lazy', 'de'), 'a second caller waits on the load under way');
    await job;
    assert.equal(translate('lazy', 'de-AT', 'hi'), 'Hallo');
    assert.equal(loadStrings('lazy', 'de'), undefined);
    assert.equal(calls, 1);
  });

  it('formats with Intl: compact counts, money in minor units, relative time, plurals', () => {
    assert.equal(formatCompact('en', 1284), '1.3K');
    assert.equal(formatCompact('zh-CN', 12840), '1.3万');
    assert.equal(formatMoney('en', { minor: 5900, currency: 'USD' }), '$59.00');
    assert.equal(formatMoney('en', { minor: 5900, currency: 'JPY' }), '¥5,900');
    const now = Date.UTC(2026, 0, 1);
    assert.equal(formatRelative('en', now + 2 * 3_600_000, now), 'in 2 hr.');
    assert.equal(formatRelative('zh-CN', now + 2 * 3_600_000, now), '2小时后');
    assert.equal(formatRelative('en', now - 5 * 60_000, now), '5 min. ago');
    assert.equal(formatRelative('en', now + 2 * 3_600_000 - 60_000, now), 'in 2 hr.', 'rounded, not truncated');
    assert.equal(pluralCategory('en', 1), 'one');
    assert.equal(pluralCategory('zh-CN', 1), 'other');
  });
});

describe('calendar', () => {
  it('writes an RFC 5545 event with escaped text and CRLF lines', () => {
    const ics = toIcs(
      { uid: 's1', title: 'Drop; live, now', start: '2026-12-01T10:00:00.000Z', url: 'https://x.test/s1' },
      new Date('2026-11-01T00:00:00Z'),
    );
    assert.ok(ics.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n'));
    assert.match(ics, /\r\nDTSTART:20261201T100000Z\r\n/);
    assert.match(ics, /\r\nDTSTAMP:20261101T000000Z\r\n/);
    assert.match(ics, /\r\nSUMMARY:Drop\\; live\\, now\r\n/);
    assert.match(ics, /\r\nDURATION:PT60M\r\n/);
    assert.ok(icsHref(ics).startsWith('data:text/calendar;charset=utf-8,BEGIN%3AVCALENDAR'));
  });
});

// Controllers are plain classes: a minimal host is enough to test their timing. It stands in for
// the ReactiveElement the controllers take, hence the cast.
/** @typedef {import('lit').ReactiveElement & { controllers: unknown[], updates: number }} FakeHost */
function fakeHost() {
  const host = {
    controllers: [],
    updates: 0,
    isConnected: true,
    addController(c) {
      this.controllers.push(c);
    },
    requestUpdate() {
      this.updates++;
    },
  };
  return /** @type {FakeHost} */ (/** @type {unknown} */ (host));
}

describe('controllers', () => {
  it('tickFor ticks rarely far out and every second near zero', () => {
    assert.equal(tickFor(3 * 3_600_000), 60_000);
    assert.equal(tickFor(10 * 60_000), 15_000);
    assert.equal(tickFor(30_000), 1_000);
    assert.equal(tickFor(0), null);
  });

  it('ClockController re-renders until the target, and stops on disconnect', async () => {
    const host = fakeHost();
    const clock = new ClockController(host, () => Date.now() + 1500);
    clock.hostConnected();
    await new Promise((r) => setTimeout(r, 1100));
    assert.equal(host.updates, 1);
    clock.hostDisconnected();
    await new Promise((r) => setTimeout(r, 1100));
    assert.equal(host.updates, 1, 'no tick after disconnect');
  });

  it('AnnouncerController says urgent news at once and throttles the rest', async () => {
    const host = fakeHost();
    const a = new AnnouncerController(host, 200);
    a.announce('Live now', true);
    assert.equal(a.value, 'Live now');
    a.announce('120 watching');
    a.announce('130 watching');
    assert.equal(a.value, 'Live now', 'counter updates wait for the interval');
    await new Promise((r) => setTimeout(r, 260));
    assert.equal(a.value, '130 watching', 'only the latest pending text is said');
    a.announce('140 watching');
    a.hostDisconnected();
    await new Promise((r) => setTimeout(r, 260));
    assert.equal(a.value, '130 watching', 'nothing is said after disconnect');
  });
});

describe('two copies on one page', () => {
  it('a second, separately loaded copy of @kith/core shares config and consent', async () => {
    // A second copy of the built package, as a second bundle on the page would carry.
    const dist = new URL('../dist/', import.meta.url);
    const second = new URL('./.second-copy/', import.meta.url);
    rmSync(second, { recursive: true, force: true });
    cpSync(dist, second, { recursive: true });
    const copy = await import(new URL('index.js', second).href);
    rmSync(second, { recursive: true, force: true });
    assert.notEqual(copy.configure, configure, 'really a second module instance');
    copy.configure({ shop: 'shared-shop' });
    assert.equal($config.get().shop, 'shared-shop');
    setConsent('granted');
    assert.deepEqual(copy.$consent.get(), { analytics: true, storage: true });
    setConsent('denied');
    $config.set({});
  });
});
