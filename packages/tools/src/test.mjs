// `npm test`: every suite, in order, stopping at the first failure. Finds (or installs) Chromium
// first so the browser suites never fail on a missing browser.
import { spawnSync } from 'node:child_process';
import { ensureChromium } from './chromium.mjs';

let chrome;
try {
  chrome = ensureChromium();
} catch (e) {
  console.error(e.message);
  process.exit(1);
}
const env = { ...process.env, CHROME_PATH: chrome, STORYBOOK_DISABLE_TELEMETRY: '1' };
console.log(`Using Chromium at ${chrome}`);

/** @type {[name: string, command: string, args: string[]][]} */
const steps = [
  ['build', 'npm', ['run', 'build']],
  ['typecheck', 'npx', ['tsc', '-p', 'tsconfig.json']],
  ['typecheck tests', 'npx', ['tsc', '-p', 'tsconfig.tests.json']],
  ['node tests', 'npm', ['run', 'test:node']],
  ['browser tests', 'npm', ['run', 'test:browser']],
  ['stories as tests', 'npm', ['run', 'test:stories']],
];
const only = process.argv.slice(2);
for (const [name, cmd, args] of steps) {
  if (only.length && !only.includes(name.split(' ')[0])) continue;
  console.log(`\n▶ ${name}`);
  const started = Date.now();
  const r = spawnSync(cmd, args, { stdio: 'inherit', env });
  if (r.status !== 0) {
    console.error(`\n✖ ${name} failed (exit ${r.status ?? r.signal})`);
    process.exit(r.status || 1);
  }
  console.log(`✔ ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
}
