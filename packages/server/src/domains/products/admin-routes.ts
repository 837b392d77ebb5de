import { z } from '@hono/zod-openapi';
import type { Deps } from '../../env.js';
import { ApiError } from '../../errors.js';
import { jsonBody, newRouter, ok, routes } from '../../router.js';
import { errorResponses, IdempotencyHeader, productId } from '../../schemas/common.js';
import { CsvError, parseCsv } from './csv.js';
import {
  CSV_COLUMNS,
  ImportResultSchema,
  MAX_IMPORT_ROWS,
  ProductBody,
  ProductIdParam,
  ProductListQuery,
  ProductPageSchema,
  ProductSchema,
  type ProductInput,
} from './schemas.js';
import { listProducts, upsertProducts } from './storage.js';

type Problem = { path: string; message: string };
const refused = (problems: Problem[]) =>
  new ApiError(
    400,
    'invalid_request',
    `The file has ${problems.length} problem${problems.length === 1 ? '' : 's'}; nothing was imported`,
    problems.slice(0, 100),
  );

/**
 * `59.00` in `currency`'s minor unit (5900 cents; 1500 yen is 1500), from the digits, with at most
 * as many decimals as the currency has; else what is wrong, for the merchant.
 */
function minorUnits(price: string, currency: string): number | string {
  let decimals: number;
  try {
    decimals =
      new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return `A price needs its currency, a three-letter code such as USD (not "${currency}")`;
  }
  const m = /^(\d{1,12})(?:\.(\d+))?$/.exec(price);
  if (!m || (m[2] ?? '').length > decimals)
    return `A price in ${currency} is a number with at most ${decimals} decimal${decimals === 1 ? '' : 's'}, e.g. ${(59).toFixed(decimals)}`;
  return Number(m[1]! + (m[2] ?? '').padEnd(decimals, '0'));
}

/**
 * The products of a CSV file (header row, then one product a row), each checked as the one-product
 * endpoint checks it; every problem, by line and column, or the products.
 */
/** How CSV files are labelled: the standard type, and what browsers and spreadsheets send for them. */
const CSV_TYPES = ['text/csv', 'text/plain', 'application/csv', 'application/vnd.ms-excel'];

export function productsFromCsv(text: string): (ProductInput & { id: string })[] {
  let rows;
  try {
    rows = parseCsv(text);
  } catch (e) {
    if (e instanceof CsvError) throw refused([{ path: `line ${e.line}`, message: e.message }]);
    throw e;
  }
  const [header, ...body] = rows;
  const names = header?.fields.map((f) => f.trim().toLowerCase()) ?? [];
  const unknown = names.filter((n) => !(CSV_COLUMNS as readonly string[]).includes(n));
  if (!names.includes('id') || !names.includes('title') || unknown.length)
    throw refused([
      {
        path: 'line 1',
        message: `The first line names the columns: id and title, and any of ${CSV_COLUMNS.slice(2).join(', ')}${unknown.length ? ` (not ${unknown.join(', ')})` : ''}`,
      },
    ]);
  if (body.length > MAX_IMPORT_ROWS)
    throw refused([
      { path: `line ${body[MAX_IMPORT_ROWS]!.line}`, message: `At most ${MAX_IMPORT_ROWS} products a file` },
    ]);
  const problems: Problem[] = [];
  const seen = new Map<string, number>();
  const products = body.flatMap(({ line, fields }) => {
    const cell = (name: string) => {
      const i = names.indexOf(name);
      return i < 0 ? '' : (fields[i] ?? '').trim();
    };
    if (fields.length !== names.length) {
      problems.push({ path: `line ${line}`, message: `${fields.length} fields; the header has ${names.length}` });
      return [];
    }
    const id = cell('id');
    const price = cell('price');
    const currency = cell('currency').toUpperCase();
    const minor = price ? minorUnits(price, currency) : undefined;
    if (typeof minor === 'string') problems.push({ path: `line ${line}.price`, message: minor });
    if (fields.some((f) => f.includes('\u0000')))
      problems.push({ path: `line ${line}`, message: 'A NUL character, which no text can hold' });
    const active = cell('active').toLowerCase();
    const candidate = {
      title: cell('title'),
      ...(cell('url') && { url: cell('url') }),
      ...(cell('image') && { image: cell('image') }),
      ...(typeof minor === 'number' && { price: { minor, currency } }),
      ...(active && {
        active: ['true', 'yes', '1'].includes(active) ? true : ['false', 'no', '0'].includes(active) ? false : active,
      }),
    };
    const idOk = productId.safeParse(id);
    if (!idOk.success) problems.push({ path: `line ${line}.id`, message: 'An id of 1 to 200 characters' });
    else if (seen.has(id)) problems.push({ path: `line ${line}.id`, message: `${id} is on line ${seen.get(id)} too` });
    seen.set(id, line);
    if (cell('currency') && !price)
      problems.push({ path: `line ${line}.currency`, message: 'A currency needs a price' });
    const parsed = ProductBody.safeParse(candidate);
    if (!parsed.success)
      for (const issue of parsed.error.issues)
        problems.push({ path: `line ${line}.${issue.path.join('.') || 'row'}`, message: issue.message });
    return parsed.success && idOk.success ? [{ ...parsed.data, id }] : [];
  });
  if (problems.length) throw refused(problems);
  return products;
}

