// Hostile input on every write route, found from the OpenAPI document, so a new route is covered
// without editing this file: NUL and lone surrogates, non-finite, negative-zero and huge numbers,
// 100 KB strings, wrong shapes, out-of-range dates and wrong content types; in path params, in each
// body property (one at a time, the rest a plausible body built from the route's schema) and as
// whole bodies. None may answer 5xx, leak a stack or SQL, or write a row when refused.
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { SignJWT } from 'jose';
import { customerTokenKeyId, getShop, seedDemo, signCustomerToken } from '@kith/server';
import { client, createTestServer, ENGINE, idem, isError, showInput } from './helpers.mjs';

const t = await createTestServer({ writeLimit: 1e9 });
after(() => t.close());
const { shop } = await seedDemo(t.db);
const doc = await (await t.app.request('/v1/openapi.json')).json();

const BIG = 'a'.repeat(100 * 1024);
/** [name, JSON text, kind]: raw text, so 1e309 and -0 reach the server as written. */
const VALUES = [
  ['NUL', JSON.stringify('a\u0000b'), 'text'],
  ['lone high surrogate', '"a\\ud800b"', 'text'],
  ['lone low surrogate', '"\\udc00"', 'text'],
  ['1e309', '1e309'],
  ['-0', '-0'],
  ['2**53', String(2 ** 53)],
  ['1e20', '1e20'],
  ['-1e20', '-1e20'],
  ['100 KB string', JSON.stringify(BIG)],
  ['array', '[]'],
  ['array of objects', '[{}]'],
  ['object', '{"a":1}'],
  ['null', 'null'],
  ['year 9999', '"9999-12-31T23:59:59Z"', 'date'],
  ['year 9999 behind UTC', '"9999-12-31T23:59:59-12:00"', 'date'],
  ['year 0', '"0000-01-01T00:00:00Z"', 'date'],
];
/** In a path: the same values, URL-encoded; `%ED%A0%80` is a surrogate's bytes, which are not UTF-8. */
const PATH_VALUES = [
  ['NUL', 'a%00b', 'text'],
  ['NUL beside a bad escape', '%00x%FF', 'text'],
  ['surrogate bytes', '%ED%A0%80'],
  ['1e309', '1e309'],
  ['-0', '-0'],
  ['2**53', String(2 ** 53)],
  ['1e20', '1e20'],
  ['-1e20', '-1e20'],
  ['100 KB', BIG],
  ['array', '%5B%5D'],
  ['object', '%7B%7D'],
  ['null', 'null'],
  ['year 9999', encodeURIComponent('9999-12-31T23:59:59Z')],
  ['year 0', encodeURIComponent('0000-01-01T00:00:00Z')],
];

// --- a plausible value for a JSON schema --------------------------------------------------------

