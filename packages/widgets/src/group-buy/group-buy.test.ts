import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { nothing } from 'lit';
import { configure, HttpError, NetworkError, type KithGroupJoinDetail } from '@kith/core';
import {
  createMemoryAdapter,
  demoGroupBuyOutcomes,
  demoSeed,
  demoTeams,
  type MemoryAdapter,
  type MemorySeed,
} from '@kith/adapter-memory';
import type { KithGroupBuy } from './group-buy.js';
import './define.js';

const HOUR = 3_600_000;
const LIN = { id: 'c-me', displayName: 'Lin' };
const ANA = { id: 'c-ana', displayName: 'Ana' };
const sr = (el: HTMLElement) => el.shadowRoot!;
const part = (el: HTMLElement, name: string) => sr(el).querySelector<HTMLElement>(`[part~="${name}"]`);
const text = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const button = (el: HTMLElement, act: string, id?: string) =>
  sr(el).querySelector<HTMLButtonElement>(`[data-act="${act}"]${id ? `[data-id="${id}"]` : ''}`);
const liveRegion = (el: HTMLElement) => text(sr(el).querySelector('[aria-live="polite"]'));

function adapterWith(
  change?: (seed: MemorySeed, now: number) => void,
  customer: typeof LIN | null = LIN,
): MemoryAdapter {
  const now = Date.now();
  const seed = demoSeed(now);
  change?.(seed, now);
  // Starts, joins and leaves answer the demo's outcomes: a held seat, added or taken away.
  return createMemoryAdapter({ seed, outcomes: demoGroupBuyOutcomes, ...(customer ? { customer } : {}) });
}

async function widget(adapter: MemoryAdapter, attrs: { team?: string; lang?: string } = {}) {
  const el = await fixture<KithGroupBuy>(
    html`<kith-group-buy .adapter=${adapter} product="p1" team=${attrs.team ?? nothing} lang=${attrs.lang ?? 'en'} customer-name="Lin"></kith-group-buy>`,
  );
  await waitUntil(() => el.state !== 'loading', 'never left loading');
  await el.updateComplete;
  return el;
}

