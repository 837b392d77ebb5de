// Every response carries a Request-Id, and every error body says it and where the API reference
// explains its code, so a merchant can quote the one and read the other.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestServer } from './helpers.mjs';

let t;
let u;
before(async () => {
  t = await createTestServer();
  u = await createTestServer({ publicUrl: 'https://api.example.com' });
});
after(async () => {
  await t.close();
  await u.close();
});

describe('Request-Id and docUrl', () => {
  it('every response has a Request-Id; a plain one the caller sends is kept, anything else replaced', async () => {
    const ok = await t.app.request('/healthz');
    assert.equal(ok.status, 200);
    assert.match(ok.headers.get('request-id') ?? '', /^req_[0-9a-f-]{36}$/);
    assert.notEqual((await t.app.request('/healthz')).headers.get('request-id'), ok.headers.get('request-id'));
    const given = await t.app.request('/healthz', { headers: { 'request-id': 'lb-7f3a.1:2' } });
    assert.equal(given.headers.get('request-id'), 'lb-7f3a.1:2');
    const proxy = await t.app.request('/healthz', { headers: { 'x-request-id': 'edge_42' } });
    assert.equal(proxy.headers.get('request-id'), 'edge_42');
    // A bad Request-Id does not hide a proxy's good X-Request-Id.
    const both = await t.app.request('/healthz', { headers: { 'request-id': 'two words', 'x-request-id': 'edge_43' } });
    assert.equal(both.headers.get('request-id'), 'edge_43');
    for (const bad of ['two words', 'x'.repeat(101), 'a<b>'])
      assert.match(
        (await t.app.request('/healthz', { headers: { 'request-id': bad } })).headers.get('request-id'),
        /^req_/,
      );
    // Success bodies are left as they are.
    assert.equal('requestId' in (await ok.json()), false);
  });

  it('an error body carries the Request-Id and the reference entry for its code', async () => {
    const res = await t.app.request('/v1/no-such-route', {
      headers: { 'request-id': 'abc-1', origin: 'https://shop.example' },
    });
    assert.equal(res.status, 404);
    const { error } = await res.json();
    assert.equal(error.code, 'not_found');
    assert.equal(error.requestId, 'abc-1');
    assert.equal(error.docUrl, 'http://localhost/docs/api#error-not_found');
    assert.equal(res.headers.get('request-id'), 'abc-1');
    assert.match(res.headers.get('access-control-expose-headers') ?? '', /request-id/);
    const invalid = await t.app.request('/v1/products/p1/reviews?limit=nope', {
      headers: { authorization: 'Bearer pk_nope' },
    });
    const body = await invalid.json();
    assert.equal(body.error.requestId, invalid.headers.get('request-id'));
    assert.equal(body.error.docUrl, `http://localhost/docs/api#error-${body.error.code}`);
  });

  it('behind a proxy, docUrl is on the public origin', async () => {
    const { error } = await (await u.app.request('/v1/no-such-route')).json();
    assert.equal(error.docUrl, 'https://api.example.com/docs/api#error-not_found');
  });
});
