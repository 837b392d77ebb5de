import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';

/**
 * The one database interface storage code sees. PGlite is PostgreSQL compiled to WASM, so the
 * same SQL (with `$n` parameters) runs on both engines.
 */
export interface Db {
  readonly kind: 'pglite' | 'postgres';
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<{ rows: T[] }>;
  transaction<R>(fn: (tx: Db) => Promise<R>): Promise<R>;
  /** LISTEN on a channel; resolves to a function that stops listening. */
  listen(channel: string, onPayload: (payload: string) => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

type Queryable = { query(sql: string, params?: unknown[]): Promise<{ rows: unknown[] }> };

const wrap = (kind: Db['kind'], q: Queryable, rest: Omit<Db, 'kind' | 'query'>): Db => ({
  kind,
  query: async <T>(sql: string, params?: unknown[]) => ({ rows: (await q.query(sql, params)).rows as T[] }),
  ...rest,
});

const nested = (): never => {
  throw new Error('Nested transactions are not supported');
};

/** Embedded PostgreSQL. `dataDir` persists to disk; without it the database lives in memory. */
export async function createPgliteDb(dataDir?: string): Promise<Db> {
  const db = await PGlite.create(dataDir);
  const inTx = (tx: Queryable): Db =>
    wrap('pglite', tx, { transaction: nested, listen: () => nested(), close: async () => {} });
  return wrap('pglite', db, {
    transaction: (fn) => db.transaction((tx) => fn(inTx(tx))),
    listen: async (channel, onPayload) => db.listen(channel, onPayload),
    close: () => db.close(),
  });
}

/**
 * A PostgreSQL server through a `pg` pool. `schema` isolates test runs sharing one database.
 * LISTEN needs its own connection, outside the pool, re-opened if it drops.
 */
export async function createPostgresDb(url: string, options: { schema?: string; max?: number } = {}): Promise<Db> {
  const config: pg.PoolConfig = { connectionString: url, max: options.max ?? 10 };
  if (options.schema) config.options = `-c search_path=${options.schema}`;
  if (options.schema) {
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    try {
      await admin.query(`CREATE SCHEMA IF NOT EXISTS "${options.schema.replace(/"/g, '')}"`);
    } catch (e) {
      // Two processes creating it at once: IF NOT EXISTS still races in the catalog; theirs won.
      if (!['23505', '42P06'].includes((e as { code?: string }).code ?? '')) throw e;
    } finally {
      await admin.end();
    }
  }
  const pool = new pg.Pool(config);
  // An idle client's error (e.g. the server restarting) must not crash the process.
  pool.on('error', (e) => console.warn('[kith-server] idle database connection failed:', e.message));
  const listeners = new Map<string, Set<(payload: string) => void>>();
  let listener: pg.Client | undefined;
  let connecting: Promise<pg.Client> | undefined;

  const connectListener = (): Promise<pg.Client> =>
    (connecting ??= (async () => {
      const client = new pg.Client(config);
      await client.connect();
      client.on('notification', (m) => m.payload !== undefined && listeners.get(m.channel)?.forEach((fn) => fn(m.payload!)));
      client.on('error', (e) => {
        console.warn('[kith-server] LISTEN connection lost, reconnecting:', e.message);
        listener = undefined;
        connecting = undefined;
        setTimeout(() => void reconnect(), 1000).unref();
      });
      for (const channel of listeners.keys()) await client.query(`LISTEN "${channel}"`);
      listener = client;
      return client;
    })());
  const reconnect = () => connectListener().catch((e) => console.warn('[kith-server] LISTEN reconnect failed:', e.message));

  return wrap('postgres', pool, {
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await fn(wrap('postgres', client, { transaction: nested, listen: () => nested(), close: async () => {} }));
        await client.query('COMMIT');
        return result;
      } catch (e) {
        await client.query('ROLLBACK').catch(() => {});
        throw e;
      } finally {
        client.release();
      }
    },
    async listen(channel, onPayload) {
      const set = listeners.get(channel) ?? new Set();
      const first = set.size === 0;
      set.add(onPayload);
      listeners.set(channel, set);
      const client = listener ?? (await connectListener());
      if (first) await client.query(`LISTEN "${channel}"`);
      return async () => {
        set.delete(onPayload);
        if (set.size === 0 && listener) await listener.query(`UNLISTEN "${channel}"`).catch(() => {});
      };
    },
    async close() {
      await listener?.end().catch(() => {});
      await pool.end();
    },
  });
}

/** `KITH_DATABASE_URL` selects PostgreSQL; otherwise PGlite in `KITH_DATA_DIR` (default `.kith-data`). */
export function createDbFromEnv(env: NodeJS.ProcessEnv = process.env): Promise<Db> {
  if (env.KITH_DATABASE_URL) return createPostgresDb(env.KITH_DATABASE_URL, { schema: env.KITH_DATABASE_SCHEMA });
  return createPgliteDb(env.KITH_DATA_DIR ?? '.kith-data');
}
