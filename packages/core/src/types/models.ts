/**
 * Domain models shared by every adapter and widget. The server owns prices, counts, deadlines and
 * balances: widgets display these values and never compute them.
 */

/** ISO 8601 timestamp, e.g. `2026-11-22T20:00:00.000Z`. */
export type IsoDateTime = string;

/** An amount in the currency's minor unit (cents, fen) so no float rounding reaches a price. */
export interface Money {
  readonly minor: number;
  /** ISO 4217 code, e.g. `USD`, `CNY`. */
  readonly currency: string;
}

/** How a widget points at a product: the shop's own id, optionally with display data. */
export interface ProductRef {
  readonly id: string;
  readonly title?: string;
  readonly url?: string;
  readonly imageUrl?: string;
  readonly price?: Money;
}

/** One page of a cursor-paginated list. `nextCursor` is null on the last page. */
export interface Page<T> {
  readonly items: readonly T[];
  readonly nextCursor: string | null;
  readonly total?: number;
}

/** A person as shown publicly: never an email or phone number. */
export interface PublicPerson {
  readonly displayName: string;
  readonly avatarUrl?: string;
}

// ── Live ────────────────────────────────────────────────────────────────────────────────────

export type LiveShowStatus = 'scheduled' | 'live' | 'ended';

export interface LiveShow {
  readonly id: string;
  readonly title: string;
  readonly status: LiveShowStatus;
  /** Planned start; for a show that is live or ended, when it was planned to start. */
  readonly startsAt: IsoDateTime;
  readonly startedAt?: IsoDateTime;
  readonly endedAt?: IsoDateTime;
  /** Where the stream plays while live (the merchant's or a vendor's player page). */
  readonly streamUrl?: string;
  /** Recording, once ended, if the shop keeps one. */
  readonly replayUrl?: string;
  /** Real concurrent viewers, present while live. Never inflated. */
  readonly viewerCount?: number;
  readonly host?: PublicPerson;
  readonly productIds: readonly string[];
}

// ── Reviews ─────────────────────────────────────────────────────────────────────────────────

/** `pending` until moderation publishes it; only `published` reviews are listed and counted. */
export type ModerationStatus = 'pending' | 'published' | 'rejected';

export interface ReviewMedia {
  /** Stable id (the upload's id for customer photos). */
  readonly id?: string;
  readonly kind: 'image' | 'video';
  readonly url: string;
  readonly thumbnailUrl?: string;
  readonly alt?: string;
  readonly width?: number;
  readonly height?: number;
}

export interface Review {
  readonly id: string;
  readonly productId: string;
  /** Whole stars, 1 to 5. */
  readonly rating: 1 | 2 | 3 | 4 | 5;
  readonly title?: string;
  /** Plain text written by a buyer: always rendered as text, never as HTML. */
  readonly body: string;
  readonly author: PublicPerson & { readonly verifiedBuyer: boolean; readonly badges?: readonly string[] };
  readonly media: readonly ReviewMedia[];
  readonly createdAt: IsoDateTime;
  readonly status: ModerationStatus;
  readonly helpfulCount: number;
  /** True when the reviewer got an incentive (points, coupon) for writing it, disclosed in the UI. */
  readonly incentivized?: boolean;
  readonly recommend?: boolean;
  readonly reply?: { readonly body: string; readonly createdAt: IsoDateTime };
}

export interface ReviewSummary {
  readonly productId: string;
  /** Mean of published ratings to one decimal; 0 when there are none. */
  readonly average: number;
  readonly count: number;
  /** Counts of 1★ … 5★ (index 0 is one star). */
  readonly histogram: readonly [number, number, number, number, number];
  /** Share of reviewers who answered "would recommend" with yes, 0–100; null when nobody answered. */
  readonly recommendPercent?: number | null;
  /** Published reviews with at least one photo. */
  readonly withMediaCount?: number;
  /**
   * The shop's topic keywords (e.g. "fit", "quality") with how many published reviews mention
   * each, most mentioned first; topics nobody mentions are left out. Shown as filter pills.
   */
  readonly topics?: readonly ReviewTopic[];
}

export interface ReviewTopic {
  readonly label: string;
  readonly count: number;
}

/** `media`: reviews with photos first, newest first within each group. */
export type ReviewSort = 'newest' | 'highest' | 'lowest' | 'helpful' | 'media';

