import { html, nothing } from 'lit';
import type { Loader, Meta, StoryContext, StoryObj } from '@storybook/web-components-vite';
import { expect, waitFor } from 'storybook/test';
import type { LiveShow } from '@kith/core';
import {
  createMemoryAdapter,
  playLiveScenario,
  type LiveScenarioOptions,
  type MemoryAdapter,
} from '@kith/adapter-memory';
// Registers <kith-live-badge>. The widgets package lists `./src/*/define.ts` in `sideEffects`, so
// Vite keeps this import (toolchain G11).
import '@kith/widgets/live-badge/define';

/** Args: the element's attributes (controls come from custom-elements.json) plus `theme` and `strings`. */
interface LiveBadgeArgs {
  show?: string;
  product?: string;
  href?: string;
  target?: string;
  theme?: 'light' | 'dark' | 'auto';
  strings?: Record<string, string>;
  /** Filled by Storybook from the manifest's `kith-live-open` event (Actions panel). */
  onKithLiveOpen?: (detail: unknown) => void;
}

/** Per-story data, as `parameters.kith`: plain data, so it also shows in the docs. */
interface KithStoryParameters {
  /** Delay per adapter call in ms. */
  latency?: number;
  failure?: 'none' | 'always' | number;
  /** Changes to the demo shows before the story renders, by show id. */
  patch?: Record<string, Partial<LiveShow>>;
  /** Plays scheduled → live → ended on one show. */
  scenario?: LiveScenarioOptions & { show: string; loop?: boolean };
}

// ── DATA ──────────────────────────────────────────────────────────────────────────────────────
// Each story gets a fresh in-memory adapter over `demoSeed()`: show-1 scheduled in 2 h (products
// p1, p2), show-2 live with 1284 viewers (p3), show-3 ended with a replay (p4). Loaders run again
// when a control changes, so the previous adapter (its timers and subscribers) is disposed first.

let current: MemoryAdapter | undefined;

const memoryAdapter: Loader<LiveBadgeArgs> = async ({ parameters }) => {
  current?.dispose();
  const { latency, failure, patch = {}, scenario } = (parameters.kith ?? {}) as KithStoryParameters;
  const adapter = createMemoryAdapter({ latency, failure });
  for (const [id, changes] of Object.entries(patch)) adapter.control.updateShow(id, changes);
  if (scenario) {
    const { show, ...options } = scenario;
    playLiveScenario(adapter, show, options);
  }
  current = adapter;
  return { adapter };
};

// ── HELPERS FOR PLAY FUNCTIONS ────────────────────────────────────────────────────────────────

const badgeIn = (canvasElement: HTMLElement) => {
  const el = canvasElement.querySelector('kith-live-badge');
  if (!el?.shadowRoot) throw new Error('<kith-live-badge> is missing or not upgraded (is it defined?)');
  return el;
};
const part = (canvasElement: HTMLElement, name: string) =>
  badgeIn(canvasElement).shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
const text = (canvasElement: HTMLElement, name: string) => part(canvasElement, name)?.textContent?.trim();

// ── META ──────────────────────────────────────────────────────────────────────────────────────

const meta = {
  title: 'Widgets/Live badge',
  component: 'kith-live-badge',
  loaders: [memoryAdapter],
  // Also disposes the last story's adapter when Storybook tears the story down.
  beforeEach:
    ({ loaded }) =>
    () =>
      (loaded.adapter as MemoryAdapter | undefined)?.dispose(),
  argTypes: {
    // Inherited from KithElement in @kith/core, which the analyzer does not see from the widgets
    // package, so these two are not in custom-elements.json.
    theme: {
      description:
        "`light` (default), `dark`, or `auto` to follow the visitor's OS setting. Defaults to the toolbar theme.",
      control: 'select',
      options: ['light', 'dark', 'auto'],
      table: { category: 'attributes' },
    },
    strings: {
      description: 'Per-instance string overrides (property, or a JSON attribute), e.g. `{"live":"ON AIR"}`.',
      control: 'object',
      table: { category: 'properties' },
    },
  },
  render: (args: LiveBadgeArgs, { loaded }: StoryContext<LiveBadgeArgs>) => html`
    <kith-live-badge
      .adapter=${loaded.adapter as MemoryAdapter}
      show=${args.show || nothing}
      product=${args.product || nothing}
      href=${args.href || nothing}
      target=${args.target || nothing}
      theme=${args.theme || nothing}
      .strings=${args.strings}
      @kith-live-open=${(e: CustomEvent) => {
        // Log the open in the Actions panel instead of navigating the preview away.
        e.preventDefault();
        args.onKithLiveOpen?.(e.detail);
      }}
    ></kith-live-badge>
  `,
} satisfies Meta<LiveBadgeArgs>;

export default meta;
type Story = StoryObj<LiveBadgeArgs>;

// ── STATES ────────────────────────────────────────────────────────────────────────────────────

/** Scheduled: a countdown and an add-to-calendar (.ics) link. */
export const Scheduled: Story = {
  args: { show: 'show-1' },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(text(canvasElement, 'label')).toMatch(/Live in/));
    const calendar = part(canvasElement, 'calendar') as HTMLAnchorElement | null;
    await expect(calendar).not.toBeNull();
    await expect(calendar!.getAttribute('download')).toBe('show-1.ics');
    await expect(calendar!.href).toMatch(/^data:text\/calendar/);
  },
};

