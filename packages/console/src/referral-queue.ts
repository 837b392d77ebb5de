import { html, nothing } from 'lit';
import { customElement } from 'lit/decorators.js';
import { api } from './api.js';
import { formatDate, formatMoney, t, type StringKey } from './i18n.js';
import { Queue } from './queue.js';

type Status = 'flagged' | 'pending' | 'approved' | 'denied' | 'reversed';
type Money = { minor: number; currency: string };
interface Conversion {
  id: string;
  status: Status;
  friendInitials: string;
  reward: { kind: 'coupon' | 'points'; amountOff?: Money; percentOff?: number; minimumSpend?: Money; points?: number };
  createdAt: string;
  approvesAt?: string;
  code: string;
  advocateId: string;
  friendId: string;
  orderId: string;
  reasons: string[];
}
const STATUSES: Status[] = ['flagged', 'pending', 'approved', 'denied', 'reversed'];
const STATUS_LABEL: Record<Status, StringKey> = {
  flagged: 'referral.flagged',
  pending: 'referral.pending',
  approved: 'referral.approved',
  denied: 'referral.denied',
  reversed: 'referral.reversed',
};
const REASONS = new Set([
  'self_referral',
  'existing_customer',
  'cap_reached',
  'same_ip',
  'burst',
  'denied_by_merchant',
]);

const reward = (r: Conversion['reward']) =>
  r.kind === 'points'
    ? t('referral.points', { points: r.points ?? 0 })
    : r.amountOff
      ? t('referral.amountOff', { amount: formatMoney(r.amountOff) })
      : t('referral.percentOff', { percent: r.percentOff ?? 0 });

/**
 * Referral conversions the fraud checks held back (self-referral, the same address, a burst…):
 * accept one (the advocate is rewarded) or refuse it, by button or key (a, r).
 */
@customElement('kc-referral-queue')
export class ReferralQueue extends Queue<Conversion, Status> {
  protected readonly statuses = STATUSES;
  protected readonly keysText = 'referral.keys';
  protected readonly emptyText = 'referral.empty';
  protected override status: Status = 'flagged';
  protected statusLabel = (s: Status) => STATUS_LABEL[s];
  protected path = (s: Status) => `/v1/admin/referrals?status=${s}&limit=20`;
  protected card = (c: Conversion) => this.renderConversion(c);

  protected onKey(key: 'a' | 'r' | 'e', c: Conversion) {
    if (key === 'a' && c.status === 'flagged') void this.act(c, 'approve');
    if (key === 'r' && (c.status === 'flagged' || c.status === 'pending')) void this.act(c, 'deny');
  }

  private renderConversion(c: Conversion) {
    const busy = this.busy.has(c.id);
    return html`<article tabindex="0" data-id=${c.id} aria-labelledby="h-${c.id}" aria-describedby="keys">
      <h2 id="h-${c.id}">${t('referral.title', { code: c.code, order: c.orderId })}</h2>
      <div class="meta">
        <span>${t('referral.advocate', { id: c.advocateId })}</span>
        <span>${t('referral.friend', { id: c.friendId })}</span>
        <span>${reward(c.reward)}</span>
        <time datetime=${c.createdAt}>${formatDate(c.createdAt)}</time>
        <span class="state">${t(STATUS_LABEL[c.status])}</span>
      </div>
      ${
        c.reasons.length
          ? html`<ul class="flags">
            ${c.reasons.map((r) => html`<li>${REASONS.has(r) ? t(`reason.${r}` as StringKey) : r}</li>`)}
          </ul>`
          : nothing
      }
      <div class="actions">
        ${
          c.status === 'flagged'
            ? html`<button class="primary" ?disabled=${busy} @click=${() => this.act(c, 'approve')}>
              ${t('referral.approve')}
            </button>`
            : nothing
        }
        ${
          c.status === 'flagged' || c.status === 'pending'
            ? html`<button class="danger" ?disabled=${busy} @click=${() => this.act(c, 'deny')}>
              ${t('referral.deny')}
            </button>`
            : nothing
        }
      </div>
    </article>`;
  }

  private act(c: Conversion, action: 'approve' | 'deny') {
    return this.busy.run(c.id, async () => {
      const updated = await api<Conversion>('POST', `/v1/admin/referrals/${encodeURIComponent(c.id)}/${action}`);
      void this.replaceItem(c.id, () => updated);
      return t(action === 'approve' ? 'referral.approvedDone' : 'referral.deniedDone', { code: c.code });
    });
  }
}
