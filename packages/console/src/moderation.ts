import { css, html, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { ConsoleElement, t, type StringKey } from './i18n.js';
import { base } from './styles.js';
import './review-queue.js';
import './question-queue.js';
import './referral-queue.js';

const QUEUES: Record<string, { label: StringKey; render: (shopName: string) => TemplateResult }> = {
  reviews: { label: 'queue.reviews', render: () => html`<kc-review-queue></kc-review-queue>` },
  questions: {
    label: 'queue.questions',
    render: (shop) => html`<kc-question-queue .shopName=${shop}></kc-question-queue>`,
  },
  answers: { label: 'queue.answers', render: () => html`<kc-answer-queue></kc-answer-queue>` },
  referrals: { label: 'queue.referrals', render: () => html`<kc-referral-queue></kc-referral-queue>` },
};
const queueOf = () => {
  const id = /^#\/moderation\/([\w-]+)/.exec(location.hash)?.[1] ?? 'reviews';
  return id in QUEUES ? id : 'reviews';
};

/** Moderation: one screen, a queue per kind of thing shoppers write (reviews, questions, answers) and flagged referrals. */
@customElement('kc-moderation')
export class Moderation extends ConsoleElement {
  static override styles = [
    base,
    css`
      :host {
        display: block;
      }
      nav ul {
        display: flex;
        flex-wrap: wrap;
        gap: 0.25rem;
        list-style: none;
        margin: 0 0 1rem;
        padding: 0;
        border-block-end: 1px solid var(--kc-line);
      }
      nav a {
        display: inline-block;
        padding: 0.5rem 0.75rem;
        color: var(--kc-fg);
        text-decoration: none;
        border-block-end: 3px solid transparent;
      }
      nav a[aria-current='page'] {
        font-weight: 700;
        border-block-end-color: var(--kc-accent);
      }
    `,
  ];
  /** Whose answers "as the shop" are signed with, by default. */
  @property() shopName = '';
  @state() private queue = queueOf();

  override connectedCallback(): void {
    super.connectedCallback();
    addEventListener('hashchange', this.hashchange);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    removeEventListener('hashchange', this.hashchange);
  }

  private hashchange = () => {
    this.queue = queueOf();
  };

  override render() {
    return html`<h1 tabindex="-1">${t('moderation.title')}</h1>
      <nav aria-label=${t('queue.nav')}>
        <ul>
          ${Object.entries(QUEUES).map(
            ([id, q]) =>
              html`<li>
                <a href="#/moderation/${id}" aria-current=${id === this.queue ? 'page' : 'false'}>${t(q.label)}</a>
              </li>`,
          )}
        </ul>
      </nav>
      ${QUEUES[this.queue]!.render(this.shopName)}`;
  }
}
