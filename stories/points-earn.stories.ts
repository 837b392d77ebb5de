import { html, nothing } from 'lit';
import type { Meta, StoryContext, StoryObj } from '@storybook/web-components-vite';
import { expect, waitFor } from 'storybook/test';
import { createMemoryAdapter, type MemoryAdapter } from '@kith/adapter-memory';
import '@kith/widgets/points-earn/define';

interface EarnArgs {
  price?: string;
  lang?: string;
  theme?: 'light' | 'dark' | 'auto';
}

const host = (canvasElement: HTMLElement) => canvasElement.querySelector('kith-points-earn')!;
const text = (canvasElement: HTMLElement) => host(canvasElement).shadowRoot!.textContent!.replace(/\s+/g, ' ').trim();

const meta = {
  title: 'Widgets/Points earn line',
  component: 'kith-points-earn',
  // `parameters.kith`: the adapter's latency and failures.
  loaders: [
    async ({ parameters }) => ({
      adapter: createMemoryAdapter((parameters.kith ?? {}) as { latency?: number; failure?: 'always' }),
    }),
  ],
  beforeEach:
    ({ loaded }) =>
    () =>
      (loaded.adapter as MemoryAdapter | undefined)?.dispose(),
  argTypes: { lang: { control: 'select', options: ['en', 'zh-CN', 'zh-TW'], table: { category: 'attributes' } } },
  args: { price: '59.00' },
  render: (args: EarnArgs, { loaded }: StoryContext<EarnArgs>) => html`
    <p style="font: 1.25rem/1.4 Georgia, serif; margin: 0">$${args.price}</p>
    <kith-points-earn .adapter=${loaded.adapter as MemoryAdapter} product="p1" price=${args.price || nothing} lang=${args.lang || nothing} theme=${args.theme || nothing}></kith-points-earn>
  `,
} satisfies Meta<EarnArgs>;

export default meta;
type Story = StoryObj<EarnArgs>;

/** Under a price: what the purchase earns under the program's rule (1 point per $1). */
export const Default: Story = {
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(text(canvasElement)).toBe('Earn 59 points with Kith Rewards'));
  },
};

/** A variant switch: the host sets a new `price` and the line follows at once. */
export const VariantSwitch: Story = {
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(text(canvasElement)).toBe('Earn 59 points with Kith Rewards'));
    host(canvasElement).setAttribute('price', '129.00');
    await waitFor(() => expect(text(canvasElement)).toBe('Earn 129 points with Kith Rewards'));
  },
};

/** A price that earns nothing keeps its line's space and shows nothing. */
export const EarnsNothing: Story = {
  args: { price: '0.50' },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(host(canvasElement).getAttribute('state')).toBe('empty'));
    await expect(text(canvasElement)).toBe('');
  },
};

export const Chinese: Story = {
  args: { lang: 'zh-CN' },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(text(canvasElement)).toBe('购买可得59 积分（Kith Rewards）'));
  },
};

/** Loading (a slow adapter): the line keeps its space until the program arrives. */
export const Loading: Story = {
  parameters: { kith: { latency: 3_600_000 } },
  play: async ({ canvasElement }) => {
    await expect(host(canvasElement).getAttribute('state')).toBe('loading');
    await expect(host(canvasElement).getBoundingClientRect().height).toBeGreaterThan(0);
  },
};

/** The API fails: the line collapses in place; nothing thrown. */
export const ErrorState: Story = {
  name: 'Error',
  parameters: { kith: { failure: 'always' } },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(host(canvasElement).getAttribute('state')).toBe('error'));
    await expect(text(canvasElement)).toBe('');
  },
};

/** Signed out, as most shoppers on a product page: what the price earns needs no account. */
export const SignedOut: Story = {
  play: async ({ canvasElement, loaded }) => {
    await expect((loaded.adapter as MemoryAdapter).customer).toBe(null);
    await waitFor(() => expect(text(canvasElement)).toBe('Earn 59 points with Kith Rewards'));
  },
};

/** Dark theme, for dark pages. */
export const DarkTheme: Story = {
  args: { theme: 'dark' },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(host(canvasElement).getAttribute('state')).toBe('ready'));
  },
};