const deref = (s) => {
  while (s?.$ref) s = doc.components.schemas[s.$ref.split('/').pop()];
  return s ?? {};
};
let serial = 0;
function sampleString(s) {
  const n = serial++;
  if (s.format === 'date-time') return new Date(Date.now() + (n + 1) * 3_600_000).toISOString();
  if (s.format === 'uri') return `https://example.com/fuzz/${n}`;
  if (s.format === 'email') return `fuzz${n}@example.com`;
  if (s.format === 'ipv4') return '203.0.113.7';
  if (s.format === 'ipv6') return '2001:db8::7';
  const fits = (v) => v.length >= (s.minLength ?? 0) && v.length <= (s.maxLength ?? Infinity);
  if (s.pattern) {
    const re = new RegExp(s.pattern, 'u');
    return [`fuzz-${n}`, 'USD', 'p1', 'f'.repeat(64), '123', 'ABC123'].find((v) => fits(v) && re.test(v)) ?? 'p1';
  }
  return `Plausible text ${n} for this field, long enough`
    .padEnd(s.minLength ?? 0, '.')
    .slice(0, s.maxLength ?? Infinity);
}
/** A value for `schema`; objects get their required properties only, or every one with `all`. */
function sample(schema, all = false) {
  const s = deref(schema);
  if ('const' in s) return s.const;
  if (s.enum) return s.enum[0];
  if (s.default !== undefined) return s.default;
  if (s.example !== undefined) return s.example;
  const alternatives = s.anyOf ?? s.oneOf;
  if (alternatives) return sample(alternatives.find((a) => deref(a).type !== 'null') ?? alternatives[0], all);
  if (s.allOf) return Object.assign({}, ...s.allOf.map((a) => sample(a, all)));
  const type = Array.isArray(s.type) ? s.type.find((x) => x !== 'null') : s.type;
  switch (type) {
    case 'object':
      return Object.fromEntries(
        Object.entries(s.properties ?? {})
          .filter(([k]) => all || s.required?.includes(k))
          .map(([k, v]) => [k, sample(v, all)]),
      );
    case 'array':
      return Array.from({ length: Math.max(1, s.minItems ?? 1) }, () => sample(s.items, all));
    case 'integer':
    case 'number':
      return Math.min(
        Math.max(1, s.minimum ?? 1, s.exclusiveMinimum === undefined ? 1 : s.exclusiveMinimum + 1),
        s.maximum ?? Infinity,
      );
    case 'boolean':
      return true;
    case 'string':
      return sampleString(s);
    default:
      return 'x';
  }
}

/** Every property path in a value: objects' keys and arrays' first items, containers included. */
function paths(value, prefix = []) {
  if (Array.isArray(value)) return value.length ? [[...prefix, 0], ...paths(value[0], [...prefix, 0])] : [];
  if (value && typeof value === 'object')
    return Object.keys(value).flatMap((k) => [[...prefix, k], ...paths(value[k], [...prefix, k])]);
  return [];
}
const schemaAt = (schema, path) => {
  let s = deref(schema);
  for (const k of path) {
    const alt = (s.anyOf ?? s.oneOf)?.find((a) => deref(a).type !== 'null');
    if (alt) s = deref(alt);
    s = deref(typeof k === 'number' ? s.items : s.properties?.[k]);
  }
  return s;
};

const MARK = '__kith_hostile__';
/** `body` as JSON with `raw` at `path`; a parent `body` lacks (an optional object) is taken from `full`. */
function withRaw(full, body, path, raw) {
  let at = body;
  let from = full;
  for (const k of path.slice(0, -1)) {
    from = from[k];
    at = at[k] ??= structuredClone(from);
  }
  at[path.at(-1)] = MARK;
  return JSON.stringify(body).replace(JSON.stringify(MARK), raw);
}

// --- plausible path ids from the seeded demo shop ------------------------------------------------

const tables = (
  await t.db.query(
    "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY 1",
  )
).rows.map((r) => /** @type {string} */ (r.name));
/** `/teams/{id}` → a team of the demo shop: the table named after the segment before the param. */
async function pathValue(path, param) {
  const segments = path.split('/');
  const noun = segments[segments.indexOf(`{${param}}`) - 1]?.replace(/-/g, '_').replace(/s$/, '');
  const table = tables.find((n) => n.endsWith(`${noun}s`)) ?? tables.find((n) => n.startsWith(noun));
  if (table) {
    const { rows } = await t.db.query(
      'SELECT column_name AS name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = $1',
      [table],
    );
    const columns = rows.map((r) => r.name);
    const column = [param, param.replace(/[A-Z].*$/, ''), 'id', 'code'].find(
      (c) => columns.includes(c) && c !== 'shop_id',
    );
    if (column && columns.includes('shop_id')) {
      const found = await t.db.query(`SELECT "${column}" AS v FROM "${table}" WHERE shop_id = $1 LIMIT 1`, [shop.id]);
      if (found.rows[0]) return String(found.rows[0].v);
    }
  }
  return 'p1';
}

// --- rows, before and after ----------------------------------------------------------------------

