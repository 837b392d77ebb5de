import { html, nothing, type ReactiveControllerHost } from 'lit';
import type { I18nController, ReferralStats } from '@kith/core';
import { DialogController } from '../shared/dialog.js';
import { channelsFor, hrefFor, type ShareChannel, type ShareContent } from './channels.js';
import styles from './share-menu.styles.js';

/** What the menu needs from `<kith-share-button>`: its protected members, handed over as functions. */
export interface MenuHost {
  readonly el: ReactiveControllerHost & HTMLElement & { readonly renderRoot: ParentNode };
  readonly i18n: I18nController;
  content(): ShareContent;
  shared(channel: string, stage: 'initiated' | 'completed'): void;
  /** The host's error boundary around an event handler. */
  guard<A extends unknown[]>(fn: (...args: A) => unknown): (...args: A) => void;
}

/** What the menu shows besides the channels. */
export interface MenuView {
  /** Channel ids in order (the `channels` attribute), and the page's own channels. */
  readonly channels?: readonly string[];
  readonly custom?: readonly ShareChannel[];
  /** The shopper's personal link is shared. */
  readonly personal: boolean;
  /** The incentive in full, with its disclosure. */
  readonly offer?: string;
}

/**
 * The channel menu of `<kith-share-button>` (a modal dialog: copy link, QR code, the apps, the
 * incentive's disclosure and the advocate's numbers): not in the first view, loaded on the first
 * pointer or focus on the button, or by its click.
 */
export class ShareMenu {
  /**
   * The QR code and the note under the channels wait for their words until rendered: the shopper's
   * locale table can still be loading when they are asked for, and a string looked up then would
   * stay in the fallback language. `note` is a key; `qr` draws the code with its label.
   */
  private qr?: (label: string) => unknown;
  private note = '';
  /** The advocate's own numbers, read each time the menu opens. */
  private stats?: ReferralStats;
  private readonly modal: DialogController;

  constructor(private readonly h: MenuHost) {
    this.modal = new DialogController(h.el, {
      dialog: () => h.el.renderRoot.querySelector('dialog'),
      styles,
      root: () => h.el.renderRoot,
    });
  }

  /** Opens the menu; `stats`, for a personal link, reads the advocate's numbers while it shows. */
  async open(opener: EventTarget | null, stats?: () => Promise<ReferralStats | undefined>): Promise<void> {
    this.note = '';
    this.qr = undefined;
    this.modal.open(opener);
    if (!stats) return;
    this.stats = (await stats().catch(() => undefined)) ?? this.stats;
    this.h.el.requestUpdate();
  }

  /** Menu clicks: links open themselves; copy and QR are ours. */
  private readonly onMenu = this.h.guard(async (e: Event) => {
    const channel = (e.target as Element).closest<HTMLElement>('[data-channel]')?.dataset.channel;
    if (!channel) return;
    this.h.shared(channel, 'initiated');
    const { url } = this.h.content();
    if (channel === 'copy') {
      await navigator.clipboard.writeText(url);
      this.note = 'copied';
      this.h.shared('copy', 'completed');
    } else if (channel === 'qr') {
      const { qrCode } = await import('./qr.js');
      this.qr = qrCode(url);
    }
    this.h.el.requestUpdate();
  });

  private readonly close = () => this.modal.close();

  render(v: MenuView) {
    const { t } = this.h.i18n;
    const content = this.h.content();
    const stats = this.stats;
    return html`<dialog part="menu" aria-labelledby="heading" @click=${this.onMenu} @close=${this.modal.onClose}>
        <h2 id="heading">${t('heading')}</h2>
        ${v.personal ? html`<p class="note">${t('personal')}</p>` : nothing}
        ${v.offer ? html`<p class="note" part="disclosure"><strong>${v.offer}</strong> ${t('disclosure')}</p>` : nothing}
        ${stats ? html`<p part="stats">${[t('visits', { count: stats.clicks }), t('friends', { count: stats.conversions }), t('rewards', stats.rewards)].join(' · ')}</p>` : nothing}
        <ul>${channelsFor(v.channels, v.custom).map(
          (c) =>
            html`<li>${
              c.href
                ? html`<a part="channel" href=${hrefFor(c, content)} target="_blank" rel="noopener noreferrer" data-channel=${c.id}>${c.label ?? t(`channel.${c.id}`)}</a>`
                : html`<button part="channel" data-channel=${c.id}>${c.label ?? t(`channel.${c.id}`)}</button>`
            }</li>`,
        )}</ul>
        ${this.qr?.(t('qr')) ?? nothing}
        <p part="message" role="status">${this.note && t(this.note)}</p>
        <button class="close" @click=${this.close}>${t('close')}</button>
      </dialog>`;
  }
}
