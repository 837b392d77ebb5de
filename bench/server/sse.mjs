// SSE fan-out: many EventSource-like clients (node:http, one socket each) on one live show; once
// all have the current state, the merchant sets the viewer count N times through the admin API,
// and each stream's arrival time of each value is recorded.
import http from 'node:http';
import { performance } from 'node:perf_hooks';

/** Opens one stream; `onShow(show, at)` gets every `show` event's data with its arrival time. */
function openStream(origin, path, onShow, onEnd) {
  const url = new URL(path, origin);
  const req = http.get({
    host: url.hostname,
    port: url.port,
    path: url.pathname + url.search,
    agent: false,
    headers: { accept: 'text/event-stream' },
  });
  const ready = new Promise((resolve, reject) => {
    req.on('error', reject);
    req.on('response', (res) => {
      if (res.statusCode !== 200) return reject(new Error(`HTTP ${res.statusCode}`));
      res.setEncoding('utf8');
      let buffer = '';
      let first = true;
      res.on('data', (chunk) => {
        const at = performance.now();
        buffer += chunk;
        let i;
        while ((i = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, i);
          buffer = buffer.slice(i + 2);
          const data = block.split('\n').find((l) => l.startsWith('data:'));
          if (!data) continue; // `: ping`
          onShow(JSON.parse(data.slice(5)), at);
          if (first) {
            first = false;
            resolve();
          }
        }
      });
      res.on('close', () => onEnd());
    });
  });
  return { ready, close: () => req.destroy() };
}

const pct = (sorted, p) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : null;

/**
 * `streams` clients on `/v1/live/shows/<showId>/events`, `updates` viewer-count changes one after
 * another (each waits until every stream has it, or `waitMs`). Returns latencies and counts;
 * `sampleMemory(label)` is called with all streams open.
 */
export async function fanOut({
  origin,
  publishableKey,
  secretKey,
  showId,
  streams,
  updates,
  waitMs = 10_000,
  openConcurrency = 100,
  sampleMemory,
}) {
  const base = 10_000_000 + Math.floor(Math.random() * 1_000_000); // values no earlier state can have
  const seen = Array.from({ length: streams }, () => new Map()); // stream → viewerCount → arrival
  let ended = 0;
  let closing = false;
  const clients = [];
  const openStart = performance.now();
  const failedToOpen = [];
  for (let i = 0; i < streams; i += openConcurrency) {
    const batch = [];
    for (let j = i; j < Math.min(streams, i + openConcurrency); j++) {
      const c = openStream(
        origin,
        `/v1/live/shows/${showId}/events?key=${publishableKey}`,
        (show, at) => {
          if (!seen[j].has(show.viewerCount)) seen[j].set(show.viewerCount, at);
        },
        () => {
          if (!closing) ended++;
        },
      );
      clients.push(c);
      batch.push(c.ready.catch((e) => failedToOpen.push(e.message)));
    }
    await Promise.all(batch);
  }
  const openMs = performance.now() - openStart;
  const memoryOpen = await sampleMemory?.();

  const latencies = [];
  const allDelivered = [];
  let missed = 0;
  for (let u = 0; u < updates; u++) {
    const value = base + u;
    const sent = performance.now();
    const res = await fetch(`${origin}/v1/admin/live/shows/${showId}/viewers`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${secretKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ viewerCount: value }),
    });
    if (res.status !== 200) throw new Error(`PUT viewers answered ${res.status}: ${await res.text()}`);
    const until = sent + waitMs;
    while (seen.some((m) => !m.has(value)) && performance.now() < until) await new Promise((r) => setTimeout(r, 5));
    let last = 0;
    for (const m of seen) {
      const at = m.get(value);
      if (at === undefined) missed++;
      else {
        latencies.push(at - sent);
        last = Math.max(last, at - sent);
      }
    }
    allDelivered.push(last);
  }
  closing = true;
  for (const c of clients) c.close();
  latencies.sort((a, b) => a - b);
  const all = [...allDelivered].sort((a, b) => a - b);
  return {
    streams,
    updates,
    openMs,
    failedToOpen: failedToOpen.length,
    openErrors: [...new Set(failedToOpen)].slice(0, 3),
    dropped: ended,
    missed,
    delivery: {
      p50: pct(latencies, 50),
      p99: pct(latencies, 99),
      max: latencies.at(-1) ?? null,
      samples: latencies.length,
    },
    allDelivered: { p50: pct(all, 50), max: all.at(-1) ?? null },
    memoryOpen,
  };
}
