import type { Context } from 'hono';
import type { AppDeps, AppEnv } from '../../env.js';
import { newRouter, optionalJson, routes } from '../../router.js';
import { errorResponses, IdempotencyHeader, ProductParam } from '../../schemas/common.js';
import { CampaignIdParam, IdParam, JoinBody, OfferSchema, TeamSchema } from './schemas.js';
import { StreamQuery } from '../live/schemas.js';
import { latestEventId, TEAM_LOG } from '../../storage/events.js';
import { getOffer, getTeam, joinTeam, leaveTeam, startTeam } from './storage.js';
import { streamSnapshots } from '../../sse.js';

const teamOk = (description: string) => ({ description, content: { 'application/json': { schema: TeamSchema } } });
const joinBody = { content: { 'application/json': { schema: JoinBody } }, required: false };
/** Set by optionalCustomer only when a token was sent. */
const customerOf = (c: Context<AppEnv>) => c.get('customerId') as string | undefined;

/** A team's live stream: its public view (never `you`), stamped with the server's clock when sent. */
async function streamTeam(c: Context<AppEnv>, deps: AppDeps, id: string, lastEventId?: string) {
  const shopId = c.get('shop').id;
  // The log's position first, then the state: what happens in between is sent after it.
  const currentAt = await latestEventId(deps.db, TEAM_LOG, shopId, id);
  const { you: _you, ...current } = await getTeam(deps.db, shopId, id); // 404 before the stream starts
  const resumeFrom = c.req.header('last-event-id') ?? lastEventId;
  const render = (team: unknown) => ({ ...(team as object), serverTime: new Date().toISOString() });
  return streamSnapshots(c, deps, { log: TEAM_LOG, shopId, subjectId: id, current, currentAt, resumeFrom, render });
}

/** Group buy for shoppers: the offer, teams, joining and leaving, and each team's live stream. */
export function groupBuyRouter(deps: AppDeps) {
  const { db } = deps;
  const app = newRouter();
  const { publicRoute, streamRoute, customerRoute } = routes(deps, 'Group buy');

  app.openapi(
    publicRoute(
      {
        method: 'get',
        path: '/products/{id}/group-buy',
        operationId: 'getGroupBuyOffer',
        summary: "A product's group buy with teams to join",
        description:
          "The campaign (active first, then the next scheduled, then the latest ended or sold out), up to 5 open teams the customer is not in (soonest deadline first), and with a customer token the customer's own team (`yourTeam`, with `you`). `404 no_campaign` when the product has none.",
        request: { params: ProductParam },
        responses: {
          200: { description: 'OK', content: { 'application/json': { schema: OfferSchema } } },
          ...errorResponses(401, 403, 404),
        },
      },
      // Its serverTime sets the countdowns' clock: a cached copy would move them by its age.
      { customer: 'optional', cache: false },
    ),
    async (c) => c.json(await getOffer(db, c.get('shop').id, c.req.valid('param').id, customerOf(c)), 200),
  );

  app.openapi(
    customerRoute({
      method: 'post',
      path: '/group-buys/{campaignId}/teams',
      operationId: 'startTeam',
      summary: 'Start a team',
      description:
        'The customer leads the new team and holds its first seat until `you.holdExpiresAt`; the merchant confirms it by reporting the order (`POST /v1/admin/orders` with `teamId`). 409: `campaign_not_started`, `campaign_over`, `sold_out`, `already_in_team`.',
      request: { params: CampaignIdParam, headers: IdempotencyHeader, body: joinBody },
      responses: { 201: teamOk('Started'), ...errorResponses(400, 401, 403, 404, 409, 422, 429) },
    }),
    async (c) =>
      c.json(
        await startTeam(
          db,
          c.get('shop').id,
          c.req.valid('param').campaignId,
          c.get('customerId'),
          await optionalJson(c, JoinBody),
        ),
        201,
      ),
  );

  app.openapi(
    publicRoute(
      {
        method: 'get',
        path: '/teams/{id}',
        operationId: 'getTeam',
        summary: 'One team',
        description: "With `serverTime` for countdowns, and `you` when the customer token's customer holds a seat.",
        request: { params: IdParam },
        responses: { 200: teamOk('OK'), ...errorResponses(401, 403, 404) },
      },
      // Its serverTime sets the countdowns' clock: a cached copy would move them by its age.
      { customer: 'optional', cache: false },
    ),
    async (c) => c.json(await getTeam(db, c.get('shop').id, c.req.valid('param').id, customerOf(c)), 200),
  );

  app.openapi(
    customerRoute({
      method: 'post',
      path: '/teams/{id}/join',
      operationId: 'joinTeam',
      summary: 'Join a team (hold a seat)',
      description:
        '409: `team_closed`, `already_joined`, `already_in_team`, `sold_out`, `team_full`. Succeeded teams can still be joined (deeper tiers) until full or the deadline.',
      request: { params: IdParam, headers: IdempotencyHeader, body: joinBody },
      responses: { 200: teamOk('Joined'), ...errorResponses(400, 401, 403, 404, 409, 422, 429) },
    }),
    async (c) =>
      c.json(
        await joinTeam(
          db,
          c.get('shop').id,
          c.req.valid('param').id,
          c.get('customerId'),
          await optionalJson(c, JoinBody),
        ),
        200,
      ),
  );

  app.openapi(
    customerRoute({
      method: 'post',
      path: '/teams/{id}/leave',
      operationId: 'leaveTeam',
      summary: 'Give the seat back',
      description:
        'Only before the team succeeds. 409: `not_a_member`, `team_succeeded`, `team_closed`. The earliest remaining member becomes leader; a team left empty expires.',
      request: { params: IdParam, headers: IdempotencyHeader },
      responses: { 200: teamOk('Left (no `you`)'), ...errorResponses(401, 403, 404, 409, 422, 429) },
    }),
    async (c) => c.json(await leaveTeam(db, c.get('shop').id, c.req.valid('param').id, c.get('customerId')), 200),
  );

  app.openapi(
    streamRoute({
      method: 'get',
      path: '/teams/{id}/events',
      operationId: 'streamTeam',
      summary: 'Team updates (Server-Sent Events)',
      description:
        'Each message is `event: team` with the public team as `data` (never `you`; `serverTime` set when sent) and an `id` to resume from (`Last-Event-ID`). The first message is the current state. A `: ping` comment comes every 15 s.',
      request: { params: IdParam, query: StreamQuery },
      responses: {
        200: { description: 'An event stream', content: { 'text/event-stream': { schema: TeamSchema } } },
        ...errorResponses(401, 403, 404),
      },
    }),
    async (c) => streamTeam(c, deps, c.req.valid('param').id, c.req.valid('query').lastEventId),
  );

  return app;
}
