import { bodyLimit } from 'hono/body-limit';
import { z } from '@hono/zod-openapi';
import { MEDIA_LIMITS } from '@kith/core/image';
import type { AppDeps, Deps } from './env.js';
import { API_REFERENCE_CSS, apiReferenceHtml, type OpenApiDocument } from './api-reference.js';
import { cdnHandler } from './cdn.js';
import { consoleHandler } from './console.js';
import { errorBody, toErrorResponse } from './errors.js';
import { clientIpMiddleware, parseTrustProxy } from './middleware/client-ip.js';
import { cors } from './middleware/cors.js';
import { requestIds } from './middleware/request-id.js';
import { securityHeaders } from './middleware/security-headers.js';
import { refuseBadText } from './middleware/text.js';
import { newRouter, routes } from './router.js';
import { adminLiveRouter } from './domains/live/admin-routes.js';
import { liveRouter } from './domains/live/routes.js';
import { reviewsRouter } from './domains/reviews/routes.js';
import { adminReviewsRouter } from './domains/reviews/admin-routes.js';
import { adminQuestionsRouter } from './domains/questions/admin-routes.js';
import { adminMediaRouter, mediaRouter } from './domains/media/routes.js';
import { questionsRouter } from './domains/questions/routes.js';
import { adminGroupBuyRouter } from './domains/group-buy/admin-routes.js';
import { groupBuyRouter } from './domains/group-buy/routes.js';
import { adminPointsRouter } from './domains/points/admin-routes.js';
import { pointsRouter } from './domains/points/routes.js';
import { adminReferralsRouter } from './domains/referrals/admin-routes.js';
import { referralsRouter } from './domains/referrals/routes.js';
import { adminOrdersRouter } from './domains/orders/routes.js';
import { adminWebhooksRouter } from './domains/webhooks/routes.js';
import { adminKeysRouter } from './domains/shops/admin-routes.js';
import { adminProductsRouter } from './domains/products/admin-routes.js';
import { embedRouter } from './domains/embed/routes.js';
import { adminStaffRouter, consoleRouter } from './domains/staff/routes.js';
import { createDbMediaStore } from './domains/media/store.js';
import { requestDb } from './request-tx.js';
import { errorResponses } from './schemas/common.js';

export const VERSION = '0.1.0';
const OPENAPI = {
  openapi: '3.1.0',
  info: {
    title: 'Kith API',
    version: VERSION,
    description:
      'Reference server for Kith widgets. Errors are `{ "error": { "code", "message", "details"?, "requestId", "docUrl" } }`; every response has a `Request-Id` header. Every POST needs an `Idempotency-Key` (all but `/v1/admin/keys/rotate`, the secret key\'s rotation).',
  },
} as const;
const MAX_BODY = 1024 * 1024;

