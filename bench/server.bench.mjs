// `npm run bench:server`: the reference server under load, on PGlite and on PostgreSQL. For each
// database a server process (bench/server/child.mjs) on 127.0.0.1 with the demo seed and the
// bench data, then autocannon runs (review pages and summaries; group-buy joins, redemptions and
// share earns with Idempotency-Keys and replays), 1,000 SSE streams on one live show receiving a
// fan-out, the invariants against the database, and the checker's self-test (each invariant
// broken on purpose must FAIL). Writes bench/reports/server.{json,md}; exits 1 on any FAIL or
// unexpected error. BENCH_DURATION (s per run, 10), BENCH_CONNECTIONS (50), BENCH_SSE_STREAMS
// (1000), BENCH_SSE_UPDATES (20), BENCH_ENGINES (pglite,postgres), BENCH_OUT (bench/reports);
// BENCH_BREAK=<invariant id> breaks one invariant for real before the check (the run must FAIL).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { cpus, loadavg, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import { startServerProcess } from './server/process.mjs';
import { findPostgres, throwawayDatabase } from './server/postgres.mjs';
import { CORRUPTIONS } from './server/invariants.mjs';
import { BENCH_PRODUCT, runEngine } from './server/scenarios.mjs';

const here = (p) => fileURLToPath(new URL(p, import.meta.url));
const num = (name, fallback) => Math.max(1, Number(process.env[name] ?? fallback));
const o = {
  duration: num('BENCH_DURATION', 10),
  connections: num('BENCH_CONNECTIONS', 50),
  streams: num('BENCH_SSE_STREAMS', 1000),
  updates: num('BENCH_SSE_UPDATES', 20),
  reviews: 5000,
  teams: 150,
  redeemers: 500,
  earners: 300,
  breakInvariant: process.env.BENCH_BREAK || undefined,
  log: (line) => console.log(line),
};
if (o.breakInvariant && !CORRUPTIONS[o.breakInvariant])
  throw new Error(`BENCH_BREAK must be one of ${Object.keys(CORRUPTIONS).join(', ')}`);
const ENGINES = (process.env.BENCH_ENGINES ?? 'pglite,postgres').split(',').map((s) => s.trim());
const OUT = process.env.BENCH_OUT
  ? new URL(`file://${process.env.BENCH_OUT.replace(/\/?$/, '/')}`)
  : new URL('./reports/', import.meta.url);
const MB = 2 ** 20;

try {
  readFileSync(here('../packages/server/dist/index.js'));
} catch {
  console.error('packages/server/dist is missing: run `npm run build` first (npm run bench:server does).');
  process.exit(2);
}

// The server process gets the environment without any database settings but those we give it.
const baseEnv = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('KITH_DATABASE')));
const started = Date.now();
const loadBefore = loadavg();
const engines = [];
for (const engine of ENGINES) {
  console.log(`\n${engine}`);
  let env = baseEnv;
  let db = { where: 'in memory' };
  let pgInfo;
  if (engine === 'postgres') {
    pgInfo = await findPostgres();
    if (pgInfo.skip) {
      console.log(`  skipped: ${pgInfo.skip}`);
      engines.push({ engine, skipped: pgInfo.skip });
      continue;
    }
    db = await throwawayDatabase(pgInfo.url);
    env = { ...baseEnv, ...db.env };
  } else if (engine !== 'pglite') throw new Error(`Unknown engine ${engine} (pglite or postgres)`);
  const server = await startServerProcess(env);
  try {
    const version = (await server.query('SELECT version() AS v'))[0].v.split(' on ')[0].split(',')[0];
    console.log(
      `  ${version}${pgInfo ? ` via ${pgInfo.source}, throwaway ${db.where}, pool of 10 connections` : ', in memory in the server process'}`,
    );
    const results = await runEngine(server, { ...o, engine });
    engines.push({ engine, version, source: pgInfo?.source ?? null, where: db.where, ...results });
  } catch (e) {
    console.error(`  ${engine} failed: ${e.stack ?? e}`);
    engines.push({ engine, failed: String(e.message ?? e) });
  } finally {
    await server.stop();
    await db.drop?.().catch((e) => console.warn(`  could not drop the ${db.where}: ${e.message}`));
  }
}
const seconds = Math.round((Date.now() - started) / 1000);

