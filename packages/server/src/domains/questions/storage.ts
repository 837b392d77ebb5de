import { randomUUID } from 'node:crypto';
import type { Db } from '../../db.js';
import { notFound } from '../../errors.js';
import { moderateText } from '../reviews/moderation.js';
import type {
  AdminAnswerResponse,
  AdminQuestionResponse,
  AnswerResponse,
  QuestionPageResponse,
  QuestionResponse,
} from './schemas.js';
import {
  afterTimeAndId,
  cursorTime,
  decodeCursor,
  encodeCursor,
  isCursorId,
  isCursorTime,
  params,
} from '../../storage/cursor.js';
import { getSettings } from '../reviews/storage.js';
import { checkSubmissionLimit } from '../reviews/submissions.js';
import { iso } from '../../time.js';

type Status = 'pending' | 'published' | 'rejected';
type QuestionRow = {
  id: string;
  product_id: string;
  display_name: string;
  body: string;
  status: Status;
  flags: string[];
  created_at: Date | string;
  cursor_at: string;
};
type AnswerRow = {
  id: string;
  question_id: string;
  display_name: string;
  body: string;
  role: 'customer' | 'merchant' | 'expert';
  verified: boolean;
  status: Status;
  flags: string[];
  created_at: Date | string;
  cursor_at: string;
};

const Q_COLUMNS = `id, product_id, display_name, body, status, flags, created_at, ${cursorTime('created_at')} AS cursor_at`;
const A_COLUMNS = `id, question_id, display_name, body, role, verified, status, flags, created_at, ${cursorTime('created_at')} AS cursor_at`;
/** Merchant and expert answers first, then oldest first. */
const ANSWER_ORDER = "(role = 'customer'), created_at, id";

const toAnswer = (r: AnswerRow): AnswerResponse => ({
  id: r.id,
  questionId: r.question_id,
  body: r.body,
  author: { displayName: r.display_name, role: r.role, verifiedBuyer: r.verified },
  createdAt: iso(r.created_at),
  status: r.status,
});

const toQuestion = (r: QuestionRow, answers: AnswerResponse[]): QuestionResponse => ({
  id: r.id,
  productId: r.product_id,
  body: r.body,
  author: { displayName: r.display_name },
  createdAt: iso(r.created_at),
  status: r.status,
  answers,
});

/** Answers per question, in display order; published ones only unless `all`. */
async function answersOf(
  db: Db,
  shopId: string,
  questionIds: readonly string[],
  all = false,
): Promise<Map<string, AnswerRow[]>> {
  const byQuestion = new Map<string, AnswerRow[]>();
  if (!questionIds.length) return byQuestion;
  const { rows } = await db.query<AnswerRow>(
    `SELECT ${A_COLUMNS} FROM answers WHERE shop_id = $1 AND question_id = ANY($2) ${all ? '' : "AND status = 'published'"} ORDER BY ${ANSWER_ORDER}`,
    [shopId, questionIds],
  );
  for (const r of rows) byQuestion.set(r.question_id, [...(byQuestion.get(r.question_id) ?? []), r]);
  return byQuestion;
}

/** Published questions of a product, newest first, keyset-paged, each with its published answers. */
export async function listQuestions(
  db: Db,
  shopId: string,
  productId: string,
  q: { cursor?: string; limit: number },
): Promise<QuestionPageResponse> {
  const { values, p } = params([shopId, productId]);
  const where = ['shop_id = $1', 'product_id = $2', "status = 'published'"];
  const countParams = [...values];
  if (q.cursor) {
    const [at, id] = decodeCursor(
      q.cursor,
      'questions',
      (v) => v.length === 2 && isCursorTime(v[0]) && isCursorId(v[1]),
    );
    where.push(afterTimeAndId(at as string, id as string, p));
  }
  const [{ rows }, total] = await Promise.all([
    db.query<QuestionRow>(
      `SELECT ${Q_COLUMNS} FROM questions WHERE ${where.join(' AND ')} ORDER BY created_at DESC, id LIMIT ${p(q.limit + 1)}`,
      values,
    ),
    db.query<{ n: string }>(
      "SELECT count(*) AS n FROM questions WHERE shop_id = $1 AND product_id = $2 AND status = 'published'",
      countParams,
    ),
  ]);
  const page = rows.slice(0, q.limit);
  const answers = await answersOf(
    db,
    shopId,
    page.map((r) => r.id),
  );
  const last = page.at(-1);
  return {
    items: page.map((r) => toQuestion(r, (answers.get(r.id) ?? []).map(toAnswer))),
    nextCursor: rows.length > q.limit && last ? encodeCursor('questions', [last.cursor_at, last.id]) : null,
    total: Number(total.rows[0]!.n),
  };
}

