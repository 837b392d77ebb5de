import { css, html, nothing, type PropertyValues } from 'lit';
import {
  emit,
  explainedCode,
  I18nController,
  intent,
  KithElement,
  registerStrings,
  SessionController,
  StoreController,
  type Answer,
  type AuthErrorCode,
  type CommonErrorCode,
  type ErrorStrings,
  type KithAdapter,
  type MessageValues,
  type Question,
  type QuestionErrorCode,
  type StringTable,
} from '@kith/core';
import { pages } from '@kith/core/pages';

/**
 * The refusals of a question or answer that the form explains (`error.<code>`); anything else is
 * `error.failed`. Every 401 reads as `customer_token_required`.
 */
const EXPLAINED = ['customer_token_required', 'review_rate_limited', 'rate_limited'] as const satisfies readonly (
  QuestionErrorCode | AuthErrorCode | CommonErrorCode
)[];
/** What every locale's table must say: one message per explained code. */
export type QuestionProblems = ErrorStrings<(typeof EXPLAINED)[number]>;

registerStrings('review-questions', 'en', {
  heading: 'Questions and answers',
  ask: 'Ask a question',
  question: 'Your question',
  questionHint: "At least {min} characters. Please don't include contact details.",
  name: 'Name shown with your question',
  answerName: 'Name shown with your answer',
  submitQuestion: 'Post question',
  answer: 'Answer',
  answerLabel: 'Your answer to: {question}',
  submitAnswer: 'Post answer',
  cancel: 'Cancel',
  'role.merchant': 'Shop',
  'role.expert': 'Expert',
  verified: 'Verified buyer',
  'answers.one': '{count} answer',
  'answers.other': '{count} answers',
  noAnswers: 'No answers yet.',
  more: 'More questions',
  empty: 'No questions yet. Ask the first one.',
  loading: 'Loading questions…',
  error: 'Questions could not be loaded.',
  retry: 'Try again',
  'posted.published': 'Thank you! It is now visible.',
  'posted.pending': 'Thank you! It will appear once a person has checked it.',
  'error.short': 'Write at least {min} characters.',
  'error.name': 'Enter the name to show.',
  'error.customer_token_required': 'Please sign in to post it. What you wrote stays here.',
  signInToAsk: 'Sign in to ask or answer a question.',
  signIn: 'Sign in',
  signInNewTab: 'Sign in (opens in a new tab)',
  'error.review_rate_limited': 'Too many posts from here right now. Please try again later.',
  'error.rate_limited': 'Too many posts from here right now. Please try again later.',
  'error.failed': 'That could not be sent. Please try again.',
} satisfies StringTable & QuestionProblems);
registerStrings('review-questions', 'zh-CN', () => import('./questions.zh-CN.js'));
registerStrings('review-questions', 'zh-TW', () => import('./questions.zh-TW.js'));

const QUESTION_MIN = 10;
const ANSWER_MIN = 2;

/**
 * The Q&A tab of `<kith-reviews>`, loaded when a shopper opens it: questions with their answers
 * (the shop's and experts' badged and listed first), paging, and forms to ask and to answer.
 *
 * @tag kith-review-questions
 * @summary Product Q&A used inside `<kith-reviews>`; loaded on demand.
 * @status experimental
 * @since 0.1
 *
 * @event {CustomEvent<{ question: Question }>} kith-question-asked - A question was accepted (published or pending).
 * @event {CustomEvent<{ answer: Answer }>} kith-answer-posted - An answer was accepted (published or pending).
 */
export class KithReviewQuestions extends KithElement {
  static override styles = [
    ...KithElement.styles,
    css`
      :host { display: block; }
      h3 { font-size: 1.1em; margin: 0 0 var(--_space-s); }
      ul { list-style: none; margin: 0; padding: 0; }
      [part='question'] { padding: var(--_space-m) 0; border-block-end: 1px solid var(--_border); }
      .q { font-weight: 600; white-space: pre-line; overflow-wrap: anywhere; margin: 0; }
      .meta { color: var(--_muted); font-size: 0.875em; margin: var(--_space-xs) 0; }
      [part='answers'] { margin-inline-start: var(--_space-m); padding-inline-start: var(--_space-m); border-inline-start: 2px solid var(--_border); }
      [part='answer'] { padding: var(--_space-s) 0; }
      [part='answer'] p:first-child { white-space: pre-line; overflow-wrap: anywhere; margin: 0; }
      [part='badge'] { display: inline-block; font-size: 0.8em; font-weight: 600; padding: 0 var(--_space-s); border-radius: var(--_radius-pill);
        background: var(--_brand); color: var(--_on-brand); }
      [part='badge'].verified { background: none; color: var(--_ok); padding: 0; }
      form { display: grid; gap: var(--_space-s); margin: var(--_space-s) 0; }
      label { font-weight: 600; }
      textarea, input { display: block; inline-size: 100%; margin-block-start: var(--_space-xs); padding: var(--_space-s); font: inherit; color: inherit;
        background: var(--_surface); border: 1px solid var(--_border); border-radius: var(--_radius); }
      textarea { min-block-size: 4em; resize: vertical; }
      .row { display: flex; gap: var(--_space-m); align-items: center; }
      .primary { background: var(--_brand); color: var(--_on-brand); border: 0; border-radius: var(--_radius); padding: var(--_space-s) var(--_space-m); font: inherit; font-weight: 600; cursor: pointer; }
      .link { background: none; border: 0; padding: 0; color: var(--_brand); text-decoration: underline; font: inherit; cursor: pointer; }
      .hint, .status { color: var(--_muted); font-size: 0.875em; margin: 0; }
      .error { color: var(--_danger); font-size: 0.875em; margin: 0; }
    `,
  ];

