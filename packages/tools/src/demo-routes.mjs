// Demo-only routes. `/` serves the demo page signed in as a new demo shopper on every visit (a
// customer token minted here, as a merchant's server would), so reviews and questions can be
// written from the page. `/?fail` points the page's adapter at `/unavailable/v1`, an API that
// answers 503 to everything, so the widgets' fallback can be seen. `POST /demo/checkout` is the
// shop's checkout: it reports the shopper's order for a held team seat, as a merchant's backend does.
// Each new demo shopper (but a friend arriving through a referral link, who is a new customer) starts with two past orders and a welcome bonus (through the admin API, as a
// merchant's backend would), so the points widget has a balance to spend and an order to refund.
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { signCustomerToken, verifyCustomerToken } from '@kith/server';

const page = fileURLToPath(new URL('../../../examples/script-tag/index.html', import.meta.url));

const NAMES = ['Lin', 'Ana', 'Wei', 'Sam', 'Mei', 'Jo', 'Chen', 'Ravi', 'Yu', 'Kim'];

const DAY = 86_400_000;
const escapeHtml = (s) => String(s).replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
/** One shell word, whatever it holds: single quotes, each `'` written as `'\''`. */
const shellQuote = (s) => `'${String(s).replace(/'/g, "'\\''")}'`;

/** A new demo shopper's history: an order past its return window, a recent one, a welcome bonus. */
async function welcome(app, key, customerId) {
  const call = (path, body, what) =>
    app.request(`/v1/admin${path}`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${key}`,
        'content-type': 'application/json',
        'idempotency-key': `demo-welcome-${customerId}-${what}`,
      },
      body: JSON.stringify(body),
    });
  const short = customerId.slice(-6);
  const orders = [
    {
      id: `demo-${short}-1041`,
      label: 'Crossbody bag, $129.00, 45 days ago (its points are spendable)',
      total: 12900,
      placedAt: Date.now() - 45 * DAY,
      productIds: ['p2'],
    },
    {
      id: `demo-${short}-1042`,
      label: 'Everyday tote, $59.00, 2 days ago (its points are pending)',
      total: 5900,
      placedAt: Date.now() - 2 * DAY,
      productIds: ['p1'],
    },
  ];
  for (const o of orders) {
    await call(
      '/orders',
      {
        id: o.id,
        customerId,
        productIds: o.productIds,
        total: { minor: o.total, currency: 'USD' },
        placedAt: new Date(o.placedAt).toISOString(),
      },
      o.id,
    );
  }
  await call('/points/adjust', { customerId, points: 500, note: 'Welcome to the Kith demo shop' }, 'bonus');
  return orders;
}

/** `secretKey()` returns the demo shop's secret key once it is seeded. */
export function demoRoutes({ secretKey }) {
  return (app) => {
    app.post('/demo/checkout', async (c) => {
      const key = secretKey();
      const claims = key && (await verifyCustomerToken(key, c.req.header('x-kith-customer') ?? ''));
      if (!claims || typeof claims === 'string')
        return c.json({ error: { code: 'customer_token_required', message: 'Sign in first' } }, 401);
      const { teamId, total, referralCode } = await c.req.json();
      // The same call a merchant's backend makes after payment.
      return app.request('/v1/admin/orders', {
        method: 'POST',
        headers: {
          authorization: `Bearer ${key}`,
          'content-type': 'application/json',
          'idempotency-key': `demo-checkout-${claims.sub}-${teamId}`,
        },
        body: JSON.stringify({
          id: `demo-order-${randomUUID()}`,
          customerId: claims.sub,
          productIds: ['p1'],
          teamId,
          ...(total ? { total } : {}),
          ...(referralCode ? { referralCode } : {}),
        }),
      });
    });
    app.all('/unavailable/*', (c) =>
      c.json({ error: { code: 'unavailable', message: 'This demo API is down on purpose' } }, 503),
    );
    app.get('/', async (c) => {
      const html = await readFile(page, 'utf8');
      if (c.req.query('fail') !== undefined)
        return c.html(html.replace('data-adapter="rest"', 'data-adapter="rest" data-endpoint="/unavailable/v1"'));
      const key = secretKey();
      if (!key) return c.html(html);
      const shopper = `demo-shopper-${randomUUID()}`;
      const token = await signCustomerToken(key, shopper, { ttlSeconds: 2 * 3600 });
      const name = NAMES[Math.floor(Math.random() * NAMES.length)];
      // A friend landing through a referral link is a new customer: no past orders; the page shows
      // instead how the shop's backend reports their first order with the code.
      const ref = c.req.query('kith_ref')?.toUpperCase();
      const orders = ref ? [] : await welcome(app, key, shopper);
      const origin = new URL(c.req.url).origin;
      const auth = '-H "Authorization: Bearer $KITH_SECRET_KEY"';
      const refund = (id) =>
        `curl -X POST ${origin}/v1/admin/orders/${id}/refund ${auth} -H "Idempotency-Key: refund-${id}"`;
      const order = `demo-${shopper.slice(-6)}-first`;
      const referred = `curl -X POST ${origin}/v1/admin/orders ${auth} -H "Content-Type: application/json" -H "Idempotency-Key: ${order}" -d ${shellQuote(JSON.stringify({ id: order, customerId: shopper, productIds: ['p1'], total: { minor: 5900, currency: 'USD' }, referralCode: ref }))}`;
      return c.html(
        html
          .replace('data-adapter="rest"', `data-adapter="rest" data-customer-token="${token}"`)
          .replace('<kith-group-buy product="p1">', `<kith-group-buy product="p1" customer-name="${name}">`)
          .replace('<kith-share-button product="p1"', `<kith-share-button product="p1" customer-name="${name}"`)
          .replace(
            '<aside class="orders" aria-labelledby="orders-heading" hidden>',
            '<aside class="orders" aria-labelledby="orders-heading">',
          )
          .replace(
            '<p id="shopper"></p>',
            () =>
              `<p id="shopper">You are <code>${shopper}</code> (a new demo shopper on each visit${ref ? `, referred by ${escapeHtml(ref)}` : ''}).</p>`,
          )
          .replace(
            '<ul id="orders"></ul>',
            () =>
              `<ul id="orders">${orders.map((o) => `<li data-order="${escapeHtml(o.id)}"><code>${escapeHtml(o.id)}</code>: ${escapeHtml(o.label)}</li>`).join('')}</ul>`,
          )
          .replace('<p id="next">', ref ? '<p id="next" hidden>' : '<p id="next">')
          .replace('<p id="buy" hidden>', ref ? '<p id="buy">' : '<p id="buy" hidden>')
          .replace(
            '<pre id="refund"></pre>',
            () => `<pre id="refund">${escapeHtml(ref ? referred : orders.map((o) => refund(o.id)).join('\n'))}</pre>`,
          ),
      );
    });
  };
}
