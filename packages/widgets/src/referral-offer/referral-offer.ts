import { html, isServer, nothing, type PropertyValues } from 'lit';
import {
  I18nController,
  KithElement,
  isHttpError,
  type KithAdapter,
  type ReferralOffer,
  type ReferralReward,
} from '@kith/core';
import styles from './referral-offer.styles.js';
import './strings.js'; // registers the string tables (listed in sideEffects)

/** The code this visit came with: the loader's attribution (consent-aware), else the page's URL. */
function landedCode(): string | undefined {
  if (isServer) return undefined; // a server has no visit: the browser reads it as it hydrates
  const kith = (globalThis as { Kith?: { getAttribution?: () => { code: string } | null } }).Kith;
  return kith?.getAttribution?.()?.code ?? new URLSearchParams(location.search).get('kith_ref') ?? undefined;
}

/**
 * The friend's landing banner: "Lin gave you $10.00 off", the coupon code to use at checkout with a
 * copy button, and the disclosure that the friend who shared is rewarded. Shown only when the
 * visit came through a valid referral code; otherwise it takes no space.
 *
 * @tag kith-referral-offer
 * @summary Referred-friend banner: who gave what, and the coupon code.
 * @status experimental
 * @since 0.1
 *
 * @event {CustomEvent<KithErrorDetail>} kith-error - The offer could not load; the banner collapses.
 *
 * @csspart base - The banner.
 * @csspart code - The coupon code.
 * @csspart button - The copy and dismiss buttons.
 *
 * @cssproperty [--reserve-block-size=4.5em] - Height held while a code's offer loads.
 */
export class KithReferralOffer extends KithElement {
  static override styles = [...KithElement.styles, styles];

  static override properties = {
    code: { reflect: true },
    offer: { state: true },
    copied: { state: true },
    dismissed: { state: true },
  };

  /** The referral code. Default: this visit's (`?kith_ref=` or the loader's kept attribution). */
  declare code?: string;
  declare private offer?: ReferralOffer;
  declare private copied: boolean;
  declare private dismissed: boolean;

  private readonly i18n = new I18nController(this, 'referral-offer');
  private asked?: string;

  constructor() {
    super();
    this.copied = false;
    this.dismissed = false;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const adapter = this.activeAdapter;
    const code = this.code ?? landedCode();
    const ask = adapter && code ? code : '';
    // No code, or a backend without referrals: no offer to show.
    if (!code || (adapter && !adapter.referrals)) this.recover('empty');
    else if (ask && ask !== this.asked && adapter!.referrals) {
      this.asked = ask;
      this.offer = undefined;
      this.load(adapter!, ask);
    }
    super.willUpdate(changed);
  }

  private async load(adapter: KithAdapter, code: string): Promise<void> {
    try {
      const offer = await adapter.referrals!.getOffer(code);
      if (this.asked !== code) return;
      this.offer = offer;
      this.recover('ready');
    } catch (e) {
      if (this.asked !== code) return;
      // An unknown, blocked or capped code is no offer: nothing to show, nothing broken.
      if (isHttpError(e) && e.status === 404) this.recover('empty');
      else this.fail(e);
    }
  }

  private readonly copy = this.guard(async () => {
    await navigator.clipboard.writeText(this.offer!.couponCode);
    this.copied = true;
  });

  private readonly dismiss = () => {
    this.dismissed = true;
    this.recover('empty');
  };

  private reward(r: ReferralReward): string {
    const { t, money } = this.i18n;
    return r.kind === 'points'
      ? t('points', { points: r.points ?? 0 })
      : r.amountOff
        ? t('off', { amount: money(r.amountOff) })
        : t('percent', { percent: r.percentOff ?? 0 });
  }

  protected override renderContent() {
    const o = this.offer;
    if (!o || this.dismissed) return nothing;
    const { t } = this.i18n;
    const { friend, termsUrl } = o.incentive;
    return html`<section part="base" aria-labelledby="gift">
      <p id="gift"><strong>${t('gift', { name: o.advocateName, reward: this.reward(friend) })}</strong></p>
      <p>${t('use')} <code part="code">${o.couponCode}</code>
        <button part="button" @click=${this.copy}>${t('copy')}</button>
        <span role="status">${this.copied ? t('copied') : ''}</span></p>
      <p><small>${t('disclosure', { name: o.advocateName })}${termsUrl ? html` <a href=${termsUrl} target="_blank" rel="noopener">${t('terms')}</a>` : nothing}</small></p>
      <button part="button" class="dismiss" aria-label=${t('dismiss')} @click=${this.dismiss}>×</button>
    </section>`;
  }
}