export interface ReviewQuery {
  readonly productId: string;
  readonly sort?: ReviewSort;
  readonly rating?: 1 | 2 | 3 | 4 | 5;
  readonly withMedia?: boolean;
  readonly verified?: boolean;
  /** Keyword in the title or text (case-insensitive substring). */
  readonly q?: string;
  /** Opaque keyset cursor from the previous page's `nextCursor`. */
  readonly cursor?: string | null;
  /** 1 to 50, default 20. */
  readonly limit?: number;
}

export interface ReviewInput {
  readonly productId: string;
  readonly rating: 1 | 2 | 3 | 4 | 5;
  readonly title?: string;
  /** 10 to 5000 characters. */
  readonly body: string;
  readonly recommend?: boolean;
  /** The public name the customer chose. */
  readonly displayName: string;
  /** The customer agreed to publish it; the server refuses a review without. */
  readonly consent: true;
  /** Up to 5 ids returned by `uploadMedia`, uploaded by the same customer and not used yet. */
  readonly mediaIds?: readonly string[];
}

/** A stored customer photo, not yet (or already) attached to a review. */
export interface UploadedMedia {
  readonly id: string;
  readonly url: string;
  /** The type sniffed from the bytes, not the one the client claimed. */
  readonly contentType: 'image/jpeg' | 'image/png' | 'image/webp';
  readonly width: number;
  readonly height: number;
  readonly bytes: number;
}

// The photo limits (`MEDIA_LIMITS`) live beside the byte sniffer in `@kith/core/image`, so a form
// or server imports both without pulling them into the shared runtime.

/** Who answered: badged in the widget when it is the merchant or an expert the merchant named. */
export type AnswerRole = 'customer' | 'merchant' | 'expert';

export interface Answer {
  readonly id: string;
  readonly questionId: string;
  /** Plain text, always rendered as text. */
  readonly body: string;
  readonly author: PublicPerson & { readonly role: AnswerRole; readonly verifiedBuyer: boolean };
  readonly createdAt: IsoDateTime;
  readonly status: ModerationStatus;
}

export interface Question {
  readonly id: string;
  readonly productId: string;
  /** Plain text, always rendered as text. */
  readonly body: string;
  readonly author: PublicPerson;
  readonly createdAt: IsoDateTime;
  readonly status: ModerationStatus;
  /** Published answers, merchant and expert answers first, then oldest first. */
  readonly answers: readonly Answer[];
}

export interface QuestionQuery {
  readonly productId: string;
  readonly cursor?: string | null;
  /** 1 to 50, default 10. */
  readonly limit?: number;
}

export interface QuestionInput {
  readonly productId: string;
  /** 10 to 1000 characters. */
  readonly body: string;
  readonly displayName: string;
}

export interface AnswerInput {
  readonly questionId: string;
  /** 2 to 2000 characters. */
  readonly body: string;
  readonly displayName: string;
}

export type ReportReason = 'spam' | 'offensive' | 'off_topic' | 'fake' | 'other';

// ── Group buy (拼团) ─────────────────────────────────────────────────────────────────────────

export interface GroupBuyTier {
  /** Confirmed members needed, leader included (at least 2). */
  readonly size: number;
  /** What every member pays once the team reaches this size. */
  readonly price: Money;
}

/** `scheduled` before `startsAt`; `sold_out` when the campaign's seats are all taken; `ended` after `endsAt` or when the merchant ends it. */
export type GroupBuyCampaignStatus = 'scheduled' | 'active' | 'sold_out' | 'ended';

export interface GroupBuyCampaign {
  readonly id: string;
  readonly product: ProductRef;
  readonly soloPrice: Money;
  /** Ascending by size with falling prices. A team keeps the tiers it started with: goalposts never move. */
  readonly tiers: readonly GroupBuyTier[];
  /** How long a new team has to fill, counted on server time. */
  readonly teamDurationSeconds: number;
  /** Seats per team, leader included (at least the deepest tier). */
  readonly maxMembers: number;
  /** How long a joined seat is held for checkout before it lapses. */
  readonly holdSeconds: number;
  readonly startsAt: IsoDateTime;
  readonly endsAt?: IsoDateTime;
  readonly status: GroupBuyCampaignStatus;
  /** Team-price units left in stock (held and confirmed seats use them up); absent when unlimited. */
  readonly seatsLeft?: number;
  /** What members of a team that succeeds get besides the price (a gift, free shipping, points). */
  readonly reward?: { readonly description: string; readonly points?: number };
}

