import { html, nothing } from 'lit';
import type { Loader, Meta, StoryContext, StoryObj } from '@storybook/web-components-vite';
import { expect, userEvent, waitFor } from 'storybook/test';
import {
  createMemoryAdapter,
  groupBuyScenario,
  playGroupBuyScenario,
  type GroupBuyScenarioState,
  type MemoryAdapter,
} from '@kith/adapter-memory';
import '@kith/widgets/group-buy/define';

interface GroupBuyArgs {
  signInUrl?: string;
  product?: string;
  team?: string;
  customerName?: string;
  theme?: 'light' | 'dark' | 'auto';
  lang?: string;
}

/** `parameters.kith`: the memory adapter's group-buy state (`groupBuyScenario`), latency and failures, signed in or not, a live scenario. */
interface KithStoryParameters {
  state?: GroupBuyScenarioState;
  latency?: number;
  failure?: 'none' | 'always';
  signedIn?: boolean;
  /** The state's script plays, a step a second (`reserved`: Mei joins, then pays). */
  live?: boolean;
}

// A fresh in-memory adapter per story: product p1's campaign gb-1 ($59 solo, $53.10 for 2, $50.15
// for 3) in one state, signed in as the demo shopper.
let current: MemoryAdapter | undefined;
const memoryAdapter: Loader<GroupBuyArgs> = async ({ parameters }) => {
  current?.dispose();
  const { state = 'forming', latency, failure, signedIn = true, live } = (parameters.kith ?? {}) as KithStoryParameters;
  const scenario = groupBuyScenario(state);
  const { seed, customer, outcomes } = scenario;
  const adapter = createMemoryAdapter({ latency, failure, seed, outcomes, ...(signedIn ? { customer } : {}) });
  if (live) playGroupBuyScenario(adapter, scenario, { every: 1000 });
  current = adapter;
  return { adapter };
};

const host = (canvasElement: HTMLElement) => canvasElement.querySelector('kith-group-buy')!;
const shadow = (canvasElement: HTMLElement) => host(canvasElement).shadowRoot!;
const text = (canvasElement: HTMLElement, selector: string) =>
  shadow(canvasElement).querySelector(selector)?.textContent?.replace(/\s+/g, ' ').trim();
const ready = (canvasElement: HTMLElement) =>
  waitFor(() => expect(host(canvasElement).getAttribute('state')).toBe('ready'), { timeout: 4000 });

const meta = {
  title: 'Widgets/Group buy',
  component: 'kith-group-buy',
  loaders: [memoryAdapter],
  beforeEach:
    ({ loaded }) =>
    () =>
      (loaded.adapter as MemoryAdapter | undefined)?.dispose(),
  argTypes: {
    theme: { control: 'select', options: ['light', 'dark', 'auto'], table: { category: 'attributes' } },
    lang: { control: 'select', options: ['en', 'zh-CN', 'zh-TW'], table: { category: 'attributes' } },
  },
  args: { product: 'p1', customerName: 'Lin' },
  render: (args: GroupBuyArgs, { loaded }: StoryContext<GroupBuyArgs>) => html`
    <kith-group-buy .adapter=${loaded.adapter as MemoryAdapter} product=${args.product || nothing} team=${args.team || nothing}
      customer-name=${args.customerName || nothing} theme=${args.theme || nothing} lang=${args.lang || nothing}
      sign-in-url=${args.signInUrl || nothing} style="max-inline-size: 32rem"></kith-group-buy>
  `,
} satisfies Meta<GroupBuyArgs>;

export default meta;
type Story = StoryObj<GroupBuyArgs>;

/** Solo against team price, open teams to join, and start-a-team. */
export const Default: Story = {
  play: async ({ canvasElement }) => {
    await ready(canvasElement);
    await expect(text(canvasElement, '[part="prices"]')).toBe('Buy alone $59.00 Team price from $50.15');
    await expect(shadow(canvasElement).querySelectorAll('[part="teams"] > li').length).toBe(2);
    await expect(text(canvasElement, '[data-act="start"]')).toBe('Start a team at $53.10');
  },
};

/** Start a team: the seat is held for checkout and the host gets `kith-group-join`. */
export const StartTeam: Story = {
  play: async ({ canvasElement }) => {
    await ready(canvasElement);
    await userEvent.click(shadow(canvasElement).querySelector<HTMLButtonElement>('[data-act="start"]')!);
    await waitFor(() => expect(text(canvasElement, '[part="seat"]')).toMatch(/^Seat held at \$53\.10/));
  },
};

/** Reserved: you joined Wei's team and your seat is held while you check out; the bar shows it striped. */
export const Reserved: Story = {
  parameters: { kith: { state: 'reserved' } },
  play: async ({ canvasElement }) => {
    await ready(canvasElement);
    await expect(text(canvasElement, '[part="seat"]')).toMatch(
      /^Seat held at \$53\.10: finish checkout within 0:1[45]:\d\d\.$/,
    );
    await expect(shadow(canvasElement).querySelectorAll('[part="progress"] .held').length).toBe(1);
  },
};

/** Leading: you started a team and hold its first seat; nobody has paid yet. */
export const Leading: Story = {
  parameters: { kith: { state: 'leading' } },
  play: async ({ canvasElement }) => {
    await ready(canvasElement);
    await expect(text(canvasElement, '#team-name')).toBe('Your team Forming');
    await expect(shadow(canvasElement).querySelector('[part="progress"]')!.getAttribute('aria-valuetext')).toBe(
      '0 joined · 2 more for $53.10',
    );
    await expect(shadow(canvasElement).querySelector('[data-act="leave"]')).not.toBeNull();
  },
};

