// Demo-only routes. `/` serves the demo page signed in as a new demo shopper on every visit (a
// customer token minted here, as a merchant's server would), so reviews and questions can be
// written from the page. `/?fail` points the page's adapter at `/unavailable/v1`, an API that
// answers 503 to everything, so the widgets' fallback can be seen.
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { signCustomerToken } from '@kith/server';

const page = fileURLToPath(new URL('../../../examples/script-tag/index.html', import.meta.url));

/** `secretKey()` returns the demo shop's secret key once it is seeded. */
export function demoRoutes({ secretKey }) {
  return (app) => {
    app.all('/unavailable/*', (c) => c.json({ error: { code: 'unavailable', message: 'This demo API is down on purpose' } }, 503));
    app.get('/', async (c) => {
      const html = await readFile(page, 'utf8');
      if (c.req.query('fail') !== undefined) return c.html(html.replace('data-adapter="rest"', 'data-adapter="rest" data-endpoint="/unavailable/v1"'));
      const key = secretKey();
      if (!key) return c.html(html);
      const token = signCustomerToken(key, `demo-shopper-${randomUUID()}`, { ttlSeconds: 2 * 3600 });
      return c.html(html.replace('data-adapter="rest"', `data-adapter="rest" data-customer-token="${token}"`));
    });
  };
}
