import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Db } from './db.js';

const DIR = fileURLToPath(new URL('../migrations/', import.meta.url));

/**
 * Applies `migrations/NNNN_name.sql` in order, each in its own transaction, recording it in
 * `kith_migrations`. A released migration is never edited: the next change is a new file.
 */
export async function migrate(db: Db, dir = DIR): Promise<string[]> {
  const files = (await readdir(dir)).filter((f) => /^\d{4}_[\w-]+\.sql$/.test(f)).sort();
  const applied: string[] = [];
  // Several processes may start at once against one PostgreSQL: a transaction-scoped advisory
  // lock makes them take turns, and each re-checks what is already applied.
  await db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock(7274)');
    await tx.query('CREATE TABLE IF NOT EXISTS kith_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())');
  });
  for (const file of files) {
    const version = Number(file.slice(0, 4));
    const sql = await readFile(`${dir}${file}`, 'utf8');
    await db.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock(7274)');
      if ((await tx.query('SELECT 1 FROM kith_migrations WHERE version = $1', [version])).rows.length) return;
      for (const statement of splitStatements(sql)) await tx.query(statement);
      await tx.query('INSERT INTO kith_migrations (version, name) VALUES ($1, $2)', [version, file]);
      applied.push(file);
    });
  }
  return applied;
}

/** Splits on semicolons at line ends; our migrations hold no functions with inner semicolons. */
const splitStatements = (sql: string) =>
  sql.replace(/^\s*--.*$/gm, '').split(/;\s*$/m).map((s) => s.trim()).filter(Boolean);
