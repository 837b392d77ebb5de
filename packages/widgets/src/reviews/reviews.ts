import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { atom } from 'nanostores';
import {
  AnnouncerController, explainedCode, I18nController, KithElement, reviewSummaryStore, SessionController, StoreController, intent,
  type AuthErrorCode, type ErrorStrings, type ReportReason, type Review, type ReviewSort, type ReviewSummary, type SummaryState,
} from '@kith/core';
import { DialogController } from '../shared/dialog.js';
import { fillStars, starStyles, stars } from '../shared/stars.js';
import { ReviewListController, type ReviewFilters } from './list.js';
import { WindowController } from './window.js';
import styles from './reviews.styles.js';
import './strings.js'; // registers the string tables (listed in sideEffects)

/**
 * The refusals of a vote or report with their own notice (`error.<code>`); anything else is
 * `actionFailed`. Every 401 reads as `customer_token_required`, which a signed-out shopper is told
 * before any request too.
 */
const EXPLAINED = ['customer_token_required'] as const satisfies readonly AuthErrorCode[];
/** What every locale's table must say: one message per explained code. */
export type ReviewsProblems = ErrorStrings<(typeof EXPLAINED)[number]>;
const SIGN_IN = 'error.customer_token_required' satisfies keyof ReviewsProblems;

const LOADING = atom<SummaryState>({ status: 'loading' });
const SORTS: readonly ReviewSort[] = ['newest', 'highest', 'lowest', 'helpful', 'media'];
const REASONS: readonly ReportReason[] = ['spam', 'offensive', 'off_topic', 'fake', 'other'];
/** Longer texts start clamped with a "Read more" button. */
const LONG = 320;
/** Rows in the DOM at most: about 25 nodes each keeps the list near 400 nodes at any length. */
const MAX_ROWS = 14;

