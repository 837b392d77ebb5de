import { randomBytes } from 'node:crypto';
import type { Db } from '../../db.js';

export interface Shop {
  readonly id: string;
  readonly name: string;
  readonly publishableKey: string;
  readonly secretKey: string;
  readonly allowedOrigins: readonly string[];
}

type Row = { id: string; name: string; publishable_key: string; secret_key: string; allowed_origins: string[] };
const toShop = (r: Row): Shop => ({ id: r.id, name: r.name, publishableKey: r.publishable_key, secretKey: r.secret_key, allowedOrigins: r.allowed_origins });
const COLUMNS = 'id, name, publishable_key, secret_key, allowed_origins';

export const newKey = (prefix: 'pk' | 'sk') => `${prefix}_${randomBytes(prefix === 'sk' ? 32 : 16).toString('base64url')}`;

export async function createShop(db: Db, input: { id: string; name: string; publishableKey?: string; allowedOrigins?: string[] }): Promise<Shop> {
  const { rows } = await db.query<Row>(
    `INSERT INTO shops (id, name, publishable_key, secret_key, allowed_origins) VALUES ($1, $2, $3, $4, $5) RETURNING ${COLUMNS}`,
    [input.id, input.name, input.publishableKey ?? newKey('pk'), newKey('sk'), input.allowedOrigins ?? []],
  );
  return toShop(rows[0]!);
}

export async function getShop(db: Db, id: string): Promise<Shop | undefined> {
  const { rows } = await db.query<Row>(`SELECT ${COLUMNS} FROM shops WHERE id = $1`, [id]);
  return rows[0] && toShop(rows[0]);
}

/** The shop a key belongs to, and which kind of key it is. */
export async function shopByKey(db: Db, key: string): Promise<{ shop: Shop; kind: 'publishable' | 'secret' } | undefined> {
  const column = key.startsWith('sk_') ? 'secret_key' : key.startsWith('pk_') ? 'publishable_key' : undefined;
  if (!column) return undefined;
  const { rows } = await db.query<Row>(`SELECT ${COLUMNS} FROM shops WHERE ${column} = $1`, [key]);
  return rows[0] && { shop: toShop(rows[0]), kind: column === 'secret_key' ? 'secret' : 'publishable' };
}
