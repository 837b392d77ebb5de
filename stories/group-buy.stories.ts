import { html, nothing } from 'lit';
import type { Loader, Meta, StoryContext, StoryObj } from '@storybook/web-components-vite';
import { expect, userEvent, waitFor } from 'storybook/test';
import { createMemoryAdapter, demoSeed, type MemoryAdapter, type MemorySeed, type MemoryTeam } from '@kith/adapter-memory';
import '@kith/widgets/group-buy/define';

interface GroupBuyArgs {
  product?: string;
  team?: string;
  customerName?: string;
  theme?: 'light' | 'dark' | 'auto';
  lang?: string;
}

type State = 'open' | 'reserved' | 'paid' | 'succeeded' | 'full' | 'expired' | 'scheduled' | 'over' | 'soldOut';

/** `parameters.kith`: which state to seed, latency and failures of the in-memory adapter, signed in or not, a live scenario. */
interface KithStoryParameters {
  state?: State;
  latency?: number;
  failure?: 'none' | 'always';
  signedIn?: boolean;
  /** Another shopper joins your team and both pay, a second apart. */
  live?: boolean;
}

const YOU = { id: 'story-customer', displayName: 'You' };
const HOUR = 3_600_000;
const iso = (t: number) => new Date(t).toISOString();

/** Your team (`team-you`) with your seat and, optionally, others'. */
const yourTeam = (now: number, you: 'held' | 'confirmed', others: readonly ('held' | 'confirmed')[] = [], ageHours = 2): MemoryTeam => ({
  id: 'team-you', campaignId: 'gb-1', createdAt: iso(now - ageHours * HOUR),
  seats: [
    { customerId: YOU.id, displayName: 'Lin', seat: you, joinedAt: iso(now - ageHours * HOUR), ...(you === 'held' ? { holdExpiresAt: iso(now + 12 * 60_000) } : {}) },
    ...others.map((seat, i) => ({ customerId: `friend-${i}`, displayName: ['Ana Li', 'Wei'][i], seat, joinedAt: iso(now - HOUR + i * 60_000) })),
  ],
});

/** The demo seed (campaign `gb-1` on `p1`: $59 solo, $53.10 for 2, $50.15 for 3; Wei's and Lin's teams open) changed into one state. */
function seedFor(state: State, now: number): MemorySeed {
  const seed = demoSeed(now);
  const teams = seed.teams!;
  const campaign = (patch: object) => (seed.campaigns = [{ ...seed.campaigns![0]!, ...patch }]);
  if (state === 'reserved') teams.push(yourTeam(now, 'held'));
  if (state === 'paid') teams.push(yourTeam(now, 'confirmed', ['held']));
  if (state === 'succeeded') teams.push(yourTeam(now, 'confirmed', ['confirmed']));
  if (state === 'full') teams.push(yourTeam(now, 'confirmed', ['confirmed', 'confirmed']));
  if (state === 'expired') teams.push({ ...yourTeam(now - 25 * HOUR, 'confirmed'), id: 'team-you' });
  if (state === 'scheduled') campaign({ startsAt: iso(now + 3 * HOUR) });
  if (state === 'over') campaign({ ended: true });
  if (state === 'soldOut') campaign({ stock: 0 });
  if (state === 'scheduled' || state === 'soldOut') seed.teams = [];
  return seed;
}

let current: MemoryAdapter | undefined;
const memoryAdapter: Loader<GroupBuyArgs> = async ({ parameters }) => {
  current?.dispose();
  const { state = 'open', latency, failure, signedIn = true, live } = (parameters.kith ?? {}) as KithStoryParameters;
  const now = Date.now();
  const adapter = createMemoryAdapter({ latency, failure, seed: seedFor(state, now), ...(signedIn ? { customer: YOU } : {}) });
  if (live) {
    const friend = adapter.as({ id: 'friend-live', displayName: 'Mei' });
    adapter.control.play([
      { after: 1500, run: () => void friend.groupBuy!.joinTeam!('team-you', { displayName: 'Mei' }) },
      { after: 1500, run: (c) => c.confirmSeat('team-you', 'friend-live') },
    ]);
  }
  current = adapter;
  return { adapter };
};

const host = (canvasElement: HTMLElement) => canvasElement.querySelector('kith-group-buy')!;
const shadow = (canvasElement: HTMLElement) => host(canvasElement).shadowRoot!;
const text = (canvasElement: HTMLElement, selector: string) => shadow(canvasElement).querySelector(selector)?.textContent?.replace(/\s+/g, ' ').trim();
const ready = (canvasElement: HTMLElement) => waitFor(() => expect(host(canvasElement).getAttribute('state')).toBe('ready'), { timeout: 4000 });

