import { mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { requestDb } from './request-tx.js';

/**
 * The one database interface storage code sees. PGlite is PostgreSQL compiled to WASM, so the
 * same SQL (with `$n` parameters) runs on both engines.
 */
export interface Db {
  readonly kind: 'pglite' | 'postgres';
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<{ rows: T[] }>;
  transaction<R>(fn: (tx: Db) => Promise<R>): Promise<R>;
  /** LISTEN on a channel; resolves to a function that stops listening. Never fails for a lost connection: the channel is LISTENed again on reconnect. */
  listen(channel: string, onPayload: (payload: string) => void): Promise<() => Promise<void>>;
  /**
   * Calls `fn` each time LISTEN works again after its connection was lost or could not be opened,
   * since notifications sent in between were missed; returns a function that stops calling it.
   */
  onListenRestored(fn: () => void): () => void;
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

/** A transaction's connection: no transaction or LISTEN of its own. */
const txDb = (kind: Db['kind'], q: Queryable): Db =>
  wrap(kind, q, {
    transaction: nested,
    listen: () => nested(),
    onListenRestored: () => nested(),
    close: async () => {},
  });

// Socket errors of a database that is down, restarting or unreachable.
const SOCKET_ERRORS = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ECONNABORTED',
]);
// pg's own errors for a connection that ended or could not be made in time.
const CONNECTION_LOST =
  /^(Connection terminated|Client has encountered a connection error|timeout exceeded when trying to connect)/;

/**
 * Whether `e` says the database can't be reached right now (worth a retry, a 503 to clients),
 * rather than that a query is wrong: a socket error, a lost connection, SQLSTATE class 08
 * (connection exception) or 57P01-57P03 (shutting down, crashed, starting up).
 */
export function isDatabaseUnavailable(e: unknown): boolean {
  // Node wraps some (fetch's `cause`, happy eyeballs' AggregateError of each address tried).
  for (
    let err = e, depth = 0;
    err && typeof err === 'object' && depth < 4;
    err = (err as { cause?: unknown }).cause, depth++
  ) {
    const { code, message } = err as { code?: unknown; message?: unknown };
    if (typeof code === 'string' && (SOCKET_ERRORS.has(code) || code.startsWith('08') || /^57P0[123]$/.test(code)))
      return true;
    if (typeof message === 'string' && CONNECTION_LOST.test(message)) return true;
    if (err instanceof AggregateError && err.errors.some(isDatabaseUnavailable)) return true;
  }
  return false;
}

/** For logs: an AggregateError (every address refused) has no message of its own, only a code. */
export const reason = (e: unknown): string =>
  (e instanceof Error && e.message) || (e as { code?: string })?.code || String(e);

/** Delay before reconnect attempt `attempt` (0, 1, …): 1 s doubling to 30 s, jittered down by up to half so a fleet of processes spreads out. */
const backoffMs = (attempt: number): number => Math.min(30_000, 1000 * 2 ** attempt) * (0.5 + Math.random() / 2);

/** Runs `fn` until it succeeds or fails for a reason other than the database being unavailable, logging each wait. */
export async function retryWhileUnavailable<T>(what: string, fn: () => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await fn();
    } catch (e) {
      if (!isDatabaseUnavailable(e)) throw e;
      const delay = backoffMs(attempt);
      console.warn(
        `[kith-server] database unavailable for ${what} (${reason(e)}); retrying in ${(delay / 1000).toFixed(1)} s`,
      );
      await new Promise((r) => setTimeout(r, delay));
    }
  }
}

/** An embedded database's files are open in another process. */
export class DatabaseInUseError extends Error {
  constructor(
    readonly dataDir: string,
    readonly pid: number,
  ) {
    super(
      `The embedded database in ${dataDir} is open in process ${pid} (a running kith-server or npm start?). ` +
        'Stop it and try again; or use PostgreSQL (KITH_DATABASE_URL), where commands and servers share the database. ' +
        `If no such process is Kith, delete ${join(dataDir, 'kith.pid')}.`,
    );
    this.name = 'DatabaseInUseError';
  }
}

