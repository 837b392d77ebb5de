import { html, nothing } from 'lit';
import type { Loader, Meta, StoryContext, StoryObj } from '@storybook/web-components-vite';
import { expect, waitFor } from 'storybook/test';
import { createMemoryAdapter, type MemoryAdapter } from '@kith/adapter-memory';
import '@kith/widgets/rating/define';

interface RatingArgs {
  product?: string;
  href?: string;
  theme?: 'light' | 'dark' | 'auto';
  lang?: string;
}

/** `parameters.kith`: latency and failures of the in-memory adapter. */
interface KithStoryParameters {
  latency?: number;
  failure?: 'none' | 'always';
}

// A fresh in-memory adapter per story over `demoSeed()`: product p1's summary says 16 reviews.
let current: MemoryAdapter | undefined;
const memoryAdapter: Loader<RatingArgs> = async ({ parameters }) => {
  current?.dispose();
  const { latency, failure } = (parameters.kith ?? {}) as KithStoryParameters;
  current = createMemoryAdapter({ latency, failure });
  return { adapter: current };
};

const base = (canvasElement: HTMLElement) =>
  canvasElement.querySelector('kith-rating')?.shadowRoot?.querySelector<HTMLElement>('[part~="base"]');

const meta = {
  title: 'Widgets/Rating',
  component: 'kith-rating',
  loaders: [memoryAdapter],
  beforeEach:
    ({ loaded }) =>
    () =>
      (loaded.adapter as MemoryAdapter | undefined)?.dispose(),
  argTypes: {
    theme: { control: 'select', options: ['light', 'dark', 'auto'], table: { category: 'attributes' } },
  },
  render: (args: RatingArgs, { loaded }: StoryContext<RatingArgs>) => html`
    <kith-rating .adapter=${loaded.adapter as MemoryAdapter} product=${args.product || nothing} href=${args.href || nothing}
      theme=${args.theme || nothing} lang=${args.lang || nothing}></kith-rating>
  `,
} satisfies Meta<RatingArgs>;

export default meta;
type Story = StoryObj<RatingArgs>;

/** Stars, average and count, read by screen readers as one sentence. */
export const Default: Story = {
  args: { product: 'p1' },
  play: async ({ canvasElement }) => {
    await waitFor(() =>
      expect(base(canvasElement)?.getAttribute('aria-label')).toMatch(/^Rated \d\.\d out of 5 stars, 16 reviews$/),
    );
  },
};

/** With `href`, a link to the reviews (for product cards). */
export const AsLink: Story = {
  args: { product: 'p1', href: '#reviews' },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(base(canvasElement)?.localName).toBe('a'));
  },
};

/** A listing page: six snippets, one request. */
export const ListingPage: Story = {
  render: (_args, { loaded }) => html`<ul style="list-style: none; padding: 0; display: grid; gap: 0.5rem">
    ${['p1', 'p2', 'p3', 'p4', 'p5', 'p6'].map((p) => html`<li>Product ${p} <kith-rating .adapter=${loaded.adapter as MemoryAdapter} product=${p}></kith-rating></li>`)}
  </ul>`,
  play: async ({ canvasElement }) => {
    await waitFor(() =>
      expect(canvasElement.querySelector('kith-rating[product="p1"]')?.getAttribute('state')).toBe('ready'),
    );
    await expect(canvasElement.querySelector('kith-rating[product="p2"]')?.getAttribute('state')).toBe('empty');
  },
};

/** No reviews yet: collapses in place (space kept, nothing shown). */
export const Empty: Story = {
  args: { product: 'no-reviews' },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(canvasElement.querySelector('kith-rating')?.getAttribute('state')).toBe('empty'));
  },
};

/** The adapter fails: collapses in place, nothing thrown. */
export const ErrorState: Story = {
  args: { product: 'p1' },
  parameters: { kith: { failure: 'always' } },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(canvasElement.querySelector('kith-rating')?.getAttribute('state')).toBe('error'));
  },
};

/** Dark theme, for dark pages. */
export const DarkTheme: Story = {
  args: { product: 'p1', theme: 'dark' },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(canvasElement.querySelector('kith-rating')?.getAttribute('state')).toBe('ready'));
  },
};

/** Loading (a slow adapter): the snippet keeps its box while the summary is on its way. */
export const Loading: Story = {
  args: { product: 'p1' },
  parameters: { kith: { latency: 3_600_000 } },
  play: async ({ canvasElement }) => {
    const host = canvasElement.querySelector('kith-rating')!;
    await expect(host.getAttribute('state')).toBe('loading');
    await expect(host.getBoundingClientRect().width).toBeGreaterThan(0);
  },
};

/** Signed out, as every shopper sees it: the snippet needs no sign-in. */
export const SignedOut: Story = {
  args: { product: 'p1' },
  play: async ({ canvasElement, loaded }) => {
    await expect((loaded.adapter as MemoryAdapter).customer).toBe(null);
    await waitFor(() => expect(canvasElement.querySelector('kith-rating')?.getAttribute('state')).toBe('ready'));
  },
};

/** Simplified Chinese (strings load on demand). */
export const Chinese: Story = {
  args: { product: 'p1', lang: 'zh-CN' },
  play: async ({ canvasElement }) => {
    await waitFor(() =>
      expect(base(canvasElement)?.getAttribute('aria-label')).toMatch(/^评分 \d\.\d（满分 5 分），共 16 条评价$/),
    );
  },
};
