import { z } from '@hono/zod-openapi';

export const ErrorSchema = z
  .object({
    error: z.object({
      code: z.string().openapi({ example: 'invalid_request' }),
      message: z.string(),
      details: z.unknown().optional(),
      requestId: z
        .string()
        .openapi({ description: "The response's Request-Id header: quote it to find the server's log line" }),
      docUrl: z.string().openapi({ description: "Where this server's API reference explains the code" }),
    }),
  })
  .openapi('Error');

/** Responses every route can give, for the OpenAPI document. */
export const errorResponses = (...statuses: number[]) =>
  Object.fromEntries(
    statuses.map((s) => [
      s,
      { description: ERROR_TEXT[s] ?? 'Error', content: { 'application/json': { schema: ErrorSchema } } },
    ]),
  );

const ERROR_TEXT: Record<number, string> = {
  400: 'Invalid input; `details` lists the field paths (`invalid_request`; `invalid_text`: NUL or a lone surrogate; `invalid_date`: outside 1970 to 2999)',
  401: 'Missing or unknown key, or missing/invalid customer token',
  403: "Key not allowed here (publishable key on an admin route, or an origin outside the shop's list)",
  404: 'Unknown id',
  409: 'Not allowed in the current state',
  413: 'Request body too large: 1 MB (`payload_too_large`), 5 MB for a photo (`media_too_large`)',
  415: 'A body that is not JSON where JSON is expected; a photo that is not a JPEG, PNG or WebP (`unsupported_media_type`)',
  422: 'Idempotency-Key reused with a different request; or a rule of this endpoint (`invalid_media`, `image_dimensions`)',
  429: 'Too many writes; see Retry-After',
};

// Only these years: PostgreSQL has no year 0, and a far-future date plus the durations the API adds
// (team windows, holds, expiry) could leave the four-digit years ISO 8601 responses are written in.
const FIRST = Date.UTC(1970, 0, 1);
const END = Date.UTC(3000, 0, 1);

/** A point in time, ISO 8601 with `Z` or an offset, from 1970 to 2999 in UTC; outside: 400 `invalid_date`. */
export const isoDate = z.iso.datetime({ offset: true }).refine(
  (s) => {
    const t = Date.parse(s);
    return Number.isNaN(t) || (t >= FIRST && t < END); // NaN: the format check has already said so
  },
  { message: 'Must be a date from 1970 to 2999', params: { code: 'invalid_date' } },
);

export const IdempotencyHeader = z.object({
  'idempotency-key': z.string().min(8).max(200).openapi({
    description: 'Unique per write; a retry with the same key replays the first response',
    example: '5f0c2f2e-8a3e-4a7d-9d6b-0d8c3f6b1a2e',
  }),
});

export const MoneySchema = z
  .object({
    minor: z
      .number()
      .int()
      .min(0)
      .max(1_000_000_000)
      .openapi({ description: "In the currency's minor unit (cents, fen)" }),
    currency: z
      .string()
      .regex(/^[A-Z]{3}$/)
      .openapi({ example: 'USD' }),
  })
  .openapi('Money');
export type MoneyValue = z.infer<typeof MoneySchema>;

/** An absolute http or https URL (links, images, streams, webhook endpoints). */
export const httpUrl = z.url({ protocol: /^https?$/ }).max(2000);

/** A shop's own product id. */
export const productId = z.string().min(1).max(200);
export const ProductParam = z.object({ id: productId.openapi({ param: { name: 'id', in: 'path' }, example: 'p1' }) });

/** A listing's `?limit=`: 1 to `max`, `fallback` when not given. */
export const pageLimit = (max: number, fallback: number) =>
  z.coerce
    .number()
    .int()
    .min(1)
    .max(max)
    .default(fallback)
    .openapi({ param: { name: 'limit', in: 'query' } });

/** Opaque keyset cursors; the storage layer answers a malformed one with 400 `invalid_cursor`. */
export const cursor = z
  .string()
  .optional()
  .openapi({ param: { name: 'cursor', in: 'query' }, description: "The previous page's `nextCursor`" });
