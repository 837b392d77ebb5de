import { AsyncLocalStorage } from 'node:async_hooks';
import type { Db } from './db.js';

/**
 * A `Db` whose calls join the current request's transaction, if there is one. Storage code keeps
 * taking `db` and calling `db.transaction(…)`; inside `inTransaction` those calls run on the
 * request's connection, and each nested `transaction` becomes a savepoint, so a refused step
 * still rolls back alone while the whole request commits (or not) as one.
 */
export interface RequestDb extends Db {
  /** Runs `fn` in one transaction that every call on this `Db` made during `fn` joins. */
  inTransaction<R>(fn: (tx: Db) => Promise<R>): Promise<R>;
}

interface Scope {
  /** The `RequestDb` whose transaction this is: another database's calls never join it. */
  readonly owner: RequestDb;
  readonly tx: Db;
  /** False once the transaction has ended: late work (a timer started in the request) uses the pool. */
  open: boolean;
  savepoints: number;
}

const scopes = new AsyncLocalStorage<Scope>();

/** PostgreSQL's "try again" answers: the whole transaction is safe to run again from the start. */
export const isRetryable = (e: unknown) => ['40P01', '40001'].includes((e as { code?: string })?.code ?? '');

/**
 * `createPgliteDb` and `createPostgresDb` return one of these, so any handle on the database (the
 * app's, a photo store built on it) joins a request's transaction; `createApp` wraps any other `Db`.
 */
export function requestDb(base: Db): RequestDb {
  if (isRequestDb(base)) return base;
  const current = () => {
    const s = scopes.getStore();
    return s?.open && s.owner === self ? s : undefined;
  };
  const savepoint = async <R>(s: Scope, fn: (tx: Db) => Promise<R>): Promise<R> => {
    const name = `kith_sp_${++s.savepoints}`;
    await s.tx.query(`SAVEPOINT ${name}`);
    try {
      const result = await fn(s.tx);
      await s.tx.query(`RELEASE SAVEPOINT ${name}`);
      return result;
    } catch (e) {
      await s.tx.query(`ROLLBACK TO SAVEPOINT ${name}`).catch(() => {});
      throw e;
    }
  };
  const self: RequestDb = {
    kind: base.kind,
    query: (sql, params) => (current()?.tx ?? base).query(sql, params),
    transaction: (fn) => {
      const s = current();
      return s ? savepoint(s, fn) : base.transaction(fn);
    },
    listen: (channel, onPayload) => base.listen(channel, onPayload),
    onListenRestored: (fn) => base.onListenRestored(fn),
    close: () => base.close(),
    inTransaction: (fn) => {
      if (current()) throw new Error('Already in a request transaction');
      return base.transaction(async (tx) => {
        const scope: Scope = { owner: self, tx, open: true, savepoints: 0 };
        try {
          return await scopes.run(scope, () => fn(tx));
        } finally {
          scope.open = false;
        }
      });
    },
  };
  return self;
}

const isRequestDb = (db: Db): db is RequestDb => typeof (db as Partial<RequestDb>).inTransaction === 'function';
