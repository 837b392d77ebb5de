export * from './types/models.js';
export type {
  KithAdapter,
  Capability,
  CallOptions,
  WriteOptions,
  SubscribeOptions,
  Unsubscribe,
  LiveApi,
  ReviewsApi,
  ProductFacts,
  GroupBuyApi,
  PointsApi,
  ReferralsApi,
} from './adapter.js';
export {
  KithError,
  HttpError,
  httpErrorOf,
  TimeoutError,
  NetworkError,
  UnsupportedError,
  isKithError,
  isHttpError,
  isTimeoutError,
  isNetworkError,
  isUnsupportedError,
  isAbortError,
  toKithError,
  explainedCode,
} from './errors.js';
// Types only: the runtime list is at @kith/core/error-codes, so no widget bundle carries it.
export type {
  KithErrorCode,
  ClientErrorCode,
  ErrorDomain,
  CommonErrorCode,
  AuthErrorCode,
  IdempotencyErrorCode,
  ReviewErrorCode,
  QuestionErrorCode,
  MediaErrorCode,
  LiveErrorCode,
  GroupBuyErrorCode,
  PointsErrorCode,
  ReferralErrorCode,
  OrderErrorCode,
  StaffErrorCode,
} from './error-codes.js';
export { VERSION, uuid } from './global.js';
export {
  $config,
  $consent,
  configure,
  setConsent,
  listenForConsentEvents,
  configFromDataset,
  type ConfigureOptions,
  type ConsentInput,
  type Consent,
  type KithConfig,
} from './config.js';
export {
  track,
  ANALYTICS_SCHEMA,
  type AnalyticsEnvelope,
  type AnalyticsSink,
  type AnalyticsInput,
  type AnalyticsValue,
} from './analytics/bus.js';
export { ImpressionController, type ImpressionOptions } from './analytics/impression.js';
export {
  emit,
  type KithEventMap,
  type KithErrorDetail,
  type KithGroupJoinDetail,
  type KithLiveOpenDetail,
  type KithShareDetail,
} from './events/events.js';
export { KithElement, type WidgetState } from './element/kith-element.js';
export { StoreController } from './controllers/store-controller.js';
export { SessionController } from './controllers/session-controller.js';
export { I18nController, directionOf, validLocale } from './i18n/controller.js';
export {
  registerStrings,
  loadStrings,
  translate,
  localeChain,
  type ErrorStrings,
  type StringTable,
  type StringLoader,
  type MessageValues,
} from './i18n/strings.js';
export {
  formatNumber,
  formatCompact,
  formatMoney,
  formatRelative,
  formatDateTime,
  pluralCategory,
} from './i18n/format.js';
export { hostStyles } from './styles/host.styles.js';
export { liveShowStore, type LiveQuery, type LiveState } from './stores/live.js';
export { ClockController, tickFor } from './controllers/clock-controller.js';
export { AnnouncerController } from './controllers/announcer-controller.js';
export { toIcs, icsHref, type CalendarEvent } from './util/calendar.js';
export { reviewSummaryStore, type SummaryState } from './stores/reviews.js';
export { createBatcher } from './stores/batch.js';
export {
  resource,
  intent,
  refused,
  type Resource,
  type ResourceState,
  type ResourceOptions,
  type Intent,
  type IntentState,
} from './stores/data.js';
export { storeCache } from './stores/keyed.js';
export { HYDRATION } from './hydration.js';
export { takeSnapshot, holdSnapshot, withSnapshot, queryKey, type KithSnapshot } from './stores/snapshot.js';
// The paged read (`pages`) is at @kith/core/pages, outside the runtime: only the reviews and Q&A lists use it.
export type { Pages, PagesState } from './stores/pages.js';
// The byte sniffer is at @kith/core/image, outside the runtime: only forms and servers need it.
