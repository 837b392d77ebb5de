import type {
  Answer,
  AnswerInput,
  GroupBuyJoinInput,
  GroupBuyOffer,
  GroupBuyTeam,
  Question,
  QuestionInput,
  QuestionQuery,
  UploadedMedia,
  LiveShow,
  Page,
  PointsAccount,
  PointsCheckIn,
  PointsEntry,
  PointsProgram,
  PointsRedemption,
  ReferralLink,
  ReferralOffer,
  ReferralStats,
  ReportReason,
  Review,
  ReviewInput,
  ReviewQuery,
  ReviewSummary,
} from './types/models.js';

/** Every adapter call takes these; the signal cancels the request when a widget goes away. */
export interface CallOptions {
  readonly signal?: AbortSignal;
}

/** Options for writes: the same key makes a retried write a no-op on the server. */
export interface WriteOptions extends CallOptions {
  readonly idempotencyKey?: string;
}

/** Returned by every `subscribe…` method; calling it twice is harmless. */
export type Unsubscribe = () => void;

export interface SubscribeOptions {
  /** Called when the stream fails for good (after the adapter's own retries). */
  readonly onError?: (error: unknown) => void;
}

export type Capability = 'live' | 'reviews' | 'groupBuy' | 'points' | 'referrals';

export interface LiveApi {
  getShow(id: string, o?: CallOptions): Promise<LiveShow>;
  /** The show to badge for a product: live first, then the next scheduled, then the latest ended; null if none. */
  findShow(query: { readonly productId: string }, o?: CallOptions): Promise<LiveShow | null>;
  /** Pushes the whole show on every change (status, viewers), starting with the current state. */
  subscribeShow(id: string, onShow: (show: LiveShow) => void, o?: SubscribeOptions): Unsubscribe;
}

/** What a product page knows of its product, for structured data. */
export interface ProductFacts {
  readonly name: string;
  readonly url?: string;
  readonly image?: string;
  readonly sku?: string;
}

export interface ReviewsApi {
  getSummary(productId: string, o?: CallOptions): Promise<ReviewSummary>;
  /** Many products in one request (rating snippets on a listing page), in the order asked. */
  getSummaries(productIds: readonly string[], o?: CallOptions): Promise<readonly ReviewSummary[]>;
  /** Published reviews only. */
  listReviews(query: ReviewQuery, o?: CallOptions): Promise<Page<Review>>;
  /**
   * schema.org `Product` JSON-LD with `AggregateRating` and the newest reviews, for a server-rendered
   * product page (`renderWidget`). Optional: the markup is the server's to make.
   */
  getJsonLd?(productId: string, product: ProductFacts, o?: CallOptions): Promise<Record<string, unknown>>;
  /** Needs a signed-in customer; the result says whether it was published or waits for moderation. */
  submitReview?(input: ReviewInput, o?: WriteOptions): Promise<Review>;
  /** One vote per customer. */
  markHelpful?(reviewId: string, o?: WriteOptions): Promise<{ readonly helpfulCount: number }>;
  report?(reviewId: string, reason: ReportReason, o?: WriteOptions): Promise<void>;
  /**
   * Stores a photo for a review the same customer is about to submit. The server checks the real
   * type from the bytes, the size and the dimensions, and strips location metadata.
   */
  uploadMedia?(file: Blob, o?: WriteOptions): Promise<UploadedMedia>;
  /** Published questions, newest first, each with its published answers. Optional: without it the widget has no Q&A tab. */
  listQuestions?(query: QuestionQuery, o?: CallOptions): Promise<Page<Question>>;
  /** Needs a signed-in customer; the result says whether it was published or waits for moderation. */
  askQuestion?(input: QuestionInput, o?: WriteOptions): Promise<Question>;
  /** A customer's answer (role `customer`); merchants and experts answer through the admin API. */
  answerQuestion?(input: AnswerInput, o?: WriteOptions): Promise<Answer>;
}

