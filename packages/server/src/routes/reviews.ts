import { createRoute, z } from '@hono/zod-openapi';
import type { AppDeps } from '../env.js';
import { JSONLD_REVIEWS, productJsonLd, scriptSafeJson } from '../jsonld.js';
import { linksFor } from '../links.js';
import { requireCustomer, requireKey } from '../middleware/auth.js';
import { idempotency } from '../middleware/idempotency.js';
import { clientIp } from '../middleware/client-ip.js';
import { rateLimit } from '../middleware/rate-limit.js';
import { newRouter } from '../router.js';
import { errorResponses, IdempotencyHeader } from '../schemas/common.js';
import {
  CreateReviewBody, JsonLdQuery, ListReviewsQuery, ProductParam, ReportBody, ReviewIdParam, ReviewPageSchema, ReviewSchema,
  ReviewSummarySchema, SummariesQuery,
} from '../schemas/reviews.js';
import { createReview, listReviews, markHelpful, report, summaries } from '../storage/reviews.js';

const read = [{ publishableKey: [] }];
const write = [{ publishableKey: [], customerToken: [] }];
const json = <T>(schema: T) => ({ content: { 'application/json': { schema } }, required: true });

/** Public review reads (publishable key) and shopper writes (publishable key + customer token). */
export function reviewsRouter(deps: AppDeps) {
  const { db } = deps;
  const app = newRouter();
  // Mounted at /v1 beside other routers (questions share /products/:id): scope the middleware to
  // this router's own paths. `/x/*` also matches `/x`.
  for (const path of ['/products/:id/reviews/*', '/reviews/*']) {
    app.use(path, requireKey(deps, 'publishable'));
    app.post(path, requireCustomer(), rateLimit(deps), idempotency());
  }

  app.openapi(
    createRoute({
      method: 'get', path: '/products/{id}/reviews', summary: 'Published reviews of a product', security: read,
      description: 'Keyset-paged: pass `nextCursor` back as `cursor` to get the next page; every review appears once, in the sort\'s order.',
      request: { params: ProductParam, query: ListReviewsQuery },
      responses: { 200: { description: 'A page', content: { 'application/json': { schema: ReviewPageSchema } } }, ...errorResponses(400, 401, 403) },
    }),
    async (c) => c.json(await listReviews(db, c.get('shop').id, c.req.valid('param').id, c.req.valid('query'), linksFor(deps, c)), 200),
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/products/{id}/reviews/summary', summary: 'Average, count, histogram, photos, topics', security: read,
      request: { params: ProductParam },
      responses: { 200: { description: 'OK', content: { 'application/json': { schema: ReviewSummarySchema } } }, ...errorResponses(401, 403) },
    }),
    async (c) => c.json((await summaries(db, c.get('shop').id, [c.req.valid('param').id]))[0]!, 200),
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/products/{id}/reviews/jsonld', summary: 'schema.org Product markup with the rating and reviews', security: read,
      description: `For \`<script type="application/ld+json">\` on the product page: \`AggregateRating\` and the ${JSONLD_REVIEWS} newest published reviews (neither when there are none). \`<\`, \`>\`, \`&\`, U+2028 and U+2029 are escaped as \\uXXXX, so the text is safe to paste into the script element as is.`,
      request: { params: ProductParam, query: JsonLdQuery },
      responses: { 200: { description: 'OK', content: { 'application/ld+json': { schema: z.record(z.string(), z.unknown()) } } }, ...errorResponses(400, 401, 403) },
    }),
    async (c) => {
      const markup = await productJsonLd(db, c.get('shop').id, c.req.valid('param').id, c.req.valid('query'), linksFor(deps, c));
      // A body we serialise ourselves; the typed c.json() would undo the escaping.
      return c.body(scriptSafeJson(markup), 200, { 'content-type': 'application/ld+json; charset=utf-8' }) as never;
    },
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/reviews/summaries', summary: 'Summaries for many products at once', security: read,
      request: { query: SummariesQuery },
      responses: { 200: { description: 'OK', content: { 'application/json': { schema: z.object({ summaries: z.array(ReviewSummarySchema) }) } } }, ...errorResponses(400, 401, 403) },
    }),
    async (c) => c.json({ summaries: await summaries(db, c.get('shop').id, c.req.valid('query').products) }, 200),
  );

  app.openapi(
    createRoute({
      method: 'post', path: '/products/{id}/reviews', summary: 'Write a review', security: write,
      description: 'Verified when the customer has a reported order with the product. Lands `published` or `pending` by the shop\'s moderation rules; links, contact details, copied text and (unless the shop publishes them automatically) photos always wait for a person. `mediaIds` must be this customer\'s unused uploads (`422 invalid_media`).',
      request: { params: ProductParam, headers: IdempotencyHeader, body: json(CreateReviewBody) },
      responses: { 201: { description: 'Created', content: { 'application/json': { schema: ReviewSchema } } }, ...errorResponses(400, 401, 403, 409, 422, 429) },
    }),
    async (c) => {
      const { consent: _consent, ...input } = c.req.valid('json');
      return c.json(await createReview(db, c.get('shop').id, c.req.valid('param').id, c.get('customerId'), clientIp(c), input, linksFor(deps, c)), 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'post', path: '/reviews/{id}/helpful', summary: 'Vote a review helpful (once per customer)', security: write,
      request: { params: ReviewIdParam, headers: IdempotencyHeader },
      responses: { 200: { description: 'OK', content: { 'application/json': { schema: z.object({ helpfulCount: z.number().int() }) } } }, ...errorResponses(401, 403, 404, 422, 429) },
    }),
    async (c) => c.json(await markHelpful(db, c.get('shop').id, c.req.valid('param').id, c.get('customerId')), 200),
  );

  app.openapi(
    createRoute({
      method: 'post', path: '/reviews/{id}/report', summary: 'Report a review', security: write,
      description: 'Reports from enough distinct customers (the shop\'s threshold, 3 by default) send a published review back to pending.',
      request: { params: ReviewIdParam, headers: IdempotencyHeader, body: json(ReportBody) },
      responses: { 200: { description: 'OK', content: { 'application/json': { schema: z.object({ reported: z.literal(true) }) } } }, ...errorResponses(400, 401, 403, 404, 422, 429) },
    }),
    async (c) => c.json(await report(db, c.get('shop').id, c.req.valid('param').id, c.get('customerId'), c.req.valid('json').reason), 200),
  );

  return app;
}
