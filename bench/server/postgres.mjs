// Finds a PostgreSQL server for the bench and makes a throwaway database on it.
import { execFileSync } from 'node:child_process';
import pg from 'pg';

const HOW =
  'set KITH_DATABASE_URL=postgres://user:password@127.0.0.1:5432/db, or start a local cluster (`pg_ctlcluster 15 main start`; the bench then tries postgres://kith:kith@127.0.0.1:<port>/kith, or PGUSER/PGPASSWORD/PGDATABASE)';

async function reachable(url) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    return (await client.query('SHOW server_version')).rows[0].server_version;
  } finally {
    await client.end().catch(() => {});
  }
}

/**
 * `{ url, version, source }` for KITH_DATABASE_URL, else for an online cluster that
 * `pg_lsclusters` lists; `{ skip }` saying why not and how to enable otherwise.
 */
export async function findPostgres(env = process.env) {
  if (env.KITH_DATABASE_URL) {
    try {
      return {
        url: env.KITH_DATABASE_URL,
        version: await reachable(env.KITH_DATABASE_URL),
        source: 'KITH_DATABASE_URL',
      };
    } catch (e) {
      return { skip: `KITH_DATABASE_URL is set but not reachable (${e.message})` };
    }
  }
  let lines;
  try {
    lines = execFileSync('pg_lsclusters', ['--no-header'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })
      .trim()
      .split('\n')
      .filter(Boolean);
  } catch {
    return { skip: `no KITH_DATABASE_URL and no pg_lsclusters here; ${HOW}` };
  }
  const clusters = lines
    .map((l) => l.split(/\s+/))
    .map(([version, name, port, status]) => ({ version, name, port, status }));
  const online = clusters.filter((c) => c.status.startsWith('online'));
  if (!online.length) {
    return {
      skip: `no KITH_DATABASE_URL and no online cluster (${clusters.map((c) => `${c.version}/${c.name} ${c.status}`).join(', ') || 'none'}); ${HOW}`,
    };
  }
  const failures = [];
  for (const c of online) {
    const url = `postgres://${encodeURIComponent(env.PGUSER ?? 'kith')}:${encodeURIComponent(env.PGPASSWORD ?? 'kith')}@127.0.0.1:${c.port}/${encodeURIComponent(env.PGDATABASE ?? 'kith')}`;
    try {
      return { url, version: await reachable(url), source: `cluster ${c.version}/${c.name} (pg_lsclusters)` };
    } catch (e) {
      failures.push(`${c.version}/${c.name}: ${e.message}`);
    }
  }
  return {
    skip: `no KITH_DATABASE_URL, and the online cluster refused the default login (${failures.join('; ')}); ${HOW}`,
  };
}

/**
 * A fresh database for one run (`CREATE DATABASE`), or a fresh schema when the role may not
 * create databases. Returns the environment for the server process and a `drop()`.
 */
export async function throwawayDatabase(url) {
  const name = `kith_bench_${process.pid}_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}"`);
    const target = new URL(url);
    target.pathname = `/${name}`;
    return {
      where: `database ${name}`,
      env: { KITH_DATABASE_URL: target.toString() },
      async drop() {
        const c = new pg.Client({ connectionString: url });
        await c.connect();
        await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).finally(() => c.end());
      },
    };
  } catch (e) {
    if (e.code !== '42501') throw e; // insufficient_privilege: fall back to a schema
    return {
      where: `schema ${name}`,
      env: { KITH_DATABASE_URL: url, KITH_DATABASE_SCHEMA: name },
      async drop() {
        const c = new pg.Client({ connectionString: url });
        await c.connect();
        await c.query(`DROP SCHEMA IF EXISTS "${name}" CASCADE`).finally(() => c.end());
      },
    };
  } finally {
    await admin.end();
  }
}
