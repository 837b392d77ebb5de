// @ts-check
// A merchant's first steps, as the README tells them: on a new database, `kith-server shops create
// --id acme --name Acme --origin <site> --origin <site>` makes a shop and prints its keys and
// script tag; `kith-server serve` then serves pages on those two sites (real Chromium, the CDN
// build from the server's /cdn/) and refuses a third. `shops list` and `shops origins add|remove`
// show and change the sites; bad input is refused with a message and changes nothing.
// Run after `npm run build`.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { openPage } from '../src/shoot.mjs';

const BIN = fileURLToPath(new URL('../../server/bin/kith-server.js', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'kith-onboarding-'));
const env = { ...process.env, KITH_DATABASE_URL: '', KITH_DATA_DIR: dir, KITH_PUBLIC_URL: '', PORT: '' };
/** @param {string[]} args */
const cli = (args) => spawnSync(process.execPath, [BIN, ...args], { env, encoding: 'utf8' });

/** @type {import('node:http').Server[]} */
const pages = [];
/** @type {import('node:child_process').ChildProcess | undefined} */
let server;
let api = '';
let key = '';
/** The page servers' origins: two the shop allows (one written with a trailing slash), one it does not. */
let [allowed, alsoAllowed, other] = ['', '', ''];

/** A page with the shop's script tag: its html is set once the server and key are known. */
let html = '';
async function pageServer(host) {
  const s = createServer((req, res) => {
    res.writeHead(req.url === '/' ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' });
    res.end(req.url === '/' ? html : '');
  });
  pages.push(s);
  await new Promise((resolve) => s.listen(0, '127.0.0.1', () => resolve(undefined)));
  return `http://${host}:${/** @type {import('node:net').AddressInfo} */ (s.address()).port}`;
}

before(async () => {
  [allowed, alsoAllowed, other] = [
    await pageServer('127.0.0.1'),
    await pageServer('localhost'),
    await pageServer('127.0.0.1'),
  ];
});
after(async () => {
  server?.kill();
  for (const s of pages) s.close();
  await new Promise((resolve) => setTimeout(resolve, 300));
  rmSync(dir, { recursive: true, force: true });
});

describe('onboarding: a shop from the command line, then its pages', () => {
  it('shops create prints the keys and script tag; list, origins add and remove change the sites', () => {
    const empty = cli(['shops', 'list']);
    assert.equal(empty.status, 0, empty.stderr);
    assert.match(empty.stdout, /No shops yet/);
    const made = cli([
      'shops',
      'create',
      '--id',
      'acme',
      '--name',
      'Acme',
      '--origin',
      allowed,
      '--origin',
      `${alsoAllowed}/`,
    ]);
    assert.equal(made.status, 0, made.stderr);
    key = /publishable key: (pk_\S+)/.exec(made.stdout)?.[1] ?? '';
    assert.ok(key, made.stdout);
    assert.match(made.stdout, /secret key: +sk_\S+ +\(for your servers only/);
    assert.match(made.stdout, new RegExp(`allowed origins: ${allowed}, ${alsoAllowed}\n`));
    assert.match(
      made.stdout,
      new RegExp(
        `<script type="module" src="http://localhost:8787/cdn/kith.js" data-adapter="rest" data-endpoint="http://localhost:8787/v1" data-key="${key}"></script>`,
      ),
    );
    // Bad input: a message and exit 2, and nothing changes.
    /** @type {[string[], RegExp][]} */
    const refusals = [
      [['shops', 'create', '--id', 'acme', '--name', 'Again'], /A shop "acme" exists already/],
      [['shops', 'create', '--id', 'Bad Id', '--name', 'X'], /Give the shop an id/],
      [
        ['shops', 'create', '--id', 'beta', '--name', 'Beta', '--origin', 'https://beta.example.com/shop'],
        /is not an origin/,
      ],
      [['shops', 'create', '--id', 'beta', '--name', '  '], /Give the shop a name/],
      [['shops', 'origins', 'add', 'acme', 'ftp://files.example.com'], /is not an origin/],
      [['shops', 'origins', 'add', 'nope', 'https://a.example.com'], /Unknown shop "nope"/],
    ];
    for (const [args, message] of refusals) {
      const refused = cli(args);
      assert.equal(refused.status, 2, `${args.join(' ')}: ${refused.stdout}`);
      assert.match(refused.stderr, message);
    }
    assert.equal(cli(['shops', 'origins', 'add', 'acme', 'https://Shop.Example.com:443/']).status, 0);
    assert.equal(cli(['shops', 'origins', 'add', 'acme', 'https://shop.example.com']).status, 0, 'twice is once');
    assert.match(
      cli(['shops', 'list']).stdout,
      new RegExp(`^acme  Acme  \\(origins: ${allowed}, ${alsoAllowed}, https://shop.example.com\\)\n$`),
    );
    const removed = cli(['shops', 'origins', 'remove', 'acme', 'https://shop.example.com']);
    assert.match(removed.stdout, new RegExp(`acme allows pages on: ${allowed}, ${alsoAllowed}\n`));
  });

  it("the shop's script tag works on its two sites and is refused on a third", async () => {
    assert.ok(key, 'the shop was created');
    server = spawn(process.execPath, [BIN, 'serve', '--port', '0', '--scheduler-interval', '0'], { env });
    api = await new Promise((resolve, reject) => {
      let out = '';
      server?.stdout?.on('data', (d) => {
        out += d;
        const at = /Kith server on (http:\/\/localhost:\d+)/.exec(out);
        if (at) resolve(at[1]);
      });
      server?.on('exit', (code) => reject(new Error(`the server exited (${code}): ${out}`)));
    });
    html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Acme</title><link rel="icon" href="data:,">
<script type="module" src="${api}/cdn/kith.js" data-adapter="rest" data-endpoint="${api}/v1" data-key="${key}"></script>
</head><body><h1>Acme tote</h1><kith-rating product="p1"></kith-rating><kith-reviews product="p1"></kith-reviews></body></html>`;
    // The server decides by the page's Origin.
    const summary = (origin) =>
      fetch(`${api}/v1/reviews/summaries?products=p1`, { headers: { Authorization: `Bearer ${key}`, Origin: origin } });
    assert.equal((await summary(allowed)).status, 200);
    assert.equal((await summary(alsoAllowed)).status, 200);
    const refused = await summary(other);
    assert.equal(refused.status, 403);
    assert.equal((await refused.json()).error.code, 'origin_not_allowed');

    for (const [origin, expected] of [
      // A new shop has no reviews yet: the server's empty answer, not the fallback.
      [allowed, 'empty'],
      [alsoAllowed, 'empty'],
      [other, 'error'],
    ]) {
      const { browser, page, problems } = await openPage(origin);
      try {
        await page.waitForFunction(() => {
          const state = document.querySelector('kith-reviews')?.getAttribute('state');
          return state && state !== 'loading';
        });
        const seen = await page.evaluate(() => ({
          state: document.querySelector('kith-reviews')?.getAttribute('state'),
          text: document.querySelector('kith-reviews')?.shadowRoot?.textContent ?? '',
        }));
        assert.equal(seen.state, expected, `${origin}: ${seen.text}`);
        if (expected === 'empty') {
          assert.match(seen.text, /No reviews yet/, origin);
          assert.deepEqual(problems, [], origin);
        }
      } finally {
        await browser.close();
      }
    }
  });
});
