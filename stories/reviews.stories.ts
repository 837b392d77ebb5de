import { html, nothing } from 'lit';
import type { Loader, Meta, StoryContext, StoryObj } from '@storybook/web-components-vite';
import { expect, userEvent, waitFor } from 'storybook/test';
import {
  createMemoryAdapter,
  demoReviewsOutcomes,
  demoSeed,
  manyReviews,
  type MemoryAdapter,
} from '@kith/adapter-memory';
import '@kith/widgets/reviews/define';

interface ReviewsArgs {
  product?: string;
  theme?: 'light' | 'dark' | 'auto';
  lang?: string;
  signInUrl?: string;
}

/** `parameters.kith`: latency and failures of the in-memory adapter, a signed-in customer, or 10,000 reviews. */
interface KithStoryParameters {
  latency?: number;
  failure?: 'none' | 'always';
  signedIn?: boolean;
  /** With `signedIn: false`: the adapter still says a shopper is signed in (an expired token). */
  claimSignedIn?: boolean;
  many?: number;
}

// A fresh in-memory adapter per story over `demoSeed()`: product p1 has reviews with photos, a
// merchant reply, an incentivised review, and questions with shop and expert answers; its summary
// and its lists per sort and star filter are written out as the server would serve them.
let current: MemoryAdapter | undefined;
/** The summary as served for `manyReviews('p1', 10_000)` (the adapter's tests check these figures). */
const MANY_SUMMARY = {
  productId: 'p1',
  average: 3.6,
  count: 10_000,
  histogram: [1250, 1250, 1250, 2500, 3750],
  recommendPercent: 63,
  withMediaCount: 2000,
} as const;
const memoryAdapter: Loader<ReviewsArgs> = async ({ parameters }) => {
  current?.dispose();
  const { latency, failure, signedIn = true, many, claimSignedIn } = (parameters.kith ?? {}) as KithStoryParameters;
  const seed = demoSeed();
  current = createMemoryAdapter({
    latency,
    failure,
    // 10,000 reviews: served in the order given, whatever the sort, with their summary written out.
    seed: many ? { ...seed, reviews: manyReviews('p1', many), summaries: { p1: MANY_SUMMARY }, listings: {} } : seed,
    // Writing a review, voting and asking answer the demo's outcomes (a review waits for moderation).
    outcomes: demoReviewsOutcomes,
    ...(signedIn ? { customer: { id: 'story-customer', displayName: 'You' } } : {}),
  });
  // A page that still holds a token the server no longer takes: signed in to the widgets, 401 on writes.
  return { adapter: claimSignedIn ? { ...current, signedIn: () => true } : current };
};

const host = (canvasElement: HTMLElement) => canvasElement.querySelector('kith-reviews')!;
const shadow = (canvasElement: HTMLElement) => host(canvasElement).shadowRoot!;
const rows = (canvasElement: HTMLElement) => [
  ...(host(canvasElement)?.shadowRoot?.querySelectorAll('[part="review"]') ?? []),
];
const listed = (canvasElement: HTMLElement) =>
  waitFor(() => expect(rows(canvasElement).length).toBeGreaterThan(0), { timeout: 4000 });

const meta = {
  title: 'Widgets/Reviews',
  component: 'kith-reviews',
  loaders: [memoryAdapter],
  beforeEach:
    ({ loaded }) =>
    () =>
      (loaded.adapter as MemoryAdapter | undefined)?.dispose(),
  argTypes: {
    theme: { control: 'select', options: ['light', 'dark', 'auto'], table: { category: 'attributes' } },
    lang: { control: 'select', options: ['en', 'zh-CN', 'zh-TW'], table: { category: 'attributes' } },
  },
  args: { product: 'p1' },
  render: (args: ReviewsArgs, { loaded }: StoryContext<ReviewsArgs>) => html`
    <kith-reviews .adapter=${loaded.adapter as MemoryAdapter} product=${args.product || nothing} theme=${args.theme || nothing}
      lang=${args.lang || nothing} sign-in-url=${args.signInUrl || nothing}></kith-reviews>
  `,
} satisfies Meta<ReviewsArgs>;

