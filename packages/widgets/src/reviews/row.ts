import { html, nothing, type TemplateResult } from 'lit';
import type { Review } from '@kith/core';
import type { ReviewsContext } from './context.js';

/** What a row's buttons ask of the element (which loads the votes, reports and dialog for them). */
export interface RowActions {
  voted(id: string): boolean;
  vote(r: Review): void;
  report(opener: Element, r: Review): void;
  photo(opener: Element, r: Review, index: number): void;
}

/** Longer texts start clamped with a "Read more" button. */
const LONG = 320;

/** One review in the feed: text always rendered as text, photos that open the lightbox, votes and reports. */
export class ReviewRows {
  /** Reviews opened with "Read more"; a new query closes them all. */
  readonly expanded = new Set<string>();

  constructor(
    private readonly c: ReviewsContext,
    private readonly act: RowActions,
  ) {}

  render(r: Review, i: number, total: number): TemplateResult {
    const t = this.c.i18n.t;
    const long = r.body.length > LONG;
    const open = this.expanded.has(r.id);
    const name = r.author.displayName;
    return html`<article part="review" data-index=${i} tabindex="-1" aria-posinset=${i + 1} aria-setsize=${total || -1} aria-labelledby=${`a${i}`}>
      <header>
        <span role="img" aria-label=${t('stars', { rating: r.rating })}><span class="stars" data-r=${r.rating} part="stars" aria-hidden="true"><span class="stars-fill">★★★★★</span>★★★★★</span></span>
        <span class="author" id=${`a${i}`}>${name}</span>
        ${r.author.verifiedBuyer ? html`<span part="verified">✓ ${t('verified')}</span>` : nothing}
        <time datetime=${r.createdAt}>${this.c.i18n.dateTime(Date.parse(r.createdAt), { dateStyle: 'medium' })}</time>
      </header>
      ${r.title ? html`<h3 part="review-title">${r.title}</h3>` : nothing}
      <p part="review-body" id=${`b${i}`} class=${long && !open ? 'clamp' : ''}>${r.body}</p>
      ${long ? html`<button class="link" aria-expanded=${open ? 'true' : 'false'} aria-controls=${`b${i}`} @click=${() => this.toggle(r)}>${t(open ? 'less' : 'more')}</button>` : nothing}
      ${
        r.media.length
          ? html`<ul part="photos">${r.media.map(
              (
                m,
                k,
              ) => html`<li><button part="photo" aria-label=${t('openPhoto', { index: k + 1, total: r.media.length, name })}
            @click=${(e: Event) => this.act.photo(e.currentTarget as Element, r, k)}><img src=${m.thumbnailUrl ?? m.url} alt="" loading="lazy" decoding="async" width=${m.width ?? 96} height=${m.height ?? 96} /></button></li>`,
            )}</ul>`
          : nothing
      }
      ${r.incentivized ? html`<p part="disclosure">${t('incentivized')}</p>` : nothing}
      ${r.reply ? html`<div part="reply"><p class="reply-label">${t('reply')}</p><p>${r.reply.body}</p></div>` : nothing}
      <footer>
        <button part="helpful" aria-pressed=${this.act.voted(r.id) ? 'true' : 'false'} @click=${() => this.act.vote(r)}>${t('helpful', { count: this.c.i18n.number(r.helpfulCount) })}</button>
        <button part="report" class="link" @click=${(e: Event) => this.act.report(e.currentTarget as Element, r)}>${t('report')}</button>
      </footer>
    </article>`;
  }

  private toggle(r: Review): void {
    if (this.expanded.delete(r.id)) {
      this.c.host.requestUpdate();
      return;
    }
    this.expanded.add(r.id);
    this.c.track('review_expanded', { review: r.id });
    this.c.host.requestUpdate();
  }
}
