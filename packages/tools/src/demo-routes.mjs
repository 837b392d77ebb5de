// Demo-only routes: `/?fail` serves the demo page with its adapter pointed at `/unavailable/v1`,
// an API that answers 503 to everything, so the widgets' fallback can be seen.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const page = fileURLToPath(new URL('../../../examples/script-tag/index.html', import.meta.url));

export function demoRoutes(app) {
  app.all('/unavailable/*', (c) => c.json({ error: { code: 'unavailable', message: 'This demo API is down on purpose' } }, 503));
  app.get('/', async (c, next) => {
    if (c.req.query('fail') === undefined) return next();
    const html = (await readFile(page, 'utf8')).replace('data-adapter="rest"', 'data-adapter="rest" data-endpoint="/unavailable/v1"');
    return c.html(html);
  });
}
