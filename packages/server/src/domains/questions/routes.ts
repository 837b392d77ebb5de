import type { AppDeps } from '../../env.js';
import { clientIp } from '../../middleware/client-ip.js';
import { jsonBody, newRouter, routes } from '../../router.js';
import { errorResponses, IdempotencyHeader, ProductParam } from '../../schemas/common.js';
import {
  AnswerSchema,
  CreateAnswerBody,
  CreateQuestionBody,
  ListQuestionsQuery,
  QuestionIdParam,
  QuestionPageSchema,
  QuestionSchema,
} from './schemas.js';
import { createAnswer, createQuestion, listQuestions } from './storage.js';

/** Product Q&A: public reads, customers' questions and answers (merchants answer through the admin API). */
export function questionsRouter(deps: AppDeps) {
  const { db } = deps;
  const app = newRouter();
  const { publicRoute, customerRoute } = routes(deps, 'Questions');

  app.openapi(
    publicRoute({
      method: 'get',
      path: '/products/{id}/questions',
      operationId: 'listQuestions',
      summary: 'Published questions of a product, with their answers',
      description:
        'Newest first, keyset-paged (`cursor`, `limit` 1–50, default 10). Each carries its published answers, merchant and expert answers first, then oldest first.',
      request: { params: ProductParam, query: ListQuestionsQuery },
      responses: {
        200: { description: 'A page', content: { 'application/json': { schema: QuestionPageSchema } } },
        ...errorResponses(400, 401, 403),
      },
    }),
    async (c) => c.json(await listQuestions(db, c.get('shop').id, c.req.valid('param').id, c.req.valid('query')), 200),
  );

  app.openapi(
    customerRoute({
      method: 'post',
      path: '/products/{id}/questions',
      operationId: 'askQuestion',
      summary: 'Ask a question',
      description:
        "Published at once, unless it carries links or contact details (then `pending`). Counts toward the shop's hourly submissions per customer and IP.",
      request: { params: ProductParam, headers: IdempotencyHeader, body: jsonBody(CreateQuestionBody) },
      responses: {
        201: { description: 'Created', content: { 'application/json': { schema: QuestionSchema } } },
        ...errorResponses(400, 401, 403, 422, 429),
      },
    }),
    async (c) =>
      c.json(
        await createQuestion(
          db,
          c.get('shop').id,
          c.req.valid('param').id,
          c.get('customerId'),
          clientIp(c),
          c.req.valid('json'),
        ),
        201,
      ),
  );

  app.openapi(
    customerRoute({
      method: 'post',
      path: '/questions/{id}/answers',
      operationId: 'answerQuestion',
      summary: 'Answer a question as a customer',
      description:
        "Role `customer`; `verifiedBuyer` when the customer has an order with the question's product. Only published questions take answers (404 otherwise).",
      request: { params: QuestionIdParam, headers: IdempotencyHeader, body: jsonBody(CreateAnswerBody) },
      responses: {
        201: { description: 'Created', content: { 'application/json': { schema: AnswerSchema } } },
        ...errorResponses(400, 401, 403, 404, 422, 429),
      },
    }),
    async (c) =>
      c.json(
        await createAnswer(
          db,
          c.get('shop').id,
          c.req.valid('param').id,
          c.get('customerId'),
          clientIp(c),
          c.req.valid('json'),
        ),
        201,
      ),
  );

  return app;
}