// Left out: a refused POST is still a use of its Idempotency-Key (the 4xx is stored to be replayed)
// and a write counted against the rate limit; both tables change on every write, by design.
const COUNTED = tables.filter((n) => !['idempotency_keys', 'rate_limits'].includes(n));
// A function, so its plan is made once: it runs after every request.
await t.db.query(`CREATE FUNCTION hostile_row_counts() RETURNS text LANGUAGE plpgsql AS $$
  BEGIN RETURN concat_ws(',', ${COUNTED.map((n) => `(SELECT count(*) FROM "${n}")`).join(', ')}); END $$`);
const counts = async () => {
  const { rows } = await t.db.query('SELECT hostile_row_counts() AS n');
  const n = /** @type {string} */ (rows[0].n).split(',');
  return Object.fromEntries(COUNTED.map((table, i) => [table, Number(n[i])]));
};
const changed = (a, b) => COUNTED.filter((n) => a[n] !== b[n]).map((n) => `${n} ${a[n]}→${b[n]}`);

// --- requests ------------------------------------------------------------------------------------

let customers = 0;
// Read before each request: a route may change the keys (rotating the secret key does).
const secretKey = async () => (await getShop(t.db, shop.id)).secretKey;
async function authHeaders(op) {
  const needs = new Set((op.security ?? []).flatMap((s) => Object.keys(s)));
  const headers = {};
  if (needs.has('secretKey')) headers.authorization = `Bearer ${await secretKey()}`;
  else if (needs.has('publishableKey') || needs.has('publishableKeyQuery'))
    headers.authorization = `Bearer ${shop.publishableKey}`;
  // A new shopper each time, so one's limits (a review per product, check-in once a day) don't hide the next case.
  if (needs.has('customerToken'))
    headers['x-kith-customer'] = await signCustomerToken(await secretKey(), `fuzz-customer-${customers++}`);
  return headers;
}

const LEAK = /\bat .*\.[cm]?js:\d+|\b(SELECT|INSERT|UPDATE|DELETE FROM)\b|SQLSTATE|syntax error|violates|relation "/;
const ROUTES = Object.entries(doc.paths).flatMap(([path, ops]) =>
  Object.entries(ops)
    .filter(([m]) => ['post', 'put', 'patch'].includes(m))
    .map(([method, op]) => ({ path, method, op })),
);

