import { css, html, nothing } from 'lit';
import {
  emit,
  explainedCode,
  I18nController,
  intent,
  KithElement,
  registerStrings,
  SessionController,
  type AuthErrorCode,
  type CommonErrorCode,
  type ErrorStrings,
  type MediaErrorCode,
  type MessageValues,
  type Review,
  type ReviewErrorCode,
  type ReviewInput,
  type StringTable,
} from '@kith/core';
import { MEDIA_LIMITS, sniffImage } from '@kith/core/image';

/**
 * The refusals of a review or its photos that the form explains (`error.<code>`); anything else
 * (a timeout, a 5xx, a field the server refused that the form's own checks let through) is
 * `error.failed`. Every 401 reads as `customer_token_required`.
 */
const EXPLAINED = [
  'customer_token_required',
  'already_reviewed',
  'review_rate_limited',
  'rate_limited',
  'upload_quota_exceeded',
  'unsupported_media_type',
  'media_too_large',
  'image_dimensions',
  'invalid_media',
] as const satisfies readonly (ReviewErrorCode | MediaErrorCode | AuthErrorCode | CommonErrorCode)[];
/** What every locale's table must say: one message per explained code. */
export type ReviewFormProblems = ErrorStrings<(typeof EXPLAINED)[number]>;

registerStrings('review-form', 'en', {
  heading: 'Write a review',
  earn: 'Earn {points} once your review is published.',
  earnBoth: 'Earn {points} once your review is published, {photo} with a photo.',
  'points.one': '{n} point',
  'points.other': '{n} points',
  rating: 'Your rating',
  star: '{count} stars',
  'star.one': '{count} star',
  title: 'Title (optional)',
  body: 'Your review',
  bodyHint: '{length} of {max} characters, at least {min}',
  recommend: 'Would you recommend it?',
  yes: 'Yes',
  no: 'No',
  name: 'Name shown with your review',
  photos: 'Photos (optional, up to {max})',
  photosHint: 'JPEG, PNG or WebP, up to {mb} MB each. Location data is removed.',
  remove: 'Remove {name}',
  consent: 'I agree that this review, my rating and the name above are published on this shop.',
  moderation:
    'Reviews from verified buyers appear right away; reviews with photos or links are checked by a person first.',
  submit: 'Submit review',
  submitting: 'Submitting…',
  'error.rating': 'Choose a rating from 1 to 5 stars.',
  'error.body': 'Write at least {min} characters.',
  'error.name': 'Enter the name to show.',
  'error.consent': 'Please agree to publishing to submit.',
  'error.count': 'You can add up to {max} photos.',
  'error.size': '{name} is larger than {mb} MB.',
  'error.type': '{name} is not a JPEG, PNG or WebP image.',
  'error.dimensions': '{name} is larger than {max} pixels on a side.',
  'error.customer_token_required': 'Please sign in to send your review. What you wrote stays here.',
  signInFirst: 'Please sign in to write a review.',
  signIn: 'Sign in',
  signInNewTab: 'Sign in (opens in a new tab)',
  'error.already_reviewed': 'You have already reviewed this product.',
  'error.review_rate_limited': 'Too many reviews from here right now. Please try again later.',
  'error.rate_limited': 'Too many reviews from here right now. Please try again later.',
  'error.upload_quota_exceeded':
    'You have added as many photos as you can for now. Try again later, or send your review without photos.',
  'error.unsupported_media_type': 'A photo is not a JPEG, PNG or WebP image.',
  'error.media_too_large': 'A photo is larger than {mb} MB.',
  'error.image_dimensions': 'A photo is larger than {max} pixels on a side.',
  'error.invalid_media': 'A photo could not be attached. Remove it and add it again.',
  'error.unsupported': 'Reviews cannot be written here.',
  'error.failed': 'Your review could not be sent. Please try again.',
  'done.published': 'Thank you! Your review is now live.',
  'done.pending': 'Thank you! Your review will appear once a person has checked it.',
  status: 'Status: {status}',
  'status.published': 'Published',
  'status.pending': 'Waiting for moderation',
} satisfies StringTable & ReviewFormProblems);
registerStrings('review-form', 'zh-CN', () => import('./review-form.zh-CN.js'));
registerStrings('review-form', 'zh-TW', () => import('./review-form.zh-TW.js'));