/** Live: pulsing dot and the real viewer count, compacted. */
export const Live: Story = {
  args: { show: 'show-2' },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(text(canvasElement, 'viewers')).toContain('watching'));
    await expect(text(canvasElement, 'viewers')).toBe('1.3K watching');
    await expect(part(canvasElement, 'dot')).not.toBeNull();
    await expect((part(canvasElement, 'pill') as HTMLAnchorElement).href).toBe('https://live.example.com/show-2');
  },
};

/** Ended with a replay: the pill links to the recording. */
export const EndedWithReplay: Story = {
  name: 'Ended with replay',
  args: { show: 'show-3' },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(text(canvasElement, 'label')).toBe('Watch replay'));
    await expect((part(canvasElement, 'pill') as HTMLAnchorElement).href).toBe(
      'https://live.example.com/show-3/replay',
    );
  },
};

/** Ended without a replay: plain text, no link. */
export const EndedWithoutReplay: Story = {
  name: 'Ended without replay',
  args: { show: 'show-3' },
  parameters: { kith: { patch: { 'show-3': { replayUrl: undefined } } } satisfies KithStoryParameters },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(text(canvasElement, 'label')).toBe('Stream ended'));
    await expect(badgeIn(canvasElement).shadowRoot!.querySelector('a')).toBeNull();
  },
};

/** A product with no show: the badge collapses, keeping its reserved box (no layout shift). */
export const Empty: Story = {
  args: { product: 'no-shows-here' },
  play: async ({ canvasElement }) => {
    const el = badgeIn(canvasElement);
    await waitFor(() => expect(el.getAttribute('state')).toBe('empty'));
    await expect(getComputedStyle(el).visibility).toBe('hidden');
    await expect(el.getBoundingClientRect().height).toBeGreaterThan(0);
  },
};

/** The adapter fails: the badge collapses in place and emits `kith-error`; nothing is thrown into the page. */
export const ErrorState: Story = {
  name: 'Error',
  args: { show: 'show-2' },
  parameters: { kith: { failure: 'always', latency: 50 } satisfies KithStoryParameters },
  play: async ({ canvasElement }) => {
    const el = badgeIn(canvasElement);
    await waitFor(() => expect(el.getAttribute('state')).toBe('error'));
    await expect(el.getBoundingClientRect().height).toBeGreaterThan(0);
    await expect(getComputedStyle(el).visibility).toBe('hidden');
  },
};

/** Loading (a slow adapter): a skeleton pill reserves the badge's size before data arrives. */
export const Loading: Story = {
  args: { show: 'show-2' },
  parameters: { kith: { latency: 3_600_000 } satisfies KithStoryParameters },
  play: async ({ canvasElement }) => {
    const el = badgeIn(canvasElement);
    await expect(el.getAttribute('state')).toBe('loading');
    await expect(el.shadowRoot!.querySelector('.skeleton')).not.toBeNull();
    await expect(el.getBoundingClientRect().height).toBeGreaterThan(20);
  },
};

/** Real time: show-1 goes scheduled → live (viewers rising) → ended with a replay, then loops. */
export const RealTime: Story = {
  name: 'Real-time scenario',
  args: { show: 'show-1' },
  parameters: {
    kith: {
      scenario: { show: 'show-1', scheduledFor: 1500, liveFor: 6000, endedFor: 3000, loop: true },
    } satisfies KithStoryParameters,
  },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(text(canvasElement, 'label')).toMatch(/Live in|Starting soon/));
    await waitFor(() => expect(text(canvasElement, 'label')).toBe('LIVE'), { timeout: 4000 });
    await expect(text(canvasElement, 'viewers')).toBe('120 watching');
  },
};

// ── THEMES, LANGUAGES, STRINGS ────────────────────────────────────────────────────────────────

/** `theme="dark"`, on a dark page (the Theme toolbar does the same for every story). */
export const DarkTheme: Story = {
  name: 'Dark theme',
  args: { show: 'show-2', theme: 'dark' },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(text(canvasElement, 'viewers')).toContain('watching'));
    await expect(badgeIn(canvasElement).getAttribute('theme')).toBe('dark');
  },
};

/** Simplified Chinese from the surrounding `lang` (the Locale toolbar); strings load on demand. */
export const ChineseSimplified: Story = {
  name: 'zh-CN',
  args: { show: 'show-2' },
  globals: { locale: 'zh-CN' },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(text(canvasElement, 'label')).toBe('直播中'));
    await expect(text(canvasElement, 'viewers')).toBe('1284人观看');
  },
};

/** Per-instance string overrides through the `strings` property (or a JSON attribute). */
export const StringOverrides: Story = {
  name: 'String overrides',
  args: { show: 'show-2', strings: { live: 'ON AIR', viewers: '{viewers} tuned in' } },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(text(canvasElement, 'label')).toBe('ON AIR'));
    await expect(text(canvasElement, 'viewers')).toBe('1.3K tuned in');
  },
};

/** Signed out, as every viewer: a show's status needs no sign-in. */
export const SignedOut: Story = {
  args: { show: 'show-2' },
  play: async ({ canvasElement, loaded }) => {
    await expect((loaded.adapter as MemoryAdapter).customer).toBe(null);
    await waitFor(() => expect(text(canvasElement, 'viewers')).toBe('1.3K watching'));
  },
};