const meta = {
  title: 'Widgets/Group buy',
  component: 'kith-group-buy',
  loaders: [memoryAdapter],
  beforeEach: ({ loaded }) => () => (loaded.adapter as MemoryAdapter | undefined)?.dispose(),
  argTypes: {
    theme: { control: 'select', options: ['light', 'dark', 'auto'], table: { category: 'attributes' } },
    lang: { control: 'select', options: ['en', 'zh-CN', 'zh-TW'], table: { category: 'attributes' } },
  },
  args: { product: 'p1', customerName: 'Lin' },
  render: (args: GroupBuyArgs, { loaded }: StoryContext<GroupBuyArgs>) => html`
    <kith-group-buy .adapter=${loaded.adapter as MemoryAdapter} product=${args.product || nothing} team=${args.team || nothing}
      customer-name=${args.customerName || nothing} theme=${args.theme || nothing} lang=${args.lang || nothing}
      style="max-inline-size: 32rem"></kith-group-buy>
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

/** Reserved: your seat is held while you check out; the bar shows it striped. */
export const Reserved: Story = {
  parameters: { kith: { state: 'reserved' } },
  play: async ({ canvasElement }) => {
    await ready(canvasElement);
    await expect(text(canvasElement, '[part="seat"]')).toMatch(/^Seat held at \$53\.10: finish checkout within 0:1[12]:\d\d\.$/);
    await expect(shadow(canvasElement).querySelectorAll('[part="progress"] .held').length).toBe(1);
  },
};

/** Paid, one friend checking out: 1 joined, 1 more for the first tier. */
export const Forming: Story = {
  parameters: { kith: { state: 'paid' } },
  play: async ({ canvasElement }) => {
    await ready(canvasElement);
    await expect(shadow(canvasElement).querySelector('[part="progress"]')!.getAttribute('aria-valuetext')).toBe('1 joined · 1 more for $53.10');
    await expect(text(canvasElement, '[part="seat"]')).toBe("You're in: you pay $53.10.");
  },
};

/** Succeeded: the first tier is reached; the team may still fill to the next one. */
export const Succeeded: Story = {
  parameters: { kith: { state: 'succeeded' } },
  play: async ({ canvasElement }) => {
    await ready(canvasElement);
    await expect(text(canvasElement, '[part="state"]')).toBe('Team price unlocked');
    await expect([...shadow(canvasElement).querySelector('[part="tiers"]')!.children].map((li) => li.textContent!.trim())).toEqual(['✓ 2 people: $53.10', '3 people: $50.15']);
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
  args: { team: 'team-you' },
  parameters: { kith: { state: 'expired' } },
  play: async ({ canvasElement }) => {
    await ready(canvasElement);
    await waitFor(() => expect(text(canvasElement, '[part="state"]')).toBe('Expired'));
    await expect(shadow(canvasElement).querySelector('[part="countdown"]')).toBeNull();
  },
};

/** Real time: a friend joins your team, then pays; the bar and the announcement follow. */
export const RealTime: Story = {
  name: 'Real-time scenario',
  parameters: { kith: { state: 'paid', live: true } },
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
    await expect(text(canvasElement, '.notice')).toBe('Team buying opens in 3 hr.');
    await expect(shadow(canvasElement).querySelector('[data-act="start"]')).toBeNull();
  },
};

/** The campaign is over: open teams still run to their deadlines; no new teams. */
export const CampaignOver: Story = {
  parameters: { kith: { state: 'over' } },
  play: async ({ canvasElement }) => {
    await ready(canvasElement);
    await expect(text(canvasElement, '.notice')).toBe('This group buy has ended.');
  },
};

/** Sold out: every team seat is taken. */
export const SoldOut: Story = {
  parameters: { kith: { state: 'soldOut' } },
  play: async ({ canvasElement }) => {
    await ready(canvasElement);
    await expect(text(canvasElement, '.notice')).toBe('Sold out: every team seat is taken.');
  },
};

/** Signed out: joining asks the shopper to sign in. */
export const SignedOut: Story = {
  parameters: { kith: { signedIn: false } },
  play: async ({ canvasElement }) => {
    await ready(canvasElement);
    await userEvent.click(shadow(canvasElement).querySelector<HTMLButtonElement>('[data-act="join"]')!);
    await waitFor(() => expect(text(canvasElement, '[part="message"]')).toBe('Please sign in to join a team.'));
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
  parameters: { kith: { state: 'paid' } },
  play: async ({ canvasElement }) => {
    await ready(canvasElement);
    await waitFor(() => expect(text(canvasElement, 'h2')).toBe('拼团更优惠'));
  },
};
