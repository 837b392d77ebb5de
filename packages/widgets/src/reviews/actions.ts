import { html } from 'lit';
import {
  explainedCode,
  intent,
  type AuthErrorCode,
  type ErrorStrings,
  type ReportReason,
  type Review,
} from '@kith/core';
import type { ReviewsContext } from './context.js';

/**
 * The refusals of a vote or report with their own notice (`error.<code>`); anything else is
 * `actionFailed`. Every 401 reads as `customer_token_required`, which a signed-out shopper is told
 * before any request too.
 */
const EXPLAINED = ['customer_token_required'] as const satisfies readonly AuthErrorCode[];
/** What every locale's table must say: one message per explained code. */
export type ReviewsProblems = ErrorStrings<(typeof EXPLAINED)[number]>;
const SIGN_IN = 'error.customer_token_required' satisfies keyof ReviewsProblems;

/** Helpful votes and reports on reviews; each outcome shows in one notice line. */
export class ReviewActions {
  /**
   * The notice's key, translated when rendered: the shopper's locale table can still be loading
   * when a vote or report ends, and a string looked up then would stay in the fallback language.
   */
  private notice = '';
  private readonly voted = new Set<string>();
  // One Idempotency-Key per vote and per report (review and reason), kept when the shopper retries it after a
  // network error, so the retry cannot count twice.
  private readonly votes = intent((id: string, idempotencyKey) =>
    this.c.adapter()!.reviews!.markHelpful!(id, { idempotencyKey }),
  );
  private readonly reports = intent(
    ([id, reason]: readonly [string, ReportReason], idempotencyKey) =>
      this.c.adapter()!.reviews!.report!(id, reason, { idempotencyKey }),
    (x) => x.join(),
  );

  /** `patch` replaces a loaded review (its helpful count after a vote). */
  constructor(
    private readonly c: ReviewsContext,
    private readonly patch: (id: string, change: Partial<Review>) => void,
  ) {}

  hasVoted(id: string): boolean {
    return this.voted.has(id);
  }

  /** Signed out, says so instead: no request (nor report form) that can only end in a 401. */
  allowed(): boolean {
    if (!this.c.signedOut()) return true;
    this.say(SIGN_IN);
    return false;
  }

  private say(key: string): void {
    this.notice = key;
    this.c.host.requestUpdate();
  }

  private async act(run: () => Promise<unknown> | undefined, done: string): Promise<boolean> {
    if (!this.allowed()) return false;
    try {
      if (!(await run())) throw new Error('unsupported');
      this.say(done);
      return true;
    } catch (e) {
      const code = explainedCode(e, EXPLAINED);
      this.say(code ? `error.${code}` : 'actionFailed');
      return false;
    }
  }

  async vote(r: Review): Promise<void> {
    if (this.voted.has(r.id)) return;
    const api = this.c.adapter()?.reviews;
    let count = r.helpfulCount;
    const ok = await this.act(
      () => api?.markHelpful && this.votes.run(r.id).then((x) => ((count = x.helpfulCount), true)),
      'voted',
    );
    if (!ok) return;
    this.voted.add(r.id);
    this.patch(r.id, { helpfulCount: count });
    this.c.track('review_helpful', { review: r.id });
  }

  async report(r: Review, reason: ReportReason): Promise<void> {
    const api = this.c.adapter()?.reviews;
    if (await this.act(() => api?.report && this.reports.run([r.id, reason]).then(() => true), 'reported')) {
      this.c.track('review_reported', { review: r.id, reason });
    }
  }

  /** The notice line's content; the line itself (a live region) is the element's, there before any notice. */
  render() {
    const href = this.c.signInHref();
    const text = this.notice && this.c.i18n.t(this.notice);
    return this.notice === SIGN_IN && href ? html`<a href=${href}>${text}</a>` : text;
  }
}
