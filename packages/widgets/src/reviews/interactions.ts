import type { Review } from '@kith/core';
import { ReviewActions } from './actions.js';
import type { ReviewsContext } from './context.js';
import { ReviewDialog } from './review-dialog.js';

/** What a shopper does to reviews: votes and reports, and the dialog (lightbox, report and review form). */
export interface Interactions {
  readonly actions: ReviewActions;
  readonly dialog: ReviewDialog;
}

/**
 * The lazy part of `<kith-reviews>`, loaded on the first pointer or focus inside it (or the first
 * click): the first view shows reviews without it. `patch` replaces a loaded review (its helpful
 * count after a vote); `fallback` takes focus when a dialog closes after its opener left the DOM.
 */
export function interactions(
  c: ReviewsContext,
  patch: (id: string, change: Partial<Review>) => void,
  fallback: () => HTMLElement | null,
): Interactions {
  const actions = new ReviewActions(c, patch);
  return { actions, dialog: new ReviewDialog(c, actions, fallback) };
}
