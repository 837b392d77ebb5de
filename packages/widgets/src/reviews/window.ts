import { isServer, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { HYDRATION } from '@kith/core';

export interface WindowOptions {
  /** The scrolling box. */
  scroller(): HTMLElement | null | undefined;
  /** The element holding the rows (each with `data-index`); its padding stands in for the rest. */
  rows(): HTMLElement | null | undefined;
  /** Rows loaded so far. */
  count(): number;
  /** Changes when the list starts over (new sort or filter). */
  generation(): number;
  /** Called when the window reaches the last rows: time to load the next page. */
  nearEnd(): void;
  /** At most this many rows in the DOM, whatever the box height (keeps the node count bounded). */
  maxRows: number;
}

/**
 * Renders only the rows around the visible part of a scrolling box, so 10,000 reviews cost the DOM
 * what 15 do. Row heights vary (text length, photos), so each rendered row is measured with a
 * ResizeObserver and unmeasured rows use the running average; the rows container's padding takes
 * the place of the rows above and below the window. Padding is set through CSSOM: a style
 * attribute would break under a strict CSP.
 */
export class WindowController implements ReactiveController {
  /** First rendered row. */
  start = 0;
  /** One past the last rendered row. */
  end = 0;
  private heights: number[] = [];
  private measured = 0;
  private measuredSum = 0;
  private generation = -1;
  private frame = 0;
  private observer?: ResizeObserver;
  private readonly observed = new Set<Element>();
  /** Rendered once (see `compute`). */
  private laidOut = false;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly o: WindowOptions,
  ) {
    host.addController(this);
  }

  private height(i: number): number {
    return this.heights[i] ?? (this.measured ? this.measuredSum / this.measured : 180);
  }

  hostConnected(): void {
    this.observer = new ResizeObserver((entries) => {
      let changed = false;
      for (const e of entries) {
        const i = Number((e.target as HTMLElement).dataset.index);
        const h = e.borderBoxSize?.[0]?.blockSize ?? (e.target as HTMLElement).offsetHeight;
        if (!h || this.heights[i] === h) continue;
        if (this.heights[i] === undefined) {
          this.measured++;
          this.measuredSum += h;
        } else this.measuredSum += h - this.heights[i]!;
        this.heights[i] = h;
        changed = true;
      }
      if (changed) this.schedule();
    });
  }

  hostDisconnected(): void {
    this.observer?.disconnect();
    this.observed.clear();
    cancelAnimationFrame(this.frame);
    this.frame = 0;
  }

  /** For the scroller's `scroll` listener (passive): recomputes at most once per frame. */
  readonly onScroll = (): void => this.schedule();

  private schedule(): void {
    this.frame ||= requestAnimationFrame(() => {
      this.frame = 0;
      this.compute();
    });
  }

  // Before render: a new list starts at the top; new rows get a range without waiting a frame.
  hostUpdate(): void {
    const generation = this.o.generation();
    if (generation !== this.generation) {
      this.generation = generation;
      this.heights = [];
      this.measured = this.measuredSum = 0;
      const s = isServer ? undefined : this.o.scroller();
      if (s) s.scrollTop = 0;
    }
    this.compute(false);
  }

  hostUpdated(): void {
    if (HYDRATION) this.laidOut = true;
    const rows = this.o.rows();
    if (!rows || !this.observer) return;
    for (const el of this.observed) {
      if (!el.isConnected) {
        this.observer.unobserve(el);
        this.observed.delete(el);
      }
    }
    for (const el of rows.children) {
      if (!this.observed.has(el) && (el as HTMLElement).dataset.index) {
        this.observer.observe(el);
        this.observed.add(el);
      }
    }
    this.pad();
  }

  private before = 0;
  private after = 0;

  private compute(render = true): void {
    const n = this.o.count();
    // A server render has no box to measure, so it shows the first `maxRows` rows, more than any
    // list box holds: hydration renders the same ones, and then trims them to the box without it
    // growing (a first window of 600px would, in a taller box, push the page below it down).
    if (HYDRATION && !this.laidOut && (isServer || this.o.rows())) {
      this.start = this.before = this.after = 0;
      this.end = Math.min(n, this.o.maxRows);
      return;
    }
    const s = this.o.scroller();
    const top = s?.scrollTop ?? 0;
    const view = s?.clientHeight || 600;
    const overscan = view / 2;
    let i = 0;
    let y = 0;
    // Keep at least the last row, so a list scrolled past its end still shows something.
    while (i < n - 1 && y + this.height(i) < top - overscan) y += this.height(i++);
    const start = i;
    this.before = y;
    while (i < n && y < top + view + overscan && i - start < this.o.maxRows) y += this.height(i++);
    const end = i;
    let after = 0;
    for (; i < n; i++) after += this.height(i);
    this.after = after;
    if (start !== this.start || end !== this.end) {
      this.start = start;
      this.end = end;
      if (render) this.host.requestUpdate();
    }
    this.pad();
    if (n && end >= n - 3) this.o.nearEnd();
  }

  private pad(): void {
    const rows = isServer ? undefined : this.o.rows();
    rows?.style.setProperty('padding-block', `${this.before}px ${this.after}px`);
  }

  /** Scrolls row `i` into view (keyboard paging); it renders on the next frame if it wasn't. */
  reveal(i: number): void {
    const s = this.o.scroller();
    if (!s) return;
    let y = 0;
    for (let k = 0; k < i; k++) y += this.height(k);
    if (y < s.scrollTop || y + this.height(i) > s.scrollTop + s.clientHeight) s.scrollTop = y;
    this.compute();
  }
}
