// A real server process killed with SIGKILL during a burst of writes, restarted on the same
// database, then every write retried with its original Idempotency-Key: each either replays the
// committed answer or runs now, so every write is applied exactly once and no key is left stuck.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { createPgliteDb, createPostgresDb, createShop, migrate } from '@kith/server';
import { ENGINE } from './helpers.mjs';

const BIN = fileURLToPath(new URL('../bin/kith-server.js', import.meta.url));
const WRITES = 50; // two rounds stay under the default 120 writes a minute per key and address

/** The server as `kith-server serve` runs it; resolves once it listens. */
function startProcess(env) {
  const child = spawn(process.execPath, [BIN, 'serve', '--port', '0', '--scheduler-interval', '0'], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const listening = new Promise((resolve, reject) => {
    const onData = (chunk) => {
      output += chunk;
      const m = /Kith server on (http:\/\/localhost:\d+)/.exec(output);
      if (m) resolve(m[1]);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => reject(new Error(`server exited (${code}) before listening:\n${output}`)));
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  return { child, listening, exited, output: () => output };
}

describe(`a server killed mid-write and restarted (${ENGINE})`, () => {
  let env;
  let shop;
  let open; // a fresh handle on the same database, once no server holds it
  let cleanup;
  before(async () => {
    if (ENGINE === 'postgres') {
      const schema = `crash_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
      env = { KITH_DATABASE_URL: process.env.KITH_DATABASE_URL, KITH_DATABASE_SCHEMA: schema };
      open = () => createPostgresDb(process.env.KITH_DATABASE_URL, { schema, max: 2 });
      cleanup = async () => {
        const db = await open();
        await db.query(`DROP SCHEMA "${schema}" CASCADE`);
        await db.close();
      };
    } else {
      const dir = await mkdtemp(join(tmpdir(), 'kith-crash-'));
      env = { KITH_DATA_DIR: dir, KITH_DATABASE_URL: '' };
      open = () => createPgliteDb(dir);
      cleanup = () => rm(dir, { recursive: true, force: true });
    }
    const db = await open();
    await migrate(db);
    shop = await createShop(db, { id: `crash-${Date.now()}`, name: 'Crash' });
    await db.close();
  });
  after(() => cleanup?.());

  it('every write retried with its key after SIGKILL is applied exactly once, and none answers 409', async () => {
    const writes = Array.from({ length: WRITES }, (_, i) => ({
      key: `crash-${i}-${randomUUID()}`,
      body: { customerId: 'crash-customer', points: 1, note: `Burst ${i}` },
    }));
    const post = (base, w) =>
      fetch(`${base}/v1/admin/points/adjust`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${shop.secretKey}`,
          'content-type': 'application/json',
          'idempotency-key': w.key,
        },
        body: JSON.stringify(w.body),
      });

    const first = startProcess(env);
    const base = await first.listening;
    let answered = 0;
    let killed = false;
    const burst = writes.map((w) =>
      post(base, w).then(
        async (res) => {
          await res.text();
          if (++answered >= 10 && !killed) {
            killed = true;
            first.child.kill('SIGKILL');
          }
          return res.status;
        },
        () => 'killed',
      ),
    );
    const outcomes = await Promise.all(burst);
    await first.exited;
    const unanswered = outcomes.filter((o) => o === 'killed').length;
    assert.ok(unanswered > 0, `the kill landed mid-burst (${WRITES - unanswered} answered)`);

    const second = startProcess(env);
    try {
      const again = await second.listening;
      const retries = [];
      for (const w of writes) {
        const res = await post(again, w);
        retries.push({
          status: res.status,
          replayed: res.headers.get('idempotent-replayed') === 'true',
          body: await res.json(),
        });
      }
      assert.deepEqual(
        retries.filter((r) => r.status !== 201),
        [],
        'every retry answers 201 (replayed or run now)',
      );
      assert.ok(
        retries.some((r) => r.replayed),
        'writes committed before the kill replay',
      );
      assert.ok(
        retries.some((r) => !r.replayed),
        'writes cut off by the kill run now',
      );
      assert.equal(new Set(retries.map((r) => r.body.entry.id)).size, WRITES, 'one entry per write');
    } finally {
      second.child.kill('SIGTERM');
      await second.exited;
    }

    const db = await open();
    try {
      const { rows } = await db.query(
        "SELECT count(*)::int AS n, coalesce(sum(points), 0)::int AS points FROM points_entries WHERE shop_id = $1 AND customer_id = 'crash-customer'",
        [shop.id],
      );
      assert.deepEqual(rows[0], { n: WRITES, points: WRITES }, 'each write applied exactly once');
      const stuck = await db.query(
        'SELECT count(*)::int AS n FROM idempotency_keys WHERE shop_id = $1 AND status IS NULL',
        [shop.id],
      );
      assert.equal(stuck.rows[0].n, 0, 'no key left in progress');
    } finally {
      await db.close();
    }
  });
});
