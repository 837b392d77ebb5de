import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { configure, type KithAdapter, type PointsProgram } from '@kith/core';
import type { KithPointsEarn } from './points-earn.js';
import './define.js';

const PROGRAM: PointsProgram = {
  name: 'Kith Rewards',
  tiers: [{ id: 'member', name: 'Member', threshold: 0 }],
  earn: [
    { action: 'purchase', points: 1, per: { minor: 100, currency: 'USD' } },
    { action: 'review', points: 20 },
  ],
  rewards: [],
  badges: [],
  expiryMonths: 12,
  pendingDays: 30,
  timeZone: 'UTC',
};

/** An adapter whose only domain is points; counts program requests. */
function pointsAdapter(program: PointsProgram | Error = PROGRAM) {
  const calls = { program: 0 };
  const adapter = {
    id: 'fake',
    capabilities: new Set(['points']),
    points: {
      getProgram: async () => {
        calls.program++;
        if (program instanceof Error) throw program;
        return program;
      },
      getAccount: async () => {
        throw new Error('unused');
      },
      listHistory: async () => {
        throw new Error('unused');
      },
    },
  } as unknown as KithAdapter;
  return { adapter, calls };
}

const text = (el: HTMLElement) => el.shadowRoot!.textContent!.replace(/\s+/g, ' ').trim();

async function snippet(adapter: KithAdapter, price: string, lang = 'en') {
  const el = await fixture<KithPointsEarn>(
    html`<kith-points-earn .adapter=${adapter} product="p1" price=${price} lang=${lang}></kith-points-earn>`,
  );
  await waitUntil(() => el.state !== 'loading', 'never left loading');
  await el.updateComplete;
  return el;
}

describe('<kith-points-earn>', () => {
  afterEach(() => configure({ currency: '' }));

  it('shows what the price earns under the purchase rule: floor(price / per) × points', async () => {
    const { adapter } = pointsAdapter();
    const el = await snippet(adapter, '119.99');
    expect(el.state).to.equal('ready');
    expect(text(el)).to.equal('Earn 119 points with Kith Rewards');
    expect(el.shadowRoot!.querySelector('[part="points"]')!.textContent).to.equal('119 points');
    await expect(el).to.be.accessible();
  });

  it('updates in place when the price changes (a variant switch), without asking the server again', async () => {
    const { adapter, calls } = pointsAdapter();
    const el = await snippet(adapter, '59.00');
    expect(text(el)).to.equal('Earn 59 points with Kith Rewards');
    el.price = '1234.50';
    await el.updateComplete;
    expect(text(el)).to.equal('Earn 1,234 points with Kith Rewards');
    el.setAttribute('price', '1');
    await el.updateComplete;
    expect(text(el)).to.equal('Earn 1 point with Kith Rewards');
    expect(calls.program).to.equal(1);
  });

  it('snippets on one page share one program request', async () => {
    const { adapter, calls } = pointsAdapter();
    await fixture(
      html`<div>${['10', '20', '30'].map((p) => html`<kith-points-earn .adapter=${adapter} price=${p}></kith-points-earn>`)}</div>`,
    );
    await waitUntil(() => calls.program > 0);
    await new Promise((r) => setTimeout(r, 50));
    expect(calls.program).to.equal(1);
  });

  it('a price that earns nothing, another currency, or no purchase rule: empty, keeping its space', async () => {
    const { adapter } = pointsAdapter();
    const cheap = await snippet(adapter, '0.99');
    expect(cheap.state).to.equal('empty');
    expect(text(cheap)).to.equal('');
    expect(cheap.getBoundingClientRect().height).to.be.greaterThan(0);
    configure({ currency: 'EUR' });
    const euro = await snippet(adapter, '50');
    expect(euro.state).to.equal('empty');
    const { adapter: noRule } = pointsAdapter({ ...PROGRAM, earn: [{ action: 'review', points: 20 }] });
    expect((await snippet(noRule, '50')).state).to.equal('empty');
  });

  it('currency-aware: a JPY rule counts whole yen', async () => {
    const { adapter } = pointsAdapter({
      ...PROGRAM,
      earn: [{ action: 'purchase', points: 1, per: { minor: 100, currency: 'JPY' } }],
    });
    configure({ currency: 'JPY' });
    expect(text(await snippet(adapter, '1980'))).to.equal('Earn 19 points with Kith Rewards');
  });

  it('an adapter without points renders nothing', async () => {
    const adapter = { id: 'none', capabilities: new Set() } as unknown as KithAdapter;
    const el = await snippet(adapter, '50');
    expect(el.state).to.equal('empty');
  });

  it('a failed program load: kith-error, nothing thrown into the page, the space kept', async () => {
    const { adapter } = pointsAdapter(new Error('down'));
    const el = document.createElement('kith-points-earn') as KithPointsEarn;
    el.adapter = adapter;
    el.price = '50';
    const failed = oneEvent(el, 'kith-error');
    document.body.append(el);
    await failed;
    expect(el.state).to.equal('error');
    expect(el.getBoundingClientRect().height).to.be.greaterThan(0);
    el.remove();
  });

  it('speaks Chinese', async () => {
    const { adapter } = pointsAdapter();
    const el = await snippet(adapter, '88', 'zh-CN');
    await waitUntil(() => text(el).includes('积分'));
    expect(text(el)).to.equal('购买可得88 积分（Kith Rewards）');
  });
});
