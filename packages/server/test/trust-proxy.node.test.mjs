// The client IP behind reverse proxies (KITH_TRUST_PROXY): who may say who the client is through
// X-Forwarded-For, and the limits keyed by the address that gives.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createApp, parseTrustProxy, resolveClientIp, signCustomerToken } from '@kith/server';
import { client, count, createTestServer, ENGINE, isError, newShop } from './helpers.mjs';

let t;
before(async () => {
  t = await createTestServer();
});
after(async () => t.close());

const ip = (peerAddress, xff, setting) => resolveClientIp(peerAddress, xff, parseTrustProxy(setting));

describe('the trust-proxy setting', () => {
  it('is off unless set: the peer address, whatever X-Forwarded-For claims', () => {
    for (const off of [undefined, '', '0', 'false', 'off', false, 0]) {
      assert.equal(ip('203.0.113.9', '1.1.1.1', off), '203.0.113.9', `off: ${JSON.stringify(off)}`);
    }
    assert.equal(
      ip('::ffff:203.0.113.9', undefined, undefined),
      '203.0.113.9',
      'IPv4-mapped peers are their IPv4 address',
    );
    assert.equal(ip(undefined, '1.1.1.1', '1'), 'unknown', 'no socket: unknown, never the header');
  });

  it('a hop count trusts that many proxies nearest the server, and nothing left of them', () => {
    assert.equal(ip('10.0.0.1', '198.51.100.1', '1'), '198.51.100.1');
    assert.equal(ip('10.0.0.1', '6.6.6.6, 198.51.100.1', '1'), '198.51.100.1', 'a forged leftmost entry is not read');
    assert.equal(ip('10.0.0.1', '6.6.6.6, 198.51.100.1, 10.0.0.2', 2), '198.51.100.1');
    assert.equal(ip('10.0.0.1', undefined, '1'), '10.0.0.1', 'no header: the peer');
    assert.equal(ip('10.0.0.1', '198.51.100.1', '3'), '198.51.100.1', 'a shorter chain: its leftmost');
    assert.equal(ip('10.0.0.1', 'not-an-ip', '1'), '10.0.0.1', 'garbage stops at the trusted address to its right');
    assert.equal(ip('10.0.0.1', '[2001:db8::1]:4711', '1'), '2001:db8::1', 'a port is dropped');
  });

  it('a list trusts proxies by address (IPv4, IPv6, IPv4-mapped): the rightmost untrusted address', () => {
    const list = '10.0.0.0/8, 192.168.1.5, fd00::/8';
    assert.equal(
      ip('10.0.0.5', '6.6.6.6, 198.51.100.1, 10.9.9.9', list),
      '198.51.100.1',
      'every trusted hop skipped, the forged entry never read',
    );
    assert.equal(ip('192.168.1.5', '198.51.100.1', list), '198.51.100.1', 'a single trusted address');
    assert.equal(ip('192.168.1.6', '198.51.100.1', list), '192.168.1.6', 'an untrusted peer: its header is ignored');
    assert.equal(ip('203.0.113.9', '10.0.0.7', list), '203.0.113.9', 'a spoofer cannot claim a trusted address either');
    assert.equal(ip('fd00::1', '2001:DB8::7', list), '2001:db8::7', 'IPv6 proxy and client');
    assert.equal(ip('::ffff:10.0.0.5', '::ffff:198.51.100.1', list), '198.51.100.1', 'IPv4-mapped proxy and client');
    assert.equal(ip('10.0.0.5', '10.0.0.6', list), '10.0.0.6', 'only trusted addresses: the leftmost');
    assert.equal(ip('10.0.0.5', '198.51.100.1', ['10.0.0.0/8']), '198.51.100.1', 'a list as an array');
  });

  it('refuses what it cannot read, instead of trusting no one or everyone silently', () => {
    for (const bad of ['true', 'yes', '10.0.0.0/33', '10.0.0.0/8/1', 'fd00::/129', 'proxy.example.com', '1,two']) {
      assert.throws(() => parseTrustProxy(bad), /Trust proxy/, bad);
    }
    assert.throws(() => createApp({ db: t.db, hub: t.hub, trustProxy: '10.0.0.0/40' }), /Trust proxy/);
  });
});