const TITLE_MAX = 120;
const BODY_MIN = 10;
const BODY_MAX = 5000;
const NAME_MAX = 60;
const MB = MEDIA_LIMITS.maxBytes / 1024 / 1024;

type Field = 'rating' | 'body' | 'name' | 'consent' | 'photos' | 'form';
/**
 * A message kept by its key and values, and translated when rendered: the shopper's locale table
 * can still be loading when a check or a refusal happens, and a string looked up then would stay in
 * the fallback language.
 */
type Message = { readonly key: string; readonly values?: MessageValues };

/**
 * The "Write a review" form, loaded only when a shopper opens it. Ratings are a native radio group
 * (arrow keys work as everywhere else); photos are checked here for count, size, real type and
 * dimensions, and again by the server. Photos are listed by name, not previewed: a preview needs
 * `blob:` or `data:` images, which a strict CSP blocks.
 *
 * @tag kith-review-form
 * @summary Review form used inside `<kith-reviews>`; loaded on demand.
 * @status experimental
 * @since 0.1
 *
 * @event {CustomEvent<{ review: Review }>} kith-review-submitted - The review was accepted; `review.status` is `published` or `pending`.
 */
export class KithReviewForm extends KithElement {
  static override styles = [
    ...KithElement.styles,
    css`
      :host { display: block; }
      form { display: grid; gap: var(--_space-m); }
      h3 { margin: 0; font-size: 1.15em; }
      label, legend { font-weight: 600; }
      fieldset { border: 0; margin: 0; padding: 0; }
      input[type='text'], textarea { display: block; inline-size: 100%; margin-block-start: var(--_space-xs); padding: var(--_space-s);
        font: inherit; color: inherit; background: var(--_surface); border: 1px solid var(--_border); border-radius: var(--_radius); }
      textarea { min-block-size: 8em; resize: vertical; }
      .stars { display: flex; gap: 2px; font-size: 1.75em; }
      .stars label { position: relative; cursor: pointer; color: var(--_muted); line-height: 1; }
      .stars label.on { color: var(--star-color, var(--kith-color-star, #9a6700)); }
      .stars input { position: absolute; opacity: 0; inline-size: 100%; block-size: 100%; margin: 0; cursor: pointer; }
      .stars input:focus-visible + span { outline: 2px solid var(--_focus); outline-offset: 2px; border-radius: 2px; }
      .inline { display: flex; gap: var(--_space-m); font-weight: 400; }
      .inline label, .check { font-weight: 400; display: flex; gap: var(--_space-s); align-items: flex-start; }
      .hint, .files { color: var(--_muted); font-size: 0.875em; margin: var(--_space-xs) 0 0; }
      .files { list-style: none; padding: 0; }
      .files button { background: none; border: 0; color: var(--_brand); text-decoration: underline; font: inherit; cursor: pointer; }
      .error { color: var(--_danger); font-size: 0.875em; margin: var(--_space-xs) 0 0; }
      [aria-invalid='true'] { border-color: var(--_danger); }
      .submit { justify-self: start; background: var(--_brand); color: var(--_on-brand); border: 0; border-radius: var(--_radius);
        padding: var(--_space-s) var(--_space-m); font: inherit; font-weight: 600; cursor: pointer; }
      .submit:disabled { opacity: 0.6; cursor: progress; }
      .done { padding: var(--_space-m) 0; }
      .pill { display: inline-block; padding: 2px var(--_space-s); border-radius: var(--_radius-pill); background: var(--_surface-alt); border: 1px solid var(--_border); }
    `,
  ];

