// Two server processes on one PostgreSQL: an SSE client on A sees a change written through B
// (LISTEN/NOTIFY). Runs when KITH_DATABASE_URL is set (CI starts PostgreSQL for it).
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { createPostgresDb, createShop, migrate } from '@kith/server';

const URL_ = process.env.KITH_DATABASE_URL;
const CLI = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
const schema = `fanout_${Date.now()}`;
const procs = [];
let shop;

async function startProcess(port) {
  const child = spawn('node', [CLI, 'serve', '--port', String(port)], {
    env: { ...process.env, KITH_DATABASE_SCHEMA: schema },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  procs.push(child);
  await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server on ${port} did not start`)), 15_000);
    child.stdout.on('data', (d) => {
      if (String(d).includes('Kith server on')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.on('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
  return `http://127.0.0.1:${port}`;
}

describe('scale-out: two processes, one PostgreSQL', { skip: !URL_ && 'set KITH_DATABASE_URL to run' }, () => {
  let a;
  let b;
  before(async () => {
    const db = await createPostgresDb(URL_, { schema });
    await migrate(db);
    shop = await createShop(db, { id: 'fanout-shop', name: 'Fan-out' });
    await db.close();
    [a, b] = await Promise.all([
      startProcess(18700 + Math.floor(Math.random() * 500)),
      startProcess(19300 + Math.floor(Math.random() * 500)),
    ]);
  });
  after(() => procs.forEach((p) => p.kill('SIGTERM')));

  it('a change written through B reaches an SSE client on A within a second', async () => {
    const admin = (path, body) =>
      fetch(`${b}/v1/admin/live/shows${path}`, {
        method: 'POST',
        body: JSON.stringify(body ?? {}),
        headers: {
          authorization: `Bearer ${shop.secretKey}`,
          'content-type': 'application/json',
          'idempotency-key': `k-${Math.random()}`,
        },
      });
    assert.equal(
      (
        await admin('', {
          id: 's1',
          title: 'Fan-out',
          startsAt: new Date(Date.now() + 60_000).toISOString(),
          productIds: ['p'],
        })
      ).status,
      201,
    );

    const controller = new AbortController();
    const res = await fetch(`${a}/v1/live/shows/s1/events?key=${shop.publishableKey}`, { signal: controller.signal });
    const reader = res.body.getReader();
    const decoder = new TextDecoder();
    let text = '';
    const until = async (pattern) => {
      while (!pattern.test(text)) {
        const { value, done } = await reader.read();
        if (done) throw new Error('stream ended');
        text += decoder.decode(value);
      }
    };
    await until(/"status":"scheduled"/);
    const started = Date.now();
    assert.equal((await admin('/s1/start', { viewerCount: 3 })).status, 200);
    await until(/"status":"live"/);
    const elapsed = Date.now() - started;
    controller.abort();
    assert.ok(elapsed < 1000, `arrived in ${elapsed} ms`);
  });
});
