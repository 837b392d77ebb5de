import { css, html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { state } from 'lit/decorators.js';
import { ConsoleElement, t, type StringKey } from './i18n.js';
import { Paged } from './paged.js';
import { base } from './styles.js';

/** Fires `kc-error` (the shell shows it, or asks to sign in again) for a refusal no screen handles itself. */
export const reportError = (from: HTMLElement, error: unknown) =>
  from.dispatchEvent(new CustomEvent('kc-error', { detail: error, bubbles: true, composed: true }));

/** The cards every moderation queue lists: the filter bar, one `<article>` per item, its meta line, flags and actions. */
export const queueStyles = css`
  :host {
    display: block;
  }
  .bar {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75rem;
    align-items: end;
    margin-block-end: 1rem;
  }
  .bar label {
    margin: 0;
  }
  .bar select {
    inline-size: auto;
  }
  ol {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 1rem;
  }
  article {
    border: 1px solid var(--kc-line);
    border-radius: 0.75rem;
    padding: 1rem;
    background: var(--kc-bg);
  }
  article:focus-visible {
    outline-offset: 4px;
  }
  .meta {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 1rem;
    color: var(--kc-muted);
    font-size: 0.875rem;
  }
  .body {
    white-space: pre-wrap;
    overflow-wrap: anywhere;
    margin-block: 0.5rem;
  }
  .flags {
    display: flex;
    flex-wrap: wrap;
    gap: 0.375rem;
    padding: 0;
    margin: 0.5rem 0;
    list-style: none;
  }
  .flags li {
    background: var(--kc-warn-bg);
    border-radius: 1rem;
    padding: 0.125rem 0.625rem;
    font-size: 0.875rem;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    margin-block-start: 0.75rem;
  }
  .state {
    font-weight: 600;
  }
  .quote {
    border-inline-start: 3px solid var(--kc-line);
    padding-inline-start: 0.75rem;
    margin-block: 0.5rem;
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }
`;

const FLAGS = new Set<string>(['contact_or_link', 'duplicate_text', 'media', 'reported']);
/** A moderation flag in the console's words; one it does not know, as the server named it. */
export const flagLabel = (code: string) => (FLAGS.has(code) ? t(`flag.${code}` as StringKey) : code);

/**
 * The queues' keys, on a focused card (`<article data-id>`) and never while typing: j and k move
 * to the next and previous card; a, r and e go to `act` (approve, reject, write) with the card's id.
 */
export function queueKeydown(
  e: KeyboardEvent,
  root: ParentNode,
  act: (key: 'a' | 'r' | 'e', id: string) => unknown,
): void {
  const target = e.composedPath()[0] as HTMLElement;
  if (e.ctrlKey || e.metaKey || e.altKey || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName)) return;
  const article = target.closest('article');
  if (!article?.dataset.id) return;
  const all = [...root.querySelectorAll<HTMLElement>('article')];
  const at = all.indexOf(article);
  if (e.key === 'j' || e.key === 'k') {
    e.preventDefault();
    all[e.key === 'j' ? Math.min(at + 1, all.length - 1) : Math.max(at - 1, 0)]?.focus();
  } else if (e.key === 'a' || e.key === 'r' || e.key === 'e') {
    e.preventDefault();
    act(e.key, article.dataset.id);
  }
}

/**
 * Which items have a write on the way (their buttons wait), and the last outcome to announce. A
 * write for an item already busy is dropped; a refusal goes to `onError`.
 */
export class Busy implements ReactiveController {
  private readonly ids = new Set<string>();
  announcement = '';

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly onError: (e: unknown) => void,
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  has(id: string): boolean {
    return this.ids.has(id);
  }

  /** Runs `task` for `id`; what it resolves to is announced (cleared first, so the same words twice are read twice). */
  async run(id: string, task: () => Promise<string>): Promise<void> {
    if (this.ids.has(id)) return;
    this.ids.add(id);
    this.announcement = '';
    this.host.requestUpdate();
    try {
      const said = await task();
      await this.host.updateComplete;
      this.announcement = said;
    } catch (e) {
      this.onError(e);
    } finally {
      this.ids.delete(id);
      this.host.requestUpdate();
    }
  }
}

