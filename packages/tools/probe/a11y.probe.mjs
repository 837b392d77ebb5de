// `npm run probe`, accessibility: every widget on the probe page (strict CSP + Trusted Types, the
// reference server with the demo seed), in every state a shopper can reach, keyboard only.
// - axe-core with the WCAG 2.0/2.1 A and AA and WCAG 2.2 AA rules over the whole document (axe goes
//   into open shadow roots): 0 violations signed out, signed in, on a dark page, with the backend
//   down, with every live-badge state, and in each state reached by keyboard (share menu and QR,
//   sorted and filtered reviews, the photo lightbox, the report dialog, Q&A, the review form and its
//   errors, a held group-buy seat, points check-in, redeem confirm, code and history, the referral
//   banner). Each of those checks also fails on a CSP violation or an uncaught error so far, so every
//   state is held to the strict policy as well.
// - A Tab walk from the top of the page: every enabled, visible control inside the widgets is
//   reached (one stop per radio group or tab list, whose arrow keys are checked where they're used),
//   and each looks different focused (outline, shadow, border, colours, on itself, its label or its
//   neighbour).
// - Enter, Space, arrows and Escape do what they say, judged by the DOM they leave behind.
// Each check is shown failing on a page broken on purpose (`?break=a11y|tabindex|focus-ring|keys`).
// Run after `npm run build`.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { after, before, describe, it } from 'node:test';
import { chromium } from 'playwright';
import { adjustPoints, signCustomerToken } from '@kith/server';
import { CHROMIUM_ARGS, findChromium } from '../src/chromium.mjs';
import { startProbeServer } from './probe-server.mjs';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const IN_PAGE = readFileSync(new URL('./a11y-page.js', import.meta.url), 'utf8');
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

let server;
let browser;
let referralCode;
before(async () => {
  server = await startProbeServer();
  browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
  const { shop, db, url } = server;
  // A shopper with points to spend, a shared referral code, and a show that ended with no replay.
  await adjustPoints(db, shop.id, { customerId: 'a11y-points', points: 1500, note: 'Accessibility probe' });
  const link = await api(
    '/v1/referrals/links',
    { 'X-Kith-Customer': await signCustomerToken(shop.secretKey, 'a11y-advocate', { ttlSeconds: 600 }) },
    { url: `${url}/probe/page`, displayName: 'Lin' },
  );
  referralCode = link.code;
  const admin = { Authorization: `Bearer ${shop.secretKey}` };
  await api('/v1/admin/live/shows', admin, {
    id: 'show-5',
    title: 'Sold-out restock',
    startsAt: new Date(Date.now() - 3_600_000).toISOString(),
    productIds: ['p6'],
  });
  await api('/v1/admin/live/shows/show-5/start', admin, {});
  await api('/v1/admin/live/shows/show-5/end', admin, {});
});
after(async () => {
  await browser?.close();
  await server?.close();
});

async function api(path, headers, body) {
  const res = await fetch(`${server.url}${path}`, {
    method: 'POST',
    body: JSON.stringify(body),
    headers: {
      Authorization: 'Bearer pk_demo_shop',
      'content-type': 'application/json',
      'Idempotency-Key': crypto.randomUUID(),
      ...headers,
    },
  });
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return res.json();
}

/** A fresh page on the probe host, settled: every widget out of `loading`, nothing `aria-busy`. */
async function open(query) {
  const context = await browser.newContext({ viewport: { width: 1000, height: 900 }, reducedMotion: 'reduce' });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
  await context.addInitScript({ content: `${AXE}\n${IN_PAGE}` });
  const page = await context.newPage();
  page.on('pageerror', (e) => console.log(`pageerror: ${e.message}`));
  await page.goto(`${server.url}/probe/page?${query}`);
  if (!(await poll(page, 'window.__a11y.settled()', 10_000))) throw new Error(`${query}: the widgets never settled`);
  // Let late renders (lazy chunks asked for by the first update) land.
  await page.waitForTimeout(300);
  return page;
}

/**
 * Rules whose "needs review" answers are inherent to what they look at, not a finding: the
 * contrast of symbols (★ stars, a × button) that axe can't measure as text, and whether a ×
 * named "Close" by aria-label says what it shows. Any other rule axe can't decide fails the probe.
 */
