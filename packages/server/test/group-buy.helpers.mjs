// Group-buy test helpers: a shop with a campaign, shoppers with their own tokens, the merchant's
// order report, a real webhook receiver, and moving a team's clock without waiting.
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { signCustomerToken } from '@kith/server';
import { client, idem, shopFixture } from './helpers.mjs';

export const usd = (minor) => ({ minor, currency: 'USD' });

/** $59 solo; 2 members at $49, 3 at $44; 3 seats. */
export const campaignInput = (over = {}) => ({
  productId: 'p1',
  soloPrice: usd(5900),
  tiers: [
    { size: 2, price: usd(4900) },
    { size: 3, price: usd(4400) },
  ],
  ...over,
});

/** A fresh shop with one campaign (`id: 'gb'` unless given) and helpers to act in it. */
export async function groupBuyFixture(t, over = {}) {
  const f = await shopFixture(t);
  const created = await f.admin.post('/v1/admin/group-buys', campaignInput({ id: 'gb', ...over }));
  assert.equal(created.status, 201, created.text);
  const shopper = (customerId) => {
    // Signed per request: signing is async.
    const token = async () => ({ 'x-kith-customer': await signCustomerToken(f.shop.secretKey, customerId) });
    const c = client(t.app, f.shop.publishableKey);
    return {
      get: async (path, o = {}) => c.get(path, { ...o, headers: { ...(await token()), ...o.headers } }),
      post: async (path, body, o = {}) => c.post(path, body, { ...o, headers: { ...(await token()), ...o.headers } }),
    };
  };
  let orders = 0;
  return {
    ...f,
    campaign: created.json,
    shopper,
    start: (customerId, displayName, campaignId = created.json.id) =>
      shopper(customerId).post(`/v1/group-buys/${campaignId}/teams`, displayName ? { displayName } : {}),
    join: (teamId, customerId, displayName) =>
      shopper(customerId).post(`/v1/teams/${teamId}/join`, displayName ? { displayName } : {}),
    leave: (teamId, customerId) => shopper(customerId).post(`/v1/teams/${teamId}/leave`),
    /** The merchant reports the customer's order for their seat. */
    confirm: (teamId, customerId, orderId = `order-${customerId}-${++orders}`) =>
      f.admin.post('/v1/admin/orders', { id: orderId, customerId, productIds: ['p1'], teamId }),
    team: (teamId, customerId) => (customerId ? shopper(customerId) : f.pub).get(`/v1/teams/${teamId}`),
    offer: (customerId, productId = 'p1') =>
      (customerId ? shopper(customerId) : f.pub).get(`/v1/products/${productId}/group-buy`),
  };
}

/** Moves a team's deadline into the past, as if its time had run out. */
export const expireNow = (db, teamId) =>
  db.query("UPDATE group_buy_teams SET expires_at = now() - interval '1 second' WHERE id = $1", [teamId]);
/** Ends a customer's hold now. */
export const lapseNow = (db, teamId, customerId) =>
  db.query(
    "UPDATE group_buy_seats SET hold_expires_at = now() - interval '1 second' WHERE team_id = $1 AND customer_id = $2 AND status = 'held'",
    [teamId, customerId],
  );

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Polls `check` until it returns something truthy, or fails after `ms`. */
export async function eventually(check, ms = 5000, what = 'condition') {
  const until = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > until) assert.fail(`timed out waiting for ${what}`);
    await sleep(25);
  }
}

/**
 * A real HTTP endpoint for webhooks on 127.0.0.1. `respond(request, n)` picks each status (200 by
 * default); every request is kept with its headers and raw body.
 * @param {(request: { headers: import('node:http').IncomingHttpHeaders, body: string, json: any }, n: number) => number} [respond]
 */
export async function webhookReceiver(respond = () => 200) {
  const received = [];
  const server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk) => {
      body += chunk;
    });
    req.on('end', () => {
      const request = { headers: req.headers, body, json: JSON.parse(body) };
      received.push(request);
      res.writeHead(respond(request, received.length)).end('ok');
    });
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', () => r(undefined)));
  return {
    url: `http://127.0.0.1:${/** @type {import('node:net').AddressInfo} */ (server.address()).port}/hooks`,
    received,
    ofType: (type) => received.filter((r) => r.json.type === type),
    close: () => new Promise((r) => server.close(r)),
  };
}

/** Points the shop's webhooks at `url`; returns the signing secret. */
export async function setWebhook(f, url) {
  const res = await f.admin.put('/v1/admin/webhooks', { url });
  assert.equal(res.status, 200, res.text);
  return res.json.secret;
}

export { idem };