// ── Verdicts ──────────────────────────────────────────────────────────────────────────────
const problems = [];
const overload = [];
for (const e of engines) {
  if (e.failed) problems.push(`${e.engine}: the run failed: ${e.failed}`);
  if (e.skipped) continue;
  if (!e.scenarios) continue;
  for (const s of e.scenarios) {
    const unexpected = s.answers ? Object.values(s.answers.unexpected).reduce((a, b) => a + b, 0) : s.non2xx;
    // autocannon counts a timeout as an error too. A request past the timeout is overload, not a
    // wrong answer (the server still applies it, and the invariants judge what it did): reported, not failed.
    const failed = s.errors - s.timeouts;
    if (unexpected || failed)
      problems.push(`${e.engine} ${s.name}: ${unexpected} unexpected answers, ${failed} errors`);
    if (s.timeouts) overload.push(`${e.engine} ${s.name}: ${s.timeouts} requests past the 10 s timeout`);
  }
  const sse = e.sse;
  if (sse.failedToOpen || sse.dropped || sse.missed || sse.listenersAfterClose !== 0) {
    problems.push(
      `${e.engine} SSE: ${sse.failedToOpen} failed to open, ${sse.dropped} dropped, ${sse.missed} deliveries missed, ${sse.listenersAfterClose} listeners left after close`,
    );
  }
  for (const r of e.invariants) if (!r.pass) problems.push(`${e.engine}: FAIL ${r.name}: ${r.detail}`);
  for (const s of e.selfTest)
    if (!s.failedAsExpected)
      problems.push(`${e.engine}: self-test: breaking ${s.id} did not make it FAIL (${s.detail})`);
  if (!e.invariantsAfterSelfTest)
    problems.push(`${e.engine}: the invariants did not hold again after the self-test's rollbacks`);
}

const date = new Date().toISOString();
const pkg = (name) => JSON.parse(readFileSync(here(`../node_modules/${name}/package.json`), 'utf8')).version;
const machine = {
  cpu: cpus()[0]?.model ?? 'unknown',
  cores: cpus().length,
  ramGiB: Math.round(totalmem() / 2 ** 30),
  node: process.version,
  pglite: pkg('@electric-sql/pglite'),
  autocannon: pkg('autocannon'),
  postgres: engines.find((e) => e.engine === 'postgres' && e.version)?.version ?? null,
  loadAverage: { before: loadBefore.map((x) => +x.toFixed(2)), after: loadavg().map((x) => +x.toFixed(2)) },
};
try {
  machine.kernel = execFileSync('uname', ['-sr'], { encoding: 'utf8' }).trim();
} catch {}
await mkdir(OUT, { recursive: true });
const json = {
  date,
  machine,
  options: { ...o, log: undefined },
  seconds,
  pass: problems.length === 0,
  problems,
  overload,
  engines,
};
await writeFile(
  new URL('server.json', OUT),
  `${JSON.stringify(json, (k, v) => (k === 'samples' && Array.isArray(v) && !v.length ? undefined : v), 2)}\n`,
);

// ── The report ────────────────────────────────────────────────────────────────────────────
const f = (n, d = 0) => (n === null || n === undefined || Number.isNaN(n) ? '–' : n.toFixed(d));
const mb = (n) => f(n / MB);
const codes = (m) =>
  Object.entries(m)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ') || '–';
const ran = engines.filter((e) => e.scenarios);
const label = (e) => (e.engine === 'pglite' ? 'PGlite' : 'PostgreSQL');
const scenarioRows = ran.flatMap((e) =>
  e.scenarios.map((s) => {
    const a = s.answers;
    const answers = a
      ? `${a.ok} ok; expected ${codes(a.expected)}; ${a.replays} replays${a.kinds ? ` (${codes(a.kinds)})` : ''}`
      : Object.entries(s.statusCodes)
          .map(([k, v]) => `${v} × ${k}`)
          .join(', ');
    const unexpected = a ? Object.values(a.unexpected).reduce((x, y) => x + y, 0) : s.non2xx;
    return `| ${label(e)} | ${s.name} | ${f(s.rps)} | ${s.latency.p50} | ${s.latency.p99} | ${s.latency.max} | ${answers} | ${unexpected} / ${s.errors} / ${s.timeouts} | ${mb(s.rssBefore)} → ${mb(s.rssPeak)} |`;
  }),
);
const sseRows = ran.map((e) => {
  const s = e.sse;
  return `| ${label(e)} | ${s.streams} | ${f(s.openMs)} | ${s.updates} | ${f(s.delivery.p50, 1)} | ${f(s.delivery.p99, 1)} | ${f(s.allDelivered.p50, 0)} / ${f(s.allDelivered.max, 0)} | ${s.failedToOpen} / ${s.dropped} / ${s.missed} | ${mb(s.memoryBefore.rss)} → ${mb(s.memoryOpen.rss)} (peak ${mb(s.rssPeak)}) | ${mb(s.memoryBefore.heapUsed)} → ${mb(s.memoryOpen.heapUsed)} | ${s.listenersAfterClose} |`;
});
const invRows = ran.length
  ? ran[0].invariants.map(
      (inv, i) =>
        `| ${inv.name} | ${ran
          .map((e) => {
            const r = e.invariants[i];
            const st = e.selfTest[i];
            return `${r.pass ? 'PASS' : '**FAIL**'}${r.detail ? ` (${r.detail})` : ''}; broken on purpose: ${st.failedAsExpected ? 'FAIL ✓' : '**did not fail**'}`;
          })
          .join(' | ')} |`,
    )
  : [];
