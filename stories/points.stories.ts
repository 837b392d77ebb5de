import { html, nothing } from 'lit';
import type { Loader, Meta, StoryContext, StoryObj } from '@storybook/web-components-vite';
import { expect, userEvent, waitFor } from 'storybook/test';
import { HttpError } from '@kith/core';
import {
  createMemoryAdapter,
  pointsScenario,
  type MemoryAdapter,
  type PointsScenarioState,
} from '@kith/adapter-memory';
import '@kith/widgets/points/define';

interface PointsArgs {
  joinUrl?: string;
  signInUrl?: string;
  theme?: 'light' | 'dark' | 'auto';
  lang?: string;
}

/** `parameters.kith`: the memory adapter's points state (`pointsScenario`), latency and failures, signed in or not. */
interface KithStoryParameters {
  state?: PointsScenarioState;
  latency?: number;
  failure?: 'none' | 'always';
  signedIn?: boolean;
}

// A fresh in-memory adapter per story: the demo program "Kith Rewards" with the demo shopper's
// account in one state.
const memoryAdapter: Loader<PointsArgs> = async ({ parameters }) => {
  const { state = 'member', latency, failure, signedIn = true } = (parameters.kith ?? {}) as KithStoryParameters;
  const { seed, customer, outcomes } = pointsScenario(state);
  return { adapter: createMemoryAdapter({ latency, failure, seed, outcomes, ...(signedIn ? { customer } : {}) }) };
};

const host = (canvasElement: HTMLElement) => canvasElement.querySelector('kith-points')!;
const shadow = (canvasElement: HTMLElement) => host(canvasElement).shadowRoot!;
const $ = <E extends Element = HTMLElement>(canvasElement: HTMLElement, selector: string) =>
  shadow(canvasElement).querySelector<E>(selector);
const text = (canvasElement: HTMLElement, selector: string) =>
  $(canvasElement, selector)?.textContent?.replace(/\s+/g, ' ').trim();
const ready = (canvasElement: HTMLElement) =>
  waitFor(() => expect(host(canvasElement).getAttribute('state')).toBe('ready'), { timeout: 4000 });
/** Clicks a control once it is rendered (a confirm step appears after the click that asks for it). */
const click = async (canvasElement: HTMLElement, selector: string) => {
  await waitFor(() => expect($(canvasElement, selector)).not.toBeNull());
  await userEvent.click($(canvasElement, selector)!);
};

const meta = {
  title: 'Widgets/Points',
  component: 'kith-points',
  loaders: [memoryAdapter],
  beforeEach:
    ({ loaded }) =>
    () =>
      (loaded.adapter as MemoryAdapter | undefined)?.dispose(),
  argTypes: {
    theme: { control: 'select', options: ['light', 'dark', 'auto'], table: { category: 'attributes' } },
    lang: { control: 'select', options: ['en', 'zh-CN', 'zh-TW'], table: { category: 'attributes' } },
  },
  args: { joinUrl: '#join', signInUrl: '#sign-in' },
  render: (args: PointsArgs, { loaded }: StoryContext<PointsArgs>) => html`
    <kith-points .adapter=${loaded.adapter as MemoryAdapter} join-url=${args.joinUrl || nothing} sign-in-url=${args.signInUrl || nothing}
      theme=${args.theme || nothing} lang=${args.lang || nothing} style="max-inline-size: 36rem"></kith-points>
  `,
} satisfies Meta<PointsArgs>;

export default meta;
type Story = StoryObj<PointsArgs>;

/** A Silver member: balance with pending points, progress to Gold, a 2-day streak to continue, rewards, badges. */
export const Default: Story = {
  play: async ({ canvasElement }) => {
    await ready(canvasElement);
    await expect(text(canvasElement, '[part="balance"]')).toBe('840 points +180 pending');
    await expect(text(canvasElement, '[part="tier"]')).toBe('Silver tier');
    await expect(text(canvasElement, '[part="progress"] + p')).toBe('480 points more to Gold');
    await expect(text(canvasElement, '[data-act="check-in"]')).toBe('Check in: +5');
    await expect(shadow(canvasElement).querySelectorAll('[part="badges"] .on').length).toBe(4);
  },
};

