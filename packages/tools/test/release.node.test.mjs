// `npm run release` makes what a newcomer can install without a registry: one tarball per package,
// the CDN folder and checksums. Installed together into an empty app, the packages import, and the
// installed `kith-server` serves the API and the script-tag build at /cdn/.
// Run after `npm run build` (it releases the current build).
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { release } from '../src/release.mjs';

/** Imported by the app the test installs, not by this package. */
const MEMORY = '@kith/adapter-memory';
const temp = mkdtempSync(join(tmpdir(), 'kith-release-'));
after(() => rmSync(temp, { recursive: true, force: true }));
/** @type {Awaited<ReturnType<typeof release>>} */
let made;
const app = join(temp, 'app');
before(async () => {
  made = await release({ out: join(temp, 'release'), skipBuild: true, log: () => {} });
  mkdirSync(app, { recursive: true });
  writeFileSync(join(app, 'package.json'), '{ "name": "newcomer", "private": true, "type": "module" }\n');
  const tarballs = readdirSync(join(made.dir, 'npm')).map((f) => join(made.dir, 'npm', f));
  execFileSync('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', ...tarballs], {
    cwd: app,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
});

describe('npm run release', () => {
  it('packs every package at the one version, copies the CDN folder, and sums every file', () => {
    assert.deepEqual(readdirSync(join(made.dir, 'npm')).sort(), [
      `kith-adapter-memory-${made.version}.tgz`,
      `kith-adapter-rest-${made.version}.tgz`,
      `kith-console-${made.version}.tgz`,
      `kith-core-${made.version}.tgz`,
      `kith-embed-${made.version}.tgz`,
      `kith-react-${made.version}.tgz`,
      `kith-server-${made.version}.tgz`,
      `kith-widgets-${made.version}.tgz`,
    ]);
    const sums = readFileSync(join(made.dir, 'SHA256SUMS'), 'utf8').trim().split('\n');
    assert.ok(
      sums.some((l) => l.endsWith(`cdn/kith-${made.version}.js`)) && sums.some((l) => l.endsWith('cdn/integrity.json')),
    );
    for (const line of sums) {
      const [sum, file] = line.split('  ');
      assert.equal(
        createHash('sha256')
          .update(readFileSync(join(made.dir, file)))
          .digest('hex'),
        sum,
        file,
      );
    }
  });

  it('refuses to write over a folder that is not a release (`--out .` must not empty a checkout)', async () => {
    await assert.rejects(release({ out: app, skipBuild: true, log: () => {} }), /not a release folder/);
    assert.ok(readFileSync(join(app, 'package.json')).length > 0, 'the app is untouched');
  });

  it('installed together in an empty app, the packages import and their types are there', async () => {
    const out = execFileSync(
      'node',
      [
        '--input-type=module',
        '-e',
        `const { createMemoryAdapter } = await import(${JSON.stringify(MEMORY)}); console.log((await createMemoryAdapter().reviews.getSummary('p1')).count);`,
      ],
      { cwd: app, encoding: 'utf8' },
    );
    assert.match(out.trim(), /^\d+$/);
    for (const file of [
      'widgets/dist/types/react.d.ts',
      'widgets/custom-elements.json',
      'embed/dist/cdn/integrity.json',
    ])
      assert.ok(readFileSync(join(app, 'node_modules/@kith', file)).length > 0, file);
  });

  it('the installed kith-server serves the API, the script-tag build at /cdn/ and the console at /admin/', async (t) => {
    const server = spawn(join(app, 'node_modules/.bin/kith-server'), ['serve', '--port', '0'], {
      cwd: app,
      env: { ...process.env, KITH_DATA_DIR: join(temp, 'data'), KITH_DATABASE_URL: '' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    t.after(() => server.kill('SIGTERM'));
    let printed = '';
    const url = await new Promise((resolve, reject) => {
      server.stdout.on('data', (d) => {
        printed += d;
        const m = /Kith server on (http:\/\/localhost:\d+)/.exec(printed);
        if (m && printed.includes('Script-tag build') && printed.includes('Merchant console')) resolve(m[1]);
      });
      server.on('exit', (code) => reject(new Error(`kith-server exited (${code}): ${printed}`)));
    });
    assert.equal((await fetch(`${url}/healthz`)).status, 200);
    const loader = await fetch(`${url}/cdn/kith-${made.version}.js`);
    assert.equal(loader.status, 200);
    const integrity = await (await fetch(`${url}/cdn/integrity.json`)).json();
    const bytes = Buffer.from(await loader.arrayBuffer());
    assert.equal(
      `sha384-${createHash('sha384').update(bytes).digest('base64')}`,
      integrity.files[`kith-${made.version}.js`],
    );
    const page = await fetch(`${url}/admin/`);
    assert.equal(page.status, 200);
    assert.match(page.headers.get('content-security-policy') ?? '', /require-trusted-types-for 'script'/);
    assert.match(await page.text(), /<kith-console>/);
    assert.equal((await fetch(`${url}/admin/console.js`)).status, 200);
  });
});