/**
 * `forming` until confirmed seats reach the first tier, then `succeeded` (it may keep filling to
 * deeper tiers); `closed` when full or at the deadline after success; `expired` at the deadline
 * below the first tier, or when every member left.
 */
export type GroupBuyTeamState = 'forming' | 'succeeded' | 'closed' | 'expired';

/** A seat: `held` while the shopper checks out, `confirmed` once the merchant reported the order. */
export type GroupBuySeat = 'held' | 'confirmed';

/** A member as shown publicly: initials and an avatar, never a name or id. */
export interface GroupBuyMember {
  /** One or two letters. */
  readonly initials: string;
  readonly avatarUrl?: string;
  readonly leader: boolean;
  readonly seat: GroupBuySeat;
}

export interface GroupBuyTeam {
  readonly id: string;
  readonly campaignId: string;
  readonly productId: string;
  readonly state: GroupBuyTeamState;
  /** The name the leader chose to show ("Lin's team"). */
  readonly leaderName: string;
  /** Current seats, oldest first. */
  readonly members: readonly GroupBuyMember[];
  /** Confirmed seats: what the tiers count. */
  readonly confirmedCount: number;
  /** Held plus confirmed seats: what fills the team. */
  readonly seatCount: number;
  readonly maxMembers: number;
  /** As they were when the team started; they never change afterwards. */
  readonly tiers: readonly GroupBuyTier[];
  readonly soloPrice: Money;
  /** The deepest tier that confirmed seats reached; null before success. Every member pays its price. */
  readonly tierReached: GroupBuyTier | null;
  readonly createdAt: IsoDateTime;
  /** The deadline, fixed when the team started. */
  readonly expiresAt: IsoDateTime;
  /** When the team closed or expired. */
  readonly endedAt?: IsoDateTime;
  /** The signed-in customer's seat in this team; never part of the public stream. */
  readonly you?: GroupBuyYourSeat;
  /** The server's clock when this was sent: countdowns run on server time. */
  readonly serverTime?: IsoDateTime;
}

export interface GroupBuyYourSeat {
  readonly seat: GroupBuySeat;
  readonly leader: boolean;
  /** When a held seat lapses unless the merchant reports the order. */
  readonly holdExpiresAt?: IsoDateTime;
  /** What this seat pays now: the reached tier's price, or the first tier's while forming. */
  readonly price: Money;
}

/** A product's group buy as a shopper sees it. */
export interface GroupBuyOffer {
  /** Active first, then the next scheduled, then the latest ended or sold out. */
  readonly campaign: GroupBuyCampaign;
  /** Teams with a free seat that the shopper is not in, soonest deadline first, at most 5. */
  readonly teams: readonly GroupBuyTeam[];
  /** The signed-in customer's team in this campaign (any state but expired), else null. */
  readonly yourTeam: GroupBuyTeam | null;
  readonly serverTime: IsoDateTime;
}

export interface GroupBuyJoinInput {
  /** Shown publicly: as the team's name when leading ("Lin's team"), as initials otherwise. 1 to 40 characters. */
  readonly displayName?: string;
}

// ── Points (积分) ───────────────────────────────────────────────────────────────────────────

/**
 * What earns points. `streak_bonus` is the extra a check-in earns on each `streakBonus.everyDays`-th
 * day in a row; `team` is a group-buy campaign's `reward.points`, earned by each confirmed member
 * when the team succeeds.
 */
export type PointsAction =
  'purchase' | 'review' | 'photo_review' | 'share' | 'referral' | 'check_in' | 'streak_bonus' | 'team';

export interface PointsEarnRule {
  readonly action: PointsAction;
  /** Points per action; for `purchase`, per whole `per` amount spent (floor(total / per) × points). */
  readonly points: number;
  /** `purchase` only: the amount that earns `points`, e.g. 1 point per $1.00. */
  readonly per?: Money;
  /** Most times a day (in the program's time zone) the action earns; absent when unlimited (`share`). */
  readonly dailyCap?: number;
  /** `check_in` only: every `everyDays`-th day of a streak earns `points` more. */
  readonly streakBonus?: { readonly everyDays: number; readonly points: number };
}

