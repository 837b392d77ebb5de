// The types of `demo.js`, which `npm run record` writes from the real server.
import type {
  GroupBuyCampaign,
  GroupBuyTeam,
  GroupBuyYourSeat,
  LiveShow,
  PointsAccount,
  PointsEntry,
  PointsProgram,
  Question,
  ReferralLink,
  ReferralOffer,
  ReferralStats,
  Review,
  ReviewSummary,
} from '@kith/core';

/** A customer's points as served in one state, and which recorded state each write leads to. */
export interface RecordedPoints {
  readonly account: Omit<PointsAccount, 'serverTime'>;
  readonly history: PointsEntry[];
  /** By write (`checkIn`, `redeem:<rewardId>`): its answer without `account`, and the state it leaves. */
  readonly after?: Record<string, { readonly answer: object; readonly then: string }>;
}

/** A team as served to anyone, with each member's own seat by customer id. */
export type RecordedTeam = Omit<GroupBuyTeam, 'you' | 'serverTime'> & {
  readonly you: Record<string, GroupBuyYourSeat>;
};

/** `p1`'s group buy in one state, as served to the recording's shopper. */
export interface RecordedGroupBuy {
  readonly campaign: GroupBuyCampaign;
  /** The teams the offer lists, by id. */
  readonly listed: string[];
  /** The shopper's team. */
  readonly yours: string | null;
  readonly teams: RecordedTeam[];
  /** The team the state is about. */
  readonly teamId: string | null;
  /** That team's next states, a minute apart. */
  readonly script: RecordedTeam[];
}

declare const recorded: {
  /** The server's clock during the recording: the memory adapter moves every time by `now - recordedAt`. */
  readonly recordedAt: string;
  /** The customer id the recording's shopper had; the adapter gives their data to its signed-in customer. */
  readonly shopper: string;
  /** p1's reviews in the default order, its summary and each other listing's ids, its questions; three shows. */
  readonly reviews: Review[];
  readonly summaries: Record<string, ReviewSummary>;
  readonly listings: Record<string, string[]>;
  readonly questions: Question[];
  readonly shows: LiveShow[];
  readonly points: { readonly program: PointsProgram; readonly states: Record<string, RecordedPoints> };
  readonly groupBuy: Record<string, RecordedGroupBuy>;
  /** By state: the shopper's link and stats (null: none yet), and what each code answers a friend. */
  readonly referrals: Record<
    string,
    {
      readonly link: ReferralLink | null;
      readonly offers: Record<string, ReferralOffer | { status: number; code: string; message: string }>;
      readonly stats: ReferralStats | null;
    }
  >;
};
export default recorded;