const REVIEWED = new Set(['color-contrast', 'label-content-name-mismatch']);

/** axe's violations (and undecided results outside REVIEWED) as `rule-id: target (widget)` lines; empty when the page passes. */
async function axe(page, state) {
  const lines = await page.evaluate(
    async ([tags, reviewed]) => {
      const r = await window.axe.run(document, {
        runOnly: { type: 'tag', values: tags },
        resultTypes: ['violations', 'incomplete'],
      });
      const line = (v, kind) =>
        v.nodes.map((n) => {
          const path = n.target.flat();
          return `${v.id}${kind}: ${path.join(' >> ')} (${path[0].startsWith('kith-') ? path[0].split(/[^\w-]/)[0] : 'page'})`;
        });
      // Every state this probe reaches is under the page's strict CSP with Trusted Types too (host.js
      // records violations and uncaught errors): the CSP probe's verdict, state by state.
      const page = [
        ...(window.probe?.violations ?? []).map((v) => `CSP violation: ${v}`),
        ...(window.probe?.errors ?? []).map((e) => `uncaught: ${e}`),
      ];
      return [
        ...r.violations.flatMap((v) => line(v, '')),
        ...r.incomplete.filter((v) => !reviewed.includes(v.id)).flatMap((v) => line(v, ' (needs review)')),
        ...page,
      ];
    },
    [AXE_TAGS, [...REVIEWED]],
  );
  return lines.map((l) => `${state}: ${l}`);
}

/** Presses Tab until focus cycles back to where the walk started (or `max` presses). */
async function walk(page, max = 250) {
  await page.evaluate(() => window.__a11y.reset());
  const path = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const at = await page.evaluate(() => window.__a11y.step());
    path.push(at.desc);
    if (at.index === 0 && path.length > 1) break;
  }
  return { ...(await page.evaluate(() => window.__a11y.verdict())), path };
}

/** The walk's verdict: what is wrong, empty when it passes. */
function walkFailures(w, state) {
  return [
    ...(w.controls ? [] : [`${state}: no controls found`]),
    ...w.unreached.map((d) => `${state}: never reached by Tab: ${d}`),
    ...w.noIndicator.map((d) => `${state}: no visible focus indicator: ${d}`),
  ];
}

/** Tabs forward until the focused element is in widget `tag` and matches `selector`. */
async function tabTo(page, tag, selector, max = 200) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(([t, s]) => window.__a11y.focusIs(t, s), [tag, selector])) return;
  }
  throw new Error(`Tab never reached ${tag} ${selector}`);
}

// Predicates go to the page as source text, evaluated through the DevTools protocol: the page's CSP
// forbids eval (so does Playwright's own polling of a string predicate), and Playwright can't pass
// functions as arguments.
const call = (fn, getter, tag, selector) =>
  `(() => { try { return (${fn})(window.__a11y.${getter}(${JSON.stringify(tag)}, ${JSON.stringify(selector)})); } catch { return false; } })()`;
const find = (page, tag, selector, fn = (el) => !!el) => page.evaluate(call(fn, 'find', tag, selector));
const findAll = (page, tag, selector, fn) => page.evaluate(call(fn, 'findAll', tag, selector));
const focusIs = (page, tag, selector) => page.evaluate(([t, s]) => window.__a11y.focusIs(t, s), [tag, selector]);
/** After a widget's own action, focus must still be in it, not dropped to the top of the page. */
const focusKept = (page, tag) =>
  poll(
    page,
    `window.__a11y.widgetOf(window.__a11y.deepActive() ?? document.body)?.localName === ${JSON.stringify(tag)}`,
    2000,
  );
/** Polls `expression` (source text) until it is truthy: true, or false after `ms`. */
async function poll(page, expression, ms = 4000) {
  for (const end = Date.now() + ms; ;) {
    if (await page.evaluate(expression)) return true;
    if (Date.now() > end) return false;
    await new Promise((r) => setTimeout(r, 50));
  }
}
/** Waits for `fn(find(tag, selector))` to be truthy; false after `ms`. */
const until = (page, tag, selector, fn = (el) => !!el, ms = 4000) => poll(page, call(fn, 'find', tag, selector), ms);

/**
 * The share button by keyboard: Enter opens the menu with focus inside, every control in it is
 * reachable, Space on QR draws the code, Escape closes it and gives focus back to the button.
 */
