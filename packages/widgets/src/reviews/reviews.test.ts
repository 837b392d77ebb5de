import { aTimeout, expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { nothing } from 'lit';
import {
  configure,
  HttpError,
  NetworkError,
  registerStrings,
  setConsent,
  type AnalyticsEnvelope,
  type Review,
  type ReviewSummary,
} from '@kith/core';
import {
  createMemoryAdapter,
  demoReviewsOutcomes,
  demoSeed,
  type MemoryAdapter,
  type MemorySeed,
} from '@kith/adapter-memory';
import type { KithReviews } from './reviews.js';
import './define.js';

const $ = <T extends Element = HTMLElement>(el: Element, sel: string) =>
  el.shadowRoot!.querySelector<T & Element>(sel) as T | null;
const $$ = <T extends Element = HTMLElement>(el: Element, sel: string) =>
  [...el.shadowRoot!.querySelectorAll(sel)] as T[];
const rows = (el: KithReviews) => $$(el, '[part="review"]');
/** The dialog once open: its code (with votes and reports) loads on the first pointer, focus or click inside. */
async function openDialog(el: KithReviews): Promise<HTMLDialogElement> {
  await waitUntil(() => $<HTMLDialogElement>(el, 'dialog')?.open, 'the dialog did not open');
  return $<HTMLDialogElement>(el, 'dialog')!;
}

const PHOTO = (fill: string) =>
  `data:image/svg+xml,${encodeURIComponent(`<svg xmlns="http://www.w3.org/2000/svg" width="400" height="300"><rect width="400" height="300" fill="${fill}"/></svg>`)}`;

/** A deterministic review; `i` spreads ratings, dates, verification and helpful counts. */
function review(i: number, over: Partial<Review> = {}): Review {
  return {
    id: `t${i}`,
    productId: 'p1',
    rating: ((i % 5) + 1) as Review['rating'],
    body: `Review number ${i}: ${'solid bag, '.repeat((i % 6) + 1)}would buy again.`,
    author: { displayName: `Buyer ${i}`, verifiedBuyer: i % 2 === 0 },
    media: [],
    createdAt: new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString(),
    status: 'published',
    helpfulCount: i % 13,
    ...over,
  };
}

/** RICH's summary as the server would serve it. */
const SUMMARY: ReviewSummary = {
  productId: 'p1',
  average: 3.3,
  count: 3,
  histogram: [1, 0, 0, 1, 1],
  recommendPercent: null,
  withMediaCount: 1,
  topics: [],
};

// The reviews are listed in the order given (newest first, as served) unless `fixture.listings` writes
// out the list for a query; the summary is written out too. Writes answer the demo's outcomes: a
// review waits for moderation, a vote counts, a question is published.
const adapterWith = (
  reviews: Review[],
  options: Parameters<typeof createMemoryAdapter>[0] = {},
  fixture: Partial<MemorySeed> = {},
): MemoryAdapter =>
  createMemoryAdapter({
    outcomes: demoReviewsOutcomes,
    ...options,
    seed: { ...demoSeed(), reviews, summaries: { p1: SUMMARY }, listings: {}, ...fixture },
  });

async function mount(adapter: MemoryAdapter, product = 'p1') {
  const el = await fixture<KithReviews>(html`<kith-reviews .adapter=${adapter} product=${product}></kith-reviews>`);
  await waitUntil(() => el.state !== 'loading', 'summary never arrived');
  await waitUntil(() => el.state !== 'ready' || rows(el).length > 0, 'no review rendered');
  await el.updateComplete;
  return el;
}

type SubmitReview = NonNullable<MemoryAdapter['reviews']>['submitReview'];

/**
 * The write form of a page that holds a shopper's token, opened and filled in (`stars`, `text`,
 * name Dee, consent) but not sent; `submitReview` answers its sends (default: the memory adapter's,
 * which refuses a shopper the server does not know with a 401). `error()` is the form's alert.
 */
async function filledForm(
  submitReview?: SubmitReview,
  o: { lang?: string; signInUrl?: string; stars?: number; text?: string } = {},
) {
  const base = adapterWith(RICH);
  const reviews = { ...base.reviews!, ...(submitReview ? { submitReview } : {}) };
  const adapter = { ...base, signedIn: () => true, reviews } as MemoryAdapter;
  const el = await fixture<KithReviews>(
    html`<kith-reviews .adapter=${adapter} product="p1" lang=${o.lang ?? nothing} sign-in-url=${o.signInUrl ?? nothing}></kith-reviews>`,
  );
  await waitUntil(() => rows(el).length > 0);
  $<HTMLButtonElement>(el, '[part="write-button"]')!.click();
  await waitUntil(() => $(el, 'kith-review-form')?.shadowRoot?.querySelector('form'), 'form never loaded');
  const f = $(el, 'kith-review-form')!.shadowRoot!;
  f.querySelectorAll<HTMLInputElement>('input[name="rating"]')[(o.stars ?? 4) - 1]!.click();
  f.querySelector<HTMLTextAreaElement>('textarea')!.value = o.text ?? 'Roomy, and the strap holds up well.';
  f.querySelector<HTMLInputElement>('input[name="name"]')!.value = 'Dee';
  f.querySelector<HTMLInputElement>('input[name="consent"]')!.click();
  const error = () => f.querySelector('[role="alert"] .error')?.textContent ?? '';
  return { el, f, error };
}

/** Newest first, as served. */
const RICH: Review[] = [
  review(3, { rating: 1, author: { displayName: 'Sam', verifiedBuyer: false } }),
  review(2, {
    rating: 5,
    body: `${'Long story about this bag. '.repeat(20)}The end.`,
    incentivized: true,
    reply: { body: 'Thank you, Lin!', createdAt: '2026-02-01T00:00:00.000Z' },
  }),
  review(1, {
    rating: 4,
    title: 'Sturdy and roomy',
    media: [
      { kind: 'image', url: PHOTO('#c33'), width: 400, height: 300 },
      { kind: 'image', url: PHOTO('#3c3'), width: 400, height: 300 },
    ],
  }),
];

describe('<kith-reviews>', () => {
  it('summarises: average to one decimal, count, recommendation, and a histogram whose bars filter', async () => {
    const adapter = adapterWith(
      [review(5, { rating: 5, recommend: false }), review(4, { rating: 5, recommend: true }), ...RICH],
      {},
      {
        summaries: { p1: { ...SUMMARY, average: 4, count: 5, histogram: [1, 0, 0, 1, 3], recommendPercent: 50 } },
        listings: { 'p1 rating=5 sort=newest': ['t5', 't4', 't2'] },
      },
    );
    const el = await mount(adapter);
    const summary = await adapter.reviews!.getSummary('p1');
    expect($(el, '[part="average"]')!.textContent).to.equal(summary.average.toFixed(1));
    expect($(el, '[part="count"]')!.textContent).to.equal(`Based on ${summary.count} reviews`);
    expect($(el, '[part="recommend"]')!.textContent).to.equal('50% would recommend');
    expect($(el, '.average-stars')!.getAttribute('aria-label')).to.equal(
      `Rated ${summary.average.toFixed(1)} out of 5 stars`,
    );
    const bars = $$<HTMLButtonElement>(el, '[part="bar"]');
    expect(bars.map((b) => b.querySelector('.visually-hidden')!.textContent)).to.deep.equal([
      '5-star reviews: 3',
      '4-star reviews: 1',
      '3-star reviews: 0',
      '2-star reviews: 0',
      '1-star reviews: 1',
    ]);
    expect(bars[2]!.disabled).to.equal(true);
    await expect(el).to.be.accessible();

    bars[0]!.click();
    await waitUntil(
      () =>
        rows(el).length === 3 &&
        rows(el).every((r) => r.querySelector('[role="img"]')!.getAttribute('aria-label') === '5 out of 5 stars'),
    );
    expect(bars[0]!.getAttribute('aria-pressed')).to.equal('true');
    await expect(el).to.be.accessible(); // filtered
    bars[0]!.click();
    await waitUntil(() => rows(el).length === 5);
  });

  it('renders each review accessibly: stars, verified badge, long text behind "Read more", disclosure, reply', async () => {
    const el = await mount(adapterWith(RICH));
    const [first, second, third] = rows(el) as [HTMLElement, HTMLElement, HTMLElement];
    // Newest first.
    expect(first.querySelector('[role="img"]')!.getAttribute('aria-label')).to.equal('1 out of 5 stars');
    expect(third.querySelector('[part="review-title"]')!.textContent).to.equal('Sturdy and roomy');
    expect(third.querySelector('[part="verified"]')).to.equal(null); // Buyer 1 is odd: not verified
    expect(second.querySelector('[part="verified"]')!.textContent).to.contain('Verified buyer');
    expect(second.querySelector('[part="disclosure"]')!.textContent).to.equal('Received a reward for this review');
    expect(second.querySelector('[part="reply"]')!.textContent).to.contain('Thank you, Lin!');
    const body = second.querySelector<HTMLElement>('[part="review-body"]')!;
    const more = second.querySelector<HTMLButtonElement>('button[aria-controls]')!;
    expect(body.classList.contains('clamp')).to.equal(true);
    const clamped = body.getBoundingClientRect().height;
    expect(more.getAttribute('aria-expanded')).to.equal('false');
    more.click();
    await el.updateComplete;
    expect(more.getAttribute('aria-expanded')).to.equal('true');
    expect(body.getBoundingClientRect().height).to.be.greaterThan(clamped);
    await expect(el).to.be.accessible();
  });

  it('sorts with the select', async () => {
    const el = await mount(
      adapterWith(
        Array.from({ length: 12 }, (_, i) => review(11 - i)),
        {},
        { listings: { 'p1 sort=lowest': 't0 t5 t10 t1 t6 t11 t2 t7 t3 t8 t4 t9'.split(' ') } },
      ),
    );
    const select = $<HTMLSelectElement>(el, '[part="sort"]')!;
    select.value = 'lowest';
    select.dispatchEvent(new Event('change'));
    await waitUntil(
      () => rows(el)[0]?.querySelector('[role="img"]')!.getAttribute('aria-label') === '1 out of 5 stars',
    );
    const ratings = rows(el).map((r) => Number(r.querySelector('.stars')!.getAttribute('data-r')));
    expect(ratings).to.deep.equal([...ratings].sort((a, b) => a - b));
  });

  it('keeps at most a window of reviews in the DOM while scrolling through 10,000, inside its own box', async () => {
    const many = Array.from({ length: 10_000 }, (_, i) => review(i));
    const el = await mount(adapterWith(many, {}, { summaries: { p1: { ...SUMMARY, count: 10_000 } } }));
    const list = $(el, '[part="list"]')!;
    const pageY = window.scrollY;
    let maxRows = 0;
    let maxNodes = 0;
    let lastIndex = 0;
    for (let step = 0; step < 40; step++) {
      list.scrollTop += 900;
      await aTimeout(40);
      await el.updateComplete;
      maxRows = Math.max(maxRows, rows(el).length);
      maxNodes = Math.max(maxNodes, $(el, '.rows')!.querySelectorAll('*').length);
      lastIndex = Math.max(lastIndex, ...rows(el).map((r) => Number(r.dataset.index)));
    }
    expect(lastIndex).to.be.greaterThan(60); // it really paged on
    expect(maxRows).to.be.at.most(14);
    expect(maxNodes).to.be.at.most(400);
    expect(window.scrollY).to.equal(pageY);
    // Rows stay in order and carry their position in the whole list (feed pattern).
    const indexes = rows(el).map((r) => Number(r.getAttribute('aria-posinset')));
    expect(indexes).to.deep.equal(indexes.map((_, k) => indexes[0]! + k));
    expect(rows(el)[0]!.getAttribute('aria-setsize')).to.equal('10000');
  });

  it('opens photos in a keyboard lightbox and gives focus back', async () => {
    const el = await mount(adapterWith(RICH));
    const thumb = $$<HTMLButtonElement>(el, '[part="photo"]')[0]!;
    expect(thumb.getAttribute('aria-label')).to.equal('Open photo 1 of 2 from Buyer 1');
    const img = thumb.querySelector('img')!;
    expect(img.getAttribute('loading')).to.equal('lazy');
    expect(img.getAttribute('width')).to.equal('400');
    expect($(el, 'dialog')).to.equal(null, 'no dialog (nor its code) before the shopper reaches for one');
    thumb.focus();
    thumb.click();
    const dialog = await openDialog(el);
    // Its styles came with its chunk.
    expect(getComputedStyle($(el, '.nav')!).display).to.equal('flex');
    expect(el.shadowRoot!.activeElement && dialog.contains(el.shadowRoot!.activeElement)).to.equal(true);
    expect($(el, '#dialog-title')!.textContent).to.equal('Photo 1 of 2 from Buyer 1');
    await expect(el).to.be.accessible(); // lightbox open
    dialog.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }));
    await el.updateComplete;
    expect($(el, '#dialog-title')!.textContent).to.equal('Photo 2 of 2 from Buyer 1');
    dialog.close();
    await waitUntil(() => el.shadowRoot!.activeElement === thumb, 'focus did not return to the thumbnail');
  });

  it('loads its votes, reports and dialog on the first pointer inside, before any click', async () => {
    const el = await mount(adapterWith(RICH));
    await aTimeout(50);
    expect($(el, 'dialog')).to.equal(null);
    $(el, '[part="base"]')!.dispatchEvent(new PointerEvent('pointerover', { bubbles: true, composed: true }));
    await waitUntil(() => $(el, 'dialog'), 'the dialog (and its code) did not load on pointer');
    expect($<HTMLDialogElement>(el, 'dialog')!.open).to.equal(false);
  });

  it('opens nothing for an element that left the page while the dialog loaded', async () => {
    const el = await mount(adapterWith(RICH));
    $$<HTMLButtonElement>(el, '[part="photo"]')[0]!.click();
    const parent = el.parentNode!;
    el.remove();
    await aTimeout(300);
    expect($<HTMLDialogElement>(el, 'dialog')?.open ?? false).to.equal(false);
    expect(el.getAttribute('state')).to.not.equal('error');
    parent.appendChild(el);
  });

  it('votes helpful once with a customer, and asks to sign in without one', async () => {
    const el = await mount(adapterWith(RICH, { customer: { id: 'c1', displayName: 'Cy' } }));
    const button = rows(el)[0]!.querySelector<HTMLButtonElement>('[part="helpful"]')!;
    const before = Number(/\((\d+)\)/.exec(button.textContent!)![1]);
    button.click();
    await waitUntil(() => button.getAttribute('aria-pressed') === 'true');
    expect(button.textContent).to.equal(`Helpful (${before + 1})`);
    expect($(el, '[part="notice"]')!.textContent).to.equal('Thanks for your vote.');

    const anonymous = await mount(adapterWith(RICH));
    rows(anonymous)[0]!.querySelector<HTMLButtonElement>('[part="helpful"]')!.click();
    await waitUntil(() => $(anonymous, '[part="notice"]')!.textContent === 'Please sign in first.');
  });

  it('reports a review with a reason from a dialog', async () => {
    const el = await mount(adapterWith(RICH, { customer: { id: 'c1', displayName: 'Cy' } }));
    rows(el)[0]!.querySelector<HTMLButtonElement>('[part="report"]')!.click();
    const dialog = await openDialog(el);
    expect(dialog.querySelectorAll('input[type="radio"]').length).to.equal(5);
    await expect(el).to.be.accessible();
    dialog.querySelector<HTMLInputElement>('input[value="fake"]')!.click();
    const events: AnalyticsEnvelope[] = [];
    configure({ analytics: (e) => events.push(e) });
    setConsent('granted');
    dialog.querySelector<HTMLButtonElement>('button.primary')!.click();
    await waitUntil(() => $(el, '[part="notice"]')!.textContent === 'Thanks. We will take a look at this review.');
    setConsent('denied');
    configure({ analytics: [] });
    expect(events.find((e) => e.name === 'review_reported')?.props).to.deep.include({ reason: 'fake' });
    expect(dialog.open).to.equal(false);
  });

  it('loads the write form only when opened; validates; submits and says where the review landed', async () => {
    const el = await mount(adapterWith(RICH, { customer: { id: 'c9', displayName: 'Dee' } }));
    expect(customElements.get('kith-review-form')).to.equal(undefined);
    $<HTMLButtonElement>(el, '[part="write-button"]')!.click();
    await waitUntil(() => $(el, 'kith-review-form')?.shadowRoot?.querySelector('form'), 'form never loaded');
    const form = $(el, 'kith-review-form')!;
    const f = form.shadowRoot!;
    await expect(el).to.be.accessible(); // form open
    f.querySelector<HTMLButtonElement>('.submit')!.click();
    await waitUntil(() => f.querySelectorAll('.error').length >= 4);
    const radios = [...f.querySelectorAll<HTMLInputElement>('input[name="rating"]')];
    expect(radios.map((r) => r.getAttribute('aria-label'))).to.deep.equal([
      '1 star',
      '2 stars',
      '3 stars',
      '4 stars',
      '5 stars',
    ]);
    radios[3]!.click();
    f.querySelector<HTMLTextAreaElement>('textarea')!.value =
      'Holds everything I need for work, and it still looks new.';
    f.querySelector<HTMLInputElement>('input[name="name"]')!.value = 'Dee';
    f.querySelector<HTMLInputElement>('input[name="consent"]')!.click();
    const events: AnalyticsEnvelope[] = [];
    configure({ analytics: (e) => events.push(e) });
    setConsent('granted');
    const submitted = oneEvent(el, 'kith-review-submitted');
    f.querySelector<HTMLButtonElement>('.submit')!.click();
    const { detail } = await submitted;
    setConsent('denied');
    configure({ analytics: [] });
    expect(detail.review.rating).to.equal(4);
    expect(events.find((e) => e.name === 'review_submitted')?.props).to.deep.include({
      rating: 4,
      has_media: false,
      status: detail.review.status,
    });
    await waitUntil(() => f.querySelector('[part="result"]'));
    expect(f.querySelector('[part="status"]')!.textContent).to.equal(
      `Status: ${detail.review.status === 'published' ? 'Published' : 'Waiting for moderation'}`,
    );
  });

  it('has a Q&A tab, loaded on demand: arrow keys switch tabs, shop and expert answers are badged first, customers can ask', async () => {
    const adapter = createMemoryAdapter({ customer: { id: 'c5', displayName: 'Ada' } });
    const el = await mount(adapter);
    const tabs = $$<HTMLButtonElement>(el, '[role="tab"]');
    expect(tabs.map((t) => t.getAttribute('aria-selected'))).to.deep.equal(['true', 'false']);
    expect(customElements.get('kith-review-questions')).to.equal(undefined);
    tabs[0]!.focus();
    tabs[0]!.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }));
    await waitUntil(() => el.shadowRoot!.activeElement === tabs[1]);
    expect($(el, '#panel-reviews')!.hidden).to.equal(true);
    await waitUntil(
      () => $(el, 'kith-review-questions')?.shadowRoot?.querySelector('[part="question"]'),
      'questions never loaded',
    );
    const qa = $(el, 'kith-review-questions') as HTMLElement & { updateComplete: Promise<boolean> };
    const questions = [...qa.shadowRoot!.querySelectorAll('[part="question"]')];
    const published = (await adapter.reviews!.listQuestions!({ productId: 'p1' })).items;
    expect(questions.length).to.equal(published.length);
    const laptop = questions.find((q) => q.querySelector('.q')!.textContent === 'Does it fit a 15-inch laptop?')!;
    const answers = [...laptop.querySelectorAll('[part="answer"]')];
    expect(answers[0]!.querySelector('[part="badge"]')!.textContent).to.equal('Shop');
    expect(answers[1]!.querySelector('[part="badge"]')!.textContent).to.contain('Verified buyer');
    await expect(el).to.be.accessible();

    qa.shadowRoot!.querySelector<HTMLButtonElement>('[part="ask-button"]')!.click();
    await qa.updateComplete;
    qa.shadowRoot!.querySelector<HTMLTextAreaElement>('textarea')!.value = 'How long are the handles?';
    qa.shadowRoot!.querySelector<HTMLInputElement>('input[name="name"]')!.value = 'Ada';
    const events: AnalyticsEnvelope[] = [];
    configure({ analytics: (e) => events.push(e) });
    setConsent('granted');
    const asked = oneEvent(el, 'kith-question-asked');
    qa.shadowRoot!.querySelector<HTMLButtonElement>('form .primary')!.click();
    expect((await asked).detail.question.status).to.equal('published');
    setConsent('denied');
    configure({ analytics: [] });
    expect(events.map((e) => e.name)).to.include('question_asked');
    await waitUntil(() => qa.shadowRoot!.querySelector('.q')!.textContent === 'How long are the handles?');
    expect(qa.shadowRoot!.querySelector('[role="status"]')!.textContent).to.equal('Thank you! It is now visible.');
  });

  describe('signed out', () => {
    /** Customer-only operations: signed out, none of them may be sent. */
    const CUSTOMER_ONLY = /submitReview|markHelpful|report|uploadMedia|askQuestion|answerQuestion/;

    it('"Write a review" is a link to the sign-in page before anything is typed; votes and reports ask to sign in without a request', async () => {
      const ops: string[] = [];
      const adapter = adapterWith(RICH, { failure: (op) => (ops.push(op), false) });
      const el = await fixture<KithReviews>(
        html`<kith-reviews .adapter=${adapter} product="p1" sign-in-url="/account/login"></kith-reviews>`,
      );
      await waitUntil(() => rows(el).length > 0);
      const write = $(el, '[part="write-button"]')!;
      expect(write.localName).to.equal('a');
      expect(write.textContent).to.equal('Sign in to write a review');
      expect(write.getAttribute('href')).to.equal('/account/login');
      await expect(el).to.be.accessible();
      rows(el)[0]!.querySelector<HTMLButtonElement>('[part="helpful"]')!.click();
      await waitUntil(() => $(el, '[part="notice"]')!.textContent === 'Please sign in first.');
      expect($(el, '[part="notice"] a')!.getAttribute('href')).to.equal('/account/login');
      rows(el)[0]!.querySelector<HTMLButtonElement>('[part="report"]')!.click();
      await el.updateComplete;
      expect($<HTMLDialogElement>(el, 'dialog')!.open).to.equal(false, 'no report form to fill in for nothing');
      expect(customElements.get('kith-review-form') ? $(el, 'kith-review-form') : null).to.equal(null);
      expect(ops.filter((op) => CUSTOMER_ONLY.test(op))).to.deep.equal([]);
    });

    it('the sign-in page comes from configure({ signInUrl }) (data-sign-in-url), in every locale; without one, the line is text', async () => {
      configure({ signInUrl: '/login?from=reviews' });
      try {
        for (const [lang, words] of [
          ['en', 'Sign in to write a review'],
          ['zh-CN', '登录后即可写评价'],
          ['zh-TW', '登入後即可寫評價'],
        ] as const) {
          const el = await fixture<KithReviews>(
            html`<kith-reviews .adapter=${adapterWith(RICH)} product="p1" lang=${lang}></kith-reviews>`,
          );
          await waitUntil(
            () => $(el, '[part="write-button"]')?.textContent === words,
            `${lang}: ${$(el, '[part="write-button"]')?.textContent}`,
          );
          expect($(el, '[part="write-button"]')!.getAttribute('href')).to.equal('/login?from=reviews');
          await expect(el).to.be.accessible();
        }
      } finally {
        configure({ signInUrl: '' });
      }
      const el = await mount(adapterWith(RICH));
      expect($(el, '[part="write-button"]')).to.equal(null);
      expect($(el, '[part="sign-in"]')!.textContent).to.equal('Sign in to write a review');
      await expect(el).to.be.accessible();
    });

    it('a sign-in that expires mid-form (401): the text stays, the sign-in link opens in a new tab, and closing the dialog keeps the text', async () => {
      // The page still holds a token (signedIn says yes) that the server no longer takes.
      const typed = 'I wrote this carefully and it must not vanish when my session ends.';
      const { el, f } = await filledForm(undefined, { signInUrl: '/account/login', stars: 5, text: typed });
      f.querySelector<HTMLButtonElement>('.submit')!.click();
      await waitUntil(() => f.querySelector('[role="alert"] .error'), 'no error shown');
      expect(f.querySelector('[role="alert"] .error')!.textContent).to.contain(
        'Please sign in to send your review. What you wrote stays here.',
      );
      const link = f.querySelector<HTMLAnchorElement>('[role="alert"] a')!;
      expect([link.textContent, link.getAttribute('href'), link.target]).to.deep.equal([
        'Sign in (opens in a new tab)',
        '/account/login',
        '_blank',
      ]);
      expect(f.querySelector<HTMLTextAreaElement>('textarea')!.value).to.equal(typed);
      await expect(el).to.be.accessible();
      // Closed and opened again (after signing in elsewhere, say): still there.
      $<HTMLDialogElement>(el, 'dialog')!.close();
      await waitUntil(() => $(el, 'kith-review-form')!.hidden);
      $<HTMLButtonElement>(el, '[part="write-button"]')!.click();
      await waitUntil(() => !$(el, 'kith-review-form')!.hidden);
      expect($(el, 'kith-review-form')!.shadowRoot!.querySelector<HTMLTextAreaElement>('textarea')!.value).to.equal(
        typed,
      );
      expect(
        $(el, 'kith-review-form')!.shadowRoot!.querySelector<HTMLInputElement>('input[name="name"]')!.value,
      ).to.equal('Dee');
    });

    it("a refused review reads from the form's string table by its code, in the shopper's language, never the server's English", async () => {
      let refusal = new HttpError(
        422,
        'image_dimensions',
        'Photos can be at most 6000 pixels on a side (this one is 7000×10)',
      );
      const { f, error } = await filledForm(() => Promise.reject(refusal), { lang: 'zh-CN' });
      // waitUntil's message is made before it waits: say what the form shows when the wait ran out.
      const shows = (text: string) =>
        waitUntil(() => error() === text).catch(() => {
          throw new Error(`expected "${text}"; the form shows "${error()}"`);
        });
      f.querySelector<HTMLButtonElement>('.submit')!.click();
      await shows('有一张图片的边长超过 6000 像素。');
      // A refusal the form has no words for (its own checks should have caught it): the generic line, not the server's text.
      refusal = new HttpError(400, 'invalid_request', 'Invalid json: json.title', {
        details: [{ path: 'json.title', message: 'Too long' }],
      });
      f.querySelector<HTMLButtonElement>('.submit')!.click();
      await shows('评价提交失败，请重试。');
    });

    it("the form's messages follow its language table when that arrives after them (a refusal before the table loaded)", async () => {
      // The shopper's table for the form is held back: the form shows the fallback language meanwhile.
      await import('./review-form.js');
      let release!: () => void;
      const held = new Promise<void>((r) => (release = r));
      registerStrings('review-form', 'fr', () =>
        held.then(() => ({
          default: {
            'error.image_dimensions': 'Une photo dépasse {max} pixels de côté.',
          },
        })),
      );
      const refuse = () => Promise.reject(new HttpError(422, 'image_dimensions', 'Photos can be at most 6000 pixels'));
      const { f, error } = await filledForm(refuse, { lang: 'fr' });
      // Refused while the table is still on its way: the fallback words for now.
      f.querySelector<HTMLButtonElement>('.submit')!.click();
      await waitUntil(() => error() === 'A photo is larger than 6000 pixels on a side.');
      release();
      await waitUntil(
        () => error() === 'Une photo dépasse 6000 pixels de côté.',
        'the refusal stayed in the fallback language',
      );
    });

    it('the vote notice follows the reviews language table when that arrives after it (signed out, before the table loaded)', async () => {
      // The shopper's table is held back: the notice is in the fallback language meanwhile.
      let release!: () => void;
      const held = new Promise<void>((r) => (release = r));
      registerStrings('reviews', 'fr', () =>
        held.then(() => ({ default: { 'error.customer_token_required': 'Connectez-vous d’abord.' } })),
      );
      const el = await fixture<KithReviews>(
        html`<kith-reviews .adapter=${adapterWith(RICH)} product="p1" sign-in-url="/account/login" lang="fr"></kith-reviews>`,
      );
      await waitUntil(() => rows(el).length > 0);
      const notice = () => $(el, '[part="notice"]')!.textContent;
      rows(el)[0]!.querySelector<HTMLButtonElement>('[part="helpful"]')!.click();
      await waitUntil(() => notice() === 'Please sign in first.');
      release();
      await waitUntil(() => notice() === 'Connectez-vous d’abord.', 'the notice stayed in the fallback language');
      // Still the sign-in notice, so still a link to sign in.
      expect($(el, '[part="notice"] a')?.getAttribute('href')).to.equal('/account/login');
    });

    it('Q&A: its messages follow its language table when that arrives after them (a notice and a 401 before the table loaded)', async () => {
      let release!: () => void;
      const held = new Promise<void>((r) => (release = r));
      registerStrings('review-questions', 'fr', () =>
        held.then(() => ({
          default: {
            'posted.published': 'Merci ! Elle est visible.',
            'error.customer_token_required': 'Connectez-vous pour l’envoyer. Votre texte reste ici.',
            signInNewTab: 'Se connecter (nouvel onglet)',
          },
        })),
      );
      const base = createMemoryAdapter({ customer: { id: 'c5', displayName: 'Ada' } });
      const ask = base.reviews!.askQuestion!;
      let refuse = false;
      const askQuestion: typeof ask = (...a) =>
        refuse ? Promise.reject(new HttpError(401, 'customer_token_required', 'Sign in')) : ask(...a);
      const adapter = { ...base, reviews: { ...base.reviews!, askQuestion } } as MemoryAdapter;
      const el = await fixture<KithReviews>(
        html`<kith-reviews .adapter=${adapter} product="p1" sign-in-url="/account/login" lang="fr"></kith-reviews>`,
      );
      await waitUntil(() => rows(el).length > 0);
      $$<HTMLButtonElement>(el, '[role="tab"]')[1]!.click();
      await waitUntil(() => $(el, 'kith-review-questions')?.shadowRoot?.querySelector('[part="ask-button"]'));
      const qa = $(el, 'kith-review-questions')!.shadowRoot!;
      const post = async () => {
        qa.querySelector<HTMLButtonElement>('[part="ask-button"]')!.click();
        await waitUntil(() => qa.querySelector('form'));
        qa.querySelector<HTMLTextAreaElement>('textarea')!.value = 'How long are the handles?';
        qa.querySelector<HTMLInputElement>('input[name="name"]')!.value = 'Ada';
        qa.querySelector<HTMLButtonElement>('form .primary')!.click();
      };
      const notice = () => qa.querySelector('p[role="status"]')!.textContent;
      const error = () => qa.querySelector('[role="alert"] .error')?.textContent ?? '';
      // Posted, then refused (the sign-in expired), while the table is still on its way: the fallback words for now.
      await post();
      await waitUntil(() => notice() === 'Thank you! It is now visible.');
      refuse = true;
      await post();
      await waitUntil(
        () => error() === 'Please sign in to post it. What you wrote stays here. Sign in (opens in a new tab)',
      );
      release();
      await waitUntil(() => notice() === 'Merci ! Elle est visible.', 'the notice stayed in the fallback language');
      await waitUntil(
        () => error() === 'Connectez-vous pour l’envoyer. Votre texte reste ici. Se connecter (nouvel onglet)',
        'the refusal stayed in the fallback language, or lost its sign-in link',
      );
    });

    it('Q&A: a sign-in line in place of "Ask a question" and no answer buttons; nothing customer-only is sent', async () => {
      const ops: string[] = [];
      const adapter = createMemoryAdapter({ failure: (op) => (ops.push(op), false) });
      const el = await fixture<KithReviews>(
        html`<kith-reviews .adapter=${adapter} product="p1" sign-in-url="/account/login" lang="zh-TW"></kith-reviews>`,
      );
      await waitUntil(() => rows(el).length > 0);
      $$<HTMLButtonElement>(el, '[role="tab"]')[1]!.click();
      await waitUntil(
        () => $(el, 'kith-review-questions')?.shadowRoot?.querySelector('[part="question"]'),
        'questions never loaded',
      );
      const qa = $(el, 'kith-review-questions')!.shadowRoot!;
      await waitUntil(() => qa.querySelector('[part="sign-in"]')?.textContent?.startsWith('登入後即可提問或回答。'));
      expect(qa.querySelector('[part="sign-in"] a')!.getAttribute('href')).to.equal('/account/login');
      expect(qa.querySelector('[part="ask-button"]')).to.equal(null);
      expect(qa.querySelector('[part="answer-button"]')).to.equal(null);
      expect(ops.filter((op) => CUSTOMER_ONLY.test(op))).to.deep.equal([]);
      await expect(el).to.be.accessible();
    });
  });

  it('renders hostile review text as text: no markup, no script runs', async () => {
    const corpus = [
      '<script>window.__xss = 1</script>',
      '<img src=x onerror="window.__xss = 2">',
      '<a href="javascript:window.__xss = 3">click</a>',
      '<svg onload="window.__xss = 4"><script>window.__xss = 5</script></svg>',
      '"><iframe srcdoc="<script>parent.__xss = 6</script>">',
      '</p><b>broken <i>markup',
    ];
    const reviews = corpus.map((body, i) =>
      review(i, {
        body,
        title: body,
        author: { displayName: body, verifiedBuyer: false },
        reply: { body, createdAt: '2026-01-01T00:00:00.000Z' },
      }),
    );
    const el = await mount(adapterWith(reviews));
    await aTimeout(100);
    expect((window as unknown as { __xss?: number }).__xss).to.equal(undefined);
    for (const row of rows(el)) {
      expect(row.querySelectorAll('script, iframe, svg:not(.stars svg), a[href^="javascript"], b, i').length).to.equal(
        0,
      );
      const body = row.querySelector('[part="review-body"]')!.textContent!;
      expect(corpus).to.include(body);
      expect(row.querySelector('[part="review-title"]')!.textContent).to.equal(body);
    }
  });

  it('shows an empty state with the write button when there are no reviews', async () => {
    const el = await mount(adapterWith([], { customer: { id: 'c1', displayName: 'Cy' } }), 'nothing');
    expect(el.state).to.equal('empty');
    expect($(el, '.summary')!.textContent).to.contain('No reviews yet');
    expect($(el, '[part="write-button"]')).to.not.equal(null);
    await expect(el).to.be.accessible();
  });

  it('a failing adapter shows a retry message in the reserved box, throws nothing, and recovers', async () => {
    const errors: unknown[] = [];
    const onRejection = (e: PromiseRejectionEvent) => errors.push(e.reason);
    window.addEventListener('unhandledrejection', onRejection);
    try {
      const adapter = adapterWith(RICH, { failure: 'always' });
      const el = await fixture<KithReviews>(html`<kith-reviews .adapter=${adapter} product="p1"></kith-reviews>`);
      await waitUntil(() => el.state === 'error');
      await el.updateComplete;
      expect($(el, '[part="status"]')!.textContent).to.contain('Reviews could not be loaded.');
      expect(getComputedStyle(el).visibility).to.equal('visible');
      expect(el.getBoundingClientRect().height).to.be.greaterThan(300);
      await expect(el).to.be.accessible();
      adapter.control.setFailure('none');
      $<HTMLButtonElement>(el, '[part="retry"]')!.click();
      await waitUntil(() => rows(el).length === 3, 'did not recover');
      expect(errors).to.deep.equal([]);
    } finally {
      window.removeEventListener('unhandledrejection', onRejection);
    }
  });

  it('is accessible while loading and holds its space', async () => {
    const el = await fixture<KithReviews>(
      html`<kith-reviews .adapter=${adapterWith(RICH, { latency: 2000 })} product="p1"></kith-reviews>`,
    );
    expect(el.state).to.equal('loading');
    expect($(el, '[part="status"]')!.textContent).to.equal('Loading reviews…');
    expect(el.getBoundingClientRect().height).to.be.greaterThan(300);
    await expect(el).to.be.accessible();
  });

  it('reports sort, filter, expand, photo and helpful events to analytics once consent is given', async () => {
    const events: AnalyticsEnvelope[] = [];
    configure({ analytics: (e) => events.push(e) });
    setConsent('granted');
    try {
      const listings = { 'p1 sort=helpful withMedia=true': ['t1'] };
      const el = await mount(adapterWith(RICH, { customer: { id: 'c1', displayName: 'Cy' } }, { listings }));
      const select = $<HTMLSelectElement>(el, '[part="sort"]')!;
      select.value = 'helpful';
      select.dispatchEvent(new Event('change'));
      await el.updateComplete;
      $$<HTMLButtonElement>(el, '[part="chip"]')[0]!.click();
      await waitUntil(() => rows(el).length > 0 && !$(el, '[aria-busy="true"]'));
      $$<HTMLButtonElement>(el, '[part="chip"]')[0]!.click();
      await waitUntil(() => rows(el).length === 3);
      rows(el)
        .find((r) => r.querySelector('button[aria-controls]'))!
        .querySelector<HTMLButtonElement>('button[aria-controls]')!
        .click();
      $$<HTMLButtonElement>(el, '[part="photo"]')[0]!.click();
      (await openDialog(el)).close();
      rows(el)[0]!.querySelector<HTMLButtonElement>('[part="helpful"]')!.click();
      await waitUntil(() => events.some((e) => e.name === 'review_helpful'));
      const names = events.filter((e) => e.widget === 'reviews').map((e) => e.name);
      for (const name of ['reviews_sort', 'reviews_filter', 'review_expanded', 'review_media_viewed', 'review_helpful'])
        expect(names).to.include(name);
      expect(events.find((e) => e.name === 'reviews_sort')!.props).to.deep.include({ sort: 'helpful' });
      expect(events.every((e) => e.product === 'p1')).to.equal(true);
    } finally {
      setConsent('denied');
      configure({ analytics: [] });
    }
  });
});

