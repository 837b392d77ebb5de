import { uuid, type Answer, type AnswerInput, type AnswerRole, type Page, type Question, type QuestionInput, type QuestionQuery } from '@kith/core';
import { keysetPage } from './cursor.js';
import { invalid, limitOf, notFound, text } from './errors.js';
import { postStatus } from './moderation.js';
import { hasBought } from './reviews.js';
import type { MemoryCustomer, MemorySeed } from './seed.js';

const time = (date: string) => Date.parse(date);
/** Merchant and expert answers first, then oldest first. */
const answerOrder = (a: Answer, b: Answer) =>
  Number(a.author.role === 'customer') - Number(b.author.role === 'customer') || time(a.createdAt) - time(b.createdAt) || (a.id < b.id ? -1 : 1);

/** Questions and answers, with the server's rules. Callers clone what they return. */
export function createQuestions(data: MemorySeed, now: () => number) {
  const questions = (): Question[] => (data.questions ??= []);
  const publishedAnswers = (q: Question): Question => ({ ...q, answers: q.answers.filter((a) => a.status === 'published').sort(answerOrder) });

  function addAnswer(questionId: string, onlyPublished: boolean, make: (q: Question) => Omit<Answer, 'id' | 'questionId' | 'createdAt'>): Answer {
    const all = questions();
    const i = all.findIndex((q) => q.id === questionId && (!onlyPublished || q.status === 'published'));
    if (i < 0) throw notFound(`Question ${questionId}`);
    const answer: Answer = { id: uuid(), questionId, createdAt: new Date(now()).toISOString(), ...make(all[i]!) };
    all[i] = { ...all[i]!, answers: [...all[i]!.answers, answer] };
    return answer;
  }

  return {
    /** Published questions, newest first, each with its published answers. */
    list(query: QuestionQuery): Page<Question> {
      const limit = limitOf(query.limit, 10);
      const items = questions().filter((q) => q.productId === query.productId && q.status === 'published');
      const page = keysetPage(items, (q) => [0, new Date(q.createdAt).toISOString(), q.id], query.cursor, limit);
      return { ...page, items: page.items.map(publishedAnswers) };
    },

    ask(input: QuestionInput): Question {
      const body = text(input.body, 'json.body', 10, 1000);
      const question: Question = {
        id: uuid(), productId: input.productId, body, author: { displayName: text(input.displayName, 'json.displayName', 1, 60) },
        createdAt: new Date(now()).toISOString(), status: postStatus(body), answers: [],
      };
      questions().push(question);
      return question;
    },

    /** A customer's answer to a published question; verified when they bought the product. */
    answer(customer: MemoryCustomer, input: AnswerInput): Answer {
      const body = text(input.body, 'json.body', 2, 2000);
      const displayName = text(input.displayName, 'json.displayName', 1, 60);
      return addAnswer(input.questionId, true, (q) => ({
        body, status: postStatus(body), author: { displayName, role: 'customer', verifiedBuyer: hasBought(data, customer.id, q.productId) },
      }));
    },

    /** The merchant's or a named expert's answer (the admin API): published at once. */
    answerAs(questionId: string, input: { readonly body: string; readonly displayName: string; readonly role: Exclude<AnswerRole, 'customer'> }): Answer {
      const body = text(input.body, 'json.body', 2, 2000);
      const displayName = text(input.displayName, 'json.displayName', 1, 60);
      if (input.role !== 'merchant' && input.role !== 'expert') throw invalid('json.role', 'merchant or expert');
      return addAnswer(questionId, false, () => ({ body, status: 'published', author: { displayName, role: input.role, verifiedBuyer: false } }));
    },
  };
}
