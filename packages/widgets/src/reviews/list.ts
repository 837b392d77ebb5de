import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { isAbortError, toKithError, type KithAdapter, type KithError, type Review, type ReviewQuery } from '@kith/core';

/** What the shopper chose in the toolbar; the product and paging are the controller's. */
export type ReviewFilters = Omit<ReviewQuery, 'productId' | 'cursor' | 'limit'>;

/**
 * The loaded part of one review query. Pages of 20 arrive by cursor as the list scrolls; a new
 * query (product, sort, filter) starts over and cancels the request in flight, so a slow old
 * answer never lands in a new list.
 */
export class ReviewListController implements ReactiveController {
  /** Appended in place: at 10,000 reviews a copy per page would be quadratic. */
  items: Review[] = [];
  total = 0;
  loading = false;
  error?: KithError;
  /** Bumped when the list starts over, so the window resets its measurements. */
  generation = 0;
  private cursor: string | null = null;
  private more = true;
  private key = '';
  private adapter?: KithAdapter;
  private product = '';
  private filters: ReviewFilters = {};
  private abort?: AbortController;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly pageSize = 20,
  ) {
    host.addController(this);
  }

  get hasMore(): boolean {
    return this.more;
  }

  hostDisconnected(): void {
    this.abort?.abort();
    this.loading = false;
    // Reconnecting (e.g. moved in the DOM) starts over rather than resuming a cancelled page.
    this.key = '';
  }

  /** Starts over when anything that defines the list changed; otherwise does nothing. */
  query(adapter: KithAdapter | undefined, product: string | undefined, filters: ReviewFilters): void {
    const key = JSON.stringify([product, filters]);
    if (adapter === this.adapter && key === this.key) return;
    this.abort?.abort();
    Object.assign(this, {
      adapter,
      product: product ?? '',
      filters,
      key,
      items: [],
      total: 0,
      cursor: null,
      more: !!product,
      loading: false,
      error: undefined,
    });
    this.generation++;
    this.loadMore();
  }

  /** Fetches the next page unless one is loading or the list is complete. */
  loadMore(): void {
    const reviews = this.adapter?.reviews;
    if (this.loading || !this.more || !reviews) return;
    const abort = (this.abort = new AbortController());
    this.loading = true;
    this.error = undefined;
    this.host.requestUpdate();
    reviews
      .listReviews(
        { productId: this.product, ...this.filters, cursor: this.cursor, limit: this.pageSize },
        { signal: abort.signal },
      )
      .then(
        (page) => {
          if (abort !== this.abort) return;
          this.items.push(...page.items);
          this.cursor = page.nextCursor;
          this.more = page.nextCursor !== null;
          this.total = page.total ?? this.items.length;
        },
        (e) => {
          if (abort === this.abort && !isAbortError(e)) this.error = toKithError(e);
        },
      )
      .finally(() => {
        if (abort !== this.abort) return;
        this.loading = false;
        this.host.requestUpdate();
      });
  }

  /** Replaces one loaded review (e.g. its helpful count after a vote). */
  patch(id: string, change: Partial<Review>): void {
    const i = this.items.findIndex((r) => r.id === id);
    if (i < 0) return;
    this.items[i] = { ...this.items[i]!, ...change };
    this.host.requestUpdate();
  }
}
