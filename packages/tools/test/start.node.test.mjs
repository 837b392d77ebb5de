// `npm start` on an unchanged checkout skips the build and serves within seconds; a change to
// anything the build reads means a fresh build, which says what it is doing step by step.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { build, buildIsCurrent, fingerprint, PACKAGES, stampPath } from '../src/build.mjs';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const temps = [];
after(() => temps.forEach((d) => rmSync(d, { recursive: true, force: true })));
const temp = () => {
  const dir = mkdtempSync(join(tmpdir(), 'kith-start-'));
  temps.push(dir);
  return dir;
};
const put = (root, path, text) => {
  mkdirSync(join(root, path, '..'), { recursive: true });
  writeFileSync(join(root, path), text);
};

/** A checkout in miniature: a source file per package and the outputs `npm start` needs. */
function checkout() {
  const root = temp();
  put(root, 'package.json', '{}');
  for (const p of PACKAGES) {
    put(root, `packages/${p}/src/index.ts`, `export const name = '${p}';\n`);
    put(root, `packages/${p}/dist/index.js`, '');
  }
  put(root, 'packages/embed/dist/cdn/kith.js', '');
  put(root, 'packages/embed/dist/cdn/integrity.json', '{}');
  put(root, 'packages/widgets/custom-elements.json', '{}');
  put(root, 'packages/console/dist/index.html', '');
  return root;
}
const node = (code) => ['node', '-e', code];

describe('the build stamp', () => {
  it('changes with any source, config or lock file, and not with outputs, tests or READMEs', () => {
    const root = checkout();
    const before = fingerprint(root);
    put(root, 'packages/server/dist/late.js', 'x');
    put(root, 'packages/core/test/x.node.test.mjs', 'x');
    put(root, 'packages/widgets/custom-elements.json', '{"changed":true}');
    put(root, 'packages/widgets/README.md', 'x');
    assert.equal(fingerprint(root), before);
    for (const path of ['packages/core/src/index.ts', 'packages/server/migrations/0001_x.sql', 'package-lock.json']) {
      put(root, path, 'changed');
      assert.notEqual(fingerprint(root), before, path);
    }
  });

  it('a build that finished is current until an input changes or an output goes', async () => {
    const root = checkout();
    const lines = [];
    const quick = { name: 'quick', cmd: node('') };
    assert.equal(buildIsCurrent(root), false);
    // The real steps write `dist`; these don't, so the outputs are put back after the clean.
    const steps = [quick, { name: 'outputs', cmd: node(OUTPUTS) }];
    assert.equal(await build({ root, ifChanged: true, steps, log: (l) => lines.push(l) }), true);
    assert.equal(buildIsCurrent(root), true);
    assert.equal(await build({ root, ifChanged: true, steps, log: (l) => lines.push(l) }), false);
    assert.match(lines.at(-1), /build is current/);
    put(root, 'packages/embed/src/index.ts', 'export {};');
    assert.equal(buildIsCurrent(root), false);
    await build({ root, steps, log: () => {} });
    rmSync(join(root, 'packages/embed/dist/cdn/kith.js'));
    assert.equal(buildIsCurrent(root), false);
  });

  it('says each step as it starts and how long it took; a failed step leaves no stamp', async () => {
    const root = checkout();
    const lines = [];
    const slow = { name: 'slow step', cmd: node('setTimeout(() => {}, 1100)') };
    const steps = [slow, { name: 'outputs', cmd: node(OUTPUTS) }];
    await build({ root, steps, log: (l) => lines.push(l) });
    assert.match(lines[0], /Building Kith in 2 steps/);
    assert.equal(lines[1].trim(), '1/2 slow step…');
    assert.match(lines[2], /done in \d+\.\d s/);
    assert.ok(Number(/done in ([\d.]+) s/.exec(lines[2])?.[1]) >= 1.1, lines[2]);
    assert.match(lines.at(-1), /Built in \d+\.\d s\./);

    put(root, 'packages/core/src/index.ts', 'broken');
    const failing = [{ name: 'tsc', cmd: node('console.log("src/index.ts(1,1): error TS1005"); process.exit(2)') }];
    const error = await build({ root, ifChanged: true, steps: failing, log: () => {} }).catch((e) => e);
    assert.match(error.output.toString(), /error TS1005/, 'the step’s own output explains the failure');
    assert.equal(buildIsCurrent(root), false);
    assert.equal(existsSync(stampPath(root)), false);
  });
});

/** Runs `npm start`'s script until it serves; resolves its output, URL, seconds taken and process. */
async function start(dataDir) {
  const started = performance.now();
  const child = spawn('node', ['packages/tools/src/start.mjs', '--no-driver'], {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', KITH_DATA_DIR: dataDir, KITH_DATABASE_URL: '' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  const url = await new Promise((resolve, reject) => {
    child.stdout.on('data', (d) => {
      out += d;
      const m = /Kith demo shop: (http:\/\/localhost:\d+)\//.exec(out);
      if (m) resolve(m[1]);
    });
    child.on('exit', (code) => reject(new Error(`npm start exited (${code}):\n${out}`)));
  });
  const stopped = new Promise((resolve) => child.once('exit', resolve));
  return { out, url, seconds: (performance.now() - started) / 1000, stop: () => (child.kill('SIGTERM'), stopped) };
}

describe('npm start', () => {
  it('a second start on an unchanged checkout skips the build and serves the demo shop within 10 s', async () => {
    assert.ok(buildIsCurrent(ROOT), 'npm test builds first, so this checkout’s build is current');
    const data = join(temp(), 'data');
    const first = await start(data); // creates and seeds the data dir, as a newcomer's first start does
    assert.match(first.out, /Seeding the demo shop… done/);
    await first.stop();
    const second = await start(data);
    try {
      assert.match(second.out, /Kith's build is current/);
      assert.doesNotMatch(second.out, /Building Kith/);
      assert.match(second.out, /Opening the embedded database .*… done/);
      for (const path of ['/', '/cdn/kith.js']) assert.equal((await fetch(`${second.url}${path}`)).status, 200, path);
      assert.ok(second.seconds < 10, `served after ${second.seconds.toFixed(1)} s`);
    } finally {
      await second.stop();
    }
  });
});

// Puts back what `npm start` checks for, as the real steps would write it.
const OUTPUTS = `
const fs = require('node:fs');
for (const p of ['core', 'widgets', 'adapter-memory', 'adapter-rest', 'embed', 'server', 'react'])
  fs.mkdirSync('packages/' + p + '/dist', { recursive: true }), fs.writeFileSync('packages/' + p + '/dist/index.js', '');
fs.mkdirSync('packages/embed/dist/cdn', { recursive: true });
fs.writeFileSync('packages/embed/dist/cdn/kith.js', '');
fs.writeFileSync('packages/embed/dist/cdn/integrity.json', '{}');
fs.mkdirSync('packages/console/dist', { recursive: true });
fs.writeFileSync('packages/console/dist/index.html', '');
`;
