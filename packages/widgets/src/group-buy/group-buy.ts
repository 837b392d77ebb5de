import { html, isServer, nothing, type PropertyValues } from 'lit';
import {
  AnnouncerController,
  ClockController,
  I18nController,
  KithElement,
  SessionController,
  type GroupBuyMember,
  type GroupBuyTeam,
} from '@kith/core';
import type { ActionHost, TeamAction } from './team-actions.js';
import { countdown } from '../shared/countdown.js';
import { progressBar, progressStyles } from '../shared/progress.js';
import { GroupBuyController } from './controller.js';
import styles from './group-buy.styles.js';
import './strings.js'; // registers the string tables (listed in sideEffects)

const TEAM_PARAM = 'kith_team';

const open = (t: GroupBuyTeam) => t.state === 'forming' || t.state === 'succeeded';

/**
 * Group buy (拼团): solo price against the team price, the shopper's team (or a shared one) with a
 * tier-stepped progress bar, members, a countdown on server time and live updates, open teams to
 * join, start-a-team, and a share button to recruit. Seats are held for checkout: the host adds
 * the product to its cart on `kith-group-join` and its backend reports the order.
 *
 * @tag kith-group-buy
 * @summary Team purchase: start or join a team to unlock a lower price before a deadline.
 * @status experimental
 * @since 0.1
 *
 * @event {CustomEvent<KithGroupJoinDetail>} kith-group-join - A seat is held: add the product to your cart at `price`. Cancelable: `preventDefault()` gives the seat back.
 * @event {CustomEvent<{ teamId: string }>} kith-group-leave - The shopper gave a seat back.
 * @event {CustomEvent<KithErrorDetail>} kith-error - The group buy could not load; the widget shows a retry in its reserved space.
 *
 * @slot share - Your own share control (such as `<kith-share-button>`) in place of the built-in "Invite friends" button.
 *
 * @csspart base - The whole widget.
 * @csspart prices - Solo and team prices side by side.
 * @csspart note - Campaign notes: reward, scheduled, ended, sold out.
 * @csspart team - The team in focus.
 * @csspart state - The team's state label.
 * @csspart progress - The progress bar (one segment per seat), shared with `<kith-points>`.
 * @csspart tiers - The tier steps under the bar.
 * @csspart members - Member avatars.
 * @csspart countdown - Time left, on server time.
 * @csspart seat - The shopper's own seat: held or confirmed.
 * @csspart teams - The list of open teams: the first, then the others behind "N more teams" (the widget's height stays the reserved one).
 * @csspart button - Every button.
 * @csspart message - Why the last action failed, or "Link copied".
 * @csspart sign-in - Signed out: "Sign in to start or join a team", with the sign-in link, in place of start and join.
 *
 * @cssproperty --kith-color-progress - The progress bar's paid and held seats. Default: the danger colour.
 * @cssproperty [--reserve-block-size=19em] - Height reserved before data arrives and kept on failure: an offer with open teams fits in it.
 */
export class KithGroupBuy extends KithElement {
  static override styles = [...KithElement.styles, progressStyles, styles];

  // Declared through `static properties`: the decorator helper costs bytes the 4 KB budget needs.
  static override properties = {
    product: { reflect: true },
    team: { reflect: true },
    customerName: { attribute: 'customer-name' },
    shareUrl: { attribute: 'share-url' },
    signInUrl: { attribute: 'sign-in-url' },
  };

  /** Product id whose group buy to show. */
  declare product?: string;

  /** A team to show first (from a shared link). Default: the `kith_team` parameter of the page URL. */
  declare team?: string;

  /** The signed-in shopper's name as others see it: the team's name when they lead ("Lin's team"), initials otherwise. */
  declare customerName?: string;

  /** The link "Invite friends" shares. Default: this page with `?kith_team=<team id>`. */
  declare shareUrl?: string;

  /** Signed out: the host's sign-in page, linked in place of start and join. Default: `configure({ signInUrl })` or `data-sign-in-url`. */
  declare signInUrl?: string;

  // ── STATE & CONTROLLERS ─────────────────────────────────────────────────────────────────────

  private readonly i18n = new I18nController(this, 'group-buy');
  private readonly announcer = new AnnouncerController(this, 10_000);
  private readonly session = new SessionController(this, () => this.activeAdapter);
  private readonly gb = new GroupBuyController(
    this,
    () => ({
      adapter: this.activeAdapter,
      product: this.product,
      team: this.team ?? (isServer ? undefined : (new URL(location.href).searchParams.get(TEAM_PARAM) ?? undefined)),
    }),
    (t, prev) => this.onTeam(t, prev),
  );
  /**
   * Ticks once a second while a deadline is on screen (the target only says whether there is one).
   * Lapsed holds and deadlines arrive as pushes from the server.
   */
  private readonly clock = new ClockController(
    this,
    () => (this.counting ? 0 : undefined),
    () => 1000,
  );
  private counted = false;

