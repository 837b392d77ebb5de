import type { AnalyticsValue, I18nController, KithAdapter, KithElement } from '@kith/core';

/**
 * What the parts of `<kith-reviews>` (summary, filters, rows, dialog, tabs, actions) need from it:
 * its protected members, handed over as functions, so no part reaches into the element's fields.
 */
export interface ReviewsContext {
  readonly host: KithElement;
  readonly i18n: I18nController;
  adapter(): KithAdapter | undefined;
  product(): string | undefined;
  /** The shop's sign-in page, if it has one. */
  signInHref(): string | undefined;
  /** True only once the adapter said no shopper is signed in. */
  signedOut(): boolean;
  track(name: string, props?: Record<string, AnalyticsValue>): void;
  /** The host's error boundary around an event handler. */
  guard<A extends unknown[]>(fn: (...args: A) => unknown): (...args: A) => void;
  fail(e: unknown): void;
}
