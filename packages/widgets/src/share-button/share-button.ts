import { html, isServer, nothing, type PropertyValues } from 'lit';
import {
  I18nController,
  KithElement,
  SessionController,
  emit,
  intent,
  isAbortError,
  type Intent,
  type KithAdapter,
  type ReferralLink,
  type ReferralReward,
} from '@kith/core';
import type { ShareChannel, ShareContent } from './channels.js';
import type { MenuHost, ShareMenu } from './share-menu.js';
import styles from './share-button.styles.js';
import './strings.js'; // registers the string tables (listed in sideEffects)

/** Parameters Kith adds to links, left out of what is shared. */
const OURS = ['kith_ref', 'kith_team'];
/**
 * Personal links asked for on this page, per adapter and request: a button re-added by a
 * single-page app (or several buttons for one product) asks once, not once per render, which would
 * spend the shopper's write allowance. A failed request is forgotten, so the next render asks again,
 * through core's write intent: with the same Idempotency-Key after a network error, a new one after a refusal.
 */
type LinkInput = Parameters<NonNullable<KithAdapter['referrals']>['createLink']>[0];
const links = new WeakMap<
  KithAdapter,
  { readonly asked: Map<string, Promise<ReferralLink>>; readonly create: Intent<LinkInput, ReferralLink> }
>();

/**
 * Share-to-buy: one tap opens the platform's share sheet where there is one, otherwise a menu of
 * channels (copy link, a QR code drawn on the page, email, SMS, WhatsApp, Facebook, X, Weibo,
 * LINE, and any you add). A signed-in shopper shares their personal referral link and sees the
 * incentive with its disclosure; anyone else shares the plain page link.
 *
 * @tag kith-share-button
 * @summary Share a product: native share sheet or a channel menu, with personal referral links.
 * @status experimental
 * @since 0.1
 *
 * @event {CustomEvent<KithShareDetail>} kith-share - `initiated` when the shopper picks a channel, `completed` when the platform confirms it.
 *
 * @slot incentive - Your own incentive copy in place of "Give $10.00 off, get 100 points" and its disclosure.
 *
 * @csspart button - The share button.
 * @csspart incentive - The incentive on one line, with the terms link.
 * @csspart disclosure - In the menu: the incentive in full, and when the sharer gets their reward.
 *
 * @cssproperty [--reserve-block-size=2.5em] - Height reserved before the code arrives: the button's, plus the incentive's line (4.25em) where kith.css knows a shopper is signed in.
 * @cssproperty [--reserve-inline-size=auto] - Width reserved likewise: 16em where a shopper is signed in, which the incentive line fills.
 * @csspart menu - The channel menu (a modal dialog).
 * @csspart channel - Each channel in the menu.
 * @csspart qr - The QR code.
 * @csspart stats - Signed in: the shopper's clicks, friends who ordered and rewards, in the menu.
 * @csspart message - "Link copied".
 */
export class KithShareButton extends KithElement {
  static override styles = [...KithElement.styles, styles];

  static override properties = {
    product: { reflect: true },
    url: {},
    shareTitle: { attribute: 'share-title' },
    text: {},
    price: {},
    channels: {},
    customChannels: { attribute: 'custom-channels', type: Array },
    customerName: { attribute: 'customer-name' },
    menu: { type: Boolean },
    link: { state: true },
  };

  /** Product id, for the personal link and analytics. */
  declare product?: string;
  /** The page to share. Default: this page, without Kith's own parameters. */
  declare url?: string;
  /** Title to share. Default: the document's title. */
  declare shareTitle?: string;
  /** Your offer text, shared with the link ("Our canvas tote, 20% off this week"). */
  declare text?: string;
  /** The price as your page shows it (`$59.00`), shared before the offer text. */
  declare price?: string;
  /** Channel ids in the order to show, comma-separated (`copy,qr,weibo`). Default: every channel. */
  declare channels?: string;
  /** More channels without code: `[{"id":"telegram","label":"Telegram","href":"https://t.me/share/url?url={url}&text={text}"}]`. */
  declare customChannels?: ShareChannel[];
  /** The signed-in shopper's name as friends see it ("Lin gave you $10.00 off"). */
  declare customerName?: string;
  /** Always show the channel menu, even where a native share sheet exists. */
  declare menu: boolean;

  declare private link: ReferralLink | null;
  private readonly i18n = new I18nController(this, 'share-button');
  private linking?: Promise<void>;
  private adapterSeen?: KithAdapter;
  private signedInSeen?: boolean;
  private readonly session = new SessionController(this, () => this.activeAdapter);
  /** The channel menu, once its chunk is here (see `share-menu.ts`). */
  private shareMenu?: ShareMenu;
  private menuLoading?: Promise<ShareMenu>;

  constructor() {
    super();
    this.menu = false;
    this.link = null;
    // The button works without any data: there is nothing to wait for.
    this.state = 'ready';
  }

  /** @internal */
  protected override get analyticsProduct(): string | undefined {
    return this.product;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const adapter = this.activeAdapter;
    const signedIn = this.session.value;
    if (
      adapter !== this.adapterSeen ||
      signedIn !== this.signedInSeen ||
      changed.has('url') ||
      changed.has('customerName')
    ) {
      this.adapterSeen = adapter;
      this.signedInSeen = signedIn;
      this.linking = this.personalLink(adapter, signedIn);
    }
    super.willUpdate(changed);
  }