async function shareByKeyboard(page) {
  const wrong = [];
  const tag = 'kith-share-button';
  await tabTo(page, tag, 'button[part=button]');
  await page.keyboard.press('Enter');
  if (!(await until(page, tag, 'dialog', (d) => d.open))) return ['Enter on the share button did not open the menu'];
  if (!(await page.evaluate(() => !!window.__a11y.deepActive()?.closest('dialog'))))
    wrong.push('focus is not in the open share menu');
  wrong.push(...(await axe(page, 'share menu open')));
  wrong.push(...walkFailures(await walk(page, 40), 'share menu'));
  await tabTo(page, tag, 'button[data-channel=qr]', 20);
  await page.keyboard.press(' ');
  if (!(await until(page, tag, 'svg[part=qr]'))) wrong.push('Space on QR code drew no code');
  wrong.push(...(await axe(page, 'share QR code')));
  await page.keyboard.press('Escape');
  if (await find(page, tag, 'dialog', (d) => d.open)) wrong.push('Escape did not close the share menu');
  if (!(await focusIs(page, tag, 'button[part=button]'))) wrong.push('focus did not return to the share button');
  return wrong;
}

const ratings = (page) =>
  findAll(page, 'kith-reviews', 'article[part=review]', (els) =>
    els.map((a) => Number(a.querySelector('[data-r]').dataset.r)),
  );

describe('probe: accessibility (axe, WCAG 2.2 AA)', () => {
  for (const [state, query] of [
    ['signed out', 'signed=0'],
    ['signed in', 'signed=1'],
    ['dark theme, signed in', 'signed=1&theme=dark'],
    ['backend down (500)', 'signed=1&api=http-500'],
    ['every live-badge state', 'signed=0&badges=all'],
  ]) {
    it(`${state}: 0 violations`, async () => {
      const page = await open(query);
      try {
        if (state.startsWith('every live')) {
          const states = await page.evaluate(() =>
            [...document.querySelectorAll('kith-live-badge')].map((b) =>
              b.shadowRoot.querySelector('.badge')?.className.replace('badge ', ''),
            ),
          );
          assert.deepEqual(
            [...new Set(states)].sort(),
            ['ended', 'live', 'scheduled'],
            'the page shows every show status',
          );
        }
        assert.deepEqual(await axe(page, state), []);
      } finally {
        await page.context().close();
      }
    });
  }
});

