// Builds examples/vite-npm for production (the npm packages as an app would bundle them) and checks
// the badge is defined and renders: a `sideEffects` mistake would tree-shake the definition away.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { createStaticServer } from '../src/serve.mjs';
import { openPage } from '../src/shoot.mjs';

const example = fileURLToPath(new URL('../../../examples/vite-npm/', import.meta.url));
let server;
let origin;

before(async () => {
  const r = spawnSync('npx', ['vite', 'build', example, '--logLevel', 'error'], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  server = createStaticServer({ mounts: { '/': `${example}dist` } });
  await new Promise((res) => server.listen(0, '127.0.0.1', res));
  origin = `http://127.0.0.1:${/** @type {import('node:net').AddressInfo} */ (server.address()).port}`;
});
after(() => server?.close());

describe('examples/vite-npm production build', () => {
  it('keeps the element definition and renders every badge', async () => {
    const js = readdirSync(`${example}dist/assets`)
      .filter((f) => f.endsWith('.js'))
      .map((f) => readFileSync(`${example}dist/assets/${f}`, 'utf8'))
      .join('');
    assert.match(js, /kith-live-badge/);
    const { browser, page, problems } = await openPage(origin);
    try {
      await page.waitForFunction(() =>
        [...document.querySelectorAll('kith-live-badge')].every((b) => b.getAttribute('state') === 'ready'),
      );
      const labels = await page.evaluate(() =>
        [...document.querySelectorAll('kith-live-badge')].map(
          (b) => b.shadowRoot.querySelector('[part="label"]').textContent,
        ),
      );
      assert.equal(labels.length, 3);
      assert.equal(labels[1], 'LIVE');
      assert.equal(labels[2], 'Watch replay');
      assert.deepEqual(problems, []);
    } finally {
      await browser.close();
    }
  });
});
