// The server load test can fail: a smoke run on PGlite with one invariant broken for real
// (BENCH_BREAK) must exit 1 and report that invariant FAIL, while its self-test still shows every
// invariant failing when broken on purpose. Needs `npm run build` (packages/server/dist).
// node --test --test-timeout=300000 --test-force-exit bench/server/break.test.mjs
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const BENCH = fileURLToPath(new URL('../server.bench.mjs', import.meta.url));

test('a run with an over-filled team fails, and names it', { timeout: 300_000 }, () => {
  const out = mkdtempSync(join(tmpdir(), 'kith-server-bench-'));
  try {
    const run = spawnSync(process.execPath, [BENCH], {
      encoding: 'utf8',
      env: {
        ...process.env,
        BENCH_ENGINES: 'pglite',
        BENCH_DURATION: '1',
        BENCH_CONNECTIONS: '10',
        BENCH_SSE_STREAMS: '20',
        BENCH_SSE_UPDATES: '2',
        BENCH_BREAK: 'team-size',
        BENCH_OUT: out,
      },
    });
    assert.equal(run.status, 1, `${run.stdout}\n${run.stderr}`);
    const report = JSON.parse(readFileSync(join(out, 'server.json'), 'utf8'));
    const [pglite] = report.engines;
    assert.equal(report.pass, false);
    assert.equal(pglite.invariants.find((r) => r.id === 'team-size').pass, false);
    assert.match(report.problems.join('\n'), /FAIL No over-filled team/);
    assert.ok(
      pglite.selfTest.every((s) => s.failedAsExpected),
      JSON.stringify(pglite.selfTest),
    );
    assert.match(readFileSync(join(out, 'server.md'), 'utf8'), /\*\*Verdict: FAIL\*\*/);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});
