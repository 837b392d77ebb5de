import { html, nothing } from 'lit';
import {
  emit,
  explainedCode,
  registerStrings,
  type AnalyticsValue,
  type AnnouncerController,
  type AuthErrorCode,
  type ErrorStrings,
  type I18nController,
  type Pages,
  type PointsAccount,
  type PointsApi,
  type PointsEntry,
  type PointsErrorCode,
  type PointsReward,
  type StringTable,
} from '@kith/core';
import { pages } from '@kith/core/pages';
import type { Explain, PointsController } from './controller.js';

/**
 * The refusals a check-in or redemption explains (`problem.<code>`); anything else (a timeout, a
 * 5xx) is `problem.failed`. Every 401 reads as `customer_token_required`.
 */
const EXPLAINED = [
  'insufficient_points',
  'out_of_stock',
  'tier_required',
  'already_checked_in',
  'customer_token_required',
] as const satisfies readonly (PointsErrorCode | AuthErrorCode)[];
/** What every locale's table must say: one message per explained code. */
export type PointsProblems = ErrorStrings<(typeof EXPLAINED)[number], 'problem.'>;
const explain: Explain = (e) => {
  const code = explainedCode(e, EXPLAINED);
  return code ? `problem.${code}` : 'problem.failed';
};

// Loaded on the shopper's first pointer or focus inside the widget: the writes, the history and
// their strings stay out of the first paint.
registerStrings('points', 'en', {
  confirm: 'Spend {points} on {reward}?',
  yes: 'Redeem',
  cancel: 'Cancel',
  yourCode: 'Your code',
  useBy: 'Use it at checkout by {date}.',
  useAny: 'Use it at checkout.',
  copy: 'Copy code',
  copied: 'Code copied',
  'problem.insufficient_points': 'Not enough points for this reward yet.',
  'problem.out_of_stock': 'This reward just ran out.',
  'problem.tier_required': 'This reward is for a higher tier.',
  'problem.already_checked_in': 'You have already checked in today.',
  'problem.customer_token_required': 'Sign in to use your points.',
  'problem.failed': 'That did not work. Please try again.',
  checkedInNow: 'Checked in: +{points}. {streak}.',
  noHistory: 'Nothing yet: your first points will show here.',
  more: 'Show more',
  until: 'pending until {date}',
  after: 'Balance {points}',
  'why.purchase': 'Order {id}',
  'why.review': 'Review',
  'why.photo_review': 'Review with a photo',
  'why.share': 'Shared a product',
  'why.referral': 'Friend’s order',
  'why.check_in': 'Daily check-in',
  'why.streak_bonus': 'Streak bonus',
  'why.team': 'Group-buy team reward',
  'why.redeem': 'Redeemed: {label}',
  'why.expire': 'Points expired',
  'why.adjust': 'Adjusted by the shop: {note}',
  'why.reverse': 'Refund of order {id}',
  'why.reverseOther': 'Reversed: {what}',
} satisfies StringTable & PointsProblems);

/** What this chunk needs from the element. */
export interface PointsHost {
  readonly el: HTMLElement & {
    updateComplete: Promise<boolean>;
    requestUpdate(): void;
    renderRoot: HTMLElement | DocumentFragment;
  };
  readonly pts: PointsController;
  readonly announcer: AnnouncerController;
  readonly i18n: I18nController;
  p(points: number): string;
  track(name: string, props?: Record<string, AnalyticsValue>): void;
}

const DAY = { dateStyle: 'medium' } as const;
/** The last outcome about a reward (`id`), or the widget-wide one (check-in) without. */
export function message(h: PointsHost, id?: string) {
  const m = h.pts.message;
  return m && m.reward === id
    ? html`<p part="message" class=${m.key === 'copied' ? 'ok' : ''} role="status">${h.i18n.t(m.key)}</p>`
    : nothing;
}

/** A reward after the shopper acted on it: its code or the confirm step; undefined otherwise. */
export function reward(h: PointsHost, r: PointsReward) {
  const { t, dateTime } = h.i18n;
  const code = h.pts.codes.get(r.id);
  if (code) {
    return html`<p part="code"><span>${t('yourCode')}: <strong>${code.code}</strong></span>
      <button part="button" data-act="copy" data-id=${r.id}>${t('copy')}</button>
      <small>${code.expiresAt ? t('useBy', { date: dateTime(Date.parse(code.expiresAt), DAY) }) : t('useAny')}</small></p>`;
  }
  if (h.pts.confirming === r.id) {
    return html`<p class="confirm"><span>${t('confirm', { points: h.p(r.cost), reward: r.title })}</span>
      <button part="button" class="primary" data-act="redeem" data-id=${r.id} ?disabled=${!!h.pts.busy}>${t('yes')}</button>
      <button part="button" class="link" data-act="cancel" data-id=${r.id}>${t('cancel')}</button></p>`;
  }
  return undefined;
}

/** Moves focus after the next render, so a control that replaced the clicked one takes it (the first of `selectors` there is). */
function focusSoon(h: PointsHost, ...selectors: string[]): void {
  h.el.requestUpdate();
  void h.el.updateComplete.then(() => {
    for (const s of selectors) {
      const next = h.el.renderRoot.querySelector<HTMLElement>(s);
      if (next) return next.focus();
    }
  });
}

