// Every error code the server documents or can raise is in @kith/core's catalogue. The type check
// covers the error helpers' call sites; this covers what it can't see: codes a zod rule names in
// its params (strings to zod) and the codes the OpenAPI document promises. The test client
// (helpers.mjs) checks every error answer the other suites get.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { ERROR_CODES, KITH_ERROR_CODES, isKithErrorCode } from '@kith/core/error-codes';
import { createTestServer } from './helpers.mjs';

const SRC = fileURLToPath(new URL('../src/', import.meta.url));
const sources = (dir) =>
  readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? sources(p) : p.endsWith('.ts') ? [p] : [];
  });
const uncatalogued = (codes) => [...new Set(codes)].filter((c) => !isKithErrorCode(c)).sort();

let t;
before(async () => {
  t = await createTestServer();
});
after(async () => t.close());

describe('error codes', () => {
  it('the catalogue: snake_case codes, none twice within a domain, the runtime list each once', () => {
    for (const [domain, codes] of Object.entries(ERROR_CODES)) {
      assert.equal(new Set(codes).size, codes.length, domain);
      for (const c of codes) assert.match(c, /^[a-z][a-z0-9]*(_[a-z0-9]+)*$/, `${domain}: ${c}`);
    }
    assert.equal(new Set(KITH_ERROR_CODES).size, KITH_ERROR_CODES.length);
  });

  it('codes named in schema rules (`params: { code }`) are catalogued', () => {
    const named = sources(SRC).flatMap((f) =>
      [...readFileSync(f, 'utf8').matchAll(/params:\s*\{[^}]*\bcode:\s*'([^']+)'/g)].map((m) => m[1]),
    );
    assert.ok(named.includes('invalid_date'), 'the grep finds the date rule');
    assert.deepEqual(uncatalogued(named), []);
  });

  it('codes the OpenAPI document gives for error answers are catalogued', async () => {
    const res = await t.app.request('/v1/openapi.json');
    const doc = await res.json();
    const text = JSON.stringify(doc);
    // Each error response's description names its codes in backticks (`details` is a field, not a code).
    const described = Object.values(doc.paths)
      .flatMap((ops) => Object.values(ops))
      .flatMap((op) => Object.entries(op.responses ?? {}))
      .filter(([status]) => Number(status) >= 400)
      .flatMap(([, r]) => [...r.description.matchAll(/`([a-z_]+)`/g)].map((m) => m[1]).filter((c) => c !== 'details'));
    // Route descriptions: a status, then one code or a list of them (`409: \`team_full\`, \`sold_out\``, `\`422 invalid_media\``).
    const inProse = [...text.matchAll(/\b[45]\d\d:? ((?:`[a-z_]+`(?:,? (?:or |and )?)?)+)/g)]
      .flatMap((m) => [...m[1].matchAll(/`([a-z_]+)`/g)].map((x) => x[1]))
      .concat([...text.matchAll(/`[45]\d\d ([a-z_]+)`/g)].map((m) => m[1]));
    assert.ok(
      described.includes('invalid_request') &&
        inProse.includes('team_full') &&
        inProse.includes('upload_quota_exceeded'),
      'the greps find codes',
    );
    assert.deepEqual(uncatalogued([...described, ...inProse]), []);
  });
});