/** Succeeded: the first tier is reached; the team may still fill to the next one. */
export const Succeeded: Story = {
  parameters: { kith: { state: 'succeeded' } },
  play: async ({ canvasElement }) => {
    await ready(canvasElement);
    await expect(text(canvasElement, '[part="state"]')).toBe('Team price unlocked');
    await expect(
      [...shadow(canvasElement).querySelector('[part="tiers"]')!.children].map((li) => li.textContent!.trim()),
    ).toEqual(['✓ 2 people: $53.10', '3 people: $50.15']);
    await expect(text(canvasElement, '[part="seat"]')).toBe("You're in: you pay $53.10.");
  },
};

/** Deeper tier: three paid, so everyone pays the second tier's price; one seat is still free. */
export const DeeperTier: Story = {
  parameters: { kith: { state: 'deeper-tier' } },
  play: async ({ canvasElement }) => {
    await ready(canvasElement);
    await expect(shadow(canvasElement).querySelector('[part="progress"]')!.getAttribute('aria-valuetext')).toBe(
      '3 joined · everyone pays $50.15',
    );
    await expect(text(canvasElement, '[part="seat"]')).toBe("You're in: you pay $50.15.");
  },
};

/** Full: every seat is paid, the deepest tier reached; the team is complete. */
export const Full: Story = {
  parameters: { kith: { state: 'full' } },
  play: async ({ canvasElement }) => {
    await ready(canvasElement);
    await expect(text(canvasElement, '[part="state"]')).toBe('Team complete');
    await expect(text(canvasElement, 'article [part="note"]')).toBe('Everyone in this team pays $50.15.');
  },
};

/** Expired: the deadline passed below the first tier. */
export const Expired: Story = {
  args: { team: 'team-expired' },
  parameters: { kith: { state: 'expired' } },
  play: async ({ canvasElement }) => {
    await ready(canvasElement);
    await waitFor(() => expect(text(canvasElement, '[part="state"]')).toBe('Expired'));
    await expect(shadow(canvasElement).querySelector('[part="countdown"]')).toBeNull();
  },
};

/** Real time: from Reserved, Mei joins Wei's team and pays; it succeeds and the announcement follows. */
export const RealTime: Story = {
  name: 'Real-time scenario',
  parameters: { kith: { state: 'reserved', live: true } },
  play: async ({ canvasElement }) => {
    await ready(canvasElement);
    await waitFor(() => expect(text(canvasElement, '[part="state"]')).toBe('Team price unlocked'), { timeout: 6000 });
  },
};

/** A shared link (`?kith_team=`) shows that team first with a join button. */
export const SharedTeam: Story = {
  args: { team: 'team-1' },
  play: async ({ canvasElement }) => {
    await ready(canvasElement);
    await waitFor(() => expect(text(canvasElement, '[data-act="join"]')).toBe("Join Wei's team"));
  },
};

/** The campaign has not started: the time it opens, no new teams. */
export const Scheduled: Story = {
  parameters: { kith: { state: 'scheduled' } },
  play: async ({ canvasElement }) => {
    await ready(canvasElement);
    await expect(text(canvasElement, '.notice')).toBe('Team buying opens in 2 hr.');
    await expect(shadow(canvasElement).querySelector('[data-act="start"]')).toBeNull();
  },
};

/** The campaign is over: open teams still run to their deadlines; no new teams. */
export const CampaignOver: Story = {
  parameters: { kith: { state: 'ended' } },
  play: async ({ canvasElement }) => {
    await ready(canvasElement);
    await expect(text(canvasElement, '.notice')).toBe('This group buy has ended.');
  },
};

/** Sold out: every team seat is taken. */
export const SoldOut: Story = {
  parameters: { kith: { state: 'sold-out' } },
  play: async ({ canvasElement }) => {
    await ready(canvasElement);
    await expect(text(canvasElement, '.notice')).toBe('Sold out: every team seat is taken.');
  },
};

/** Signed out: prices and open teams as usual; one line links to sign in, in place of start and join. */
export const SignedOut: Story = {
  args: { signInUrl: '#sign-in' },
  parameters: { kith: { signedIn: false } },
  play: async ({ canvasElement }) => {
    await ready(canvasElement);
    await expect(shadow(canvasElement).querySelector('[data-act="join"], [data-act="start"]')).toBeNull();
    await expect(text(canvasElement, '[part="sign-in"]')).toBe('Sign in to start or join a team');
    await expect(shadow(canvasElement).querySelector('[part="sign-in"] a')?.getAttribute('href')).toBe('#sign-in');
  },
};

/** Loading (a slow adapter): a skeleton keeps the widget's box. */
export const Loading: Story = {
  parameters: { kith: { latency: 3_600_000 } },
  play: async ({ canvasElement }) => {
    await expect(host(canvasElement).getAttribute('state')).toBe('loading');
    await expect(host(canvasElement).getBoundingClientRect().height).toBeGreaterThan(100);
  },
};

/** The API fails: a message and a retry in the reserved box; nothing thrown. */
export const ErrorState: Story = {
  name: 'Error',
  parameters: { kith: { failure: 'always' } },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(host(canvasElement).getAttribute('state')).toBe('error'));
    await expect(text(canvasElement, '[part="note"]')).toBe('Group buy could not be loaded. Try again');
  },
};

/** Dark theme, with your team succeeded. */
export const DarkTheme: Story = {
  args: { theme: 'dark' },
  parameters: { kith: { state: 'succeeded' } },
  play: async ({ canvasElement }) => ready(canvasElement),
};

/** Simplified Chinese (strings load on demand). */
export const Chinese: Story = {
  args: { lang: 'zh-CN' },
  parameters: { kith: { state: 'succeeded' } },
  play: async ({ canvasElement }) => {
    await ready(canvasElement);
    await waitFor(() => expect(text(canvasElement, 'h2')).toBe('拼团更优惠'));
  },
};