  /** @internal */
  protected override get analyticsProduct(): string | undefined {
    return this.product;
  }

  // ── LIFECYCLE ───────────────────────────────────────────────────────────────────────────────

  protected override willUpdate(changed: PropertyValues<this>): void {
    this.gb.sync();
    this.syncState(this.gb.state);
    if (this.counting !== this.counted) {
      this.counted = this.counting;
      this.clock.schedule();
    }
    super.willUpdate(changed);
  }

  private get counting(): boolean {
    const { team, offer } = this.gb;
    return (team && open(team)) || !!offer?.teams.length;
  }

  /** A change of the team on screen is announced by the actions chunk: the view updates at once, the words follow. */
  private onTeam(team: GroupBuyTeam | undefined, prev: GroupBuyTeam | undefined): void {
    if (team && prev && team.id === prev.id)
      this.actions().then(
        (m) => m.announce(this.host, team, prev),
        () => {},
      );
  }

  // ── EVENT HANDLERS ──────────────────────────────────────────────────────────────────────────

  /** The actions chunk; asked for on the first pointer or focus inside, so a click rarely waits. */
  private readonly actions = () => import('./team-actions.js');
  // A failed prefetch is retried by the click itself.
  private readonly prefetch = () => void this.actions().catch(() => {});

  private get host(): ActionHost {
    return {
      el: this,
      gb: this.gb,
      displayName: this.customerName,
      shareUrl: this.shareUrl,
      announcer: this.announcer,
      track: (name, props) => this.track(name, props),
      t: this.i18n.t,
      money: this.i18n.money,
      teamName: (x) => this.teamName(x),
    };
  }

  /** Every button says what it does in `data-act` (and `data-id`): one listener, one lazy chunk. */
  private readonly onClick = this.guard(async (e: Event) => {
    const button = (e.target as Element).closest<HTMLElement>('[data-act]');
    if (button) await (await this.actions()).run(this.host, button.dataset.act as TeamAction, button.dataset.id!);
  });

  // ── RENDERING ───────────────────────────────────────────────────────────────────────────────

  /** No shopper signed in: nothing to start or join with. */
  private get out(): boolean {
    return this.session.value === false;
  }

  private teamName(team: GroupBuyTeam): string {
    return team.you ? this.i18n.t('yourTeam') : this.i18n.t('leaderTeam', { name: team.leaderName });
  }

  protected override renderFallback() {
    return html`<section part="base">
      <p part="note">${this.i18n.t('error')}
        <button part="button" class="link" @click=${this.gb.load}>${this.i18n.t('retry')}</button></p>
    </section>`;
  }

  protected override renderContent() {
    const { offer, team, busy, message } = this.gb;
    if (this.gb.state.status !== 'ready' || !offer) return html`<div class="skeleton" part="base"></div>`;
    const { t, money } = this.i18n;
    const c = offer.campaign;
    const first = c.tiers[0]!;
    const lowest = c.tiers[c.tiers.length - 1]!;
    // Signed out, start and join give way to one line that says to sign in first.
    const out = this.out;
    const href = this.signInHref(this.signInUrl);
    const canStart = !out && c.status === 'active' && (!team?.you || !open(team));
    const others = team?.you && open(team) ? [] : offer.teams.filter((x) => x.id !== team?.id);
    return html`<section part="base" aria-labelledby="heading" @pointerover=${this.prefetch} @focusin=${this.prefetch} @click=${this.onClick}>
      <h2 id="heading">${t('heading')}</h2>
      <div part="prices">
        <p class="solo"><span>${t('solo')}</span> <span class="amount">${money(c.soloPrice)}</span></p>
        <p class="team"><span>${t('team')}</span> <strong class="amount">${c.tiers.length > 1 ? t('from', { price: money(lowest.price) }) : money(first.price)}</strong></p>
      </div>
      ${c.reward ? html`<p part="note">${t('reward', { reward: c.reward.description })}${c.reward.points ? t('rewardPoints', { count: c.reward.points }) : ''}</p>` : nothing}
      ${c.status === 'active' ? nothing : html`<p part="note" class="notice">${t(c.status, { when: this.i18n.relative(Date.parse(c.startsAt), this.gb.now()) })}</p>`}
      ${team ? this.renderTeam(team) : nothing}
      ${others.length ? html`<h3>${t('openTeams')}</h3><ul part="teams">${this.renderOpenTeam(others[0]!)}</ul>` : nothing}
      ${others.length > 1 ? html`<details><summary>${t('moreTeams', { count: others.length - 1 })}</summary><ul part="teams">${others.slice(1).map((x) => this.renderOpenTeam(x))}</ul></details>` : nothing}
      ${canStart ? html`<button part="button" class="primary" ?disabled=${!!busy} data-act="start" data-id=${c.id}>${t('start', { price: money(first.price) })}</button>` : nothing}
      ${out && c.status === 'active' ? html`<p part="sign-in">${href ? html`<a href=${href}>${t('signIn')}</a>` : t('signIn')}</p>` : nothing}
      <p part="message" role="status">${message ? t(message) : ''}</p>
      <span class="visually-hidden" role="status" aria-live="polite">${this.announcer.value}</span>
    </section>`;
  }

