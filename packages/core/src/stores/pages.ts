import { atom, onMount, type ReadableAtom, type WritableAtom } from 'nanostores';
import { isAbortError, toKithError, type KithError } from '../errors.js';
import { HYDRATION } from '../hydration.js';
import type { Page } from '../types/models.js';

// The list half of the data layer (data.ts): only the review and Q&A lists and the points history
// use it, so the CDN build keeps it out of the shared runtime, in a chunk of its own.

export interface PagesState<I> {
  /** Appended in place (a new state object on every change): at 10,000 rows a copy per page would be quadratic. */
  readonly items: I[];
  /** The server's count for the whole query, else the rows loaded. */
  readonly total: number;
  readonly loading: boolean;
  /** The last page arrived, or there is nothing to load. */
  readonly done: boolean;
  /** The last page failed; `more()` tries it again. */
  readonly error?: KithError;
  /** Bumped when the list starts over (a new query, a revalidation): e.g. a scroll window resets. */
  readonly generation: number;
}

export interface Pages<I, Q extends readonly unknown[]> extends ReadableAtom<PagesState<I>> {
  /** Starts over when any part of the query changed (`===`); otherwise does nothing. */
  query(...q: Q): void;
  /** Fetches the next page, unless one is loading or the list is done; after a failure, that page again. */
  more(): void;
  /** Starts the same query over, keeping the rows on screen until its first page replaces them (no flash). */
  revalidate(): void;
  /** Changes the loaded rows without a request (a write's answer): in place, or a new array. */
  mutate(change: (items: I[]) => I[]): void;
}

/**
 * A paged read: `query(...)` loads the first page, `more()` appends the next cursor's page. A new
 * query aborts the page in flight and drops its late answer, so an old list never lands in a new
 * one; `fetch` returns undefined when there is nothing to load (no product, no such domain). Once
 * nobody listens, the page in flight is aborted and the next `query` starts over.
 */
export function pages<I, Q extends readonly unknown[]>(
  fetch: (q: Q, cursor: string | null, signal: AbortSignal) => Promise<Page<I>> | undefined,
  /** A query's first page as the server rendered it (`takeSnapshot`): taken instead of fetching it. */
  initial?: (q: Q) => Page<I> | undefined,
): Pages<I, Q> {
  const $s = atom<PagesState<I>>({ items: [], total: 0, loading: false, done: true, generation: 0 }) as WritableAtom<
    PagesState<I>
  > &
    Pages<I, Q>;
  const set = (change: Partial<PagesState<I>>): void => $s.set({ ...$s.get(), ...change });
  let abort: AbortController | undefined;
  let query: Q | undefined;
  let cursor: string | null = null;
  /** The next page replaces the rows: a revalidation keeps the old ones until then. */
  let fresh = false;
  /** A page arrived for the request `mine`: appended, unless a newer request took its place. */
  const landed = (mine: AbortController, { items, nextCursor, total }: Page<I>): void => {
    if (abort !== mine) return;
    cursor = nextCursor;
    const all = fresh ? [] : $s.get().items;
    fresh = false;
    all.push(...items);
    set({ items: all, total: total ?? all.length, done: nextCursor === null, loading: false });
  };
  $s.more = () => {
    const s = $s.get();
    if (s.loading || s.done) return;
    const mine = (abort = new AbortController());
    // Taken at once, so a server-rendered list hydrates with its rows.
    const first = HYDRATION && cursor === null ? initial?.(query!) : undefined;
    if (HYDRATION && first) return landed(mine, first);
    const page = fetch(query!, cursor, mine.signal);
    if (!page) return set({ done: true, items: [], total: 0 });
    set({ loading: true, error: undefined });
    page.then(
      (p) => landed(mine, p),
      (e) => abort === mine && set({ loading: false, error: isAbortError(e) ? undefined : toKithError(e) }),
    );
  };
  $s.revalidate = () => {
    abort?.abort();
    cursor = null;
    fresh = true;
    set({ loading: false, done: !query, error: undefined, generation: $s.get().generation + 1 });
    $s.more();
  };
  $s.query = (...q) => {
    if (query?.length !== q.length || q.some((v, i) => v !== query![i])) {
      query = q;
      // A new query's rows are not the old one's: those go at once.
      set({ items: [], total: 0 });
      $s.revalidate();
    }
  };
  $s.mutate = (change) => set({ items: change($s.get().items) });
  onMount($s, () => () => {
    abort?.abort();
    abort = query = undefined;
  });
  return $s;
}
