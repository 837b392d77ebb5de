// The shop's own settings through the admin API (what the console's Settings screen uses): the
// publishable key and the secret key's kid (never the key), and the sites whose pages may use
// the publishable key, set as a whole list, normalised, checked, and audited.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { client, createTestServer, ENGINE, isError, newShop } from './helpers.mjs';

let t;
before(async () => {
  t = await createTestServer();
});
after(async () => t.close());

describe(`shop settings (${ENGINE})`, () => {
  it('reads the keys it may show: the publishable key and the kid, never the secret key', async () => {
    const shop = await newShop(t.db, { allowedOrigins: ['https://acme.example'] });
    const res = await client(t.app, shop.secretKey).get('/v1/admin/shop');
    assert.equal(res.status, 200);
    assert.deepEqual(Object.keys(res.json).sort(), ['allowedOrigins', 'id', 'keyId', 'name', 'publishableKey']);
    assert.equal(res.json.publishableKey, shop.publishableKey);
    assert.deepEqual(res.json.allowedOrigins, ['https://acme.example']);
    assert.ok(!res.text.includes(shop.secretKey));
  });

  it('sets the allowed sites as a whole list; pages on them work at once, others are refused', async () => {
    const shop = await newShop(t.db, { allowedOrigins: ['https://old.example'] });
    const admin = client(t.app, shop.secretKey);
    const set = await admin.put('/v1/admin/shop/origins', {
      origins: ['https://acme.example/', 'http://localhost:5173', 'https://acme.example'],
    });
    assert.equal(set.status, 200, set.text);
    assert.deepEqual(set.json.allowedOrigins, ['https://acme.example', 'http://localhost:5173']);
    const from = (origin) =>
      client(t.app, shop.publishableKey).get('/v1/products/p1/reviews/summary', { headers: { origin } });
    assert.equal((await from('http://localhost:5173')).status, 200);
    isError(await from('https://old.example'), 403, 'origin_not_allowed');

    const { rows } = await t.db.query(
      "SELECT before, after FROM audit_log WHERE shop_id = $1 AND operation = 'setAllowedOrigins'",
      [shop.id],
    );
    assert.deepEqual(rows[0].before, { allowedOrigins: ['https://old.example'] });
    assert.deepEqual(rows[0].after.allowedOrigins, ['https://acme.example', 'http://localhost:5173']);
  });

  it('refuses a path, a query, another scheme or too many sites with the field, and changes nothing', async () => {
    const shop = await newShop(t.db, { allowedOrigins: ['https://acme.example'] });
    const admin = client(t.app, shop.secretKey);
    for (const bad of ['https://acme.example/shop', 'https://acme.example?x=1', 'ftp://acme.example', 'acme.example']) {
      const res = await admin.put('/v1/admin/shop/origins', { origins: ['https://ok.example', bad] });
      isError(res, 400, 'invalid_request', bad);
      assert.deepEqual(
        res.json.error.details.map((d) => d.path),
        ['json.origins.1'],
      );
    }
    const many = Array.from({ length: 51 }, (_, i) => `https://s${i}.example`);
    isError(await admin.put('/v1/admin/shop/origins', { origins: many }), 400, 'invalid_request');
    assert.deepEqual((await admin.get('/v1/admin/shop')).json.allowedOrigins, ['https://acme.example']);
  });
});
