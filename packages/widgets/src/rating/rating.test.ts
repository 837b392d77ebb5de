import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { KithAdapter, ReviewSummary } from '@kith/core';
import { createMemoryAdapter, type MemoryAdapter } from '@kith/adapter-memory';
import { KithRating } from './rating.js';
import './define.js';

const part = (el: HTMLElement, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
const settled = (el: KithRating) => waitUntil(() => el.state !== 'loading', 'never left loading');

/** Counts getSummaries calls, to prove snippets share requests. */
function counting(adapter: MemoryAdapter) {
  const calls: string[][] = [];
  const reviews = adapter.reviews!;
  const spy: KithAdapter = {
    ...adapter,
    reviews: {
      ...reviews,
      getSummaries: (ids, o) => {
        calls.push([...ids]);
        return reviews.getSummaries(ids, o);
      },
    },
  };
  return { spy, calls };
}

describe('<kith-rating>', () => {
  it('shows stars, the average to one decimal and the count, with one accessible name', async () => {
    const adapter = createMemoryAdapter();
    const el = await fixture<KithRating>(html`<kith-rating .adapter=${adapter} product="p1"></kith-rating>`);
    await settled(el);
    await el.updateComplete;
    const summary = (await adapter.reviews!.getSummary('p1')) as ReviewSummary;
    expect(el.state).to.equal('ready');
    expect(part(el, 'average')!.textContent).to.equal(summary.average.toFixed(1));
    expect(part(el, 'count')!.textContent).to.equal(`(${summary.count})`);
    const base = part(el, 'base')!;
    expect(base.getAttribute('role')).to.equal('img');
    expect(base.getAttribute('aria-label')).to.equal(
      `Rated ${summary.average.toFixed(1)} out of 5 stars, ${summary.count} reviews`,
    );
    expect(part(el, 'stars')!.getAttribute('aria-hidden')).to.equal('true');
    await expect(el).to.be.accessible();
  });

  it('N snippets in one render make one request', async () => {
    const { spy, calls } = counting(createMemoryAdapter());
    await fixture(
      html`<div>${['p1', 'p2', 'p3', 'p4', 'p5'].map((p) => html`<kith-rating .adapter=${spy} product=${p}></kith-rating>`)}</div>`,
    );
    await waitUntil(() => calls.length > 0);
    await new Promise((r) => setTimeout(r, 30));
    expect(calls).to.deep.equal([['p1', 'p2', 'p3', 'p4', 'p5']]);
  });

  it('fills the stars to the average through CSSOM', async () => {
    const adapter = createMemoryAdapter();
    const el = await fixture<KithRating>(html`<kith-rating .adapter=${adapter} product="p1"></kith-rating>`);
    await settled(el);
    await el.updateComplete;
    const fill = el.shadowRoot!.querySelector<HTMLElement>('.stars-fill')!;
    const average = (await adapter.reviews!.getSummary('p1')).average;
    expect(fill.style.getPropertyValue('--_fill')).to.equal(`${average * 20}%`);
    // (CSSOM writes show up when the DOM is serialised; what CSP blocks is the parser applying a
    // style attribute, which the e2e test under the demo's CSP covers.)
    const ratio = fill.getBoundingClientRect().width / part(el, 'stars')!.getBoundingClientRect().width;
    expect(ratio).to.be.closeTo(average / 5, 0.05);
  });

  it('a product without reviews collapses in place; so does a failing adapter, without throwing', async () => {
    const empty = await fixture<KithRating>(
      html`<kith-rating .adapter=${createMemoryAdapter()} product="nothing"></kith-rating>`,
    );
    await settled(empty);
    expect(empty.state).to.equal('empty');
    expect(getComputedStyle(empty).visibility).to.equal('hidden');
    expect(empty.getBoundingClientRect().height).to.be.greaterThan(15);
    await expect(empty).to.be.accessible();

    const errors: unknown[] = [];
    const onRejection = (e: PromiseRejectionEvent) => errors.push(e.reason);
    window.addEventListener('unhandledrejection', onRejection);
    try {
      const failing = await fixture<KithRating>(
        html`<kith-rating .adapter=${createMemoryAdapter({ failure: 'always' })} product="p1"></kith-rating>`,
      );
      await settled(failing);
      expect(failing.state).to.equal('error');
      expect(failing.getBoundingClientRect().height).to.be.greaterThan(15);
      await expect(failing).to.be.accessible();
      await new Promise((r) => setTimeout(r, 20));
      expect(errors).to.deep.equal([]);
    } finally {
      window.removeEventListener('unhandledrejection', onRejection);
    }
  });

  it('with href it is a link whose name still says the rating', async () => {
    const el = await fixture<KithRating>(
      html`<kith-rating .adapter=${createMemoryAdapter()} product="p1" href="#reviews"></kith-rating>`,
    );
    await settled(el);
    await el.updateComplete;
    const link = part(el, 'base') as HTMLAnchorElement;
    expect(link.localName).to.equal('a');
    expect(link.getAttribute('aria-label')).to.match(/^Rated \d\.\d out of 5 stars, \d+ reviews$/);
    await expect(el).to.be.accessible();
  });

  it('speaks zh-CN (loaded on demand)', async () => {
    const el = await fixture<KithRating>(
      html`<kith-rating .adapter=${createMemoryAdapter()} product="p1" lang="zh-CN"></kith-rating>`,
    );
    await settled(el);
    await waitUntil(() => part(el, 'base')?.getAttribute('aria-label')?.startsWith('评分'));
  });
});
