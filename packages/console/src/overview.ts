import { css, html } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { api } from './api.js';
import { ConsoleElement, t, type StringKey } from './i18n.js';
import { base } from './styles.js';

interface Count {
  readonly key: StringKey;
  readonly path: string;
  readonly href: string;
}
// Up to LIMIT of each, read from the queues themselves (no second source of the numbers).
const LIMIT = 100;
const COUNTS: Count[] = [
  { key: 'overview.pendingReviews', path: `/v1/admin/reviews?status=pending&limit=${LIMIT}`, href: '#/moderation' },
  {
    key: 'overview.pendingQuestions',
    path: `/v1/admin/questions?status=pending&limit=${LIMIT}`,
    href: '#/moderation/questions',
  },
  {
    key: 'overview.flaggedReferrals',
    path: `/v1/admin/referrals?status=flagged&limit=${LIMIT}`,
    href: '#/moderation/referrals',
  },
];

/** What needs a look now: the moderation queues' sizes, each linking to its queue. */
@customElement('kc-overview')
export class Overview extends ConsoleElement {
  static override styles = [
    base,
    css`
      :host {
        display: block;
      }
      ul {
        list-style: none;
        padding: 0;
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(14rem, 1fr));
        gap: 1rem;
      }
      li {
        background: var(--kc-panel);
        border-radius: 0.75rem;
        padding: 1rem;
      }
      li > span {
        display: block;
        margin-block-end: 0.5rem;
      }
      .n {
        font-size: 2rem;
        font-weight: 700;
      }
    `,
  ];
  @state() private counts = new Map<StringKey, number | undefined>();

  override connectedCallback(): void {
    super.connectedCallback();
    for (const c of COUNTS) void this.count(c);
  }

  private async count(c: Count) {
    try {
      const page = await api<{ items: unknown[]; nextCursor: string | null }>('GET', c.path);
      this.counts = new Map(this.counts).set(c.key, page.nextCursor ? LIMIT + 1 : page.items.length);
    } catch {
      this.counts = new Map(this.counts).set(c.key, undefined);
    }
  }

  override render() {
    return html`<h1 tabindex="-1">${t('overview.title')}</h1>
      <h2>${t('overview.attention')}</h2>
      <ul>
        ${COUNTS.map((c) => {
          const n = this.counts.get(c.key);
          return html`<li>
            <span class="n">${n === undefined ? '–' : n > LIMIT ? t('overview.more', { count: LIMIT }) : n}</span>
            <span>${t(c.key)}</span>
            <a href=${c.href}>${t('overview.open')}</a>
          </li>`;
        })}
      </ul>`;
  }
}
