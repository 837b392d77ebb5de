import { html, nothing, type PropertyValues } from 'lit';
import {
  AnnouncerController,
  I18nController,
  KithElement,
  SessionController,
  type PointsAccount,
  type PointsProgram,
  type PointsReward,
} from '@kith/core';
import type { PointsHost } from './points-actions.js';
import { progressBar, progressStyles } from '../shared/progress.js';
import { PointsController } from './controller.js';
import styles from './points.styles.js';
import './strings.js'; // registers the string tables (listed in sideEffects)

const DAY = { dateStyle: 'medium' } as const;

/**
 * Loyalty points (积分): the balance with what is pending, tier progress, the daily check-in with
 * its streak, rewards to redeem (with a confirm step and the resulting code), ways to earn, badges,
 * and a history in which every line says why the balance moved. Signed out, it explains the
 * program and offers to join. All numbers come from the server's ledger.
 *
 * @tag kith-points
 * @summary Loyalty points: balance, tiers, check-in, rewards, badges and an explained history.
 * @status experimental
 * @since 0.1
 *
 * @event {CustomEvent<PointsCheckIn>} kith-points-check-in - The shopper checked in; `detail.account` is the new standing.
 * @event {CustomEvent<PointsRedemption>} kith-points-redeem - The shopper redeemed a reward; `detail.code` is the code to apply at checkout.
 * @event {CustomEvent<KithErrorDetail>} kith-error - The program could not load; the widget shows a retry in its reserved space.
 *
 * @slot join - Signed out: your own sign-in or join controls in place of the two links.
 *
 * @csspart base - The whole widget.
 * @csspart balance - The balance with pending points.
 * @csspart tier - The shopper's tier name.
 * @csspart progress - The progress bar to the next tier (a native `<progress>`), shared with `<kith-group-buy>`.
 * @csspart check-in - The daily check-in and streak.
 * @csspart rewards - The rewards list.
 * @csspart reward - One reward.
 * @csspart code - A redeemed code.
 * @csspart earn - The ways to earn.
 * @csspart badges - The badges list.
 * @csspart tiers - Signed out: the tiers and their perks.
 * @csspart history - The points history (a disclosure).
 * @csspart button - Every button and button-like link.
 * @csspart message - Why the last action failed, or what it did.
 *
 * @cssproperty --kith-color-progress - The tier progress bar's fill. Default: the brand colour.
 * @cssproperty --kith-color-progress-track - The tier progress bar's track. Default: the alternate surface colour.
 * @cssproperty [--reserve-block-size=24em] - Height reserved before data arrives and kept on failure.
 */
export class KithPoints extends KithElement {
  static override styles = [...KithElement.styles, progressStyles, styles];

  static override properties = {
    joinUrl: { attribute: 'join-url' },
    signInUrl: { attribute: 'sign-in-url' },
  };

  /** Where "Join now" leads a signed-out shopper (your account sign-up page). */
  declare joinUrl?: string;

  /** Where "Sign in" leads a signed-out shopper. Default: `configure({ signInUrl })` or `data-sign-in-url`. */
  declare signInUrl?: string;

  // ── STATE & CONTROLLERS ─────────────────────────────────────────────────────────────────────

  private readonly i18n = new I18nController(this, 'points');
  private readonly announcer = new AnnouncerController(this, 0);
  private readonly session = new SessionController(this, () => this.activeAdapter);
  private readonly pts = new PointsController(this, () => this.activeAdapter, this.session);

  // ── LIFECYCLE ───────────────────────────────────────────────────────────────────────────────

  protected override willUpdate(changed: PropertyValues<this>): void {
    this.pts.sync();
    // An open history follows the account: read again after a write, started over for another adapter.
    this.mod?.follow(this.host);
    this.syncState(this.pts.state);
    super.willUpdate(changed);
  }

  // ── EVENT HANDLERS ──────────────────────────────────────────────────────────────────────────

  /** The actions and history chunk; asked for on the first pointer or focus inside, so a click rarely waits. */
  private readonly actions = () => import('./points-actions.js').then((m) => (this.mod = m));
  private mod?: typeof import('./points-actions.js');
  // A failed prefetch is retried by the click itself.
  private readonly prefetch = () => void this.actions().catch(() => {});

  /** What the lazy chunk works with: the same object for every call, as nothing in it changes. */
  private readonly host: PointsHost = {
    el: this,
    pts: this.pts,
    announcer: this.announcer,
    i18n: this.i18n,
    p: (n) => this.p(n),
    track: (name, props) => this.track(name, props),
  };