export interface NewText {
  readonly body: string;
  readonly displayName: string;
}

/** A customer's question: published unless it carries links or contact details. */
export async function createQuestion(
  db: Db,
  shopId: string,
  productId: string,
  customerId: string,
  ip: string,
  input: NewText,
): Promise<QuestionResponse> {
  const settings = await getSettings(db, shopId);
  return db.transaction(async (tx) => {
    await checkSubmissionLimit(tx, shopId, customerId, ip, settings.submissionsPerHour);
    const { status, flags } = moderateText(input.body);
    const { rows } = await tx.query<QuestionRow>(
      `INSERT INTO questions (shop_id, id, product_id, customer_id, display_name, body, status, flags, client_ip)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING ${Q_COLUMNS}`,
      [shopId, `q_${randomUUID()}`, productId, customerId, input.displayName, input.body, status, flags, ip],
    );
    return toQuestion(rows[0]!, []);
  });
}

/**
 * A customer's answer to a published question; a verified buyer when the customer has an order
 * with the question's product.
 */
export async function createAnswer(
  db: Db,
  shopId: string,
  questionId: string,
  customerId: string,
  ip: string,
  input: NewText,
): Promise<AnswerResponse> {
  const settings = await getSettings(db, shopId);
  return db.transaction(async (tx) => {
    const question = await tx.query<{ product_id: string }>(
      "SELECT product_id FROM questions WHERE shop_id = $1 AND id = $2 AND status = 'published'",
      [shopId, questionId],
    );
    if (!question.rows[0]) throw notFound(`Question ${questionId}`);
    await checkSubmissionLimit(tx, shopId, customerId, ip, settings.submissionsPerHour);
    const verified =
      (
        await tx.query(
          'SELECT 1 FROM orders o JOIN order_items i ON i.shop_id = o.shop_id AND i.order_id = o.id WHERE o.shop_id = $1 AND o.customer_id = $2 AND i.product_id = $3 LIMIT 1',
          [shopId, customerId, question.rows[0].product_id],
        )
      ).rows.length > 0;
    const { status, flags } = moderateText(input.body);
    const { rows } = await tx.query<AnswerRow>(
      `INSERT INTO answers (shop_id, id, question_id, customer_id, display_name, body, role, verified, status, flags, client_ip)
       VALUES ($1, $2, $3, $4, $5, $6, 'customer', $7, $8, $9, $10) RETURNING ${A_COLUMNS}`,
      [
        shopId,
        `ans_${randomUUID()}`,
        questionId,
        customerId,
        input.displayName,
        input.body,
        verified,
        status,
        flags,
        ip,
      ],
    );
    return toAnswer(rows[0]!);
  });
}

/** The merchant's or a named expert's answer, from the admin API: published at once. */
export async function staffAnswer(
  db: Db,
  shopId: string,
  questionId: string,
  input: NewText & { role: 'merchant' | 'expert' },
): Promise<AnswerResponse> {
  const { rows } = await db.query<AnswerRow>(
    `INSERT INTO answers (shop_id, id, question_id, display_name, body, role, status)
     SELECT $1, $2, id, $4, $5, $6, 'published' FROM questions WHERE shop_id = $1 AND id = $3
     RETURNING ${A_COLUMNS}`,
    [shopId, `ans_${randomUUID()}`, questionId, input.displayName, input.body, input.role],
  );
  if (!rows[0]) throw notFound(`Question ${questionId}`);
  return toAnswer(rows[0]);
}

