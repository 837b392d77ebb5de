import type { KithError } from '../errors.js';
import type { Answer, LiveShow, Money, PointsCheckIn, PointsRedemption, Question, Review } from '../types/models.js';

export interface KithErrorDetail {
  readonly error: KithError;
  /** Tag name of the widget that failed. */
  readonly widget: string;
}

export interface KithLiveOpenDetail {
  readonly show: LiveShow;
  /** The stream while live, the replay once ended. */
  readonly url: string;
}

export interface KithGroupJoinDetail {
  readonly teamId: string;
  readonly campaignId: string;
  readonly productId: string;
  /** What the seat pays now (the team price); the final price is the deepest tier the team reaches. */
  readonly price: Money;
  /** The seat lapses at this time unless your backend reports the order (`POST /v1/admin/orders` with `teamId`). */
  readonly holdExpiresAt: string;
  /** Whether the shopper started the team. */
  readonly leader: boolean;
}

export interface KithShareDetail {
  /** `native`, `copy`, `qr`, `email`, `sms`, `whatsapp`, `facebook`, `x`, `weibo`, `line`, or a channel you added. */
  readonly channel: string;
  readonly stage: 'initiated' | 'completed';
  /** What was shared: the shopper's personal referral link when signed in, else the page's. */
  readonly url: string;
  readonly productId?: string;
}

/**
 * Every `kith-*` event with its `detail`. All bubble and are composed, so one listener on
 * `document` hears every widget; cancelable ones let the host take over.
 */
export interface KithEventMap {
  /** A widget failed and now shows its fallback. */
  'kith-error': CustomEvent<KithErrorDetail>;
  /** Cancelable: call `preventDefault()` to open your own player instead of following the link. */
  'kith-live-open': CustomEvent<KithLiveOpenDetail>;
  /** A shopper submitted a review; `review.status` says whether it is live or waits for moderation. */
  'kith-review-submitted': CustomEvent<{ readonly review: Review }>;
  /** A shopper asked a question about a product. */
  'kith-question-asked': CustomEvent<{ readonly question: Question }>;
  /** A shopper answered a question. */
  'kith-answer-posted': CustomEvent<{ readonly answer: Answer }>;
  /**
   * A shopper holds a seat in a team: add the product to your cart at `price`. Cancelable: call
   * `preventDefault()` if you cannot, and the widget gives the seat back.
   */
  'kith-group-join': CustomEvent<KithGroupJoinDetail>;
  /** A shopper gave a seat back (left the team, or the host cancelled `kith-group-join`). */
  'kith-group-leave': CustomEvent<{ readonly teamId: string }>;
  /** A shopper checked in today; `detail.account` is the new balance and streak. */
  'kith-points-check-in': CustomEvent<PointsCheckIn>;
  /**
   * A shopper spent points on a reward; `detail.code` is the coupon or perk code. Apply it to your
   * cart here if you like: the server's `points.redeemed` webhook tells your store to create it.
   */
  'kith-points-redeem': CustomEvent<PointsRedemption>;
  /**
   * A shopper shared: `initiated` when they picked a channel, `completed` when the platform
   * confirmed it (the native share sheet resolved, the link was copied).
   */
  'kith-share': CustomEvent<KithShareDetail>;
  /** Dispatched by the host (on `document`) to grant or deny consent. */
  'kith-consent': CustomEvent<'granted' | 'denied' | { analytics?: boolean; storage?: boolean }>;
}

declare global {
  interface GlobalEventHandlersEventMap extends KithEventMap {}
}

/** Dispatches a composed, bubbling CustomEvent; returns false if a listener cancelled it. */
export function emit<K extends keyof KithEventMap>(
  target: EventTarget,
  name: K,
  detail: KithEventMap[K]['detail'],
  options: { cancelable?: boolean } = {},
): boolean {
  return target.dispatchEvent(
    new CustomEvent(name, { detail, bubbles: true, composed: true, cancelable: !!options.cancelable }),
  );
}
