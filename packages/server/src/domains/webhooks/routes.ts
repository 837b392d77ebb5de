import { z } from '@hono/zod-openapi';
import type { AppDeps } from '../../env.js';
import { jsonBody, newRouter, ok, routes } from '../../router.js';
import { errorResponses } from '../../schemas/common.js';
import { DeliveriesQuery, DeliverySchema, WebhookSettingsBody, WebhookSettingsSchema } from './schemas.js';
import { getWebhookSettings, listDeliveries, putWebhookSettings } from './storage.js';

/** Where the merchant's webhooks go, and the delivery log. */
export function adminWebhooksRouter(deps: AppDeps) {
  const { db } = deps;
  const app = newRouter();
  const { adminRoute } = routes(deps, 'Webhooks: admin');

  app.openapi(
    adminRoute({
      method: 'get',
      path: '/webhooks',
      operationId: 'getWebhookSettings',
      summary: 'Where webhooks go',
      responses: { 200: ok(WebhookSettingsSchema), ...errorResponses(401, 403) },
    }),
    async (c) => c.json(await getWebhookSettings(db, c.get('shop').id), 200),
  );

  app.openapi(
    adminRoute({
      method: 'put',
      path: '/webhooks',
      operationId: 'setWebhookUrl',
      summary: 'Set the webhook URL',
      description:
        'The signing secret (`whsec_…`) is made and shown on the first set and on `rotateSecret`, never again. Each delivery is a POST of `{ id, type, createdAt, data }` (`data`: `{ team, tier?, member? }` for `team.*`, `{ redemption }` for `points.redeemed`) with `Kith-Signature: t=<unix>,v1=<hex HMAC-SHA256(secret, "<t>.<body>")>` and `Kith-Event-Id`; anything but a 2xx is retried with exponential backoff (30 s ×4, 8 attempts). Types: `team.succeeded`, `team.tier_reached`, `team.expired`, `team.member_left`, `points.redeemed` (a customer spent points on a reward: `{ id, customerId, rewardId, rewardTitle, points, code, coupon?, expiresAt?, createdAt }`).',
      request: { body: jsonBody(WebhookSettingsBody) },
      responses: { 200: ok(WebhookSettingsSchema), ...errorResponses(400, 401, 403, 429) },
    }),
    async (c) => c.json(await putWebhookSettings(db, c.get('shop').id, c.req.valid('json')), 200),
  );

  app.openapi(
    adminRoute({
      method: 'get',
      path: '/webhooks/deliveries',
      operationId: 'listWebhookDeliveries',
      summary: 'The webhook delivery log',
      description:
        'Newest first, keyset-paged: each event with its attempts, last status or error, and the next attempt while pending.',
      request: { query: DeliveriesQuery },
      responses: {
        200: ok(z.object({ items: z.array(DeliverySchema), nextCursor: z.string().nullable() })),
        ...errorResponses(400, 401, 403),
      },
    }),
    async (c) => c.json(await listDeliveries(db, c.get('shop').id, c.req.valid('query')), 200),
  );

  return app;
}