export default meta;
type Story = StoryObj<ReviewsArgs>;

/** Summary, histogram, sort and filter pills, and the list (newest first). */
export const Default: Story = {
  play: async ({ canvasElement }) => {
    await listed(canvasElement);
    await expect(shadow(canvasElement).querySelector('[part="average"]')?.textContent).toMatch(/^\d\.\d$/);
    await expect(shadow(canvasElement).querySelectorAll('[part="bar"]').length).toBe(5);
  },
};

/** Before the data arrives: the box is reserved, a status line says it is loading. */
export const Loading: Story = {
  parameters: { kith: { latency: 60_000 } },
  play: async ({ canvasElement }) => {
    await expect(host(canvasElement).getAttribute('state')).toBe('loading');
    await expect(host(canvasElement).getBoundingClientRect().height).toBeGreaterThan(300);
  },
};

/** No reviews yet: an invitation and the write button. */
export const Empty: Story = {
  args: { product: 'no-reviews' },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(host(canvasElement).getAttribute('state')).toBe('empty'));
    await expect(shadow(canvasElement).querySelector('[part="write-button"]')).not.toBeNull();
  },
};

/** Filtered by the 5-star bar of the histogram (the fixture writes out that list). */
export const Filtered: Story = {
  play: async ({ canvasElement }) => {
    await listed(canvasElement);
    const bar = shadow(canvasElement).querySelector<HTMLButtonElement>('[part="bar"]')!;
    await userEvent.click(bar);
    await waitFor(() => expect(bar.getAttribute('aria-pressed')).toBe('true'));
    await waitFor(() =>
      expect(rows(canvasElement).every((r) => r.querySelector('.stars')?.getAttribute('data-r') === '5')).toBe(true),
    );
  },
};

/** A photo open in the lightbox: arrow keys move between photos, Escape closes. */
export const LightboxOpen: Story = {
  play: async ({ canvasElement }) => {
    await listed(canvasElement);
    await waitFor(() => expect(shadow(canvasElement).querySelector('[part="photo"]')).not.toBeNull());
    await userEvent.click(shadow(canvasElement).querySelector<HTMLButtonElement>('[part="photo"]')!);
    await waitFor(() => expect(shadow(canvasElement).querySelector('dialog')?.open).toBe(true));
  },
};

/** "Write a review": the form chunk loads on demand. */
export const FormOpen: Story = {
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(shadow(canvasElement).querySelector('[part="write-button"]')).not.toBeNull());
    await userEvent.click(shadow(canvasElement).querySelector<HTMLButtonElement>('[part="write-button"]')!);
    await waitFor(() =>
      expect(shadow(canvasElement).querySelector('kith-review-form')?.shadowRoot?.querySelector('form')).toBeTruthy(),
    );
  },
};

/** The Q&A tab: shop and expert answers are badged and come first. */
export const Questions: Story = {
  play: async ({ canvasElement }) => {
    await listed(canvasElement);
    await userEvent.click(shadow(canvasElement).querySelector<HTMLButtonElement>('#tab-questions')!);
    await waitFor(
      () =>
        expect(
          shadow(canvasElement).querySelector('kith-review-questions')?.shadowRoot?.querySelector('[part="question"]'),
        ).toBeTruthy(),
      { timeout: 4000 },
    );
  },
};

/** 10,000 reviews: only the rows in view are in the DOM; the list scrolls inside its box. */
export const TenThousandReviews: Story = {
  parameters: { kith: { many: 10_000 } },
  play: async ({ canvasElement }) => {
    await listed(canvasElement);
    await expect(rows(canvasElement)[0]?.getAttribute('aria-setsize')).toBe('10000');
    await expect(rows(canvasElement).length).toBeLessThanOrEqual(14);
  },
};