  /** Every button says what it does in `data-act` (and `data-id`): one delegated listener, one lazy chunk. */
  private readonly onClick = this.guard(async (e: Event) => {
    const button = (e.target as Element).closest<HTMLElement>('button[data-act]');
    if (button) await (await this.actions()).run(this.host, button.dataset.act!, button.dataset.id ?? '');
  });

  private readonly onToggle = this.guard(async (e: Event) => {
    if ((e.target as HTMLDetailsElement).open) (await this.actions()).openHistory(this.host);
  });

  // ── RENDERING ───────────────────────────────────────────────────────────────────────────────

  /** `1,240 points`, pluralised on the number and formatted for the locale. */
  private p(count: number): string {
    return this.i18n.t('points', { count, n: this.i18n.number(count) });
  }

  protected override renderFallback() {
    return html`<section part="base">
      <p>${this.i18n.t('error')} <button part="button" class="link" @click=${this.pts.load}>${this.i18n.t('retry')}</button></p>
    </section>`;
  }

  protected override renderContent() {
    const { program, account } = this.pts;
    if (this.pts.state.status !== 'ready' || !program) return html`<div class="skeleton" part="base"></div>`;
    const { t } = this.i18n;
    return html`<section part="base" aria-labelledby="heading" @pointerover=${this.prefetch} @focusin=${this.prefetch} @click=${this.onClick}>
      <h2 id="heading">${program.name}</h2>
      ${account ? this.renderAccount(program, account) : this.renderJoin(program)}
      <h3>${t('rewards')}</h3>
      <ul part="rewards">${program.rewards.map((r) => this.renderReward(program, account, r))}</ul>
      <h3>${t('earn')}</h3>
      <ul part="earn">${this.renderEarn(program)}</ul>
      ${account ? this.renderBadges(program, account) : this.renderTiers(program)}
      ${account ? this.renderHistory() : nothing}
      ${program.termsUrl ? html`<a href=${program.termsUrl}>${t('terms')}</a>` : nothing}
      <span class="visually-hidden" role="status" aria-live="polite">${this.announcer.value}</span>
    </section>`;
  }

  private renderJoin(program: PointsProgram) {
    const { t } = this.i18n;
    const signIn = this.signInHref(this.signInUrl);
    return html`<p>${t('joinLead')}</p>
      <div class="actions"><slot name="join">
        ${this.joinUrl ? html`<a part="button" class="primary" href=${this.joinUrl}>${t('joinNow')}</a>` : nothing}
        ${signIn ? html`<a part="button" href=${signIn}>${t('signIn')}</a>` : nothing}
        ${this.joinUrl || signIn ? nothing : html`<p>${t('join', { program: program.name })}</p>`}
      </slot></div>`;
  }

  private renderAccount(program: PointsProgram, a: PointsAccount) {
    const { t, dateTime } = this.i18n;
    const next = a.nextTier;
    const rule = program.earn.find((r) => r.action === 'check_in');
    const bonus = rule?.streakBonus;
    // Days of the current bonus cycle done: a streak of 7 fills all 7, of 8 starts again at 1.
    const done = bonus ? a.checkIn.streak % bonus.everyDays || (a.checkIn.streak && bonus.everyDays) : 0;
    const { busy } = this.pts;
    return html`<p part="tier">${t('tier', { tier: a.tier.name })}</p>
      <span class="visually-hidden">${t('balance')}:</span>
      <p part="balance"><strong>${this.i18n.number(a.balance)}</strong> ${t('unit', { count: a.balance })}
        ${a.pending ? html`<span class="pending">${t('pending', { points: this.i18n.number(a.pending) })}</span>` : nothing}
      </p>
      ${a.expiring ? html`<p class="note">${t('expiring', { points: this.p(a.expiring.points), date: dateTime(Date.parse(a.expiring.at), DAY) })}</p>` : nothing}
      ${
        next
          ? html`${progressBar({ value: Math.max(0, a.lifetime - a.tier.threshold), max: next.threshold - a.tier.threshold, label: t('tierProgress') })}
        <p class="note">${t('toNext', { points: this.p(next.pointsNeeded), tier: next.name })}</p>`
          : html`<p class="note">${t('topTier')}</p>`
      }
      ${
        rule && this.pts.api?.checkIn
          ? html`<div part="check-in" tabindex="-1">
        ${
          a.checkIn.checkedInToday
            ? html`<p><strong>${t('checkedIn')}</strong> · ${t('streak', { count: a.checkIn.streak })}</p>
            <p class="note">${t('comeBack', { points: a.checkIn.nextPoints })}</p>`
            : html`<button part="button" class="primary" data-act="check-in" ?disabled=${!!busy}>${t('checkIn', { points: a.checkIn.nextPoints })}</button>
            ${a.checkIn.streak ? html`<p>${t('streak', { count: a.checkIn.streak })}</p>` : nothing}`
        }
        ${
          bonus
            ? html`<ol class="streak" aria-hidden="true">${Array.from({ length: bonus.everyDays }, (_, i) => html`<li class=${i < done ? 'on' : ''}>${i + 1}</li>`)}</ol>
          <p class="note">${t('bonusAt', bonus)}</p>`
            : nothing
        }
      </div>`
          : nothing
      }
      ${this.mod?.message(this.host) ?? nothing}`;
  }

