import assert from 'node:assert/strict';
import { createHmac, generateKeyPairSync } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { decodeProtectedHeader, SignJWT } from 'jose';
import { CLOCK_TOLERANCE_SECONDS, customerTokenKeyId, signCustomerToken, verifyCustomerToken } from '@kith/server';
import { client, createTestServer, isError, newShop } from './helpers.mjs';

const SECRET = 'sk_test_secret';
const bytes = (s) => new TextEncoder().encode(s);
const nowSeconds = () => Math.floor(Date.now() / 1000);
const b64 = (value) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');

/**
 * A token as any JWT library could make it: `claims` as given, `header` over the default HS256 with the secret's kid.
 * @param {any} claims
 * @param {{ secret?: string, header?: Record<string, unknown>, alg?: string, key?: import('jose').KeyInput }} [options]
 */
const jwt = (claims, { secret = SECRET, header = {}, alg = 'HS256', key = bytes(secret) } = {}) =>
  new SignJWT(claims).setProtectedHeader({ alg, typ: 'JWT', kid: customerTokenKeyId(secret), ...header }).sign(key);
const valid = (over = {}) => ({ sub: 'cust-1', iat: nowSeconds(), exp: nowSeconds() + 300, ...over });
/** Signed by hand, as before jose: no kid. */
const handRolled = (claims, secret = SECRET, header = { alg: 'HS256', typ: 'JWT' }) => {
  const body = `${b64(header)}.${b64(claims)}`;
  return `${body}.${createHmac('sha256', secret).update(body).digest('base64url')}`;
};

