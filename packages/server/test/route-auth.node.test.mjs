// Every operation in the OpenAPI document enforces the auth it declares: the document's `security`
// and the middleware that runs must never disagree (a route left out of the middleware would be
// open while the document says it needs a key).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { inviteStaff, signCustomerToken } from '@kith/server';
import { createTestServer, ENGINE, idem, newShop } from './helpers.mjs';

let t;
let shop;
let operations;
/** Console session cookies of an owner and a moderator of `shop`. */
const sessions = {};
before(async () => {
  // Accepted writes below count against the write limit; these tests are about auth, not limits.
  t = await createTestServer({ writeLimit: 100_000 });
  shop = await newShop(t.db);
  const doc = await (await t.app.request('/v1/openapi.json')).json();
  operations = Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.entries(item).map(([method, op]) => ({
      method: method.toUpperCase(),
      path,
      op,
      name: `${method.toUpperCase()} ${path}`,
    })),
  );
  // Admitted with the secret key, the rotation replaces it: it goes last, so every other operation
  // still meets the key it is sent with.
  // Signing out ends the session the other operations are sent with: it goes last too.
  const last = (o) => Number(o.op.operationId === 'rotateSecretKey' || o.op.operationId === 'signOut');
  operations.sort((a, b) => last(a) - last(b));
  for (const role of /** @type {const} */ (['owner', 'moderator'])) {
    const { invite } = await inviteStaff(t.db, { shopId: shop.id, email: `${role}@route-auth.example`, role });
    const res = await t.app.request('/v1/console/invites/accept', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token: invite, password: 'route auth password' }),
    });
    assert.equal(res.status, 200);
    sessions[role] = res.headers.get('set-cookie').split(';')[0];
  }
});
after(async () => t.close());

// Path parameters get a value no row has: auth is decided before the handler looks anything up.
const concrete = (path) => path.replace(/\{[^}]+\}/g, 'AUTH-CHECK');
const AUTH_REFUSALS = new Set([
  'missing_key',
  'invalid_key',
  'secret_key_required',
  'origin_not_allowed',
  'customer_token_required',
  'session_required',
  'role_forbidden',
]);

/**
 * One request; `key` in the Authorization header, or `queryKey` as `?key=`.
 * @param {{ method: string, path: string }} operation
 * @param {{ key?: string, queryKey?: string, token?: string, cookie?: string }} [auth]
 */
async function send({ method, path }, { key, queryKey, token, cookie } = {}) {
  const url = new URL(concrete(path), 'http://kith.test');
  if (queryKey) url.searchParams.set('key', queryKey);
  const write = method !== 'GET';
  const res = await t.app.request(url.pathname + url.search, {
    method,
    headers: {
      ...(key ? { authorization: `Bearer ${key}` } : {}),
      ...(token ? { 'x-kith-customer': token } : {}),
      ...(cookie ? { cookie } : {}),
      ...(method === 'POST' ? { 'idempotency-key': idem() } : {}),
      ...(write ? { 'content-type': 'application/json' } : {}),
    },
    body: write ? '{}' : undefined,
  });
  // A stream that was let in stays open: its status is all this test needs.
  if (res.headers.get('content-type')?.startsWith('text/event-stream')) {
    await res.body?.cancel();
    return { status: res.status, code: undefined };
  }
  const text = await res.text();
  let code;
  try {
    code = JSON.parse(text)?.error?.code;
  } catch {
    code = undefined;
  }
  return { status: res.status, code };
}

const refused = (res, status, code, name) => {
  assert.equal(res.status, status, `${name}: expected ${status} ${code}, got ${res.status} ${res.code}`);
  assert.equal(res.code, code, name);
};
const admitted = (res, name) =>
  assert.ok(res.status !== 401 && !AUTH_REFUSALS.has(res.code), `${name}: refused by auth (${res.status} ${res.code})`);

/** What the document says an operation needs. */
function declared(op) {
  const alternatives = op.security;
  const schemes = new Set(alternatives.flatMap((a) => Object.keys(a)));
  return {
    open: alternatives.length === 0,
    secret: schemes.has('secretKey'),
    // Only a console session (the console's own routes), or a session as well as the secret key:
    // any staff member's where the scheme names no role, else an owner's only.
    session:
      alternatives.length > 0 && alternatives.every((a) => 'consoleSession' in a)
        ? 'only'
        : schemes.has('consoleSession')
          ? 'also'
          : 'none',
    ownerOnly: alternatives.some((a) => a.consoleSession?.includes('owner')),
    queryKey: schemes.has('publishableKeyQuery'),
    // Every alternative needs the token: required; some do: optional (sent, it must be valid).
    customer:
      alternatives.length > 0 && alternatives.every((a) => 'customerToken' in a)
        ? 'required'
        : schemes.has('customerToken')
          ? 'optional'
          : 'none',
  };
}