const skipped = engines
  .filter((e) => e.skipped || e.failed)
  .map((e) => `- ${label(e)}: ${e.skipped ? `skipped: ${e.skipped}` : `failed: ${e.failed}`}`);
const versions = ran
  .map(
    (e) =>
      `${label(e)}: ${e.version}${e.source ? ` (${e.source}, throwaway ${e.where})` : ` (@electric-sql/pglite ${machine.pglite}, in memory)`}`,
  )
  .join('; ');

await writeFile(
  new URL('server.md', OUT),
  `# Server load: @kith/server on PGlite and PostgreSQL

${date.slice(0, 10)} · ${machine.cpu}, ${machine.cores} cores, ${machine.ramGiB} GiB, Node ${machine.node} · ${versions || 'no database ran'} ·
autocannon ${machine.autocannon}, ${o.connections} connections, ${o.duration} s per run · the whole run took ${Math.floor(seconds / 60)} min ${seconds % 60} s ·
load average ${machine.loadAverage.before[0]} before, ${machine.loadAverage.after[0]} after (a shared machine: the load generator, the SSE clients and the server share its ${machine.cores} cores)

**Verdict: ${problems.length ? `FAIL` : 'PASS'}**${problems.length ? `\n\n${problems.map((p) => `- ${p}`).join('\n')}` : ': every invariant holds on every database, no unexpected answer, no dropped stream, and every invariant FAILs when broken on purpose.'}
${overload.length ? `\nOverload (slow, not wrong; see the latency columns):\n\n${overload.map((p) => `- ${p}`).join('\n')}\n` : ''}${skipped.length ? `\n${skipped.join('\n')}\n` : ''}
## Requests

| database | scenario | req/s | p50 (ms) | p99 (ms) | max (ms) | answers | unexpected / errors / timeouts | server RSS (MB) before → peak |
|---|---|---:|---:|---:|---:|---|---:|---:|
${scenarioRows.join('\n')}

${ran[0] ? ran[0].scenarios.map((s) => `- **${s.name}**: ${s.what}.`).join('\n') : ''}

One request at a time before the load (mean of 10, ms): ${ran
    .map(
      (e) =>
        `${label(e)}: ${Object.entries(e.sequential)
          .map(([p, ms]) => `\`${p}\` ${f(ms, 1)}`)
          .join(', ')}`,
    )
    .join('; ')}.
Latency under load is mostly queueing: ${o.connections} connections share PGlite's single connection, or the
\`pg\` pool's 10, so a request waits for those ahead of it. "answers" counts what autocannon saw
finish inside the run; requests still in flight when it stops are not counted (the invariants
count the database's record).

## SSE fan-out

| database | streams | all open (ms) | updates | delivery p50 (ms) | delivery p99 (ms) | every stream has it, median / worst update (ms) | failed to open / dropped / missed | server RSS (MB) before → all open | server heap (MB) before → all open | listeners after close |
|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|
${sseRows.join('\n')}

## Invariants (after the write load, against the database)

| invariant | ${ran.map(label).join(' | ')} |
|---|${ran.map(() => '---|').join('')}
${invRows.join('\n')}

"Broken on purpose" is the checker's self-test: after the real check, each invariant's property is
broken in the same database inside a transaction that is rolled back (a seat squeezed into a full
team, a leader seated in a second team, the stock set below what is sold, a join's seat recorded
twice, a debit past the balance, ledger points the API never showed, a share credited twice with
its unique index dropped, a redemption debited twice), or for replays one byte of a recorded
replay changed; that invariant must then FAIL. The real state is checked again afterwards
(${ran.every((e) => e.invariantsAfterSelfTest) ? 'it holds' : '**it did not hold**'}).

## Method

- **Server**: \`@kith/server\` (\`startServer\`, the built \`dist\`) in a child process
  (\`bench/server/child.mjs\`) on 127.0.0.1, port 0, the scheduler off, the write rate limit
  raised out of the way (it is per key and IP, and all load comes from one IP), heartbeats every
  15 s. Its RSS comes from \`/proc/<pid>/status\` every 100 ms during each run ("peak"); its heap
  from \`process.memoryUsage()\` over IPC. PGlite lives in memory in the server process, so its
  pages count in the server's RSS; PostgreSQL's memory is its own processes' and is not counted.
- **Databases**: PGlite in memory; PostgreSQL from \`KITH_DATABASE_URL\`, else an online cluster
  from \`pg_lsclusters\` (login kith/kith, or PGUSER/PGPASSWORD/PGDATABASE), in a database created
  for the run and dropped after (a schema if the role may not create databases), through the
  server's \`pg\` pool of 10.
- **Data**: the demo seed, then through the admin API a group-buy campaign on \`${BENCH_PRODUCT}\` (3 seats a
  team, stock ${Math.round(o.teams * 2.8)} units) with ${o.teams} teams started by as many leaders, two rewards
  (cost 100; one limited to 300), and ${o.redeemers} customers given 50, 150, 250 or 350 points
  (\`/v1/admin/points/adjust\`); ${o.reviews} reviews on \`${BENCH_PRODUCT}\` (2% pending) inserted in one SQL
  statement. Customer tokens are signed with \`signCustomerToken\`.
- **Load**: autocannon ${machine.autocannon} in the bench process, ${o.connections} connections, pipelining 1,
  ${o.duration} s per run, 10 s timeout. Each request is chosen when it is sent (\`setupRequest\`),
  so reads spread over sorts, filters and deep cursors, and writes carry a fresh
  \`Idempotency-Key\` and a fresh shopper; 15% of write requests instead replay an answered
  request (same key, body and customer) and their answers are compared with the first byte for
  byte. Latency is autocannon's, from sending a request to its last byte. "Expected" answers
  are the documented refusals under contention (409 \`team_full\`, \`sold_out\`,
  \`already_in_team\`, \`insufficient_points\`, \`out_of_stock\`); anything else, 5xx and
  connection errors are unexpected and fail the run. A request past the 10 s timeout is listed as
  overload: the server still applies it, and the invariants check what it did.
- **SSE**: ${o.streams} \`node:http\` clients, one socket each, on \`/v1/live/shows/<live show>/events\`,
  opened 100 at a time; once every stream has the current state, ${o.updates} viewer-count changes
  (\`PUT /v1/admin/live/shows/:id/viewers\`), one after another once every stream has the last;
  delivery is measured from just before the PUT is sent to the moment each stream's chunk with
  that value arrives. "Dropped" is a stream the server closed, "missed" a change a stream did not
  get within 10 s. After the clients close, \`/healthz\` must show 0 listeners within 5 s.
- **Invariants**: SQL on the server's own database handle (over IPC) after the writes, plus the
  clients' record of replays; "balance" compares \`GET /v1/admin/points/customers/:id\` for every
  bench customer with the sum of their available ledger entries.

## How to run

\`\`\`sh
npm run bench:server                                   # build, then both databases (about ${Math.max(1, Math.round(seconds / 60))} min here)
BENCH_DURATION=2 BENCH_SSE_STREAMS=200 node bench/server.bench.mjs   # a smoke run without rebuilding
BENCH_ENGINES=pglite node bench/server.bench.mjs       # PGlite only
KITH_DATABASE_URL=postgres://kith:kith@127.0.0.1:5432/kith npm run bench:server
\`\`\`

PostgreSQL is used when \`KITH_DATABASE_URL\` is set or a local cluster is online
(\`pg_ctlcluster 15 main start\`); otherwise the report says it was skipped. Everything stays on
127.0.0.1. Raw figures are in [server.json](server.json).
`,
);
console.log(
  `\n${problems.length ? `FAIL\n${problems.map((p) => `  ${p}`).join('\n')}` : 'PASS: every invariant holds, no unexpected errors'}`,
);
console.log(`Wrote ${fileURLToPath(new URL('server.md', OUT))} and server.json in ${seconds} s`);
process.exit(problems.length ? 1 : 0);
