/**
 * Every `error.code` the reference server can answer, once, grouped by the domain that raises it.
 * The server's error helpers take only these (a typo or a new code fails its build); widgets key
 * their messages by them (`error.already_reviewed`), so what a shopper reads comes from the
 * widget's string tables, never from the server's English `message`.
 *
 * A code several domains raise is listed under each (`already_exists`); `common`, `auth` and
 * `idempotency` can come from any route. Types are free; the runtime list is at
 * `@kith/core/error-codes`, outside the widgets' bundles.
 */
export const ERROR_CODES = {
  /** Any route: a bad request, an unknown id or route, the write limit, the server's own trouble. */
  common: [
    'invalid_request',
    'invalid_text',
    'invalid_date',
    'invalid_cursor',
    'unsupported_media_type',
    'payload_too_large',
    'not_found',
    'rate_limited',
    'internal',
    'database_unavailable',
  ],
  /** Keys, origins and customer tokens (`customer_token_<why>`: each reason a token is refused). */
  auth: [
    'missing_key',
    'invalid_key',
    'secret_key_required',
    'origin_not_allowed',
    'customer_token_required',
    'customer_token_malformed',
    'customer_token_bad_signature',
    'customer_token_expired',
    'customer_token_wrong_alg',
    'customer_token_not_yet_valid',
    'customer_token_unknown_key',
    'key_already_rotated',
    'session_required',
    'role_forbidden',
  ],
  /** The console's sign-in, invitations and staff (`/v1/console`, `/v1/admin/staff`). */
  staff: ['invalid_credentials', 'sign_in_rate_limited', 'invite_invalid', 'already_exists', 'illegal_transition'],
  /** Every POST. */
  idempotency: ['idempotency_key_reused', 'idempotency_in_progress'],
  reviews: ['already_reviewed', 'review_rate_limited'],
  /** Questions and answers count toward the same limit as reviews. */
  questions: ['review_rate_limited'],
  /** Photo uploads, and the photos a review names. */
  media: ['unsupported_media_type', 'media_too_large', 'image_dimensions', 'invalid_media', 'upload_quota_exceeded'],
  live: ['already_exists', 'illegal_transition'],
  groupBuy: [
    'no_campaign',
    'campaign_not_started',
    'campaign_over',
    'sold_out',
    'team_full',
    'team_closed',
    'team_succeeded',
    'already_in_team',
    'already_joined',
    'not_a_member',
    'seat_not_held',
    'already_exists',
  ],
  points: [
    'insufficient_points',
    'out_of_stock',
    'tier_required',
    'already_checked_in',
    'not_in_program',
    'already_exists',
  ],
  referrals: ['landing_url_required', 'code_capped', 'illegal_transition', 'already_exists'],
  /** Orders and refunds the shop reports (they fan out to points, referrals and group-buy seats). */
  orders: ['already_exists', 'already_refunded'],
} as const;

type CodesOf<D extends keyof typeof ERROR_CODES> = (typeof ERROR_CODES)[D][number];

export type ErrorDomain = keyof typeof ERROR_CODES;
export type CommonErrorCode = CodesOf<'common'>;
export type AuthErrorCode = CodesOf<'auth'>;
export type IdempotencyErrorCode = CodesOf<'idempotency'>;
export type ReviewErrorCode = CodesOf<'reviews'>;
export type QuestionErrorCode = CodesOf<'questions'>;
export type MediaErrorCode = CodesOf<'media'>;
export type LiveErrorCode = CodesOf<'live'>;
export type GroupBuyErrorCode = CodesOf<'groupBuy'>;
export type PointsErrorCode = CodesOf<'points'>;
export type ReferralErrorCode = CodesOf<'referrals'>;
export type OrderErrorCode = CodesOf<'orders'>;
export type StaffErrorCode = CodesOf<'staff'>;
/** Every code the server answers. */
export type KithErrorCode = CodesOf<ErrorDomain>;

/**
 * Codes made in the browser, never sent by the server: no answer (`timeout`, `network`), an
 * adapter without the call (`unsupported`), something thrown that was no Kith error (`unknown`),
 * or `http_<status>` for an answer without a code.
 */
export type ClientErrorCode = 'timeout' | 'network' | 'unsupported' | 'unknown' | `http_${number}`;

/** Every code in `ERROR_CODES`, once each. */
export const KITH_ERROR_CODES: readonly KithErrorCode[] = [...new Set(Object.values(ERROR_CODES).flat())];

export const isKithErrorCode = (code: unknown): code is KithErrorCode =>
  (KITH_ERROR_CODES as readonly unknown[]).includes(code);
