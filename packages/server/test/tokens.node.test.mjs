import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { signCustomerToken, verifyCustomerToken } from '@kith/server';
import { client, createTestServer, newShop } from './helpers.mjs';

const SECRET = 'sk_test_secret';

describe('customer tokens (HS256)', () => {
  it('round-trips sub and exp', () => {
    const token = signCustomerToken(SECRET, 'cust-42', { ttlSeconds: 60 });
    const claims = verifyCustomerToken(SECRET, token);
    assert.equal(claims.sub, 'cust-42');
    assert.ok(claims.exp > Date.now() / 1000);
  });

  it('refuses a wrong secret, a tampered payload, an expired token, alg none and junk', () => {
    const token = signCustomerToken(SECRET, 'cust-42');
    assert.equal(verifyCustomerToken('sk_other', token), 'bad_signature');
    const [h, , s] = token.split('.');
    const forged = Buffer.from(JSON.stringify({ sub: 'admin', exp: 9e9 })).toString('base64url');
    assert.equal(verifyCustomerToken(SECRET, `${h}.${forged}.${s}`), 'bad_signature');
    assert.equal(verifyCustomerToken(SECRET, signCustomerToken(SECRET, 'c', { ttlSeconds: 10, now: Date.now() - 60_000 })), 'expired');
    const none = `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${forged}.`;
    assert.equal(verifyCustomerToken(SECRET, none), 'wrong_alg');
    assert.equal(verifyCustomerToken(SECRET, 'not-a-token'), 'malformed');
  });

  it('requires exp', () => {
    const header = Buffer.from('{"alg":"HS256","typ":"JWT"}').toString('base64url');
    const body = Buffer.from('{"sub":"c"}').toString('base64url');
    const sig = createHmac('sha256', SECRET).update(`${header}.${body}`).digest('base64url');
    assert.equal(verifyCustomerToken(SECRET, `${header}.${body}.${sig}`), 'malformed');
  });
});

describe('GET /v1/customer', () => {
  let t;
  before(async () => { t = await createTestServer(); });
  after(async () => t.close());

  it('trusts only a token signed with the shop secret, never a client-supplied id', async () => {
    const shop = await newShop(t.db);
    const pub = client(t.app, shop.publishableKey);
    assert.equal((await pub.get('/v1/customer')).json.error.code, 'customer_token_required');
    const good = await pub.get('/v1/customer', { headers: { 'x-kith-customer': signCustomerToken(shop.secretKey, 'cust-7') } });
    assert.deepEqual(good.json, { id: 'cust-7' });
    const other = await newShop(t.db);
    const wrong = await pub.get('/v1/customer', { headers: { 'x-kith-customer': signCustomerToken(other.secretKey, 'cust-7') } });
    assert.equal(wrong.status, 401);
    assert.equal(wrong.json.error.code, 'customer_token_bad_signature');
  });
});
