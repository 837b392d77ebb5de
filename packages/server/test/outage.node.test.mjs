// A real PostgreSQL going away and coming back under a real server process: start-up waits for it,
// API calls answer 503 while it is down, and an open SSE stream resumes and catches up afterwards.
// The test runs a PostgreSQL cluster of its own (initdb into a temp dir, pg_ctl start and stop),
// never the one KITH_DATABASE_URL names, so it runs in both passes of the server suite.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { createPostgresDb, DEMO_PUBLISHABLE_KEY } from '@kith/server';
import { freePort } from './helpers.mjs';

const BIN = fileURLToPath(new URL('../bin/kith-server.js', import.meta.url));

/** The newest Debian-style install (`/usr/lib/postgresql/<version>/bin`), if any. */
function postgresBin() {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root).filter((v) =>
    ['initdb', 'pg_ctl'].every((b) => existsSync(join(root, v, 'bin', b))),
  );
  return versions.sort((a, b) => Number(b) - Number(a)).map((v) => join(root, v, 'bin'))[0];
}

// PostgreSQL refuses to run as root: as root (CI, containers) it runs as the `postgres` user.
const asRoot = process.getuid?.() === 0;
const postgresUser = asRoot ? spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' }) : undefined;
const bin = postgresBin();
const skip = !bin
  ? 'no PostgreSQL binaries in /usr/lib/postgresql/*/bin (install the postgresql package to run it)'
  : asRoot && postgresUser.status !== 0
    ? 'running as root and there is no postgres user to run PostgreSQL as'
    : false;

