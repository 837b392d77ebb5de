import { html, nothing } from 'lit';
import type { ReportReason, Review } from '@kith/core';
import { DialogController } from '../shared/dialog.js';
import type { ReviewActions } from './actions.js';
import type { ReviewsContext } from './context.js';
import styles from './review-dialog.styles.js';

const REASONS: readonly ReportReason[] = ['spam', 'offensive', 'off_topic', 'fake', 'other'];

export type DialogContent =
  | { readonly kind: 'photo'; readonly review: Review; readonly index: number }
  | { readonly kind: 'report'; readonly review: Review }
  | { readonly kind: 'form' };

/**
 * The one dialog of `<kith-reviews>`: the photo lightbox (arrow keys step through a review's
 * photos), the report form, and "Write a review", whose code loads the first time it opens.
 */
export class ReviewDialog {
  private content: DialogContent | null = null;
  private formLoaded = false;
  private readonly modal: DialogController;

  /** `fallback` takes focus on close when the opener has left the DOM. */
  constructor(
    private readonly c: ReviewsContext,
    private readonly actions: ReviewActions,
    fallback: () => HTMLElement | null,
  ) {
    this.modal = new DialogController(c.host, {
      dialog: () => c.host.renderRoot.querySelector('dialog'),
      styles,
      root: () => c.host.renderRoot,
      fallback,
      closed: () => this.show(null),
    });
  }

  private show(d: DialogContent | null): void {
    this.content = d;
    this.c.host.requestUpdate();
  }

  /** `opener` takes focus back on close. */
  open(opener: Element | null, d: DialogContent): void {
    this.show(d);
    this.modal.open(opener);
  }

  openPhoto(opener: Element | null, review: Review, index: number): void {
    this.open(opener, { kind: 'photo', review, index });
    this.c.track('review_media_viewed', { review: review.id, index });
  }

  readonly openForm = this.c.guard(async (opener: Element | null) => {
    this.open(opener, { kind: 'form' });
    if (!this.formLoaded) {
      await import('./review-form.js');
      this.formLoaded = true;
      this.c.host.requestUpdate();
    }
  });

  private step(by: number): void {
    const d = this.content;
    if (d?.kind !== 'photo') return;
    const n = d.review.media.length;
    const index = (d.index + by + n) % n;
    this.show({ ...d, index });
    this.c.track('review_media_viewed', { review: d.review.id, index });
  }

  private readonly onKey = this.c.guard((e: KeyboardEvent) => {
    if (this.content?.kind !== 'photo' || (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight')) return;
    e.preventDefault();
    // Arrows follow reading direction: in RTL the right arrow goes back.
    const rtl = getComputedStyle(this.c.host).direction === 'rtl';
    this.step((e.key === 'ArrowRight') !== rtl ? 1 : -1);
  });

  private readonly close = () => this.modal.close();

  private readonly sendReport = this.c.guard(async (e: SubmitEvent) => {
    const d = this.content;
    if (d?.kind !== 'report') return;
    await this.actions.report(d.review, new FormData(e.target as HTMLFormElement).get('reason') as ReportReason);
  });

  private readonly onSubmitted = (e: CustomEvent<{ review: Review }>) => {
    const { review } = e.detail;
    this.c.track('review_submitted', {
      rating: review.rating,
      has_media: review.media.length > 0,
      verified: review.author.verifiedBuyer,
      status: review.status,
    });
  };

  render() {
    return html`<dialog part="dialog" aria-labelledby="dialog-title" @close=${this.modal.onClose} @keydown=${this.onKey}>${this.renderContent()}${this.renderForm()}</dialog>`;
  }

  private renderContent() {
    const d = this.content;
    const t = this.c.i18n.t;
    if (!d) return nothing;
    const close = html`<button class="close" aria-label=${t('close')} @click=${this.close}>×</button>`;
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
        <div class="actions"><button type="button" class="link" @click=${this.close}>${t('cancel')}</button><button class="primary">${t('send')}</button></div>
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
      ? html`<kith-review-form ?hidden=${this.content?.kind !== 'form'} .adapter=${this.c.adapter()} product=${this.c.product() ?? ''} lang=${this.c.i18n.locale}
          theme=${this.c.host.theme ?? 'light'} .signInUrl=${this.c.signInHref()} @kith-review-submitted=${this.onSubmitted}></kith-review-form>`
      : nothing;
  }
}
