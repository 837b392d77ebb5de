import { html, nothing, type PropertyValues } from 'lit';
import { atom } from 'nanostores';
import {
  AnnouncerController,
  ClockController,
  emit,
  I18nController,
  icsHref,
  KithElement,
  liveShowStore,
  StoreController,
  toIcs,
  type LiveShow,
  type LiveState,
} from '@kith/core';
import styles from './live-badge.styles.js';
import './strings.js'; // registers the string tables (listed in sideEffects)

const LOADING = atom<LiveState>({ status: 'loading' });

/**
 * A "live now" badge for live shopping: scheduled with a countdown and add-to-calendar, live with
 * a real viewer count, ended with a replay link. It never loads a video player: a click follows
 * the link, or the host takes over through `kith-live-open`.
 *
 * @tag kith-live-badge
 * @summary Live-shopping status badge: scheduled, live with viewers, ended with replay.
 * @status experimental
 * @since 0.1
 *
 * @event {CustomEvent<KithLiveOpenDetail>} kith-live-open - Before the stream or replay link opens. Cancelable: call `preventDefault()` to open your own player.
 * @event {CustomEvent<KithErrorDetail>} kith-error - The badge could not load its show and collapsed in place.
 *
 * @csspart base - The wrapper around pill and calendar link.
 * @csspart pill - The badge itself (a link when there is somewhere to go).
 * @csspart dot - The pulsing dot while live.
 * @csspart label - "LIVE", "Live in 2 hr.", "Watch replay", "Stream ended".
 * @csspart viewers - The viewer count while live.
 * @csspart calendar - The add-to-calendar link while scheduled.
 *
 * @cssproperty --live-color - Background of the pill while live. Default: the live token, `--kith-color-live` (`--kith-dark-color-live` when dark).
 * @cssproperty [--reserve-inline-size=8.5em] - Width reserved before data arrives and kept on collapse.
 */
export class KithLiveBadge extends KithElement {
  static override styles = [...KithElement.styles, styles];

  // ── PUBLIC API ──────────────────────────────────────────────────────────────────────────────
  // Declared through `static properties` rather than decorators: the decorator helper alone would
  // cost a tenth of the badge's 2 KB budget.

  static override properties = {
    show: { reflect: true },
    product: { reflect: true },
    href: {},
    target: {},
  };

  /** Id of the show to badge. */
  declare show?: string;

  /** Product id: badges its live show, else its next scheduled one, else its latest replay. Ignored when `show` is set. */
  declare product?: string;

  /** Link to open instead of the show's stream or replay URL (e.g. your own live page). */
  declare href?: string;

  /** Browsing context for the link, e.g. `_blank`. */
  declare target?: string;

  // ── STATE & CONTROLLERS ─────────────────────────────────────────────────────────────────────

  private readonly live = new StoreController(this, LOADING);
  private readonly i18n = new I18nController(this, 'live-badge');
  private readonly announcer = new AnnouncerController(this);
  private readonly clock = new ClockController(this, () => {
    const show = this.current;
    return show?.status === 'scheduled' ? Date.parse(show.startsAt) : undefined;
  });
  private lastShow?: LiveShow;

  private get current(): LiveShow | undefined {
    const v = this.live.value;
    return v.status === 'ready' ? v.show : undefined;
  }

  /** @internal */
  protected override get analyticsProduct(): string | undefined {
    return this.product ?? this.current?.productIds[0];
  }

  /** @internal */
  protected override get analyticsProps() {
    return { status: this.current?.status ?? 'none' };
  }

  // ── LIFECYCLE ───────────────────────────────────────────────────────────────────────────────

  protected override willUpdate(changed: PropertyValues<this>): void {
    const adapter = this.activeAdapter;
    const query = this.show ? { showId: this.show } : this.product ? { productId: this.product } : undefined;
    this.live.setStore(adapter && query ? liveShowStore(adapter, query) : LOADING);

    this.syncState(this.live.value);

    const show = this.current;
    if (show !== this.lastShow) this.onShowChange(show, this.lastShow);
    this.lastShow = show;
    super.willUpdate(changed);
  }

  private onShowChange(show: LiveShow | undefined, prev: LiveShow | undefined): void {
    if (show?.status !== prev?.status || show?.startsAt !== prev?.startsAt) this.clock.schedule();
    if (!show || !prev || show.id !== prev.id) return;
    const { t, compact, relative } = this.i18n;
    const count = show.viewerCount ?? 0;
    const values = { title: show.title, viewers: compact(count), count, when: relative(Date.parse(show.startsAt)) };
    // Status changes are announced at once; viewer counts at most every 30 s.
    const label = { live: 'liveLabel', ended: 'ended', scheduled: 'startsIn' }[show.status];
    if (show.status !== prev.status) {
      this.announcer.announce(t(label, values), true);
      this.track('live_status_change', { from: prev.status });
    } else if (show.status === 'live' && count !== prev.viewerCount) this.announcer.announce(t('viewers', values));
  }

  // ── EVENT HANDLERS ──────────────────────────────────────────────────────────────────────────

  private readonly onOpen = this.guard((e: MouseEvent) => {
    const show = this.current;
    const url = (e.currentTarget as HTMLAnchorElement).href;
    if (!show) return;
    this.track('widget_click');
    if (!emit(this, 'kith-live-open', { show, url }, { cancelable: true })) e.preventDefault();
  });

  // ── RENDERING ───────────────────────────────────────────────────────────────────────────────

  protected override renderContent() {
    const show = this.current;
    if (!show) return html`<span class="skeleton" part="pill"></span>`;
    const { t, compact } = this.i18n;
    const n = show.viewerCount ?? 0;
    let body;
    if (show.status === 'live') {
      body = this.renderPill(
        this.href ?? show.streamUrl,
        show.title,
        html`<span part="dot"></span><span part="label">${t('live')}</span>
        ${show.viewerCount === undefined ? nothing : html`<span part="viewers">${t('viewers', { viewers: compact(n), count: n })}</span>`}`,
      );
    } else if (show.status === 'scheduled') {
      const starts = Date.parse(show.startsAt);
      // Under a second to go reads "now" in Intl, which would say "Live now" before it is.
      const when = starts - this.clock.now >= 1000 ? this.i18n.relative(starts, this.clock.now) : '';
      const url = this.href ?? show.streamUrl;
      body = html`${this.renderPill(url, show.title, html`<span part="label">${when ? t('startsIn', { when }) : t('startingSoon')}</span>`)}
        ${
          when
            ? html`<a part="calendar" href=${icsHref(toIcs({ uid: show.id, title: show.title, start: show.startsAt, url }))}
          download="${show.id}.ics">${t('addToCalendar')}</a>`
            : nothing
        }`;
    } else {
      const url = this.href ?? show.replayUrl;
      body = this.renderPill(url, show.title, html`<span part="label">${t(url ? 'replay' : 'ended')}</span>`);
    }
    return html`<span class="badge ${show.status}" part="base">${body}</span>
      <span class="visually-hidden" role="status" aria-live="polite">${this.announcer.value}</span>`;
  }

  // The title is in the accessible name, after the visible text (WCAG 2.5.3 label in name).
  private renderPill(url: string | undefined, title: string, content: unknown) {
    const inner = html`${content}<span class="visually-hidden">: ${title}</span>`;
    // No rel=noopener needed: browsers imply it for target=_blank.
    return url
      ? html`<a part="pill" href=${url} target=${this.target ?? nothing} @click=${this.onOpen}>${inner}</a>`
      : html`<span part="pill">${inner}</span>`;
  }
}