async function until(check, ms, what, log = () => '') {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) assert.fail(`${what} (waited ${ms} ms)\n--- server log ---\n${log()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** A throwaway cluster in a temp dir: TCP on 127.0.0.1:`port`, its socket in the same dir. */
async function createCluster() {
  const dir = mkdtempSync(join(tmpdir(), 'kith-outage-'));
  const data = join(dir, 'data');
  if (asRoot)
    chownSync(
      dir,
      Number(postgresUser.stdout.trim()),
      Number(spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).stdout.trim()),
    );
  const run = (tool, args) => {
    const [cmd, argv] = asRoot
      ? ['runuser', ['-u', 'postgres', '--', join(bin, tool), ...args]]
      : [join(bin, tool), args];
    // cwd: the postgres user may not be allowed into ours.
    const r = spawnSync(cmd, argv, { cwd: dir, encoding: 'utf8', timeout: 60_000 });
    if (r.status !== 0) throw new Error(`${tool} ${args[0]} failed (${r.status ?? r.signal}): ${r.stderr || r.stdout}`);
  };
  run('initdb', ['-D', data, '-U', 'kith', '-A', 'trust', '-E', 'UTF8', '--no-sync']);
  const port = await freePort();
  let running = false;
  return {
    url: `postgres://kith@127.0.0.1:${port}/postgres`,
    /** The same database through the Unix socket, which works while TCP is off. */
    socketUrl: `postgres://kith@localhost/postgres?host=${encodeURIComponent(dir)}&port=${port}`,
    get running() {
      return running;
    },
    start({ tcp = true } = {}) {
      const listen = tcp ? '127.0.0.1' : "''";
      run('pg_ctl', [
        'start',
        '-w',
        '-t',
        '60',
        '-D',
        data,
        '-l',
        join(dir, 'postgres.log'),
        '-o',
        `-p ${port} -k ${dir} -c listen_addresses=${listen} -c fsync=off`,
      ]);
      running = true;
    },
    stop() {
      run('pg_ctl', ['stop', '-w', '-t', '60', '-D', data, '-m', 'fast']);
      running = false;
    },
    /** Synchronous, so it also runs from an `exit` handler. */
    destroy() {
      if (existsSync(join(data, 'postmaster.pid'))) {
        const argv = ['stop', '-w', '-D', data, '-m', 'immediate'];
        if (asRoot) spawnSync('runuser', ['-u', 'postgres', '--', join(bin, 'pg_ctl'), ...argv], { cwd: dir });
        else spawnSync(join(bin, 'pg_ctl'), argv, { cwd: dir });
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** `kith-server serve --demo` on PostgreSQL; its output is collected for the assertions and for failures. */
async function startKith(url) {
  const port = await freePort();
  const child = spawn(process.execPath, [BIN, 'serve', '--port', String(port), '--demo'], {
    env: { ...process.env, KITH_DATABASE_URL: url, KITH_DATABASE_SCHEMA: undefined },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout.on('data', (d) => {
    log += d;
  });
  child.stderr.on('data', (d) => {
    log += d;
  });
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal)));
  return {
    child,
    exited,
    base: `http://127.0.0.1:${port}`,
    get log() {
      return log;
    },
    get alive() {
      return child.exitCode === null && child.signalCode === null;
    },
    get secretKey() {
      return /secret key:\s+(\S+)/.exec(log)?.[1];
    },
    /** Until the server prints its address; fails at once if it exits instead. */
    ready(ms) {
      return until(
        () => {
          if (!this.alive)
            assert.fail(
              `the server exited (${child.exitCode ?? child.signalCode}) instead of waiting for the database\n--- server log ---\n${log}`,
            );
          return this.secretKey && /Kith server on/.test(log);
        },
        ms,
        'the server did not start serving',
        () => log,
      );
    },
    async stop() {
      if (!this.alive) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** An SSE stream read in the background into `events` (`{ id, data }`). */
async function openStream(url) {
  const controller = new AbortController();
  const res = await fetch(url, { signal: controller.signal });
  assert.equal(res.status, 200, await (res.ok ? '' : res.text()));
  const events = [];
  void (async () => {
    const decoder = new TextDecoder();
    let buffer = '';
    for await (const chunk of res.body) {
      buffer += decoder.decode(chunk, { stream: true });
      let i;
      while ((i = buffer.indexOf('\n\n')) >= 0) {
        const fields = Object.fromEntries(
          buffer
            .slice(0, i)
            .split('\n')
            .filter((l) => l && !l.startsWith(':'))
            .map((l) => [l.slice(0, l.indexOf(':')), l.slice(l.indexOf(':') + 1).trimStart()]),
        );
        buffer = buffer.slice(i + 2);
        if (fields.data !== undefined) events.push({ id: fields.id, data: JSON.parse(fields.data) });
      }
    }
  })().catch(() => {});
  return { events, close: () => controller.abort() };
}

describe('after a PostgreSQL outage', { skip }, () => {
  let pg;
  let kith;
  const cleanUp = () => {
    kith?.child.kill('SIGKILL');
    pg?.destroy();
    pg = undefined;
  };
  before(async () => {
    process.once('exit', cleanUp); // even if the run is cut short
    pg = await createCluster();
  });
  after(async () => {
    await kith?.stop();
    cleanUp();
  });

  /**
   * @param {string} method
   * @param {string} path
   * @param {{ key?: string, body?: unknown }} [options]
   */
  const call = (method, path, { key = kith.secretKey, body } = {}) =>
    fetch(`${kith.base}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${key}`,
        'content-type': 'application/json',
        'idempotency-key': `outage-${Date.now()}-${Math.random()}`,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  const setViewers = (n) => call('PUT', '/v1/admin/live/shows/show-2/viewers', { body: { viewerCount: n } });

  it('a server started while PostgreSQL is down waits for it, saying why, then serves', async () => {
    kith = await startKith(pg.url);
    await until(
      () => {
        if (!kith.alive)
          assert.fail(
            `the server exited (${kith.child.exitCode}) instead of waiting for the database\n--- server log ---\n${kith.log}`,
          );
        return /database unavailable.*ECONNREFUSED.*retrying/i.test(kith.log);
      },
      15_000,
      'the server did not say it is waiting for the database',
      () => kith.log,
    );
    await new Promise((r) => setTimeout(r, 1500));
    assert.ok(kith.alive, 'still waiting');
    pg.start();
    await kith.ready(30_000);
    assert.equal((await fetch(`${kith.base}/healthz`)).status, 200);
  });

  it('while down, API calls answer 503 with Retry-After; after, an open stream gets what it missed and what follows', async () => {
    // On its own (or after the first test failed): a server started with the database up.
    if (!pg.running) pg.start();
    if (!kith?.alive) {
      kith = await startKith(pg.url);
      await kith.ready(30_000);
    }
    const stream = await openStream(`${kith.base}/v1/live/shows/show-2/events?key=${DEMO_PUBLISHABLE_KEY}`);
    const seen = (viewers, ms, what) =>
      until(
        () => stream.events.find((e) => e.data.viewerCount === viewers),
        ms,
        what,
        () => kith.log,
      );
    try {
      assert.equal((await setViewers(101)).status, 200);
      await seen(101, 5000, 'a change before the outage did not reach the stream');

      pg.stop();
      const unavailable = [
        await call('GET', '/v1/live/shows/show-2', { key: DEMO_PUBLISHABLE_KEY }),
        await setViewers(102),
        await call('POST', '/v1/admin/live/shows/show-4/start', { body: {} }),
        await fetch(`${kith.base}/v1/live/shows/show-2/events?key=${DEMO_PUBLISHABLE_KEY}`),
      ];
      for (const res of unavailable) {
        const text = await res.text();
        assert.equal(res.status, 503, `${res.url}: ${text}`);
        assert.equal(res.headers.get('retry-after'), '2', 'Retry-After in seconds');
        assert.equal(JSON.parse(text).error.code, 'database_unavailable');
        // docUrl is this server's own address; the rest must not name the database's.
        const { docUrl, ...rest } = JSON.parse(text).error;
        assert.equal(docUrl, `${new URL(res.url).origin}/docs/api#error-database_unavailable`);
        assert.doesNotMatch(
          JSON.stringify(rest),
          /ECONNREFUSED|127\.0\.0\.1|at .*\.js:\d+/,
          'no connection details or stack',
        );
      }
      const health = await fetch(`${kith.base}/healthz`);
      assert.deepEqual(
        [health.status, health.headers.get('retry-after')],
        [503, '2'],
        '/healthz down, and when to look again',
      );
      // Down long enough for reconnecting to fail twice: it keeps trying.
      await until(
        () => kith.log.match(/LISTEN connection unavailable/g)?.length >= 2,
        15_000,
        'LISTEN did not keep trying to reconnect',
        () => kith.log,
      );

      // A change the server cannot hear about: written through the socket while TCP is still off,
      // so the server's LISTEN connection is certainly down and the NOTIFY reaches no one.
      pg.start({ tcp: false });
      const direct = await createPostgresDb(pg.socketUrl, { max: 1 });
      try {
        await direct.query(
          "UPDATE live_shows SET viewer_count = 202, updated_at = now() WHERE shop_id = 'demo-shop' AND id = 'show-2'",
        );
        await direct.query(`INSERT INTO live_events (shop_id, show_id, snapshot)
          SELECT shop_id, show_id, jsonb_set(snapshot, '{viewerCount}', '202') FROM live_events
          WHERE shop_id = 'demo-shop' AND show_id = 'show-2' ORDER BY id DESC LIMIT 1`);
      } finally {
        await direct.close();
      }
      pg.stop();

      pg.start();
      const restarted = Date.now();
      await seen(202, 40_000, 'the change made while LISTEN was down never reached the open stream');
      const caughtUp = Date.now() - restarted;

      const written = Date.now();
      assert.equal((await setViewers(303)).status, 200);
      await seen(303, 5000, 'a change after the restart did not reach the open stream');
      const delivered = Date.now() - written;

      const ids = stream.events.map((e) => BigInt(e.id));
      assert.deepEqual(
        ids,
        [...ids].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)),
        'in id order',
      );
      assert.equal(new Set(ids).size, ids.length, 'each event once');
      assert.deepEqual(
        stream.events.map((e) => e.data.viewerCount).slice(-3),
        [101, 202, 303],
        'the failed writes left nothing behind',
      );
      assert.match(kith.log, /LISTEN connection lost/);
      assert.doesNotMatch(kith.log, /unhandled error/);
      assert.ok(kith.alive);
      console.log(`# caught up ${caughtUp} ms after the restart; a new change took ${delivered} ms`);
    } finally {
      stream.close();
    }
  });
});

describe('LISTEN while PostgreSQL is unreachable', () => {
  it('resolves instead of throwing into the caller, and close() stops the reconnecting', async () => {
    const db = await createPostgresDb(`postgres://kith@127.0.0.1:${await freePort()}/postgres`);
    try {
      const unlisten = await db.listen('kith_outage_probe', () => {});
      await unlisten();
    } finally {
      await db.close();
    }
  });
});