export interface PointsCoupon {
  /** Exactly one of `amountOff` and `percentOff`. */
  readonly amountOff?: Money;
  readonly percentOff?: number;
  readonly minimumSpend?: Money;
  /** How long the code works after redemption; absent when it does not expire. */
  readonly validDays?: number;
}

export interface PointsReward {
  readonly id: string;
  readonly title: string;
  readonly description?: string;
  /** Points it costs. */
  readonly cost: number;
  /** `coupon`: a discount code; `perk`: an exclusive benefit, also delivered as a code. */
  readonly kind: 'coupon' | 'perk';
  readonly coupon?: PointsCoupon;
  /** Redemptions left; absent when unlimited. 0 means out of stock. */
  readonly stock?: number;
  /** Only members at this tier or above may redeem it. */
  readonly tierId?: string;
}

export interface PointsTier {
  readonly id: string;
  readonly name: string;
  /** Lifetime points earned needed to reach it; the first tier's is 0. Redemptions never lower it. */
  readonly threshold: number;
  /** What the tier gives, as the merchant wrote it (shown as text). */
  readonly perks?: readonly string[];
}

/** `first_purchase`, `first_review`, `photo_review`, `streak_7`, `team_leader`, `first_redemption`; more may come. */
export interface PointsBadge {
  readonly id: string;
  readonly name: string;
  readonly description: string;
}

/** A shop's loyalty program as every shopper sees it (no customer data). */
export interface PointsProgram {
  readonly name: string;
  /** Ascending by `threshold`, the first at 0. */
  readonly tiers: readonly PointsTier[];
  readonly earn: readonly PointsEarnRule[];
  /** Cheapest first. */
  readonly rewards: readonly PointsReward[];
  readonly badges: readonly PointsBadge[];
  /** Points expire this many months after they were earned, oldest first; null when they never do. */
  readonly expiryMonths: number | null;
  /** Purchase points stay pending this many days (the return window) before they can be spent. */
  readonly pendingDays: number;
  /** IANA zone that decides what "today" is for check-ins and daily caps. */
  readonly timeZone: string;
  /** Where the merchant explains the rules; shown as a link. */
  readonly termsUrl?: string;
}

/** The signed-in customer's standing. The server derives every number from the ledger. */
export interface PointsAccount {
  /** Spendable now: the sum of the ledger's available entries. Never negative. */
  readonly balance: number;
  /** Earned but not spendable yet (purchases inside the return window). */
  readonly pending: number;
  /** Every point ever earned (pending included) less reversals: what tiers count. */
  readonly lifetime: number;
  readonly tier: PointsTier;
  /** The next tier and the lifetime points still needed; null at the top. */
  readonly nextTier: (PointsTier & { readonly pointsNeeded: number }) | null;
  /** Earned badges, oldest first. */
  readonly badges: readonly { readonly id: string; readonly name: string; readonly earnedAt: IsoDateTime }[];
  readonly checkIn: {
    /** Days in a row, today included once checked in; 0 after a missed day. */
    readonly streak: number;
    readonly checkedInToday: boolean;
    /** What the next check-in earns, bonus included. */
    readonly nextPoints: number;
  };
  /** The soonest points to expire within 30 days, if any. */
  readonly expiring: { readonly points: number; readonly at: IsoDateTime } | null;
  readonly serverTime: IsoDateTime;
}

export type PointsEntryKind = 'earn' | 'redeem' | 'expire' | 'adjust' | 'reverse';

/**
 * One append-only ledger line. The history reads newest first; `balanceAfter` is the running
 * balance of available points, so each line explains the change it made.
 */
export interface PointsEntry {
  readonly id: string;
  readonly kind: PointsEntryKind;
  /** `earn` (and the `reverse` of one): what earned it. */
  readonly action?: PointsAction;
  /** Signed: positive for earn and positive adjust, negative otherwise (0 for a `reverse` with nothing left to take back). */
  readonly points: number;
  /** A `reverse` of points already spent: what the balance could not give back; lifetime points lose it too. */
  readonly shortfall?: number;
  /**
   * What it is about: an order (`purchase`, its `reverse`), a review, a check-in day
   * (`YYYY-MM-DD`), a redemption (the reward's title in `label`), a team, a share or referral.
   */
  readonly source: {
    readonly type:
      'order' | 'review' | 'check_in' | 'redemption' | 'team' | 'share' | 'referral' | 'adjustment' | 'expiry';
    readonly id: string;
    readonly label?: string;
  };
  /** The merchant's note on an `adjust` (shown as text). */
  readonly note?: string;
  /** `pending` until `availableAt` (purchases in the return window); `available` otherwise. */
  readonly status: 'pending' | 'available';
  readonly availableAt?: IsoDateTime;
  /** When these points expire unless spent first (earn and positive adjust). */
  readonly expiresAt?: IsoDateTime;
  /** Available balance right after this entry; null while pending. */
  readonly balanceAfter: number | null;
  readonly createdAt: IsoDateTime;
}