  private renderTeam(team: GroupBuyTeam) {
    const { t, money } = this.i18n;
    const you = team.you;
    const joined = team.confirmedCount;
    const next = team.tiers.find((x) => x.size > joined);
    const reached = team.tierReached;
    const price = (reached ?? team.tiers[0]!).price;
    const text = next
      ? t('more', { joined, count: next.size - joined, price: money(next.price) })
      : t('deepest', { joined, price: money(price) });
    const holding = team.seatCount - joined;
    const left = Date.parse(team.expiresAt) - this.gb.now();
    const canJoin = !you && !this.out && open(team) && team.seatCount < team.maxMembers;
    return html`<article part="team" class=${team.state} aria-labelledby="team-name">
      <h3 id="team-name">${this.teamName(team)} <span part="state">${t(`state.${team.state}`)}</span></h3>
      ${progressBar({ value: joined, max: team.maxMembers, label: t('progress'), text, segments: true, held: team.seatCount })}
      <p>${text}${holding > 0 ? html` · ${t('checkingOut', { count: holding })}` : nothing}</p>
      <ol part="tiers">${team.tiers.map((x) => html`<li>${reached && x.size <= reached.size ? '✓ ' : ''}${t('tier', { count: x.size, price: money(x.price) })}</li>`)}</ol>
      <ul part="members" aria-hidden="true">${team.members.map((m) => this.renderMember(m))}</ul>
      ${open(team) ? html`<p part="countdown">${t('endsIn')} <time>${countdown(left)}</time></p>` : nothing}
      ${team.state === 'expired' ? html`<p part="note">${t('expiredNote')}</p>` : team.state === 'closed' ? html`<p part="note">${t('closedNote', { price: money(price) })}</p>` : nothing}
      ${
        you
          ? html`<p part="seat" class=${you.seat}>${
              you.seat === 'held'
                ? t('held', {
                    price: money(you.price),
                    time: countdown(Date.parse(you.holdExpiresAt ?? '') - this.gb.now()),
                  })
                : t('confirmed', { price: money(you.price) })
            }</p>`
          : nothing
      }
      <div class="actions">
        ${canJoin ? html`<button part="button" class="primary" data-act="join" data-id=${team.id} ?disabled=${!!this.gb.busy}>${t('joinTeam', { name: team.leaderName })}</button>` : nothing}
        ${open(team) && team.seatCount < team.maxMembers ? html`<slot name="share"><button part="button" data-act="share" data-id=${team.id}>${t('share')}</button></slot>` : nothing}
        ${you && team.state === 'forming' ? html`<button part="button" class="link" data-act="leave" data-id=${team.id} ?disabled=${!!this.gb.busy}>${t('leave')}</button>` : nothing}
      </div>
    </article>`;
  }

  private renderOpenTeam(team: GroupBuyTeam) {
    const { t } = this.i18n;
    const spots = team.maxMembers - team.seatCount;
    return html`<li>
      <span class="who">${t('leaderTeam', { name: team.leaderName })}
        <small>${t('spots', { count: spots })} · <time>${countdown(Date.parse(team.expiresAt) - this.gb.now())}</time></small></span>
      ${this.out ? nothing : html`<button part="button" data-act="join" data-id=${team.id} aria-label=${t('joinTeam', { name: team.leaderName })} ?disabled=${!!this.gb.busy}>${t('join')}</button>`}
    </li>`;
  }

  private renderMember(m: GroupBuyMember) {
    // Members are decoration beside the counts in the progress text, so the list is aria-hidden.
    return html`<li class="${m.seat} ${m.leader ? 'leader' : ''}">${m.avatarUrl ? html`<img src=${m.avatarUrl} alt="">` : m.initials}</li>`;
  }
}
