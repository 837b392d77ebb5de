// The error-code catalogue can't rot: each code in it is raised somewhere in the reference server
// (a source grep), and the server's documented table of codes is the catalogue, no more, no less.
// That every code the server raises is catalogued is the server's type check and its tests.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { explainedCode, HttpError, NetworkError } from '@kith/core';
import { KITH_ERROR_CODES } from '@kith/core/error-codes';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const sources = (dir) =>
  readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? sources(p) : p.endsWith('.ts') ? [p] : [];
  });
// Quoted strings on lines that are not comments: where a code is passed to an error helper, or a
// token's refusal reason (`customer_token_${reason}`) is returned.
const server = sources(join(ROOT, 'packages/server/src'))
  .map((f) => readFileSync(f, 'utf8'))
  .join('\n')
  .split('\n')
  .filter((l) => !/^\s*(\/\/|\*|\/\*)/.test(l))
  .join('\n');
const quoted = new Set([...server.matchAll(/'([a-z][a-z0-9_]*)'/g)].map((m) => m[1]));
const TOKEN = 'customer_token_';

it('every catalogued code is raised by the server', () => {
  assert.ok(server.includes(`\`${TOKEN}\${`), 'the server still builds customer_token_<reason>');
  const unused = KITH_ERROR_CODES.filter(
    (c) => !quoted.has(c) && !(c.startsWith(TOKEN) && c !== `${TOKEN}required` && quoted.has(c.slice(TOKEN.length))),
  );
  assert.deepEqual(unused, [], 'codes nothing in packages/server/src raises: remove them from ERROR_CODES');
});

it('docs/server.md lists exactly the catalogued codes', () => {
  const md = readFileSync(join(ROOT, 'docs/server.md'), 'utf8');
  const section = md.slice(md.indexOf('### Errors'), md.indexOf('### ', md.indexOf('### Errors') + 1));
  // The table's second column: `| 409 | \`team_full\`, \`sold_out\` | When |`.
  const documented = section
    .split('\n')
    .filter((l) => /^\| \d{3} \|/.test(l))
    .flatMap((l) => [...l.split('|')[2].matchAll(/`([a-z_]+)`/g)].map((m) => m[1]));
  assert.ok(documented.length > 20, 'the table was found');
  assert.deepEqual([...new Set(documented)].sort(), [...KITH_ERROR_CODES].sort());
});

it('explainedCode: a code the widget has words for, any 401 as customer_token_required, else nothing', () => {
  /** @type {import('@kith/core/error-codes').KithErrorCode[]} */
  const known = ['team_full', 'customer_token_required'];
  assert.equal(explainedCode(new HttpError(409, 'team_full', 'This team is full'), known), 'team_full');
  assert.equal(
    explainedCode(new HttpError(401, 'customer_token_expired', 'The customer token is expired'), known),
    'customer_token_required',
  );
  assert.equal(explainedCode(new HttpError(401, 'http_401', 'Unauthorized'), known), 'customer_token_required');
  assert.equal(explainedCode(new HttpError(409, 'sold_out', 'Every team-price unit is taken'), known), undefined);
  assert.equal(explainedCode(new NetworkError(), known), undefined);
  assert.equal(explainedCode(new Error('team_full'), known), undefined);
});
