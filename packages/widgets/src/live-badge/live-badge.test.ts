import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import { configure, type KithErrorDetail, type LiveShow } from '@kith/core';
import { createMemoryAdapter, demoSeed, type MemoryAdapter } from '@kith/adapter-memory';
import { KithLiveBadge } from './live-badge.js';
import './define.js';

const part = (el: HTMLElement, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
const liveRegion = (el: HTMLElement) => el.shadowRoot!.querySelector<HTMLElement>('[aria-live="polite"]')!;

function adapterWith(
  shows?: (s: LiveShow[]) => LiveShow[],
  extra: Parameters<typeof createMemoryAdapter>[0] = {},
): MemoryAdapter {
  const seed = demoSeed();
  if (shows) seed.shows = shows(seed.shows);
  return createMemoryAdapter({ seed, ...extra });
}

async function badge(
  adapter: MemoryAdapter,
  attrs: { show?: string; product?: string; lang?: string } = { show: 'show-1' },
) {
  const el = await fixture<KithLiveBadge>(
    html`<kith-live-badge .adapter=${adapter} show=${attrs.show ?? ''} product=${attrs.product ?? ''} lang=${attrs.lang ?? 'en'}></kith-live-badge>`,
  );
  if (!attrs.show) el.removeAttribute('show');
  await waitUntil(() => el.state !== 'loading', 'badge never left loading');
  await el.updateComplete;
  return el;
}

describe('<kith-live-badge>', () => {
  let adapter: MemoryAdapter;
  afterEach(() => adapter?.dispose());

  describe('states', () => {
    it('scheduled: countdown and an .ics add-to-calendar link', async () => {
      adapter = adapterWith();
      const el = await badge(adapter);
      expect(el.state).to.equal('ready');
      expect(part(el, 'label')!.textContent).to.match(/^Live in 2 hr\.?$/);
      const cal = part(el, 'calendar') as HTMLAnchorElement;
      expect(cal.getAttribute('download')).to.equal('show-1.ics');
      const ics = decodeURIComponent(cal.href.replace(/^data:text\/calendar;charset=utf-8,/, ''));
      expect(ics).to.include('BEGIN:VEVENT').and.include('SUMMARY:Autumn drop\\, live from the studio');
      expect(ics).to.match(/DTSTART:\d{8}T\d{6}Z/);
      await expect(el).to.be.accessible();
    });

    it('live: dot, formatted viewer count and an accessible name with the title', async () => {
      adapter = adapterWith();
      const el = await badge(adapter, { show: 'show-2' });
      expect(part(el, 'dot')).to.exist;
      expect(part(el, 'viewers')!.textContent).to.equal('1.3K watching');
      const link = part(el, 'pill') as HTMLAnchorElement;
      expect(link.href).to.equal('https://live.example.com/show-2');
      // Visible text first, then the title (label in name).
      expect(link.textContent!.replace(/\s+/g, ' ').trim()).to.equal('LIVE 1.3K watching: Sneaker unboxing');
      await expect(el).to.be.accessible();
    });

    it('ended: a replay link when there is one', async () => {
      adapter = adapterWith();
      const el = await badge(adapter, { show: 'show-3' });
      const link = part(el, 'pill') as HTMLAnchorElement;
      expect(link.href).to.equal('https://live.example.com/show-3/replay');
      expect(part(el, 'label')!.textContent).to.equal('Watch replay');
      await expect(el).to.be.accessible();
    });

    it('ended without a replay: plain text, no link', async () => {
      adapter = adapterWith((s) => s.map((x) => (x.id === 'show-3' ? { ...x, replayUrl: undefined } : x)));
      const el = await badge(adapter, { show: 'show-3' });
      expect(el.shadowRoot!.querySelector('a')).to.equal(null);
      expect(part(el, 'label')!.textContent).to.equal('Stream ended');
      await expect(el).to.be.accessible();
    });

    it('loading: reserves its size before data arrives', async () => {
      adapter = adapterWith(undefined, { latency: 300 });
      const el = await fixture<KithLiveBadge>(
        html`<kith-live-badge .adapter=${adapter} show="show-2"></kith-live-badge>`,
      );
      expect(el.state).to.equal('loading');
      const loading = el.getBoundingClientRect();
      expect(loading.height).to.be.greaterThan(20);
      expect(loading.width).to.be.greaterThan(60);
      await expect(el).to.be.accessible();
      await waitUntil(() => el.state === 'ready');
      expect(el.getBoundingClientRect().height).to.equal(loading.height);
    });

    it('none: a product without shows collapses in place', async () => {
      adapter = adapterWith();
      const el = await badge(adapter, { product: 'no-shows-here' });
      expect(el.state).to.equal('empty');
      expect(getComputedStyle(el).visibility).to.equal('hidden');
      expect(el.getBoundingClientRect().height).to.be.greaterThan(20);
      await expect(el).to.be.accessible();
    });

    it('product: badges the show the adapter finds for the product', async () => {
      adapter = adapterWith((s) => [...s, { ...s[1]!, id: 'show-9', status: 'scheduled', productIds: ['p3'] }]);
      const el = await badge(adapter, { product: 'p3' });
      expect(part(el, 'viewers')).to.exist;
    });
  });

  describe('api failure', () => {
    it('an adapter without live shopping leaves the badge empty, not failed', async () => {
      adapter = adapterWith();
      const { live: _live, ...rest } = adapter;
      const noLive = { ...rest, capabilities: new Set(['reviews'] as const) };
      const el = await fixture<KithLiveBadge>(
        html`<kith-live-badge .adapter=${noLive} show="show-2"></kith-live-badge>`,
      );
      await waitUntil(() => el.state !== 'loading');
      expect(el.state).to.equal('empty');
    });

    it('a render error shows the fallback once and stays there (no fail/retry loop)', async () => {
      adapter = adapterWith();
      const el = await badge(adapter, { show: 'show-2' });
      let errors = 0;
      el.addEventListener('kith-error', () => errors++);
      (el as unknown as { renderPill: () => never }).renderPill = () => {
        throw new Error('bug');
      };
      el.requestUpdate();
      await waitUntil(() => el.state === 'error');
      for (let i = 0; i < 5; i++) await el.updateComplete;
      await new Promise((r) => setTimeout(r, 50));
      expect(errors).to.equal(1);
      expect(el.state).to.equal('error');
    });

    it('collapses in place, emits kith-error and throws nothing into the page', async () => {
      const errors: unknown[] = [];
      const onError = (e: ErrorEvent) => errors.push(e.error);
      const onRejection = (e: PromiseRejectionEvent) => errors.push(e.reason);
      window.addEventListener('error', onError);
      window.addEventListener('unhandledrejection', onRejection);
      try {
        adapter = adapterWith(undefined, { failure: 'always', latency: 20 });
        const wrapper = await fixture<HTMLDivElement>(
          html`<div><kith-live-badge show="show-1"></kith-live-badge></div>`,
        );
        const el = wrapper.querySelector('kith-live-badge')!;
        const before = el.getBoundingClientRect();
        const seen = oneEvent(wrapper, 'kith-error') as Promise<CustomEvent<KithErrorDetail>>;
        el.adapter = adapter;
        const event = await seen;
        expect(event.detail.widget).to.equal('kith-live-badge');
        expect(event.detail.error.code).to.equal('network');
        expect(event.composed).to.equal(true);
        await el.updateComplete;
        expect(el.state).to.equal('error');
        expect(getComputedStyle(el).visibility).to.equal('hidden');
        const after = el.getBoundingClientRect();
        expect([after.width, after.height]).to.deep.equal([before.width, before.height]);
        await expect(el).to.be.accessible();
        await new Promise((r) => setTimeout(r, 50));
        expect(errors).to.deep.equal([]);
      } finally {
        window.removeEventListener('error', onError);
        window.removeEventListener('unhandledrejection', onRejection);
      }
    });

    it('recovers when given a working adapter', async () => {
      adapter = adapterWith(undefined, { failure: 'always' });
      const el = await badge(adapter, { show: 'show-2' });
      expect(el.state).to.equal('error');
      const good = adapterWith();
      el.adapter = good;
      await waitUntil(() => el.state === 'ready');
      good.dispose();
    });
  });

  describe('real time', () => {
    it('follows the show scheduled → live → ended, announcing status changes politely', async () => {
      adapter = adapterWith();
      const el = await badge(adapter);
      expect(liveRegion(el).getAttribute('role')).to.equal('status');

      adapter.control.startShow('show-1', 120);
      await waitUntil(() => part(el, 'viewers')?.textContent === '120 watching');
      expect(liveRegion(el).textContent).to.equal('Live now: Autumn drop, live from the studio, 120 watching');
      await expect(el).to.be.accessible();

      adapter.control.setViewers('show-1', 4321);
      await waitUntil(() => part(el, 'viewers')?.textContent === '4.3K watching');
      // Counters are throttled: a screen reader is not told every tick.
      expect(liveRegion(el).textContent).to.equal('Live now: Autumn drop, live from the studio, 120 watching');

      adapter.control.endShow('show-1', 'https://live.example.com/replay-1');
      await waitUntil(() => el.shadowRoot!.querySelector('.ended'));
      expect(liveRegion(el).textContent).to.equal('Stream ended');
      await expect(el).to.be.accessible();
      expect((part(el, 'pill') as HTMLAnchorElement).href).to.equal('https://live.example.com/replay-1');
    });

    it('leaves no subscription or timer behind after disconnect', async () => {
      const pending = new Set<unknown>();
      const { setTimeout: realSet, clearTimeout: realClear } = window;
      window.setTimeout = ((fn: () => void, ms?: number, ...args: unknown[]) => {
        const id = realSet(
          () => {
            pending.delete(id);
            fn();
          },
          ms,
          ...args,
        );
        pending.add(id);
        return id;
      }) as typeof setTimeout;
      window.clearTimeout = ((id: number) => {
        pending.delete(id);
        realClear(id);
      }) as typeof clearTimeout;
      try {
        adapter = adapterWith((s) =>
          s.map((x) => (x.id === 'show-1' ? { ...x, startsAt: new Date(Date.now() + 90_000).toISOString() } : x)),
        );
        const el = await badge(adapter);
        adapter.control.startShow('show-1', 10);
        await waitUntil(() => part(el, 'viewers'));
        adapter.control.setViewers('show-1', 20); // queues a throttled announcement timer
        await el.updateComplete;
        expect(adapter.activeSubscriptions).to.equal(1);
        expect(pending.size).to.be.greaterThan(0);
        el.remove();
        // nanostores keeps a store mounted for 1 s after its last listener leaves.
        await new Promise((r) => realSet(r, 1100));
        expect(adapter.activeSubscriptions).to.equal(0);
        expect(pending.size).to.equal(0);
      } finally {
        window.setTimeout = realSet;
        window.clearTimeout = realClear;
      }
    });

    it('badges for one show share one subscription', async () => {
      adapter = adapterWith();
      await fixture(html`<div>
        <kith-live-badge .adapter=${adapter} show="show-2"></kith-live-badge>
        <kith-live-badge .adapter=${adapter} show="show-2"></kith-live-badge>
      </div>`);
      await waitUntil(() => adapter.activeSubscriptions > 0);
      await new Promise((r) => setTimeout(r, 20));
      expect(adapter.activeSubscriptions).to.equal(1);
    });
  });

  describe('events', () => {
    it('kith-live-open bubbles, is composed, and cancelling it keeps the page where it is', async () => {
      adapter = adapterWith();
      const el = await badge(adapter, { show: 'show-2' });
      const heard = new Promise<CustomEvent>((resolve) =>
        document.addEventListener(
          'kith-live-open',
          (e) => {
            e.preventDefault();
            resolve(e);
          },
          { once: true },
        ),
      );
      const click = new MouseEvent('click', { bubbles: true, composed: true, cancelable: true });
      part(el, 'pill')!.dispatchEvent(click);
      const e = await heard;
      expect(e.bubbles && e.composed && e.cancelable).to.equal(true);
      expect(e.detail.url).to.equal('https://live.example.com/show-2');
      expect(e.detail.show.id).to.equal('show-2');
      expect(click.defaultPrevented).to.equal(true);
    });

    it('is keyboard usable: Tab reaches the link and Enter opens it', async () => {
      adapter = adapterWith();
      const el = await badge(adapter, { show: 'show-2' });
      const before = document.createElement('button');
      before.textContent = 'before';
      el.before(before);
      before.focus();
      await sendKeys({ press: 'Tab' });
      expect(el.shadowRoot!.activeElement).to.equal(part(el, 'pill'));
      const heard = new Promise<CustomEvent>((resolve) =>
        document.addEventListener(
          'kith-live-open',
          (e) => {
            e.preventDefault();
            resolve(e);
          },
          { once: true },
        ),
      );
      await sendKeys({ press: 'Enter' });
      expect((await heard).detail.show.id).to.equal('show-2');
      before.remove();
    });

    it('href and target override the link', async () => {
      adapter = adapterWith();
      const el = await fixture<KithLiveBadge>(
        html`<kith-live-badge .adapter=${adapter} show="show-2" href="/live/sneakers" target="_blank"></kith-live-badge>`,
      );
      await waitUntil(() => el.state === 'ready');
      await el.updateComplete;
      const a = part(el, 'pill') as HTMLAnchorElement;
      expect(a.getAttribute('href')).to.equal('/live/sneakers');
      expect(a.target).to.equal('_blank');
    });
  });

  describe('analytics and consent', () => {
    it('sends nothing before consent and nothing is stored; after consent, clicks reach the sink', async () => {
      const events: { name: string; widget: string; props?: Record<string, unknown> }[] = [];
      configure({ analytics: (e) => events.push(e), consent: 'denied' });
      adapter = adapterWith();
      const el = await badge(adapter, { show: 'show-2' });
      const click = () => {
        const c = new MouseEvent('click', { bubbles: true, composed: true, cancelable: true });
        c.preventDefault();
        part(el, 'pill')!.dispatchEvent(c);
      };
      click();
      expect(events).to.deep.equal([]);
      expect(document.cookie).to.equal('');
      expect(localStorage.length + sessionStorage.length).to.equal(0);
      document.dispatchEvent(new CustomEvent('kith-consent', { detail: 'granted' }));
      click();
      expect(events.map((e) => [e.name, e.widget, e.props?.status])).to.deep.equal([
        ['widget_click', 'live-badge', 'live'],
      ]);
      adapter.control.endShow('show-2');
      await waitUntil(() => events.length === 2);
      expect([events[1]!.name, events[1]!.props]).to.deep.equal([
        'live_status_change',
        { status: 'ended', from: 'live' },
      ]);
      configure({ consent: 'denied', analytics: [] });
    });
  });

  describe('i18n and theming', () => {
    it('speaks zh-CN from the lang attribute (strings load on demand)', async () => {
      adapter = adapterWith();
      const el = await badge(adapter, { show: 'show-2', lang: 'zh-CN' });
      await waitUntil(() => part(el, 'label')!.textContent === '直播中');
      expect(part(el, 'viewers')!.textContent).to.equal('1284人观看');
    });

    it('configure({ locale }) wins over <html lang>, and an own lang wins over both', async () => {
      adapter = adapterWith();
      configure({ locale: 'zh-CN' });
      try {
        const el = await fixture<KithLiveBadge>(
          html`<kith-live-badge .adapter=${adapter} show="show-2"></kith-live-badge>`,
        );
        await waitUntil(() => part(el, 'label')?.textContent === '直播中');
        el.lang = 'en';
        await waitUntil(() => part(el, 'label')?.textContent === 'LIVE');
      } finally {
        configure({ locale: 'en' });
      }
    });

    it('a bad lang or strings value falls back instead of failing (and never loops)', async () => {
      adapter = adapterWith();
      const errors: Event[] = [];
      document.addEventListener('kith-error', (e) => errors.push(e));
      const el = await fixture<KithLiveBadge>(
        html`<kith-live-badge .adapter=${adapter} show="show-2" lang="en_US" strings="{not json"></kith-live-badge>`,
      );
      await waitUntil(() => el.state === 'ready');
      await el.updateComplete;
      expect(part(el, 'label')!.textContent).to.equal('LIVE');
      expect(errors).to.have.length(0);
    });

    it('takes per-instance string overrides from a JSON attribute', async () => {
      adapter = adapterWith();
      const el = await fixture<KithLiveBadge>(
        html`<kith-live-badge .adapter=${adapter} show="show-2" strings='{"live":"ON AIR"}'></kith-live-badge>`,
      );
      await waitUntil(() => part(el, 'label')?.textContent === 'ON AIR');
    });

    it('renders with no theme loaded and follows theme="dark"', async () => {
      adapter = adapterWith();
      const page = await fixture<HTMLDivElement>(
        html`<div><kith-live-badge .adapter=${adapter} show="show-1"></kith-live-badge></div>`,
      );
      const el = page.querySelector('kith-live-badge')!;
      await waitUntil(() => el.state === 'ready');
      await el.updateComplete;
      const light = getComputedStyle(part(el, 'pill')!).backgroundColor;
      expect(light).to.equal('rgb(243, 244, 246)');
      el.theme = 'dark';
      page.style.background = '#0d1117'; // theme="dark" is for dark pages
      await el.updateComplete;
      expect(getComputedStyle(part(el, 'pill')!).backgroundColor).to.equal('rgb(38, 44, 54)');
      await expect(el).to.be.accessible();
    });

    it('stops pulsing under prefers-reduced-motion', async () => {
      adapter = adapterWith();
      const el = await badge(adapter, { show: 'show-2' });
      expect(getComputedStyle(part(el, 'dot')!).animationName).to.equal('pulse');
      await emulateMedia({ reducedMotion: 'reduce' });
      try {
        expect(getComputedStyle(part(el, 'dot')!).animationName).to.equal('none');
      } finally {
        await emulateMedia({ reducedMotion: 'no-preference' });
      }
    });
  });

  describe('quality', () => {
    it('logs no Lit dev warning through a whole show', async () => {
      const warnings: string[] = [];
      const warn = console.warn;
      console.warn = (...a: unknown[]) => warnings.push(a.map(String).join(' '));
      try {
        adapter = adapterWith();
        const el = await badge(adapter);
        adapter.control.startShow('show-1', 5);
        await waitUntil(() => part(el, 'viewers'));
        adapter.control.endShow('show-1');
        await waitUntil(() => el.shadowRoot!.querySelector('.ended'));
        el.remove();
      } finally {
        console.warn = warn;
      }
      expect(warnings.filter((w) => /lit\.dev|Lit is/i.test(w))).to.deep.equal([]);
    });

    it('lays out right to left with logical properties', async () => {
      adapter = adapterWith();
      const page = await fixture<HTMLDivElement>(
        html`<div dir="rtl"><kith-live-badge .adapter=${adapter} show="show-1"></kith-live-badge></div>`,
      );
      const el = page.querySelector('kith-live-badge')!;
      await waitUntil(() => el.state === 'ready');
      await el.updateComplete;
      expect(part(el, 'calendar')!.getBoundingClientRect().right).to.be.lessThan(
        part(el, 'pill')!.getBoundingClientRect().left,
      );
    });
  });

  describe('registration', () => {
    it('a second definition warns and keeps the first, without throwing', async () => {
      const warnings: unknown[][] = [];
      const warn = console.warn;
      console.warn = (...args: unknown[]) => warnings.push(args);
      try {
        class Other extends KithLiveBadge {}
        expect(() => Other.define('kith-live-badge')).not.to.throw();
        expect(customElements.get('kith-live-badge')).to.equal(KithLiveBadge);
        expect(String(warnings[0]?.[0])).to.include('<kith-live-badge> is already defined');
        warnings.length = 0;
        KithLiveBadge.define('kith-live-badge');
        expect(warnings).to.deep.equal([]);
      } finally {
        console.warn = warn;
      }
    });
  });
});
