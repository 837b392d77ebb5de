import { createHash } from 'node:crypto';
import type { Db } from '../db.js';

/** A name's advisory-lock key: the first 64 bits of its SHA-256, as PostgreSQL's signed bigint. */
const lockKey = (name: string): bigint => createHash('sha256').update(name).digest().readBigInt64BE(0);

/**
 * Takes a transaction-scoped advisory lock per name, held until `tx` ends; for a count-then-insert
 * that has no row to lock. Always in ascending key order, so two transactions wanting overlapping
 * names (a customer's and an IP's, say) queue instead of deadlocking.
 */
export async function lockNames(tx: Db, names: readonly string[]): Promise<void> {
  const keys = [...new Set(names.map(lockKey))].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  for (const key of keys) await tx.query('SELECT pg_advisory_xact_lock($1::bigint)', [key.toString()]);
}