/** The Kith API as a Hono app: routers per domain, one error shape, an OpenAPI 3.1 document. */
export function createApp(options: Deps) {
  // Every caller in a request (storage, the photo store) must share one db, so a write joins its request's transaction.
  const db = requestDb(options.db);
  const deps: AppDeps = { ...options, db, media: options.media ?? createDbMediaStore(db) };
  const app = newRouter();
  const { customerRoute } = routes(deps, 'Customer');
  app.use('*', requestIds(options.publicUrl));
  app.use('*', async (c, next) => {
    c.set('db', db);
    await next();
  });
  // Before the API's middleware: static files with their own caching and CORS (cdn.ts).
  if (options.cdn) app.get('/cdn/*', cdnHandler(options.cdn));
  if (options.console) {
    app.get('/admin', (c) => c.redirect('/admin/', 308));
    app.get('/admin/*', consoleHandler(options.console));
  }
  app.use('*', clientIpMiddleware(parseTrustProxy(options.trustProxy)));
  app.use('*', securityHeaders());
  app.use('*', cors());
  // Photo uploads get the photo limit; every other body stays small.
  const json = bodyLimit({
    maxSize: MAX_BODY,
    onError: (c) => c.json(errorBody('payload_too_large', 'The request body is over 1 MB'), 413),
  });
  const photo = bodyLimit({
    maxSize: MEDIA_LIMITS.maxBytes,
    onError: (c) =>
      c.json(errorBody('media_too_large', `Photos can be at most ${MEDIA_LIMITS.maxBytes / 1024 / 1024} MB`), 413),
  });
  app.use('/v1/*', (c, next) => (c.req.path === '/v1/media' ? photo(c, next) : json(c, next)));
  app.use('*', refuseBadText());

  app.get('/healthz', async (c) => {
    try {
      await deps.db.query('SELECT 1');
      return c.json({
        status: 'ok',
        database: { kind: deps.db.kind, ok: true },
        streams: deps.hub.listeners,
        version: VERSION,
      });
    } catch {
      // As every 503 of the API says: when to look again (load balancers and uptime checks read it).
      const body = { status: 'unavailable', database: { kind: deps.db.kind, ok: false }, version: VERSION };
      return c.json(body, 503, { 'retry-after': '2' });
    }
  });

  app.route('/v1/live', liveRouter(deps));
  app.route('/v1/admin/live', adminLiveRouter(deps));
  app.route('/v1', reviewsRouter(deps));
  app.route('/v1', questionsRouter(deps));
  app.route('/v1', mediaRouter(deps));
  app.route('/v1', groupBuyRouter(deps));
  app.route('/v1', pointsRouter(deps));
  app.route('/v1', referralsRouter(deps));
  // Its reads run through the whole app, each as a request of its own.
  app.route('/v1/embed', embedRouter(deps, { fetch: (request) => app.fetch(request) }));
  app.route('/v1/admin', adminOrdersRouter(deps));
  app.route('/v1/admin', adminReviewsRouter(deps));
  app.route('/v1/admin', adminQuestionsRouter(deps));
  app.route('/v1/admin', adminMediaRouter(deps));
  app.route('/v1/admin', adminGroupBuyRouter(deps));
  app.route('/v1/admin', adminWebhooksRouter(deps));
  app.route('/v1/admin', adminPointsRouter(deps));
  app.route('/v1/admin', adminReferralsRouter(deps));
  app.route('/v1/admin', adminKeysRouter(deps));
  app.route('/v1/admin', adminProductsRouter(deps));
  app.route('/v1/admin', adminStaffRouter(deps));
  app.route('/v1/console', consoleRouter(deps));

  // Lets a merchant check the customer tokens their backend signs.
  app.openapi(
    customerRoute({
      method: 'get',
      path: '/v1/customer',
      operationId: 'getCustomer',
      summary: 'Who the customer token says the customer is',
      responses: {
        200: { description: 'OK', content: { 'application/json': { schema: z.object({ id: z.string() }) } } },
        ...errorResponses(401, 403),
      },
    }),
    (c) => c.json({ id: c.get('customerId') }, 200),
  );

  app.openAPIRegistry.registerComponent('securitySchemes', 'publishableKey', {
    type: 'http',
    scheme: 'bearer',
    description: "pk_… (public; reads; CORS limited to the shop's origins)",
  });
  app.openAPIRegistry.registerComponent('securitySchemes', 'publishableKeyQuery', {
    type: 'apiKey',
    in: 'query',
    name: 'key',
    description: 'pk_… for EventSource, which cannot send headers',
  });
  app.openAPIRegistry.registerComponent('securitySchemes', 'secretKey', {
    type: 'http',
    scheme: 'bearer',
    description: 'sk_… (merchant server only; admin endpoints)',
  });
  app.openAPIRegistry.registerComponent('securitySchemes', 'consoleSession', {
    type: 'apiKey',
    in: 'cookie',
    name: 'kith_console',
    description:
      "A staff member's console session (`POST /v1/console/sign-in`). Where an operation names `owner`, a moderator's session gets 403 `role_forbidden`; writes must come from the console's own origin",
  });
  app.openAPIRegistry.registerComponent('securitySchemes', 'customerToken', {
    type: 'apiKey',
    in: 'header',
    name: 'X-Kith-Customer',
    description:
      "HS256 JWT signed with the shop's secret key; `sub` is the customer id, `exp` required, `nbf` and `iat` honoured (30 s clock tolerance); `kid` picks the key (during a rotation's overlap window, the previous one)",
  });
  app.doc31('/v1/openapi.json', OPENAPI);

  // The reference as a page, from the same document (api-reference.ts).
  // Rendered once, on the first visit: every route is registered by then and none is added later.
  let reference: string | undefined;
  app.get('/docs/api', (c) =>
    c.html((reference ??= apiReferenceHtml(app.getOpenAPI31Document(OPENAPI) as unknown as OpenApiDocument)), 200, {
      'content-security-policy': "default-src 'none'; style-src 'self'; frame-ancestors 'none'",
    }),
  );
  app.get('/docs/api.css', (c) => c.body(API_REFERENCE_CSS, 200, { 'content-type': 'text/css; charset=utf-8' }));

  app.notFound((c) => c.json(errorBody('not_found', 'No such route'), 404));
  app.onError(toErrorResponse);
  return app;
}

export type KithApp = ReturnType<typeof createApp>;