describe('customer tokens (HS256 on jose)', () => {
  it("round-trips sub, exp, iat and nbf, with the secret's kid in the header", async () => {
    const token = await signCustomerToken(SECRET, 'cust-42', { ttlSeconds: 60 });
    const claims = /** @type {import('@kith/server').CustomerClaims} */ (await verifyCustomerToken(SECRET, token));
    assert.equal(claims.sub, 'cust-42');
    assert.equal(claims.exp - claims.iat, 60);
    assert.equal(claims.nbf, claims.iat);
    assert.ok(Math.abs(claims.iat - nowSeconds()) <= 1);
    assert.deepEqual(decodeProtectedHeader(token), { alg: 'HS256', typ: 'JWT', kid: customerTokenKeyId(SECRET) });
    assert.match(customerTokenKeyId(SECRET), /^[\w-]{16}$/);
    assert.equal(customerTokenKeyId(SECRET), customerTokenKeyId(SECRET), 'stable');
    assert.notEqual(customerTokenKeyId(SECRET), customerTokenKeyId('sk_other'));
    assert.equal(
      /** @type {import('@kith/server').CustomerClaims} */ (
        await verifyCustomerToken(SECRET, await signCustomerToken(SECRET, 'клиент 😀', { scope: 'stream' }))
      ).scope,
      'stream',
    );
  });

  it('refuses a wrong secret and a tampered payload or header', async () => {
    const token = await signCustomerToken(SECRET, 'cust-42');
    const [h, , s] = token.split('.');
    assert.equal(await verifyCustomerToken('sk_other', handRolled(valid())), 'bad_signature');
    assert.equal(await verifyCustomerToken(SECRET, `${h}.${b64({ sub: 'admin', exp: 9e9 })}.${s}`), 'bad_signature');
    assert.equal(
      await verifyCustomerToken(SECRET, `${b64({ alg: 'HS256', typ: 'JWT' })}.${token.split('.')[1]}.${s}`),
      'bad_signature',
      'kid dropped',
    );
    assert.equal(await verifyCustomerToken(SECRET, `${token}x`), 'bad_signature');
  });

  it(`expired: exp in the past by more than the ${CLOCK_TOLERANCE_SECONDS} s tolerance; within it, still valid`, async () => {
    assert.equal(
      await verifyCustomerToken(
        SECRET,
        await signCustomerToken(SECRET, 'c', { ttlSeconds: 10, now: Date.now() - 60_000 }),
      ),
      'expired',
    );
    assert.equal(
      await verifyCustomerToken(SECRET, await jwt(valid({ exp: nowSeconds() - CLOCK_TOLERANCE_SECONDS - 5 }))),
      'expired',
    );
    assert.equal((await verifyCustomerToken(SECRET, await jwt(valid({ exp: nowSeconds() - 10 })))).sub, 'cust-1');
  });

  it('nbf or iat ahead of the clock: refused beyond the tolerance, accepted within it', async () => {
    assert.equal(await verifyCustomerToken(SECRET, await jwt(valid({ nbf: nowSeconds() + 120 }))), 'not_yet_valid');
    assert.equal(
      await verifyCustomerToken(SECRET, await jwt(valid({ nbf: nowSeconds() + CLOCK_TOLERANCE_SECONDS + 5 }))),
      'not_yet_valid',
    );
    assert.equal((await verifyCustomerToken(SECRET, await jwt(valid({ nbf: nowSeconds() + 20 })))).sub, 'cust-1');
    assert.equal(await verifyCustomerToken(SECRET, await jwt(valid({ iat: nowSeconds() + 120 }))), 'not_yet_valid');
    assert.equal((await verifyCustomerToken(SECRET, await jwt(valid({ iat: nowSeconds() + 20 })))).sub, 'cust-1');
    // A token signed by a server whose clock runs 2 minutes fast.
    assert.equal(
      await verifyCustomerToken(SECRET, await signCustomerToken(SECRET, 'c', { now: Date.now() + 120_000 })),
      'not_yet_valid',
    );
    assert.equal(await verifyCustomerToken(SECRET, await jwt(valid({ nbf: 'soon' }))), 'malformed');
  });

  it('only HS256: alg none, HS512 and an RS256 header (signed with the secret or a real RSA key) are refused', async () => {
    const none = `${b64({ alg: 'none', typ: 'JWT' })}.${b64(valid())}.`;
    assert.equal(await verifyCustomerToken(SECRET, none), 'wrong_alg');
    assert.equal(await verifyCustomerToken(SECRET, `${b64({ alg: 'NONE' })}.${b64(valid())}.`), 'wrong_alg');
    assert.equal(await verifyCustomerToken(SECRET, await jwt(valid(), { alg: 'HS512' })), 'wrong_alg');
    // Key confusion: an RS256 header over an HMAC made with the secret.
    assert.equal(
      await verifyCustomerToken(SECRET, handRolled(valid(), SECRET, { alg: 'RS256', typ: 'JWT' })),
      'wrong_alg',
    );
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    assert.equal(await verifyCustomerToken(SECRET, await jwt(valid(), { alg: 'RS256', key: privateKey })), 'wrong_alg');
    assert.equal(
      await verifyCustomerToken(SECRET, `${b64({ typ: 'JWT' })}.${b64(valid())}.x`),
      'malformed',
      'no alg at all',
    );
  });

  it('requires exp, a finite number', async () => {
    assert.equal(await verifyCustomerToken(SECRET, handRolled({ sub: 'c' })), 'malformed');
    assert.equal(await verifyCustomerToken(SECRET, await jwt({ sub: 'c' })), 'malformed');
    assert.equal(await verifyCustomerToken(SECRET, await jwt(valid({ exp: String(nowSeconds() + 300) }))), 'malformed');
    // 1e309 parses to Infinity: a token that never expires.
    const body = `${b64({ alg: 'HS256', kid: customerTokenKeyId(SECRET) })}.${b64('{"sub":"c","exp":1e309}')}`;
    assert.equal(
      await verifyCustomerToken(SECRET, `${body}.${createHmac('sha256', SECRET).update(body).digest('base64url')}`),
      'malformed',
    );
  });

  it('requires sub: 1 to 200 characters, no control characters, valid Unicode', async () => {
    for (const sub of [
      undefined,
      '',
      42,
      null,
      ['c'],
      'nul\u0000id',
      'bell\u0007',
      'line\nbreak',
      'del\u007f',
      'c1\u0085',
      'lone\ud800',
      'x'.repeat(201),
    ]) {
      assert.equal(await verifyCustomerToken(SECRET, await jwt(valid({ sub }))), 'malformed', JSON.stringify(sub));
    }
    for (const sub of ['x'.repeat(200), 'user@example.com', 'клиент 😀', 'a b']) {
      assert.equal((await verifyCustomerToken(SECRET, await jwt(valid({ sub })))).sub, sub);
    }
    assert.equal(await verifyCustomerToken(SECRET, await jwt(valid({ scope: 7 }))), 'malformed');
  });

  it('signCustomerToken refuses what verification would', async () => {
    for (const id of ['', 'nul\u0000id', 'x'.repeat(201), 42])
      // @ts-expect-error -- 42 is deliberately not a string: the runtime check must refuse it.
      await assert.rejects(signCustomerToken(SECRET, id), TypeError);
    for (const ttlSeconds of [0, -5, 1.5, Infinity])
      await assert.rejects(signCustomerToken(SECRET, 'c', { ttlSeconds }), TypeError);
    await assert.rejects(signCustomerToken('', 'c'), TypeError);
  });

  it('junk is malformed, never an exception', async () => {
    for (const junk of [
      'not-a-token',
      '',
      '..',
      'a.b.c',
      'a.b',
      'a.b.c.d',
      '%%%.%%%.%%%',
      `${b64('[]')}.${b64('{}')}.x`,
      `${b64({ alg: 'HS256', crit: ['exp'] })}.${b64(valid())}.x`,
      `${b64({ alg: 'HS256' })}.${b64('[1]')}.x`,
      'e'.repeat(5000),
      `${b64({ alg: 'HS256', b64: false, crit: ['b64'] })}..x`,
    ]) {
      const got = await verifyCustomerToken(SECRET, junk);
      assert.ok(got === 'malformed' || got === 'bad_signature', `${junk.slice(0, 40)}: ${got}`);
    }
    assert.equal(await verifyCustomerToken(SECRET, 'not-a-token'), 'malformed');
    assert.equal(
      await verifyCustomerToken(
        SECRET,
        `${b64({ alg: 'HS256' })}.${b64('[1]')}.${createHmac('sha256', SECRET)
          .update(`${b64({ alg: 'HS256' })}.${b64('[1]')}`)
          .digest('base64url')}`,
      ),
      'malformed',
    );
  });

  it('picks the secret by kid: the current one, or the previous one when given; no kid: the current one only', async () => {
    const NEW = 'sk_test_new';
    const old = await signCustomerToken(SECRET, 'c-old');
    const fresh = await signCustomerToken(NEW, 'c-new');
    assert.equal((await verifyCustomerToken({ current: NEW, previous: SECRET }, old)).sub, 'c-old');
    assert.equal((await verifyCustomerToken({ current: NEW, previous: SECRET }, fresh)).sub, 'c-new');
    assert.equal(
      await verifyCustomerToken({ current: NEW }, old),
      'unknown_key',
      'no previous secret: its kid is unknown',
    );
    assert.equal(
      await verifyCustomerToken({ current: NEW, previous: SECRET }, await jwt(valid(), { header: { kid: 'nope' } })),
      'unknown_key',
    );
    assert.equal(await verifyCustomerToken(SECRET, await jwt(valid(), { header: { kid: 7 } })), 'unknown_key');
    // A kid that names the previous secret over a signature made with another: still refused.
    assert.equal(
      await verifyCustomerToken(
        { current: NEW, previous: SECRET },
        await jwt(valid(), { secret: 'sk_evil', header: { kid: customerTokenKeyId(SECRET) } }),
      ),
      'bad_signature',
    );
    // Tokens without a kid (signed before jose, or by another library): the current secret only.
    assert.equal((await verifyCustomerToken(SECRET, handRolled(valid()))).sub, 'cust-1');
    assert.equal(
      (await verifyCustomerToken({ current: NEW, previous: SECRET }, handRolled(valid(), NEW))).sub,
      'cust-1',
    );
    assert.equal(
      await verifyCustomerToken({ current: NEW, previous: SECRET }, handRolled(valid(), SECRET)),
      'bad_signature',
    );
  });
});

