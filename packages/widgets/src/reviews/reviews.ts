import { html, isServer, nothing, type PropertyValues } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { atom } from 'nanostores';
import {
  AnnouncerController,
  I18nController,
  KithElement,
  reviewSummaryStore,
  SessionController,
  StoreController,
  type ReviewSummary,
  type SummaryState,
} from '@kith/core';
import { starStyles } from '../shared/stars.js';
import type { ReviewsContext } from './context.js';
import { ReviewFilterBar } from './filters.js';
import { reviewPages } from './list.js';
import { LazyInteractions } from './lazy.js';
import { ReviewRows } from './row.js';
import { paintSummary, renderSummary } from './summary.js';
import { ReviewTabs } from './tabs.js';
import { WindowController } from './window.js';
import styles from './reviews.styles.js';
import './strings.js'; // registers the string tables (listed in sideEffects)

export type { ReviewsProblems } from './actions.js';

const LOADING = atom<SummaryState>({ status: 'loading' });
/** Rows in the DOM at most: about 25 nodes each keeps the list near 400 nodes at any length. */
const MAX_ROWS = 14;

/**
 * The reviews section of a product page: summary with a rating histogram that filters, sorting,
 * filter and topic pills, a list that stays smooth at 10,000 reviews (only the rows in view are in
 * the DOM), photos with a keyboard lightbox, helpful votes, reports, a Q&A tab and a "Write a
 * review" form that loads only when opened. Review text is always rendered as text.
 *
 * @tag kith-reviews
 * @summary Reviews and UGC wall: summary, filters, windowed list, photos, Q&A, write a review.
 * @status experimental
 * @since 0.1
 *
 * @event {CustomEvent<{ review: Review }>} kith-review-submitted - A review was submitted; `review.status` says whether it is published or waits for moderation.
 * @event {CustomEvent<{ question: Question }>} kith-question-asked - A question was submitted.
 * @event {CustomEvent<{ answer: Answer }>} kith-answer-posted - An answer was submitted.
 * @event {CustomEvent<KithErrorDetail>} kith-error - The summary could not load; the widget shows a retry message in its box.
 *
 * @csspart base - The whole section.
 * @csspart heading - The section heading.
 * @csspart summary - Average, stars, count, recommendation and histogram.
 * @csspart average - The average, one decimal.
 * @csspart histogram - The list of rating bars.
 * @csspart bar - One rating bar (a toggle button that filters by its stars).
 * @csspart write-button - "Write a review"; signed out, "Sign in to write a review" (a link to the sign-in page).
 * @csspart sign-in - Signed out with no sign-in page set: "Sign in to write a review", as text.
 * @csspart tabs - The Reviews / Questions tab list.
 * @csspart tab - One tab.
 * @csspart toolbar - Sort and filter controls.
 * @csspart sort - The sort select.
 * @csspart chip - A filter or topic toggle.
 * @csspart list - The scrolling box that holds the reviews.
 * @csspart review - One review.
 * @csspart review-title - A review's title.
 * @csspart review-body - A review's text.
 * @csspart verified - The verified-buyer badge.
 * @csspart disclosure - The incentive disclosure.
 * @csspart photos - A review's photo strip.
 * @csspart photo - One photo thumbnail (a button that opens the lightbox).
 * @csspart reply - The merchant's reply.
 * @csspart helpful - The helpful vote button.
 * @csspart report - The report button.
 * @csspart dialog - The dialog for the lightbox, report form and review form.
 * @csspart notice - The status line after a vote or report.
 *
 * @cssproperty [--list-max-block-size=36rem] - Height at which the list scrolls inside its box.
 * @cssproperty [--reserve-block-size=24rem] - Height reserved before data arrives.
 * @cssproperty --star-color - Filled stars. Default: `--kith-color-star`.
 * @cssproperty --bar-color - Histogram bars. Default: the star colour.
 */
export class KithReviews extends KithElement {
  static override styles = [...KithElement.styles, starStyles, styles];

  // ── PUBLIC API ──────────────────────────────────────────────────────────────────────────────

  static override properties = {
    product: { reflect: true },
    signInUrl: { attribute: 'sign-in-url' },
  };

  /** Product id. */
  declare product?: string;

  /**
   * The host's sign-in page, linked instead of "Write a review" (and from votes, reports and the
   * Q&A) while no shopper is signed in. Default: `configure({ signInUrl })` or `data-sign-in-url`.
   */
  declare signInUrl?: string;

  // ── STATE & CONTROLLERS ─────────────────────────────────────────────────────────────────────

  private readonly summary = new StoreController(this, LOADING);
  private readonly i18n = new I18nController(this, 'reviews');
  private readonly announcer = new AnnouncerController(this);
  private readonly $reviews = reviewPages();
  private readonly list = new StoreController(this, this.$reviews);
  private readonly session = new SessionController(this, () => this.activeAdapter);
  private readonly window = new WindowController(this, {
    scroller: () => this.listBox,
    rows: () => this.renderRoot.querySelector<HTMLElement>('.rows'),
    count: () => this.list.value.items.length,
    generation: () => this.list.value.generation,
    nearEnd: () => !this.list.value.error && this.$reviews.more(),
    maxRows: MAX_ROWS,
  });
  // The parts (filters, rows, dialog, tabs, votes and reports) reach the element only through this.
  private readonly parts: ReviewsContext = {
    host: this,
    i18n: this.i18n,
    adapter: () => this.activeAdapter,
    product: () => this.product,
    signInHref: () => this.signInHref(this.signInUrl),
    signedOut: () => this.session.value === false,
    track: (name, props) => this.track(name, props),
    guard: (fn) => this.guard(fn),
    fail: (e) => this.fail(e),
  };
  private readonly filters = new ReviewFilterBar(this.parts, () => {
    this.rows.expanded.clear();
    this.shown = 0;
  });
  /** Votes, reports and the dialog: loaded on the first pointer or focus inside (see `interactions.ts`). */
  private readonly ui = new LazyInteractions(
    this.parts,
    (id, change) =>
      this.$reviews.mutate((items) => {
        const i = items.findIndex((r) => r.id === id);
        if (i >= 0) items[i] = { ...items[i]!, ...change };
        return items;
      }),
    // A row scrolled out of the window gives focus back to the list.
    () => this.listBox,
  );
  private readonly rows = new ReviewRows(this.parts, this.ui.rows);
  private readonly tabs = new ReviewTabs(this.parts);
  private focusRow?: number;
  private shown = 0;
  private painted?: ReviewSummary;