  private renderReward(program: PointsProgram, a: PointsAccount | null | undefined, r: PointsReward) {
    const { t, money } = this.i18n;
    const tiers = program.tiers.map((x) => x.id);
    const tier = tiers.indexOf(r.tierId!);
    const locked = tier >= 0 && (!a || tier > tiers.indexOf(a.tier.id));
    const forTier = tier >= 0 ? t('forTier', { tier: program.tiers[tier]!.name }) : '';
    const short = a ? r.cost - a.balance : 0;
    const why =
      r.stock === 0 ? t('outOfStock') : locked ? forTier : short > 0 ? t('need', { points: this.p(short) }) : '';
    const details = [
      r.description,
      a && locked ? '' : forTier,
      r.coupon?.minimumSpend ? t('minSpend', { amount: money(r.coupon.minimumSpend) }) : '',
      r.stock !== undefined && r.stock > 0 && r.stock <= 10 ? t('left', { count: r.stock }) : '',
    ]
      .filter(Boolean)
      .join(' · ');
    return html`<li part="reward" class=${why ? 'off' : ''}>
      <span class="what"><strong>${r.title}</strong>${details ? html`<small>${details}</small>` : nothing}</span>
      <span class="cost">${this.p(r.cost)}</span>
      ${
        this.mod?.reward(this.host, r) ??
        (a && this.pts.api?.redeem
          ? html`<button part="button" data-act="ask" data-id=${r.id} ?disabled=${!!why || !!this.pts.busy}
        aria-label=${t('redeemFor', { reward: r.title, points: this.p(r.cost) })}>${t('redeem')}</button>`
          : nothing)
      }
      ${why && a && !this.pts.codes.has(r.id) ? html`<small class="why">${why}</small>` : nothing}
      ${this.mod?.message(this.host, r.id) ?? nothing}
    </li>`;
  }

  private renderEarn(program: PointsProgram) {
    const { t, money } = this.i18n;
    return program.earn
      .filter((r) => r.action !== 'streak_bonus' && r.action !== 'team')
      .map((r) => {
        const points = this.p(r.points);
        const key = r.action === 'share' && r.dailyCap ? 'earn.shareCap' : `earn.${r.action}`;
        return html`<li>${t(key, { points, per: r.per ? money(r.per) : '', cap: r.dailyCap ?? '' })}</li>`;
      });
  }

  private renderTiers(program: PointsProgram) {
    const { t } = this.i18n;
    return program.tiers.length > 1
      ? html`<h3>${t('tiers')}</h3>
      <ul part="tiers">${program.tiers.map((x) => html`<li><strong>${x.name}</strong> <small>${t('tierAt', { points: this.p(x.threshold) })}${x.perks?.length ? ` · ${x.perks.join(' · ')}` : ''}</small></li>`)}</ul>`
      : nothing;
  }

  private renderBadges(program: PointsProgram, a: PointsAccount) {
    const { t, dateTime } = this.i18n;
    const earned = new Map(a.badges.map((b) => [b.id, b.earnedAt]));
    return program.badges.length
      ? html`<h3>${t('badges')}</h3>
      <ul part="badges">${program.badges.map((b) => {
        const at = earned.get(b.id);
        return html`<li class=${at ? 'on' : ''}><strong>${b.name}</strong>
          <small>${at ? t('earnedOn', { date: dateTime(Date.parse(at), DAY) }) : `${b.description} · ${t('notYet')}`}</small></li>`;
      })}</ul>`
      : nothing;
  }

  private renderHistory() {
    return html`<details part="history" @toggle=${this.onToggle}>
      <summary>${this.i18n.t('history')}</summary>
      ${this.mod?.history(this.host) ?? nothing}
    </details>`;
  }
}
