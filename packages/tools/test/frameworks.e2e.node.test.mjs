// @ts-check
// Kith in React 19 and Vue 3 apps (examples/react, examples/vue): the generated element types make
// a wrong prop a compile error (each example's refused file holds one expect-error per kind, and a
// compiler fails on a directive with no error under it), each builds with Vite, and in Chromium
// each renders the widgets and gets a widget's event on its framework's listener
// (`onkith-live-open`, `@kith-live-open`), whose preventDefault keeps the page where it is.
// Run after `npm run build` (the examples resolve @kith/* to the built packages).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { DEMO_CSP } from '@kith/server';
import { createStaticServer } from '../src/serve.mjs';
import { openPage } from '../src/shoot.mjs';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
/** @type {import('node:http').Server[]} */
const servers = [];
after(() => servers.forEach((s) => s.close()));

/** Runs a command in the repository; fails the test with its output when it fails. */
function run(cmd, args) {
  const r = spawnSync(cmd, args, { cwd: ROOT, encoding: 'utf8' });
  assert.equal(r.status, 0, `${cmd} ${args.join(' ')}\n${r.stdout}\n${r.stderr}`);
}

/**
 * Builds `examples/<name>`, serves it under the demo's strict CSP (with the framework's own Trusted
 * Types policy, `vue` for Vue, as docs/frameworks.md says), and checks the app in Chromium.
 */
async function builtAndClicked(name, policies = '') {
  const dir = `${ROOT}examples/${name}/`;
  run('npx', ['vite', 'build', dir, '--logLevel', 'error']);
  const csp = DEMO_CSP.replace('trusted-types lit-html', `trusted-types lit-html${policies}`);
  const server = createStaticServer({ mounts: { '/': `${dir}dist` }, csp });
  servers.push(server);
  await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
  const origin = `http://127.0.0.1:${/** @type {import('node:net').AddressInfo} */ (server.address()).port}`;
  const { browser, page, problems } = await openPage(origin);
  try {
    await page.waitForFunction(() =>
      ['kith-live-badge', 'kith-rating'].every((t) => document.querySelector(t)?.getAttribute('state') === 'ready'),
    );
    await page.locator('kith-live-badge[show="show-2"] a').first().click();
    await page.waitForFunction(() => document.querySelector('#opened')?.textContent?.startsWith('Opening'));
    assert.equal(await page.textContent('#opened'), 'Opening https://live.example.com/show-2');
    if (name === 'react') {
      // The @kith/react wrapper: its onLiveOpen prop gets the event.
      await page.locator('kith-live-badge[show="show-3"] a').first().click();
      await page.waitForFunction(() => document.querySelector('#replay')?.textContent?.startsWith('Replaying'));
      assert.equal(await page.textContent('#replay'), 'Replaying https://live.example.com/show-3/replay');
    }
    assert.equal(new URL(page.url()).origin, origin, 'the handler’s preventDefault kept the page');
    assert.deepEqual(problems, []);
  } finally {
    await browser.close();
  }
}

describe('framework examples', () => {
  it('React 19: the elements type-check (wrong props refused), build, render and deliver onkith-live-open', async () => {
    run('npx', ['tsc', '-p', 'examples/react']);
    await builtAndClicked('react');
  });

  it('Vue 3: the elements type-check (wrong props refused), build, render and deliver @kith-live-open', async () => {
    run('npx', ['vue-tsc', '-p', 'examples/vue']);
    await builtAndClicked('vue', ' vue');
  });
});
