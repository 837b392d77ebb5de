import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { createPgliteDb, createShop, DatabaseInUseError, migrate, seedDemo, verifyCustomerToken } from '@kith/server';
import { createTestDb, ENGINE } from './helpers.mjs';

const CLI = fileURLToPath(new URL('../dist/cli.js', import.meta.url));

describe(`migrations (${ENGINE})`, () => {
  it('apply once; a second run applies nothing', async () => {
    const db = await createTestDb();
    try {
      assert.deepEqual(await migrate(db), []);
      const { rows } = await db.query('SELECT version FROM kith_migrations ORDER BY version');
      const files = readdirSync(fileURLToPath(new URL('../migrations/', import.meta.url))).filter((f) =>
        f.endsWith('.sql'),
      );
      assert.deepEqual(
        rows.map((r) => r.version),
        files.map((f) => Number(f.slice(0, 4))).sort((a, b) => a - b),
      );
    } finally {
      await db.close();
    }
  });

  it(
    'two migrators at once apply each migration exactly once',
    { skip: ENGINE !== 'postgres' && 'PostgreSQL only' },
    async () => {
      const { createPostgresDb } = await import('@kith/server');
      const schema = `m_${Date.now()}`;
      const dbs = await Promise.allSettled([
        createPostgresDb(process.env.KITH_DATABASE_URL, { schema }),
        createPostgresDb(process.env.KITH_DATABASE_URL, { schema }),
      ]);
      try {
        const [a, b] = dbs.map((d) => (d.status === 'fulfilled' ? d.value : assert.fail(d.reason)));
        const applied = await Promise.all([migrate(a), migrate(b)]);
        const files = readdirSync(fileURLToPath(new URL('../migrations/', import.meta.url))).filter((f) =>
          f.endsWith('.sql'),
        );
        assert.equal(applied.flat().length, files.length, 'each migration once, across both');
      } finally {
        // Close whatever opened, so a failure can't leave the test process hanging on a pool.
        for (const d of dbs) if (d.status === 'fulfilled') await d.value.close();
      }
    },
  );
});

describe('embedded database on disk', () => {
  it('keeps its data across a restart', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kith-pglite-'));
    try {
      let db = await createPgliteDb(dir);
      await migrate(db);
      const { shop } = await seedDemo(db);
      await db.close();
      db = await createPgliteDb(dir);
      assert.deepEqual(await migrate(db), []);
      const { rows } = await db.query("SELECT status FROM live_shows WHERE shop_id = $1 AND id = 'show-3'", [shop.id]);
      assert.equal(rows[0].status, 'ended');
      assert.equal((await seedDemo(db)).created, false);
      await db.close();

      // The CLI signs tokens with the stored secret.
      const token = execFileSync('node', [CLI, 'token', '--shop', shop.id, '--customer', 'cust-1'], {
        env: { ...process.env, KITH_DATABASE_URL: '', KITH_DATA_DIR: dir },
        encoding: 'utf8',
      }).trim();
      assert.equal((await verifyCustomerToken(shop.secretKey, token)).sub, 'cust-1');
      // …and is installed as an executable `kith-server` bin (what `npx kith-server` runs).
      const bin = fileURLToPath(new URL('../../../node_modules/.bin/kith-server', import.meta.url));
      const keys = execFileSync(bin, ['keys', '--shop', shop.id], {
        env: { ...process.env, KITH_DATABASE_URL: '', KITH_DATA_DIR: dir },
        encoding: 'utf8',
      });
      assert.match(keys, new RegExp(`secret: +${shop.secretKey}`));
      // Rotating prints the new key, which `keys` then shows; the old one still verifies tokens in the window.
      const env = { ...process.env, KITH_DATABASE_URL: '', KITH_DATA_DIR: dir };
      const rotated = execFileSync('node', [CLI, 'rotate-key', '--shop', shop.id, '--overlap', '600'], {
        env,
        encoding: 'utf8',
      });
      const secret = /secret: +(sk_\S+)/.exec(rotated)?.[1];
      assert.ok(secret && secret !== shop.secretKey, rotated);
      assert.doesNotMatch(rotated, new RegExp(shop.secretKey), 'the old secret is not printed');
      assert.match(
        execFileSync('node', [CLI, 'keys', '--shop', shop.id], { env, encoding: 'utf8' }),
        new RegExp(`secret: +${secret}`),
      );
      assert.equal((await verifyCustomerToken({ current: secret, previous: shop.secretKey }, token)).sub, 'cust-1');
      assert.throws(
        () =>
          execFileSync('node', [CLI, 'rotate-key', '--shop', shop.id, '--overlap', '999999999'], {
            env,
            stdio: 'pipe',
          }),
        /--overlap is 0 to 604800/,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('is open in one process at a time: another is refused with what to do, and a killed one’s lock is taken over', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kith-lock-'));
    const env = { ...process.env, KITH_DATABASE_URL: '', KITH_DATA_DIR: dir };
    try {
      const db = await createPgliteDb(dir);
      await migrate(db);
      await createShop(db, { id: 'held', name: 'Held' });
      // Beside a running server, a command would have worked on its own copy and lost it.
      const beside = spawnSync('node', [CLI, 'keys', '--shop', 'held'], { env, encoding: 'utf8' });
      assert.equal(beside.status, 1, beside.stdout);
      assert.match(beside.stderr, new RegExp(`open in process ${process.pid} .*Stop it and try again`));
      await assert.rejects(createPgliteDb(dir), DatabaseInUseError, 'a second handle in one process too');
      await db.close();
      const after = spawnSync('node', [CLI, 'keys', '--shop', 'held'], { env, encoding: 'utf8' });
      assert.equal(after.status, 0, after.stderr);
      assert.match(after.stdout, /^publishable: pk_/);
      // A process that was killed leaves its lock; the next one takes it over.
      const gone = spawnSync('node', ['-e', 'process.exit(0)']).pid;
      writeFileSync(join(dir, 'kith.pid'), String(gone));
      await (await createPgliteDb(dir)).close();
      // So does a lock of an earlier run that had this process's pid (a container's pid 1, each start).
      writeFileSync(join(dir, 'kith.pid'), String(process.pid));
      await (await createPgliteDb(dir)).close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
