import { z } from '@hono/zod-openapi';
import type { AppDeps } from '../../env.js';
import { jsonBody, newRouter, ok, routes } from '../../router.js';
import { errorResponses, IdempotencyHeader } from '../../schemas/common.js';
import {
  AdminTeamSchema, AdminTeamsQuery, CampaignSchema, CreateCampaignBody, DeliveriesQuery, DeliverySchema, IdParam, UpdateCampaignBody,
  WebhookSettingsBody, WebhookSettingsSchema,
} from './schemas.js';
import { adminTeams, getAdminTeam } from './storage.js';
import { createCampaign, endCampaign, getCampaign, listCampaigns, updateCampaign } from './campaigns.js';
import { getWebhookSettings, listDeliveries, putWebhookSettings } from '../webhooks/storage.js';

/** The merchant's group buys: campaigns, teams and their seats, webhooks and the delivery log. */
export function adminGroupBuyRouter(deps: AppDeps) {
  const { db } = deps;
  const app = newRouter();
  const { adminRoute } = routes(deps);

  app.openapi(
    adminRoute({
      method: 'post', path: '/group-buys', summary: 'Create a group-buy campaign',
      description: 'Tiers: sizes ≥ 2 strictly ascending, prices strictly falling, all below `soloPrice`, one currency; `maxMembers` (default: the deepest tier) at least the deepest tier and at most 100.',
      request: { headers: IdempotencyHeader, body: jsonBody(CreateCampaignBody) },
      responses: { 201: ok(CampaignSchema, 'Created'), ...errorResponses(400, 401, 403, 409, 422, 429) },
    }),
    async (c) => c.json(await createCampaign(db, c.get('shop').id, c.req.valid('json')), 201),
  );

  app.openapi(
    adminRoute({
      method: 'get', path: '/group-buys', summary: 'Every campaign, newest first',
      responses: { 200: ok(z.object({ items: z.array(CampaignSchema) })), ...errorResponses(401, 403) },
    }),
    async (c) => c.json({ items: await listCampaigns(db, c.get('shop').id) }, 200),
  );

  app.openapi(
    adminRoute({
      method: 'get', path: '/group-buys/{id}', summary: 'One campaign',
      request: { params: IdParam },
      responses: { 200: ok(CampaignSchema), ...errorResponses(401, 403, 404) },
    }),
    async (c) => c.json(await getCampaign(db, c.get('shop').id, c.req.valid('param').id), 200),
  );

  app.openapi(
    adminRoute({
      method: 'put', path: '/group-buys/{id}', summary: 'Change a campaign',
      description: 'Partial. Teams already started keep the terms they started with; only new teams get the change.',
      request: { params: IdParam, body: jsonBody(UpdateCampaignBody) },
      responses: { 200: ok(CampaignSchema), ...errorResponses(400, 401, 403, 404, 429) },
    }),
    async (c) => c.json(await updateCampaign(db, c.get('shop').id, c.req.valid('param').id, c.req.valid('json')), 200),
  );

  app.openapi(
    adminRoute({
      method: 'delete', path: '/group-buys/{id}', summary: 'End a campaign',
      description: 'Its status becomes `ended` and no team can start; open teams run to their deadlines.',
      request: { params: IdParam },
      responses: { 200: ok(CampaignSchema, 'Ended'), ...errorResponses(401, 403, 404, 429) },
    }),
    async (c) => c.json(await endCampaign(db, c.get('shop').id, c.req.valid('param').id), 200),
  );

  app.openapi(
    adminRoute({
      method: 'get', path: '/teams', summary: 'Teams with their seats',
      description: 'Newest first, keyset-paged; each seat with the customer id, hold expiry and order id.',
      request: { query: AdminTeamsQuery },
      responses: { 200: ok(z.object({ items: z.array(AdminTeamSchema), nextCursor: z.string().nullable() })), ...errorResponses(400, 401, 403) },
    }),
    async (c) => c.json(await adminTeams(db, c.get('shop').id, c.req.valid('query')), 200),
  );

  app.openapi(
    adminRoute({
      method: 'get', path: '/teams/{id}', summary: 'One team with its seats',
      request: { params: IdParam },
      responses: { 200: ok(AdminTeamSchema), ...errorResponses(401, 403, 404) },
    }),
    async (c) => c.json(await getAdminTeam(db, c.get('shop').id, c.req.valid('param').id), 200),
  );

  app.openapi(
    adminRoute({
      method: 'get', path: '/webhooks', summary: 'Where webhooks go',
      responses: { 200: ok(WebhookSettingsSchema), ...errorResponses(401, 403) },
    }),
    async (c) => c.json(await getWebhookSettings(db, c.get('shop').id), 200),
  );

  app.openapi(
    adminRoute({
      method: 'put', path: '/webhooks', summary: 'Set the webhook URL',
      description: 'The signing secret (`whsec_…`) is made and shown on the first set and on `rotateSecret`, never again. Each delivery is a POST of `{ id, type, createdAt, data }` (`data`: `{ team, tier?, member? }` for `team.*`, `{ redemption }` for `points.redeemed`) with `Kith-Signature: t=<unix>,v1=<hex HMAC-SHA256(secret, "<t>.<body>")>` and `Kith-Event-Id`; anything but a 2xx is retried with exponential backoff (30 s ×4, 8 attempts). Types: `team.succeeded`, `team.tier_reached`, `team.expired`, `team.member_left`, `points.redeemed` (a customer spent points on a reward: `{ id, customerId, rewardId, rewardTitle, points, code, coupon?, expiresAt?, createdAt }`).',
      request: { body: jsonBody(WebhookSettingsBody) },
      responses: { 200: ok(WebhookSettingsSchema), ...errorResponses(400, 401, 403, 429) },
    }),
    async (c) => c.json(await putWebhookSettings(db, c.get('shop').id, c.req.valid('json')), 200),
  );

  app.openapi(
    adminRoute({
      method: 'get', path: '/webhooks/deliveries', summary: 'The webhook delivery log',
      description: 'Newest first, keyset-paged: each event with its attempts, last status or error, and the next attempt while pending.',
      request: { query: DeliveriesQuery },
      responses: { 200: ok(z.object({ items: z.array(DeliverySchema), nextCursor: z.string().nullable() })), ...errorResponses(400, 401, 403) },
    }),
    async (c) => c.json(await listDeliveries(db, c.get('shop').id, c.req.valid('query')), 200),
  );

  return app;
}