describe('<kith-group-buy>', () => {
  let adapter: MemoryAdapter;
  afterEach(() => adapter?.dispose());

  it('shows solo and team prices, the reward, open teams with spots and deadlines, and start', async () => {
    adapter = adapterWith();
    const el = await widget(adapter);
    expect(el.state).to.equal('ready');
    expect(text(part(el, 'prices'))).to.equal('Buy alone $59.00 Team price from $50.15');
    expect(text(part(el, 'note'))).to.equal('Bonus for teams that succeed: Free gift wrap');
    const rows = [...sr(el).querySelectorAll('[part="teams"] > li')].map(text);
    expect(rows.length).to.be.greaterThan(0);
    expect(rows[0]).to.match(/^[\w ]+'s team \d spots? left · \d+:\d\d:\d\d Join$/);
    expect(button(el, 'join')!.getAttribute('aria-label')).to.match(/^Join [\w ]+'s team$/);
    expect(text(button(el, 'start'))).to.equal('Start a team at $53.10');
    await expect(el).to.be.accessible();
  });

  it('open teams after the first wait behind "N more teams", so an offer fits the box reserved for it', async () => {
    adapter = adapterWith((seed, now) => {
      const [t1, t2] = demoTeams(now);
      const more = [3, 4, 5].map((n) => ({ ...t1!, id: `team-${n}`, leaderName: `Leader ${n}` }));
      seed.teams = [t1!, t2!, ...more];
      seed.offers![0]!.teams = seed.teams.map((t) => t.id);
    });
    const el = await widget(adapter);
    const rows = () => [...sr(el).querySelectorAll('[part="teams"] > li')].filter((li) => li.checkVisibility());
    expect(rows().map(text)[0]).to.match(/^Wei's team/);
    expect(rows().length).to.equal(1);
    const more = sr(el).querySelector('details')!;
    expect(text(more.querySelector('summary'))).to.equal('4 more teams');
    // The widget’s height is the reserved one (19em): the page below did not move.
    const reserved = 19 * parseFloat(getComputedStyle(el).fontSize);
    expect(Math.abs(el.getBoundingClientRect().height - reserved)).to.be.below(1);
    await expect(el).to.be.accessible();
    more.querySelector('summary')!.click();
    await waitUntil(() => rows().length === 5, 'the other teams did not open');
    expect(button(el, 'join', 'team-5')).to.not.equal(null);
    await expect(el).to.be.accessible();
  });

  it('a reward with points says how many each member earns', async () => {
    adapter = adapterWith((seed) => {
      const offer = seed.offers![0]!;
      seed.offers![0] = {
        ...offer,
        campaign: { ...offer.campaign, reward: { description: 'Free gift wrap', points: 100 } },
      };
    });
    const el = await widget(adapter);
    expect(text(part(el, 'note'))).to.equal('Bonus for teams that succeed: Free gift wrap · +100 points');
  });

  it('start: holds a seat, hands the team price to the host, and shows the team with its progress', async () => {
    adapter = adapterWith();
    const el = await widget(adapter);
    const joined = oneEvent(el, 'kith-group-join');
    button(el, 'start')!.click();
    const { detail } = (await joined) as CustomEvent<KithGroupJoinDetail>;
    expect(detail.price).to.deep.equal({ minor: 5310, currency: 'USD' });
    expect(detail.leader).to.equal(true);
    expect(Date.parse(detail.holdExpiresAt)).to.be.greaterThan(Date.now() + 14 * 60_000);
    await waitUntil(() => text(part(el, 'seat')).startsWith('Seat held'));
    expect(text(sr(el).querySelector('#team-name'))).to.equal('Your team Forming');
    const bar = part(el, 'progress')!;
    expect(bar.getAttribute('role')).to.equal('progressbar');
    expect(bar.getAttribute('aria-valuenow')).to.equal('0');
    expect(bar.getAttribute('aria-valuetext')).to.equal('0 joined · 2 more for $53.10');
    expect(bar.querySelectorAll('.held').length).to.equal(1);
    expect(text(part(el, 'seat'))).to.match(/^Seat held at \$53\.10: finish checkout within 0:1[45]:\d\d\.$/);
    // In a team: no start button, no other teams to join.
    expect(button(el, 'start')).to.equal(null);
    expect(part(el, 'teams')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('a cancelled kith-group-join gives the seat back', async () => {
    adapter = adapterWith();
    const el = await widget(adapter);
    el.addEventListener('kith-group-join', (e) => e.preventDefault(), { once: true });
    const left = oneEvent(el, 'kith-group-leave');
    button(el, 'start')!.click();
    await left;
    await waitUntil(() => button(el, 'start') !== null, 'start offered again');
    const offer = await adapter.groupBuy!.getOffer('p1');
    expect(offer!.yourTeam).to.equal(null);
  });

  it('live: another shopper joins and both pay; the team succeeds on screen and is announced', async () => {
    adapter = adapterWith();
    const el = await widget(adapter);
    button(el, 'start')!.click();
    await waitUntil(() => el.shadowRoot!.querySelector('[part="seat"]'));
    const teamId = (await adapter.groupBuy!.getOffer('p1'))!.yourTeam!.id;
    // Ana joins: the team as the server would push it.
    const ana = { initials: 'A', leader: false, seat: 'held' as const };
    adapter.control.setTeam(teamId, (t) => ({ members: [...t.members, ana], seatCount: 2 }));
    await waitUntil(() => part(el, 'progress')!.querySelectorAll('.held').length === 2, 'the join arrives live');
    // The merchant reported both orders: the server confirms the seats and the team succeeds at 2.
    adapter.control.setTeam(teamId, (t) => ({
      members: t.members.map((m) => ({ ...m, seat: 'confirmed' as const })),
      confirmedCount: 2,
      state: 'succeeded',
      tierReached: t.tiers[0]!,
      you: { [LIN.id]: { seat: 'confirmed', leader: true, price: t.tiers[0]!.price } },
    }));
    await waitUntil(() => text(part(el, 'state')) === 'Team price unlocked', 'success arrives live');
    expect(part(el, 'progress')!.getAttribute('aria-valuetext')).to.equal('2 joined · 1 more for $50.15');
    await waitUntil(() => text(part(el, 'seat')) === "You're in: you pay $53.10.", 'own seat re-read as confirmed');
    await waitUntil(() => liveRegion(el) === 'Team price unlocked: everyone pays $53.10');
    expect([...part(el, 'tiers')!.children].map(text)).to.deep.equal(['✓ 2 people: $53.10', '3 people: $50.15']);
    // Succeeded: no leaving.
    expect(button(el, 'leave')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('joining a team that filled meanwhile explains itself and shows the current teams', async () => {
    adapter = adapterWith();
    const el = await widget(adapter);
    const row = sr(el).querySelector<HTMLButtonElement>('[part="teams"] [data-act="join"]')!;
    const id = row.dataset.id!;
    // Others took the last seats meanwhile: the team is full, no longer listed, and the server refuses the join.
    const held = { initials: 'S', leader: false, seat: 'held' as const };
    adapter.control.setTeam(id, (t) => ({ members: [...t.members, held, held], seatCount: 3 }));
    adapter.control.update((f) => {
      f.offers![0] = { ...f.offers![0]!, teams: f.offers![0]!.teams.filter((x) => x !== id) };
    });
    adapter.control.next('groupBuy.joinTeam', new HttpError(409, 'team_full', 'This team is full'));
    row.click();
    await waitUntil(() => text(part(el, 'message')) === 'That team just filled up. Join another or start your own.');
    await waitUntil(() => !button(el, 'join', id), 'the full team leaves the list');
  });

  it('signed out: no start or join but a line with the sign-in link, and no customer-only request', async () => {
    const ops: string[] = [];
    adapter = createMemoryAdapter({
      seed: demoSeed(Date.now()),
      outcomes: demoGroupBuyOutcomes,
      failure: (op) => (ops.push(op), false),
    });
    const el = await fixture<KithGroupBuy>(
      html`<kith-group-buy .adapter=${adapter} product="p1" lang="en" sign-in-url="/account/login"></kith-group-buy>`,
    );
    await waitUntil(() => el.state === 'ready');
    await el.updateComplete;
    expect(button(el, 'start')).to.equal(null);
    expect(button(el, 'join')).to.equal(null);
    expect(sr(el).querySelectorAll('[part="teams"] > li').length).to.be.greaterThan(0, 'open teams are still shown');
    const line = part(el, 'sign-in')!;
    expect(text(line)).to.equal('Sign in to start or join a team');
    expect(line.querySelector('a')!.getAttribute('href')).to.equal('/account/login');
    expect(ops.filter((op) => /startTeam|joinTeam|leaveTeam/.test(op))).to.deep.equal([]);
    await expect(el).to.be.accessible();
  });

  it('signed out: the sign-in page comes from configure({ signInUrl }), in every locale; without one, the line is text', async () => {
    adapter = adapterWith(undefined, null);
    configure({ signInUrl: '/login?from=kith' });
    try {
      for (const [lang, words] of [
        ['en', 'Sign in to start or join a team'],
        ['zh-CN', '登录后即可开团或参团'],
        ['zh-TW', '登入後即可開團或參團'],
      ] as const) {
        const el = await widget(adapter, { lang });
        await waitUntil(() => text(part(el, 'sign-in')) === words, `${lang}: ${text(part(el, 'sign-in'))}`);
        expect(part(el, 'sign-in')!.querySelector('a')!.getAttribute('href')).to.equal('/login?from=kith');
        await expect(el).to.be.accessible();
      }
    } finally {
      configure({ signInUrl: '' });
    }
    const el = await widget(adapter);
    expect(part(el, 'sign-in')!.querySelector('a')).to.equal(null);
    expect(text(part(el, 'sign-in'))).to.equal('Sign in to start or join a team');
  });

  it('a sign-in that expired (the server answers 401) asks the shopper to sign in', async () => {
    // The page still holds a token (signedIn says yes) that the server no longer takes.
    const view = adapterWith(undefined, null);
    adapter = view;
    const el = await widget({ ...view, signedIn: () => true } as MemoryAdapter);
    button(el, 'join')!.click();
    await waitUntil(() => text(part(el, 'message')) === 'Please sign in to join a team.');
    await expect(el).to.be.accessible();
  });

  it("a refusal reads from the string table by its code, in the shopper's language, never the server's English", async () => {
    adapter = adapterWith();
    // A code the widget has words for; one it has none for, and no answer at all: the generic message.
    for (const [refusal, words] of [
      [new HttpError(409, 'sold_out', 'Every team-price unit is taken'), '已售罄：拼团名额已满。'],
      [
        new HttpError(503, 'database_unavailable', 'The database is unavailable; try again shortly'),
        '操作失败，请重试。',
      ],
      [new NetworkError(), '操作失败，请重试。'],
    ] as const) {
      const refusing = {
        ...adapter,
        groupBuy: { ...adapter.groupBuy!, joinTeam: () => Promise.reject(refusal) },
      } as MemoryAdapter;
      const el = await widget(refusing, { lang: 'zh-CN' });
      button(el, 'join')!.click();
      await waitUntil(() => text(part(el, 'message')) === words, `${refusal.code}: ${text(part(el, 'message'))}`);
    }
  });

  it('leave: gives the seat back while forming', async () => {
    adapter = adapterWith();
    const el = await widget(adapter);
    button(el, 'start')!.click();
    await waitUntil(() => button(el, 'leave'));
    const left = oneEvent(el, 'kith-group-leave');
    button(el, 'leave')!.click();
    await left;
    await waitUntil(() => button(el, 'start'), 'can start again');
  });

  it('keyboard: focus goes to the new team’s actions after a join, and back to its Join after leaving (never dropped to the page)', async () => {
    adapter = adapterWith();
    // Wei's forming team, which Lin can join and leave.
    const id = 'team-1';
    const el = await widget(adapter);
    const join = button(el, 'join', id)!;
    // A pressed button is disabled while the request runs, which takes focus away from it.
    join.focus();
    join.click();
    await waitUntil(() => button(el, 'leave'), 'not joined');
    // Compared by identity in waitUntil: chai's diff of two elements never finishes.
    await waitUntil(
      () => sr(el).activeElement === button(el, 'share'),
      'focus did not go to Invite friends after joining',
    );
    button(el, 'leave')!.focus();
    button(el, 'leave')!.click();
    // Leaving reloads the teams: focus waits for the list, where the team's Join is back.
    await waitUntil(
      () => !button(el, 'leave') && sr(el).activeElement === button(el, 'join', id),
      'focus did not go back to Join after leaving',
    );
    await new Promise((r) => setTimeout(r, 100));
    expect(sr(el).activeElement === button(el, 'join', id), 'focus stays on Join').to.equal(true);
  });

  it('a shared team link shows that team first, with a join button naming the leader', async () => {
    adapter = adapterWith(undefined, ANA);
    const offer = (await adapter.groupBuy!.getOffer('p1'))!;
    const shared = offer.teams[0]!;
    const el = await widget(adapter, { team: shared.id });
    await waitUntil(() => text(sr(el).querySelector('#team-name')).startsWith(`${shared.leaderName}'s team`));
    expect(text(button(el, 'join', shared.id))).to.equal(`Join ${shared.leaderName}'s team`);
    await expect(el).to.be.accessible();
  });

  it('expired and closed teams say so, without a countdown or buttons', async () => {
    adapter = adapterWith((seed, now) => {
      const iso = (ms: number) => new Date(ms).toISOString();
      const [wei] = demoTeams(now);
      const member = (initials: string) => ({ initials, leader: false, seat: 'confirmed' as const });
      seed.teams!.push(
        {
          ...wei!,
          id: 'team-x',
          state: 'expired',
          leaderName: 'Xu',
          createdAt: iso(now - 30 * HOUR),
          expiresAt: iso(now - 6 * HOUR),
          endedAt: iso(now - 6 * HOUR),
        },
        {
          ...wei!,
          id: 'team-full',
          state: 'closed',
          members: [...wei!.members, member('M'), member('J')],
          confirmedCount: 3,
          seatCount: 3,
          tierReached: wei!.tiers[1]!,
          endedAt: iso(now - 10 * 60_000),
        },
      );
    }, ANA);
    let el = await widget(adapter, { team: 'team-x' });
    await waitUntil(() => text(part(el, 'state')) === 'Expired');
    expect(text(sr(el).querySelector('article [part="note"]'))).to.equal(
      'The team did not fill in time: no team price is charged.',
    );
    expect(part(el, 'countdown')).to.equal(null);
    expect(sr(el).querySelector('article button')).to.equal(null);
    await expect(el).to.be.accessible();
    el.remove();
    el = await widget(adapter, { team: 'team-full' });
    await waitUntil(() => text(part(el, 'state')) === 'Team complete');
    expect(text(sr(el).querySelector('article [part="note"]'))).to.equal('Everyone in this team pays $50.15.');
    await expect(el).to.be.accessible();
  });

  for (const [name, change, note] of [
    ['campaign over', (c: Record<string, unknown>) => (c.status = 'ended'), 'This group buy has ended.'],
    [
      'sold out',
      (c: Record<string, unknown>) => ((c.status = 'sold_out'), (c.seatsLeft = 0)),
      'Sold out: every team seat is taken.',
    ],
    [
      'scheduled',
      (c: Record<string, unknown>) => (
        (c.status = 'scheduled'),
        (c.startsAt = new Date(Date.now() + 2 * HOUR).toISOString())
      ),
      'Team buying opens in 2 hr.',
    ],
  ] as const) {
    it(`${name}: says so and offers no new team`, async () => {
      adapter = adapterWith((seed) => {
        const offer = { ...seed.offers![0]!, campaign: { ...seed.offers![0]!.campaign } };
        change(offer.campaign as unknown as Record<string, unknown>);
        seed.offers = [name === 'campaign over' ? offer : { ...offer, teams: [] }];
      });
      const el = await widget(adapter);
      expect(text(sr(el).querySelector('.notice'))).to.equal(note);
      expect(button(el, 'start')).to.equal(null);
      await expect(el).to.be.accessible();
    });
  }

  it('share: copies the team link where there is no share sheet', async () => {
    adapter = adapterWith();
    const el = await widget(adapter);
    button(el, 'start')!.click();
    await waitUntil(() => button(el, 'share'));
    let copied = '';
    const share = Object.getOwnPropertyDescriptor(Navigator.prototype, 'share');
    const clipboard = Object.getOwnPropertyDescriptor(Navigator.prototype, 'clipboard');
    Object.defineProperty(navigator, 'share', { value: undefined, configurable: true });
    Object.defineProperty(navigator, 'clipboard', {
      value: { writeText: async (s: string) => void (copied = s) },
      configurable: true,
    });
    try {
      button(el, 'share')!.click();
      await waitUntil(() => text(part(el, 'message')) === 'Link copied');
      const teamId = (await adapter.groupBuy!.getOffer('p1'))!.yourTeam!.id;
      expect(new URL(copied).searchParams.get('kith_team')).to.equal(teamId);
    } finally {
      delete (navigator as unknown as Record<string, unknown>).share;
      delete (navigator as unknown as Record<string, unknown>).clipboard;
      if (share) Object.defineProperty(Navigator.prototype, 'share', share);
      if (clipboard) Object.defineProperty(Navigator.prototype, 'clipboard', clipboard);
    }
  });

  it('a failing API shows a retry in the reserved box and throws nothing into the page', async () => {
    adapter = adapterWith();
    adapter.control.setFailure('always');
    const errors: unknown[] = [];
    const onError = (e: ErrorEvent | PromiseRejectionEvent) => errors.push(e);
    window.addEventListener('error', onError);
    window.addEventListener('unhandledrejection', onError);
    try {
      const el = await widget(adapter);
      expect(el.state).to.equal('error');
      expect(el.getBoundingClientRect().height).to.be.greaterThan(100);
      expect(text(part(el, 'note'))).to.equal('Group buy could not be loaded. Try again');
      await expect(el).to.be.accessible();
      adapter.control.setFailure('none');
      sr(el).querySelector<HTMLButtonElement>('[part="note"] button')!.click();
      await waitUntil(() => el.state === 'ready', 'retry recovers');
      expect(errors).to.deep.equal([]);
    } finally {
      window.removeEventListener('error', onError);
      window.removeEventListener('unhandledrejection', onError);
    }
  });

  it('a product without a campaign is empty; the box stays reserved', async () => {
    adapter = adapterWith();
    const el = await fixture<KithGroupBuy>(
      html`<kith-group-buy .adapter=${adapter} product="p-none"></kith-group-buy>`,
    );
    await waitUntil(() => el.state === 'empty');
    expect(el.getBoundingClientRect().height).to.be.greaterThan(100);
  });

  it('removing the widget closes its stream and its ticking', async () => {
    adapter = adapterWith();
    const el = await widget(adapter);
    button(el, 'start')!.click();
    await waitUntil(() => adapter.activeSubscriptions === 1, 'follows its team');
    el.remove();
    // The team's store closes its stream once nobody shows it: nanostores waits 1 s after the last listener.
    await new Promise((r) => setTimeout(r, 1100));
    expect(adapter.activeSubscriptions).to.equal(0);
  });

  it('the team in focus has one owner, its store: two widgets showing it share one stream, and a push reaches both', async () => {
    adapter = adapterWith(undefined, ANA);
    const shared = (await adapter.groupBuy!.getOffer('p1'))!.teams[0]!;
    const box = await fixture<HTMLElement>(html`<div>
      <kith-group-buy .adapter=${adapter} product="p1" team=${shared.id}></kith-group-buy>
      <kith-group-buy .adapter=${adapter} product="p1" team=${shared.id}></kith-group-buy>
    </div>`);
    const els = [...box.querySelectorAll<KithGroupBuy>('kith-group-buy')];
    const seats = (el: HTMLElement) => part(el, 'progress')?.querySelectorAll('.on, .held').length;
    await waitUntil(() => els.every((el) => seats(el) === shared.seatCount), 'both show the shared team');
    await waitUntil(() => adapter.activeSubscriptions > 0, 'follows the team');
    await new Promise((r) => setTimeout(r, 20));
    expect(adapter.activeSubscriptions).to.equal(1);
    const ana = { initials: 'A', leader: false, seat: 'held' as const };
    adapter.control.setTeam(shared.id, (t) => ({ members: [...t.members, ana], seatCount: t.seatCount + 1 }));
    await waitUntil(() => els.every((el) => seats(el) === shared.seatCount + 1), 'the push reaches both widgets');
  });

  it('speaks Chinese', async () => {
    adapter = adapterWith();
    const el = await widget(adapter, { lang: 'zh-CN' });
    await waitUntil(() => text(sr(el).querySelector('h2')) === '拼团更优惠');
    expect(text(button(el, 'start'))).to.match(/^发起拼团 US\$53\.10$/);
  });
});

describe('<kith-group-buy> writes through one intent', () => {
  it('a join retried after a network error reuses its Idempotency-Key (never two seats); after a refusal the next try is a new intent', async () => {
    const adapter = adapterWith();
    const gb = adapter.groupBuy!;
    const joinTeam = gb.joinTeam!.bind(gb);
    const keys: (string | undefined)[] = [];
    let next: 'network' | 'refuse' | 'ok' = 'network';
    gb.joinTeam = (id, input, o) => {
      keys.push(o?.idempotencyKey);
      if (next === 'network') return Promise.reject(new NetworkError('offline'));
      if (next === 'refuse') return Promise.reject(new HttpError(409, 'team_full', 'Full'));
      return joinTeam(id, input, o);
    };
    const el = await widget(adapter);
    const id = button(el, 'join')!.dataset.id!;
    button(el, 'join', id)!.click();
    await waitUntil(() => text(part(el, 'message')) === 'That did not work. Please try again.', 'no failure message');
    next = 'refuse';
    await waitUntil(() => button(el, 'join', id) && !button(el, 'join', id)!.disabled);
    button(el, 'join', id)!.click();
    await waitUntil(
      () => keys.length === 2 && text(part(el, 'message')).startsWith('That team just filled up'),
      'no refusal',
    );
    next = 'ok';
    await waitUntil(() => button(el, 'join', id) && !button(el, 'join', id)!.disabled);
    button(el, 'join', id)!.click();
    await waitUntil(() => keys.length === 3);
    expect(keys[1]).to.equal(keys[0]);
    expect(keys[2]).to.not.equal(keys[0]);
    adapter.dispose();
  });
});