describe('GET /v1/customer', () => {
  let t;
  before(async () => {
    t = await createTestServer();
  });
  after(async () => t.close());

  it('trusts only a token signed with the shop secret, never a client-supplied id', async () => {
    const shop = await newShop(t.db);
    const pub = client(t.app, shop.publishableKey);
    assert.equal((await pub.get('/v1/customer')).json.error.code, 'customer_token_required');
    const good = await pub.get('/v1/customer', {
      headers: { 'x-kith-customer': await signCustomerToken(shop.secretKey, 'cust-7') },
    });
    assert.deepEqual(good.json, { id: 'cust-7' });
    const other = await newShop(t.db);
    const wrong = await pub.get('/v1/customer', {
      headers: { 'x-kith-customer': handRolled(valid(), other.secretKey) },
    });
    isError(wrong, 401, 'customer_token_bad_signature');
  });

  it('answers each refusal with its 401 code and a message saying what to fix', async () => {
    const shop = await newShop(t.db);
    const pub = client(t.app, shop.publishableKey);
    const as = (token) => pub.get('/v1/customer', { headers: { 'x-kith-customer': token } });
    const cases = [
      [
        'customer_token_expired',
        await signCustomerToken(shop.secretKey, 'c', { ttlSeconds: 10, now: Date.now() - 3_600_000 }),
      ],
      ['customer_token_not_yet_valid', await jwt(valid({ nbf: nowSeconds() + 600 }), { secret: shop.secretKey })],
      ['customer_token_wrong_alg', `${b64({ alg: 'none' })}.${b64(valid())}.`],
      ['customer_token_unknown_key', await signCustomerToken((await newShop(t.db)).secretKey, 'c')],
      ['customer_token_malformed', await jwt(valid({ sub: 'nul\u0000' }), { secret: shop.secretKey })],
      ['customer_token_malformed', 'x'.repeat(5000)],
    ];
    for (const [code, token] of cases) {
      const res = await as(token);
      isError(res, 401, code);
      assert.doesNotMatch(res.text, new RegExp(shop.secretKey), 'never the secret');
    }
  });
});

