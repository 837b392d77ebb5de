// The parent's side of bench/server/child.mjs: start it, call it over IPC, sample its memory.
import { fork } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Starts the server process with `env` (the whole environment it gets); resolves once it serves. */
export async function startServerProcess(env) {
  const child = fork(fileURLToPath(new URL('./child.mjs', import.meta.url)), {
    env,
    serialization: 'advanced',
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const waiting = new Map();
  let n = 0;
  let exitCode;
  const exited = new Promise((resolve) =>
    child.on('exit', (code, signal) => {
      exitCode = code ?? signal;
      for (const w of waiting.values()) w.reject(new Error(`the server process exited (${exitCode})`));
      waiting.clear();
      resolve(exitCode);
    }),
  );
  child.on('message', (m) => {
    const w = waiting.get(m.id);
    waiting.delete(m.id);
    if (w && m.ok) w.resolve(m.value);
    else if (w) w.reject(new Error(m.error));
  });
  const call = (type, o = {}) =>
    new Promise((resolve, reject) => {
      if (exitCode !== undefined) return reject(new Error(`the server process exited (${exitCode})`));
      const id = ++n;
      waiting.set(id, { resolve, reject });
      child.send({ id, type, ...o });
    });
  const info = await new Promise((resolve, reject) => {
    waiting.set(0, { resolve, reject });
    setTimeout(() => reject(new Error('the server process did not start within 120 s')), 120_000).unref();
  });
  let txs = 0;
  return {
    ...info,
    pid: child.pid,
    origin: `http://127.0.0.1:${info.port}`,
    query: (sql, params = []) => call('query', { sql, params }),
    memory: () => call('memory'),
    /** Runs `fn(q)` with `q` inside a transaction that is always rolled back. */
    async rolledBack(fn) {
      const tx = `tx${++txs}`;
      await call('tx-begin', { tx });
      try {
        return await fn((sql, params = []) => call('query', { sql, params, tx }));
      } finally {
        await call('tx-end', { tx });
      }
    },
    async stop() {
      await call('stop').catch(() => {});
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** The resident set of a process in bytes, from /proc (Linux); null elsewhere. */
export function rssOf(pid) {
  try {
    const kb = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return kb ? Number(kb[1]) * 1024 : null;
  } catch {
    return null;
  }
}

/** Samples a process's RSS every `ms` until `stop()`, which returns { before, peak, after }. */
export function sampleRss(pid, ms = 100) {
  const before = rssOf(pid);
  let peak = before;
  const timer = setInterval(() => {
    const now = rssOf(pid);
    if (now !== null && (peak === null || now > peak)) peak = now;
  }, ms);
  return {
    stop() {
      clearInterval(timer);
      const after = rssOf(pid);
      return { before, peak: Math.max(peak ?? 0, after ?? 0) || null, after };
    },
  };
}
