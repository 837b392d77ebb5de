import { z } from '@hono/zod-openapi';
import { cursor, isoDate, pageLimit } from '../../schemas/common.js';

const status = z.enum(['pending', 'published', 'rejected']);
const displayName = z.string().trim().min(1).max(60);

export const AnswerSchema = z
  .object({
    id: z.string(),
    questionId: z.string(),
    body: z.string().openapi({ description: 'Plain text as written; render it as text' }),
    author: z.object({
      displayName: z.string(),
      role: z.enum(['customer', 'merchant', 'expert']),
      verifiedBuyer: z.boolean().openapi({ description: "A customer with an order containing the question's product" }),
    }),
    createdAt: isoDate,
    status,
  })
  .openapi('Answer');

export const QuestionSchema = z
  .object({
    id: z.string(),
    productId: z.string(),
    body: z.string().openapi({ description: 'Plain text as written; render it as text' }),
    author: z.object({ displayName: z.string() }),
    createdAt: isoDate,
    status,
    answers: z
      .array(AnswerSchema)
      .openapi({ description: 'Published answers: merchant and expert first, then oldest first' }),
  })
  .openapi('Question');

export const QuestionPageSchema = z
  .object({ items: z.array(QuestionSchema), nextCursor: z.string().nullable(), total: z.number().int() })
  .openapi('QuestionPage');

const flags = z.array(z.string()).openapi({ description: 'Why it waits: `contact_or_link`' });
export const AdminQuestionSchema = QuestionSchema.extend({
  flags,
  answers: z.array(AnswerSchema.extend({ flags })).openapi({ description: 'Every answer, whatever its status' }),
}).openapi('AdminQuestion');
export const AdminAnswerSchema = AnswerSchema.extend({ flags }).openapi('AdminAnswer');

export const QuestionIdParam = z.object({
  id: z
    .string()
    .min(1)
    .max(100)
    .openapi({ param: { name: 'id', in: 'path' } }),
});
export const AnswerIdParam = QuestionIdParam;

export const ListQuestionsQuery = z.object({
  cursor,
  limit: pageLimit(50, 10),
});

export const AdminQueueQuery = z.object({
  status: status.default('pending').openapi({ param: { name: 'status', in: 'query' } }),
  cursor,
  limit: pageLimit(100, 50),
});

export const CreateQuestionBody = z
  .object({ body: z.string().trim().min(10).max(1000), displayName })
  .openapi('CreateQuestion');

export const CreateAnswerBody = z
  .object({ body: z.string().trim().min(2).max(2000), displayName })
  .openapi('CreateAnswer');

export const StaffAnswerBody = CreateAnswerBody.extend({
  role: z.enum(['merchant', 'expert']).openapi({ description: 'Badged in the widget; shown before customer answers' }),
}).openapi('StaffAnswer');

export type AnswerResponse = z.infer<typeof AnswerSchema>;
export type QuestionResponse = z.infer<typeof QuestionSchema>;
export type QuestionPageResponse = z.infer<typeof QuestionPageSchema>;
export type AdminQuestionResponse = z.infer<typeof AdminQuestionSchema>;
export type AdminAnswerResponse = z.infer<typeof AdminAnswerSchema>;