  static override properties = {
    product: { reflect: true },
    signInUrl: { attribute: 'sign-in-url' },
    rating: { state: true },
    files: { state: true },
    errors: { state: true },
    busy: { state: true },
    result: { state: true },
    earn: { state: true },
  };

  /** Product id. */
  declare product?: string;
  /**
   * The host's sign-in page: linked in place of the form while no shopper is signed in, and (in a
   * new tab, so the text stays) when the server refuses the review because the sign-in expired.
   * Default: `configure({ signInUrl })` or `data-sign-in-url`.
   */
  declare signInUrl?: string;

  declare private rating: number;
  declare private files: readonly File[];
  declare private errors: Partial<Record<Field, Message>>;
  declare private busy: boolean;
  declare private result: Review | null;
  /** What a review earns under the shop's points program, when it has one. */
  declare private earn?: { readonly review?: number; readonly photo?: number };

  private readonly i18n = new I18nController(this, 'review-form');
  private readonly session = new SessionController(this, () => this.activeAdapter);
  // One Idempotency-Key per photo and per review (same words), kept across retries, so a resend after a timeout
  // can't post either twice; a refusal or edited words make the next send a new one.
  private readonly uploads = intent(
    (file: File, idempotencyKey) => this.activeAdapter!.reviews!.uploadMedia!(file, { idempotencyKey }),
    (f) => `${f.name}:${f.size}:${f.lastModified}`,
  );
  private readonly submits = intent(
    (input: ReviewInput, idempotencyKey) => this.activeAdapter!.reviews!.submitReview!(input, { idempotencyKey }),
    (x) => JSON.stringify(x),
  );
  private readonly uploaded = new WeakMap<File, string>();

  constructor() {
    super();
    this.rating = 0;
    this.files = [];
    this.errors = {};
    this.busy = false;
    this.result = null;
    this.state = 'ready';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // A nice-to-have line: without a program, or if it fails to load, the form simply has none.
    this.activeAdapter?.points?.getProgram().then(
      (p) => {
        const rule = (action: string) => p.earn.find((r) => r.action === action)?.points;
        this.earn = { review: rule('review'), photo: rule('photo_review') };
      },
      () => {},
    );
  }

  // Part of <kith-reviews>, which reports the impression.
  protected override track(name: string, props?: Record<string, string | number | boolean>): void {
    if (name !== 'widget_impression') super.track(name, props);
  }

  private earnLine({ review, photo }: { readonly review?: number; readonly photo?: number }): string {
    const t = this.i18n.t;
    const n = (count: number) => t('points', { count, n: this.i18n.number(count) });
    return review && photo && photo > review
      ? t('earnBoth', { points: n(review), photo: n(photo) })
      : t('earn', { points: n((review || photo)!) });
  }