  static override properties = {
    product: { reflect: true },
    signInUrl: { attribute: 'sign-in-url' },
    composing: { state: true },
    formError: { state: true },
    notice: { state: true },
  };

  /** Product id. */
  declare product?: string;
  /**
   * The host's sign-in page: linked in place of "Ask a question" while no shopper is signed in, and
   * (in a new tab, so the text stays) when the server refuses a post because the sign-in expired.
   * Default: `configure({ signInUrl })` or `data-sign-in-url`.
   */
  declare signInUrl?: string;

  /** `ask`, or the id of the question being answered. */
  declare private composing: string | null;
  /**
   * The messages on screen are kept by key (and values) and translated when rendered: the shopper's
   * locale table can still be loading when they happen, and a string looked up then would stay in
   * the fallback language.
   */
  declare private formError?: { readonly key: string; readonly values?: MessageValues };
  /** The key of the line that says where the last post landed. */
  declare private notice?: string;

  private readonly i18n = new I18nController(this, 'review-questions');
  private readonly session = new SessionController(this, () => this.activeAdapter);
  /** Pages of 10; a new adapter or product starts over, and a late page for the old one is dropped. */
  private readonly $questions = pages(
    ([adapter, productId]: readonly [KithAdapter | undefined, string | undefined], cursor, signal) =>
      productId ? adapter?.reviews?.listQuestions?.({ productId, cursor, limit: 10 }, { signal }) : undefined,
  );
  private readonly list = new StoreController(this, this.$questions);
  /**
   * Asking and answering: one Idempotency-Key per post (where, text and name), kept across its retries, so a resend
   * after a timeout cannot post twice; edited text or a refusal makes the next send a new post.
   */
  private readonly posts = intent(
    ([id, body, displayName]: readonly [string, string, string], idempotencyKey): Promise<Question | Answer> => {
      const api = this.api!;
      return id === 'ask'
        ? api.askQuestion!({ productId: this.product!, body, displayName }, { idempotencyKey })
        : api.answerQuestion!({ questionId: id, body, displayName }, { idempotencyKey });
    },
    (x) => JSON.stringify(x),
  );

  constructor() {
    super();
    this.composing = null;
    this.state = 'ready';
  }

  // Part of <kith-reviews>, which reports the impression.
  protected override track(name: string, props?: Record<string, string | number | boolean>): void {
    if (name !== 'widget_impression') super.track(name, props);
  }

  private get api() {
    return this.activeAdapter?.reviews;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    this.$questions.query(this.activeAdapter, this.product);
    super.willUpdate(changed);
  }

  protected override renderContent() {
    const t = this.i18n.t;
    const href = this.signInHref(this.signInUrl);
    const { items, loading, error, done } = this.list.value;
    return html`<h3>${t('heading')}</h3>
      ${
        this.session.value === false
          ? html`<p part="sign-in">${t('signInToAsk')}${href ? html` <a href=${href}>${t('signIn')}</a>` : nothing}</p>`
          : this.composing === 'ask'
            ? this.renderForm(
                'ask',
                t('question'),
                t('name'),
                t('submitQuestion'),
                html`<p class="hint" id="hint-ask">${t('questionHint', { min: QUESTION_MIN })}</p>`,
              )
            : html`<button class="primary" part="ask-button" @click=${() => this.compose('ask')}>${t('ask')}</button>`
      }
      <p class="status" role="status">${this.notice && t(this.notice)}</p>
      <ul part="questions" aria-busy=${loading ? 'true' : 'false'}>${items.map((q) => this.renderQuestion(q))}</ul>
      ${loading ? html`<p class="status">${t('loading')}</p>` : nothing}
      ${!loading && !error && !items.length ? html`<p class="status">${t('empty')}</p>` : nothing}
      ${error ? html`<p class="status">${t('error')} <button class="link" @click=${this.$questions.more}>${t('retry')}</button></p>` : nothing}
      ${!done && !loading && !error ? html`<button class="link" @click=${this.$questions.more}>${t('more')}</button>` : nothing}`;
  }

