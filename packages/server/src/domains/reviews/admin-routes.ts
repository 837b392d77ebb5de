import { z } from '@hono/zod-openapi';
import type { AppDeps } from '../../env.js';
import { linksFor } from '../media/links.js';
import { jsonBody, newRouter, routes } from '../../router.js';
import { errorResponses, IdempotencyHeader } from '../../schemas/common.js';
import { AdminReviewsQuery, ReplyBody, ReviewIdParam, ReviewSchema, SettingsBody } from './schemas.js';
import { adminList, getSettings, moderationState, reply, setStatus, updateSettings } from './storage.js';

const reviewOk = { description: 'OK', content: { 'application/json': { schema: ReviewSchema } } };
const SettingsSchema = SettingsBody.required();

/** The merchant's server: review moderation and its rules. */
export function adminReviewsRouter(deps: AppDeps) {
  const { db } = deps;
  const app = newRouter();
  const { adminRoute } = routes(deps, 'Reviews: admin');

  app.openapi(
    adminRoute(
      {
        method: 'get',
        path: '/reviews',
        operationId: 'listReviewsForModeration',
        summary: 'The moderation queue',
        description:
          "Oldest first, keyset-paged, with each review's flags (`contact_or_link`, `duplicate_text`, `media`, `reported`). Photos of pending reviews: `GET /v1/admin/media/{id}`.",
        request: { query: AdminReviewsQuery },
        responses: {
          200: {
            description: 'OK',
            content: {
              'application/json': {
                schema: z.object({
                  items: z.array(ReviewSchema.extend({ flags: z.array(z.string()) })),
                  nextCursor: z.string().nullable(),
                }),
              },
            },
          },
          ...errorResponses(400, 401, 403),
        },
      },
      { moderation: true },
    ),
    async (c) => c.json(await adminList(db, c.get('shop').id, c.req.valid('query'), linksFor(deps, c)), 200),
  );

  for (const [action, status] of [
    ['approve', 'published'],
    ['reject', 'rejected'],
  ] as const) {
    app.openapi(
      adminRoute(
        {
          method: 'post',
          path: `/reviews/{id}/${action}`,
          operationId: action === 'approve' ? 'approveReview' : 'rejectReview',
          summary: action === 'approve' ? 'Publish a review' : 'Reject a review',
          request: { params: ReviewIdParam, headers: IdempotencyHeader },
          responses: { 200: reviewOk, ...errorResponses(401, 403, 404, 422, 429) },
        },
        { moderation: true },
      ),
      async (c) => {
        const { id } = c.req.valid('param');
        c.set('auditBefore', await moderationState(db, c.get('shop').id, id));
        return c.json(await setStatus(db, c.get('shop').id, id, status, linksFor(deps, c)), 200);
      },
    );
  }

  app.openapi(
    adminRoute(
      {
        method: 'post',
        path: '/reviews/{id}/reply',
        operationId: 'replyToReview',
        summary: 'Reply as the merchant',
        request: { params: ReviewIdParam, headers: IdempotencyHeader, body: jsonBody(ReplyBody) },
        responses: { 200: reviewOk, ...errorResponses(400, 401, 403, 404, 422, 429) },
      },
      { moderation: true },
    ),
    async (c) => {
      const { id } = c.req.valid('param');
      c.set('auditBefore', await moderationState(db, c.get('shop').id, id));
      return c.json(await reply(db, c.get('shop').id, id, c.req.valid('json').body, linksFor(deps, c)), 200);
    },
  );

  app.openapi(
    adminRoute({
      method: 'get',
      path: '/reviews/settings',
      operationId: 'getReviewSettings',
      summary: 'Moderation rules',
      responses: {
        200: { description: 'OK', content: { 'application/json': { schema: SettingsSchema } } },
        ...errorResponses(401, 403),
      },
    }),
    async (c) => c.json(await getSettings(db, c.get('shop').id), 200),
  );

  app.openapi(
    adminRoute({
      method: 'put',
      path: '/reviews/settings',
      operationId: 'updateReviewSettings',
      summary: 'Change moderation rules',
      request: { body: jsonBody(SettingsBody) },
      responses: {
        200: { description: 'OK', content: { 'application/json': { schema: SettingsSchema } } },
        ...errorResponses(400, 401, 403, 429),
      },
    }),
    async (c) => c.json(await updateSettings(db, c.get('shop').id, c.req.valid('json')), 200),
  );

  return app;
}