  /** The page without Kith's parameters. */
  private get pageUrl(): string {
    const u = new URL(this.url ?? location.href, location.href);
    for (const p of OURS) u.searchParams.delete(p);
    return u.href;
  }

  /**
   * A signed-in shopper's personal link (their code never changes, so asking again is harmless);
   * signed out (not asked: it could only answer 401), or without a referral program, the plain
   * link is shared instead, quietly.
   */
  private async personalLink(adapter?: KithAdapter, signedIn?: boolean): Promise<void> {
    this.link = null;
    const referrals = adapter?.referrals;
    if (!adapter || !referrals || !signedIn) return;
    const input = {
      url: this.pageUrl,
      ...(this.product ? { productId: this.product } : {}),
      ...(this.customerName ? { displayName: this.customerName } : {}),
    };
    let mine = links.get(adapter);
    if (!mine)
      links.set(
        adapter,
        (mine = {
          asked: new Map(),
          create: intent((i: LinkInput, idempotencyKey) => referrals.createLink(i, { idempotencyKey }), JSON.stringify),
        }),
      );
    const { asked, create } = mine;
    const id = JSON.stringify(input);
    let request = asked.get(id);
    if (!request) {
      asked.set(id, (request = create.run(input)));
      request.catch(() => asked.delete(id));
    }
    try {
      const link = await request;
      if (adapter === this.activeAdapter) this.link = link ?? null;
    } catch {
      // Signed out (401) or no program: the plain link it is.
    }
  }

  private content(): ShareContent {
    // The product's image reaches the apps through the page's Open Graph tags, read from the link.
    return {
      url: this.link?.url ?? this.pageUrl,
      title: this.shareTitle ?? document.title,
      text: [this.price, this.text].filter(Boolean).join(' · '),
    };
  }

  private shared(channel: string, stage: 'initiated' | 'completed'): void {
    const { url } = this.content();
    emit(this, 'kith-share', { channel, stage, url, ...(this.product ? { productId: this.product } : {}) });
    this.track(stage === 'initiated' ? 'share_initiated' : 'share_completed', { channel });
  }

  // ── EVENT HANDLERS ──────────────────────────────────────────────────────────────────────────

  /** The menu's chunk: asked for on the first pointer or focus on the button, so a click rarely waits. */
  private loadMenu(): Promise<ShareMenu> {
    return (this.menuLoading ??= import('./share-menu.js').then(
      (m) => {
        const host: MenuHost = {
          el: this,
          i18n: this.i18n,
          content: () => this.content(),
          shared: (channel, stage) => this.shared(channel, stage),
          guard: (fn) => this.guard(fn),
        };
        this.shareMenu = new m.ShareMenu(host);
        this.requestUpdate();
        return this.shareMenu;
      },
      (e: unknown) => {
        this.menuLoading = undefined;
        throw e;
      },
    ));
  }
  // A failed prefetch is retried by the click itself.
  private readonly prefetch = () => void this.loadMenu().catch(() => {});

  private readonly onShare = this.guard(async (e: Event) => {
    const opener = e.currentTarget;
    await this.linking;
    const content = this.content();
    if (!this.menu && navigator.share && navigator.canShare?.(content) !== false) {
      this.shared('native', 'initiated');
      try {
        await navigator.share(content);
        this.shared('native', 'completed');
        return;
      } catch (e) {
        // The shopper closed the sheet: done. Anything else (no permission): the menu instead.
        if (isAbortError(e) || (e as Error).name === 'AbortError') return;
      }
    }
    // The menu's code failing to load (offline, a CDN hiccup) leaves the button as it is: the next
    // tap asks again.
    const menu = await this.loadMenu().catch(() => undefined);
    await this.updateComplete;
    if (!menu || !this.isConnected) return;
    const referrals = this.link ? this.activeAdapter?.referrals : undefined;
    await menu.open(opener, referrals && (() => referrals.getStats()));
  });

  // ── RENDERING ───────────────────────────────────────────────────────────────────────────────

  private reward(r: ReferralReward): string {
    const { t, money } = this.i18n;
    return r.kind === 'points'
      ? t('points', { points: this.i18n.number(r.points ?? 0) })
      : r.amountOff
        ? t('off', { amount: money(r.amountOff) })
        : t('percent', { percent: r.percentOff ?? 0 });
  }

  protected override renderContent() {
    const { t } = this.i18n;
    const incentive = this.link?.incentive;
    const offer =
      incentive && t('incentive', { friend: this.reward(incentive.friend), advocate: this.reward(incentive.advocate) });
    // Where kith.css reserved the line's width (a signed-in page), the line fills it and ellipsizes; the menu says it whole.
    const fit = !isServer && getComputedStyle(this).getPropertyValue('--kith-signed-in').trim() === '1';
    return html`<button part="button" aria-haspopup="dialog" @click=${this.onShare} @pointerover=${this.prefetch} @focus=${this.prefetch}>${t('share')}</button>
      <slot name="incentive">${
        incentive
          ? html`<p part="incentive" class=${fit ? 'fit' : ''}><span>${offer}</span>${incentive.termsUrl ? html` <a href=${incentive.termsUrl} target="_blank" rel="noopener">${t('terms')}</a>` : nothing}</p>`
          : nothing
      }</slot>
      ${
        this.shareMenu?.render({
          channels: this.channels
            ?.split(',')
            .map((c) => c.trim())
            .filter(Boolean),
          custom: this.customChannels,
          personal: !!this.link,
          offer: offer || undefined,
        }) ?? nothing
      }`;
  }
}
