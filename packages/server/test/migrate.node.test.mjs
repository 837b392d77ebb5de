// The migration runner: statements split where PostgreSQL ends them (function and DO bodies,
// quotes and comments with semicolons inside), and a checksum per applied file that stops a
// start-up when a released migration was edited.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { migrate, MigrationChangedError } from '@kith/server';
import { createTestDb, ENGINE } from './helpers.mjs';

const TRICKY = `-- A function whose body holds semicolons, a DO block with a named tag, and text that looks like SQL.
CREATE TABLE mig_probe (id serial PRIMARY KEY, note text NOT NULL);

CREATE FUNCTION mig_probe_note(n integer) RETURNS text LANGUAGE plpgsql AS $$
BEGIN
  IF n < 0 THEN RETURN 'negative; really'; END IF;
  RETURN 'n = ' || n::text;
END;
$$;

/* a block comment; with /* a nested one; */ still inside; */
DO $do$
BEGIN
  INSERT INTO mig_probe (note) VALUES ('from DO; with $$ inside');
END
$do$;

INSERT INTO mig_probe (note) VALUES ('it''s; -- not a comment'), (E'escaped \\' quote; here'), ("mig_probe_note"(-1));
-- a trailing comment; with a semicolon
`;

describe(`the migration runner (${ENGINE})`, () => {
  let db;
  let dir;
  before(async () => {
    db = await createTestDb();
    dir = mkdtempSync(join(tmpdir(), 'kith-migrations-'));
  });
  after(async () => {
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('applies functions, DO blocks, quotes and comments holding semicolons, statement by statement', async () => {
    writeFileSync(join(dir, '9001_tricky.sql'), TRICKY);
    assert.deepEqual(await migrate(db, `${dir}/`), ['9001_tricky.sql']);
    const { rows } = await db.query('SELECT note FROM mig_probe ORDER BY id');
    assert.deepEqual(
      rows.map((r) => r.note),
      ['from DO; with $$ inside', "it's; -- not a comment", "escaped ' quote; here", 'negative; really'],
    );
    assert.equal((await db.query('SELECT mig_probe_note(7) AS n')).rows[0].n, 'n = 7');
    const {
      rows: [m],
    } = await db.query('SELECT checksum FROM kith_migrations WHERE version = 9001');
    assert.match(m.checksum, /^[0-9a-f]{64}$/);
  });

  it('a migration edited after it was applied stops the run; line endings alone do not count', async () => {
    writeFileSync(join(dir, '9001_tricky.sql'), TRICKY.replace(/\n/g, '\r\n'));
    assert.deepEqual(await migrate(db, `${dir}/`), [], 'CRLF is the same migration');
    writeFileSync(join(dir, '9001_tricky.sql'), `${TRICKY}\nALTER TABLE mig_probe ADD COLUMN sneaky text;\n`);
    writeFileSync(join(dir, '9002_next.sql'), 'CREATE TABLE mig_next (id int);\n');
    await assert.rejects(
      migrate(db, `${dir}/`),
      (e) => e instanceof MigrationChangedError && /9001_tricky\.sql was changed/.test(e.message),
    );
    assert.equal(
      (await db.query('SELECT count(*)::int AS n FROM kith_migrations WHERE version = 9002')).rows[0].n,
      0,
      'nothing after it runs',
    );
  });

  it('a database migrated before checksums were kept gets them on its next run', async () => {
    writeFileSync(join(dir, '9001_tricky.sql'), TRICKY);
    await db.query('UPDATE kith_migrations SET checksum = NULL');
    assert.deepEqual(await migrate(db, `${dir}/`), ['9002_next.sql']);
    assert.equal(
      (await db.query('SELECT count(*)::int AS n FROM kith_migrations WHERE version = 9001 AND checksum IS NOT NULL'))
        .rows[0].n,
      1,
    );
    assert.deepEqual(await migrate(db), [], 'the shipped migrations too');
    assert.equal(
      (await db.query('SELECT count(*)::int AS n FROM kith_migrations WHERE checksum IS NULL')).rows[0].n,
      0,
    );
  });
});
