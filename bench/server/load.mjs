// autocannon with one dynamic request: `next()` picks each request (path, headers, body), and
// `onAnswer(sent, status, body)` sees each answer. With pipelining 1 a connection has one request
// in flight, so the request sent rides in autocannon's per-connection context to its answer.
import autocannon from 'autocannon';

export function cannon({ origin, duration, connections, next, onAnswer }) {
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: origin,
        connections,
        duration,
        timeout: 10,
        pipelining: 1,
        requests: [
          {
            setupRequest: (req, context) => {
              const r = next();
              context.sent = r;
              return {
                ...req,
                method: r.method ?? 'GET',
                path: r.path,
                headers: { ...req.headers, ...r.headers },
                ...(r.body !== undefined ? { body: r.body } : {}),
              };
            },
            onResponse: (status, body, context) => onAnswer?.(context.sent, status, body),
          },
        ],
      },
      (err, result) => (err ? reject(err) : resolve(result)),
    );
    instance.on('error', reject);
  });
}

/** The figures kept from an autocannon result. */
export const summarise = (r) => ({
  requests: r.requests.total,
  seconds: r.duration,
  rps: r.requests.total / r.duration,
  latency: { p50: r.latency.p50, p90: r.latency.p90, p99: r.latency.p99, max: r.latency.max, mean: r.latency.average },
  statusCodes: Object.fromEntries(Object.entries(r.statusCodeStats ?? {}).map(([k, v]) => [k, v.count])),
  non2xx: r.non2xx,
  errors: r.errors,
  timeouts: r.timeouts,
});

const codeOf = (body) => {
  try {
    return JSON.parse(body)?.error?.code ?? null;
  } catch {
    return null;
  }
};

/**
 * Idempotent writes: each fresh request gets a unique Idempotency-Key; a `replayShare` of the
 * requests repeat an answered one (same key, body and customer) instead. Answers are sorted into
 * 2xx, expected refusals (`expected`: status → codes) and unexpected ones (5xx, anything else);
 * every replay is kept with the first answer for the byte-for-byte check.
 */
export function idempotentWrites({ prefix, fresh, expected, replayShare = 0.15 }) {
  let n = 0;
  const answered = []; // first answers that may be replayed
  const log = { firsts: new Map(), replays: [], ok: 0, expected: {}, unexpected: {}, samples: [] };
  return {
    log,
    next() {
      if (answered.length && Math.random() < replayShare) {
        const first = answered[Math.floor(Math.random() * answered.length)];
        return { ...first.request, replayOf: first };
      }
      const r = fresh();
      return { ...r, key: `${prefix}-${++n}`, headers: { ...r.headers, 'idempotency-key': `${prefix}-${n}` } };
    },
    onAnswer(sent, status, body) {
      if (sent.replayOf) {
        log.replays.push({
          key: sent.key,
          first: { status: sent.replayOf.status, body: sent.replayOf.body },
          replay: { status, body },
        });
        return;
      }
      const code = status >= 300 ? codeOf(body) : null;
      const entry = { request: sent, status, body, code };
      log.firsts.set(sent.key, entry);
      if (status < 300) log.ok++;
      else if (expected[status]?.includes(code)) log.expected[code] = (log.expected[code] ?? 0) + 1;
      else {
        const k = `${status} ${code ?? ''}`.trim();
        log.unexpected[k] = (log.unexpected[k] ?? 0) + 1;
        if (log.samples.length < 5) log.samples.push({ path: sent.path, status, body: body.slice(0, 300) });
      }
      if (status < 500) answered.push(entry);
    },
  };
}

/** Runs `fn` over `items` with at most `limit` at once. */
export async function pool(items, limit, fn) {
  const out = new Array(items.length);
  let i = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (i < items.length) {
        const at = i++;
        out[at] = await fn(items[at], at);
      }
    }),
  );
  return out;
}
