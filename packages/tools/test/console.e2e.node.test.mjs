// @ts-check
// The merchant console in Chromium, on the demo server (`npm start`'s): a moderator signs in with
// the form, approves a pending photo review and replies, by button and by key; the shopper's page
// then shows the review with the reply; the audit log shows both actions by that moderator; a
// moderator sees no owner's screen and the API refuses them an owner's write. The queues for
// questions, answers and held-back referrals work by button and key. An owner allows a site,
// points webhooks somewhere and rotates the secret key from Settings. Every screen, in
// English and Chinese, at desktop and phone widths, passes axe (WCAG 2.2 AA) under the console's
// CSP with Trusted Types, without a violation or an uncaught error.
// Run after `npm run build`.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { after, before, describe, it } from 'node:test';
import { chromium } from 'playwright';
import { inviteStaff, signCustomerToken } from '@kith/server';
import { CHROMIUM_ARGS, findChromium } from '../src/chromium.mjs';
import { startDemo } from './demo-server.mjs';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const PHOTO = readFileSync(new URL('../../server/seed-media/tote-front.jpg', import.meta.url));
const PASSWORD = 'moderator password 1';

/** @type {Awaited<ReturnType<typeof startDemo>>} */
let demo;
/** @type {import('playwright').Browser} */
let browser;
before(async () => {
  demo = await startDemo();
  // Every shopper here writes from 127.0.0.1: more reviews and questions an hour than the demo allows one address.
  const settings = await fetch(`${demo.url}/v1/admin/reviews/settings`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${demo.shop.secretKey}`, 'content-type': 'application/json' },
    body: JSON.stringify({ submissionsPerHour: 1000 }),
  });
  assert.equal(settings.status, 200);
  browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
});
after(async () => {
  await browser?.close();
  await demo?.close();
});

/**
 * A shopper's review through the public API, pending (not a verified buyer), with a photo if asked.
 * @param {string} customer @param {{ rating: number, title?: string, body: string, displayName: string }} review @param {boolean} photo
 */
async function pendingReview(customer, review, photo) {
  const token = await signCustomerToken(demo.shop.secretKey, customer);
  const headers = { authorization: `Bearer ${demo.shop.publishableKey}`, 'x-kith-customer': token };
  const post = async (/** @type {string} */ path, /** @type {BodyInit} */ body, /** @type {string} */ type) =>
    (
      await fetch(`${demo.url}${path}`, {
        method: 'POST',
        headers: { ...headers, 'content-type': type, 'idempotency-key': crypto.randomUUID() },
        body,
      })
    ).json();
  const media = photo ? [(await post('/v1/media', PHOTO, 'image/jpeg')).id] : [];
  const made = await post(
    '/v1/products/p1/reviews',
    JSON.stringify({ ...review, consent: true, mediaIds: media }),
    'application/json',
  );
  assert.equal(made.status, 'pending');
  return made;
}

/** A staff member with a password, as an accepted invitation leaves them. @param {'owner' | 'moderator'} role */
async function staff(role) {
  const email = `${role}-${crypto.randomUUID().slice(0, 8)}@demo-shop.example`;
  const invited = await inviteStaff(demo.db, { shopId: demo.shop.id, email, role });
  const res = await fetch(`${demo.url}/v1/console/invites/accept`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ token: invited?.invite, password: PASSWORD }),
  });
  assert.equal(res.status, 200);
  return email;
}

/** A fresh browser context with axe and a record of CSP violations and uncaught errors. @param {{ width: number, height: number }} [viewport] */
async function console_(viewport = { width: 1100, height: 800 }) {
  const context = await browser.newContext({ viewport });
  await context.addInitScript({
    content: `${AXE}
      window.__kc = [];
      addEventListener('error', (e) => window.__kc.push('error: ' + e.message));
      addEventListener('unhandledrejection', (e) => window.__kc.push('unhandledrejection: ' + e.reason));
      document.addEventListener('securitypolicyviolation', (e) => window.__kc.push('CSP: ' + e.violatedDirective + ' ' + e.blockedURI));`,
  });
  const page = await context.newPage();
  return { context, page };
}

/** axe's WCAG 2.2 AA violations, and the page's CSP violations and errors so far, as lines. @param {import('playwright').Page} page @param {string} state */
async function findings(page, state) {
  const lines = await page.evaluate(async () => {
    const w = /** @type {any} */ (window);
    const r = await w.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
    });
    return [
      ...r.violations.map(
        (/** @type {any} */ v) =>
          `${v.id}: ${v.nodes.map((/** @type {any} */ n) => n.target.flat().join(' >> ')).join(', ')}`,
      ),
      ...w.__kc,
    ];
  });
  return lines.map((l) => `${state}: ${l}`);
}

/** @param {import('playwright').Page} page @param {string} email */
async function signIn(page, email) {
  await page.goto(`${demo.url}/admin/`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('navigation', { name: 'Sections' }).waitFor();
}

describe('the merchant console (Chromium, demo server)', () => {
  it('a moderator approves a photo review and replies; the shop shows both; the audit log records them', async () => {
    const review = await pendingReview(
      'console-e2e-mei',
      { rating: 4, title: 'Lovely colour', body: 'Thick canvas; I carry it on my bike every day.', displayName: 'Mei' },
      true,
    );
    const email = await staff('moderator');
    const { context, page } = await console_();
    try {
      await signIn(page, email);
      // No owner's screen for a moderator.
      const nav = await page.getByRole('navigation', { name: 'Sections' }).getByRole('link').allTextContents();
      assert.deepEqual(nav, ['Overview', 'Moderation', 'Audit log']);

      await page.getByRole('link', { name: 'Moderation' }).click();
      const card = page.locator('article', { hasText: 'Lovely colour' });
      await card.waitFor();
      // The pending photo shows (from the admin photo route, with the session).
      const photo = card.getByRole('img', { name: 'Photo 1 of 1' });
      await photo.waitFor();
      await page.waitForFunction(
        (el) => /** @type {HTMLImageElement} */ (el).naturalWidth > 0,
        await photo.elementHandle(),
      );
      await card.getByRole('button', { name: 'Approve' }).click();
      await card.getByText('Published', { exact: true }).waitFor();
      await card.getByRole('button', { name: 'Reply' }).click();
      await card.getByLabel('Your public reply').fill('Thank you, Mei! Enjoy the rides.');
      await card.getByRole('button', { name: 'Publish reply' }).click();
      await card.getByText('Thank you, Mei! Enjoy the rides.').waitFor();
      assert.equal(await page.getByRole('status').filter({ hasText: 'Reply to Mei published.' }).count(), 1);

      // The shopper's page: the review, its photo and the reply.
      const shop = await context.newPage();
      await shop.goto(`${demo.url}/`);
      const widget = shop.locator('kith-reviews');
      await widget.getByText('Thick canvas; I carry it on my bike every day.').waitFor();
      await widget.getByText('Thank you, Mei! Enjoy the rides.').waitFor();

      // The audit log: both, by this moderator, on this review (the demo page's own writes, by the
      // secret key, come between).
      await page.getByRole('link', { name: 'Audit log' }).click();
      const rows = page.locator('tbody tr', { hasText: email });
      await rows.first().waitFor();
      const texts = await rows.allInnerTexts();
      assert.equal(texts.length, 2);
      assert.match(
        texts[0] ?? '',
        new RegExp(`${email}\\s+replyToReview\\s+${review.id}\\s+reply: null → "Thank you, Mei! Enjoy the rides\\."`),
      );
      assert.match(
        texts[1] ?? '',
        new RegExp(`${email}\\s+approveReview\\s+${review.id}\\s+status: "pending" → "published"`),
      );

      // An owner's write, tried from the console's page with this session: 403, nothing made.
      const refused = await page.evaluate(async () => {
        const res = await fetch('/v1/admin/group-buys', {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'idempotency-key': crypto.randomUUID() },
          body: JSON.stringify({ id: 'gb-moderator', productId: 'p9', tiers: [] }),
        });
        return [res.status, (await res.json()).error.code];
      });
      assert.deepEqual(refused, [403, 'role_forbidden']);
      // And an owner's screen by its address shows the first allowed one instead.
      await page.goto(`${demo.url}/admin/#/staff`);
      await page.getByRole('heading', { name: 'Overview', level: 1 }).waitFor();
      assert.deepEqual(await findings(page, 'moderator'), []);
    } finally {
      await context.close();
    }
  });

  it('by keyboard alone: j and k move between reviews, r rejects, e opens a reply, and focus is never lost', async () => {
    await pendingReview(
      'console-e2e-kb1',
      { rating: 2, body: 'The strap frayed after a week of use.', displayName: 'Ola' },
      false,
    );
    await pendingReview(
      'console-e2e-kb2',
      { rating: 5, body: 'Perfect size for my laptop and lunch.', displayName: 'Kai' },
      false,
    );
    const email = await staff('moderator');
    const { context, page } = await console_();
    try {
      await signIn(page, email);
      await page.goto(`${demo.url}/admin/#/moderation`);
      const ola = page.locator('article', { hasText: 'The strap frayed' });
      const kai = page.locator('article', { hasText: 'Perfect size' });
      await kai.waitFor();
      await ola.focus();
      await page.keyboard.press('j');
      assert.equal(await kai.evaluate((el) => el.matches(':focus')), true, 'j: the next review');
      await page.keyboard.press('k');
      assert.equal(await ola.evaluate((el) => el.matches(':focus')), true, 'k: the one before');
      await page.keyboard.press('r');
      await ola.getByText('Rejected', { exact: true }).waitFor();
      await page.keyboard.press('e');
      const reply = ola.getByLabel('Your public reply');
      await reply.waitFor();
      assert.equal(await reply.evaluate((el) => el.matches(':focus')), true, 'e: the reply box has focus');
      // Typing a shortcut's letter in the box writes it; it does nothing else.
      await page.keyboard.type('a');
      assert.equal(await reply.inputValue(), 'a');
      await ola.getByText('Rejected', { exact: true }).waitFor();
      const status = async () =>
        (await demo.db.query("SELECT status FROM reviews WHERE body LIKE 'The strap frayed%'")).rows[0].status;
      assert.equal(await status(), 'rejected');
    } finally {
      await context.close();
    }
  });

  it('questions, answers and flagged referrals have their queues: answered as the shop, published, accepted', async () => {
    const shopper = async (/** @type {string} */ id) => ({
      authorization: `Bearer ${demo.shop.publishableKey}`,
      'x-kith-customer': await signCustomerToken(demo.shop.secretKey, id),
      'content-type': 'application/json',
    });
    const send = async (
      /** @type {string} */ path,
      /** @type {unknown} */ body,
      /** @type {Record<string, string>} */ headers,
    ) =>
      (
        await fetch(`${demo.url}${path}`, {
          method: 'POST',
          headers: { ...headers, 'idempotency-key': crypto.randomUUID() },
          body: JSON.stringify(body),
        })
      ).json();
    // A question that waits (it names an email address), and an answer that waits on a published one.
    const question = await send(
      '/v1/products/p1/questions',
      { body: 'Is it washable? Email me at ana@example.com', displayName: 'Ana' },
      await shopper('console-e2e-q'),
    );
    assert.equal(question.status, 'pending', JSON.stringify(question));
    const published = (
      await (
        await fetch(`${demo.url}/v1/products/p1/questions`, {
          headers: { authorization: `Bearer ${demo.shop.publishableKey}` },
        })
      ).json()
    ).items[0];
    const answer = await send(
      `/v1/questions/${published.id}/answers`,
      { body: 'Yes, see https://example.com/care', displayName: 'Bo' },
      await shopper('console-e2e-a'),
    );
    assert.equal(answer.status, 'pending', JSON.stringify(answer));
    // A referral conversion the fraud checks hold back: a second friend's order from the first one's address.
    const admin = async (/** @type {string} */ method, /** @type {string} */ path, /** @type {unknown} */ body) =>
      (
        await fetch(`${demo.url}${path}`, {
          method,
          headers: {
            authorization: `Bearer ${demo.shop.secretKey}`,
            'content-type': 'application/json',
            'idempotency-key': crypto.randomUUID(),
          },
          body: JSON.stringify(body),
        })
      ).json();
    await admin('PUT', '/v1/admin/referrals/settings', { sameIpLimit: 1 });
    const link = await send('/v1/referrals/links', { url: `${demo.url}/` }, await shopper('console-e2e-advocate'));
    assert.ok(link.code, JSON.stringify(link));
    const refer = (/** @type {string} */ friend) =>
      admin('POST', '/v1/admin/orders', {
        id: `ord-${friend}`,
        customerId: friend,
        productIds: ['p1'],
        total: { minor: 4200, currency: 'USD' },
        referralCode: link.code,
        ip: '203.0.113.9',
      });
    const first = await refer('console-e2e-friend-1');
    assert.equal(first.referral?.status, 'pending', JSON.stringify(first));
    const held = await refer('console-e2e-friend-2');
    assert.deepEqual([held.referral?.status, held.referral?.reasons], ['flagged', ['same_ip']], JSON.stringify(held));

    const email = await staff('moderator');
    const { context, page } = await console_();
    try {
      await signIn(page, email);
      await page.getByRole('link', { name: 'Moderation' }).click();
      const queues = page.getByRole('navigation', { name: 'Queues' });
      await queues.getByRole('link', { name: 'Questions' }).click();
      const card = page.locator('article', { hasText: 'Is it washable?' });
      await card.getByText('Contact details or a link').waitFor();
      await card.getByRole('button', { name: 'Answer' }).click();
      await card.getByLabel('Your answer (published at once)').fill('Yes: 30 °C, inside out.');
      assert.equal(await card.getByLabel('Signed as').inputValue(), 'Kith demo shop', 'signed as the shop by default');
      await card.getByRole('button', { name: 'Publish answer' }).click();
      await card.getByText('Yes: 30 °C, inside out.').waitFor();
      await card.getByRole('button', { name: 'Approve' }).click();
      await card.getByText('Published', { exact: true }).waitFor();
      const listed = (
        await (
          await fetch(`${demo.url}/v1/products/p1/questions`, {
            headers: { authorization: `Bearer ${demo.shop.publishableKey}` },
          })
        ).json()
      ).items;
      const shown = listed.find((/** @type {any} */ q) => q.id === question.id);
      assert.deepEqual(
        [shown?.answers[0]?.body, shown?.answers[0]?.author.role],
        ['Yes: 30 °C, inside out.', 'merchant'],
      );

      await queues.getByRole('link', { name: 'Answers' }).click();
      const answerCard = page.locator('article', { hasText: 'Yes, see https://example.com/care' });
      await answerCard.focus();
      await page.keyboard.press('a');
      await answerCard.getByText('Published', { exact: true }).waitFor();

      await queues.getByRole('link', { name: 'Referrals' }).click();
      const conversion = page.locator('article', { hasText: 'console-e2e-friend-2' });
      await conversion.getByText('Several friends from one address').waitFor();
      await conversion.getByRole('button', { name: 'Refuse' }).click();
      await conversion.getByText('Refused', { exact: true }).waitFor();

      await page.getByRole('link', { name: 'Audit log' }).click();
      const rows = page.locator('tbody tr', { hasText: email });
      await rows.first().waitFor();
      assert.deepEqual(
        (await rows.allInnerTexts()).map((r) => r.split('\t').slice(2, 3).join()),
        ['denyReferral', 'approveAnswer', 'approveQuestion', 'answerQuestionAsStaff'],
      );
      assert.match((await rows.allInnerTexts())[0] ?? '', /status: "flagged" → "denied"/);
      assert.deepEqual(await findings(page, 'queues'), []);
    } finally {
      await context.close();
    }
  });

  it('every screen passes axe, in English and Chinese, at 1100 and 390 px; the CSP allows all it does', async () => {
    await pendingReview(
      'console-e2e-axe',
      { rating: 3, body: 'Fine bag. Write to me at ola@example.com.', displayName: 'Ola' },
      true,
    );
    const email = await staff('owner');
    const wrong = [];
    for (const viewport of [
      { width: 1100, height: 800 },
      { width: 390, height: 800 },
    ]) {
      const { context, page } = await console_(viewport);
      try {
        const invited = await inviteStaff(demo.db, {
          shopId: demo.shop.id,
          email: `new-${viewport.width}@demo-shop.example`,
          role: 'moderator',
        });
        await page.goto(`${demo.url}/admin/#invite=${invited?.invite}`);
        await page.getByRole('heading', { name: 'Set your password' }).waitFor();
        wrong.push(...(await findings(page, `${viewport.width} accept`)));
        await page.goto(`${demo.url}/admin/`);
        await page.getByRole('heading', { name: 'Sign in' }).waitFor();
        await page.getByLabel('Email').fill(email);
        await page.getByLabel('Password').fill('not the password');
        await page.getByRole('button', { name: 'Sign in' }).click();
        await page.getByText('That email and password do not match').waitFor();
        wrong.push(...(await findings(page, `${viewport.width} sign-in refused`)));
        assert.equal(await page.getByLabel('Email').inputValue(), email, 'what was typed stays');
        await signIn(page, email);
        for (const lang of ['en', 'zh-CN']) {
          await page.locator('#lang').selectOption(lang);
          for (const screen of [
            'overview',
            'moderation',
            'moderation/questions',
            'moderation/answers',
            'moderation/referrals',
            'audit',
            'staff',
            'settings',
          ]) {
            await page.goto(`${demo.url}/admin/#/${screen}`);
            await page.locator('main h1').waitFor();
            await page.waitForLoadState('networkidle');
            if (screen === 'moderation') {
              await page.locator('article').first().waitFor();
              await page.locator('article').first().getByRole('button').last().click(); // Reply / 回复
            }
            if (screen === 'staff' && lang === 'en') {
              // An owner invites from here: the role chosen is the role given, and the link shows once.
              const invitee = `invitee-${viewport.width}@demo-shop.example`;
              await page.getByLabel('Email').fill(invitee);
              await page.getByLabel('Role').selectOption('owner');
              await page.getByRole('button', { name: 'Create invitation link' }).click();
              await page
                .locator('.secret')
                .getByText(/#invite=[\w-]{43}$/)
                .waitFor();
              await page.locator('li', { hasText: invitee }).getByText('Invited').waitFor();
              const { rows } = await demo.db.query('SELECT role FROM staff_users WHERE email = $1', [invitee]);
              assert.equal(rows[0]?.role, 'owner');
              // And removes them: their row goes, the screen says so.
              await page.locator('li', { hasText: invitee }).getByRole('button', { name: 'Remove' }).click();
              await page
                .getByRole('status')
                .filter({ hasText: `${invitee} can no longer sign in.` })
                .waitFor();
              await page.locator('li', { hasText: invitee }).waitFor({ state: 'detached' });
            }
            wrong.push(...(await findings(page, `${viewport.width} ${lang} ${screen}`)));
          }
        }
        // Horizontal scrolling is never needed (the audit table scrolls in its own region).
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
        assert.ok(overflow <= 0, `${viewport.width}: the page is ${overflow} px too wide`);
      } finally {
        await context.close();
      }
    }
    assert.deepEqual(wrong, []);
  });

  it("an owner's settings: a site allowed, the secret key rotated (shown once), webhooks pointed somewhere", async () => {
    const email = await staff('owner');
    const { context, page } = await console_();
    try {
      await signIn(page, email);
      await page.getByRole('link', { name: 'Settings' }).click();
      await page.getByRole('heading', { name: 'Settings', level: 1 }).waitFor();
      // The script tag carries the publishable key, never the secret one.
      const tag = await page.locator('pre').innerText();
      assert.ok(tag.includes(demo.shop.publishableKey) && !tag.includes('sk_'), tag);

      await page.getByLabel('Add a site (scheme, host and port)').fill('https://acme.example/path');
      await page.getByRole('button', { name: 'Add', exact: true }).click();
      await page.getByText('Enter a site as https://shop.example.com').waitFor();
      await page.getByLabel('Add a site (scheme, host and port)').fill('https://acme.example/');
      await page.getByRole('button', { name: 'Add', exact: true }).click();
      await page.locator('li', { hasText: 'https://acme.example' }).waitFor();
      const summary = (/** @type {string} */ origin) =>
        fetch(`${demo.url}/v1/products/p1/reviews/summary`, {
          headers: { authorization: `Bearer ${demo.shop.publishableKey}`, origin },
        });
      assert.equal((await summary('https://acme.example')).status, 200);
      await page.getByRole('button', { name: 'Remove https://acme.example' }).click();
      await page.getByText('Sites saved.').waitFor({ state: 'attached' });
      assert.equal((await summary('https://acme.example')).status, 403);

      await page.getByLabel('Where Kith sends webhooks').fill('https://acme.example/hooks');
      await page.getByRole('button', { name: 'Save' }).click();
      await page.locator('.secret', { hasText: /whsec_/ }).waitFor();
      // Fixing the address later keeps the secret on screen until it is put away.
      await page.getByRole('button', { name: 'Save' }).click();
      await page.getByText('Webhook address saved.').waitFor({ state: 'attached' });
      await page.locator('.secret', { hasText: /whsec_/ }).waitFor();
      await page.getByRole('button', { name: 'I have stored it: hide it' }).click();
      assert.equal(await page.locator('.secret').count(), 0);

      // The rotation leaves the demo shop's old key refused: this test goes last.
      await page.getByLabel('The old key keeps verifying customer tokens for').selectOption('0');
      await page.getByRole('button', { name: 'Rotate the secret key' }).click();
      // A second, deliberate press: the old key stops working for API calls at once.
      await page.getByRole('button', { name: 'Yes, rotate it now' }).click();
      const shown = await page.locator('.secret', { hasText: /sk_/ }).innerText();
      const newKey = /sk_[\w-]+/.exec(shown)?.[0];
      const whoami = (/** @type {string} */ key) =>
        fetch(`${demo.url}/v1/admin/shop`, { headers: { authorization: `Bearer ${key}` } });
      assert.equal((await whoami(demo.shop.secretKey)).status, 401);
      assert.equal((await whoami(newKey ?? '')).status, 200);
      assert.deepEqual(await findings(page, 'settings'), []);
    } finally {
      await context.close();
    }
  });
});