/** The questions moderation queue, oldest first, with every answer and the flags. */
export async function adminQuestions(
  db: Db,
  shopId: string,
  q: { status: Status; cursor?: string; limit: number },
): Promise<{ items: AdminQuestionResponse[]; nextCursor: string | null }> {
  const { values, p } = params([shopId, q.status]);
  const where = ['shop_id = $1', 'status = $2'];
  if (q.cursor) {
    const [at, id] = decodeCursor(
      q.cursor,
      'question-queue',
      (v) => v.length === 2 && isCursorTime(v[0]) && isCursorId(v[1]),
    );
    where.push(afterTimeAndId(at as string, id as string, p, true));
  }
  const { rows } = await db.query<QuestionRow>(
    `SELECT ${Q_COLUMNS} FROM questions WHERE ${where.join(' AND ')} ORDER BY created_at, id LIMIT ${p(q.limit + 1)}`,
    values,
  );
  const page = rows.slice(0, q.limit);
  const answers = await answersOf(
    db,
    shopId,
    page.map((r) => r.id),
    true,
  );
  const last = page.at(-1);
  return {
    items: page.map((r) => ({
      ...toQuestion(r, []),
      flags: r.flags,
      answers: (answers.get(r.id) ?? []).map((a) => ({ ...toAnswer(a), flags: a.flags })),
    })),
    nextCursor: rows.length > q.limit && last ? encodeCursor('question-queue', [last.cursor_at, last.id]) : null,
  };
}

/** The answers moderation queue, oldest first. */
export async function adminAnswers(
  db: Db,
  shopId: string,
  q: { status: Status; cursor?: string; limit: number },
): Promise<{ items: AdminAnswerResponse[]; nextCursor: string | null }> {
  const { values, p } = params([shopId, q.status]);
  const where = ['shop_id = $1', 'status = $2'];
  if (q.cursor) {
    const [at, id] = decodeCursor(
      q.cursor,
      'answer-queue',
      (v) => v.length === 2 && isCursorTime(v[0]) && isCursorId(v[1]),
    );
    where.push(afterTimeAndId(at as string, id as string, p, true));
  }
  const { rows } = await db.query<AnswerRow>(
    `SELECT ${A_COLUMNS} FROM answers WHERE ${where.join(' AND ')} ORDER BY created_at, id LIMIT ${p(q.limit + 1)}`,
    values,
  );
  const page = rows.slice(0, q.limit);
  const last = page.at(-1);
  return {
    items: page.map((a) => ({ ...toAnswer(a), flags: a.flags })),
    nextCursor: rows.length > q.limit && last ? encodeCursor('answer-queue', [last.cursor_at, last.id]) : null,
  };
}

/** A question's or answer's status before moderation changes it (the audit log's `before`); undefined for an unknown id. */
export async function statusOf(
  db: Db,
  shopId: string,
  kind: 'question' | 'answer',
  id: string,
): Promise<{ status: string } | undefined> {
  const table = kind === 'question' ? 'questions' : 'answers';
  const { rows } = await db.query<{ status: string }>(`SELECT status FROM ${table} WHERE shop_id = $1 AND id = $2`, [
    shopId,
    id,
  ]);
  return rows[0] && { status: rows[0].status };
}

export async function setQuestionStatus(
  db: Db,
  shopId: string,
  id: string,
  status: 'published' | 'rejected',
): Promise<QuestionResponse> {
  const { rows } = await db.query<QuestionRow>(
    `UPDATE questions SET status = $3, updated_at = now() WHERE shop_id = $1 AND id = $2 RETURNING ${Q_COLUMNS}`,
    [shopId, id, status],
  );
  if (!rows[0]) throw notFound(`Question ${id}`);
  return toQuestion(rows[0], ((await answersOf(db, shopId, [id])).get(id) ?? []).map(toAnswer));
}

export async function setAnswerStatus(
  db: Db,
  shopId: string,
  id: string,
  status: 'published' | 'rejected',
): Promise<AnswerResponse> {
  const { rows } = await db.query<AnswerRow>(
    `UPDATE answers SET status = $3, updated_at = now() WHERE shop_id = $1 AND id = $2 RETURNING ${A_COLUMNS}`,
    [shopId, id, status],
  );
  if (!rows[0]) throw notFound(`Answer ${id}`);
  return toAnswer(rows[0]);
}