/** The shop's product catalogue: one product, a page of them, or a CSV file of them. */
export function adminProductsRouter(deps: Deps) {
  const { db } = deps;
  const app = newRouter();
  const { adminRoute } = routes(deps, 'Products: admin');

  app.openapi(
    adminRoute({
      method: 'put',
      path: '/products/{id}',
      operationId: 'putProduct',
      summary: 'Add or replace a product',
      description:
        'The product as the shop describes it, replacing what Kith had for this id (a field left out is cleared). `price` and its `currency` go together. 201 when it is new, 200 when it replaced one.',
      request: { params: ProductIdParam, body: jsonBody(ProductBody) },
      responses: {
        200: ok(ProductSchema, 'Replaced'),
        201: ok(ProductSchema, 'Added'),
        ...errorResponses(400, 401, 403, 413, 415, 429),
      },
    }),
    async (c) => {
      const [{ product, created }] = await upsertProducts(db, c.get('shop').id, [
        { ...c.req.valid('json'), id: c.req.valid('param').id },
      ]);
      return c.json(product, created ? 201 : 200);
    },
  );

  app.openapi(
    adminRoute(
      {
        method: 'get',
        path: '/products',
        operationId: 'listProducts',
        summary: 'List the products',
        description: 'By id, 50 a page by default.',
        request: { query: ProductListQuery },
        responses: { 200: ok(ProductPageSchema, 'OK'), ...errorResponses(400, 401, 403, 429) },
      },
      { moderation: true },
    ),
    async (c) => c.json(await listProducts(db, c.get('shop').id, c.req.valid('query')), 200),
  );

  app.openapi(
    adminRoute({
      method: 'post',
      path: '/products/import',
      operationId: 'importProducts',
      summary: 'Import products from a CSV file',
      description: `A CSV file (RFC 4180, UTF-8) as the body: a header row naming the columns (\`id\` and \`title\`, and any of ${CSV_COLUMNS.slice(
        2,
      )
        .map((c) => `\`${c}\``)
        .join(
          ', ',
        )}), typed \`text/csv\` (or \`text/plain\`, \`application/csv\`, \`application/vnd.ms-excel\`, as browsers and spreadsheets label CSV; anything else is 415), then one product a row, at most ${MAX_IMPORT_ROWS}. \`price\` is in units (\`59.00\`) with its \`currency\`; \`active\` is true or false (default true). Each row adds or replaces its product, as \`PUT /products/{id}\` does. All or nothing: a file with any problem imports nothing and answers 400 with every problem (up to 100) by line and column.`,
      request: {
        headers: IdempotencyHeader,
        body: { content: { 'text/csv': { schema: z.string() } }, required: true },
      },
      responses: { 200: ok(ImportResultSchema, 'Imported'), ...errorResponses(400, 401, 403, 409, 413, 415, 429) },
    }),
    async (c) => {
      const type = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
      if (!CSV_TYPES.includes(type))
        throw new ApiError(415, 'unsupported_media_type', `Send the file as the body, with Content-Type: text/csv`);
      let text: string;
      try {
        text = new TextDecoder('utf-8', { fatal: true }).decode(await c.req.arrayBuffer());
      } catch {
        throw refused([{ path: 'file', message: 'Not UTF-8: save the file as "CSV UTF-8"' }]);
      }
      const products = productsFromCsv(text);
      const written = await upsertProducts(db, c.get('shop').id, products);
      const created = written.filter((w) => w.created).length;
      return c.json({ created, updated: written.length - created }, 200);
    },
  );

  return app;
}