const errno = (e: unknown) => (e as NodeJS.ErrnoException).code;
const running = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return errno(e) === 'EPERM';
  }
};
/** The data folders this process holds, so a second handle is refused and a lock of an earlier run with our pid is not. */
const heldHere = new Set<string>();

/**
 * Holds `dataDir` for this process (`kith.pid` in it), or throws `DatabaseInUseError`: PGlite keeps
 * the database in its process's memory and writes it back, so a second process on the same files
 * would neither see the first one's writes nor keep its own (a shop created beside a running
 * server was gone when it stopped). A lock whose process is gone (killed) is taken over.
 */
async function holdDataDir(dataDir: string): Promise<() => void> {
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, 'kith.pid');
  const dir = resolve(dataDir);
  for (let attempt = 0; ; attempt++) {
    try {
      writeFileSync(file, String(process.pid), { flag: 'wx' });
      heldHere.add(dir);
      return () => {
        heldHere.delete(dir);
        try {
          if (readFileSync(file, 'utf8') === String(process.pid)) unlinkSync(file);
        } catch {
          // Gone already: nothing to release.
        }
      };
    } catch (e) {
      if (errno(e) !== 'EEXIST') throw e;
    }
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (e) {
      if (errno(e) === 'ENOENT') continue; // released meanwhile
      throw e;
    }
    // Created but not written yet: its owner is a moment away from writing its pid.
    if (!text && attempt < 40) {
      await new Promise((resolve) => setTimeout(resolve, 25));
      continue;
    }
    const pid = Number(text);
    // Our own pid from an earlier run (a container's process is often pid 1 every time) is stale.
    const held = pid === process.pid ? heldHere.has(dir) : Number.isInteger(pid) && pid > 0 && running(pid);
    if (held) throw new DatabaseInUseError(dataDir, pid);
    try {
      unlinkSync(file);
    } catch (e) {
      if (errno(e) !== 'ENOENT') throw e;
    }
  }
}

/**
 * Embedded PostgreSQL. `dataDir` persists to disk, for one process at a time (see `holdDataDir`);
 * without it the database lives in memory.
 */
export async function createPgliteDb(dataDir?: string): Promise<Db> {
  const release = dataDir ? await holdDataDir(dataDir) : () => {};
  let db: PGlite;
  try {
    db = await PGlite.create(dataDir);
  } catch (e) {
    release();
    throw e;
  }
  return requestDb(
    wrap('pglite', db, {
      transaction: (fn) => db.transaction((tx) => fn(txDb('pglite', tx))),
      listen: async (channel, onPayload) => db.listen(channel, onPayload),
      // In-process: there is no connection to lose.
      onListenRestored: () => () => {},
      close: () => db.close().finally(release),
    }),
  );
}

/** The schema a test run isolates itself in, created once by whichever process comes first. */
async function createSchema(url: string, schema: string): Promise<void> {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(`CREATE SCHEMA IF NOT EXISTS "${schema.replace(/"/g, '')}"`);
  } catch (e) {
    // Two processes creating it at once: IF NOT EXISTS still races in the catalog; theirs won.
    if (!['23505', '42P06'].includes((e as { code?: string }).code ?? '')) throw e;
  } finally {
    await admin.end();
  }
}

/** One transaction on a client of the pool: committed if `fn` resolves, rolled back if it throws. */
async function poolTransaction<T>(pool: pg.Pool, fn: (tx: Db) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const result = await fn(txDb('postgres', client));
    await client.query('COMMIT');
    return result;
  } catch (e) {
    await client.query('ROLLBACK').catch(() => {});
    throw e;
  } finally {
    client.release();
  }
}

/**
 * A PostgreSQL server through a `pg` pool. `schema` isolates test runs sharing one database.
 * LISTEN needs its own connection, outside the pool, re-opened if it drops.
 */
