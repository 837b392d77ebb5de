import { z } from '@hono/zod-openapi';
import type { AppDeps } from '../../env.js';
import { newRouter, ok, routes } from '../../router.js';
import { errorResponses, IdempotencyHeader } from '../../schemas/common.js';
import {
  AdminAnswerSchema,
  AdminQueueQuery,
  AdminQuestionSchema,
  AnswerIdParam,
  AnswerSchema,
  QuestionIdParam,
  QuestionSchema,
  StaffAnswerBody,
} from './schemas.js';
import { adminAnswers, adminQuestions, setAnswerStatus, setQuestionStatus, staffAnswer, statusOf } from './storage.js';

const page = <T extends z.ZodType>(item: T) => ({
  description: 'OK',
  content: { 'application/json': { schema: z.object({ items: z.array(item), nextCursor: z.string().nullable() }) } },
});

/** Q&A moderation and the merchant's (or a named expert's) answers. */
export function adminQuestionsRouter(deps: AppDeps) {
  const { db } = deps;
  const app = newRouter();
  const { adminRoute } = routes(deps, 'Questions: admin');

  app.openapi(
    adminRoute(
      {
        method: 'get',
        path: '/questions',
        operationId: 'listQuestionsForModeration',
        summary: 'The questions moderation queue',
        description: 'Oldest first, keyset-paged, each with every answer (any status) and the flags.',
        request: { query: AdminQueueQuery },
        responses: { 200: page(AdminQuestionSchema), ...errorResponses(400, 401, 403) },
      },
      { moderation: true },
    ),
    async (c) => c.json(await adminQuestions(db, c.get('shop').id, c.req.valid('query')), 200),
  );

  app.openapi(
    adminRoute(
      {
        method: 'get',
        path: '/answers',
        operationId: 'listAnswersForModeration',
        summary: 'The answers moderation queue',
        request: { query: AdminQueueQuery },
        responses: { 200: page(AdminAnswerSchema), ...errorResponses(400, 401, 403) },
      },
      { moderation: true },
    ),
    async (c) => c.json(await adminAnswers(db, c.get('shop').id, c.req.valid('query')), 200),
  );

  for (const [action, status] of [
    ['approve', 'published'],
    ['reject', 'rejected'],
  ] as const) {
    app.openapi(
      adminRoute(
        {
          method: 'post',
          path: `/questions/{id}/${action}`,
          operationId: action === 'approve' ? 'approveQuestion' : 'rejectQuestion',
          summary: action === 'approve' ? 'Publish a question' : 'Reject a question',
          request: { params: QuestionIdParam, headers: IdempotencyHeader },
          responses: { 200: ok(QuestionSchema), ...errorResponses(401, 403, 404, 422, 429) },
        },
        { moderation: true },
      ),
      async (c) => {
        const { id } = c.req.valid('param');
        c.set('auditBefore', await statusOf(db, c.get('shop').id, 'question', id));
        return c.json(await setQuestionStatus(db, c.get('shop').id, id, status), 200);
      },
    );
    app.openapi(
      adminRoute(
        {
          method: 'post',
          path: `/answers/{id}/${action}`,
          operationId: action === 'approve' ? 'approveAnswer' : 'rejectAnswer',
          summary: action === 'approve' ? 'Publish an answer' : 'Reject an answer',
          request: { params: AnswerIdParam, headers: IdempotencyHeader },
          responses: { 200: ok(AnswerSchema), ...errorResponses(401, 403, 404, 422, 429) },
        },
        { moderation: true },
      ),
      async (c) => {
        const { id } = c.req.valid('param');
        c.set('auditBefore', await statusOf(db, c.get('shop').id, 'answer', id));
        return c.json(await setAnswerStatus(db, c.get('shop').id, id, status), 200);
      },
    );
  }

  app.openapi(
    adminRoute(
      {
        method: 'post',
        path: '/questions/{id}/answers',
        operationId: 'answerQuestionAsStaff',
        summary: 'Answer as the merchant or a named expert',
        description: "Published at once and listed before customers' answers, with the role as a badge.",
        request: {
          params: QuestionIdParam,
          headers: IdempotencyHeader,
          body: { content: { 'application/json': { schema: StaffAnswerBody } }, required: true },
        },
        responses: { 201: ok(AnswerSchema), ...errorResponses(400, 401, 403, 404, 422, 429) },
      },
      { moderation: true },
    ),
    async (c) => c.json(await staffAnswer(db, c.get('shop').id, c.req.valid('param').id, c.req.valid('json')), 201),
  );

  return app;
}
