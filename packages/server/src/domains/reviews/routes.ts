import { z } from '@hono/zod-openapi';
import type { AppDeps } from '../../env.js';
import { getProduct } from '../products/storage.js';
import { JSONLD_REVIEWS, productJsonLd, scriptSafeJson } from './jsonld.js';
import { linksFor } from '../media/links.js';
import { clientIp } from '../../middleware/client-ip.js';
import { jsonBody, newRouter, routes } from '../../router.js';
import { errorResponses, IdempotencyHeader, ProductParam } from '../../schemas/common.js';
import {
  CreateReviewBody,
  JsonLdQuery,
  ListReviewsQuery,
  ReportBody,
  ReviewIdParam,
  ReviewPageSchema,
  ReviewSchema,
  ReviewSummarySchema,
  SummariesQuery,
} from './schemas.js';
import { createReview, listReviews, markHelpful, report, summaries } from './storage.js';

/** Public review reads (publishable key) and shopper writes (publishable key + customer token). */
export function reviewsRouter(deps: AppDeps) {
  const app = newRouter();
  // One set of route helpers (their rate limits and idempotency) for all of the router's routes.
  const helpers = routes(deps, 'Reviews');
  readRoutes(app, deps, helpers);
  writeRoutes(app, deps, helpers);
  return app;
}

type Router = ReturnType<typeof newRouter>;
type RouteHelpers = ReturnType<typeof routes>;

/** A product's reviews, its summary and JSON-LD, and summaries of many products. */
function readRoutes(app: Router, deps: AppDeps, { publicRoute }: RouteHelpers) {
  const { db } = deps;

  app.openapi(
    publicRoute({
      method: 'get',
      path: '/products/{id}/reviews',
      operationId: 'listReviews',
      summary: 'Published reviews of a product',
      description:
        "Keyset-paged: pass `nextCursor` back as `cursor` to get the next page; every review appears once, in the sort's order.",
      request: { params: ProductParam, query: ListReviewsQuery },
      responses: {
        200: { description: 'A page', content: { 'application/json': { schema: ReviewPageSchema } } },
        ...errorResponses(400, 401, 403),
      },
    }),
    async (c) =>
      c.json(
        await listReviews(db, c.get('shop').id, c.req.valid('param').id, c.req.valid('query'), linksFor(deps, c)),
        200,
      ),
  );

  app.openapi(
    publicRoute({
      method: 'get',
      path: '/products/{id}/reviews/summary',
      operationId: 'getReviewSummary',
      summary: 'Average, count, histogram, photos, topics',
      request: { params: ProductParam },
      responses: {
        200: { description: 'OK', content: { 'application/json': { schema: ReviewSummarySchema } } },
        ...errorResponses(401, 403),
      },
    }),
    async (c) => c.json((await summaries(db, c.get('shop').id, [c.req.valid('param').id]))[0]!, 200),
  );

  app.openapi(
    publicRoute({
      method: 'get',
      path: '/products/{id}/reviews/jsonld',
      operationId: 'getReviewsJsonLd',
      summary: 'schema.org Product markup with the rating and reviews',
      description: `For \`<script type="application/ld+json">\` on the product page: \`AggregateRating\` and the ${JSONLD_REVIEWS} newest published reviews (neither when there are none). \`<\`, \`>\`, \`&\`, U+2028 and U+2029 are escaped as \\uXXXX, so the text is safe to paste into the script element as is.`,
      request: { params: ProductParam, query: JsonLdQuery },
      responses: {
        200: { description: 'OK', content: { 'application/ld+json': { schema: z.record(z.string(), z.unknown()) } } },
        ...errorResponses(400, 401, 403),
      },
    }),
    async (c) => {
      const [shopId, id, asked] = [c.get('shop').id, c.req.valid('param').id, c.req.valid('query')];
      // What the page leaves out comes from the catalogue.
      const known = await getProduct(db, shopId, id);
      const product = { ...asked, name: asked.name ?? known?.title, url: asked.url ?? known?.url };
      const markup = await productJsonLd(
        db,
        shopId,
        id,
        { ...product, image: asked.image ?? known?.image },
        linksFor(deps, c),
      );
      // A body we serialise ourselves; the typed c.json() would undo the escaping.
      return c.body(scriptSafeJson(markup), 200, { 'content-type': 'application/ld+json; charset=utf-8' }) as never;
    },
  );

  app.openapi(
    publicRoute({
      method: 'get',
      path: '/reviews/summaries',
      operationId: 'getReviewSummaries',
      summary: 'Summaries for many products at once',
      request: { query: SummariesQuery },
      responses: {
        200: {
          description: 'OK',
          content: { 'application/json': { schema: z.object({ summaries: z.array(ReviewSummarySchema) }) } },
        },
        ...errorResponses(400, 401, 403),
      },
    }),
    async (c) => c.json({ summaries: await summaries(db, c.get('shop').id, c.req.valid('query').products) }, 200),
  );
}

/** A customer's review, helpful vote and report. */
function writeRoutes(app: Router, deps: AppDeps, { customerRoute }: RouteHelpers) {
  const { db } = deps;

  app.openapi(
    customerRoute({
      method: 'post',
      path: '/products/{id}/reviews',
      operationId: 'submitReview',
      summary: 'Write a review',
      description:
        "Verified when the customer has a reported order with the product. Lands `published` or `pending` by the shop's moderation rules; links, contact details, copied text and (unless the shop publishes them automatically) photos always wait for a person. `mediaIds` must be this customer's unused uploads (`422 invalid_media`).",
      request: { params: ProductParam, headers: IdempotencyHeader, body: jsonBody(CreateReviewBody) },
      responses: {
        201: { description: 'Created', content: { 'application/json': { schema: ReviewSchema } } },
        ...errorResponses(400, 401, 403, 409, 422, 429),
      },
    }),
    async (c) => {
      const { consent: _consent, ...input } = c.req.valid('json');
      return c.json(
        await createReview(
          db,
          c.get('shop').id,
          c.req.valid('param').id,
          c.get('customerId'),
          clientIp(c),
          input,
          linksFor(deps, c),
        ),
        201,
      );
    },
  );

  app.openapi(
    customerRoute({
      method: 'post',
      path: '/reviews/{id}/helpful',
      operationId: 'markReviewHelpful',
      summary: 'Vote a review helpful (once per customer)',
      request: { params: ReviewIdParam, headers: IdempotencyHeader },
      responses: {
        200: {
          description: 'OK',
          content: { 'application/json': { schema: z.object({ helpfulCount: z.number().int() }) } },
        },
        ...errorResponses(401, 403, 404, 422, 429),
      },
    }),
    async (c) => c.json(await markHelpful(db, c.get('shop').id, c.req.valid('param').id, c.get('customerId')), 200),
  );

  app.openapi(
    customerRoute({
      method: 'post',
      path: '/reviews/{id}/report',
      operationId: 'reportReview',
      summary: 'Report a review',
      description:
        "Reports from enough distinct customers (the shop's threshold, 3 by default) send a published review back to pending.",
      request: { params: ReviewIdParam, headers: IdempotencyHeader, body: jsonBody(ReportBody) },
      responses: {
        200: {
          description: 'OK',
          content: { 'application/json': { schema: z.object({ reported: z.literal(true) }) } },
        },
        ...errorResponses(400, 401, 403, 404, 422, 429),
      },
    }),
    async (c) =>
      c.json(
        await report(db, c.get('shop').id, c.req.valid('param').id, c.get('customerId'), c.req.valid('json').reason),
        200,
      ),
  );
}
