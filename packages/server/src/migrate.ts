import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Db } from './db.js';

const DIR = fileURLToPath(new URL('../migrations/', import.meta.url));

/** A migration applied earlier whose file has changed since: the database and the code disagree. */
export class MigrationChangedError extends Error {}

/**
 * Applies `migrations/NNNN_name.sql` in order, each in its own transaction, recording it in
 * `kith_migrations` with a checksum of its text. A released migration is never edited: the next
 * change is a new file, and a file that no longer matches its checksum stops the start-up
 * (`MigrationChangedError`) instead of leaving a database that differs from every other one.
 */
export async function migrate(db: Db, dir = DIR): Promise<string[]> {
  const files = (await readdir(dir)).filter((f) => /^\d{4}_[\w-]+\.sql$/.test(f)).sort();
  const applied: string[] = [];
  // Several processes may start at once against one PostgreSQL: a transaction-scoped advisory
  // lock makes them take turns, and each re-checks what is already applied.
  await db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock(7274)');
    await tx.query(
      'CREATE TABLE IF NOT EXISTS kith_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())',
    );
    // Databases migrated before checksums were kept get theirs on the next start.
    await tx.query('ALTER TABLE kith_migrations ADD COLUMN IF NOT EXISTS checksum text');
  });
  for (const file of files) {
    const version = Number(file.slice(0, 4));
    const sql = await readFile(`${dir}${file}`, 'utf8');
    const checksum = checksumOf(sql);
    await db.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock(7274)');
      const {
        rows: [done],
      } = await tx.query<{ checksum: string | null }>('SELECT checksum FROM kith_migrations WHERE version = $1', [
        version,
      ]);
      if (done?.checksum === null)
        await tx.query('UPDATE kith_migrations SET checksum = $2 WHERE version = $1', [version, checksum]);
      else if (done && done.checksum !== checksum) {
        throw new MigrationChangedError(
          `Migration ${file} was changed after it was applied to this database; restore it and put the change in a new migration`,
        );
      }
      if (done) return;
      for (const statement of splitStatements(sql)) await tx.query(statement);
      await tx.query('INSERT INTO kith_migrations (version, name, checksum) VALUES ($1, $2, $3)', [
        version,
        file,
        checksum,
      ]);
      applied.push(file);
    });
  }
  return applied;
}

/** Line endings don't count: a checkout with CRLF is the same migration. */
const checksumOf = (sql: string) => createHash('sha256').update(sql.replace(/\r\n/g, '\n')).digest('hex');

/**
 * Splits SQL into statements at the semicolons PostgreSQL would end them at: not inside quotes
 * ('…', "…", E'…' with its backslash escapes), dollar-quoted bodies ($$…$$, $fn$…$fn$, as in
 * function and DO bodies) or comments (-- and nested /* *\/). The extended protocol both engines
 * use for parameters takes one statement at a time. Comment-only pieces are dropped.
 */
export function splitStatements(sql: string): string[] {
  const out: string[] = [];
  let start = 0;
  let i = 0;
  const cut = (end: number) => {
    const text = sql.slice(start, end).trim();
    if (text && stripComments(text).trim()) out.push(text);
    start = end + 1;
  };
  while (i < sql.length) {
    const c = sql[i]!;
    const next = sql[i + 1];
    if (c === '-' && next === '-') i = lineEnd(sql, i);
    else if (c === '/' && next === '*') i = blockEnd(sql, i);
    else if (c === "'") i = quoteEnd(sql, i, "'", /[eE]/.test(sql[i - 1] ?? '') && !/\w/.test(sql[i - 2] ?? ''));
    else if (c === '"') i = quoteEnd(sql, i, '"', false);
    else if (c === '$' && !/[\w$]/.test(sql[i - 1] ?? '')) {
      const tag = /^\$([A-Za-z_][\w]*)?\$/.exec(sql.slice(i))?.[0];
      if (tag) {
        const close = sql.indexOf(tag, i + tag.length);
        i = close < 0 ? sql.length : close + tag.length;
      } else i++;
    } else if (c === ';') {
      cut(i);
      i++;
    } else i++;
  }
  cut(sql.length);
  return out;
}

const lineEnd = (sql: string, i: number) => {
  const n = sql.indexOf('\n', i);
  return n < 0 ? sql.length : n + 1;
};

/** Block comments nest in PostgreSQL. */
function blockEnd(sql: string, i: number): number {
  let depth = 0;
  while (i < sql.length) {
    if (sql.startsWith('/*', i)) {
      depth++;
      i += 2;
    } else if (sql.startsWith('*/', i)) {
      depth--;
      i += 2;
      if (depth === 0) return i;
    } else i++;
  }
  return i;
}

/** Past the closing quote; a doubled quote is one character, and in E'…' so is a backslash escape. */
function quoteEnd(sql: string, i: number, q: string, backslashes: boolean): number {
  i++;
  while (i < sql.length) {
    if (backslashes && sql[i] === '\\') i += 2;
    else if (sql[i] === q && sql[i + 1] === q) i += 2;
    else if (sql[i] === q) return i + 1;
    else i++;
  }
  return i;
}

const stripComments = (text: string) => {
  let rest = '';
  for (let i = 0; i < text.length;) {
    if (text.startsWith('--', i)) i = lineEnd(text, i);
    else if (text.startsWith('/*', i)) i = blockEnd(text, i);
    else rest += text[i++];
  }
  return rest;
};
