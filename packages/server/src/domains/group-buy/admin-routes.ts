import { z } from '@hono/zod-openapi';
import type { AppDeps } from '../../env.js';
import { jsonBody, newRouter, ok, routes } from '../../router.js';
import { errorResponses, IdempotencyHeader } from '../../schemas/common.js';
import {
  AdminTeamSchema,
  AdminTeamsQuery,
  CampaignSchema,
  CreateCampaignBody,
  IdParam,
  UpdateCampaignBody,
} from './schemas.js';
import { adminTeams, getAdminTeam } from './storage.js';
import { createCampaign, endCampaign, getCampaign, listCampaigns, updateCampaign } from './campaigns.js';

/** The merchant's group buys: campaigns, teams and their seats. */
export function adminGroupBuyRouter(deps: AppDeps) {
  const { db } = deps;
  const app = newRouter();
  const { adminRoute } = routes(deps, 'Group buy: admin');

  app.openapi(
    adminRoute({
      method: 'post',
      path: '/group-buys',
      operationId: 'createCampaign',
      summary: 'Create a group-buy campaign',
      description:
        'Tiers: sizes ≥ 2 strictly ascending, prices strictly falling, all below `soloPrice`, one currency; `maxMembers` (default: the deepest tier) at least the deepest tier and at most 100.',
      request: { headers: IdempotencyHeader, body: jsonBody(CreateCampaignBody) },
      responses: { 201: ok(CampaignSchema, 'Created'), ...errorResponses(400, 401, 403, 409, 422, 429) },
    }),
    async (c) => c.json(await createCampaign(db, c.get('shop').id, c.req.valid('json')), 201),
  );

  app.openapi(
    adminRoute({
      method: 'get',
      path: '/group-buys',
      operationId: 'listCampaigns',
      summary: 'Every campaign, newest first',
      responses: { 200: ok(z.object({ items: z.array(CampaignSchema) })), ...errorResponses(401, 403) },
    }),
    async (c) => c.json({ items: await listCampaigns(db, c.get('shop').id) }, 200),
  );

  app.openapi(
    adminRoute({
      method: 'get',
      path: '/group-buys/{id}',
      operationId: 'getCampaign',
      summary: 'One campaign',
      request: { params: IdParam },
      responses: { 200: ok(CampaignSchema), ...errorResponses(401, 403, 404) },
    }),
    async (c) => c.json(await getCampaign(db, c.get('shop').id, c.req.valid('param').id), 200),
  );

  app.openapi(
    adminRoute({
      method: 'put',
      path: '/group-buys/{id}',
      operationId: 'updateCampaign',
      summary: 'Change a campaign',
      description: 'Partial. Teams already started keep the terms they started with; only new teams get the change.',
      request: { params: IdParam, body: jsonBody(UpdateCampaignBody) },
      responses: { 200: ok(CampaignSchema), ...errorResponses(400, 401, 403, 404, 429) },
    }),
    async (c) => c.json(await updateCampaign(db, c.get('shop').id, c.req.valid('param').id, c.req.valid('json')), 200),
  );

  app.openapi(
    adminRoute({
      method: 'delete',
      path: '/group-buys/{id}',
      operationId: 'endCampaign',
      summary: 'End a campaign',
      description: 'Its status becomes `ended` and no team can start; open teams run to their deadlines.',
      request: { params: IdParam },
      responses: { 200: ok(CampaignSchema, 'Ended'), ...errorResponses(401, 403, 404, 429) },
    }),
    async (c) => c.json(await endCampaign(db, c.get('shop').id, c.req.valid('param').id), 200),
  );

  app.openapi(
    adminRoute({
      method: 'get',
      path: '/teams',
      operationId: 'listTeams',
      summary: 'Teams with their seats',
      description: 'Newest first, keyset-paged; each seat with the customer id, hold expiry and order id.',
      request: { query: AdminTeamsQuery },
      responses: {
        200: ok(z.object({ items: z.array(AdminTeamSchema), nextCursor: z.string().nullable() })),
        ...errorResponses(400, 401, 403),
      },
    }),
    async (c) => c.json(await adminTeams(db, c.get('shop').id, c.req.valid('query')), 200),
  );

  app.openapi(
    adminRoute({
      method: 'get',
      path: '/teams/{id}',
      operationId: 'getTeamWithSeats',
      summary: 'One team with its seats',
      request: { params: IdParam },
      responses: { 200: ok(AdminTeamSchema), ...errorResponses(401, 403, 404) },
    }),
    async (c) => c.json(await getAdminTeam(db, c.get('shop').id, c.req.valid('param').id), 200),
  );

  return app;
}
