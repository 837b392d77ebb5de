import { css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { api } from './api.js';
import { Paged } from './paged.js';
import { ConsoleElement, formatDate, t, type StringKey } from './i18n.js';
import { base } from './styles.js';

interface Review {
  id: string;
  productId: string;
  rating: number;
  title?: string;
  body: string;
  author: { displayName: string; verifiedBuyer: boolean };
  media: { id: string; width: number; height: number; alt?: string }[];
  createdAt: string;
  status: 'pending' | 'published' | 'rejected';
  reply?: { body: string; createdAt: string };
  flags?: string[];
}
type Status = Review['status'];
const STATUSES: Status[] = ['pending', 'published', 'rejected'];
const STATUS_LABEL: Record<Status, StringKey> = {
  pending: 'moderation.pending',
  published: 'moderation.published',
  rejected: 'moderation.rejected',
};

/** Fires `kc-error` (the shell shows it, or asks to sign in again) for a refusal no screen handles itself. */
export const reportError = (from: HTMLElement, error: unknown) =>
  from.dispatchEvent(new CustomEvent('kc-error', { detail: error, bubbles: true, composed: true }));

/**
 * The review moderation queue: waiting reviews oldest first with their flags and photos;
 * approve, reject and reply, by button or key (j/k between reviews, a, r, e). Every outcome is
 * announced; a reply being written survives a failed send.
 */
@customElement('kc-moderation')
export class Moderation extends ConsoleElement {
  static override styles = [
    base,
    css`
      :host {
        display: block;
      }
      .bar {
        display: flex;
        flex-wrap: wrap;
        gap: 0.75rem;
        align-items: end;
        margin-block-end: 1rem;
      }
      .bar label {
        margin: 0;
      }
      .bar select {
        inline-size: auto;
      }
      ol {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        gap: 1rem;
      }
      article {
        border: 1px solid var(--kc-line);
        border-radius: 0.75rem;
        padding: 1rem;
        background: var(--kc-bg);
      }
      article:focus-visible {
        outline-offset: 4px;
      }
      .meta {
        display: flex;
        flex-wrap: wrap;
        gap: 0.25rem 1rem;
        color: var(--kc-muted);
        font-size: 0.875rem;
      }
      .stars {
        color: var(--kc-fg);
        font-weight: 600;
      }
      .body {
        white-space: pre-wrap;
        overflow-wrap: anywhere;
        margin-block: 0.5rem;
      }
      .flags {
        display: flex;
        flex-wrap: wrap;
        gap: 0.375rem;
        padding: 0;
        margin: 0.5rem 0;
        list-style: none;
      }
      .flags li {
        background: var(--kc-warn-bg);
        border-radius: 1rem;
        padding: 0.125rem 0.625rem;
        font-size: 0.875rem;
      }
      .photos {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
        margin-block: 0.5rem;
      }
      .photos img {
        inline-size: 7.5rem;
        block-size: 7.5rem;
        object-fit: cover;
        border-radius: 0.5rem;
        background: var(--kc-panel);
      }
      .actions {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
        margin-block-start: 0.75rem;
      }
      .state {
        font-weight: 600;
      }
      .reply {
        border-inline-start: 3px solid var(--kc-line);
        padding-inline-start: 0.75rem;
        margin-block: 0.5rem;
        white-space: pre-wrap;
        overflow-wrap: anywhere;
      }
    `,
  ];

  @state() private status: Status = 'pending';
  private readonly page = new Paged<Review>(
    this,
    () => `/v1/admin/reviews?status=${this.status}&limit=20`,
    (e) => reportError(this, e),
  );
  @state() private replying = new Map<string, string>();
  @state() private busy = new Set<string>();
  @state() private announcement = '';
  private products = new Map<string, string>();

  override connectedCallback(): void {
    super.connectedCallback();
    void this.loadProducts();
  }

  // Titles instead of bare ids, where the catalogue has them; a failure leaves the ids.
  private async loadProducts() {
    try {
      const page = await api<{ items: { id: string; title: string }[] }>('GET', '/v1/admin/products?limit=200');
      for (const p of page.items) this.products.set(p.id, p.title);
      this.requestUpdate();
    } catch {
      // The ids stand.
    }
  }

  override render() {
    return html`<h1 tabindex="-1">${t('moderation.title')}</h1>
      <div class="bar">
        <div>
          <label for="status">${t('moderation.status')}</label>
          <select id="status" @change=${this.changeStatus}>
            ${STATUSES.map((s) => html`<option value=${s} ?selected=${s === this.status}>${t(STATUS_LABEL[s])}</option>`)}
          </select>
        </div>
        <p class="muted" id="keys">${t('moderation.keys')}</p>
      </div>
      <p class="visually-hidden" role="status">${this.announcement}</p>
      ${
        this.page.loading && !this.page.items.length
          ? html`<p role="status">${t('app.loading')}</p>`
          : !this.page.items.length
            ? html`<p>${t('moderation.empty')}</p>`
            : html`<ol @keydown=${this.keydown}>
              ${repeat(
                this.page.items,
                (r) => r.id,
                (r) => html`<li>${this.renderReview(r)}</li>`,
              )}
            </ol>`
      }
      ${
        this.page.next
          ? html`<p><button @click=${() => this.page.load(true)} ?disabled=${this.page.loading}>${t('moderation.more')}</button></p>`
          : nothing
      }`;
  }

  private renderReview(r: Review) {
    const draft = this.replying.get(r.id);
    const busy = this.busy.has(r.id);
    const heading = r.title || t('moderation.by', { name: r.author.displayName });
    return html`<article tabindex="0" data-id=${r.id} aria-labelledby="h-${r.id}" aria-describedby="keys">
      <h2 id="h-${r.id}">${heading}</h2>
      <div class="meta">
        <span class="stars">${'★'.repeat(r.rating)}${'☆'.repeat(5 - r.rating)}<span class="visually-hidden"
            >${t('moderation.stars', { rating: r.rating })}</span
          ></span>
        <span>${r.author.displayName}${r.author.verifiedBuyer ? ` · ${t('moderation.verified')}` : ''}</span>
        <span>${this.products.get(r.productId) ?? t('moderation.product', { id: r.productId })}</span>
        <time datetime=${r.createdAt}>${formatDate(r.createdAt)}</time>
        <span class="state">${t(STATUS_LABEL[r.status])}</span>
      </div>
      <p class="body">${r.body}</p>
      ${
        r.flags?.length
          ? html`<ul class="flags">
            ${r.flags.map((f) => html`<li>${this.flag(f)}</li>`)}
          </ul>`
          : nothing
      }
      ${
        r.media.length
          ? html`<div class="photos">
            ${r.media.map(
              (m, i) =>
                html`<img
                  src="/v1/admin/media/${encodeURIComponent(m.id)}"
                  width=${m.width}
                  height=${m.height}
                  alt=${m.alt || t('moderation.photo', { n: i + 1, count: r.media.length })}
                  loading="lazy"
                />`,
            )}
          </div>`
          : nothing
      }
      ${r.reply ? html`<p class="reply"><strong>${t('moderation.yourReply')}:</strong> ${r.reply.body}</p>` : nothing}
      ${
        draft !== undefined
          ? html`<form @submit=${(e: Event) => this.sendReply(e, r)}>
            <label for="reply-${r.id}">${t('moderation.replyLabel')}</label>
            <textarea
              id="reply-${r.id}"
              maxlength="2000"
              required
              .value=${draft}
              @input=${(e: Event) => this.setDraft(r.id, (e.target as HTMLTextAreaElement).value)}
            ></textarea>
            <div class="actions">
              <button class="primary" type="submit" ?disabled=${busy || !draft.trim()}>
                ${t('moderation.sendReply')}
              </button>
              <button type="button" @click=${() => this.setDraft(r.id, undefined)}>${t('moderation.cancel')}</button>
            </div>
          </form>`
          : nothing
      }
      <div class="actions">
        ${
          r.status !== 'published'
            ? html`<button class="primary" ?disabled=${busy} @click=${() => this.act(r, 'approve')}>
              ${t('moderation.approve')}
            </button>`
            : nothing
        }
        ${
          r.status !== 'rejected'
            ? html`<button class="danger" ?disabled=${busy} @click=${() => this.act(r, 'reject')}>
              ${t('moderation.reject')}
            </button>`
            : nothing
        }
        ${
          draft === undefined
            ? html`<button ?disabled=${busy} @click=${() => this.openReply(r)}>${t('moderation.reply')}</button>`
            : nothing
        }
      </div>
    </article>`;
  }

  private flag(code: string) {
    const key = `flag.${code}` as StringKey;
    return ['flag.contact_or_link', 'flag.duplicate_text', 'flag.media', 'flag.reported'].includes(key) ? t(key) : code;
  }

  private changeStatus(e: Event) {
    this.status = (e.target as HTMLSelectElement).value as Status;
    this.page.items = [];
    void this.page.load();
  }

  private setDraft(id: string, value: string | undefined) {
    const next = new Map(this.replying);
    if (value === undefined) next.delete(id);
    else next.set(id, value);
    this.replying = next;
  }

  private async openReply(r: Review) {
    this.setDraft(r.id, r.reply?.body ?? '');
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLTextAreaElement>(`#reply-${CSS.escape(r.id)}`)?.focus();
  }

  private replace(updated: Review) {
    this.page.replace(
      (r) => r.id === updated.id,
      (r) => ({ ...updated, flags: r.flags }),
    );
  }

  private async run(r: Review, task: () => Promise<void>) {
    if (this.busy.has(r.id)) return;
    this.busy = new Set(this.busy).add(r.id);
    try {
      await task();
    } catch (e) {
      reportError(this, e);
    } finally {
      const next = new Set(this.busy);
      next.delete(r.id);
      this.busy = next;
    }
  }

  private act(r: Review, action: 'approve' | 'reject') {
    return this.run(r, async () => {
      this.replace(await api<Review>('POST', `/v1/admin/reviews/${encodeURIComponent(r.id)}/${action}`));
      this.announcement = t(action === 'approve' ? 'moderation.approved' : 'moderation.rejectedDone', {
        name: r.author.displayName,
      });
    });
  }

  private sendReply(e: Event, r: Review) {
    e.preventDefault();
    const body = this.replying.get(r.id)?.trim();
    if (!body) return;
    return this.run(r, async () => {
      this.replace(await api<Review>('POST', `/v1/admin/reviews/${encodeURIComponent(r.id)}/reply`, { body }));
      // Only once it is published: a failed send keeps the draft.
      this.setDraft(r.id, undefined);
      this.announcement = t('moderation.replied', { name: r.author.displayName });
    });
  }

  private keydown(e: KeyboardEvent) {
    const target = e.composedPath()[0] as HTMLElement;
    if (e.ctrlKey || e.metaKey || e.altKey || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName)) return;
    const article = target.closest('article');
    if (!article) return;
    const review = this.page.items.find((r) => r.id === article.dataset.id);
    const all = [...this.renderRoot.querySelectorAll<HTMLElement>('article')];
    const at = all.indexOf(article);
    const keys: Record<string, () => unknown> = {
      j: () => all[Math.min(at + 1, all.length - 1)]?.focus(),
      k: () => all[Math.max(at - 1, 0)]?.focus(),
      a: () => review && review.status !== 'published' && this.act(review, 'approve'),
      r: () => review && review.status !== 'rejected' && this.act(review, 'reject'),
      e: () => review && this.openReply(review),
    };
    const run = keys[e.key];
    if (!run) return;
    e.preventDefault();
    run();
  }
}