describe('probe: keyboard (a Tab walk over every control, then each operated by keys)', () => {
  for (const [state, query] of [
    ['signed out', 'signed=0'],
    ['signed in', 'signed=1&customer=a11y-points'],
    ['backend down (500)', 'signed=1&api=http-500'],
    ['every live-badge state', 'badges=all'],
  ]) {
    it(`${state}: Tab reaches every control, each with a visible focus indicator`, async (t) => {
      const page = await open(query);
      try {
        const w = await walk(page);
        t.diagnostic(`${w.reached.length} Tab stops over ${w.controls} controls: ${w.reached.join('; ')}`);
        assert.deepEqual(walkFailures(w, state), [], w.path.join('\n'));
        assert.ok(
          w.reached.length >= (state.startsWith('backend') ? 3 : 10),
          `the walk went through the widgets: ${w.reached.join(', ')}`,
        );
      } finally {
        await page.context().close();
      }
    });
  }

  for (const theme of ['light', 'dark']) {
    it(`share button (${theme}): Enter opens the menu, Space draws the QR code, Escape closes it and focus returns`, async () => {
      const page = await open(`signed=1&theme=${theme}`);
      try {
        assert.deepEqual(await shareByKeyboard(page), []);
      } finally {
        await page.context().close();
      }
    });
  }

  it('reviews: sort, rating and photo filters, the lightbox, the report dialog, by keyboard', async () => {
    // Signed in: a signed-out shopper's Report says to sign in instead of opening the dialog.
    const page = await open('signed=1');
    const tag = 'kith-reviews';
    const wrong = [];
    try {
      await tabTo(page, tag, 'select[part=sort]');
      await page.keyboard.press('ArrowDown');
      // The new order on screen (not busy only: the reload may not have begun yet).
      await poll(
        page,
        `((list) => !window.__a11y.find('kith-reviews', '[role=feed][aria-busy=true]') && list.length > 0 && list.every((r, i) => i === 0 || list[i - 1] >= r))(window.__a11y.findAll('kith-reviews', 'article[part=review]').map((a) => Number(a.querySelector('[data-r]').dataset.r)))`,
      );
      const highest = await ratings(page);
      assert.equal(
        await find(page, tag, 'select[part=sort]', (s) => s.value),
        'highest',
        'ArrowDown on the sort picks the next order',
      );
      assert.deepEqual(
        highest,
        [...highest].sort((a, b) => b - a),
        `sorted highest first: ${highest}`,
      );

      await tabTo(page, tag, 'button[part=chip]');
      await page.keyboard.press(' ');
      await until(page, tag, 'button[part=chip]', (b) => b.getAttribute('aria-pressed') === 'true');
      await poll(
        page,
        "((list) => !window.__a11y.find('kith-reviews', '[role=feed][aria-busy=true]') && list.length > 0 && list.every((a) => a.querySelector('[part=photos]')))(window.__a11y.findAll('kith-reviews', 'article[part=review]'))",
      );
      const withPhotos = await findAll(page, tag, 'article[part=review]', (els) =>
        els.map((a) => !!a.querySelector('[part=photos]')),
      );
      assert.ok(
        withPhotos.length > 0 && withPhotos.every(Boolean),
        `Space on "with photos" lists only reviews with photos: ${withPhotos}`,
      );
      wrong.push(...(await axe(page, 'reviews sorted and filtered')));
      await page.keyboard.press(' ');

      await tabTo(page, tag, 'button[part=bar]:not([disabled])');
      const stars = await page.evaluate(() =>
        Number(window.__a11y.deepActive().querySelector('[aria-hidden]').textContent[0]),
      );
      await page.keyboard.press('Enter');
      // Some reviews shown (an empty list while the filtered page loads would pass \`every\`), all of them with that rating.
      await poll(
        page,
        `((list) => list.length > 0 && list.every((a) => a.querySelector('[data-r]').dataset.r === '${stars}'))(window.__a11y.findAll('kith-reviews', 'article[part=review]'))`,
      );
      const filtered = await ratings(page);
      assert.ok(
        filtered.length && filtered.every((r) => r === stars),
        `Enter on the ${stars}-star bar lists only ${stars}-star reviews: ${filtered}`,
      );
      await page.keyboard.press('Enter');

      // The lightbox of a review with two photos: arrows page through, Escape gives focus back.
      await tabTo(page, tag, 'button[part=photo][aria-label*="1 of 2"]');
      await page.keyboard.press('Enter');
      if (!(await until(page, tag, 'dialog', (d) => d.open && !!d.querySelector('img'))))
        throw new Error('Enter on a photo opened no lightbox');
      await page.keyboard.press('ArrowRight');
      if (!(await until(page, tag, 'dialog .nav', (n) => n.textContent.includes('2 / 2'), 2000)))
        wrong.push('ArrowRight did not show the next photo');
      wrong.push(...(await axe(page, 'photo lightbox')));
      await page.keyboard.press('Escape');
      if (!(await focusIs(page, tag, 'button[part=photo]')))
        wrong.push('focus did not return to the photo after the lightbox');

      await tabTo(page, tag, 'button[part=report]');
      await page.keyboard.press('Enter');
      if (!(await until(page, tag, 'dialog', (d) => d.open && !!d.querySelector('form'))))
        throw new Error('Enter on Report opened no dialog');
      wrong.push(...(await axe(page, 'report dialog')));
      wrong.push(...walkFailures(await walk(page, 30), 'report dialog'));
      await tabTo(page, tag, 'dialog input[type=radio]', 20);
      await page.keyboard.press('ArrowDown');
      if (!(await find(page, tag, 'dialog input[type=radio]:checked', (r) => r?.value === 'offensive')))
        wrong.push('ArrowDown did not move the report reason');
      await page.keyboard.press('Escape');
      if (!(await focusIs(page, tag, 'button[part=report]')))
        wrong.push('focus did not return to Report after the dialog');
      assert.deepEqual(wrong, []);
    } finally {
      await page.context().close();
    }
  });

  it('reviews: the Q&A tab by arrow keys, asking a question, and the review form with its errors', async () => {
    const page = await open('signed=1');
    const tag = 'kith-reviews';
    const wrong = [];
    try {
      await tabTo(page, tag, '[role=tab][aria-selected=true]');
      await page.keyboard.press('ArrowRight');
      await until(page, tag, 'kith-review-questions');
      await until(page, tag, 'ul[part=questions]', (ul) => ul?.getAttribute('aria-busy') === 'false');
      assert.ok(
        await focusIs(page, tag, '#tab-questions[aria-selected=true]'),
        'ArrowRight selects and focuses the Questions tab',
      );
      assert.ok(await find(page, tag, '#panel-questions', (p) => p.checkVisibility()), 'the Questions panel shows');
      wrong.push(...(await axe(page, 'Q&A')));
      await tabTo(page, tag, 'button[part=ask-button]', 10);
      await page.keyboard.press('Enter');
      if (!(await poll(page, "window.__a11y.deepActive()?.localName === 'textarea'")))
        wrong.push('Ask a question did not focus its text box');
      wrong.push(...(await axe(page, 'Q&A ask form')));

      await page.keyboard.press('Shift+Tab');
      await page.keyboard.press('Shift+Tab');
      await tabTo(page, tag, '[role=tab][aria-selected=true]');
      await page.keyboard.press('Home');
      await until(page, tag, '#tab-reviews[aria-selected=true]');
      await tabTo(page, tag, 'button[part=write-button]');
      await page.keyboard.press('Enter');
      if (
        !(await until(
          page,
          tag,
          'dialog',
          (d) => d.open && !!d.querySelector('kith-review-form')?.shadowRoot?.querySelector('form'),
          5000,
        ))
      )
        throw new Error('Enter on Write a review opened no form');
      wrong.push(...(await axe(page, 'review form')));
      wrong.push(...walkFailures(await walk(page, 40), 'review form'));
      await tabTo(page, tag, 'input[name=rating]', 20);
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('ArrowRight');
      const on = await findAll(page, tag, '.stars label.on', (els) => els.length);
      if (on !== 3) wrong.push(`two ArrowRights from the first star should rate 3, rated ${on}`);
      await tabTo(page, tag, 'button.submit', 20);
      await page.keyboard.press('Enter');
      if (!(await until(page, tag, 'p.error'))) wrong.push('submitting an empty review showed no errors');
      if (!(await page.evaluate(() => window.__a11y.deepActive()?.getAttribute('aria-invalid') === 'true')))
        wrong.push('focus did not move to the first invalid field');
      wrong.push(...(await axe(page, 'review form with errors')));
      await page.keyboard.press('Escape');
      if (!(await focusIs(page, tag, 'button[part=write-button]')))
        wrong.push('focus did not return to Write a review');
      assert.deepEqual(wrong, []);
    } finally {
      await page.context().close();
    }
  });

  it('group buy: Enter joins a team (a held seat), Enter on Leave gives it back', async () => {
    const page = await open('signed=1&customer=a11y-team');
    const tag = 'kith-group-buy';
    const wrong = [];
    try {
      await tabTo(page, tag, 'button[data-act=join]');
      await page.keyboard.press('Enter');
      if (!(await until(page, tag, '[part=seat].held', undefined, 5000))) throw new Error('Enter on Join held no seat');
      if (!(await focusKept(page, tag))) wrong.push('focus was dropped after Join');
      wrong.push(...(await axe(page, 'group buy, seat held')));
      await tabTo(page, tag, 'button[data-act=leave]', 30);
      await page.keyboard.press('Enter');
      if (!(await until(page, tag, 'button[data-act=join]', undefined, 5000)))
        wrong.push('Enter on Leave did not give the seat back');
      if (!(await focusKept(page, tag))) wrong.push('focus was dropped after Leave');
      wrong.push(...(await axe(page, 'group buy, seat given back')));
      assert.deepEqual(wrong, []);
    } finally {
      await page.context().close();
    }
  });

  it('points: check-in, redeem (confirm, then the code) and the history, by keyboard', async () => {
    const page = await open('signed=1&customer=a11y-points');
    const tag = 'kith-points';
    const wrong = [];
    try {
      await tabTo(page, tag, 'button[data-act=check-in]');
      await page.keyboard.press('Enter');
      if (!(await until(page, tag, '[part=check-in]', (el) => !el.querySelector('button'), 5000)))
        wrong.push('Enter on Check in did not check in');
      if (!(await focusKept(page, tag))) wrong.push('focus was dropped after Check in');
      wrong.push(...(await axe(page, 'points, checked in')));
      await tabTo(page, tag, 'button[data-act=ask][data-id=rw-5off]');
      await page.keyboard.press('Enter');
      if (!(await poll(page, "window.__a11y.focusIs('kith-points', 'button[data-act=redeem]')"))) {
        throw new Error('Enter on Redeem did not reach the confirm step (focus on its Redeem button)');
      }
      wrong.push(...(await axe(page, 'points, redeem confirm')));
      await page.keyboard.press('Enter');
      if (!(await until(page, tag, '[part=code] strong', (s) => s.textContent.length > 3, 5000)))
        throw new Error('confirming showed no code');
      if (!(await focusIs(page, tag, 'button[data-act=copy]'))) wrong.push('focus did not move to Copy code');
      wrong.push(...(await axe(page, 'points, code shown')));
      await tabTo(page, tag, 'summary');
      await page.keyboard.press('Enter');
      if (!(await until(page, tag, 'details[part=history] ol li', undefined, 5000)))
        wrong.push('Enter on History showed no entries');
      wrong.push(...(await axe(page, 'points, history open')));
      assert.deepEqual(wrong, []);
    } finally {
      await page.context().close();
    }
  });

  it('referral banner (a real code): 0 violations, Enter copies the code, Enter on dismiss hides it', async () => {
    const page = await open(`signed=0&kith_ref=${referralCode}`);
    const tag = 'kith-referral-offer';
    const wrong = [];
    try {
      assert.equal(
        await page.evaluate(() => document.querySelector('kith-referral-offer').getAttribute('state')),
        'ready',
        'the banner shows',
      );
      wrong.push(...(await axe(page, 'referral banner')));
      await tabTo(page, tag, 'button[part=button]:not(.dismiss)');
      await page.keyboard.press('Enter');
      if (!(await until(page, tag, '[role=status]', (s) => s.textContent.trim().length > 0)))
        wrong.push('Enter on Copy said nothing');
      await tabTo(page, tag, 'button.dismiss', 5);
      await page.keyboard.press('Enter');
      if (!(await until(page, tag, 'section', (s) => !s))) wrong.push('Enter on dismiss left the banner');
      assert.deepEqual(wrong, []);
    } finally {
      await page.context().close();
    }
  });
});

