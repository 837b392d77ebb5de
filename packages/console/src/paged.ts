import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { api } from './api.js';

/**
 * A keyset-paged admin listing (`{ items, nextCursor }`), read a page at a time: `load()` starts
 * over (another filter), `load(true)` appends the next page. A refusal goes to `onError`; the
 * items already shown stay. Only the latest load's answer is kept.
 */
export class Paged<T> implements ReactiveController {
  items: T[] = [];
  next: string | null = null;
  loading = false;
  // Each load's number: an answer to an earlier load (another filter's) is dropped.
  private generation = 0;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly path: () => string,
    private readonly onError: (e: unknown) => void,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    void this.load();
  }

  async load(more = false): Promise<void> {
    this.loading = true;
    this.host.requestUpdate();
    try {
      const path = this.path();
      const cursor =
        more && this.next ? `${path.includes('?') ? '&' : '?'}cursor=${encodeURIComponent(this.next)}` : '';
      const page = await api<{ items: T[]; nextCursor: string | null }>('GET', `${path}${cursor}`);
      this.items = more ? [...this.items, ...page.items] : page.items;
      this.next = page.nextCursor;
    } catch (e) {
      this.onError(e);
    } finally {
      this.loading = false;
      this.host.requestUpdate();
    }
  }

  /** Puts `updated` in place of the item it replaces (after a write answered it). */
  replace(match: (item: T) => boolean, updated: (item: T) => T): void {
    this.items = this.items.map((i) => (match(i) ? updated(i) : i));
    this.host.requestUpdate();
  }
}
