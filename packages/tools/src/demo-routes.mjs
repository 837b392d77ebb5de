// Demo-only routes. `/` serves the demo page signed in as a new demo shopper on every visit (a
// customer token minted here, as a merchant's server would), so reviews and questions can be
// written from the page. `/?fail` points the page's adapter at `/unavailable/v1`, an API that
// answers 503 to everything, so the widgets' fallback can be seen. `POST /demo/checkout` is the
// shop's checkout: it reports the shopper's order for a held team seat, as a merchant's backend does.
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { signCustomerToken, verifyCustomerToken } from '@kith/server';

const page = fileURLToPath(new URL('../../../examples/script-tag/index.html', import.meta.url));

const NAMES = ['Lin', 'Ana', 'Wei', 'Sam', 'Mei', 'Jo', 'Chen', 'Ravi', 'Yu', 'Kim'];

/** `secretKey()` returns the demo shop's secret key once it is seeded. */
export function demoRoutes({ secretKey }) {
  return (app) => {
    app.post('/demo/checkout', async (c) => {
      const key = secretKey();
      const claims = key && verifyCustomerToken(key, c.req.header('x-kith-customer') ?? '');
      if (!claims || typeof claims === 'string') return c.json({ error: { code: 'customer_token_required', message: 'Sign in first' } }, 401);
      const { teamId } = await c.req.json();
      // The same call a merchant's backend makes after payment.
      return app.request('/v1/admin/orders', {
        method: 'POST',
        headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json', 'idempotency-key': `demo-checkout-${claims.sub}-${teamId}` },
        body: JSON.stringify({ id: `demo-order-${randomUUID()}`, customerId: claims.sub, productIds: ['p1'], teamId }),
      });
    });
    app.all('/unavailable/*', (c) => c.json({ error: { code: 'unavailable', message: 'This demo API is down on purpose' } }, 503));
    app.get('/', async (c) => {
      const html = await readFile(page, 'utf8');
      if (c.req.query('fail') !== undefined) return c.html(html.replace('data-adapter="rest"', 'data-adapter="rest" data-endpoint="/unavailable/v1"'));
      const key = secretKey();
      if (!key) return c.html(html);
      const token = signCustomerToken(key, `demo-shopper-${randomUUID()}`, { ttlSeconds: 2 * 3600 });
      const name = NAMES[Math.floor(Math.random() * NAMES.length)];
      return c.html(html.replace('data-adapter="rest"', `data-adapter="rest" data-customer-token="${token}"`)
        .replace('<kith-group-buy product="p1">', `<kith-group-buy product="p1" customer-name="${name}">`));
    });
  };
}
