// The server under load, in its own process so its memory is measured apart from the load
// generator: @kith/server on 127.0.0.1 (port 0), the demo seed, the scheduler off and the write
// limit out of the way. PGlite in memory unless KITH_DATABASE_URL names a PostgreSQL database.
// The parent talks to it over IPC: `query` runs SQL on the server's own database handle (PGlite
// lives in this process), `tx-begin`/`tx-end` hold a transaction open for the checker's
// self-test (so a deliberate corruption is rolled back), `memory` reports process.memoryUsage().
import { createDbFromEnv, createPgliteDb, seedDemo, startServer } from '@kith/server';

const db = process.env.KITH_DATABASE_URL ? await createDbFromEnv() : await createPgliteDb();
const running = await startServer({ db, port: 0, hostname: '127.0.0.1', schedulerIntervalMs: false, writeLimit: 1e9 });
const { shop } = await seedDemo(db);

const sessions = new Map(); // tx id → { tx, end }
const handlers = {
  query: ({ sql, params, tx }) => (tx ? sessions.get(tx).tx : db).query(sql, params).then((r) => r.rows),
  memory: () => process.memoryUsage(),
  'tx-begin': ({ tx: id }) =>
    new Promise((ready, failed) => {
      db.transaction(
        (tx) =>
          new Promise((_, end) => {
            sessions.set(id, { tx, end });
            ready(true);
          }),
      ).catch((e) => (e?.message === 'rollback' ? undefined : failed(e)));
    }),
  'tx-end': ({ tx }) => {
    sessions.get(tx).end(new Error('rollback'));
    sessions.delete(tx);
    return new Promise((r) => setTimeout(() => r(true), 50)); // let the ROLLBACK go out first
  },
  stop: async () => {
    await running.close();
    await db.close();
    setImmediate(() => process.exit(0));
    return true;
  },
};

process.on('message', async (m) => {
  try {
    process.send({ id: m.id, ok: true, value: await handlers[m.type](m) });
  } catch (e) {
    process.send({ id: m.id, ok: false, error: e?.message ?? String(e) });
  }
});
process.send({
  id: 0,
  ok: true,
  value: { port: running.port, kind: db.kind, publishableKey: shop.publishableKey, secretKey: shop.secretKey },
});
