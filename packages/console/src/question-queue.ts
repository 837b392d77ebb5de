import { html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { api } from './api.js';
import { formatDate, t, type StringKey } from './i18n.js';
import { flagLabel, Queue } from './queue.js';

type Status = 'pending' | 'published' | 'rejected';
interface Answer {
  id: string;
  questionId: string;
  body: string;
  author: { displayName: string; role: 'customer' | 'merchant' | 'expert'; verifiedBuyer: boolean };
  createdAt: string;
  status: Status;
  flags?: string[];
}
interface Question {
  id: string;
  productId: string;
  body: string;
  author: { displayName: string };
  createdAt: string;
  status: Status;
  answers: Answer[];
  flags?: string[];
}
const STATUSES: Status[] = ['pending', 'published', 'rejected'];
const STATUS_LABEL: Record<Status, StringKey> = {
  pending: 'moderation.pending',
  published: 'moderation.published',
  rejected: 'moderation.rejected',
};
const ROLE_LABEL: Record<Answer['author']['role'], StringKey> = {
  customer: 'qa.customer',
  merchant: 'qa.merchant',
  expert: 'qa.expert',
};

const meta = (name: string, createdAt: string, status: Status, extra: unknown = nothing) =>
  html`<div class="meta">
    <span>${name}</span>${extra}
    <time datetime=${createdAt}>${formatDate(createdAt)}</time>
    <span class="state">${t(STATUS_LABEL[status])}</span>
  </div>`;

const flagList = (flags: string[] | undefined) =>
  flags?.length
    ? html`<ul class="flags">
        ${flags.map((f) => html`<li>${flagLabel(f)}</li>`)}
      </ul>`
    : nothing;

/** Shoppers' questions: publish, reject, or answer as the shop (published at once, listed first). */
@customElement('kc-question-queue')
export class QuestionQueue extends Queue<Question, Status> {
  /** Whose name a new answer is signed with, by default. */
  @property() shopName = '';
  protected readonly statuses = STATUSES;
  protected readonly keysText = 'qa.keys';
  protected readonly emptyText = 'qa.emptyQuestions';
  protected override status: Status = 'pending';
  protected statusLabel = (s: Status) => STATUS_LABEL[s];
  protected path = (s: Status) => `/v1/admin/questions?status=${s}&limit=20`;
  protected card = (q: Question) => this.renderQuestion(q);
  @state() private drafts = new Map<string, { body: string; role: 'merchant' | 'expert'; name: string }>();

  protected onKey(key: 'a' | 'r' | 'e', q: Question) {
    if (key === 'a' && q.status !== 'published') void this.act(q, 'approve');
    if (key === 'r' && q.status !== 'rejected') void this.act(q, 'reject');
    if (key === 'e') void this.openAnswer(q);
  }

  private renderQuestion(q: Question) {
    const busy = this.busy.has(q.id);
    const draft = this.drafts.get(q.id);
    return html`<article tabindex="0" data-id=${q.id} aria-labelledby="h-${q.id}" aria-describedby="keys">
      <h2 id="h-${q.id}">${t('qa.questionBy', { name: q.author.displayName })}</h2>
      ${meta(q.author.displayName, q.createdAt, q.status, html`<span>${t('moderation.product', { id: q.productId })}</span>`)}
      <p class="body">${q.body}</p>
      ${flagList(q.flags)}
      ${q.answers.map(
        (a) =>
          html`<p class="quote">
            <strong>${a.author.displayName} (${t(ROLE_LABEL[a.author.role])}):</strong> ${a.body}
          </p>`,
      )}
      ${
        draft
          ? html`<form @submit=${(e: Event) => this.sendAnswer(e, q)}>
            <label for="answer-${q.id}">${t('qa.answerLabel')}</label>
            <textarea
              id="answer-${q.id}"
              minlength="2"
              maxlength="2000"
              required
              .value=${draft.body}
              @input=${(e: Event) => this.setDraft(q.id, { ...draft, body: (e.target as HTMLTextAreaElement).value })}
            ></textarea>
            <label for="name-${q.id}">${t('qa.answerName')}</label>
            <input
              id="name-${q.id}"
              maxlength="60"
              .value=${draft.name}
              @input=${(e: Event) => this.setDraft(q.id, { ...draft, name: (e.target as HTMLInputElement).value })}
            />
            <label for="role-${q.id}">${t('qa.answerRole')}</label>
            <select
              id="role-${q.id}"
              @change=${(e: Event) =>
                this.setDraft(q.id, { ...draft, role: (e.target as HTMLSelectElement).value as 'merchant' | 'expert' })}
            >
              <option value="merchant" ?selected=${draft.role === 'merchant'}>${t('qa.merchant')}</option>
              <option value="expert" ?selected=${draft.role === 'expert'}>${t('qa.expert')}</option>
            </select>
            <div class="actions">
              <button class="primary" type="submit" ?disabled=${busy || draft.body.trim().length < 2 || !draft.name.trim()}>
                ${t('qa.sendAnswer')}
              </button>
              <button type="button" @click=${() => this.setDraft(q.id, undefined)}>${t('moderation.cancel')}</button>
            </div>
          </form>`
          : nothing
      }
      <div class="actions">
        ${
          q.status !== 'published'
            ? html`<button class="primary" ?disabled=${busy} @click=${() => this.act(q, 'approve')}>
              ${t('moderation.approve')}
            </button>`
            : nothing
        }
        ${
          q.status !== 'rejected'
            ? html`<button class="danger" ?disabled=${busy} @click=${() => this.act(q, 'reject')}>
              ${t('moderation.reject')}
            </button>`
            : nothing
        }
        ${draft ? nothing : html`<button ?disabled=${busy} @click=${() => this.openAnswer(q)}>${t('qa.answer')}</button>`}
      </div>
    </article>`;
  }

  private setDraft(id: string, draft: { body: string; role: 'merchant' | 'expert'; name: string } | undefined) {
    const next = new Map(this.drafts);
    if (draft) next.set(id, draft);
    else next.delete(id);
    this.drafts = next;
  }

  private async openAnswer(q: Question) {
    if (!this.drafts.has(q.id)) this.setDraft(q.id, { body: '', role: 'merchant', name: this.shopName });
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLTextAreaElement>(`#answer-${CSS.escape(q.id)}`)?.focus();
  }

  private act(q: Question, action: 'approve' | 'reject') {
    return this.busy.run(q.id, async () => {
      const updated = await api<Question>('POST', `/v1/admin/questions/${encodeURIComponent(q.id)}/${action}`);
      void this.replaceItem(q.id, (x) => ({ ...x, status: updated.status }));
      return t(action === 'approve' ? 'qa.approved' : 'qa.rejected', { name: q.author.displayName });
    });
  }

  private sendAnswer(e: Event, q: Question) {
    e.preventDefault();
    const draft = this.drafts.get(q.id);
    if (!draft) return;
    return this.busy.run(q.id, async () => {
      const answer = await api<Answer>('POST', `/v1/admin/questions/${encodeURIComponent(q.id)}/answers`, {
        body: draft.body.trim(),
        displayName: draft.name.trim(),
        role: draft.role,
      });
      void this.replaceItem(q.id, (x) => ({ ...x, answers: [answer, ...x.answers] }));
      // Only once it is published: a failed send keeps the draft.
      this.setDraft(q.id, undefined);
      return t('qa.answered', { name: q.author.displayName });
    });
  }
}

/** Shoppers' answers to questions: publish or reject. */
@customElement('kc-answer-queue')
export class AnswerQueue extends Queue<Answer, Status> {
  protected readonly statuses = STATUSES;
  protected readonly keysText = 'qa.answerKeys';
  protected readonly emptyText = 'qa.emptyAnswers';
  protected override status: Status = 'pending';
  protected statusLabel = (s: Status) => STATUS_LABEL[s];
  protected path = (s: Status) => `/v1/admin/answers?status=${s}&limit=20`;
  protected card = (a: Answer) => this.renderAnswer(a);

  protected onKey(key: 'a' | 'r' | 'e', a: Answer) {
    if (key === 'a' && a.status !== 'published') void this.act(a, 'approve');
    if (key === 'r' && a.status !== 'rejected') void this.act(a, 'reject');
  }

  private renderAnswer(a: Answer) {
    const busy = this.busy.has(a.id);
    return html`<article tabindex="0" data-id=${a.id} aria-labelledby="h-${a.id}" aria-describedby="keys">
      <h2 id="h-${a.id}">${t('qa.answerBy', { name: a.author.displayName })}</h2>
      ${meta(
        a.author.displayName,
        a.createdAt,
        a.status,
        a.author.verifiedBuyer ? html`<span>${t('moderation.verified')}</span>` : nothing,
      )}
      <p class="body">${a.body}</p>
      ${flagList(a.flags)}
      <div class="actions">
        ${
          a.status !== 'published'
            ? html`<button class="primary" ?disabled=${busy} @click=${() => this.act(a, 'approve')}>
              ${t('moderation.approve')}
            </button>`
            : nothing
        }
        ${
          a.status !== 'rejected'
            ? html`<button class="danger" ?disabled=${busy} @click=${() => this.act(a, 'reject')}>
              ${t('moderation.reject')}
            </button>`
            : nothing
        }
      </div>
    </article>`;
  }

  private act(a: Answer, action: 'approve' | 'reject') {
    return this.busy.run(a.id, async () => {
      const updated = await api<Answer>('POST', `/v1/admin/answers/${encodeURIComponent(a.id)}/${action}`);
      void this.replaceItem(a.id, (x) => ({ ...updated, flags: x.flags }));
      return t(action === 'approve' ? 'qa.approved' : 'qa.rejected', { name: a.author.displayName });
    });
  }
}