type Dialog =
  | { readonly kind: 'photo'; readonly review: Review; readonly index: number }
  | { readonly kind: 'report'; readonly review: Review }
  | { readonly kind: 'form' };

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

  static override properties = {
    product: { reflect: true },
    signInUrl: { attribute: 'sign-in-url' },
    filters: { state: true },
    tab: { state: true },
    dialog: { state: true },
    notice: { state: true },
  };

  /** Product id. */
  declare product?: string;

  /**
   * The host's sign-in page, linked instead of "Write a review" (and from votes, reports and the
   * Q&A) while no shopper is signed in. Default: `configure({ signInUrl })` or `data-sign-in-url`.
   */
  declare signInUrl?: string;

  declare private filters: ReviewFilters;
  declare private tab: 'reviews' | 'questions';
  declare private dialog: Dialog | null;
  declare private notice: string;

  private readonly summary = new StoreController(this, LOADING);
  private readonly i18n = new I18nController(this, 'reviews');
  private readonly announcer = new AnnouncerController(this);
  private readonly list = new ReviewListController(this);
  private readonly session = new SessionController(this, () => this.activeAdapter);
  private readonly window = new WindowController(this, {
    scroller: () => this.byPart('list'),
    rows: () => this.renderRoot.querySelector<HTMLElement>('.rows'),
    count: () => this.list.items.length,
    generation: () => this.list.generation,
    nearEnd: () => !this.list.error && this.list.loadMore(),
    maxRows: MAX_ROWS,
  });
  private readonly modal = new DialogController(this, {
    dialog: () => this.renderRoot.querySelector('dialog'),
    // A row scrolled out of the window takes focus back to the list.
    fallback: () => this.byPart('list'),
    closed: () => (this.dialog = null),
  });
  private readonly expanded = new Set<string>();
  private readonly voted = new Set<string>();
  private focusRow?: number;
  private shown = 0;
  private painted?: ReviewSummary;
  private formLoaded = false;
  private questionsLoaded = false;

  constructor() {
    super();
    this.filters = { sort: 'newest' };
    this.tab = 'reviews';
    this.dialog = null;
    this.notice = '';
  }

  /** @internal */
  protected override get analyticsProduct(): string | undefined {
    return this.product;
  }

  private byPart(name: string) {
    return this.renderRoot.querySelector<HTMLElement>(`[part~="${name}"]`);
  }

  private get data(): ReviewSummary | undefined {
    const v = this.summary.value;
    return v.status === 'ready' ? v.summary : undefined;
  }

  private get hasQuestions(): boolean {
    return !!this.activeAdapter?.reviews?.listQuestions;
  }

  // ── DATA ────────────────────────────────────────────────────────────────────────────────────

  protected override willUpdate(changed: PropertyValues<this>): void {
    const adapter = this.activeAdapter;
    this.summary.setStore(adapter && this.product ? reviewSummaryStore(adapter, this.product) : LOADING);
    this.syncState(this.summary.value);
    // The list loads beside the summary, not after it: one round trip to first paint.
    this.list.query(this.state === 'error' ? undefined : adapter, this.product, this.filters);
    if (this.list.items.length !== this.shown && !this.list.loading) {
      if (this.shown) this.announcer.announce(this.i18n.t('shown', { shown: this.list.items.length, count: this.list.total }), true);
      this.shown = this.list.items.length;
    }
    super.willUpdate(changed);
  }

  private setFilters(next: Partial<ReviewFilters>, analytics: Record<string, string | number | boolean>): void {
    const merged: Record<string, unknown> = { ...this.filters, ...next };
    for (const k of Object.keys(merged)) if (merged[k] === undefined || merged[k] === false) delete merged[k];
    this.filters = merged as ReviewFilters;
    this.expanded.clear();
    this.shown = 0;
    this.track(next.sort ? 'reviews_sort' : 'reviews_filter', analytics);
  }

  // ── RENDERING ───────────────────────────────────────────────────────────────────────────────

  protected override renderContent() {
    const v = this.summary.value;
    return html`<section part="base" aria-labelledby="heading" aria-busy=${v.status === 'loading' ? 'true' : 'false'}>
      <h2 part="heading" id="heading">${this.i18n.t('heading')}</h2>
      ${v.status === 'loading'
        ? html`<p part="status" class="status">${this.i18n.t('loading')}</p>`
        : html`${this.renderSummary()}${this.renderTabs()}`}
      <dialog part="dialog" aria-labelledby="dialog-title" @close=${this.modal.onClose} @keydown=${this.onDialogKey}>${this.renderDialog()}${this.renderForm()}</dialog>
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

  private renderSummary() {
    const s = this.data;
    const t = this.i18n.t;
    const href = this.signInHref(this.signInUrl);
    // Signed out, the shopper learns it before writing a word: a link to sign in, not the form.
    const write = this.session.value !== false
      ? html`<button part="write-button" class="primary" @click=${this.openForm}>${t('write')}</button>`
      : href ? html`<a part="write-button" class="primary" href=${href}>${t('signInToWrite')}</a>` : html`<p part="sign-in">${t('signInToWrite')}</p>`;
    if (!s) return html`<div part="summary" class="summary empty"><p>${t('empty')}</p>${write}</div>`;
    const avg = this.i18n.number(s.average, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
    return html`<div part="summary" class="summary">
      <div class="score">
        <span part="average" aria-hidden="true">${avg}</span>
        <span class="average-stars" role="img" aria-label=${t('average', { average: avg })}>${stars()}</span>
        <span part="count">${t('basedOn', { count: s.count })}</span>
        ${s.recommendPercent != null ? html`<span part="recommend">${t('recommend', { percent: s.recommendPercent })}</span>` : nothing}
      </div>
      <ul part="histogram" aria-label=${t('histogram')}>
        ${[5, 4, 3, 2, 1].map((n) => html`<li>
          <button part="bar" aria-pressed=${this.filters.rating === n ? 'true' : 'false'}
            ?disabled=${!s.histogram[n - 1]} @click=${() => this.setFilters({ rating: this.filters.rating === n ? undefined : (n as 1 | 2 | 3 | 4 | 5) }, { filter: 'rating', value: n })}>
            <span class="visually-hidden">${t('bar', { stars: n, count: s.histogram[n - 1]! })}</span><span aria-hidden="true">${n}★</span><span class="track"><span class="fill" data-stars=${n}></span></span><span aria-hidden="true">${this.i18n.number(s.histogram[n - 1]!)}</span>
          </button>
        </li>`)}
      </ul>
      ${write}
    </div>`;
  }

  private renderTabs() {
    if (!this.hasQuestions) return this.renderReviewsPanel();
    const t = this.i18n.t;
    const tab = (id: 'reviews' | 'questions', label: string) => html`<button role="tab" part="tab" id=${`tab-${id}`} aria-controls=${`panel-${id}`}
      aria-selected=${this.tab === id ? 'true' : 'false'} tabindex=${this.tab === id ? 0 : -1} @click=${() => this.selectTab(id)}>${label}</button>`;
    return html`<div role="tablist" part="tabs" aria-label=${t('tabs')} @keydown=${this.onTabKey}>
        ${tab('reviews', this.data ? `${t('tabReviews')} (${this.i18n.number(this.data.count)})` : t('tabReviews'))}${tab('questions', t('tabQuestions'))}
      </div>
      <div role="tabpanel" id="panel-reviews" aria-labelledby="tab-reviews" ?hidden=${this.tab !== 'reviews'}>${this.renderReviewsPanel()}</div>
      <div role="tabpanel" id="panel-questions" aria-labelledby="tab-questions" ?hidden=${this.tab !== 'questions'}>
        ${this.questionsLoaded
          ? html`<kith-review-questions .adapter=${this.activeAdapter} product=${this.product ?? ''} lang=${this.i18n.locale} theme=${this.theme ?? 'light'}
              .strings=${this.strings} .signInUrl=${this.signInHref(this.signInUrl)} @kith-question-asked=${() => this.track('question_asked')}
              @kith-answer-posted=${() => this.track('answer_posted')}></kith-review-questions>`
          : nothing}
      </div>`;
  }

  private renderReviewsPanel() {
    const s = this.data;
    if (!s) return nothing;
    const t = this.i18n.t;
    const f = this.filters;
    const filtered = !!(f.rating || f.withMedia || f.verified || f.q);
    const { items, total, loading, error } = this.list;
    const { start, end } = this.window;
    return html`<div part="toolbar" role="group" aria-label=${t('toolbar')}>
        <label class="sort">${t('sortBy')}
          <select part="sort" @change=${(e: Event) => this.setFilters({ sort: (e.target as HTMLSelectElement).value as ReviewSort }, { sort: (e.target as HTMLSelectElement).value })}>
            ${SORTS.map((k) => html`<option value=${k} ?selected=${f.sort === k}>${t(`sort.${k}`)}</option>`)}
          </select>
        </label>
        ${s.withMediaCount ? this.chip(t('withMedia', { count: s.withMediaCount }), !!f.withMedia, () => this.setFilters({ withMedia: !f.withMedia }, { filter: 'media', value: !f.withMedia })) : nothing}
        ${this.chip(t('verifiedOnly'), !!f.verified, () => this.setFilters({ verified: !f.verified }, { filter: 'verified', value: !f.verified }))}
        ${(s.topics ?? []).map((topic) => this.chip(t('topic', { label: topic.label, count: topic.count }), f.q === topic.label, () => this.setFilters({ q: f.q === topic.label ? undefined : topic.label }, { filter: 'topic', value: topic.label })))}
        ${filtered ? html`<button class="link" @click=${() => this.setFilters({ rating: undefined, withMedia: undefined, verified: undefined, q: undefined }, { filter: 'clear', value: true })}>${t('clear')}</button>` : nothing}
      </div>
      <p part="notice" class="notice" role="status">${this.notice === t(SIGN_IN) && this.signInHref(this.signInUrl) ? html`<a href=${this.signInHref(this.signInUrl)}>${this.notice}</a>` : this.notice}</p>
      <p class="visually-hidden" aria-live="polite">${this.announcer.value}</p>
      <div part="list" class="list" @scroll=${this.window.onScroll}>
        <div class="rows" role="feed" aria-label=${t('list')} aria-busy=${loading ? 'true' : 'false'} @keydown=${this.onFeedKey}>
          ${repeat(items.slice(start, end), (r) => r.id, (r, k) => this.renderReview(r, start + k, total))}
        </div>
        ${loading ? html`<p class="status">${t('loading')}</p>` : nothing}
        ${!loading && !items.length && !error ? html`<p class="status">${filtered ? t('noMatch') : t('empty')}</p>` : nothing}
        ${error ? html`<p class="status">${t(items.length ? 'moreError' : 'error')} <button class="link" @click=${() => this.list.loadMore()}>${t('retry')}</button></p>` : nothing}
      </div>`;
  }

  private chip(label: string, pressed: boolean, onClick: () => void) {
    return html`<button part="chip" aria-pressed=${pressed ? 'true' : 'false'} @click=${onClick}>${label}</button>`;
  }

  private renderReview(r: Review, i: number, total: number): TemplateResult {
    const t = this.i18n.t;
    const long = r.body.length > LONG;
    const open = this.expanded.has(r.id);
    const name = r.author.displayName;
    return html`<article part="review" data-index=${i} tabindex="-1" aria-posinset=${i + 1} aria-setsize=${total || -1} aria-labelledby=${`a${i}`}>
      <header>
        <span role="img" aria-label=${t('stars', { rating: r.rating })}><span class="stars" data-r=${r.rating} part="stars" aria-hidden="true"><span class="stars-fill">★★★★★</span>★★★★★</span></span>
        <span class="author" id=${`a${i}`}>${name}</span>
        ${r.author.verifiedBuyer ? html`<span part="verified">✓ ${t('verified')}</span>` : nothing}
        <time datetime=${r.createdAt}>${this.i18n.dateTime(Date.parse(r.createdAt), { dateStyle: 'medium' })}</time>
      </header>
      ${r.title ? html`<h3 part="review-title">${r.title}</h3>` : nothing}
      <p part="review-body" id=${`b${i}`} class=${long && !open ? 'clamp' : ''}>${r.body}</p>
      ${long ? html`<button class="link" aria-expanded=${open ? 'true' : 'false'} aria-controls=${`b${i}`} @click=${() => this.toggle(r)}>${t(open ? 'less' : 'more')}</button>` : nothing}
      ${r.media.length
        ? html`<ul part="photos">${r.media.map((m, k) => html`<li><button part="photo" aria-label=${t('openPhoto', { index: k + 1, total: r.media.length, name })}
            @click=${(e: Event) => this.openPhoto(e, r, k)}><img src=${m.thumbnailUrl ?? m.url} alt="" loading="lazy" decoding="async" width=${m.width ?? 96} height=${m.height ?? 96} /></button></li>`)}</ul>`
        : nothing}
      ${r.incentivized ? html`<p part="disclosure">${t('incentivized')}</p>` : nothing}
      ${r.reply ? html`<div part="reply"><p class="reply-label">${t('reply')}</p><p>${r.reply.body}</p></div>` : nothing}
      <footer>
        <button part="helpful" aria-pressed=${this.voted.has(r.id) ? 'true' : 'false'} @click=${() => this.vote(r)}>${t('helpful', { count: this.i18n.number(r.helpfulCount) })}</button>
        <button part="report" class="link" @click=${(e: Event) => (this.session.value === false ? (this.notice = t(SIGN_IN)) : this.openDialog(e, { kind: 'report', review: r }))}>${t('report')}</button>
      </footer>
    </article>`;
  }

  private renderDialog() {
    const d = this.dialog;
    const t = this.i18n.t;
    if (!d) return nothing;
    const close = html`<button class="close" aria-label=${t('close')} @click=${this.closeDialog}>×</button>`;
    if (d.kind === 'photo') {
      const media = d.review.media;
      const m = media[d.index]!;
      const label = t('photo', { index: d.index + 1, total: media.length, name: d.review.author.displayName });
      return html`<h2 id="dialog-title" class="visually-hidden">${label}</h2>${close}
        <img part="lightbox-image" src=${m.url} alt=${m.alt ?? label} width=${m.width ?? 800} height=${m.height ?? 800} />
        <div class="nav">
          <button aria-label=${t('previous')} ?disabled=${media.length < 2} @click=${() => this.step(-1)}>‹</button>
          <span aria-hidden="true">${d.index + 1} / ${media.length}</span>
          <button aria-label=${t('next')} ?disabled=${media.length < 2} @click=${() => this.step(1)}>›</button>
        </div>`;
    }
    if (d.kind === 'report') {
      return html`<form method="dialog" @submit=${this.sendReport}>
        <h2 id="dialog-title">${t('reportTitle')}</h2>
        <fieldset>
          <legend>${t('reportWhy')}</legend>
          ${REASONS.map((r, k) => html`<label><input type="radio" name="reason" value=${r} ?checked=${k === 0} /> ${t(`reason.${r}`)}</label>`)}
        </fieldset>
        <div class="actions"><button type="button" class="link" @click=${this.closeDialog}>${t('cancel')}</button><button class="primary">${t('send')}</button></div>
      </form>`;
    }
    return html`<h2 id="dialog-title" class="visually-hidden">${t('write')}</h2>${close}
      ${this.formLoaded ? nothing : html`<p class="status">${t('loading')}</p>`}`;
  }

  /**
   * The form stays in the dialog, hidden, once opened: closing the dialog (to read a review again,
   * or after "sign in" when a token expired) and opening it again keeps what the shopper wrote.
   */
  private renderForm() {
    return this.formLoaded
      ? html`<kith-review-form ?hidden=${this.dialog?.kind !== 'form'} .adapter=${this.activeAdapter} product=${this.product ?? ''} lang=${this.i18n.locale}
          theme=${this.theme ?? 'light'} .signInUrl=${this.signInHref(this.signInUrl)} @kith-review-submitted=${this.onSubmitted}></kith-review-form>`
      : nothing;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const s = this.data;
    const root = this.renderRoot;
    // Only when the summary changes: a style write per scroll frame would cost a style recalc.
    if (s && s !== this.painted) {
      this.painted = s;
      const summary = this.byPart('summary');
      if (summary) fillStars(summary, s.average);
      const most = Math.max(1, ...s.histogram);
      for (const fill of root.querySelectorAll<HTMLElement>('.fill')) {
        fill.style.setProperty('--_bar', `${(s.histogram[Number(fill.dataset.stars) - 1]! / most) * 100}%`);
      }
    }
    if (this.focusRow !== undefined) {
      root.querySelector<HTMLElement>(`[data-index="${this.focusRow}"]`)?.focus();
      this.focusRow = undefined;
    }
  }

  // ── INTERACTION ─────────────────────────────────────────────────────────────────────────────

  private selectTab(id: 'reviews' | 'questions'): void {
    this.tab = id;
    if (id === 'questions' && !this.questionsLoaded) {
      import('./questions.js').then(() => { this.questionsLoaded = true; this.requestUpdate(); }, (e) => this.fail(e));
    }
  }

  private readonly onTabKey = this.guard((e: KeyboardEvent) => {
    const keys: Record<string, 'reviews' | 'questions'> = { ArrowLeft: 'reviews', Home: 'reviews', ArrowRight: 'questions', End: 'questions' };
    const next = keys[e.key];
    if (!next) return;
    e.preventDefault();
    this.selectTab(next);
    this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`#tab-${next}`)?.focus());
  });

  // Feed pattern: Page Down / Page Up move between reviews, rendering the next one if needed.
  private readonly onFeedKey = this.guard((e: KeyboardEvent) => {
    if (e.key !== 'PageDown' && e.key !== 'PageUp') return;
    const row = e.composedPath().find((n) => (n as HTMLElement).dataset?.index !== undefined) as HTMLElement | undefined;
    if (!row) return;
    const next = Number(row.dataset.index) + (e.key === 'PageDown' ? 1 : -1);
    if (next < 0 || next >= this.list.items.length) return;
    e.preventDefault();
    this.window.reveal(next);
    this.focusRow = next;
    this.requestUpdate();
  });

  private toggle(r: Review): void {
    if (this.expanded.delete(r.id)) {
      this.requestUpdate();
      return;
    }
    this.expanded.add(r.id);
    this.track('review_expanded', { review: r.id });
    this.requestUpdate();
  }

  private openDialog(e: Event, d: Dialog): void {
    this.dialog = d;
    this.modal.open(e.currentTarget);
  }

  private openPhoto(e: Event, review: Review, index: number): void {
    this.openDialog(e, { kind: 'photo', review, index });
    this.track('review_media_viewed', { review: review.id, index });
  }

  private step(by: number): void {
    const d = this.dialog;
    if (d?.kind !== 'photo') return;
    const n = d.review.media.length;
    this.dialog = { ...d, index: (d.index + by + n) % n };
    this.track('review_media_viewed', { review: d.review.id, index: this.dialog.index });
  }

  private readonly onDialogKey = this.guard((e: KeyboardEvent) => {
    if (this.dialog?.kind !== 'photo' || (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight')) return;
    e.preventDefault();
    // Arrows follow reading direction: in RTL the right arrow goes back.
    const rtl = getComputedStyle(this).direction === 'rtl';
    this.step((e.key === 'ArrowRight') !== rtl ? 1 : -1);
  });

  private readonly closeDialog = () => this.modal.close();

  private readonly openForm = this.guard(async (e: Event) => {
    this.openDialog(e, { kind: 'form' });
    if (!this.formLoaded) {
      await import('./review-form.js');
      this.formLoaded = true;
      this.requestUpdate();
    }
  });

  private readonly onSubmitted = (e: CustomEvent<{ review: Review }>) => {
    const { review } = e.detail;
    this.track('review_submitted', { rating: review.rating, has_media: review.media.length > 0, verified: review.author.verifiedBuyer, status: review.status });
  };

  // One Idempotency-Key per vote and per report (review and reason), kept when the shopper retries it after a
  // network error, so the retry cannot count twice.
  private readonly votes = intent((id: string, idempotencyKey) => this.activeAdapter!.reviews!.markHelpful!(id, { idempotencyKey }));
  private readonly reports = intent(
    ([id, reason]: readonly [string, ReportReason], idempotencyKey) => this.activeAdapter!.reviews!.report!(id, reason, { idempotencyKey }),
    (x) => x.join(),
  );

  /** Writes show their outcome in the notice line; a missing customer asks to sign in. */
  private async act(run: () => Promise<unknown> | undefined, done: string): Promise<boolean> {
    // Signed out: no request that can only answer 401.
    if (this.session.value === false) {
      this.notice = this.i18n.t(SIGN_IN);
      return false;
    }
    try {
      if (!(await run())) throw new Error('unsupported');
      this.notice = done;
      return true;
    } catch (e) {
      const code = explainedCode(e, EXPLAINED);
      this.notice = this.i18n.t(code ? `error.${code}` : 'actionFailed');
      return false;
    }
  }

  private async vote(r: Review): Promise<void> {
    if (this.voted.has(r.id)) return;
    const api = this.activeAdapter?.reviews;
    let count = r.helpfulCount;
    const ok = await this.act(() => api?.markHelpful && this.votes.run(r.id).then((x) => (count = x.helpfulCount, true)), this.i18n.t('voted'));
    if (!ok) return;
    this.voted.add(r.id);
    this.list.patch(r.id, { helpfulCount: count });
    this.track('review_helpful', { review: r.id });
  }

  private readonly sendReport = this.guard(async (e: SubmitEvent) => {
    const d = this.dialog;
    if (d?.kind !== 'report') return;
    const reason = new FormData(e.target as HTMLFormElement).get('reason') as ReportReason;
    const api = this.activeAdapter?.reviews;
    if (await this.act(() => api?.report && this.reports.run([d.review.id, reason]).then(() => true), this.i18n.t('reported'))) {
      this.track('review_reported', { review: d.review.id, reason });
    }
  });
}