  protected override renderContent() {
    const t = this.i18n.t;
    if (this.result) {
      const status = this.result.status === 'published' ? 'published' : 'pending';
      return html`<div class="done" role="status" part="result">
        <p>${t(`done.${status}`)}</p>
        <p><span class="pill" part="status">${t('status', { status: t(`status.${status}`) })}</span></p>
      </div>`;
    }
    const href = this.signInHref(this.signInUrl);
    if (this.session.value === false) {
      return html`<div part="sign-in"><h3>${t('heading')}</h3><p>${t('signInFirst')}</p>${href ? html`<p><a href=${href}>${t('signIn')}</a></p>` : nothing}</div>`;
    }
    const e = this.errors;
    return html`<form part="form" novalidate @submit=${this.submit}>
      <h3>${t('heading')}</h3>
      ${this.earn?.review || this.earn?.photo ? html`<p class="hint" part="earn">${this.earnLine(this.earn)}</p>` : nothing}
      ${this.renderRating()}
      <label>${t('title')}<input type="text" name="title" maxlength=${TITLE_MAX} autocomplete="off" /></label>
      <label>${t('body')} *
        <textarea name="body" required minlength=${BODY_MIN} maxlength=${BODY_MAX} aria-invalid=${this.invalid('body')}
          aria-describedby=${e.body ? 'body-error body-hint' : 'body-hint'} @input=${() => this.requestUpdate()}></textarea>
      </label>
      <p class="hint" id="body-hint">${t('bodyHint', { length: this.i18n.number(this.bodyLength), max: this.i18n.number(BODY_MAX), min: BODY_MIN })}</p>
      ${this.err('body')}
      <fieldset>
        <legend>${t('recommend')}</legend>
        <div class="inline">
          <label><input type="radio" name="recommend" value="yes" /> ${t('yes')}</label>
          <label><input type="radio" name="recommend" value="no" /> ${t('no')}</label>
        </div>
      </fieldset>
      <label>${t('name')} *
        <input type="text" name="name" required maxlength=${NAME_MAX} autocomplete="nickname" aria-invalid=${this.invalid('name')} aria-describedby=${e.name ? 'name-error' : nothing} />
      </label>
      ${this.err('name')}
      ${this.renderPhotos()}
      <label class="check"><input type="checkbox" name="consent" required aria-invalid=${this.invalid('consent')} aria-describedby=${e.consent ? 'consent-error' : nothing} /> ${t('consent')}</label>
      ${this.err('consent')}
      <p class="hint">${t('moderation')}</p>
      <div role="alert">${
        e.form
          ? html`<p class="error">${t(e.form.key, e.form.values)}${e.form.key === 'error.customer_token_required' && href ? html` <a href=${href} target="_blank" rel="noopener">${t('signInNewTab')}</a>` : nothing}</p>`
          : nothing
      }</div>
      <button class="submit" ?disabled=${this.busy}>${t(this.busy ? 'submitting' : 'submit')}</button>
    </form>`;
  }

  private err(f: Field) {
    const m = this.errors[f];
    return m ? html`<p class="error" id=${`${f}-error`}>${this.i18n.t(m.key, m.values)}</p>` : nothing;
  }

  private invalid(f: Field) {
    return this.errors[f] ? 'true' : 'false';
  }

  /** The stars, a radio group. */
  private renderRating() {
    const t = this.i18n.t;
    const e = this.errors;
    return html`<fieldset aria-describedby=${e.rating ? 'rating-error' : nothing}>
        <legend id="rating-legend">${t('rating')} *</legend>
        <div class="stars" role="radiogroup" aria-labelledby="rating-legend" aria-required="true" aria-invalid=${this.invalid('rating')}>
          ${[1, 2, 3, 4, 5].map(
            (n) => html`<label class=${n <= this.rating ? 'on' : ''}>
            <input type="radio" name="rating" value=${n} .checked=${this.rating === n} aria-label=${t('star', { count: n })} @change=${() => (this.rating = n)} /><span aria-hidden="true">★</span>
          </label>`,
          )}
        </div>
        ${this.err('rating')}
      </fieldset>`;
  }

  /** The photo picker and the files chosen, each checked before upload. */
  private renderPhotos() {
    const t = this.i18n.t;
    const e = this.errors;
    return html`<div>
        <label>${t('photos', { max: MEDIA_LIMITS.maxPerReview })}
          <input type="file" name="photos" accept=${MEDIA_LIMITS.types.join(',')} multiple aria-describedby="photos-hint${e.photos ? ' photos-error' : ''}"
            aria-invalid=${this.invalid('photos')} @change=${this.addFiles} />
        </label>
        <p class="hint" id="photos-hint">${t('photosHint', { mb: MB })}</p>
        ${
          this.files.length
            ? html`<ul class="files">${this.files.map(
                (f) => html`<li>${f.name} <button type="button" aria-label=${t('remove', { name: f.name })}
              @click=${() => (this.files = this.files.filter((x) => x !== f))}>×</button></li>`,
              )}</ul>`
            : nothing
        }
        ${this.err('photos')}
      </div>`;
  }

  private get form(): HTMLFormElement | null {
    return this.renderRoot.querySelector('form');
  }

  private get bodyLength(): number {
    return this.form?.querySelector('textarea')?.value.trim().length ?? 0;
  }

