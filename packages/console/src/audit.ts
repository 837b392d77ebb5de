import { css, html, nothing } from 'lit';
import { customElement } from 'lit/decorators.js';
import { Paged } from './paged.js';
import { ConsoleElement, formatDate, t } from './i18n.js';
import { reportError } from './queue.js';
import { base } from './styles.js';

interface Entry {
  id: string;
  at: string;
  actor: { kind: 'secret_key' } | { kind: 'staff'; id: string; email: string };
  operation: string;
  method: string;
  path: string;
  target: string | null;
  request: unknown;
  before: unknown;
  after: unknown;
}

/** What changed, briefly: the fields `before` had that `after` holds otherwise (moderation: status, reply). */
function change(e: Entry): string {
  const before = e.before && typeof e.before === 'object' ? (e.before as Record<string, unknown>) : undefined;
  const after = e.after && typeof e.after === 'object' ? (e.after as Record<string, unknown>) : undefined;
  if (!before || !after) return '';
  // A reply is an object after and its text before; an absent field is null.
  const shown = (v: unknown) =>
    JSON.stringify((v && typeof v === 'object' && 'body' in v ? (v as { body: unknown }).body : v) ?? null);
  return Object.keys(before)
    .filter((k) => shown(before[k]) !== shown(after[k]))
    .map((k) => `${k}: ${shown(before[k])} → ${shown(after[k])}`)
    .join('; ');
}

/** Every admin write, newest first: who, what, on what, when, and the change where it is known. */
@customElement('kc-audit')
export class Audit extends ConsoleElement {
  static override styles = [
    base,
    css`
      :host {
        display: block;
      }
      .table {
        overflow-x: auto;
      }
      table {
        border-collapse: collapse;
        inline-size: 100%;
        font-size: 0.9375rem;
      }
      th,
      td {
        text-align: start;
        vertical-align: top;
        padding: 0.5rem;
        border-block-end: 1px solid var(--kc-line);
        overflow-wrap: anywhere;
      }
      code {
        font-size: 0.875rem;
      }
    `,
  ];
  private readonly page = new Paged<Entry>(
    this,
    () => '/v1/admin/audit?limit=50',
    (e) => reportError(this, e),
  );

  override render() {
    return html`<h1 tabindex="-1">${t('audit.title')}</h1>
      ${
        this.page.loading && !this.page.items.length
          ? html`<p role="status">${t('app.loading')}</p>`
          : !this.page.items.length
            ? html`<p>${t('audit.empty')}</p>`
            : html`<div class="table" tabindex="0" role="region" aria-labelledby="caption">
              <table>
                <caption id="caption" class="visually-hidden">${t('audit.title')}</caption>
                <thead>
                  <tr>
                    <th scope="col">${t('audit.when')}</th>
                    <th scope="col">${t('audit.who')}</th>
                    <th scope="col">${t('audit.what')}</th>
                    <th scope="col">${t('audit.target')}</th>
                    <th scope="col">${t('audit.change')}</th>
                  </tr>
                </thead>
                <tbody>
                  ${this.page.items.map(
                    (e) =>
                      html`<tr>
                        <td><time datetime=${e.at}>${formatDate(e.at)}</time></td>
                        <td>${e.actor.kind === 'staff' ? e.actor.email : t('audit.secretKey')}</td>
                        <td><code>${e.operation}</code></td>
                        <td>${e.target ?? ''}</td>
                        <td>${change(e)}</td>
                      </tr>`,
                  )}
                </tbody>
              </table>
            </div>`
      }
      ${
        this.page.next
          ? html`<p><button @click=${() => this.page.load(true)} ?disabled=${this.page.loading}>${t('audit.more')}</button></p>`
          : nothing
      }`;
  }
}
