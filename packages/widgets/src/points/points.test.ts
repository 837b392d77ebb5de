import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { configure, HttpError, type PointsCheckIn, type PointsRedemption } from '@kith/core';
import {
  createMemoryAdapter,
  pointsScenario,
  type MemoryAdapter,
  type PointsScenarioState,
} from '@kith/adapter-memory';
import type { KithPoints } from './points.js';
import './define.js';

const ME = 'demo-customer';
const sr = (el: HTMLElement) => el.shadowRoot!;
const $ = <E extends Element = HTMLElement>(el: HTMLElement, selector: string) => sr(el).querySelector<E>(selector);
const text = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const part = (el: HTMLElement, name: string) => text($(el, `[part~="${name}"]`));
const button = (el: HTMLElement, act: string, id?: string) =>
  $<HTMLButtonElement>(el, `[data-act="${act}"]${id ? `[data-id="${id}"]` : ''}`);
/** Clicks a control once it is rendered. */
async function click(el: HTMLElement, act: string, id?: string) {
  await waitUntil(() => button(el, act, id), `no ${act} button`);
  button(el, act, id)!.click();
}

function adapterFor(state: PointsScenarioState = 'member', signedIn = true): MemoryAdapter {
  const { seed, customer, outcomes } = pointsScenario(state);
  return createMemoryAdapter({ seed, outcomes, ...(signedIn ? { customer } : {}) });
}

async function widget(adapter: MemoryAdapter, lang = 'en') {
  const el = await fixture<KithPoints>(
    html`<kith-points .adapter=${adapter} lang=${lang} join-url="/join" sign-in-url="/login"></kith-points>`,
  );
  await waitUntil(() => el.state !== 'loading', 'never left loading');
  await el.updateComplete;
  return el;
}