describe('rotating the secret key (POST /v1/admin/keys/rotate)', () => {
  let t;
  before(async () => {
    t = await createTestServer();
  });
  after(async () => t.close());

  const rotate = (key, body) => client(t.app, key).post('/v1/admin/keys/rotate', body);
  const customer = (shop, token) =>
    client(t.app, shop.publishableKey).get('/v1/customer', { headers: { 'x-kith-customer': token } });
  /** The overlap window ends: its stored end moved into the past, as time passing would. */
  const endWindow = (shop) =>
    t.db.query("UPDATE shops SET previous_secret_key_expires_at = now() - interval '1 second' WHERE id = $1", [
      shop.id,
    ]);

  it('answers the new key once; the old one stops authenticating at once and verifies tokens until the window ends', async () => {
    const shop = await newShop(t.db);
    const before = await signCustomerToken(shop.secretKey, 'c-before');
    const res = await rotate(shop.secretKey);
    assert.equal(res.status, 200, res.text);
    assert.equal(res.headers.get('cache-control'), 'no-store');
    const { secretKey, keyId, previousKeyId, previousKeyExpiresAt } = res.json;
    assert.match(secretKey, /^sk_[\w-]{43}$/);
    assert.notEqual(secretKey, shop.secretKey);
    assert.equal(keyId, customerTokenKeyId(secretKey));
    assert.equal(previousKeyId, customerTokenKeyId(shop.secretKey));
    assert.ok(Math.abs(Date.parse(previousKeyExpiresAt) - (Date.now() + 86_400_000)) < 60_000, previousKeyExpiresAt);
    assert.doesNotMatch(res.text, new RegExp(shop.secretKey), 'the old secret is not echoed');

    // Admin calls: the new key only.
    isError(await client(t.app, shop.secretKey).get('/v1/admin/reviews'), 401, 'invalid_key');
    assert.equal((await client(t.app, secretKey).get('/v1/admin/reviews')).status, 200);
    // Customer tokens: both, by kid; the publishable key is unchanged.
    assert.deepEqual((await customer(shop, before)).json, { id: 'c-before' });
    assert.deepEqual(
      (await customer(shop, await signCustomerToken(shop.secretKey, 'c-late'))).json,
      { id: 'c-late' },
      'a server not yet switched',
    );
    assert.deepEqual((await customer(shop, await signCustomerToken(secretKey, 'c-after'))).json, { id: 'c-after' });
    // Without a kid a token is checked against the current key only.
    isError(await customer(shop, handRolled(valid(), shop.secretKey)), 401, 'customer_token_bad_signature');
    assert.deepEqual((await customer(shop, handRolled(valid(), secretKey))).json, { id: 'cust-1' });

    await endWindow(shop);
    isError(await customer(shop, before), 401, 'customer_token_unknown_key');
    assert.deepEqual((await customer(shop, await signCustomerToken(secretKey, 'c-after'))).json, { id: 'c-after' });
  });

  it('overlapSeconds: 0 ends the old key at once (after a leak); a rotation drops the key replaced before', async () => {
    const shop = await newShop(t.db);
    const leaked = await signCustomerToken(shop.secretKey, 'c');
    const res = await rotate(shop.secretKey, { overlapSeconds: 0 });
    assert.equal(res.status, 200, res.text);
    assert.equal(res.json.previousKeyId, null);
    assert.equal(res.json.previousKeyExpiresAt, null);
    isError(await customer(shop, leaked), 401, 'customer_token_unknown_key');
    const { rows } = await t.db.query('SELECT previous_secret_key FROM shops WHERE id = $1', [shop.id]);
    assert.equal(rows[0].previous_secret_key, null, 'not kept at all');

    const second = await signCustomerToken(res.json.secretKey, 'c2');
    const third = (await rotate(res.json.secretKey, { overlapSeconds: 60 })).json;
    assert.ok(Math.abs(Date.parse(third.previousKeyExpiresAt) - (Date.now() + 60_000)) < 30_000);
    const thirdToken = await signCustomerToken(third.secretKey, 'c3');
    const fourth = (await rotate(third.secretKey)).json;
    isError(await customer(shop, second), 401, 'customer_token_unknown_key');
    assert.deepEqual((await customer(shop, thirdToken)).json, { id: 'c3' });
    assert.equal((await client(t.app, fourth.secretKey).get('/v1/admin/reviews')).status, 200);
  });

  it("two rotations with one key: one wins, the other is refused, and the key answered is the shop's", async () => {
    const shop = await newShop(t.db);
    const answers = await Promise.all([rotate(shop.secretKey), rotate(shop.secretKey)]);
    const won = answers.filter((r) => r.status === 200);
    assert.equal(won.length, 1, answers.map((r) => r.text).join('\n'));
    const lost = answers.find((r) => r.status !== 200);
    assert.ok(['key_already_rotated', 'invalid_key'].includes(lost.json.error.code), lost.text);
    assert.equal((await client(t.app, won[0].json.secretKey).get('/v1/admin/reviews')).status, 200);
  });

  it('refuses bad input with 4xx codes, and the publishable key', async () => {
    const shop = await newShop(t.db);
    for (const overlapSeconds of [-1, 604_801, 1.5, '60', null])
      isError(await rotate(shop.secretKey, { overlapSeconds }), 400, 'invalid_request');
    isError(
      await client(t.app, shop.secretKey).call('POST', '/v1/admin/keys/rotate', {
        raw: '{"overlapSeconds":60}',
        headers: { 'content-type': 'text/plain' },
      }),
      415,
      'unsupported_media_type',
    );
    isError(await rotate(shop.publishableKey), 403, 'secret_key_required');
    isError(await rotate('sk_nope'), 401, 'invalid_key');
    isError(await client(t.app).post('/v1/admin/keys/rotate'), 401, 'missing_key');
    assert.equal(
      (await client(t.app, shop.secretKey).get('/v1/admin/reviews')).status,
      200,
      'refusals rotated nothing',
    );
    // No body at all is fine (plain curl -X POST), and no Idempotency-Key is needed.
    assert.equal((await client(t.app, shop.secretKey).call('POST', '/v1/admin/keys/rotate')).status, 200);
  });

  it("is documented in the OpenAPI document, with the secret key or an owner's console session", async () => {
    const doc = (await client(t.app).get('/v1/openapi.json')).json;
    const op = doc.paths['/v1/admin/keys/rotate'].post;
    assert.deepEqual(op.security, [{ secretKey: [] }, { consoleSession: ['owner'] }]);
    assert.ok(op.responses['200'] && op.responses['409']);
  });
});
