import { css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { api } from './api.js';
import { formatDate, t, type StringKey } from './i18n.js';
import { flagLabel, Queue } from './queue.js';

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

/**
 * The review queue: waiting reviews oldest first with their flags and photos; approve, reject and
 * reply, by button or key (j/k between reviews, a, r, e). Every outcome is announced; a reply
 * being written survives a failed send.
 */
@customElement('kc-review-queue')
export class ReviewQueue extends Queue<Review, Status> {
  static override styles = [
    ...Queue.styles,
    css`
      .stars {
        color: var(--kc-fg);
        font-weight: 600;
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
    `,
  ];

  protected readonly statuses = STATUSES;
  protected readonly keysText = 'moderation.keys';
  protected readonly emptyText = 'moderation.empty';
  protected override status: Status = 'pending';
  protected statusLabel = (s: Status) => STATUS_LABEL[s];
  protected path = (s: Status) => `/v1/admin/reviews?status=${s}&limit=20`;
  protected card = (r: Review) => this.renderReview(r);
  @state() private replying = new Map<string, string>();
  private products = new Map<string, string>();

  protected onKey(key: 'a' | 'r' | 'e', review: Review) {
    if (key === 'a' && review.status !== 'published') void this.act(review, 'approve');
    if (key === 'r' && review.status !== 'rejected') void this.act(review, 'reject');
    if (key === 'e') void this.openReply(review);
  }

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
            ${r.flags.map((f) => html`<li>${flagLabel(f)}</li>`)}
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
      ${r.reply ? html`<p class="quote"><strong>${t('moderation.yourReply')}:</strong> ${r.reply.body}</p>` : nothing}
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
    void this.replaceItem(updated.id, (r) => ({ ...updated, flags: r.flags }));
  }

  private act(r: Review, action: 'approve' | 'reject') {
    return this.busy.run(r.id, async () => {
      this.replace(await api<Review>('POST', `/v1/admin/reviews/${encodeURIComponent(r.id)}/${action}`));
      return t(action === 'approve' ? 'moderation.approved' : 'moderation.rejectedDone', {
        name: r.author.displayName,
      });
    });
  }

  private sendReply(e: Event, r: Review) {
    e.preventDefault();
    const body = this.replying.get(r.id)?.trim();
    if (!body) return;
    return this.busy.run(r.id, async () => {
      this.replace(await api<Review>('POST', `/v1/admin/reviews/${encodeURIComponent(r.id)}/reply`, { body }));
      // Only once it is published: a failed send keeps the draft.
      this.setDraft(r.id, undefined);
      return t('moderation.replied', { name: r.author.displayName });
    });
  }
}