describe('<kith-reviews> writes through one intent', () => {
  it('a vote retried after a network error reuses its Idempotency-Key, so the retry cannot count twice; the next vote gets a new one', async () => {
    const adapter = adapterWith(RICH, { customer: { id: 'c1', displayName: 'Cy' } });
    const reviews = adapter.reviews!;
    const markHelpful = reviews.markHelpful!.bind(reviews);
    const keys: (string | undefined)[] = [];
    let fail = true;
    reviews.markHelpful = (id, o) => {
      keys.push(o?.idempotencyKey);
      if (fail) return Promise.reject(new NetworkError('offline'));
      return markHelpful(id, o);
    };
    const el = await mount(adapter);
    const first = rows(el)[0]!.querySelector<HTMLButtonElement>('[part="helpful"]')!;
    first.click();
    await waitUntil(
      () => $(el, '[part="notice"]')!.textContent === 'That did not work. Please try again.',
      'no failure notice',
    );
    fail = false;
    first.click();
    await waitUntil(() => first.getAttribute('aria-pressed') === 'true', 'retry never landed');
    expect(keys).to.have.length(2);
    expect(keys[0]).to.be.a('string');
    expect(keys[1]).to.equal(keys[0]);
    rows(el)[1]!.querySelector<HTMLButtonElement>('[part="helpful"]')!.click();
    await waitUntil(() => keys.length === 3);
    expect(keys[2]).to.not.equal(keys[0]);
  });

  it('a review resent after a timeout reuses its Idempotency-Key (never posted twice); after a refusal the next send is a new one', async () => {
    const keys: (string | undefined)[] = [];
    const answers: Error[] = [
      new NetworkError('timeout'),
      new HttpError(429, 'rate_limited', 'Slow down'),
      new HttpError(422, 'invalid_request', 'No'),
    ];
    const submitReview: SubmitReview = (input, o) => {
      keys.push(o?.idempotencyKey);
      return Promise.reject(answers.shift() ?? new HttpError(422, 'invalid_request', 'No'));
    };
    const { f } = await filledForm(submitReview);
    const submit = async (n: number) => {
      await waitUntil(() => !f.querySelector<HTMLButtonElement>('.submit')!.disabled);
      f.querySelector<HTMLButtonElement>('.submit')!.click();
      await waitUntil(() => keys.length === n && f.querySelector('[role="alert"] .error'), `send ${n} never failed`);
    };
    for (let n = 1; n <= 4; n++) await submit(n);
    expect(keys[1]).to.equal(keys[0]); // after a timeout
    expect(keys[2]).to.equal(keys[0]); // after a 429
    expect(keys[3]).to.not.equal(keys[0]); // after a refusal
    expect(f.querySelector<HTMLTextAreaElement>('textarea')!.value).to.equal('Roomy, and the strap holds up well.');
  });
});

