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
const memoryAdapter: Loader<OfferArgs> = async ({ parameters }) => {
  const { seed } = referralsScenario(
    ((parameters.kith ?? {}) as { state?: ReferralScenarioState }).state ?? 'advocate',
  );
  return { adapter: createMemoryAdapter({ seed }) };
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
