import { html, nothing, type PropertyValues } from 'lit';
import { atom } from 'nanostores';
import { I18nController, KithElement, reviewSummaryStore, StoreController, type SummaryState } from '@kith/core';
import { fillStars, starStyles, stars } from '../shared/stars.js';
import styles from './rating.styles.js';
import './strings.js'; // registers the string tables (listed in sideEffects)

const LOADING = atom<SummaryState>({ status: 'loading' });

/**
 * The compact star snippet for product cards and listing pages: stars, average and count. Every
 * snippet on a page that loads in the same task shares one request.
 *
 * @tag kith-rating
 * @summary Star rating snippet (average and count) for listing pages.
 * @status experimental
 * @since 0.1
 *
 * @event {CustomEvent<KithErrorDetail>} kith-error - The summary could not load; the snippet collapsed in place.
 *
 * @csspart base - The wrapper (a link when `href` is set).
 * @csspart stars - The five stars.
 * @csspart average - The average, one decimal.
 * @csspart count - The number of reviews, in parentheses.
 *
 * @cssproperty --star-color - Filled stars. Default: `--kith-color-star`, `#9a6700` (dark: `--kith-dark-color-star`, `#d29922`).
 * @cssproperty --star-empty-color - Empty stars. Default: the muted text colour.
 * @cssproperty [--reserve-inline-size=8em] - Width reserved before data arrives and kept on collapse.
 */
export class KithRating extends KithElement {
  static override styles = [...KithElement.styles, starStyles, styles];

  static override properties = { product: { reflect: true }, href: {} };

  /** Product id. */
  declare product?: string;

  /** Where a click goes, e.g. the product page's reviews section (`/products/tote#reviews`). */
  declare href?: string;

  private readonly summary = new StoreController(this, LOADING);
  private readonly i18n = new I18nController(this, 'rating');

  /** @internal */
  protected override get analyticsProduct(): string | undefined {
    return this.product;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const adapter = this.activeAdapter;
    this.summary.setStore(adapter && this.product ? reviewSummaryStore(adapter, this.product) : LOADING);
    this.syncState(this.summary.value);
    super.willUpdate(changed);
  }

  protected override renderContent() {
    const v = this.summary.value;
    if (v.status !== 'ready') return nothing;
    const { average, count } = v.summary;
    const avg = this.i18n.number(average, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
    const content = html`${stars()}<span part="average" aria-hidden="true">${avg}</span
      ><span part="count" aria-hidden="true">(${this.i18n.number(count)})</span>`;
    const label = this.i18n.t('label', { average: avg, count });
    return this.href
      ? html`<a part="base" href=${this.href} aria-label=${label} @click=${this.onClick}>${content}</a>`
      : html`<span part="base" role="img" aria-label=${label}>${content}</span>`;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const v = this.summary.value;
    if (v.status === 'ready') fillStars(this.renderRoot, v.summary.average);
  }

  private readonly onClick = this.guard(() => this.track('widget_click'));
}