  private renderQuestion(q: Question) {
    const t = this.i18n.t;
    return html`<li part="question">
      <p class="q">${q.body}</p>
      <p class="meta">${q.author.displayName} · <time datetime=${q.createdAt}>${this.date(q.createdAt)}</time> · ${q.answers.length ? t('answers', { count: q.answers.length }) : t('noAnswers')}</p>
      ${q.answers.length ? html`<ul part="answers">${q.answers.map((a) => this.renderAnswer(a))}</ul>` : nothing}
      ${
        this.composing === q.id
          ? this.renderForm(
              q.id,
              t('answerLabel', { question: q.body.length > 80 ? `${q.body.slice(0, 80)}…` : q.body }),
              t('answerName'),
              t('submitAnswer'),
            )
          : this.session.value === false
            ? nothing
            : html`<button class="link" part="answer-button" @click=${() => this.compose(q.id)}>${t('answer')}</button>`
      }
    </li>`;
  }

  private renderAnswer(a: Answer) {
    const t = this.i18n.t;
    const role = a.author.role;
    return html`<li part="answer">
      <p>${a.body}</p>
      <p class="meta">${a.author.displayName}
        ${role !== 'customer' ? html`<span part="badge">${t(`role.${role}`)}</span>` : a.author.verifiedBuyer ? html`<span part="badge" class="verified">✓ ${t('verified')}</span>` : nothing}
        · <time datetime=${a.createdAt}>${this.date(a.createdAt)}</time></p>
    </li>`;
  }

  private renderForm(id: string, label: string, nameLabel: string, submit: string, hint: unknown = nothing) {
    const t = this.i18n.t;
    const err = this.formError;
    return html`<form @submit=${(e: SubmitEvent) => this.send(e, id)} novalidate>
      <label>${label} *<textarea name="body" required maxlength=${id === 'ask' ? 1000 : 2000} aria-describedby=${id === 'ask' ? 'hint-ask' : nothing}></textarea></label>
      ${hint}
      <label>${nameLabel} *<input name="name" required maxlength="60" autocomplete="nickname" /></label>
      <div role="alert">${
        err
          ? html`<p class="error">${t(err.key, err.values)}${
              err.key === 'error.customer_token_required' && this.signInHref(this.signInUrl)
                ? html` <a href=${this.signInHref(this.signInUrl)} target="_blank" rel="noopener">${t('signInNewTab')}</a>`
                : nothing
            }</p>`
          : nothing
      }</div>
      <div class="row"><button class="primary">${submit}</button><button type="button" class="link" @click=${() => this.compose(null)}>${t('cancel')}</button></div>
    </form>`;
  }

  private date(iso: string) {
    return this.i18n.dateTime(Date.parse(iso), { dateStyle: 'medium' });
  }

  private compose(id: string | null): void {
    this.composing = id;
    this.formError = undefined;
    if (id) this.updateComplete.then(() => this.renderRoot.querySelector('textarea')?.focus());
  }

  private readonly send = this.guard(async (e: SubmitEvent, id: string) => {
    e.preventDefault();
    const data = new FormData(e.target as HTMLFormElement);
    const body = String(data.get('body') ?? '').trim();
    const displayName = String(data.get('name') ?? '').trim();
    const min = id === 'ask' ? QUESTION_MIN : ANSWER_MIN;
    if (body.length < min) return void (this.formError = { key: 'error.short', values: { min } });
    if (!displayName) return void (this.formError = { key: 'error.name' });
    try {
      const posted = await this.posts.run([id, body, displayName]);
      if (id === 'ask') {
        const question = posted as Question;
        if (question.status === 'published') this.$questions.mutate((items) => [question, ...items]);
        this.notice = `posted.${question.status === 'published' ? 'published' : 'pending'}`;
        emit(this, 'kith-question-asked', { question });
      } else {
        const answer = posted as Answer;
        if (answer.status === 'published')
          this.$questions.mutate((items) =>
            items.map((q) => (q.id === id ? { ...q, answers: [...q.answers, answer] } : q)),
          );
        this.notice = `posted.${answer.status === 'published' ? 'published' : 'pending'}`;
        emit(this, 'kith-answer-posted', { answer });
      }
      this.composing = null;
    } catch (error) {
      const code = explainedCode(error, EXPLAINED);
      this.formError = { key: code ? `error.${code}` : 'error.failed' };
    }
  });
}

KithReviewQuestions.define('kith-review-questions');

declare global {
  interface HTMLElementTagNameMap {
    'kith-review-questions': KithReviewQuestions;
  }
}
