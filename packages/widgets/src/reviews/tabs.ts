import { html, nothing } from 'lit';
import type { ReviewsContext } from './context.js';

type Tab = 'reviews' | 'questions';

/**
 * The Reviews / Questions tabs, when the adapter has Q&A. The questions' code loads the first
 * time their tab opens.
 */
export class ReviewTabs {
  private tab: Tab = 'reviews';
  private loaded = false;

  constructor(private readonly c: ReviewsContext) {}

  private select(id: Tab): void {
    this.tab = id;
    this.c.host.requestUpdate();
    if (id === 'questions' && !this.loaded) {
      import('./questions.js').then(
        () => {
          this.loaded = true;
          this.c.host.requestUpdate();
        },
        (e) => this.c.fail(e),
      );
    }
  }

  private readonly onKey = this.c.guard((e: KeyboardEvent) => {
    const keys: Record<string, Tab> = {
      ArrowLeft: 'reviews',
      Home: 'reviews',
      ArrowRight: 'questions',
      End: 'questions',
    };
    const next = keys[e.key];
    if (!next) return;
    e.preventDefault();
    this.select(next);
    this.c.host.updateComplete.then(() => this.c.host.renderRoot.querySelector<HTMLElement>(`#tab-${next}`)?.focus());
  });

  /** `reviews` is the reviews panel; `count` the number of reviews for its tab, once known. */
  render(reviews: unknown, count?: number) {
    const c = this.c;
    if (!c.adapter()?.reviews?.listQuestions) return reviews;
    const t = c.i18n.t;
    const tab = (
      id: Tab,
      label: string,
    ) => html`<button role="tab" part="tab" id=${`tab-${id}`} aria-controls=${`panel-${id}`}
      aria-selected=${this.tab === id ? 'true' : 'false'} tabindex=${this.tab === id ? 0 : -1} @click=${() => this.select(id)}>${label}</button>`;
    return html`<div role="tablist" part="tabs" aria-label=${t('tabs')} @keydown=${this.onKey}>
        ${tab('reviews', count !== undefined ? `${t('tabReviews')} (${c.i18n.number(count)})` : t('tabReviews'))}${tab('questions', t('tabQuestions'))}
      </div>
      <div role="tabpanel" id="panel-reviews" aria-labelledby="tab-reviews" ?hidden=${this.tab !== 'reviews'}>${reviews}</div>
      <div role="tabpanel" id="panel-questions" aria-labelledby="tab-questions" ?hidden=${this.tab !== 'questions'}>
        ${
          this.loaded
            ? html`<kith-review-questions .adapter=${c.adapter()} product=${c.product() ?? ''} lang=${c.i18n.locale} theme=${c.host.theme ?? 'light'}
              .strings=${c.host.strings} .signInUrl=${c.signInHref()} @kith-question-asked=${() => c.track('question_asked')}
              @kith-answer-posted=${() => c.track('answer_posted')}></kith-review-questions>`
            : nothing
        }
      </div>`;
  }
}