describe(`hostile input on every write route (${ENGINE})`, () => {
  it('the OpenAPI document lists the write routes', () => assert.ok(ROUTES.length >= 30, `${ROUTES.length} routes`));

  for (const { path, method, op } of ROUTES) {
    it(`${method.toUpperCase()} ${path}`, async (ctx) => {
      const problems = [];
      let sent = 0;
      let accepted = 0;
      const jsonBody = op.requestBody?.content?.['application/json'];
      const takesJson = Boolean(jsonBody);
      // A fresh body per request (new ids, new dates), so one accepted case doesn't make the next a 409.
      const fresh = () => sample(jsonBody.schema);
      const full = takesJson ? sample(jsonBody.schema, true) : undefined;
      const bodyPaths = takesJson ? paths(full) : [];
      const params = Object.fromEntries(
        await Promise.all(
          (op.parameters ?? [])
            .filter((p) => p.in === 'path')
            .map(async (p) => [p.name, await pathValue(path, p.name)]),
        ),
      );
      const url = (over = {}) =>
        path.replace(/\{(\w+)\}/g, (_, name) => over[name] ?? encodeURIComponent(params[name]));
      let before = await counts();

      /** One request; `expect` says what the answer must be beyond "no 5xx, no leak, no row when refused". */
      const send = async (what, target, body, contentType, expect = {}) => {
        const headers = { ...(await authHeaders(op)), ...(method === 'post' ? { 'idempotency-key': idem() } : {}) };
        if (contentType) headers['content-type'] = contentType;
        // Bytes, not a string: a string body would get `text/plain` added by fetch.
        const res = await t.app.request(target, {
          method: method.toUpperCase(),
          headers,
          body: body === undefined ? undefined : new TextEncoder().encode(body),
        });
        const text = await res.text();
        sent++;
        if (res.status < 400) accepted++;
        const after = await counts();
        const say = (problem) => problems.push(`${what}: ${problem} (${res.status} ${text.slice(0, 200)})`);
        if (res.status >= 500) say('server error');
        if (res.status >= 400) {
          if (LEAK.test(text)) say('leaks a stack or SQL');
          let json;
          try {
            json = JSON.parse(text);
          } catch {
            /* reported below */
          }
          if (typeof json?.error?.code !== 'string' || typeof json.error.message !== 'string')
            say('not the error shape');
          const rows = changed(before, after);
          if (rows.length) say(`refused, yet rows changed: ${rows.join(', ')}`);
          if (expect.code && json?.error?.code !== expect.code) say(`expected ${expect.status ?? ''} ${expect.code}`);
          if (expect.status && res.status !== expect.status) say(`expected status ${expect.status}`);
        } else if (expect.code) {
          say(`accepted; expected ${expect.code}`);
        }
        before = after;
      };

      // Path params, one at a time.
      for (const name of Object.keys(params)) {
        for (const [label, value, kind] of PATH_VALUES) {
          await send(
            `path ${name} = ${label}`,
            url({ [name]: value }),
            takesJson ? JSON.stringify(fresh()) : undefined,
            takesJson ? 'application/json' : undefined,
            kind === 'text' ? { status: 400, code: 'invalid_text' } : {},
          );
        }
      }

      if (takesJson) {
        // Each body property, one at a time.
        for (const at of bodyPaths) {
          const prop = schemaAt(jsonBody.schema, at);
          const isDate = prop.format === 'date-time';
          for (const [label, raw, kind] of VALUES) {
            if (kind === 'date' && prop.type && prop.type !== 'string') continue; // dates go where text does
            const expect =
              kind === 'text'
                ? { status: 400, code: 'invalid_text' }
                : kind === 'date' && isDate
                  ? { status: 400, code: 'invalid_date' }
                  : {};
            await send(
              `json.${at.join('.')} = ${label}`,
              url(),
              withRaw(full, fresh(), at, raw),
              'application/json',
              expect,
            );
          }
        }
        // A JSON body under another name, or none.
        for (const [label, body, type] of [
          ['text/plain', JSON.stringify(fresh()), 'text/plain'],
          ['form-encoded', 'rating=5&body=hello', 'application/x-www-form-urlencoded'],
          ['no Content-Type', JSON.stringify(fresh()), undefined],
        ]) {
          await send(`body as ${label}`, url(), body, type, { status: 415, code: 'unsupported_media_type' });
        }
      } else {
        for (const [label, body, type] of [
          ['text/plain', '{}', 'text/plain'],
          ['form-encoded', 'a=1', 'application/x-www-form-urlencoded'],
          ['no Content-Type', '{}', undefined],
        ]) {
          await send(`body as ${label}`, url(), body, type);
        }
      }
      // Whole bodies.
      for (const [label, raw, kind] of VALUES) {
        await send(
          `body = ${label}`,
          url(),
          raw,
          'application/json',
          kind === 'text' ? { status: 400, code: 'invalid_text' } : {},
        );
      }
      ctx.diagnostic(`${sent} requests, ${accepted} accepted`);
      assert.deepEqual(problems, []);
    });
  }
});

