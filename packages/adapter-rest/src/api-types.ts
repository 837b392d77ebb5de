import type {
  Answer,
  GroupBuyOffer,
  GroupBuyTeam,
  LiveShow,
  Page,
  PointsAccount,
  PointsCheckIn,
  PointsEntry,
  PointsProgram,
  PointsRedemption,
  Question,
  Review,
  ReviewSummary,
  UploadedMedia,
} from '@kith/core';
import type {
  AnswerResponse as ServerAnswer,
  FindShowResult,
  GroupBuyOfferResponse,
  GroupBuyTeamResponse,
  LiveShowResponse,
  PointsAccountResponse,
  PointsCheckInResponse,
  PointsEntryPageResponse,
  PointsProgramResponse,
  PointsRedemptionResponse,
  QuestionPageResponse as ServerQuestionPage,
  QuestionResponse as ServerQuestion,
  ReviewPageResponse as ServerReviewPage,
  ReviewResponse,
  ReviewSummaryResponse as ServerSummary,
  UploadedMediaResponse as ServerUpload,
} from '@kith/server/contract';

// Response shapes come from the server's zod schemas through type-only imports, so the adapter
// can't drift from the API and no validation library ships to the browser. Each is checked to be
// assignable to the @kith/core model the widgets use.

/** `GET live/shows?product=<productId>`. */
export type FindShowResponse = FindShowResult;

/** `GET live/shows/:id` and each stream message. */
export type ShowResponse = LiveShowResponse;

// Compile-time contract checks: a server field the core model can't take fails the build.
type Assert<T extends true> = T;
export type _ShowFitsCore = Assert<LiveShowResponse extends LiveShow ? true : false>;
export type _FindFitsCore = Assert<FindShowResult extends { readonly show: LiveShow | null } ? true : false>;
export type _ReviewFitsCore = Assert<ReviewResponse extends Review ? true : false>;
export type _PageFitsCore = Assert<ServerReviewPage extends Page<Review> ? true : false>;
export type _SummaryFitsCore = Assert<ServerSummary extends ReviewSummary ? true : false>;
export type _UploadFitsCore = Assert<ServerUpload extends UploadedMedia ? true : false>;
export type _QuestionFitsCore = Assert<ServerQuestion extends Question ? true : false>;
export type _QuestionPageFitsCore = Assert<ServerQuestionPage extends Page<Question> ? true : false>;
export type _AnswerFitsCore = Assert<ServerAnswer extends Answer ? true : false>;
export type _TeamFitsCore = Assert<GroupBuyTeamResponse extends GroupBuyTeam ? true : false>;
export type _OfferFitsCore = Assert<GroupBuyOfferResponse extends GroupBuyOffer ? true : false>;
export type _PointsProgramFitsCore = Assert<PointsProgramResponse extends PointsProgram ? true : false>;
export type _PointsAccountFitsCore = Assert<PointsAccountResponse extends PointsAccount ? true : false>;
export type _PointsHistoryFitsCore = Assert<PointsEntryPageResponse extends Page<PointsEntry> ? true : false>;
export type _PointsCheckInFitsCore = Assert<PointsCheckInResponse extends PointsCheckIn ? true : false>;
export type _PointsRedemptionFitsCore = Assert<PointsRedemptionResponse extends PointsRedemption ? true : false>;
// The summary fields the widgets' photo and topic filters need are always sent.
export type _SummaryHasPhotosAndTopics = Assert<
  ServerSummary extends Required<Pick<ReviewSummary, 'withMediaCount' | 'topics'>> ? true : false
>;
// Review photos carry the id and displayed size the gallery lays out with.
export type _MediaHasSize = Assert<
  ReviewResponse['media'][number] extends { id: string; width: number; height: number } ? true : false
>;

export type ReviewPageResponse = ServerReviewPage;
export type ReviewSummaryResponse = ServerSummary;
export type UploadedMediaResponse = ServerUpload;
export type QuestionPageResponse = ServerQuestionPage;
export type QuestionResponse = ServerQuestion;
export type AnswerResponse = ServerAnswer;

/** The `event:` name of messages on `GET live/shows/:id/events`; `data` is the whole `LiveShow`. */
export const SHOW_EVENT = 'show';

/** The `event:` name of messages on `GET teams/:id/events`; `data` is the public `GroupBuyTeam` (no `you`). */
export const TEAM_EVENT = 'team';
