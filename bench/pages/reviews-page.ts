// The benchmark page: 10,000 reviews in the in-memory adapter, shown by <kith-reviews> or, for a
// baseline, by a naive list that puts every review in the DOM. `?mode=widget|naive&n=10000`.
import type { Review, ReviewsApi } from '@kith/core';
import { createMemoryAdapter, demoSeed, manyReviews } from '@kith/adapter-memory';
import '@kith/widgets/reviews/define';

const params = new URLSearchParams(location.search);
const n = Number(params.get('n') ?? 10_000);
const mode = params.get('mode') ?? 'widget';
const reviews = manyReviews('p1', n, Date.UTC(2026, 10, 1));
// The summary as served for manyReviews('p1', 10_000) (the adapter's tests check these figures);
// with another `n` only its count is right. Every query lists the reviews in the order given.
const seed = {
  ...demoSeed(),
  reviews,
  summaries: {
    p1: {
      productId: 'p1',
      average: 3.6,
      count: n,
      histogram: [1250, 1250, 1250, 2500, 3750],
      recommendPercent: 63,
      withMediaCount: 2000,
    } as const,
  },
  listings: {},
};
const slot = document.getElementById('slot')!;

interface Bench {
  /** Milliseconds from the last data response to the first frame with reviews on screen. */
  firstRender?: number;
  /** From inserting the element to that frame. */
  sinceInsert?: number;
  scroller?: HTMLElement;
  root?: ParentNode;
}
const bench: Bench = {};
(window as unknown as { bench: Bench }).bench = bench;

function whenRows(root: ParentNode, since: () => number, inserted: number) {
  const check = () => {
    if (root.querySelector('article')) {
      const now = performance.now();
      bench.firstRender = now - since();
      bench.sinceInsert = now - inserted;
      return;
    }
    requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
}

if (mode === 'data') {
  // Baseline for the heap: the same reviews held by the adapter, and no widget.
  const adapter = createMemoryAdapter({ seed });
  (window as unknown as { keep: unknown }).keep = adapter;
  bench.firstRender = 0;
  bench.scroller = document.body;
  bench.root = document.body;
} else if (mode === 'naive') {
  // What a list without windowing costs: every review as DOM, the same fields as the widget.
  const inserted = performance.now();
  const box = document.createElement('div');
  box.className = 'naive';
  const add = (parent: Element, tag: string, text?: string) => {
    const e = document.createElement(tag);
    if (text !== undefined) e.textContent = text;
    parent.append(e);
    return e;
  };
  const fill = (r: Review) => {
    const a = document.createElement('article');
    const h = add(a, 'header');
    add(h, 'span', '★'.repeat(r.rating));
    add(h, 'span', r.author.displayName);
    if (r.author.verifiedBuyer) add(h, 'span', 'Verified buyer');
    add(h, 'time', new Date(r.createdAt).toLocaleDateString());
    if (r.title) add(a, 'h3', r.title);
    add(a, 'p', r.body);
    if (r.media.length) {
      const ul = add(a, 'ul');
      for (const m of r.media) (add(add(add(ul, 'li'), 'button'), 'img') as HTMLImageElement).src = m.url;
    }
    if (r.reply) add(a, 'p', r.reply.body);
    const f = add(a, 'footer');
    add(f, 'button', `Helpful (${r.helpfulCount})`);
    add(f, 'button', 'Report');
    return a;
  };
  const dataAt = performance.now();
  for (const r of reviews) box.append(fill(r));
  slot.append(box);
  bench.scroller = box;
  bench.root = box;
  whenRows(box, () => dataAt, inserted);
} else {
  let pending = 2;
  let dataAt = 0;
  const arrived = <T>(p: Promise<T>) =>
    p.then((v) => {
      if (--pending === 0) dataAt = performance.now();
      return v;
    });
  const adapter = createMemoryAdapter({ seed });
  const api = adapter.reviews!;
  let first = true;
  const timed: ReviewsApi = {
    ...api,
    getSummaries: (ids, o) => arrived(api.getSummaries(ids, o)),
    listReviews: (q, o) => (first ? ((first = false), arrived(api.listReviews(q, o))) : api.listReviews(q, o)),
  };
  const el = document.createElement('kith-reviews');
  el.adapter = { ...adapter, reviews: timed };
  el.setAttribute('product', 'p1');
  const inserted = performance.now();
  slot.append(el);
  const root = el.shadowRoot!;
  bench.root = root;
  whenRows(root, () => dataAt, inserted);
  const find = () =>
    (bench.scroller = root.querySelector<HTMLElement>('[part="list"]') ?? undefined) ?? requestAnimationFrame(find);
  find();
}
