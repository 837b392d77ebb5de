import { nothing } from 'lit';
import type { Review } from '@kith/core';
import type { ReviewsContext } from './context.js';
import type { Interactions } from './interactions.js';
import type { RowActions } from './row.js';

/**
 * Votes, reports and the dialog of `<kith-reviews>`, whose code (`interactions.ts`) is not in the
 * first view: asked for on the first pointer or focus inside the widget (`prefetch`), so a click
 * rarely waits, and by the click itself when it does (or when the prefetch failed).
 */
export class LazyInteractions {
  private ui?: Interactions;
  private loading?: Promise<Interactions>;
  /** The last attempt to load them failed. */
  private failed = false;

  constructor(
    private readonly c: ReviewsContext,
    private readonly patch: (id: string, change: Partial<Review>) => void,
    private readonly fallback: () => HTMLElement | null,
  ) {}

  private load(): Promise<Interactions> {
    return (this.loading ??= import('./interactions.js').then(
      (m) => {
        this.ui = m.interactions(this.c, this.patch, this.fallback);
        this.c.host.requestUpdate();
        return this.ui;
      },
      (e: unknown) => {
        this.loading = undefined;
        throw e;
      },
    ));
  }

  readonly prefetch = (): void => void this.load().catch(() => {});

  /**
   * Runs `fn` once the interactions are here and rendered (a dialog must exist to open). Their code
   * failing to load (offline, a CDN hiccup) is said in the notice line, and the next click asks again:
   * the reviews stay.
   */
  private act(fn: (ui: Interactions) => unknown): void {
    this.c.guard(async () => {
      let ui: Interactions;
      try {
        ui = await this.load();
        this.failed = false;
      } catch {
        this.failed = true;
        this.c.host.requestUpdate();
        return;
      }
      await this.c.host.updateComplete;
      // Gone while its code loaded: nothing to open or announce.
      if (this.c.host.isConnected) await fn(ui);
    })();
  }

  readonly rows: RowActions = {
    voted: (id) => this.ui?.actions.hasVoted(id) ?? false,
    vote: (r) => this.act((ui) => ui.actions.vote(r)),
    report: (opener, r) =>
      this.act((ui) => ui.actions.allowed() && ui.dialog.open(opener, { kind: 'report', review: r })),
    photo: (opener, r, index) => this.act((ui) => ui.dialog.openPhoto(opener, r, index)),
  };

  readonly openForm = (e: Event): void => {
    const opener = e.currentTarget as Element;
    this.act((ui) => ui.dialog.openForm(opener));
  };

  dialog() {
    return this.ui?.dialog.render() ?? nothing;
  }

  /** The notice line's content (votes and reports); the line is the element's, there from the start. */
  notice() {
    return this.ui?.actions.render() ?? (this.failed ? this.c.i18n.t('actionFailed') : nothing);
  }
}
