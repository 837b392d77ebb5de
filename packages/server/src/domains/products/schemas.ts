import { z } from '@hono/zod-openapi';
import { cursor, httpUrl, isoDate, MoneySchema, productId } from '../../schemas/common.js';

/** A product as the shop describes it: what widgets, emails, JSON-LD and the console show for its id. */
export const ProductSchema = z
  .object({
    id: z.string(),
    title: z.string(),
    url: z.string().optional().openapi({ description: "The product's page on the shop" }),
    image: z.string().optional(),
    price: MoneySchema.optional(),
    active: z
      .boolean()
      .openapi({ description: 'False: no longer sold (kept for the reviews and orders that name it)' }),
    updatedAt: isoDate,
  })
  .openapi('Product');

export const ProductBody = z
  .object({
    title: z.string().trim().min(1).max(300),
    url: httpUrl.optional(),
    image: httpUrl.optional(),
    price: MoneySchema.optional(),
    active: z.boolean().optional().openapi({ description: 'Default true' }),
  })
  .strict()
  .openapi('ProductBody');
export type ProductInput = z.infer<typeof ProductBody>;

export const ProductIdParam = z.object({
  id: productId.openapi({ param: { name: 'id', in: 'path' }, example: 'p1' }),
});

export const ProductListQuery = z.object({
  cursor,
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(200)
    .optional()
    .openapi({ param: { name: 'limit', in: 'query' }, description: '1 to 200, default 50' }),
});

export const ProductPageSchema = z
  .object({ items: z.array(ProductSchema), nextCursor: z.string().nullable() })
  .openapi('ProductPage');

export const ImportResultSchema = z
  .object({
    created: z.number().int().openapi({ description: 'Products that were new' }),
    updated: z.number().int().openapi({ description: 'Products that existed, now as the file says' }),
  })
  .openapi('ProductImport');

/** The CSV import's columns: `id` and `title` are required; the others may be left out or empty. */
export const CSV_COLUMNS = ['id', 'title', 'url', 'image', 'price', 'currency', 'active'] as const;
/** Rows per import: a 1 MB body holds about this many with long titles and URLs. */
export const MAX_IMPORT_ROWS = 5000;
