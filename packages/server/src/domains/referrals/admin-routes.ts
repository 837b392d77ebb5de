import { z } from '@hono/zod-openapi';
import type { AppDeps } from '../../env.js';
import { jsonBody, newRouter, ok, routes } from '../../router.js';
import { errorResponses, IdempotencyHeader } from '../../schemas/common.js';
import {
  AdminConversionSchema,
  AdminConversionsQuery,
  ConversionIdParam,
  ReferralSettingsBody,
  ReferralSettingsSchema,
  SignupBody,
  SignupSchema,
  VisitBurstSchema,
  VisitBurstsQuery,
} from './schemas.js';
import {
  adminList,
  approveConversion,
  conversionStatus,
  denyConversion,
  getSettings,
  putSettings,
  reportSignup,
  visitBursts,
} from './storage.js';

/** The merchant's referrals: settings, sign-ups, and the review of flagged conversions. */
export function adminReferralsRouter(deps: AppDeps) {
  const { db } = deps;
  const app = newRouter();
  const { adminRoute } = routes(deps, 'Referrals: admin');

  app.openapi(
    adminRoute({
      method: 'get',
      path: '/referrals/settings',
      operationId: 'getReferralSettings',
      summary: 'The referral program',
      responses: { 200: ok(ReferralSettingsSchema), ...errorResponses(401, 403) },
    }),
    async (c) => c.json(await getSettings(db, c.get('shop').id), 200),
  );

  app.openapi(
    adminRoute({
      method: 'put',
      path: '/referrals/settings',
      operationId: 'updateReferralSettings',
      summary: 'Change the referral program',
      description:
        "Partial: keys sent replace what is set (`incentive` key by key; `termsUrl: null` clears it). Rewards: a coupon has exactly one of `amountOff` and `percentOff` (1 to 100); points need a positive whole number. Limits are positive integers; `returnDays` 0 to 365; `landingUrl` absolute http(s) or null. Defaults: the advocate earns the points program's referral points (when it has that rule) and `returnDays` is its `pendingDays`.",
      request: { body: jsonBody(ReferralSettingsBody) },
      responses: { 200: ok(ReferralSettingsSchema), ...errorResponses(400, 401, 403, 429) },
    }),
    async (c) => c.json(await putSettings(db, c.get('shop').id, c.req.valid('json')), 200),
  );

  app.openapi(
    adminRoute({
      method: 'post',
      path: '/referrals/signups',
      operationId: 'reportReferralSignup',
      summary: 'Report a sign-up through a code',
      description:
        "Once per customer: a second report is a no-op (`recorded: false`), as is the advocate's own sign-up. 404 unknown code.",
      request: { headers: IdempotencyHeader, body: jsonBody(SignupBody) },
      responses: { 200: ok(SignupSchema), ...errorResponses(400, 401, 403, 404, 422, 429) },
    }),
    async (c) => {
      const { code, customerId } = c.req.valid('json');
      return c.json(await reportSignup(db, c.get('shop').id, code, customerId), 200);
    },
  );

  app.openapi(
    adminRoute(
      {
        method: 'get',
        path: '/referrals/visit-bursts',
        operationId: 'listReferralVisitBursts',
        summary: 'Codes whose visits hit the hourly cap',
        description:
          'Each hour of the last `days` (1 to 90, default 7) in which a code had visits refused by `visitsPerHour`, newest first (at most 500): the code, its advocate, the hour (UTC), the visits counted and refused in it. A flood of one link (scripted clicks, a link posted to a coupon site) shows here.',
        request: { query: VisitBurstsQuery },
        responses: { 200: ok(z.object({ items: z.array(VisitBurstSchema) })), ...errorResponses(400, 401, 403) },
      },
      { moderation: true },
    ),
    async (c) => c.json(await visitBursts(db, c.get('shop').id, c.req.valid('query').days), 200),
  );

  app.openapi(
    adminRoute(
      {
        method: 'get',
        path: '/referrals',
        operationId: 'listReferralConversions',
        summary: 'Conversions, for review',
        description:
          'Oldest first, keyset-paged, optionally of one `status` (`flagged`: the review queue), each with its reasons, order and both customers.',
        request: { query: AdminConversionsQuery },
        responses: {
          200: ok(z.object({ items: z.array(AdminConversionSchema), nextCursor: z.string().nullable() })),
          ...errorResponses(400, 401, 403),
        },
      },
      { moderation: true },
    ),
    async (c) => c.json(await adminList(db, c.get('shop').id, c.req.valid('query')), 200),
  );

  // The merchant's two decisions on a conversion; the audit log keeps the status each found.
  for (const [action, operationId, decide, summary, description] of [
    [
      'approve',
      'approveReferral',
      approveConversion,
      'Accept a flagged conversion',
      'Rewarded now when its return window has passed, else pending until then. Only a flagged conversion: 409 `illegal_transition` otherwise.',
    ],
    [
      'deny',
      'denyReferral',
      denyConversion,
      'Refuse a conversion',
      'A flagged or pending conversion becomes denied (reason `denied_by_merchant`); 409 `illegal_transition` otherwise.',
    ],
  ] as const) {
    app.openapi(
      adminRoute(
        {
          method: 'post',
          path: `/referrals/{id}/${action}`,
          operationId,
          summary,
          description,
          request: { params: ConversionIdParam, headers: IdempotencyHeader },
          responses: { 200: ok(AdminConversionSchema), ...errorResponses(401, 403, 404, 409, 422, 429) },
        },
        { moderation: true },
      ),
      async (c) => {
        const { id } = c.req.valid('param');
        c.set('auditBefore', await conversionStatus(db, c.get('shop').id, id));
        return c.json(await decide(db, c.get('shop').id, id), 200);
      },
    );
  }

  return app;
}
