import type { AppDeps } from '../../env.js';
import { clientIp } from '../../middleware/client-ip.js';
import { jsonBody, newRouter, ok, optionalJson, routes } from '../../router.js';
import { errorResponses, IdempotencyHeader } from '../../schemas/common.js';
import {
  CodeParam,
  CreateLinkBody,
  ReferralLinkSchema,
  ReferralOfferSchema,
  ReferralStatsSchema,
  VisitBody,
  VisitSchema,
} from './schemas.js';
import { createLink, getOffer, getStats, recordVisit } from './storage.js';

/** Referrals for shoppers: the advocate's link and stats, the friend's offer and visits. */
export function referralsRouter(deps: AppDeps) {
  const { db } = deps;
  const app = newRouter();
  const { publicRoute, customerRoute } = routes(deps, 'Referrals');

  // Registered before `/referrals/{code}`, which would otherwise take "me" for a code.
  app.openapi(
    customerRoute({
      method: 'get',
      path: '/referrals/me',
      operationId: 'getReferralStats',
      summary: "The customer's referral stats",
      description:
        'Code (null before any link), clicks (visits), sign-ups, conversions (pending, flagged and approved), rewards pending (pending and flagged) and approved, and the 20 newest conversions of any status. Conversions whose return window has passed are approved first.',
      responses: { 200: ok(ReferralStatsSchema), ...errorResponses(401, 403) },
    }),
    async (c) => c.json(await getStats(db, c.get('shop').id, c.get('customerId')), 200),
  );

  app.openapi(
    customerRoute({
      method: 'post',
      path: '/referrals/links',
      operationId: 'createReferralLink',
      summary: "The customer's personal link",
      description:
        "The same code every time (made on the first call, 201; later calls 200). The url is `url` (absolute http or https), else the shop's `landingUrl`, else the request's Origin + `/`, with `kith_ref=CODE` set in its query (other parameters kept); none of them: 400 `landing_url_required`. `displayName` (1 to 40) is how friends see the advocate; a later call that sends one replaces it. `incentive` is null while the program is disabled. Making a code sends webhook `referral.link_created`.",
      request: { headers: IdempotencyHeader, body: jsonBody(CreateLinkBody) },
      responses: {
        200: ok(ReferralLinkSchema),
        201: ok(ReferralLinkSchema, 'Created'),
        ...errorResponses(400, 401, 403, 422, 429),
      },
    }),
    async (c) => {
      const { link, created } = await createLink(
        db,
        c.get('shop').id,
        c.get('customerId'),
        c.req.valid('json'),
        c.req.header('origin'),
      );
      return created ? c.json(link, 201) : c.json(link, 200);
    },
  );

  app.openapi(
    publicRoute({
      method: 'get',
      path: '/referrals/{code}',
      operationId: 'getReferralOffer',
      summary: 'The offer behind a code',
      description:
        "For the friend's landing banner; the code in any case. 404 `not_found` for an unknown or blocked code or when the program is disabled; 404 `code_capped` when the code has had `maxConversionsPerCode` conversions.",
      request: { params: CodeParam },
      responses: { 200: ok(ReferralOfferSchema), ...errorResponses(400, 401, 403, 404) },
    }),
    async (c) => c.json(await getOffer(db, c.get('shop').id, c.req.valid('param').code), 200),
  );

  app.openapi(
    publicRoute({
      method: 'post',
      path: '/referrals/{code}/visits',
      operationId: 'recordReferralVisit',
      summary: 'Record a visit through a code',
      description:
        "Counted as a click once per visitor: only when neither its `sessionId` (a random id the page keeps for the browser session) nor its network address and browser for the day was seen for the code; again: 200 `counted: false` with the first visit's id. At most the shop's `visitsPerHour` are counted per code in any hour; more: 200 `counted: false`, `visitId: null`, reported in `GET /v1/admin/referrals/visit-bursts`. Stores the code, the time, the landing URL's path and a salted hash of the visitor (no query, IP or customer). 404 unknown code.",
      // The body `{ landingUrl?, sessionId? }` is optional: read with optionalJson, since the JSON validator would refuse an empty one.
      request: { params: CodeParam, headers: IdempotencyHeader },
      responses: {
        200: ok(VisitSchema, 'Not counted: seen before, or over the hourly cap'),
        201: ok(VisitSchema, 'Counted'),
        ...errorResponses(400, 401, 403, 404, 422, 429),
      },
    }),
    async (c) => {
      const { landingUrl, sessionId } = await optionalJson(c, VisitBody);
      const visit = await recordVisit(
        db,
        c.get('shop').id,
        c.req.valid('param').code,
        { landingUrl },
        { sessionId, ip: clientIp(c), userAgent: c.req.header('user-agent') },
      );
      return visit.counted ? c.json(visit, 201) : c.json(visit, 200);
    },
  );

  return app;
}