/** Signed out: how to earn, the rewards and tiers, and the shop's join and sign-in links. */
export const SignedOut: Story = {
  parameters: { kith: { signedIn: false } },
  play: async ({ canvasElement }) => {
    await ready(canvasElement);
    await expect($(canvasElement, '[part="balance"]')).toBeNull();
    await expect(text(canvasElement, 'a.primary')).toBe('Join now');
    await expect(shadow(canvasElement).querySelectorAll('[part="tiers"] li').length).toBe(3);
    await expect(shadow(canvasElement).querySelectorAll('[data-act="ask"]').length).toBe(0);
  },
};

/** A new member: no points yet, every reward says how many more are needed. */
export const NewMember: Story = {
  parameters: { kith: { state: 'new-member' } },
  play: async ({ canvasElement }) => {
    await ready(canvasElement);
    await expect(text(canvasElement, '[part="balance"]')).toBe('0 points');
    await expect(text(canvasElement, '[part="reward"] .why')).toBe('300 points more needed');
    await expect($<HTMLButtonElement>(canvasElement, '[data-act="ask"]')!.disabled).toBe(true);
  },
};

/** Check in: the balance and streak update in place, and a screen reader hears it. */
export const CheckIn: Story = {
  play: async ({ canvasElement }) => {
    await ready(canvasElement);
    await click(canvasElement, '[data-act="check-in"]');
    await waitFor(() => expect(text(canvasElement, '[part="check-in"] p')).toBe('Checked in today · 3-day streak'));
    await expect(text(canvasElement, '[part="balance"]')).toBe('845 points +180 pending');
    await expect(text(canvasElement, '[aria-live="polite"]')).toBe('Checked in: +5 points. 3-day streak.');
  },
};

/** Already checked in today: the streak and what tomorrow brings. */
export const CheckedIn: Story = {
  parameters: { kith: { state: 'checked-in' } },
  play: async ({ canvasElement }) => {
    await ready(canvasElement);
    await expect(text(canvasElement, '[part="check-in"] p')).toBe('Checked in today · 3-day streak');
    await expect(shadow(canvasElement).querySelectorAll('.streak .on').length).toBe(3);
  },
};

/** Day 7 of a streak: the check-in earns the bonus. */
export const StreakBonus: Story = {
  parameters: { kith: { state: 'bonus-next' } },
  play: async ({ canvasElement }) => {
    await ready(canvasElement);
    await expect(text(canvasElement, '[data-act="check-in"]')).toBe('Check in: +25');
    await click(canvasElement, '[data-act="check-in"]');
    await waitFor(() => expect(text(canvasElement, '[part="check-in"] p')).toBe('Checked in today · 7-day streak'));
    await expect(shadow(canvasElement).querySelectorAll('.streak .on').length).toBe(7);
  },
};

/** Redeem, step one: the shopper confirms before spending. */
export const ConfirmRedeem: Story = {
  parameters: { kith: { state: 'rich' } },
  play: async ({ canvasElement }) => {
    await ready(canvasElement);
    await click(canvasElement, '[data-act="ask"][data-id="rw-10p"]');
    await waitFor(() => expect(text(canvasElement, '.confirm span')).toBe('Spend 1,200 points on 10% off?'));
    await expect(shadow(canvasElement).activeElement).toBe($(canvasElement, '[data-act="redeem"][data-id="rw-10p"]'));
  },
};

/** Redeemed: the code to copy, and the balance already lower. */
export const Redeemed: Story = {
  parameters: { kith: { state: 'rich' } },
  play: async ({ canvasElement }) => {
    await ready(canvasElement);
    await click(canvasElement, '[data-act="ask"][data-id="rw-10p"]');
    await click(canvasElement, '[data-act="redeem"][data-id="rw-10p"]');
    await waitFor(() => expect(text(canvasElement, '[part="code"] span')).toMatch(/^Your code: KITH-TENP-\d{3}$/));
    await expect(text(canvasElement, '[part="balance"] strong')).toBe('100');
    await waitFor(() => expect(shadow(canvasElement).activeElement).toBe($(canvasElement, '[data-act="copy"]')));
  },
};