/** Not signed in: "Sign in to write a review" links to the sign-in page before a word is typed; votes ask to sign in without a request. */
export const SignedOut: Story = {
  args: { signInUrl: '#sign-in' },
  parameters: { kith: { signedIn: false } },
  play: async ({ canvasElement }) => {
    await listed(canvasElement);
    const write = shadow(canvasElement).querySelector('[part="write-button"]');
    await expect(write?.textContent).toBe('Sign in to write a review');
    await expect(write?.getAttribute('href')).toBe('#sign-in');
    await userEvent.click(rows(canvasElement)[0]!.querySelector<HTMLButtonElement>('[part="helpful"]')!);
    await waitFor(() =>
      expect(shadow(canvasElement).querySelector('[part="notice"] a')?.getAttribute('href')).toBe('#sign-in'),
    );
  },
};

/** Not signed in, on the Q&A tab: a sign-in line in place of "Ask a question" and the answer buttons. */
export const SignedOutQuestions: Story = {
  args: { signInUrl: '#sign-in' },
  parameters: { kith: { signedIn: false } },
  play: async ({ canvasElement }) => {
    await listed(canvasElement);
    await userEvent.click(shadow(canvasElement).querySelectorAll<HTMLButtonElement>('[role="tab"]')[1]!);
    await waitFor(
      () =>
        expect(
          shadow(canvasElement)
            .querySelector('kith-review-questions')
            ?.shadowRoot?.querySelector('[part="sign-in"] a')
            ?.getAttribute('href'),
        ).toBe('#sign-in'),
      { timeout: 4000 },
    );
    await expect(
      shadow(canvasElement).querySelector('kith-review-questions')!.shadowRoot!.querySelector('[part="ask-button"]'),
    ).toBeNull();
  },
};

/**
 * The sign-in expired while the shopper wrote (the page still had a token; the server answered
 * 401): the text stays in the form, and the sign-in link opens in a new tab.
 */
export const SignInExpired: Story = {
  args: { signInUrl: '#sign-in' },
  parameters: { kith: { signedIn: false, claimSignedIn: true } },
  play: async ({ canvasElement }) => {
    await listed(canvasElement);
    await userEvent.click(shadow(canvasElement).querySelector<HTMLButtonElement>('[part="write-button"]')!);
    const form = () => shadow(canvasElement).querySelector('kith-review-form')?.shadowRoot;
    await waitFor(() => expect(form()?.querySelector('form')).toBeTruthy(), { timeout: 4000 });
    const f = form()!;
    await userEvent.click(f.querySelectorAll<HTMLInputElement>('input[name="rating"]')[4]!);
    await userEvent.type(f.querySelector('textarea')!, 'Typed before my session ended.');
    await userEvent.type(f.querySelector<HTMLInputElement>('input[name="name"]')!, 'Dee');
    await userEvent.click(f.querySelector<HTMLInputElement>('input[name="consent"]')!);
    await userEvent.click(f.querySelector<HTMLButtonElement>('.submit')!);
    await waitFor(() => expect(f.querySelector('[role="alert"] a')?.getAttribute('target')).toBe('_blank'));
    await expect(f.querySelector('textarea')!.value).toBe('Typed before my session ended.');
  },
};

/** The API fails: a message and a retry button in the reserved box; nothing thrown. */
export const ErrorState: Story = {
  parameters: { kith: { failure: 'always' } },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(host(canvasElement).getAttribute('state')).toBe('error'));
    await expect(shadow(canvasElement).querySelector('[part="retry"]')).not.toBeNull();
  },
};

/** Dark theme. */
export const DarkTheme: Story = {
  args: { theme: 'dark' },
  play: async ({ canvasElement }) => listed(canvasElement),
};

/** Simplified Chinese (strings load on demand). */
export const Chinese: Story = {
  args: { lang: 'zh-CN' },
  play: async ({ canvasElement }) => {
    await listed(canvasElement);
    await waitFor(() => expect(shadow(canvasElement).querySelector('[part="heading"]')?.textContent).toBe('买家评价'));
  },
};