export interface GroupBuyApi {
  /** The product's campaign with its open teams (and the signed-in customer's team); null when the product has none. */
  getOffer(productId: string, o?: CallOptions): Promise<GroupBuyOffer | null>;
  /** One team, with `you` when the signed-in customer holds a seat. */
  getTeam(id: string, o?: CallOptions): Promise<GroupBuyTeam>;
  /** Starts a team led by the signed-in customer, who holds the first seat. */
  startTeam?(campaignId: string, input: GroupBuyJoinInput, o?: WriteOptions): Promise<GroupBuyTeam>;
  /** Holds a seat for the signed-in customer (409 `team_full`, `team_closed`, `already_joined`, `already_in_team`, `sold_out`). */
  joinTeam?(teamId: string, input: GroupBuyJoinInput, o?: WriteOptions): Promise<GroupBuyTeam>;
  /** Gives the customer's seat back; only before the team succeeds (409 `team_succeeded`, `not_a_member`). */
  leaveTeam?(teamId: string, o?: WriteOptions): Promise<GroupBuyTeam>;
  /** Pushes the whole team (public view, without `you`) on every change, starting with the current state. */
  subscribeTeam(id: string, onTeam: (team: GroupBuyTeam) => void, o?: SubscribeOptions): Unsubscribe;
}

export interface PointsApi {
  /** The shop's program: earn rules, rewards with stock, tiers, badges. Public. */
  getProgram(o?: CallOptions): Promise<PointsProgram>;
  /** The signed-in customer's account (401 `customer_token_required` when signed out). */
  getAccount(o?: CallOptions): Promise<PointsAccount>;
  /**
   * The customer's ledger, newest first by when each entry took effect, pending entries first;
   * cursor-paged (`limit` 1 to 50, default 20).
   */
  listHistory(
    query: { readonly cursor?: string | null; readonly limit?: number },
    o?: CallOptions,
  ): Promise<Page<PointsEntry>>;
  /** Today's check-in (409 `already_checked_in`). */
  checkIn?(o?: WriteOptions): Promise<PointsCheckIn>;
  /** Spends points on a reward (409 `insufficient_points`, `out_of_stock`, `tier_required`; 404 unknown reward). */
  redeem?(rewardId: string, o?: WriteOptions): Promise<PointsRedemption>;
}

export interface ReferralsApi {
  /**
   * The signed-in customer's personal link (created on first use), optionally to a page (`url`,
   * default the shop's landing page). `displayName` (1 to 40 characters) is how friends see them.
   */
  createLink(
    input: { readonly productId?: string; readonly url?: string; readonly displayName?: string },
    o?: WriteOptions,
  ): Promise<ReferralLink>;
  /** The offer behind a code, for the friend's landing banner (404 unknown, blocked or capped code). */
  getOffer(code: string, o?: CallOptions): Promise<ReferralOffer>;
  /**
   * Records a visit through a code. Call it only with marketing consent (the loader does); the
   * server stores no IP or cookie, only the code, time and landing path. `sessionId`, a random id
   * the page keeps for the browser session, makes a visitor count once; `counted` is false for a
   * visitor counted before or a visit over the code's hourly cap (then `visitId` is null).
   */
  recordVisit(
    code: string,
    input: { readonly landingUrl?: string; readonly sessionId?: string },
    o?: WriteOptions,
  ): Promise<{ readonly visitId: string | null; readonly counted?: boolean }>;
  /** The signed-in customer's clicks, sign-ups, conversions and rewards. */
  getStats(o?: CallOptions): Promise<ReferralStats>;
}

/**
 * The one contract between widgets and a backend. Domains are optional: a widget checks
 * `capabilities` and renders its empty state when its domain is missing, instead of throwing.
 * Adapters throw only `KithError`s (see `errors.ts`), never vendor errors.
 */
export interface KithAdapter {
  /** `'rest'`, `'memory'`, or a third-party id. */
  readonly id: string;
  readonly capabilities: ReadonlySet<Capability>;
  /**
   * Whether a shopper is signed in, i.e. whether customer-only calls (writes, the shopper's own
   * account, stats and personal links) can succeed. Widgets call it (through `SessionController`)
   * before any such call: signed out, they send none and ask the shopper to sign in first. Without
   * it, widgets assume a shopper and the server's 401 decides. The REST adapter answers from its
   * `customerToken`, the memory adapter from its `customer`.
   */
  signedIn?(): boolean | Promise<boolean>;
  readonly live?: LiveApi;
  readonly reviews?: ReviewsApi;
  readonly groupBuy?: GroupBuyApi;
  readonly points?: PointsApi;
  readonly referrals?: ReferralsApi;
}