  /** @internal */
  protected override get analyticsProduct(): string | undefined {
    return this.product;
  }

  private get listBox() {
    return this.renderRoot.querySelector<HTMLElement>('[part~="list"]');
  }

  private get data(): ReviewSummary | undefined {
    const v = this.summary.value;
    return v.status === 'ready' ? v.summary : undefined;
  }

  // ── LIFECYCLE ───────────────────────────────────────────────────────────────────────────────

  protected override willUpdate(changed: PropertyValues<this>): void {
    const adapter = this.activeAdapter;
    this.summary.setStore(adapter && this.product ? reviewSummaryStore(adapter, this.product) : LOADING);
    this.syncState(this.summary.value);
    // The list loads beside the summary, not after it: one round trip to first paint.
    this.$reviews.query(this.state === 'error' ? undefined : adapter, this.product, this.filters.value);
    // A server render runs no controller: the list's value is read here, and the rows it shows are
    // the window's first, as hydration's.
    if (isServer) {
      this.list.value = this.$reviews.get();
      this.window.hostUpdate();
    }
    const { items, loading, total } = this.list.value;
    if (items.length !== this.shown && !loading) {
      if (this.shown) this.announcer.announce(this.i18n.t('shown', { shown: items.length, count: total }), true);
      this.shown = items.length;
    }
    super.willUpdate(changed);
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const s = this.data;
    // Only when the summary changes: a style write per scroll frame would cost a style recalc.
    if (s && s !== this.painted) {
      this.painted = s;
      paintSummary(this.renderRoot, s);
    }
    if (this.focusRow !== undefined) {
      this.renderRoot.querySelector<HTMLElement>(`[data-index="${this.focusRow}"]`)?.focus();
      this.focusRow = undefined;
    }
  }

  // ── EVENT HANDLERS ──────────────────────────────────────────────────────────────────────────

  // Feed pattern: Page Down / Page Up move between reviews, rendering the next one if needed.
  private readonly onFeedKey = this.guard((e: KeyboardEvent) => {
    if (e.key !== 'PageDown' && e.key !== 'PageUp') return;
    const row = e.composedPath().find((n) => (n as HTMLElement).dataset?.index !== undefined) as
      HTMLElement | undefined;
    if (!row) return;
    const next = Number(row.dataset.index) + (e.key === 'PageDown' ? 1 : -1);
    if (next < 0 || next >= this.list.value.items.length) return;
    e.preventDefault();
    this.window.reveal(next);
    this.focusRow = next;
    this.requestUpdate();
  });

  // ── RENDERING ───────────────────────────────────────────────────────────────────────────────

  protected override renderContent() {
    const v = this.summary.value;
    return html`<section part="base" aria-labelledby="heading" aria-busy=${v.status === 'loading' ? 'true' : 'false'} @pointerover=${this.ui.prefetch} @focusin=${this.ui.prefetch}>
      <h2 part="heading" id="heading">${this.i18n.t('heading')}</h2>
      ${
        v.status === 'loading'
          ? html`<p part="status" class="status">${this.i18n.t('loading')}</p>`
          : html`${renderSummary(this.parts, this.data, this.filters, this.ui.openForm)}${this.tabs.render(this.renderReviewsPanel(), this.data?.count)}`
      }
      ${this.ui.dialog()}
    </section>`;
  }

  protected override renderFallback() {
    const v = this.summary.value;
    return html`<section part="base" aria-labelledby="heading">
      <h2 part="heading" id="heading">${this.i18n.t('heading')}</h2>
      <p part="status" class="status">
        ${this.i18n.t('error')}
        ${v.status === 'error' ? html`<button part="retry" class="link" @click=${v.retry}>${this.i18n.t('retry')}</button>` : nothing}
      </p>
    </section>`;
  }

  private renderReviewsPanel() {
    const s = this.data;
    if (!s) return nothing;
    const t = this.i18n.t;
    const { items, total, loading, error } = this.list.value;
    const { start, end } = this.window;
    return html`${this.filters.render(s)}
      <p part="notice" class="notice" role="status">${this.ui.notice()}</p>
      <p class="visually-hidden" aria-live="polite">${this.announcer.value}</p>
      <div part="list" class="list" @scroll=${this.window.onScroll}>
        <div class="rows" role="feed" aria-label=${t('list')} aria-busy=${loading ? 'true' : 'false'} @keydown=${this.onFeedKey}>
          ${repeat(
            items.slice(start, end),
            (r) => r.id,
            (r, k) => this.rows.render(r, start + k, total),
          )}
        </div>
        ${loading ? html`<p class="status">${t('loading')}</p>` : nothing}
        ${!loading && !items.length && !error ? html`<p class="status">${this.filters.active ? t('noMatch') : t('empty')}</p>` : nothing}
        ${error ? html`<p class="status">${t(items.length ? 'moreError' : 'error')} <button class="link" @click=${() => this.$reviews.more()}>${t('retry')}</button></p>` : nothing}
      </div>`;
  }
}
