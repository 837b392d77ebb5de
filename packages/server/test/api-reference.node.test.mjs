// The API reference: every route has an operationId (what a generated client calls it) and a tag,
// and /docs/api renders every route and every error code, where each error's docUrl lands.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ERROR_CODES } from '@kith/core/error-codes';
import { createTestServer } from './helpers.mjs';

let t;
let doc;
const operations = [];
before(async () => {
  t = await createTestServer();
  doc = await (await t.app.request('/v1/openapi.json')).json();
  for (const [path, ops] of Object.entries(doc.paths))
    for (const [method, op] of Object.entries(ops)) operations.push({ method, path, ...op });
});
after(() => t.close());

describe('API reference', () => {
  it('every route has a unique camelCase operationId and one tag', () => {
    assert.ok(operations.length > 70, `${operations.length} operations`);
    for (const op of operations) {
      assert.match(op.operationId ?? '', /^[a-z][A-Za-z]+$/, `${op.method} ${op.path}`);
      assert.equal(op.tags?.length, 1, `${op.method} ${op.path} tags`);
    }
    const ids = operations.map((o) => o.operationId);
    assert.deepEqual(
      ids.filter((id, i) => ids.indexOf(id) !== i),
      [],
      'operationIds are unique',
    );
  });

  it('/docs/api shows every route and every error code, with no script, under a strict CSP', async () => {
    const res = await t.app.request('/docs/api');
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /^text\/html/);
    assert.match(res.headers.get('content-security-policy') ?? '', /default-src 'none'/);
    const html = await res.text();
    assert.doesNotMatch(html, /<script/i);
    for (const op of operations) assert.ok(html.includes(`id="${op.operationId}"`), op.operationId);
    for (const code of new Set(Object.values(ERROR_CODES).flat())) assert.ok(html.includes(`id="error-${code}"`), code);
    assert.equal((await t.app.request('/docs/api.css')).status, 200);
  });

  it("an error's docUrl lands on its code's entry", async () => {
    const { error } = await (await t.app.request('/v1/nope')).json();
    const url = new URL(error.docUrl);
    const html = await (await t.app.request(url.pathname)).text();
    assert.ok(html.includes(`id="${url.hash.slice(1)}"`), error.docUrl);
  });
});