export async function createPostgresDb(url: string, options: { schema?: string; max?: number } = {}): Promise<Db> {
  const config: pg.PoolConfig = { connectionString: url, max: options.max ?? 10 };
  if (options.schema) config.options = `-c search_path=${options.schema}`;
  if (options.schema) await createSchema(url, options.schema);
  const pool = new pg.Pool(config);
  // An idle client's error (e.g. the server restarting) must not crash the process.
  pool.on('error', (e) => console.warn('[kith-server] idle database connection failed:', e.message));
  // Nor a checked-out one's: pg-pool listens only while a client is idle, and a connection lost
  // between two queries of a transaction is emitted. Its next query fails; the pool discards it.
  pool.on('connect', (client) => client.on('error', () => {}));
  const listeners = new Map<string, Set<(payload: string) => void>>();
  const restored = new Set<() => void>();
  let listener: pg.Client | undefined; // connected, LISTENing on every channel
  let connecting: Promise<void> | undefined;
  let retry: NodeJS.Timeout | undefined;
  let failures = 0;
  let lost = false;
  let closed = false;

  // Until it works, forever: a retry after a backoff, never a rejection anyone has to handle.
  const retryLater = (why: string) => {
    lost = true;
    if (closed || retry) return;
    const delay = backoffMs(failures++);
    console.warn(`[kith-server] LISTEN connection ${why}; reconnecting in ${(delay / 1000).toFixed(1)} s`);
    retry = setTimeout(() => {
      retry = undefined;
      void connectListener();
    }, delay);
    retry.unref();
  };
  const drop = (client: pg.Client, e: Error) => {
    if (client !== listener) return; // an attempt that failed, or the 'end' after an 'error'
    listener = undefined;
    client.end().catch(() => {});
    retryLater(`lost (${e.message})`);
  };
  const connectListener = (): Promise<void> =>
    (connecting ??= (async () => {
      // An idle LISTEN connection sends nothing, so without TCP keepalive a server that vanished
      // without closing it (a network cut) would go unnoticed; the timeout bounds a hanging connect.
      const client = new pg.Client({
        ...config,
        keepAlive: true,
        keepAliveInitialDelayMillis: 10_000,
        connectionTimeoutMillis: 10_000,
      });
      client.on(
        'notification',
        (m) => m.payload !== undefined && listeners.get(m.channel)?.forEach((fn) => fn(m.payload!)),
      );
      client.on('error', (e) => drop(client, e));
      client.on('end', () => drop(client, new Error('connection ended')));
      try {
        await client.connect();
        for (const channel of listeners.keys()) await client.query(`LISTEN "${channel}"`);
      } catch (e) {
        client.end().catch(() => {});
        retryLater(`unavailable (${reason(e)})`);
        return;
      } finally {
        connecting = undefined;
      }
      if (closed) return void client.end().catch(() => {});
      listener = client;
      failures = 0;
      if (lost) {
        lost = false;
        console.warn('[kith-server] LISTEN connection restored');
        for (const fn of restored) fn();
      }
    })());

  return requestDb(
    wrap('postgres', pool, {
      transaction: (fn) => poolTransaction(pool, fn),
      async listen(channel, onPayload) {
        const set = listeners.get(channel) ?? new Set();
        const first = set.size === 0;
        set.add(onPayload);
        listeners.set(channel, set);
        if (first) {
          // The first call waits for one attempt, so notifications flow once it resolves; while the
          // connection is down (backing off) it returns at once and the channel is LISTENed on reconnect.
          if (!listener && !retry) await connectListener();
          // Failing here means the connection is dropping: the reconnect LISTENs again.
          await listener?.query(`LISTEN "${channel}"`).catch(() => {});
        }
        return async () => {
          set.delete(onPayload);
          if (set.size || listeners.get(channel) !== set) return;
          listeners.delete(channel);
          await listener?.query(`UNLISTEN "${channel}"`).catch(() => {});
        };
      },
      onListenRestored(fn) {
        restored.add(fn);
        return () => void restored.delete(fn);
      },
      async close() {
        closed = true;
        clearTimeout(retry);
        const client = listener;
        listener = undefined;
        await client?.end().catch(() => {});
        await pool.end();
      },
    }),
  );
}

/** `KITH_DATABASE_URL` selects PostgreSQL; otherwise PGlite in `KITH_DATA_DIR` (default `.kith-data`). */
export function createDbFromEnv(env: NodeJS.ProcessEnv = process.env): Promise<Db> {
  if (env.KITH_DATABASE_URL) return createPostgresDb(env.KITH_DATABASE_URL, { schema: env.KITH_DATABASE_SCHEMA });
  return createPgliteDb(env.KITH_DATA_DIR ?? '.kith-data');
}