/** Not enough points: the balance moved elsewhere before the shopper confirmed; the widget explains. */
export const NotEnoughPoints: Story = {
  play: async ({ canvasElement, loaded }) => {
    await ready(canvasElement);
    await click(canvasElement, '[data-act="ask"][data-id="rw-early"]');
    // The server's answer when the balance moved in another tab, scripted for the next redemption.
    (loaded.adapter as MemoryAdapter).control.next(
      'points.redeem',
      new HttpError(409, 'insufficient_points', 'Not enough points'),
    );
    await click(canvasElement, '[data-act="redeem"][data-id="rw-early"]');
    await waitFor(() =>
      expect(text(canvasElement, '[part="reward"] [part="message"]')).toBe('Not enough points for this reward yet.'),
    );
  },
};

/** Out of stock: the last one went while the shopper decided; a sold-out reward says so. */
export const OutOfStock: Story = {
  parameters: { kith: { state: 'rich' } },
  play: async ({ canvasElement, loaded }) => {
    await ready(canvasElement);
    await expect(text(canvasElement, '[part="reward"].off .why')).toBe('Out of stock');
    await click(canvasElement, '[data-act="ask"][data-id="rw-ship"]');
    (loaded.adapter as MemoryAdapter).control.next('points.redeem', new HttpError(409, 'out_of_stock', 'Out of stock'));
    await click(canvasElement, '[data-act="redeem"][data-id="rw-ship"]');
    await waitFor(() =>
      expect(text(canvasElement, '[part="reward"] [part="message"]')).toBe('This reward just ran out.'),
    );
  },
};

/** The history: every line says why, with the running balance; pending purchases say until when. */
export const History: Story = {
  play: async ({ canvasElement }) => {
    await ready(canvasElement);
    await click(canvasElement, 'summary');
    await waitFor(() =>
      expect(shadow(canvasElement).querySelectorAll('[part="history"] li').length).toBeGreaterThan(3),
    );
    const first = text(canvasElement, '[part="history"] li');
    await expect(first).toMatch(/^Order o-\d+ \w{3} \d+, \d{4} · pending until \w{3} \d+, \d{4} \+180$/);
    await expect(text(canvasElement, '[part="history"] li.available .after')).toBe('Balance 840');
  },
};

/** Points about to expire are called out. */
export const Expiring: Story = {
  parameters: { kith: { state: 'expiring' } },
  play: async ({ canvasElement }) => {
    await ready(canvasElement);
    await expect(text(canvasElement, '[part="balance"] + .note')).toMatch(/^\d[\d,]* points? expire on /);
  },
};

/** The top tier: no next tier, every reward within reach, all badges. */
export const TopTier: Story = {
  parameters: { kith: { state: 'top-tier' } },
  play: async ({ canvasElement }) => {
    await ready(canvasElement);
    await expect(text(canvasElement, '[part="tier"]')).toBe('Gold tier');
    await expect(text(canvasElement, '[part="balance"] ~ .note')).toBe('Top tier reached');
    await expect(shadow(canvasElement).querySelectorAll('[part="badges"] li:not(.on)').length).toBe(0);
  },
};

/** Loading: the reserved box, so the page below never jumps. */
export const Loading: Story = {
  parameters: { kith: { latency: 1e9 } },
  play: async ({ canvasElement }) => {
    await expect(host(canvasElement).getAttribute('state')).toBe('loading');
    await expect(host(canvasElement).getBoundingClientRect().height).toBeGreaterThan(100);
  },
};

/** The API fails: a retry in the same box; nothing is thrown into the page. */
export const Error: Story = {
  parameters: { kith: { failure: 'always' } },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(host(canvasElement).getAttribute('state')).toBe('error'));
    await expect(text(canvasElement, 'button')).toBe('Try again');
  },
};

export const DarkTheme: Story = {
  args: { theme: 'dark' },
  parameters: { backgrounds: { default: 'dark' } },
  play: async ({ canvasElement }) => {
    await ready(canvasElement);
  },
};

export const Chinese: Story = {
  args: { lang: 'zh-CN' },
  play: async ({ canvasElement }) => {
    await ready(canvasElement);
    await waitFor(() => expect(text(canvasElement, '[part="tier"]')).toBe('Silver会员'));
    await expect(text(canvasElement, '[data-act="check-in"]')).toBe('签到 +5');
  },
};
