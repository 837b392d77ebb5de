import { html, nothing } from 'lit';
import type { ReviewSort, ReviewSummary } from '@kith/core';
import type { ReviewsContext } from './context.js';
import { FIRST_FILTERS, type ReviewFilters } from './list.js';

const SORTS: readonly ReviewSort[] = ['newest', 'highest', 'lowest', 'helpful', 'media'];

/** The shopper's sort and filters (toolbar, histogram bars, topic pills); each change starts a new query. */
export class ReviewFilterBar {
  value: ReviewFilters = { ...FIRST_FILTERS };

  /** `changed` runs on every change, before the host re-renders. */
  constructor(
    private readonly c: ReviewsContext,
    private readonly changed: () => void,
  ) {}

  get active(): boolean {
    const f = this.value;
    return !!(f.rating || f.withMedia || f.verified || f.q);
  }

  set(next: Partial<ReviewFilters>, analytics: Record<string, string | number | boolean>): void {
    const merged: Record<string, unknown> = { ...this.value, ...next };
    for (const k of Object.keys(merged)) if (merged[k] === undefined || merged[k] === false) delete merged[k];
    this.value = merged as ReviewFilters;
    this.changed();
    this.c.track(next.sort ? 'reviews_sort' : 'reviews_filter', analytics);
    this.c.host.requestUpdate();
  }

  /** A histogram bar: filters by its stars, or clears that filter. */
  toggleRating(n: 1 | 2 | 3 | 4 | 5): void {
    this.set({ rating: this.value.rating === n ? undefined : n }, { filter: 'rating', value: n });
  }

  render(s: ReviewSummary) {
    const t = this.c.i18n.t;
    const f = this.value;
    return html`<div part="toolbar" role="group" aria-label=${t('toolbar')}>
        <label class="sort">${t('sortBy')}
          <select part="sort" @change=${(e: Event) => this.set({ sort: (e.target as HTMLSelectElement).value as ReviewSort }, { sort: (e.target as HTMLSelectElement).value })}>
            ${SORTS.map((k) => html`<option value=${k} ?selected=${f.sort === k}>${t(`sort.${k}`)}</option>`)}
          </select>
        </label>
        ${s.withMediaCount ? this.chip(t('withMedia', { count: s.withMediaCount }), !!f.withMedia, () => this.set({ withMedia: !f.withMedia }, { filter: 'media', value: !f.withMedia })) : nothing}
        ${this.chip(t('verifiedOnly'), !!f.verified, () => this.set({ verified: !f.verified }, { filter: 'verified', value: !f.verified }))}
        ${(s.topics ?? []).map((topic) => this.chip(t('topic', { label: topic.label, count: topic.count }), f.q === topic.label, () => this.set({ q: f.q === topic.label ? undefined : topic.label }, { filter: 'topic', value: topic.label })))}
        ${this.active ? html`<button class="link" @click=${() => this.set({ rating: undefined, withMedia: undefined, verified: undefined, q: undefined }, { filter: 'clear', value: true })}>${t('clear')}</button>` : nothing}
      </div>`;
  }

  private chip(label: string, pressed: boolean, onClick: () => void) {
    return html`<button part="chip" aria-pressed=${pressed ? 'true' : 'false'} @click=${onClick}>${label}</button>`;
  }
}