describe(`the shared guards behind it (${ENGINE})`, () => {
  const pub = client(t.app, shop.publishableKey);
  // With the key of the moment: the routes above rotated it.
  /** @typedef {ReturnType<typeof client>} Client */
  const admin = {
    /** @param {Parameters<Client['post']>} args */
    post: async (...args) => client(t.app, await secretKey()).post(...args),
    /** @param {Parameters<Client['call']>} args */
    call: async (...args) => client(t.app, await secretKey()).call(...args),
  };

  it("NUL in a read's path or query, the stream key included, is 400 invalid_text", async () => {
    isError(await pub.get('/v1/live/shows/show-1%00'), 400, 'invalid_text');
    isError(await pub.get('/v1/products/p1/reviews?q=a%00b'), 400, 'invalid_text');
    isError(await client(t.app).get('/v1/live/shows/show-1/events?key=pk%00'), 400, 'invalid_text');
    const keyed = await pub.get('/v1/reviews/summaries?products=p1%00');
    isError(keyed, 400, 'invalid_text');
    assert.deepEqual(keyed.json.error.details, [
      { path: 'query.products', message: 'Text must be valid Unicode without NUL' },
    ]);
  });

  it('names the field: a NUL or a lone surrogate anywhere in a JSON body, keys too', async () => {
    const title = await admin.post('/v1/admin/live/shows', { ...showInput(), host: { displayName: 'Mia\u0000' } });
    isError(title, 400, 'invalid_text');
    assert.equal(title.json.error.details[0].path, 'json.host.displayName');
    const key = await admin.call('POST', '/v1/admin/live/shows', {
      raw: '{"title":"x","\\udc00":1}',
      headers: { 'content-type': 'application/json', 'idempotency-key': idem() },
    });
    isError(key, 400, 'invalid_text');
  });

  it('dates outside 1970 to 2999 are 400 invalid_date, naming the field', async () => {
    for (const startsAt of [
      '0000-01-01T00:00:00Z',
      '9999-12-31T23:59:59Z',
      '1969-12-31T23:59:59Z',
      '3000-01-01T00:00:00+00:00',
    ]) {
      const res = await admin.post('/v1/admin/live/shows', showInput({ startsAt }));
      isError(res, 400, 'invalid_date');
      assert.deepEqual(res.json.error.details, [
        { path: 'json.startsAt', message: 'Must be a date from 1970 to 2999' },
      ]);
    }
    assert.equal(
      (await admin.post('/v1/admin/live/shows', showInput({ startsAt: '2999-12-31T23:59:59Z' }))).status,
      201,
    );
  });

  it('a JSON body sent as another type is 415 unsupported_media_type, on routes whose body is optional too', async () => {
    const show = (await admin.post('/v1/admin/live/shows', showInput())).json;
    for (const path of [
      '/v1/admin/live/shows',
      `/v1/admin/live/shows/${show.id}/start`,
      '/v1/admin/orders/o-none/refund',
    ]) {
      for (const type of ['text/plain', 'application/x-www-form-urlencoded']) {
        isError(
          await admin.call('POST', path, {
            raw: JSON.stringify(showInput()),
            headers: { 'content-type': type, 'idempotency-key': idem() },
          }),
          415,
          'unsupported_media_type',
        );
      }
    }
    // No body at all is still fine where the body is optional.
    assert.equal(
      (await admin.call('POST', `/v1/admin/live/shows/${show.id}/start`, { headers: { 'idempotency-key': idem() } }))
        .status,
      200,
    );
  });

  it('a signed customer id the database could not keep (NUL, a lone surrogate) or too long is refused with the token, and writes nothing', async () => {
    // signCustomerToken refuses such ids, so these are signed as another JWT library would.
    const key = await secretKey();
    const signed = (sub) =>
      new SignJWT({})
        .setProtectedHeader({ alg: 'HS256', kid: customerTokenKeyId(key) })
        .setSubject(sub)
        .setIssuedAt()
        .setExpirationTime('5m')
        .sign(new TextEncoder().encode(key));
    const before = await counts();
    for (const sub of ['nul\u0000customer', 'lone\ud800', 'line\nbreak', 'c'.repeat(201)]) {
      const res = await client(t.app, shop.publishableKey).post(
        '/v1/products/p1/questions',
        { body: 'Does it fit a 15 inch laptop?', displayName: 'Ana' },
        {
          headers: { 'x-kith-customer': await signed(sub) },
        },
      );
      isError(res, 401, 'customer_token_malformed');
    }
    assert.deepEqual(changed(before, await counts()), []);
  });
});