describe('<kith-review-questions> reads', () => {
  it('a new product drops the page still in flight for the old one: its questions never land in the new list', async () => {
    await import('./questions.js');
    const pending = new Map<string, (items: unknown[]) => void>();
    const q = (id: string, productId: string) => ({
      id,
      productId,
      body: `Question ${id}?`,
      author: { displayName: 'Ana' },
      createdAt: '2026-01-01T00:00:00.000Z',
      status: 'published',
      answers: [],
    });
    const adapter = {
      id: 'qa-stale',
      capabilities: new Set(['reviews']),
      reviews: {
        listQuestions: ({ productId }: { productId: string }) =>
          new Promise((resolve) => pending.set(productId, (items) => resolve({ items, nextCursor: null }))),
      },
    } as unknown as MemoryAdapter;
    const el = await fixture<HTMLElement & { product?: string; updateComplete: Promise<boolean> }>(
      html`<kith-review-questions .adapter=${adapter} product="p1"></kith-review-questions>`,
    );
    await waitUntil(() => pending.has('p1'));
    el.setAttribute('product', 'p2');
    await waitUntil(() => pending.has('p2'), 'the new product was never asked for');
    pending.get('p1')!([q('old', 'p1')]);
    pending.get('p2')!([q('new', 'p2')]);
    await waitUntil(() => $$(el, '[part="question"]').length > 0);
    await aTimeout(20);
    expect($$(el, '[part="question"]').map((n) => n.textContent)).to.satisfy(
      (t: string[]) => t.length === 1 && t[0]!.includes('Question new?'),
    );
  });
});
