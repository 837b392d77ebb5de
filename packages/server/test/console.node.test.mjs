// The console's sign-in and session (`/v1/console`), staff roles on the admin API, and the audit
// log: wrong passwords are rate-limited, sessions end (expiry, sign-out, an owner's revocation),
// a write with a session from another origin is refused and writes nothing, a moderator is kept to
// moderation, and every admin write is in the audit log without a secret in it.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { inviteStaff, reinviteStaff } from '@kith/server';
import { redact } from '../dist/domains/audit/storage.js';
import { client, count, createTestServer, ENGINE, idem, isError, shopFixture } from './helpers.mjs';

let t;
before(async () => {
  t = await createTestServer();
});
after(async () => t.close());

const ORIGIN = 'http://localhost';
const PASSWORD = 'correct horse battery';
let n = 0;
const email = (who) => `${who}-${n++}@acme.example`;

/** A console in a browser: one cookie jar, same-origin writes (Origin and Sec-Fetch-Site as Chromium sends them). */
function browser(app = t.app) {
  let cookie;
  const call = async (method, path, body, headers = {}) => {
    const res = await app.request(`${ORIGIN}${path}`, {
      method,
      headers: {
        ...(cookie ? { cookie } : {}),
        ...(method !== 'GET' ? { origin: ORIGIN, 'sec-fetch-site': 'same-origin' } : {}),
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(method === 'POST' && !path.startsWith('/v1/console') ? { 'idempotency-key': idem() } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const set = res.headers.get('set-cookie');
    if (set) cookie = /max-age=0/i.test(set) ? undefined : set.split(';')[0];
    const text = await res.text();
    return {
      status: res.status,
      headers: res.headers,
      text,
      json: text ? JSON.parse(text) : undefined,
      setCookie: set,
    };
  };
  return {
    get: (path, headers) => call('GET', path, undefined, headers),
    post: (path, body, headers) => call('POST', path, body, headers),
    put: (path, body, headers) => call('PUT', path, body, headers),
    del: (path, headers) => call('DELETE', path, undefined, headers),
    get cookie() {
      return cookie;
    },
    set cookie(value) {
      cookie = value;
    },
  };
}

/** A staff member who accepted their invitation in `b`'s browser. */
async function staffOf(shop, role, b = browser()) {
  const address = email(role);
  const invited = await inviteStaff(t.db, { shopId: shop.id, email: address, role });
  const accepted = await b.post('/v1/console/invites/accept', { token: invited.invite, password: PASSWORD });
  assert.equal(accepted.status, 200, accepted.text);
  return { b, email: address, user: accepted.json.user, invite: invited.invite };
}

const pendingReview = async ({ as }, customer = 'c1') => {
  const res = await as(customer).post('/v1/products/p1/reviews', {
    rating: 4,
    body: 'Sturdy canvas and the handles feel solid.',
    displayName: 'Ana',
    consent: true,
  });
  assert.equal(res.json.status, 'pending');
  return res.json;
};

describe(`console sessions, roles and the audit log (${ENGINE})`, () => {
  it('an invitation sets the password once and opens a session: HttpOnly, SameSite=Strict, hashed at rest', async () => {
    const f = await shopFixture(t);
    const { b, user, invite, email: address } = await staffOf(f.shop, 'owner');
    assert.deepEqual([user.role, user.active, user.shopId], ['owner', true, f.shop.id]);
    const me = await b.get('/v1/console/me');
    assert.equal(me.status, 200);
    assert.deepEqual([me.json.user.email, me.json.shop.id], [address, f.shop.id]);
    assert.equal(me.headers.get('cache-control'), 'no-store');

    // The link works once.
    const again = await browser().post('/v1/console/invites/accept', { token: invite, password: PASSWORD });
    isError(again, 401, 'invite_invalid');
    // The database keeps neither the session's secret nor the password.
    const secret = b.cookie.split('=')[1];
    assert.equal(await count(t.db, 'SELECT count(*) AS n FROM staff_tokens WHERE hash = $1', [secret]), 0);
    const { rows } = await t.db.query('SELECT password_hash FROM staff_users WHERE id = $1', [user.id]);
    assert.match(rows[0].password_hash, /^scrypt\$32768\$8\$3\$/);
    assert.doesNotMatch(rows[0].password_hash, /correct horse/);
  });

  it('the cookie: HttpOnly, SameSite=Strict, Path=/, 12 hours; Secure when served over https', async () => {
    const f = await shopFixture(t);
    const plain = browser();
    await staffOf(f.shop, 'owner', plain);
    const signedIn = await plain.post('/v1/console/sign-out');
    assert.equal(signedIn.status, 204);
    const { email: address } = await staffOf(f.shop, 'moderator');
    const res = await browser().post('/v1/console/sign-in', { email: address, password: PASSWORD });
    assert.equal(res.status, 200, res.text);
    const attrs = res.setCookie.split(';').map((a) => a.trim().toLowerCase());
    assert.ok(
      attrs.includes('httponly') && attrs.includes('samesite=strict') && attrs.includes('path=/'),
      res.setCookie,
    );
    assert.ok(attrs.includes('max-age=43200'), res.setCookie);
    assert.ok(!attrs.includes('secure'), 'not over plain http (a browser would drop it)');

    const https = await createTestServer({ publicUrl: 'https://kith.example' });
    try {
      const shop = await shopFixture(https);
      const invited = await inviteStaff(https.db, { shopId: shop.shop.id, email: email('tls'), role: 'owner' });
      const res2 = await https.app.request('https://kith.example/v1/console/invites/accept', {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: 'https://kith.example' },
        body: JSON.stringify({ token: invited.invite, password: PASSWORD }),
      });
      assert.equal(res2.status, 200);
      const cookie = res2.headers.get('set-cookie');
      assert.match(cookie, /^__Host-kith_console=[\w-]+;/);
      assert.match(cookie, /;\s*Secure/i);
      assert.match(cookie, /;\s*Path=\//i);
      assert.doesNotMatch(cookie, /Domain=/i);
      const me = await https.app.request('https://kith.example/v1/console/me', {
        headers: { cookie: cookie.split(';')[0] },
      });
      assert.equal(me.status, 200);
    } finally {
      await https.close();
    }
  });

  it('a wrong password is 401 invalid_credentials, as an unknown email is; the sixth try in 15 minutes is 429 even when right', async () => {
    const f = await shopFixture(t);
    const { email: address } = await staffOf(f.shop, 'owner');
    const b = browser();
    const unknown = await b.post('/v1/console/sign-in', { email: email('nobody'), password: PASSWORD });
    isError(unknown, 401, 'invalid_credentials');
    for (let i = 0; i < 5; i++)
      isError(
        await b.post('/v1/console/sign-in', { email: address, password: `wrong ${i} password` }),
        401,
        'invalid_credentials',
      );
    // However the email is written (case, spaces around it), it is one count.
    const limited = await b.post('/v1/console/sign-in', {
      email: `${' '.repeat(320)}${address.toUpperCase()} `,
      password: PASSWORD,
    });
    isError(limited, 429, 'sign_in_rate_limited');
    assert.ok(Number(limited.headers.get('retry-after')) > 0);
    assert.equal(b.cookie, undefined, 'no session was opened');

    // Past the window, the right password signs in, and clears the count.
    await t.db.query(
      "UPDATE rate_limits SET window_start = now() - interval '16 minutes' WHERE bucket LIKE 'sign-in:%'",
    );
    assert.equal((await b.post('/v1/console/sign-in', { email: address, password: PASSWORD })).status, 200);
    assert.equal(
      await count(t.db, 'SELECT count(*) AS n FROM rate_limits WHERE bucket = $1', [`sign-in:email:${address}`]),
      0,
    );
  });

  it('an expired session, a signed-out one and one an owner revoked sign no one in', async () => {
    const f = await shopFixture(t);
    const owner = await staffOf(f.shop, 'owner');
    const mod = await staffOf(f.shop, 'moderator');

    // Expired: past its 12 hours.
    const expiring = await staffOf(f.shop, 'moderator');
    await t.db.query(
      "UPDATE staff_tokens SET expires_at = now() - interval '1 second' WHERE user_id = $1 AND kind = 'session'",
      [expiring.user.id],
    );
    isError(await expiring.b.get('/v1/console/me'), 401, 'session_required');
    isError(await expiring.b.get('/v1/admin/reviews'), 401, 'session_required');

    // Revoked by an owner.
    assert.equal((await mod.b.get('/v1/admin/reviews')).status, 200);
    const revoked = await owner.b.post(`/v1/admin/staff/${mod.user.id}/sign-out`);
    assert.deepEqual([revoked.status, revoked.json.ended], [200, 1]);
    isError(await mod.b.get('/v1/admin/reviews'), 401, 'session_required');

    // Signed out: the old cookie, replayed, is nothing.
    const stolen = owner.b.cookie;
    assert.equal((await owner.b.post('/v1/console/sign-out')).status, 204);
    assert.equal(owner.b.cookie, undefined, 'the cookie is cleared');
    owner.b.cookie = stolen;
    isError(await owner.b.get('/v1/console/me'), 401, 'session_required');
    isError(await browser().get('/v1/console/me'), 401, 'session_required');
  });

  it('a session write from another origin, or cross-site, is 403 origin_not_allowed and writes nothing', async () => {
    const f = await shopFixture(t);
    const { b } = await staffOf(f.shop, 'owner');
    const review = await pendingReview(f);
    const approve = `/v1/admin/reviews/${review.id}/approve`;
    isError(await b.post(approve, undefined, { origin: 'https://evil.example' }), 403, 'origin_not_allowed');
    isError(
      await b.post(approve, undefined, { origin: ORIGIN, 'sec-fetch-site': 'cross-site' }),
      403,
      'origin_not_allowed',
    );
    isError(
      await b.post('/v1/console/sign-out', undefined, { origin: 'https://evil.example' }),
      403,
      'origin_not_allowed',
    );
    const status = async () =>
      (await t.db.query('SELECT status FROM reviews WHERE id = $1', [review.id])).rows[0].status;
    assert.equal(await status(), 'pending');
    assert.equal(await count(t.db, 'SELECT count(*) AS n FROM audit_log WHERE shop_id = $1', [f.shop.id]), 0);
    // Signing in from another site is refused too (no one's session is made from a foreign page).
    isError(
      await browser().post(
        '/v1/console/sign-in',
        { email: 'x@acme.example', password: PASSWORD },
        { origin: 'https://evil.example' },
      ),
      403,
      'origin_not_allowed',
    );
    // The same write from the console's page goes through.
    assert.equal((await b.post(approve)).json.status, 'published');
    assert.equal(await status(), 'published');
  });

  it('a moderator moderates and reads the audit log; every other admin route is 403 role_forbidden', async () => {
    const f = await shopFixture(t);
    const { b, email: address, user } = await staffOf(f.shop, 'moderator');
    const review = await pendingReview(f);
    assert.equal((await b.get('/v1/admin/reviews?status=pending')).json.items[0].id, review.id);
    assert.equal((await b.post(`/v1/admin/reviews/${review.id}/approve`)).json.status, 'published');
    const replied = await b.post(`/v1/admin/reviews/${review.id}/reply`, { body: 'Thank you, Ana!' });
    assert.equal(replied.json.reply.body, 'Thank you, Ana!');
    assert.equal((await f.pub.get('/v1/products/p1/reviews')).json.items[0].reply.body, 'Thank you, Ana!');

    for (const [method, path] of [
      ['POST', '/v1/admin/group-buys'],
      ['GET', '/v1/admin/group-buys'],
      ['PUT', '/v1/admin/points/program'],
      ['GET', '/v1/admin/staff'],
      ['POST', '/v1/admin/keys/rotate'],
      ['PUT', '/v1/admin/reviews/settings'],
    ]) {
      const res = method === 'GET' ? await b.get(path) : await b[method.toLowerCase()](path, {});
      isError(res, 403, 'role_forbidden', `${method} ${path}`);
    }

    const audit = await b.get('/v1/admin/audit');
    assert.equal(audit.status, 200);
    const [second, first] = audit.json.items;
    assert.deepEqual(
      [first.operation, first.actor, first.target, first.before, first.after.status],
      [
        'approveReview',
        { kind: 'staff', id: user.id, email: address },
        review.id,
        { status: 'pending', reply: null },
        'published',
      ],
    );
    assert.deepEqual(
      [second.operation, second.request, second.before, second.after.reply.body],
      ['replyToReview', { body: 'Thank you, Ana!' }, { status: 'published', reply: null }, 'Thank you, Ana!'],
    );
  });

  it('owner sessions and the secret key are both audited; no secret ever reaches the audit log', async () => {
    const f = await shopFixture(t);
    const owner = await staffOf(f.shop, 'owner');
    const admin = client(t.app, f.shop.secretKey);
    assert.equal((await admin.put('/v1/admin/reviews/settings', { autoPublish: 'none' })).status, 200);
    const invited = await owner.b.post('/v1/admin/staff', { email: email('new'), role: 'moderator' });
    assert.equal(invited.status, 201, invited.text);
    assert.match(invited.json.inviteUrl, /^http:\/\/localhost\/admin\/#invite=[\w-]{43}$/);
    const webhook = await owner.b.put('/v1/admin/webhooks', { url: 'https://acme.example/hooks' });
    assert.match(webhook.json.secret, /^whsec_/);
    const rotated = await owner.b.post('/v1/admin/keys/rotate');
    assert.equal(rotated.status, 200);
    // A refused write is not in the log.
    isError(await owner.b.post('/v1/admin/reviews/nope/approve'), 404, 'not_found');

    const { items } = (await owner.b.get('/v1/admin/audit')).json;
    assert.deepEqual(
      items.map((e) => [e.operation, e.actor.kind]),
      [
        ['rotateSecretKey', 'staff'],
        ['setWebhookUrl', 'staff'],
        ['inviteStaff', 'staff'],
        ['updateReviewSettings', 'secret_key'],
      ],
    );
    assert.deepEqual(items[3].request, { autoPublish: 'none' });
    // What was done is there; the secrets in it are not.
    assert.equal(items[0].after.secretKey, '[redacted]');
    assert.equal(items[0].after.keyId, rotated.json.keyId);
    assert.deepEqual([items[1].request.url, items[1].after.secret], ['https://acme.example/hooks', '[redacted]']);
    assert.deepEqual(items[2].request, { email: invited.json.user.email, role: 'moderator' });
    assert.deepEqual([items[2].after.user.id, items[2].after.inviteUrl], [invited.json.user.id, '[redacted]']);
    const log = JSON.stringify((await t.db.query('SELECT * FROM audit_log WHERE shop_id = $1', [f.shop.id])).rows);
    for (const secret of [
      rotated.json.secretKey,
      f.shop.secretKey,
      webhook.json.secret,
      invited.json.inviteUrl.split('=')[1],
    ])
      assert.ok(!log.includes(secret), 'a secret in the audit log');
    assert.doesNotMatch(log, /sk_|whsec_|#invite=/);
    // Paged, newest first.
    const page = await owner.b.get('/v1/admin/audit?limit=3');
    assert.equal(page.json.items.length, 3);
    const rest = await owner.b.get(`/v1/admin/audit?limit=3&cursor=${page.json.nextCursor}`);
    assert.deepEqual(
      rest.json.items.map((e) => e.operation),
      ['updateReviewSettings'],
    );
    assert.equal(rest.json.nextCursor, null);
    isError(await owner.b.get('/v1/admin/audit?cursor=abc'), 400, 'invalid_cursor');

    // A moderator reads only what moderators may do: not the webhook, the key or the invitation.
    const mod = await staffOf(f.shop, 'moderator');
    const review = await pendingReview(f);
    await mod.b.post(`/v1/admin/reviews/${review.id}/approve`);
    assert.deepEqual(
      (await mod.b.get('/v1/admin/audit')).json.items.map((e) => e.operation),
      ['approveReview'],
    );
  });

  it('a removed staff member is out at once: sessions end, sign-in fails; inviting them again brings them back', async () => {
    const f = await shopFixture(t);
    const owner = await staffOf(f.shop, 'owner');
    const mod = await staffOf(f.shop, 'moderator');
    isError(await owner.b.del(`/v1/admin/staff/${owner.user.id}`), 409, 'illegal_transition');
    assert.equal((await owner.b.del(`/v1/admin/staff/${mod.user.id}`)).status, 204);
    isError(await mod.b.get('/v1/admin/reviews'), 401, 'session_required');
    isError(
      await browser().post('/v1/console/sign-in', { email: mod.email, password: PASSWORD }),
      401,
      'invalid_credentials',
    );
    assert.deepEqual(
      (await owner.b.get('/v1/admin/staff')).json.items.map((u) => u.email),
      [owner.email],
    );
    isError(await owner.b.del(`/v1/admin/staff/${mod.user.id}`), 404, 'not_found');
    // Back, with a new role and a new password (the old one is gone).
    const again = await owner.b.post('/v1/admin/staff', { email: mod.email, role: 'owner' });
    assert.equal(again.status, 201);
    assert.deepEqual([again.json.user.id, again.json.user.role, again.json.user.active], [mod.user.id, 'owner', false]);
    isError(
      await browser().post('/v1/console/sign-in', { email: mod.email, password: PASSWORD }),
      401,
      'invalid_credentials',
    );
    // Another shop cannot take an email on this one's staff.
    const other = await shopFixture(t);
    const outsider = await staffOf(other.shop, 'owner');
    isError(await outsider.b.post('/v1/admin/staff', { email: owner.email, role: 'owner' }), 409, 'already_exists');
  });

  it('setting a password through a new invitation ends the sessions the old one opened', async () => {
    const f = await shopFixture(t);
    const { b, email: address } = await staffOf(f.shop, 'owner');
    assert.equal((await b.get('/v1/console/me')).status, 200);
    const link = await reinviteStaff(t.db, f.shop.id, address);
    const fresh = browser();
    assert.equal(
      (await fresh.post('/v1/console/invites/accept', { token: link, password: 'a brand new password' })).status,
      200,
    );
    isError(await b.get('/v1/console/me'), 401, 'session_required');
    assert.equal((await fresh.get('/v1/console/me')).status, 200);
  });

  it('redaction: keys, passwords, tokens and reward and coupon codes go; a public share code stays', () => {
    assert.deepEqual(
      redact({
        code: 'LIN-7Q2K',
        couponCode: 'FRIEND-AB12',
        codes: ['TEN-1'],
        secretKey: 'anything',
        nested: [{ password: 'p', note: 'sk_live_123', webhook: 'whsec_abc', plain: 'hello' }],
      }),
      {
        code: 'LIN-7Q2K',
        couponCode: '[redacted]',
        codes: '[redacted]',
        secretKey: '[redacted]',
        nested: [{ password: '[redacted]', note: '[redacted]', webhook: '[redacted]', plain: 'hello' }],
      },
    );
  });

  it("an Idempotency-Key is the staff member's own: the same key from the secret key or a colleague runs anew", async () => {
    const f = await shopFixture(t);
    const a = await staffOf(f.shop, 'owner');
    const b = await staffOf(f.shop, 'owner');
    const key = idem();
    const first = await pendingReview(f, 'c1');
    const second = await pendingReview(f, 'c2');
    const one = await a.b.post(`/v1/admin/reviews/${first.id}/approve`, undefined, { 'idempotency-key': key });
    const two = await b.b.post(`/v1/admin/reviews/${second.id}/approve`, undefined, { 'idempotency-key': key });
    assert.deepEqual([one.json.id, two.json.id], [first.id, second.id]);
    assert.equal(two.headers.get('idempotent-replayed'), null);
    const replay = await a.b.post(`/v1/admin/reviews/${first.id}/approve`, undefined, { 'idempotency-key': key });
    assert.equal(replay.headers.get('idempotent-replayed'), 'true');
  });
});