describe(`limits keyed by the resolved client IP (${ENGINE})`, () => {
  const ask = async (app, shop, customer, headers = {}) =>
    client(app, shop.publishableKey).post(
      '/v1/products/p1/questions',
      { body: `A question from ${customer} about the bag?`, displayName: customer },
      { ip: '10.0.0.1', headers: { 'x-kith-customer': await signCustomerToken(shop.secretKey, customer), ...headers } },
    );
  const from = (address) => ({ 'x-forwarded-for': address });

  it('behind one proxy (hop count 1): each shopper has their own write limit; a forged leftmost entry changes nothing', async () => {
    const app = createApp({ db: t.db, hub: t.hub, writeLimit: 3, trustProxy: '1' });
    const shop = await newShop(t.db);
    await client(app, shop.secretKey).put('/v1/admin/reviews/settings', { submissionsPerHour: 100 });
    for (let i = 0; i < 3; i++) assert.equal((await ask(app, shop, `a${i}`, from('198.51.100.1'))).status, 201);
    const limited = await ask(app, shop, 'a3', from('6.6.6.6, 198.51.100.1'));
    isError(limited, 429, 'rate_limited');
    assert.ok(Number(limited.headers.get('retry-after')) > 0);
    assert.equal(
      (await ask(app, shop, 'b0', from('198.51.100.2'))).status,
      201,
      'another shopper behind the same proxy',
    );
    assert.equal(
      await count(t.db, "SELECT count(*) AS n FROM questions WHERE shop_id = $1 AND client_ip = '198.51.100.1'", [
        shop.id,
      ]),
      3,
      'the submission limit and the stored IP use the same address',
    );
  });

  it('off (the default): X-Forwarded-For is ignored, so every request through the proxy shares its limit', async () => {
    const app = createApp({ db: t.db, hub: t.hub, writeLimit: 3 });
    const shop = await newShop(t.db);
    await client(app, shop.secretKey).put('/v1/admin/reviews/settings', { submissionsPerHour: 100 });
    for (let i = 0; i < 3; i++) assert.equal((await ask(app, shop, `a${i}`, from(`198.51.100.${i}`))).status, 201);
    isError(await ask(app, shop, 'a3', from('198.51.100.9')), 429, 'rate_limited');
    assert.equal(
      await count(t.db, "SELECT count(*) AS n FROM questions WHERE shop_id = $1 AND client_ip = '10.0.0.1'", [shop.id]),
      3,
    );
  });

  it("a CIDR list: only a trusted peer's header counts", async () => {
    const app = createApp({ db: t.db, hub: t.hub, writeLimit: 100, trustProxy: '10.0.0.0/8,fd00::/8' });
    const shop = await newShop(t.db);
    const res = await client(app, shop.publishableKey).post(
      '/v1/products/p1/questions',
      { body: 'Through the v6 proxy, does it fit?', displayName: 'V6' },
      {
        ip: 'fd00::2',
        headers: { 'x-kith-customer': await signCustomerToken(shop.secretKey, 'v6'), ...from('2001:db8::42') },
      },
    );
    assert.equal(res.status, 201, res.text);
    const direct = await client(app, shop.publishableKey).post(
      '/v1/products/p1/questions',
      { body: 'Straight in, claiming a header?', displayName: 'Direct' },
      {
        ip: '203.0.113.50',
        headers: { 'x-kith-customer': await signCustomerToken(shop.secretKey, 'direct'), ...from('198.51.100.77') },
      },
    );
    assert.equal(direct.status, 201, direct.text);
    const { rows } = await t.db.query(
      'SELECT customer_id, client_ip FROM questions WHERE shop_id = $1 ORDER BY customer_id',
      [shop.id],
    );
    assert.deepEqual(
      rows.map((r) => [r.customer_id, r.client_ip]),
      [
        ['direct', '203.0.113.50'],
        ['v6', '2001:db8::42'],
      ],
    );
  });
});
