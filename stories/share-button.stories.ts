import { html, nothing } from 'lit';
import type { Loader, Meta, StoryContext, StoryObj } from '@storybook/web-components-vite';
import { expect, userEvent, waitFor } from 'storybook/test';
import {
  createMemoryAdapter,
  referralsScenario,
  type MemoryAdapter,
  type ReferralScenarioState,
} from '@kith/adapter-memory';
import '@kith/widgets/share-button/define';

interface ShareArgs {
  channels?: string;
  customChannels?: string;
  menu?: boolean;
  theme?: 'light' | 'dark' | 'auto';
  lang?: string;
}

/** `parameters.kith`: the memory adapter's referrals state (`referralsScenario`), signed in or not. */
interface KithStoryParameters {
  state?: ReferralScenarioState;
  signedIn?: boolean;
  latency?: number;
  failure?: 'always';
}

const memoryAdapter: Loader<ShareArgs> = async ({ parameters }) => {
  const { state = 'advocate', signedIn = true, latency, failure } = (parameters.kith ?? {}) as KithStoryParameters;
  const { seed, customer, outcomes } = referralsScenario(state);
  return { adapter: createMemoryAdapter({ seed, outcomes, latency, failure, ...(signedIn ? { customer } : {}) }) };
};

const host = (canvasElement: HTMLElement) => canvasElement.querySelector('kith-share-button')!;
const shadow = (canvasElement: HTMLElement) => host(canvasElement).shadowRoot!;
const text = (canvasElement: HTMLElement, selector: string) =>
  shadow(canvasElement).querySelector(selector)?.textContent?.replace(/\s+/g, ' ').trim();
const open = async (canvasElement: HTMLElement) => {
  await userEvent.click(shadow(canvasElement).querySelector<HTMLButtonElement>('[part="button"]')!);
  await waitFor(() => expect(shadow(canvasElement).querySelector('dialog')!.open).toBe(true));
};
const labels = (canvasElement: HTMLElement) =>
  [...shadow(canvasElement).querySelectorAll('[part="channel"]')].map((c) => c.textContent!.trim());

const meta = {
  title: 'Widgets/Share button',
  component: 'kith-share-button',
  loaders: [memoryAdapter],
  beforeEach:
    ({ loaded }) =>
    () =>
      (loaded.adapter as MemoryAdapter | undefined)?.dispose(),
  argTypes: {
    theme: { control: 'select', options: ['light', 'dark', 'auto'], table: { category: 'attributes' } },
    lang: { control: 'select', options: ['en', 'zh-CN', 'zh-TW'], table: { category: 'attributes' } },
  },
  // Storybook's browser has a native share sheet on some platforms: the stories show the menu.
  args: { menu: true },
  render: (args: ShareArgs, { loaded }: StoryContext<ShareArgs>) => html`
    <kith-share-button .adapter=${loaded.adapter as MemoryAdapter} product="p1" url="https://shop.example.com/products/tote"
      share-title="Everyday tote" text="Heavy canvas, leather handles." customer-name="Alex" ?menu=${args.menu}
      channels=${args.channels || nothing} custom-channels=${args.customChannels || nothing} theme=${args.theme || nothing} lang=${args.lang || nothing}></kith-share-button>
  `,
} satisfies Meta<ShareArgs>;

export default meta;
type Story = StoryObj<ShareArgs>;

/** Signed in: the personal link's incentive on one line with the terms; the disclosure is in the menu. */
export const Default: Story = {
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(text(canvasElement, '[part="incentive"]')).toBe('Give $10.00 off, get 100 points'));
  },
};