/** A queue's filter bar: which status to list, and the queue's keys (each card's description). */
export function statusFilter<S extends string>(
  statuses: readonly S[],
  current: S,
  label: (s: S) => StringKey,
  change: (s: S) => void,
  keys: StringKey,
): TemplateResult {
  return html`<div class="bar">
    <div>
      <label for="status">${t('moderation.status')}</label>
      <select id="status" @change=${(e: Event) => change((e.target as HTMLSelectElement).value as S)}>
        ${statuses.map((s) => html`<option value=${s} ?selected=${s === current}>${t(label(s))}</option>`)}
      </select>
    </div>
    <p class="muted" id="keys">${t(keys)}</p>
  </div>`;
}

/** A queue's cards: the outcome announced, loading and empty states, the list with its keys, and the next page. */
export function queueList<T extends { id: string }>(o: {
  page: Paged<T>;
  busy: Busy;
  empty: StringKey;
  keydown: (e: KeyboardEvent) => void;
  card: (item: T) => TemplateResult;
}): TemplateResult {
  const { page } = o;
  return html`<p class="visually-hidden" role="status">${o.busy.announcement}</p>
    ${
      page.loading && !page.items.length
        ? html`<p role="status">${t('app.loading')}</p>`
        : !page.items.length
          ? html`<p>${t(o.empty)}</p>`
          : html`<ol @keydown=${o.keydown}>
            ${repeat(
              page.items,
              (x) => x.id,
              (x) => html`<li>${o.card(x)}</li>`,
            )}
          </ol>`
    }
    ${
      page.next
        ? html`<p>
          <button @click=${() => page.load(true)} ?disabled=${page.loading}>${t('moderation.more')}</button>
        </p>`
        : nothing
    }`;
}

/**
 * A moderation queue: items of one kind with a status filter, a page at a time, each a card with
 * its actions and keys. A queue says where its items come from, how a card looks and what a, r
 * and e do to one.
 */
export abstract class Queue<T extends { id: string }, S extends string> extends ConsoleElement {
  static override styles = [base, queueStyles];
  protected abstract readonly statuses: readonly S[];
  protected abstract readonly keysText: StringKey;
  protected abstract readonly emptyText: StringKey;
  protected abstract statusLabel(status: S): StringKey;
  /** The listing to read, for a status. */
  protected abstract path(status: S): string;
  protected abstract card(item: T): TemplateResult;
  /** a (approve), r (reject) or e (write) on a focused card. */
  protected abstract onKey(key: 'a' | 'r' | 'e', item: T): void;

  @state() protected status!: S;
  protected readonly page = new Paged<T>(
    this,
    () => this.path(this.status),
    (e) => reportError(this, e),
  );
  protected readonly busy = new Busy(this, (e) => reportError(this, e));

  override render() {
    return html`${statusFilter(
      this.statuses,
      this.status,
      (s) => this.statusLabel(s),
      (s) => {
        this.status = s;
        void this.page.load();
      },
      this.keysText,
    )}
    ${queueList({
      page: this.page,
      busy: this.busy,
      empty: this.emptyText,
      keydown: (e) =>
        queueKeydown(e, this.renderRoot, (key, id) => {
          const item = this.page.items.find((x) => x.id === id);
          if (item) this.onKey(key, item);
        }),
      card: (item) => this.card(item),
    })}`;
  }

  /**
   * Puts a write's answer in place of its card's item (`updated` may keep what only the listing
   * carries). When the button pressed went with the old state, focus goes to the card, not the page.
   */
  protected async replaceItem(id: string, updated: (item: T) => T): Promise<void> {
    this.page.replace((x) => x.id === id, updated);
    await this.updateComplete;
    if (!(this.renderRoot as ShadowRoot).activeElement?.isConnected)
      this.renderRoot.querySelector<HTMLElement>(`article[data-id="${CSS.escape(id)}"]`)?.focus();
  }
}
