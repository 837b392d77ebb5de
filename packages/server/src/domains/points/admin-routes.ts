import { z } from '@hono/zod-openapi';
import type { AppDeps } from '../../env.js';
import { jsonBody, newRouter, ok, routes } from '../../router.js';
import { errorResponses, IdempotencyHeader } from '../../schemas/common.js';
import {
  PointsAdjustBody,
  PointsAdjustSchema,
  PointsAdminCustomerSchema,
  PointsAdminRewardSchema,
  PointsCustomerParam,
  PointsEarnBody,
  PointsEarnSchema,
  PointsHistoryQuery,
  PointsImportCodesBody,
  PointsImportCodesSchema,
  PointsProgramBody,
  PointsProgramSchema,
  PointsRewardIdParam,
  PointsCreateRewardBody,
  PointsUpdateRewardBody,
} from './schemas.js';
import { createReward, getProgram, importCodes, listRewards, putProgramSettings, updateReward } from './program.js';
import { adjustPoints, earnPoints, getCustomer } from './storage.js';

/** The merchant's points: the program, rewards and their code pools, adjustments, reported earns and each customer's ledger. */
export function adminPointsRouter(deps: AppDeps) {
  const { db } = deps;
  const app = newRouter();
  const { adminRoute } = routes(deps, 'Points: admin');

  app.openapi(
    adminRoute({
      method: 'get',
      path: '/points/program',
      operationId: 'getAdminPointsProgram',
      summary: 'The program as shoppers see it',
      responses: { 200: ok(PointsProgramSchema), ...errorResponses(401, 403) },
    }),
    async (c) => c.json(await getProgram(db, c.get('shop').id), 200),
  );

  app.openapi(
    adminRoute({
      method: 'put',
      path: '/points/program',
      operationId: 'updatePointsProgram',
      summary: 'Change the program',
      description:
        "Partial: `name`, `earn`, `tiers`, `expiryMonths` (null: never), `pendingDays`, `timeZone`, `termsUrl` (null clears). Earn: one rule per action; `purchase` needs `per`; `streakBonus` only on `check_in`. Tiers: 1 to 10, the first at 0, strictly ascending, unique ids, and still holding every active reward's tier. The time zone must be an IANA zone. Changes apply to new entries; earned entries keep their expiry.",
      request: { body: jsonBody(PointsProgramBody) },
      responses: { 200: ok(PointsProgramSchema), ...errorResponses(400, 401, 403, 429) },
    }),
    async (c) => c.json(await putProgramSettings(db, c.get('shop').id, c.req.valid('json')), 200),
  );

  app.openapi(
    adminRoute({
      method: 'get',
      path: '/points/rewards',
      operationId: 'listRewards',
      summary: 'Every reward',
      description: "Active and inactive, cheapest first, each with its set stock and its code pool's counts.",
      responses: { 200: ok(z.object({ items: z.array(PointsAdminRewardSchema) })), ...errorResponses(401, 403) },
    }),
    async (c) => c.json({ items: await listRewards(db, c.get('shop').id) }, 200),
  );

  app.openapi(
    adminRoute({
      method: 'post',
      path: '/points/rewards',
      operationId: 'createReward',
      summary: 'Add a reward',
      description:
        '`coupon` rewards carry `coupon` (exactly one of `amountOff` and `percentOff`); perks carry none. `stock` absent: unlimited. `tierId` must be a tier of the program. 409 `already_exists` for a taken id.',
      request: { headers: IdempotencyHeader, body: jsonBody(PointsCreateRewardBody) },
      responses: { 201: ok(PointsAdminRewardSchema, 'Created'), ...errorResponses(400, 401, 403, 409, 422, 429) },
    }),
    async (c) => c.json(await createReward(db, c.get('shop').id, c.req.valid('json')), 201),
  );

  app.openapi(
    adminRoute({
      method: 'patch',
      path: '/points/rewards/{id}',
      operationId: 'updateReward',
      summary: 'Change a reward',
      description:
        'Partial; `null` clears `description`, `coupon`, `stock` and `tierId`; `active: false` withdraws it. Redemptions already made keep their title and coupon.',
      request: { params: PointsRewardIdParam, body: jsonBody(PointsUpdateRewardBody) },
      responses: { 200: ok(PointsAdminRewardSchema), ...errorResponses(400, 401, 403, 404, 429) },
    }),
    async (c) => c.json(await updateReward(db, c.get('shop').id, c.req.valid('param').id, c.req.valid('json')), 200),
  );

  app.openapi(
    adminRoute({
      method: 'post',
      path: '/points/rewards/{id}/codes',
      operationId: 'importRewardCodes',
      summary: 'Import codes for a reward',
      description:
        'Up to 10,000 codes (4 to 64 of `A-Za-z0-9-_`). Redemptions hand them out oldest first; once a pool was imported, an empty pool is out of stock (no codes are generated). A code already in a pool of the shop, or repeated, counts in `duplicates`.',
      request: { params: PointsRewardIdParam, headers: IdempotencyHeader, body: jsonBody(PointsImportCodesBody) },
      responses: { 200: ok(PointsImportCodesSchema, 'Imported'), ...errorResponses(400, 401, 403, 404, 422, 429) },
    }),
    async (c) =>
      c.json(await importCodes(db, c.get('shop').id, c.req.valid('param').id, c.req.valid('json').codes), 200),
  );

  app.openapi(
    adminRoute({
      method: 'post',
      path: '/points/adjust',
      operationId: 'adjustPoints',
      summary: 'Add or remove points',
      description:
        'An `adjust` entry with your `note` (shown to the customer). Positive adjustments expire like earned points; a negative one beyond the balance is refused with 409 `insufficient_points`.',
      request: { headers: IdempotencyHeader, body: jsonBody(PointsAdjustBody) },
      responses: { 201: ok(PointsAdjustSchema, 'Adjusted'), ...errorResponses(400, 401, 403, 409, 422, 429) },
    }),
    async (c) => c.json(await adjustPoints(db, c.get('shop').id, c.req.valid('json')), 201),
  );

  app.openapi(
    adminRoute({
      method: 'post',
      path: '/points/earn',
      operationId: 'reportPointsEarn',
      summary: 'Report a share or a referral',
      description:
        "Earns the program's rule for the action once per `sourceId`: a repeat answers `duplicate: true`, and over the rule's `dailyCap` (in the program's time zone) `capped: true`, both with `entry: null` and nothing written. 409 `not_in_program` when the program has no rule for the action.",
      request: { headers: IdempotencyHeader, body: jsonBody(PointsEarnBody) },
      responses: { 200: ok(PointsEarnSchema), ...errorResponses(400, 401, 403, 409, 422, 429) },
    }),
    async (c) => c.json(await earnPoints(db, c.get('shop').id, c.req.valid('json')), 200),
  );

  app.openapi(
    adminRoute({
      method: 'get',
      path: '/points/customers/{customerId}',
      operationId: 'getCustomerPoints',
      summary: "One customer's account and history",
      description:
        'The account as the customer sees it and the first page of their ledger (`cursor` for more). A customer with no entries has an empty account.',
      request: { params: PointsCustomerParam, query: PointsHistoryQuery },
      responses: { 200: ok(PointsAdminCustomerSchema), ...errorResponses(400, 401, 403) },
    }),
    async (c) =>
      c.json(await getCustomer(db, c.get('shop').id, c.req.valid('param').customerId, c.req.valid('query')), 200),
  );

  return app;
}