describe(`route auth matches the OpenAPI document (${ENGINE})`, () => {
  it('walks the whole document, and every operation declares its security', () => {
    assert.ok(operations.length >= 60, `only ${operations.length} operations`);
    for (const { op, name } of operations) assert.ok(Array.isArray(op.security), `${name} declares no security`);
  });

  it('without a key: 401 missing_key, except where the document declares none', async () => {
    for (const o of operations) {
      const res = await send(o);
      if (declared(o.op).open) admitted(res, o.name);
      else if (declared(o.op).session === 'only') refused(res, 401, 'session_required', o.name);
      else refused(res, 401, 'missing_key', o.name);
    }
  });

  it('secret-key operations: a publishable key is 403 secret_key_required, the secret key is let in', async () => {
    const secret = operations.filter((o) => declared(o.op).secret);
    assert.ok(secret.length >= 30);
    for (const o of secret) {
      refused(await send(o, { key: shop.publishableKey }), 403, 'secret_key_required', o.name);
      admitted(await send(o, { key: shop.secretKey }), o.name);
    }
  });

  it('publishable-key operations accept the publishable key; customer-token ones need the token', async () => {
    const token = await signCustomerToken(shop.secretKey, 'route-auth-customer');
    const pub = operations.filter(
      (o) => !declared(o.op).open && !declared(o.op).secret && declared(o.op).session === 'none',
    );
    assert.ok(pub.length >= 20);
    for (const o of pub) {
      const d = declared(o.op);
      const key = d.queryKey ? { queryKey: shop.publishableKey } : { key: shop.publishableKey };
      if (d.customer === 'required') refused(await send(o, key), 401, 'customer_token_required', o.name);
      else admitted(await send(o, key), o.name);
      if (d.customer !== 'none') {
        admitted(await send(o, { ...key, token }), `${o.name} with a token`);
        refused(
          await send(o, { ...key, token: 'not.a.token' }),
          401,
          'customer_token_malformed',
          `${o.name} with a bad token`,
        );
      }
    }
  });

  it('a key in the query is taken only where the document declares it (EventSource streams)', async () => {
    for (const o of operations.filter((o) => !declared(o.op).open && !declared(o.op).queryKey)) {
      const code = declared(o.op).session === 'only' ? 'session_required' : 'missing_key';
      refused(await send(o, { queryKey: shop.secretKey }), 401, code, `${o.name} with ?key=`);
    }
  });

  it("console sessions: an owner's is let in wherever the secret key is; a moderator's only where no role is named", async () => {
    const admin = operations.filter((o) => declared(o.op).session !== 'none');
    assert.ok(admin.filter((o) => !declared(o.op).ownerOnly).length >= 12, 'the moderation queue and the audit log');
    for (const o of admin) {
      const d = declared(o.op);
      assert.ok(d.secret || d.session === 'only', `${o.name}: a session with neither the secret key nor on its own`);
      if (o.op.operationId === 'signOut') continue;
      admitted(await send(o, { cookie: sessions.owner }), `${o.name} as an owner`);
      const asModerator = await send(o, { cookie: sessions.moderator });
      if (d.ownerOnly) refused(asModerator, 403, 'role_forbidden', `${o.name} as a moderator`);
      else admitted(asModerator, `${o.name} as a moderator`);
      refused(
        await send(o, { cookie: 'kith_console=forged' }),
        401,
        'session_required',
        `${o.name} with a forged session`,
      );
    }
    // Every secret-key operation takes a session (a publishable key never does).
    for (const o of operations.filter((o) => declared(o.op).secret))
      assert.notEqual(declared(o.op).session, 'none', `${o.name} takes no session`);
    const signOut = operations.find((o) => o.op.operationId === 'signOut');
    admitted(await send(signOut, { cookie: sessions.moderator }), 'signOut');
    refused(await send(signOut, { cookie: sessions.moderator }), 401, 'session_required', 'signOut, signed out');
  });
});