describe('probe: accessibility fails when broken on purpose', () => {
  it('axe: a nameless button and faint text on the page are violations', async () => {
    const page = await open('signed=0&break=a11y');
    try {
      await poll(page, "document.querySelectorAll('main > button').length === 2");
      const lines = await axe(page, 'broken');
      assert.ok(
        lines.some((l) => l.includes('button-name:') && l.endsWith('(page)')),
        lines.join('\n'),
      );
      assert.ok(
        lines.some((l) => l.includes('color-contrast:')),
        lines.join('\n'),
      );
    } finally {
      await page.context().close();
    }
  });
  it('Tab walk: a widget button out of the tab order is reported unreached', async () => {
    const page = await open('signed=0&break=tabindex');
    try {
      const wrong = walkFailures(await walk(page), 'broken');
      assert.ok(
        wrong.some((w) => w.includes('never reached') && w.includes('kith-share-button button[part=button]')),
        wrong.join('\n'),
      );
    } finally {
      await page.context().close();
    }
  });
  it('Tab walk: a widget without a focus ring is reported', async () => {
    const page = await open('signed=1&customer=a11y-points&break=focus-ring');
    try {
      const wrong = walkFailures(await walk(page), 'broken');
      assert.ok(
        wrong.some((w) => w.includes('no visible focus indicator') && w.includes('kith-points')),
        wrong.join('\n'),
      );
      assert.ok(!wrong.some((w) => !w.includes('kith-points')), `only the broken widget fails: ${wrong.join('\n')}`);
    } finally {
      await page.context().close();
    }
  });
  it('keys: a share button deaf to Enter and Space fails the operation check', async () => {
    const page = await open('signed=1&break=keys');
    try {
      const wrong = await shareByKeyboard(page);
      assert.ok(
        wrong.some((w) => w.includes('did not open the menu')),
        wrong.join('\n'),
      );
    } finally {
      await page.context().close();
    }
  });
});
