import type { Db } from '../../db.js';
import { cursorTime, decodeCursor, encodeCursor } from '../../storage/cursor.js';
import type { ProductInput } from './schemas.js';

export interface Product {
  readonly id: string;
  readonly title: string;
  readonly url?: string;
  readonly image?: string;
  readonly price?: { readonly minor: number; readonly currency: string };
  readonly active: boolean;
  readonly updatedAt: string;
}

type Row = {
  id: string;
  title: string;
  url: string | null;
  image_url: string | null;
  price_minor: string | number | null;
  currency: string | null;
  active: boolean;
  updated_at: string;
};
const COLUMNS = `id, title, url, image_url, price_minor, currency, active, ${cursorTime('updated_at')} AS updated_at`;
const toProduct = (r: Row): Product => ({
  id: r.id,
  title: r.title,
  ...(r.url ? { url: r.url } : {}),
  ...(r.image_url ? { image: r.image_url } : {}),
  ...(r.price_minor !== null && r.currency ? { price: { minor: Number(r.price_minor), currency: r.currency } } : {}),
  active: r.active,
  updatedAt: r.updated_at,
});

/**
 * Writes the products as given (each replaces what the shop had for its id), in one statement: all
 * or none. Answers them with whether each was new.
 */
export async function upsertProducts(
  db: Db,
  shopId: string,
  products: readonly (ProductInput & { id: string })[],
): Promise<{ product: Product; created: boolean }[]> {
  if (!products.length) return [];
  const { rows } = await db.query<Row & { created: boolean }>(
    `INSERT INTO products AS p (shop_id, id, title, url, image_url, price_minor, currency, active)
     SELECT $1, x.id, x.title, x.url, x.image, x.minor, x.currency, coalesce(x.active, true)
     FROM jsonb_to_recordset($2::jsonb) AS x(id text, title text, url text, image text, minor bigint, currency text, active boolean)
     ON CONFLICT (shop_id, id) DO UPDATE SET title = excluded.title, url = excluded.url, image_url = excluded.image_url,
       price_minor = excluded.price_minor, currency = excluded.currency, active = excluded.active, updated_at = now()
     RETURNING ${COLUMNS}, (xmax = 0) AS created`,
    [
      shopId,
      JSON.stringify(
        products.map((p) => ({
          id: p.id,
          title: p.title,
          url: p.url ?? null,
          image: p.image ?? null,
          minor: p.price?.minor ?? null,
          currency: p.price?.currency ?? null,
          active: p.active ?? null,
        })),
      ),
    ],
  );
  return rows.map((r) => ({ product: toProduct(r), created: r.created }));
}

export async function getProduct(db: Db, shopId: string, id: string): Promise<Product | undefined> {
  const { rows } = await db.query<Row>(`SELECT ${COLUMNS} FROM products WHERE shop_id = $1 AND id = $2`, [shopId, id]);
  return rows[0] && toProduct(rows[0]);
}

/** The catalogue by id, a page at a time. */
export async function listProducts(
  db: Db,
  shopId: string,
  { cursor, limit = 50 }: { cursor?: string; limit?: number },
): Promise<{ items: Product[]; nextCursor: string | null }> {
  const after = cursor
    ? decodeCursor(cursor, 'products', (v) => v.length === 1 && typeof v[0] === 'string' && v[0].length <= 200)[0]
    : null;
  const { rows } = await db.query<Row>(
    `SELECT ${COLUMNS} FROM products WHERE shop_id = $1 AND ($2::text IS NULL OR id > $2) ORDER BY id LIMIT $3`,
    [shopId, after, limit + 1],
  );
  const items = rows.slice(0, limit).map(toProduct);
  return { items, nextCursor: rows.length > limit ? encodeCursor('products', [items.at(-1)!.id]) : null };
}
