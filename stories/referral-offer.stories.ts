import { html, nothing } from 'lit';
import type { Loader, Meta, StoryContext, StoryObj } from '@storybook/web-components-vite';
import { expect, waitFor } from 'storybook/test';
import {
  createMemoryAdapter,
  referralsScenario,
  type MemoryAdapter,
  type ReferralScenarioState,
} from '@kith/adapter-memory';
import '@kith/widgets/referral-offer/define';

interface OfferArgs {
  code?: string;
  theme?: 'light' | 'dark' | 'auto';
  lang?: string;
}

// The friend's landing: signed out, on the demo data, with Lin's code LIN-8H3M.
// `parameters.kith`: the referrals state, and the adapter's latency and failures.
const memoryAdapter: Loader<OfferArgs> = async ({ parameters }) => {
  const {
    state = 'advocate',
    latency,
    failure,
  } = (parameters.kith ?? {}) as {
    state?: ReferralScenarioState;
    latency?: number;
    failure?: 'always';
  };
  const { seed } = referralsScenario(state);
  return { adapter: createMemoryAdapter({ seed, latency, failure }) };
};

const host = (canvasElement: HTMLElement) => canvasElement.querySelector('kith-referral-offer')!;
const text = (canvasElement: HTMLElement) => host(canvasElement).shadowRoot!.textContent!.replace(/\s+/g, ' ').trim();

const meta = {
  title: 'Widgets/Referral offer',
  component: 'kith-referral-offer',
  loaders: [memoryAdapter],
  beforeEach:
    ({ loaded }) =>
    () =>
      (loaded.adapter as MemoryAdapter | undefined)?.dispose(),
  argTypes: {
    theme: { control: 'select', options: ['light', 'dark', 'auto'], table: { category: 'attributes' } },
    lang: { control: 'select', options: ['en', 'zh-CN', 'zh-TW'], table: { category: 'attributes' } },
  },
  args: { code: 'LIN-8H3M' },
  render: (args: OfferArgs, { loaded }: StoryContext<OfferArgs>) => html`
    <kith-referral-offer .adapter=${loaded.adapter as MemoryAdapter} code=${args.code || nothing} theme=${args.theme || nothing} lang=${args.lang || nothing}
      style="max-inline-size: 32rem"></kith-referral-offer>
  `,
} satisfies Meta<OfferArgs>;

export default meta;
type Story = StoryObj<OfferArgs>;

/** A friend landing through Lin's link: who gave what, and the code. */
export const Default: Story = {
  play: async ({ canvasElement }) => {
    await waitFor(() =>
      expect(text(canvasElement)).toMatch(
        /^Lin gave you \$10\.00 off your first order Use this code at checkout: FRIEND-LIN-8H3M Copy/,
      ),
    );
  },
};

/** A code at its cap (leaked publicly): no offer, no space taken. */
export const CappedCode: Story = {
  parameters: { kith: { state: 'capped' } },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(host(canvasElement).getAttribute('state')).toBe('empty'));
    await expect(host(canvasElement).getBoundingClientRect().height).toBe(0);
  },
};

/** An unknown code: nothing shown. */
export const UnknownCode: Story = {
  args: { code: 'NOPE-0000' },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(host(canvasElement).getAttribute('state')).toBe('empty'));
  },
};

export const DarkTheme: Story = {
  args: { theme: 'dark' },
  parameters: { backgrounds: { default: 'dark' } },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(host(canvasElement).getAttribute('state')).toBe('ready'));
  },
};

export const Chinese: Story = {
  args: { lang: 'zh-CN' },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(text(canvasElement)).toMatch(/^Lin送你首单立减/));
  },
};

/** Loading (a slow adapter): the banner holds its height while the offer is on its way. */
export const Loading: Story = {
  parameters: { kith: { latency: 3_600_000 } },
  play: async ({ canvasElement }) => {
    await expect(host(canvasElement).getAttribute('state')).toBe('loading');
    await expect(host(canvasElement).getBoundingClientRect().height).toBeGreaterThan(0);
  },
};

/** The API fails: the banner keeps its box, empty, so nothing below moves; nothing thrown. */
export const ErrorState: Story = {
  name: 'Error',
  parameters: { kith: { failure: 'always' } },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(host(canvasElement).getAttribute('state')).toBe('error'));
    await expect(host(canvasElement).getBoundingClientRect().height).toBeGreaterThan(0);
    await expect(text(canvasElement)).toBe('');
  },
};

/** Signed out, as a friend arriving through a link is: the offer needs no account. */
export const SignedOut: Story = {
  play: async ({ canvasElement, loaded }) => {
    await expect((loaded.adapter as MemoryAdapter).customer).toBe(null);
    await waitFor(() => expect(text(canvasElement)).toMatch(/^Lin gave you/));
  },
};
