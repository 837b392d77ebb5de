import { z } from '@hono/zod-openapi';
import type { AppDeps } from '../../env.js';
import { jsonBody, newRouter, optionalJson, routes } from '../../router.js';
import { errorResponses, IdempotencyHeader, MoneySchema } from '../../schemas/common.js';
import { AdminTeamSchema } from '../group-buy/schemas.js';
import { PointsOrderPointsSchema } from '../points/schemas.js';
import { OrderReferralSchema } from '../referrals/schemas.js';
import { CreateOrderBody, OrderIdParam, OrderRefundSchema, RefundOrderBody } from './schemas.js';
import { confirmSeat, recordOrder, refundOrder } from './storage.js';

const OrderSchema = z.object({
  id: z.string(),
  customerId: z.string(),
  productIds: z.array(z.string()),
  total: MoneySchema.optional(),
  teamId: z.string().optional(),
  team: AdminTeamSchema.optional().openapi({ description: 'With `teamId`: the team after the seat was confirmed' }),
  points: PointsOrderPointsSchema.nullable().openapi({
    description: 'The purchase points the total earned (pending until `availableAt`); null when it earns none',
  }),
  referral: OrderReferralSchema.nullable().openapi({
    description:
      'With `referralCode`: the conversion decided (its status and reasons), or `already_referred` / `unknown_code`; null without a code',
  }),
});

/** The merchant's server reports orders (the proof behind "verified", purchase points, referrals, group-buy seats) and refunds. */
export function adminOrdersRouter(deps: AppDeps) {
  const { db } = deps;
  const app = newRouter();
  const { adminRoute } = routes(deps, 'Orders: admin');

  app.openapi(
    adminRoute({
      method: 'post',
      path: '/orders',
      operationId: 'reportOrder',
      summary: 'Report an order',
      description:
        "Your backend reports each order (customer and products); reviews of those products by that customer are then verified. With `total` in the points program's purchase currency, it earns purchase points (floor(total / per) × points), pending until `placedAt` + the program's `pendingDays` (`points` in the answer). With `teamId`, the order confirms the customer's held seat in that group-buy team in the same transaction (which may make the team succeed, reach a tier or close, pushed to its stream, and earn its members the campaign's reward points); `409 seat_not_held` records nothing. The same id twice is a 409 `already_exists`.",
      request: { headers: IdempotencyHeader, body: jsonBody(CreateOrderBody) },
      responses: {
        201: { description: 'Recorded', content: { 'application/json': { schema: OrderSchema } } },
        ...errorResponses(400, 401, 403, 404, 409, 422, 429),
      },
    }),
    async (c) => {
      const { teamId, ...order } = c.req.valid('json');
      const shopId = c.get('shop').id;
      return c.json(teamId ? await confirmSeat(db, shopId, teamId, order) : await recordOrder(db, shopId, order), 201);
    },
  );

  app.openapi(
    adminRoute({
      method: 'post',
      path: '/orders/{id}/refund',
      operationId: 'refundOrder',
      summary: "Report an order's refund",
      description:
        "The whole order, once (409 `already_refunded`; 404 unknown order). Its purchase points are reversed: in full while still pending (the reversal stays pending with them, net 0), otherwise as many as the balance holds, with the rest (already spent) as `shortfall`. Its referral conversion is reversed too (`referral`): an approved one takes the advocate's referral points back (never below 0) or, for a coupon, sends `referral.reversed`. No body needed.",
      // No body is declared: the JSON validator would refuse an empty one sent with a JSON content type.
      request: { params: OrderIdParam, headers: IdempotencyHeader },
      responses: {
        200: { description: 'Refunded', content: { 'application/json': { schema: OrderRefundSchema } } },
        ...errorResponses(400, 401, 403, 404, 409, 422, 429),
      },
    }),
    async (c) => {
      await optionalJson(c, RefundOrderBody);
      return c.json(await refundOrder(db, c.get('shop').id, c.req.valid('param').id), 200);
    },
  );

  return app;
}