  /** Checks each new file's size, real type and dimensions before it is ever uploaded. */
  private readonly addFiles = this.guard(async (e: Event) => {
    const input = e.target as HTMLInputElement;
    const chosen = [...(input.files ?? [])];
    input.value = '';
    const ok: File[] = [];
    let error: Message | undefined;
    for (const file of chosen) {
      const name = file.name;
      if (this.files.length + ok.length >= MEDIA_LIMITS.maxPerReview) {
        error = { key: 'error.count', values: { max: MEDIA_LIMITS.maxPerReview } };
        break;
      }
      if (file.size > MEDIA_LIMITS.maxBytes) {
        error = { key: 'error.size', values: { name, mb: MB } };
        continue;
      }
      // Enough bytes for the header and any metadata before a JPEG's frame header.
      const image = sniffImage(new Uint8Array(await file.slice(0, 256 * 1024).arrayBuffer()));
      if (!image) {
        error = { key: 'error.type', values: { name } };
        continue;
      }
      if (Math.max(image.width, image.height) > MEDIA_LIMITS.maxDimension) {
        error = { key: 'error.dimensions', values: { name, max: MEDIA_LIMITS.maxDimension } };
        continue;
      }
      ok.push(file);
    }
    this.files = [...this.files, ...ok];
    this.errors = { ...this.errors, photos: error };
  });

  private readonly submit = this.guard(async (e: SubmitEvent) => {
    e.preventDefault();
    if (this.busy) return;
    const data = new FormData(this.form!);
    const body = String(data.get('body') ?? '').trim();
    const displayName = String(data.get('name') ?? '').trim();
    const errors: Partial<Record<Field, Message>> = {};
    if (!this.rating) errors.rating = { key: 'error.rating' };
    if (body.length < BODY_MIN) errors.body = { key: 'error.body', values: { min: BODY_MIN } };
    if (!displayName) errors.name = { key: 'error.name' };
    if (!data.get('consent')) errors.consent = { key: 'error.consent' };
    if (this.errors.photos) errors.photos = this.errors.photos;
    this.errors = errors;
    if (Object.keys(errors).length) {
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
      this.renderRoot.querySelector<HTMLElement>('.stars[aria-invalid="true"] input')?.focus();
      return;
    }
    const api = this.activeAdapter?.reviews;
    if (!api?.submitReview || (this.files.length && !api.uploadMedia)) {
      this.errors = { form: { key: 'error.unsupported' } };
      return;
    }
    this.busy = true;
    try {
      const mediaIds: string[] = [];
      for (const file of this.files) {
        // A photo uploaded by an earlier try is not sent again.
        let id = this.uploaded.get(file);
        if (!id) this.uploaded.set(file, (id = (await this.uploads.run(file)).id));
        mediaIds.push(id);
      }
      const recommend = data.get('recommend');
      const title = String(data.get('title') ?? '').trim();
      const input: ReviewInput = {
        productId: this.product ?? '',
        rating: this.rating as ReviewInput['rating'],
        body,
        displayName,
        consent: true,
        ...(title ? { title } : {}),
        ...(recommend ? { recommend: recommend === 'yes' } : {}),
        ...(mediaIds.length ? { mediaIds } : {}),
      };
      const review = await this.submits.run(input);
      this.result = review;
      emit(this, 'kith-review-submitted', { review });
    } catch (error) {
      this.errors = { form: this.explain(error) };
    } finally {
      this.busy = false;
    }
  });

  /** The shopper's words for a refusal: the server's `message` is for developers, in English. */
  private explain(e: unknown): Message {
    const code = explainedCode(e, EXPLAINED);
    return { key: code ? `error.${code}` : 'error.failed', values: { mb: MB, max: MEDIA_LIMITS.maxDimension } };
  }
}

KithReviewForm.define('kith-review-form');

declare global {
  interface HTMLElementTagNameMap {
    'kith-review-form': KithReviewForm;
  }
}
