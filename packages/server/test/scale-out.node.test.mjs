// @ts-check
// Two server processes behind a real reverse proxy (nginx, from Debian's nginx-light) on one
// PostgreSQL, the production layout docs/server.md describes: reads and streams through the
// proxy land on both processes, a write through the proxy reaches the streams held by the other
// process (LISTEN/NOTIFY), and one Idempotency-Key sent to both processes at once writes once.
// Runs in the PostgreSQL pass of the server suite (KITH_DATABASE_URL) when nginx is installed.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { createPostgresDb, DEMO_PUBLISHABLE_KEY } from '@kith/server';
import { freePort, readEvents, showInput } from './helpers.mjs';

const BIN = fileURLToPath(new URL('../bin/kith-server.js', import.meta.url));
const URL_ = process.env.KITH_DATABASE_URL;
const NGINX = ['/usr/sbin/nginx', '/usr/bin/nginx'].find((p) => existsSync(p));
const skip = !URL_
  ? 'needs KITH_DATABASE_URL (the PostgreSQL pass of the server suite)'
  : !NGINX
    ? 'needs nginx (apt-get install nginx-light)'
    : false;

/** @param {() => Promise<boolean>} check @param {string} what */
async function until(check, what, ms = 30_000) {
  const deadline = Date.now() + ms;
  while (!(await check().catch(() => false))) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const healthz = async (port) => (await fetch(`http://127.0.0.1:${port}/healthz`)).json();

describe('two server processes behind nginx on one PostgreSQL', { skip }, () => {
  const schema = `t_scale_${Math.random().toString(36).slice(2, 10)}`;
  const dir = mkdtempSync(join(tmpdir(), 'kith-scale-'));
  /** @type {import('node:child_process').ChildProcess[]} */
  const children = [];
  /** @type {number[]} */
  const ports = [];
  let proxy = '';
  let secret = '';

  /** Starts `kith-server serve` on `port`; resolves with its output once /healthz answers. */
  async function serve(port, extra) {
    const env = { ...process.env, KITH_DATABASE_URL: URL_, KITH_DATABASE_SCHEMA: schema, KITH_TRUST_PROXY: '1' };
    const child = spawn(process.execPath, [BIN, 'serve', '--port', String(port), '--demo', ...extra], {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.push(child);
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    await until(async () => (await healthz(port)).status === 'ok', `the server on ${port}: ${out}`);
    return () => out;
  }

  before(async () => {
    ports.push(await freePort(), await freePort());
    // The first process migrates and seeds; the second finds both done and runs no scheduler.
    const out = await serve(ports[0], []);
    await serve(ports[1], ['--scheduler-interval', '0']);
    secret = /secret key:\s+(sk_\S+)/.exec(out())?.[1] ?? '';
    assert.ok(secret, 'the demo shop printed its secret key');

    const listen = await freePort();
    const user = process.getuid?.() === 0 ? 'user root;' : '';
    const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']
      .map((t) => `${t}_temp_path ${dir}/${t};`)
      .join(' ');
    writeFileSync(
      join(dir, 'nginx.conf'),
      `${user} worker_processes 1; daemon off; pid ${dir}/nginx.pid; error_log ${dir}/error.log;
events { worker_connections 512; }
http {
  access_log off; ${temp}
  upstream kith { server 127.0.0.1:${ports[0]}; server 127.0.0.1:${ports[1]}; }
  server {
    listen 127.0.0.1:${listen};
    location / {
      proxy_pass http://kith;
      proxy_http_version 1.1;
      proxy_set_header Connection '';
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_buffering off;
      proxy_read_timeout 60s;
    }
  }
}
`,
    );
    const nginx = spawn(/** @type {string} */ (NGINX), ['-p', dir, '-c', join(dir, 'nginx.conf')], {
      stdio: 'inherit',
    });
    children.push(nginx);
    proxy = `http://127.0.0.1:${listen}`;
    await until(async () => (await fetch(`${proxy}/healthz`)).ok, 'nginx');
  });

  after(async () => {
    for (const c of children.reverse()) c.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 300));
    const db = await createPostgresDb(/** @type {string} */ (URL_), { max: 1 });
    await db.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('streams through the proxy spread over both processes, and a write on one reaches them all', async () => {
    const url = `${proxy}/v1/live/shows/show-4/events?key=${DEMO_PUBLISHABLE_KEY}`;
    const streams = await Promise.all(Array.from({ length: 4 }, () => fetch(url)));
    for (const s of streams) assert.equal(s.status, 200);
    // nginx deals connections round robin: each process holds some of the streams.
    const held = await Promise.all(ports.map(async (p) => (await healthz(p)).streams));
    assert.ok(held.every((n) => n >= 1) && held[0] + held[1] >= 4, `streams per process: ${held}`);

    const reading = streams.map((s) => readEvents(s, 2, 10_000));
    const started = await fetch(`${proxy}/v1/admin/live/shows/show-4/start`, {
      method: 'POST',
      headers: { authorization: `Bearer ${secret}`, 'idempotency-key': `scale-${Date.now()}` },
    });
    assert.equal(started.status, 200, await started.text());
    for (const events of await Promise.all(reading)) {
      const data = events.map((e) => e.data).filter(Boolean);
      assert.equal(data[0]?.status, 'scheduled', 'the current state first');
      assert.equal(data[1]?.status, 'live', 'then the write made on one process, on every stream');
    }
  });

  it('one Idempotency-Key sent to both processes at once writes once and answers both alike', async () => {
    const key = `scale-twice-${Date.now()}`;
    const send = (port) =>
      fetch(`http://127.0.0.1:${port}/v1/admin/live/shows`, {
        method: 'POST',
        headers: { authorization: `Bearer ${secret}`, 'idempotency-key': key, 'content-type': 'application/json' },
        body: JSON.stringify(showInput({ title: 'Twice' })),
      });
    const answers = await Promise.all(ports.map(send));
    const bodies = await Promise.all(answers.map((r) => r.text()));
    // The loser either waits and replays the answer, or is told the key is in progress (409).
    const created = answers.filter((r) => r.status === 201);
    assert.ok(created.length >= 1, `statuses ${answers.map((r) => r.status)}: ${bodies}`);
    const ids = new Set(bodies.filter((_, i) => answers[i].status === 201).map((b) => JSON.parse(b).id));
    assert.equal(ids.size, 1, 'every 201 names the same show');
    const db = await createPostgresDb(/** @type {string} */ (URL_), { schema, max: 1 });
    const rows = await db.query("SELECT count(*)::int AS n FROM live_shows WHERE title = 'Twice'");
    await db.close();
    assert.equal(rows.rows[0].n, 1, 'one show written');
  });
});
