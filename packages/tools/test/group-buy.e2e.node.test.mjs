// Group buy end to end, in headless Chromium against the built CDN files and the reference server
// (embedded database, REST adapter, SSE), under the demo's strict CSP: two shoppers in two browsers
// make a team succeed on both pages, and a team left alone expires on screen and at the merchant's
// webhook receiver. Run after `npm run build`.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { signCustomerToken, verifyWebhookSignature } from '@kith/server';
import { startDemo } from './demo-server.mjs';
import { openPage } from '../src/shoot.mjs';

const root = fileURLToPath(new URL('../../../', import.meta.url));
let demo;
let shop;
let receiver;
const received = [];

before(async () => {
  demo = await startDemo({ schedulerIntervalMs: 250, mounts: { '/fixtures/': `${root}packages/tools/test/fixtures` } });
  ({ shop } = demo);
  // The merchant's webhook endpoint: a real HTTP server on loopback.
  receiver = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      received.push({ signature: req.headers['kith-signature'], body });
      res.end('ok');
    });
  });
  await new Promise((r) => receiver.listen(0, '127.0.0.1', r));
});
after(async () => {
  receiver.close();
  await demo.close();
});

const admin = (path, init = {}) =>
  fetch(`${demo.url}/v1/admin${path}`, {
    ...init,
    headers: {
      authorization: `Bearer ${shop.secretKey}`,
      'content-type': 'application/json',
      'idempotency-key': randomUUID(),
      ...init.headers,
    },
  });

/** Text of a part (or selector) inside <kith-group-buy>'s shadow root. */
const inWidget = (page, selector) =>
  page.evaluate(
    (sel) =>
      document
        .querySelector('kith-group-buy')
        ?.shadowRoot?.querySelector(sel)
        ?.textContent?.replace(/\s+/g, ' ')
        .trim() ?? null,
    selector,
  );
const click = (page, selector) => page.locator('kith-group-buy').locator(selector).first().click();
const waitForText = (page, selector, text, timeout = 5000) =>
  page.waitForFunction(
    ([sel, want]) =>
      document
        .querySelector('kith-group-buy')
        ?.shadowRoot?.querySelector(sel)
        ?.textContent?.replace(/\s+/g, ' ')
        .trim() === want,
    [selector, text],
    { timeout },
  );

describe('group buy on the demo shop', () => {
  it('one shopper starts a team, another joins from the shared link; both pay and both pages show success within a second', async () => {
    const a = await openPage(`${demo.url}/`);
    let b;
    try {
      await a.page.waitForFunction(() => document.querySelector('kith-group-buy')?.getAttribute('state') === 'ready');
      await click(a.page, '[data-act="start"]');
      await a.page.locator('#cart').waitFor({ state: 'visible' });
      assert.match(await a.page.locator('#cart-line').textContent(), /team price \$49\.00/);
      await a.page.locator('#pay').click();
      await waitForText(a.page, '[part="seat"]', "You're in: you pay $49.00.");
      const teamId = await a.page.evaluate(
        () =>
          /** @type {HTMLElement} */ (
            document.querySelector('kith-group-buy').shadowRoot.querySelector('[data-act="leave"]')
          ).dataset.id,
      );

      // B opens the link A shares to recruit.
      b = await openPage(`${demo.url}/?kith_team=${teamId}`);
      await b.page.waitForFunction(
        (id) =>
          document.querySelector('kith-group-buy')?.shadowRoot?.querySelector(`[data-act="join"][data-id="${id}"]`),
        teamId,
      );
      await click(b.page, `[data-act="join"][data-id="${teamId}"]`);
      await b.page.locator('#cart').waitFor({ state: 'visible' });
      // A sees B's held seat arrive over the stream.
      await a.page.waitForFunction(
        () =>
          document.querySelector('kith-group-buy').shadowRoot.querySelectorAll('[part="progress"] .held').length === 1,
      );
      const paid = Date.now();
      await b.page.locator('#pay').click();
      await Promise.all([a, b].map(({ page }) => waitForText(page, '[part="state"]', 'Team price unlocked', 1000)));
      const elapsed = Date.now() - paid;
      assert.ok(elapsed < 1000, `both pages showed success ${elapsed} ms after the order`);
      // The push carries the public team; B's own seat line comes from the re-read that follows it.
      await waitForText(b.page, '[part="seat"]', "You're in: you pay $49.00.");
      assert.deepEqual([...a.problems, ...b.problems], []);
    } finally {
      await a.browser.close();
      await b?.browser.close();
    }
  });

  it('a team left to expire shows expired and the merchant gets one signed team.expired webhook', async () => {
    const hook = await admin('/webhooks', {
      method: 'PUT',
      body: JSON.stringify({ url: `http://127.0.0.1:${receiver.address().port}/kith` }),
    });
    assert.equal(hook.status, 200, await hook.clone().text());
    const { secret } = await hook.json();
    const created = await admin('/group-buys', {
      method: 'POST',
      body: JSON.stringify({
        id: 'gb-expiring',
        productId: 'p-expiring',
        product: { title: 'Expiring tote' },
        soloPrice: { minor: 5900, currency: 'USD' },
        tiers: [{ size: 2, price: { minor: 5000, currency: 'USD' } }],
        teamDurationSeconds: 3,
      }),
    });
    assert.equal(created.status, 201, await created.clone().text());
    const started = await fetch(`${demo.url}/v1/group-buys/gb-expiring/teams`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${shop.publishableKey}`,
        'content-type': 'application/json',
        'idempotency-key': randomUUID(),
        'x-kith-customer': await signCustomerToken(shop.secretKey, 'c-expiring'),
      },
      body: JSON.stringify({ displayName: 'Jo' }),
    });
    assert.equal(started.status, 201, await started.clone().text());
    const team = await started.json();

    const { browser, page, problems } = await openPage(
      `${demo.url}/fixtures/group-buy.html?product=p-expiring&kith_team=${team.id}`,
    );
    try {
      await waitForText(page, '#team-name', "Jo's team Forming");
      await waitForText(page, '[part="state"]', 'Expired', 8000);
      assert.equal(
        await inWidget(page, 'article [part="note"]'),
        'The team did not fill in time: no team price is charged.',
      );
      assert.deepEqual(problems, []);
    } finally {
      await browser.close();
    }
    const deadline = Date.now() + 10_000;
    const expired = () =>
      received
        .map((r) => ({ ...r, event: JSON.parse(r.body) }))
        .filter((r) => r.event.type === 'team.expired' && r.event.data.team.id === team.id);
    while (!expired().length && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    await new Promise((r) => setTimeout(r, 1000)); // a duplicate would arrive by now
    const events = expired();
    assert.equal(events.length, 1, 'exactly one team.expired');
    assert.equal(verifyWebhookSignature(secret, events[0].signature, events[0].body), true);
  });
});
