// Points end to end, in headless Chromium against the built CDN files and the reference server
// (embedded database, REST adapter) under the demo's strict CSP: a demo shopper checks in, sees the
// streak, redeems a coupon and reads why each line of the history is there; then the merchant's
// refund, sent with curl, reverses an order's points and the balance still equals the ledger.
// Run after `npm run build`.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import { startDemo } from './demo-server.mjs';
import { openPage } from '../src/shoot.mjs';

let demo;
let shop;

before(async () => {
  demo = await startDemo();
  ({ shop } = demo);
});
after(() => demo.close());

/** Text inside <kith-points>'s shadow root. */
const inWidget = (page, selector) =>
  page.evaluate(
    (sel) =>
      document.querySelector('kith-points')?.shadowRoot?.querySelector(sel)?.textContent?.replace(/\s+/g, ' ').trim() ??
      null,
    selector,
  );
const lines = (page) =>
  page.evaluate(() =>
    [...document.querySelector('kith-points').shadowRoot.querySelectorAll('[part="history"] li')].map((li) =>
      li.textContent.replace(/\s+/g, ' ').trim(),
    ),
  );
const click = (page, selector) => page.locator('kith-points').locator(selector).first().click();
/** Waits until the text at `selector` equals `want` (or, with `prefix`, starts with it); the page's CSP forbids eval, so no string predicates. */
const waitFor = (page, selector, want, { prefix = false, timeout = 5000 } = {}) =>
  page.waitForFunction(
    ([sel, w, p]) => {
      const t =
        document
          .querySelector('kith-points')
          ?.shadowRoot?.querySelector(sel)
          ?.textContent?.replace(/\s+/g, ' ')
          .trim() ?? '';
      return p ? t.startsWith(w) : t === w;
    },
    [selector, want, prefix],
    { timeout },
  );

/** The page's own refund command for an order, run as written (with the secret key in the environment). */
async function runCurl(command) {
  const args = command
    .replace(/^curl /, '')
    .match(/"[^"]*"|\S+/g)
    .map((a) => a.replace(/^"|"$/g, '').replace('$KITH_SECRET_KEY', shop.secretKey));
  const { stdout } = await promisify(execFile)('curl', ['-sS', '--fail-with-body', ...args]);
  return JSON.parse(stdout);
}

describe('points on the demo shop', () => {
  it('check in, see the streak, redeem a coupon, read the history; a refund with curl reverses an order and the balance equals the ledger', async () => {
    const { page, problems, browser } = await openPage(`${demo.url}/#rewards`);
    try {
      await page.waitForFunction(() => document.querySelector('kith-points')?.getAttribute('state') === 'ready');
      // A new demo shopper: $129 order past its window (129), $59 order pending (59), welcome 500.
      assert.equal(await inWidget(page, '[part="balance"]'), '629 points +59 pending');
      assert.equal(
        await page.locator('kith-points-earn').evaluate((el) => el.shadowRoot.textContent.replace(/\s+/g, ' ').trim()),
        'Earn 59 points with Kith Rewards',
      );

      await click(page, '[data-act="check-in"]');
      await waitFor(page, '[part="check-in"] p', 'Checked in today · 1-day streak');
      assert.equal(await inWidget(page, '[part="balance"]'), '634 points +59 pending');

      await click(page, '[data-act="ask"][data-id="rw-5off"]');
      await waitFor(page, '.confirm span', 'Spend 500 points on $5 off?');
      await click(page, '[data-act="redeem"][data-id="rw-5off"]');
      await waitFor(page, '[part="code"] span', 'Your code: KITH-', { prefix: true });
      assert.equal(await inWidget(page, '[part="balance"]'), '134 points +59 pending');

      await click(page, 'summary');
      await page.waitForFunction(
        () => document.querySelector('kith-points').shadowRoot.querySelectorAll('[part="history"] li').length >= 5,
      );
      const before = await lines(page);
      const orders = await page.locator('#orders li').evaluateAll((lis) => lis.map((li) => li.dataset.order));
      assert.match(
        before[0],
        new RegExp(`^Order ${orders[1]} .* · pending until .* \\+59$`),
        'the pending order first, saying until when',
      );
      assert.match(before[1], /^Redeemed: \$5 off .* −500 Balance 134$/);
      assert.match(before[2], /^Daily check-in .* \+5 Balance 634$/);
      assert.match(before[3], /^Adjusted by the shop: Welcome to the Kith demo shop .* \+500 Balance 629$/);
      assert.match(before[4], new RegExp(`^Order ${orders[0]} .* \\+129 Balance 129$`));

      // The merchant refunds the older order with the command the page shows.
      const commands = (await page.locator('#refund').textContent()).split('\n');
      const refund = await runCurl(commands[0]);
      assert.deepEqual(refund, { orderId: orders[0], reversed: 129, shortfall: 0, referral: null });
      // Coming back to the tab re-reads the account and the open history.
      await page.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
      await waitFor(page, '[part="balance"]', '5 points +59 pending');
      await page.waitForFunction(
        (n) => document.querySelector('kith-points').shadowRoot.querySelectorAll('[part="history"] li').length === n,
        before.length + 1,
      );
      const after = await lines(page);
      assert.match(after[1], new RegExp(`^Refund of order ${orders[0]} .* −129 Balance 5$`));

      // The merchant's view agrees: the balance is the sum of the available lines.
      const customer = await page.evaluate(() => document.querySelector('#shopper code').textContent);
      const res = await fetch(`${demo.url}/v1/admin/points/customers/${customer}`, {
        headers: { authorization: `Bearer ${shop.secretKey}` },
      });
      const { account, history } = await res.json();
      assert.equal(account.balance, 5);
      assert.equal(
        history.items.filter((e) => e.status === 'available').reduce((n, e) => n + e.points, 0),
        account.balance,
      );
      assert.equal(account.pending, 59);
      assert.deepEqual(problems, []);
    } finally {
      await browser.close();
    }
  });
});