/** One button's action (`data-act`, with `data-id` naming the reward). */
export async function run(h: PointsHost, act: string, id: string): Promise<void> {
  const {
    pts,
    i18n: { t },
  } = h;
  const button = (a: string) => `[data-act=${a}][data-id="${id}"]`;
  if (act === 'check-in') {
    const done = await pts.checkIn(explain);
    if (done) {
      h.announcer.announce(
        t('checkedInNow', { points: h.p(done.points), streak: t('streak', { count: done.streak }) }),
        true,
      );
      emit(h.el, 'kith-points-check-in', done);
      h.track('points_check_in', { points: done.points, streak: done.streak });
    }
    // The button was disabled while busy and is gone once checked in, which drops keyboard focus
    // to the top of the page: the button again after a refusal, else what replaced it.
    focusSoon(h, '[data-act=check-in]', '[part=check-in]');
  } else if (act === 'ask') {
    pts.ask(id);
    focusSoon(h, button('redeem'));
  } else if (act === 'cancel') {
    pts.cancel();
    focusSoon(h, button('ask'));
  } else if (act === 'redeem') {
    const done = await pts.redeem(id, explain);
    focusSoon(h, button(done ? 'copy' : 'ask'));
    if (done) {
      h.announcer.announce(`${t('yourCode')}: ${done.code}`, true);
      emit(h.el, 'kith-points-redeem', done);
      h.track('points_redeem', { reward: id, points: done.points });
    }
  } else if (act === 'copy') {
    await navigator.clipboard.writeText(pts.codes.get(id)!.code);
    pts.note('copied', id);
  } else if (act === 'more') {
    histories.get(pts)?.$h.more();
  }
  h.el.requestUpdate();
}

type History = Pages<PointsEntry, [PointsApi | undefined]>;
/** Each widget's history (newest first, 10 a page) once opened, and the account it was last read for. */
const histories = new WeakMap<PointsController, { readonly $h: History; account?: PointsAccount | null }>();

/**
 * Follows the standing (the element calls this from `willUpdate`): another adapter starts the
 * history over; new numbers (the page came back, a write's answer) read it again, the old lines
 * staying on screen until the new ones arrive.
 */
export function follow(h: PointsHost): void {
  const x = histories.get(h.pts);
  const { api, account } = h.pts;
  if (!x || x.account === account) return;
  x.account = account;
  const started = x.$h.get().generation;
  x.$h.query(api);
  if (x.$h.get().generation === started) x.$h.revalidate();
}

/** Opened: the first page, once; after a failed first page, that page again. */
export function openHistory(h: PointsHost): void {
  let x = histories.get(h.pts);
  if (!x) {
    const { pts } = h;
    const $h: History = pages(([api], cursor, signal) =>
      pts.account ? api?.listHistory({ cursor, limit: 10 }, { signal }) : undefined,
    );
    // A failed page says so where the check-in's outcome shows; "Show more" (or opening again) retries it.
    $h.listen((s, old) => {
      if (s.error && !old?.error) pts.note('problem.failed');
      h.el.requestUpdate();
    });
    histories.set(pts, (x = { $h }));
  }
  if (x.$h.get().error) x.$h.more();
  follow(h);
  h.el.requestUpdate();
}

/** The history list: every line says why, when, the change, and the balance it left. */
export function history(h: PointsHost) {
  const x = histories.get(h.pts);
  if (!x) return nothing;
  const { t } = h.i18n;
  const { items, loading, done, error } = x.$h.get();
  return html`${items.length ? html`<ol>${items.map((e) => entry(h, e))}</ol>` : loading || error ? nothing : html`<p class="note">${t('noHistory')}</p>`}
    ${done || !items.length ? nothing : html`<button part="button" class="link" data-act="more" ?disabled=${loading}>${t('more')}</button>`}`;
}

function entry(h: PointsHost, e: PointsEntry) {
  const { t, dateTime, number } = h.i18n;
  // Lines are ordered by when they took effect (a purchase: when its points became spendable), and dated so.
  const day = (iso: string) => html`<time datetime=${iso}>${dateTime(Date.parse(iso), DAY)}</time>`;
  const { id, label = '' } = e.source;
  const why =
    e.kind === 'earn'
      ? t(`why.${e.action}`, { id })
      : e.kind === 'reverse'
        ? e.action === 'purchase'
          ? t('why.reverse', { id })
          : t('why.reverseOther', { what: t(`why.${e.action}`, { id }) })
        : t(`why.${e.kind}`, { label, note: e.note ?? '' });
  return html`<li class=${e.status}>
    <span class="what">${why} <small>${
      e.status === 'pending'
        ? html`${day(e.createdAt)} · ${t('until', { date: dateTime(Date.parse(e.availableAt!), DAY) })}`
        : day(e.availableAt ?? e.createdAt)
    }</small></span>
    <span class="delta ${e.points < 0 ? 'minus' : ''}">${e.points > 0 ? '+' : '−'}${number(Math.abs(e.points))}</span>
    ${e.balanceAfter === null ? nothing : html`<small class="after">${t('after', { points: number(e.balanceAfter) })}</small>`}
  </li>`;
}
