import type { AppDeps } from '../../env.js';
import { newRouter, ok, routes } from '../../router.js';
import { errorResponses, IdempotencyHeader } from '../../schemas/common.js';
import {
  PointsAccountSchema,
  PointsCheckInSchema,
  PointsEntryPageSchema,
  PointsHistoryQuery,
  PointsProgramSchema,
  PointsRedeemBody,
  PointsRedemptionSchema,
} from './schemas.js';
import { getProgram } from './program.js';
import { checkIn, getAccount, getHistory, redeem } from './storage.js';

/** Points for shoppers: the program (public), and the signed-in customer's account, history, check-in and redemptions. */
export function pointsRouter(deps: AppDeps) {
  const { db } = deps;
  const app = newRouter();
  const { publicRoute, customerRoute } = routes(deps, 'Points');

  app.openapi(
    publicRoute({
      method: 'get',
      path: '/points/program',
      operationId: 'getPointsProgram',
      summary: "The shop's loyalty program",
      description:
        'Tiers (ascending from 0), earn rules, active rewards cheapest first with their live stock, badges, expiry, pending days and the time zone that decides "today".',
      responses: { 200: ok(PointsProgramSchema), ...errorResponses(401, 403) },
    }),
    async (c) => c.json(await getProgram(db, c.get('shop').id), 200),
  );

  app.openapi(
    customerRoute({
      method: 'get',
      path: '/points/me',
      operationId: 'getPointsAccount',
      summary: "The customer's points account",
      description:
        'Balance (available entries), pending (purchases in the return window), lifetime (what tiers count), tier and next tier, badges, check-in streak, the soonest points expiring within 30 days and `serverTime` (the database clock). Due expiries are applied first.',
      responses: { 200: ok(PointsAccountSchema), ...errorResponses(401, 403) },
    }),
    async (c) => c.json(await getAccount(db, c.get('shop').id, c.get('customerId')), 200),
  );

  app.openapi(
    customerRoute({
      method: 'get',
      path: '/points/me/history',
      operationId: 'listPointsHistory',
      summary: "The customer's ledger, newest first",
      description:
        'Ordered by when each entry took effect, newest first (pending purchases first), keyset-paged (`limit` 1 to 50, default 20). `balanceAfter` is the available balance right after each available entry; null while pending.',
      request: { query: PointsHistoryQuery },
      responses: { 200: ok(PointsEntryPageSchema), ...errorResponses(400, 401, 403) },
    }),
    async (c) => c.json(await getHistory(db, c.get('shop').id, c.get('customerId'), c.req.valid('query')), 200),
  );

  app.openapi(
    customerRoute({
      method: 'post',
      path: '/points/check-in',
      operationId: 'checkIn',
      summary: 'Check in for today',
      description:
        'No body. "Today" is the date in the program\'s time zone. Earns the check_in rule\'s points, plus its streak bonus on every `everyDays`-th day in a row. 409 `already_checked_in`; 409 `not_in_program` when the program has no check-in.',
      request: { headers: IdempotencyHeader },
      responses: { 200: ok(PointsCheckInSchema, 'Checked in'), ...errorResponses(401, 403, 409, 422, 429) },
    }),
    async (c) => c.json(await checkIn(db, c.get('shop').id, c.get('customerId')), 200),
  );

  app.openapi(
    customerRoute({
      method: 'post',
      path: '/points/redeem',
      operationId: 'redeemReward',
      summary: 'Spend points on a reward',
      description:
        "One transaction under the customer's account lock, so the balance never goes below 0 and stock is never oversold. 404 unknown or inactive reward; then 409 `tier_required`, `out_of_stock`, `insufficient_points`, in that order. The code comes from the reward's imported pool, else is generated (`KITH-XXXX-XXXX`).",
      request: {
        headers: IdempotencyHeader,
        body: { content: { 'application/json': { schema: PointsRedeemBody } }, required: true },
      },
      responses: { 201: ok(PointsRedemptionSchema, 'Redeemed'), ...errorResponses(400, 401, 403, 404, 409, 422, 429) },
    }),
    async (c) => c.json(await redeem(db, c.get('shop').id, c.get('customerId'), c.req.valid('json').rewardId), 201),
  );

  return app;
}
