import { randomBytes } from 'node:crypto';
import type { Db } from '../../db.js';

export interface Shop {
  readonly id: string;
  readonly name: string;
  readonly publishableKey: string;
  readonly secretKey: string;
  /** The secret key the last rotation replaced, while its overlap window lasts: it verifies customer tokens, nothing else. */
  readonly previousSecretKey?: string;
  readonly allowedOrigins: readonly string[];
}

type Row = {
  id: string;
  name: string;
  publishable_key: string;
  secret_key: string;
  previous_secret_key: string | null;
  allowed_origins: string[];
};
const toShop = (r: Row): Shop => ({
  id: r.id,
  name: r.name,
  publishableKey: r.publishable_key,
  secretKey: r.secret_key,
  ...(r.previous_secret_key ? { previousSecretKey: r.previous_secret_key } : {}),
  allowedOrigins: r.allowed_origins,
});
// The previous key only within its window, on the database's clock: past it, it is as good as gone.
const COLUMNS = `id, name, publishable_key, secret_key, allowed_origins,
  CASE WHEN previous_secret_key_expires_at > now() THEN previous_secret_key END AS previous_secret_key`;

export const newKey = (prefix: 'pk' | 'sk') =>
  `${prefix}_${randomBytes(prefix === 'sk' ? 32 : 16).toString('base64url')}`;

export async function createShop(
  db: Db,
  input: { id: string; name: string; publishableKey?: string; allowedOrigins?: string[] },
): Promise<Shop> {
  const { rows } = await db.query<Row>(
    `INSERT INTO shops (id, name, publishable_key, secret_key, allowed_origins) VALUES ($1, $2, $3, $4, $5) RETURNING ${COLUMNS}`,
    [input.id, input.name, input.publishableKey ?? newKey('pk'), newKey('sk'), input.allowedOrigins ?? []],
  );
  return toShop(rows[0]!);
}

/** Every shop, by id. */
export async function listShops(db: Db): Promise<Shop[]> {
  const { rows } = await db.query<Row>(`SELECT ${COLUMNS} FROM shops ORDER BY id`);
  return rows.map(toShop);
}

/**
 * Lets the shop's publishable key work from `origin` (a page there), or stops it; `origin` as
 * `originOf` gives it. Adding one twice keeps one. Undefined for an unknown shop.
 */
export async function setOriginAllowed(
  db: Db,
  shopId: string,
  origin: string,
  allowed: boolean,
): Promise<Shop | undefined> {
  const { rows } = await db.query<Row>(
    `UPDATE shops SET allowed_origins = CASE
       WHEN NOT $3::boolean THEN array_remove(allowed_origins, $2::text)
       WHEN $2::text = ANY(allowed_origins) THEN allowed_origins
       ELSE array_append(allowed_origins, $2::text) END
     WHERE id = $1 RETURNING ${COLUMNS}`,
    [shopId, origin, allowed],
  );
  return rows[0] && toShop(rows[0]);
}

/** Sets the sites whose pages may use the shop's publishable key (each as `originOf` gives it, once). */
export async function setAllowedOrigins(db: Db, shopId: string, origins: readonly string[]): Promise<Shop | undefined> {
  const { rows } = await db.query<Row>(`UPDATE shops SET allowed_origins = $2 WHERE id = $1 RETURNING ${COLUMNS}`, [
    shopId,
    [...new Set(origins)],
  ]);
  return rows[0] && toShop(rows[0]);
}

export async function getShop(db: Db, id: string): Promise<Shop | undefined> {
  const { rows } = await db.query<Row>(`SELECT ${COLUMNS} FROM shops WHERE id = $1`, [id]);
  return rows[0] && toShop(rows[0]);
}

/** The shop a key belongs to, and which kind of key it is. A previous secret key is no key: it only verifies customer tokens. */
export async function shopByKey(
  db: Db,
  key: string,
): Promise<{ shop: Shop; kind: 'publishable' | 'secret' } | undefined> {
  const column = key.startsWith('sk_') ? 'secret_key' : key.startsWith('pk_') ? 'publishable_key' : undefined;
  if (!column) return undefined;
  const { rows } = await db.query<Row>(`SELECT ${COLUMNS} FROM shops WHERE ${column} = $1`, [key]);
  return rows[0] && { shop: toShop(rows[0]), kind: column === 'secret_key' ? 'secret' : 'publishable' };
}

/**
 * Gives the shop a new secret key. The one it replaces verifies customer tokens for `overlapSeconds`
 * more (0: not at all) and stops authenticating API calls at once; a key replaced before is dropped.
 * With `ifSecretKey`, only while that is still the shop's key: of two rotations racing with one key,
 * the second gets undefined instead of rotating away the key the first one just handed out.
 */
export async function rotateSecretKey(
  db: Db,
  shopId: string,
  input: { overlapSeconds: number; ifSecretKey?: string },
): Promise<{ shop: Shop; previousSecretKeyExpiresAt: string | null } | undefined> {
  const { rows } = await db.query<Row & { previous_secret_key_expires_at: Date | string | null }>(
    `UPDATE shops SET secret_key = $2,
       previous_secret_key = CASE WHEN $3::integer > 0 THEN secret_key END,
       previous_secret_key_expires_at = CASE WHEN $3::integer > 0 THEN now() + make_interval(secs => $3::integer) END
     WHERE id = $1 AND ($4::text IS NULL OR secret_key = $4)
     RETURNING ${COLUMNS}, previous_secret_key_expires_at`,
    [shopId, newKey('sk'), input.overlapSeconds, input.ifSecretKey ?? null],
  );
  const r = rows[0];
  const expires = r?.previous_secret_key_expires_at;
  return r && { shop: toShop(r), previousSecretKeyExpiresAt: expires ? new Date(expires).toISOString() : null };
}