export interface PointsCheckIn {
  /** Earned by this check-in, bonus included. */
  readonly points: number;
  /** The streak bonus part of `points` (0 when none). */
  readonly bonus: number;
  readonly streak: number;
  readonly account: PointsAccount;
}

export interface PointsRedemption {
  readonly id: string;
  readonly rewardId: string;
  readonly rewardTitle: string;
  readonly points: number;
  /** The coupon or perk code to use at checkout (from the merchant's pool, or generated). */
  readonly code: string;
  readonly coupon?: PointsCoupon;
  readonly expiresAt?: IsoDateTime;
  readonly createdAt: IsoDateTime;
  readonly account: PointsAccount;
}

// ── Referrals (裂变) ────────────────────────────────────────────────────────────────────────

/** One side's reward: a discount code or points in the shop's loyalty program. */
export interface ReferralReward {
  readonly kind: 'coupon' | 'points';
  /** `coupon`: exactly one of `amountOff` and `percentOff`. */
  readonly amountOff?: Money;
  readonly percentOff?: number;
  readonly minimumSpend?: Money;
  /** `points`: how many. */
  readonly points?: number;
}

/** What sharing promises, disclosed next to the share button and on the friend's landing. */
export interface ReferralIncentive {
  /** The friend's discount on their first order, with the code shown on landing. */
  readonly friend: ReferralReward;
  /** The advocate's reward for each friend's first order, once its return window has closed. */
  readonly advocate: ReferralReward;
  readonly termsUrl?: string;
}

/** The signed-in customer's personal link: the same code every time they ask. */
export interface ReferralLink {
  /** Short and readable (`LIN-7Q2K`); matched case-insensitively. */
  readonly code: string;
  /** What to share: the page asked for (or the shop's) with `?kith_ref=CODE`. */
  readonly url: string;
  /** Null when the shop runs no referral program (the link still attributes visits). */
  readonly incentive: ReferralIncentive | null;
}

/** What a friend who lands with `?kith_ref=CODE` is offered. */
export interface ReferralOffer {
  /** The code, as stored (its canonical case). */
  readonly code: string;
  /** The advocate's chosen display name ("Lin"): never an email or id. */
  readonly advocateName: string;
  readonly incentive: ReferralIncentive;
  /** The friend's coupon code to enter at checkout. */
  readonly couponCode: string;
}

/**
 * A referred first order, as its advocate sees it: `pending` inside the return window, `approved`
 * once rewarded, `flagged` while the merchant reviews it (fraud checks), `denied` (self-referral,
 * existing customer, cap reached, or the merchant said no), `reversed` after a refund.
 */
export type ReferralStatus = 'pending' | 'approved' | 'flagged' | 'denied' | 'reversed';

export interface ReferralConversion {
  readonly id: string;
  readonly status: ReferralStatus;
  /** The friend as the advocate may see them: initials only. */
  readonly friendInitials: string;
  readonly reward: ReferralReward;
  readonly createdAt: IsoDateTime;
  /** When a pending conversion is rewarded unless the order is refunded. */
  readonly approvesAt?: IsoDateTime;
}

/** The advocate's dashboard. */
export interface ReferralStats {
  /** Null until the customer asked for a link. */
  readonly code: string | null;
  /** Visits through the code. */
  readonly clicks: number;
  /** Friends who signed up through it (reported by the shop). */
  readonly signups: number;
  /** Referred first orders that were not denied. */
  readonly conversions: number;
  /** Rewards waiting for their return window (or a review) and rewards given. */
  readonly rewards: { readonly pending: number; readonly approved: number };
  /** Newest first, at most 20. */
  readonly recent: readonly ReferralConversion[];
}