/** The menu: every channel, the shopper's referral numbers. */
export const Menu: Story = {
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(shadow(canvasElement).querySelector('[part="incentive"]')).not.toBeNull());
    await open(canvasElement);
    await expect(labels(canvasElement)).toEqual([
      'Copy link',
      'QR code',
      'Email',
      'Text message',
      'WhatsApp',
      'Facebook',
      'X',
      'Weibo',
      'LINE',
    ]);
    await waitFor(() =>
      expect(text(canvasElement, '[part="stats"]')).toBe(
        'Your link: 42 visits · 5 friends ordered · rewards: 3 pending, 2 earned',
      ),
    );
    const fb = shadow(canvasElement).querySelector('[data-channel="facebook"]')!.getAttribute('href')!;
    await expect(decodeURIComponent(fb)).toContain('kith_ref=ALEX-7Q2K');
  },
};

/** The QR code, drawn on the page for scanning into WeChat. */
export const QrCode: Story = {
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(shadow(canvasElement).querySelector('[part="incentive"]')).not.toBeNull());
    await open(canvasElement);
    await userEvent.click(shadow(canvasElement).querySelector<HTMLButtonElement>('[data-channel="qr"]')!);
    await waitFor(() => expect(shadow(canvasElement).querySelector('[part="qr"]')).not.toBeNull());
  },
};

/** Channels by configuration: reordered, some removed, one added without a release. */
export const CustomChannels: Story = {
  args: {
    channels: 'weibo,line,telegram,copy',
    customChannels: JSON.stringify([
      { id: 'telegram', label: 'Telegram', href: 'https://t.me/share/url?url={url}&text={text}' },
    ]),
  },
  play: async ({ canvasElement }) => {
    await open(canvasElement);
    await expect(labels(canvasElement)).toEqual(['Weibo', 'LINE', 'Telegram', 'Copy link']);
  },
};

/** Signed out: the plain product link, no incentive. */
export const SignedOut: Story = {
  parameters: { kith: { signedIn: false } },
  play: async ({ canvasElement }) => {
    await open(canvasElement);
    await expect(shadow(canvasElement).querySelector('[part="incentive"]')).toBeNull();
    await expect(shadow(canvasElement).querySelector('[part="stats"]')).toBeNull();
    const wa = shadow(canvasElement).querySelector('[data-channel="whatsapp"]')!.getAttribute('href')!;
    await expect(decodeURIComponent(wa)).not.toContain('kith_ref');
  },
};

/** A shop without a referral program: a personal link still attributes, but no incentive is promised. */
export const NoProgram: Story = {
  parameters: { kith: { state: 'no-program' } },
  play: async ({ canvasElement }) => {
    await open(canvasElement);
    await expect(shadow(canvasElement).querySelector('[part="incentive"]')).toBeNull();
  },
};

export const DarkTheme: Story = {
  args: { theme: 'dark' },
  parameters: { backgrounds: { default: 'dark' } },
  play: async ({ canvasElement }) => {
    await open(canvasElement);
  },
};

export const Chinese: Story = {
  args: { lang: 'zh-CN' },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(text(canvasElement, '[part="button"]')).toBe('分享'));
    await open(canvasElement);
    await expect(labels(canvasElement)).toContain('微博');
  },
};

/** Loading the shopper's link (a slow adapter): the button already shares the page; the incentive line waits. */
export const Loading: Story = {
  parameters: { kith: { latency: 3_600_000 } },
  play: async ({ canvasElement }) => {
    await expect(host(canvasElement).getAttribute('state')).toBe('ready');
    await expect(shadow(canvasElement).querySelector('[part="button"]')).not.toBeNull();
    await expect(shadow(canvasElement).querySelector('[part="incentive"]')).toBeNull();
  },
};

/** The API fails: the button still shares the page's own link, without the incentive; nothing thrown. */
export const ErrorState: Story = {
  name: 'Error',
  parameters: { kith: { failure: 'always' } },
  play: async ({ canvasElement }) => {
    await open(canvasElement);
    await expect(labels(canvasElement)).toContain('Copy link');
    await expect(shadow(canvasElement).querySelector('[part="incentive"]')).toBeNull();
  },
};