describe('<kith-points>', () => {
  let adapter: MemoryAdapter;
  afterEach(() => adapter?.dispose());

  it('a member: balance with pending, tier and progress, the streak to continue, rewards, ways to earn, badges', async () => {
    adapter = adapterFor();
    const el = await widget(adapter);
    expect(el.state).to.equal('ready');
    expect(part(el, 'balance')).to.equal('840 points +180 pending');
    // Named by text read just before it: screen readers ignore aria-label on a paragraph.
    expect($(el, '[part="balance"]')!.hasAttribute('aria-label')).to.equal(false);
    expect(text($(el, '[part="balance"]')!.previousElementSibling)).to.equal('Your points:');
    expect(part(el, 'tier')).to.equal('Silver tier');
    const bar = $<HTMLProgressElement>(el, 'progress')!;
    expect([bar.value, bar.max]).to.deep.equal([1020, 1500]); // 1,520 lifetime: 1,020 into Silver's 1,500 to Gold
    expect(text(bar.nextElementSibling)).to.equal('480 points more to Gold');
    expect(text(button(el, 'check-in'))).to.equal('Check in: +5');
    const rewards = [...sr(el).querySelectorAll('[part="reward"]')].map(
      (li) =>
        text(li.querySelector('.what strong')) +
        ' | ' +
        text(li.querySelector('.cost')) +
        ' | ' +
        text(li.querySelector('.why')),
    );
    expect(rewards).to.deep.equal([
      'Free shipping on your next order | 300 points | ',
      '$5 off | 500 points | ',
      'Early access: winter drop | 800 points | ',
      '10% off | 1,200 points | 360 points more needed',
      'Canvas tote gift | 2,500 points | Out of stock',
    ]);
    expect(button(el, 'ask', 'rw-tote')!.disabled).to.equal(true);
    expect(button(el, 'ask', 'rw-5off')!.disabled).to.equal(false);
    expect(part(el, 'earn')).to.contain('1 point for every $1.00 you spend');
    expect(sr(el).querySelectorAll('[part="badges"] li.on').length).to.equal(4);
    await expect(el).to.be.accessible();
  });

  it('signed out: how to earn, tiers and the join and sign-in links; no balance, no redeem', async () => {
    adapter = adapterFor('member', false);
    const el = await widget(adapter);
    expect(el.state).to.equal('ready');
    expect($(el, '[part="balance"]')).to.equal(null);
    expect(
      [...sr(el).querySelectorAll('a[part="button"]')].map((a) => [text(a), a.getAttribute('href')]),
    ).to.deep.equal([
      ['Join now', '/join'],
      ['Sign in', '/login'],
    ]);
    expect(sr(el).querySelectorAll('[part="tiers"] li').length).to.equal(3);
    const early = [...sr(el).querySelectorAll('[part="reward"]')].find(
      (li) => text(li.querySelector('strong')) === 'Early access: winter drop',
    );
    expect(text(early!.querySelector('small'))).to.contain('Silver tier and up');
    expect(button(el, 'ask')).to.equal(null);
    expect($(el, '[part="history"]')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('signed out: the account is never asked for (no 401 in the console), and the sign-in link comes from configure({ signInUrl }) in every locale', async () => {
    const ops: string[] = [];
    const { seed } = pointsScenario('member');
    adapter = createMemoryAdapter({ seed, failure: (op) => (ops.push(op), false) });
    configure({ signInUrl: '/login?from=points' });
    try {
      for (const [lang, words] of [
        ['en', 'Sign in'],
        ['zh-CN', '登录'],
        ['zh-TW', '登入'],
      ] as const) {
        const el = await fixture<KithPoints>(html`<kith-points .adapter=${adapter} lang=${lang}></kith-points>`);
        await waitUntil(() => el.state === 'ready');
        await waitUntil(() => text($(el, 'a[part="button"]')) === words, `${lang}: ${text($(el, 'a[part="button"]'))}`);
        expect($(el, 'a[part="button"]')!.getAttribute('href')).to.equal('/login?from=points');
        expect(button(el, 'check-in')).to.equal(null);
        expect(button(el, 'ask')).to.equal(null);
        await expect(el).to.be.accessible();
      }
    } finally {
      configure({ signInUrl: '' });
    }
    expect(ops).to.include('points.getProgram');
    expect(ops.filter((op) => /getAccount|listHistory|checkIn|redeem/.test(op))).to.deep.equal([]);
  });

  it('check-in: updates the balance and streak in place, announces it, emits kith-points-check-in once', async () => {
    adapter = adapterFor();
    const el = await widget(adapter);
    const seen: PointsCheckIn[] = [];
    el.addEventListener('kith-points-check-in', (e) => seen.push(e.detail));
    await click(el, 'check-in');
    await waitUntil(() => part(el, 'check-in').startsWith('Checked in today'));
    expect(text($(el, '[part="check-in"] p'))).to.equal('Checked in today · 3-day streak');
    expect(part(el, 'balance')).to.equal('845 points +180 pending');
    expect(text($(el, '[aria-live="polite"]'))).to.equal('Checked in: +5 points. 3-day streak.');
    expect(seen.map((d) => [d.points, d.streak, d.account.balance])).to.deep.equal([[5, 3, 845]]);
    expect(button(el, 'check-in')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('check-in by keyboard: focus moves to the check-in result, not to the top of the page', async () => {
    adapter = adapterFor();
    const el = await widget(adapter);
    button(el, 'check-in')!.focus();
    await click(el, 'check-in');
    await waitUntil(() => part(el, 'check-in').startsWith('Checked in today'));
    await waitUntil(() => sr(el).activeElement, 'focus was dropped after the check-in');
    expect(sr(el).activeElement?.getAttribute('part')).to.equal('check-in');
  });

  it('a check-in made elsewhere first: the refusal explains itself', async () => {
    adapter = adapterFor();
    const el = await widget(adapter);
    adapter.control.next('points.checkIn', new HttpError(409, 'already_checked_in', 'Already checked in today'));
    await click(el, 'check-in');
    await waitUntil(() => $(el, '[part="message"]'));
    expect(part(el, 'message')).to.equal('You have already checked in today.');
  });

  it('the 7th day of a streak earns the bonus', async () => {
    adapter = adapterFor('bonus-next');
    const el = await widget(adapter);
    expect(text(button(el, 'check-in'))).to.equal('Check in: +25');
    await click(el, 'check-in');
    await waitUntil(() => part(el, 'check-in').startsWith('Checked in today'));
    expect(text($(el, '[part="check-in"] p'))).to.equal('Checked in today · 7-day streak');
    expect(sr(el).querySelectorAll('.streak .on').length).to.equal(7);
  });

  it('redeem: confirm (focus moves), cancel (focus returns), redeem: the code, the balance, the event, copy', async () => {
    adapter = adapterFor('rich');
    const el = await widget(adapter);
    await click(el, 'ask', 'rw-10p');
    await waitUntil(() => button(el, 'redeem', 'rw-10p'));
    expect(text($(el, '.confirm span'))).to.equal('Spend 1,200 points on 10% off?');
    await waitUntil(() => sr(el).activeElement === button(el, 'redeem', 'rw-10p'), 'focus on confirm');
    await click(el, 'cancel', 'rw-10p');
    await waitUntil(() => sr(el).activeElement === button(el, 'ask', 'rw-10p'), 'focus back on redeem');
    expect(part(el, 'balance')).to.match(/^1,300 points/);

    await click(el, 'ask', 'rw-10p');
    const redeemed = oneEvent(el, 'kith-points-redeem');
    await click(el, 'redeem', 'rw-10p');
    const { detail } = (await redeemed) as CustomEvent<PointsRedemption>;
    expect(detail.code).to.match(/^KITH-TENP-\d{3}$/); // from the demo shop's pool of codes
    await waitUntil(() => $(el, '[part="code"]'));
    expect(text($(el, '[part="code"] span'))).to.equal(`Your code: ${detail.code}`);
    expect(part(el, 'balance')).to.match(/^100 points/);
    await waitUntil(() => sr(el).activeElement === button(el, 'copy', 'rw-10p'), 'focus on copy');
    expect(text($(el, '[aria-live="polite"]'))).to.equal(`Your code: ${detail.code}`);
    const history = await adapter.points.listHistory({});
    expect(history.items.find((e) => e.status === 'available')).to.include({
      kind: 'redeem',
      points: -1200,
      balanceAfter: 100,
    });

    const clipboard = Object.getOwnPropertyDescriptor(Navigator.prototype, 'clipboard');
    let copied = '';
    Object.defineProperty(navigator, 'clipboard', {
      value: { writeText: async (s: string) => void (copied = s) },
      configurable: true,
    });
    try {
      await click(el, 'copy', 'rw-10p');
      await waitUntil(() => copied);
      expect(copied).to.equal(detail.code);
      await waitUntil(() => text($(el, '[part="reward"] [part="message"]')) === 'Code copied');
    } finally {
      delete (navigator as { clipboard?: unknown }).clipboard;
      if (clipboard) Object.defineProperty(Navigator.prototype, 'clipboard', clipboard);
    }
    await expect(el).to.be.accessible();
  });

  it('refusals explain themselves and spend nothing: not enough points, out of stock, tier', async () => {
    adapter = adapterFor('rich');
    const el = await widget(adapter);
    await click(el, 'ask', 'rw-10p');
    // The server's refusals, scripted: which one a redemption gets is the server's rule, tested there.
    adapter.control.next('points.redeem', new HttpError(409, 'insufficient_points', 'Not enough points'));
    await click(el, 'redeem', 'rw-10p');
    await waitUntil(() => $(el, '[part="reward"] [part="message"]'));
    expect(part(el, 'reward message')).to.equal('');
    expect(text($(el, '[part="reward"] [part="message"]'))).to.equal('Not enough points for this reward yet.');

    await click(el, 'ask', 'rw-ship');
    adapter.control.next('points.redeem', new HttpError(409, 'out_of_stock', 'Out of stock'));
    await click(el, 'redeem', 'rw-ship');
    await waitUntil(() => text($(el, '[part="reward"] [part="message"]')) === 'This reward just ran out.');

    await click(el, 'ask', 'rw-early');
    adapter.control.next('points.redeem', new HttpError(409, 'tier_required', 'For a higher tier'));
    await click(el, 'redeem', 'rw-early');
    await waitUntil(() => text($(el, '[part="reward"] [part="message"]')) === 'This reward is for a higher tier.');
    expect((await adapter.points.listHistory({})).items.filter((e) => e.kind === 'redeem').length).to.equal(1); // the seed's one
    await expect(el).to.be.accessible();
  });

  it("refusals read from the string table by code in the shopper's language, never the server's English; unexplained codes get the generic line", async () => {
    adapter = adapterFor('rich');
    const refusing = {
      ...adapter,
      points: {
        ...adapter.points,
        redeem: () => Promise.reject(new HttpError(409, 'out_of_stock', 'This reward is out of stock')),
        checkIn: () => Promise.reject(new HttpError(409, 'not_in_program', "This shop's program has no check_in rule")),
      },
    } as MemoryAdapter;
    const el = await widget(refusing, 'zh-CN');
    await click(el, 'ask', 'rw-10p');
    await click(el, 'redeem', 'rw-10p');
    await waitUntil(
      () => text($(el, '[part="reward"] [part="message"]')) === '该奖励刚刚兑完了。',
      text($(el, '[part="reward"] [part="message"]')),
    );
    await click(el, 'check-in');
    // One outcome at a time: the check-in's replaces the reward's.
    const messages = () => [...sr(el).querySelectorAll('[part="message"]')].map(text).join(' | ');
    await waitUntil(() => messages() === '操作未成功，请重试。', messages());
  });

  it('history: loads when opened, says why on every line with the running balance, pages, refreshes after a write', async () => {
    adapter = adapterFor();
    const el = await widget(adapter);
    const details = $<HTMLDetailsElement>(el, 'details')!;
    $<HTMLElement>(el, 'summary')!.click();
    await waitUntil(() => sr(el).querySelectorAll('[part="history"] li').length > 0, 'history never loaded');
    const lines = () => [...sr(el).querySelectorAll('[part="history"] li')].map(text);
    expect(details.open).to.equal(true);
    expect(lines()[0]).to.match(/^Order o-\d+ \w{3} \d+, \d{4} · pending until \w{3} \d+, \d{4} \+180$/);
    expect(lines()[1]).to.match(/ Balance 840$/);
    const all = (await adapter.points.listHistory({ limit: 50 })).items;
    if (all.length > 10) {
      await click(el, 'more');
      await waitUntil(() => lines().length > 10);
    }
    await click(el, 'check-in');
    await waitUntil(
      () => /^Daily check-in .* \+5 Balance 845$/.test(lines()[1] ?? ''),
      'history refreshed after check-in',
    );
    await expect(el).to.be.accessible();
  });

  it('history pages through its store: "Show more" appends the next page; a write reads it again, aborting the page in flight', async () => {
    adapter = adapterFor();
    const api = adapter.points;
    const listHistory = api.listHistory.bind(api);
    const calls: { cursor?: string | null; signal?: AbortSignal }[] = [];
    let hold = false;
    // Pages of 2, so paging shows whatever the seed holds; `hold` keeps a page in flight until it is aborted.
    api.listHistory = (q, o) => {
      calls.push({ cursor: q.cursor, signal: o?.signal });
      if (hold) return new Promise((_, reject) => o?.signal?.addEventListener('abort', () => reject(o.signal!.reason)));
      return listHistory({ ...q, limit: 2 }, o);
    };
    const el = await widget(adapter);
    $<HTMLElement>(el, 'summary')!.click();
    const lines = () => [...sr(el).querySelectorAll('[part="history"] li')].map(text);
    await waitUntil(() => lines().length === 2, 'first page never loaded');
    const first = lines();
    await click(el, 'more');
    await waitUntil(() => lines().length === 4, 'second page never appended');
    expect(lines().slice(0, 2)).to.deep.equal(first);
    expect(calls.map((c) => c.cursor === null)).to.deep.equal([true, false]);
    hold = true;
    await click(el, 'more');
    await waitUntil(() => calls.length === 3);
    hold = false;
    await click(el, 'check-in');
    await waitUntil(() => calls[2]!.signal?.aborted, 'the page in flight was not aborted by the new numbers');
    await waitUntil(
      () => lines().length === 2 && /^Daily check-in .* \+5 Balance 845$/.test(lines()[1] ?? ''),
      'history read again after check-in',
    );
  });

  it('re-reads the account when the page becomes visible again (points moved elsewhere)', async () => {
    adapter = adapterFor();
    const el = await widget(adapter);
    adapter.control.update((f) => {
      const me = f.points!.customers[ME]!;
      me.account = { ...me.account, balance: 1300 };
    });
    expect(part(el, 'balance')).to.match(/^840 points/);
    document.dispatchEvent(new Event('visibilitychange'));
    await waitUntil(() => part(el, 'balance').startsWith('1,300 points'), 'never re-read');
  });

  it('the API fails: a retry in the reserved box, nothing thrown; the retry recovers', async () => {
    adapter = createMemoryAdapter({ ...pointsScenario('member'), failure: 'always' });
    const el = document.createElement('kith-points') as KithPoints;
    el.adapter = adapter;
    const failed = oneEvent(el, 'kith-error');
    document.body.append(el);
    await failed;
    await el.updateComplete;
    expect(el.state).to.equal('error');
    expect(el.getBoundingClientRect().height).to.be.greaterThan(100);
    adapter.control.setFailure('none');
    $<HTMLButtonElement>(el, 'button')!.click();
    await waitUntil(() => el.state === 'ready', 'retry never recovered');
    el.remove();
  });

  it('an adapter without points renders empty', async () => {
    const none = { id: 'none', capabilities: new Set() } as unknown as MemoryAdapter;
    const el = await fixture<KithPoints>(html`<kith-points .adapter=${none}></kith-points>`);
    await waitUntil(() => el.state === 'empty');
  });

  it('speaks Chinese', async () => {
    adapter = adapterFor();
    const el = await widget(adapter, 'zh-CN');
    await waitUntil(() => part(el, 'tier') === 'Silver会员');
    expect(text(button(el, 'check-in'))).to.equal('签到 +5');
    expect(text($(el, 'h3'))).to.equal('积分兑换');
    await expect(el).to.be.accessible();
  });
});
