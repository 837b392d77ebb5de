import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { HttpError, NetworkError, type KithAdapter, type ReferralOffer } from '@kith/core';
import type { KithReferralOffer } from './referral-offer.js';
import './define.js';

const OFFER: ReferralOffer = {
  code: 'LIN-7Q2K',
  advocateName: 'Lin',
  couponCode: 'FRIEND-LIN-7Q2K',
  incentive: {
    friend: { kind: 'coupon', amountOff: { minor: 1000, currency: 'USD' } },
    advocate: { kind: 'points', points: 100 },
    termsUrl: 'https://shop.example.com/referral-terms',
  },
};

function offerAdapter(answer: (code: string) => ReferralOffer | Error) {
  const asked: string[] = [];
  const adapter = {
    id: 'fake',
    capabilities: new Set(['referrals']),
    referrals: {
      getOffer: async (code: string) => {
        asked.push(code);
        const a = answer(code);
        if (a instanceof Error) throw a;
        return a;
      },
    },
  } as unknown as KithAdapter;
  return { adapter, asked };
}

const text = (el: HTMLElement) => el.shadowRoot!.textContent!.replace(/\s+/g, ' ').trim();

describe('<kith-referral-offer>', () => {
  it('a valid code: who gave what, the coupon code with copy, the disclosure and terms', async () => {
    const { adapter, asked } = offerAdapter(() => OFFER);
    const el = await fixture<KithReferralOffer>(
      html`<kith-referral-offer .adapter=${adapter} code="lin-7q2k"></kith-referral-offer>`,
    );
    await waitUntil(() => el.state === 'ready');
    expect(asked).to.deep.equal(['lin-7q2k']);
    expect(text(el)).to.equal(
      'Lin gave you $10.00 off your first order Use this code at checkout: FRIEND-LIN-7Q2K Copy Lin gets a reward when you place your first order. Terms ×',
    );
    let copied = '';
    Object.defineProperty(navigator, 'clipboard', {
      value: { writeText: async (s: string) => void (copied = s) },
      configurable: true,
    });
    try {
      el.shadowRoot!.querySelector<HTMLButtonElement>('[part="button"]')!.click();
      await waitUntil(() => copied);
      expect(copied).to.equal('FRIEND-LIN-7Q2K');
      await waitUntil(() => text(el).includes('Copied'));
    } finally {
      delete (navigator as { clipboard?: unknown }).clipboard;
    }
    await expect(el).to.be.accessible();
    el.shadowRoot!.querySelector<HTMLButtonElement>('.dismiss')!.click();
    await el.updateComplete;
    expect(el.state).to.equal('empty');
    expect(el.getBoundingClientRect().height).to.equal(0);
  });

  it('no code: asks nothing and takes no space', async () => {
    const { adapter, asked } = offerAdapter(() => OFFER);
    const el = await fixture<KithReferralOffer>(html`<kith-referral-offer .adapter=${adapter}></kith-referral-offer>`);
    await el.updateComplete;
    expect(el.state).to.equal('empty');
    expect(asked).to.deep.equal([]);
    expect(el.getBoundingClientRect().height).to.equal(0);
  });

  it("the page's own ?kith_ref= when no code is set", async () => {
    const { adapter, asked } = offerAdapter(() => OFFER);
    const before = location.href;
    history.replaceState(null, '', `${location.pathname}?kith_ref=LIN-7Q2K`);
    try {
      const el = await fixture<KithReferralOffer>(
        html`<kith-referral-offer .adapter=${adapter}></kith-referral-offer>`,
      );
      await waitUntil(() => el.state === 'ready');
      expect(asked).to.deep.equal(['LIN-7Q2K']);
    } finally {
      history.replaceState(null, '', before);
    }
  });

  it('an unknown or capped code (404): nothing shown, nothing broken', async () => {
    const { adapter } = offerAdapter(() => new HttpError(404, 'code_capped', 'capped'));
    const el = await fixture<KithReferralOffer>(
      html`<kith-referral-offer .adapter=${adapter} code="X-1"></kith-referral-offer>`,
    );
    await waitUntil(() => el.state === 'empty');
    expect(text(el)).to.equal('');
  });

  it('a backend without referrals: nothing shown, no space taken', async () => {
    const adapter = { id: 'none', capabilities: new Set() } as unknown as KithAdapter;
    const el = await fixture<KithReferralOffer>(
      html`<kith-referral-offer .adapter=${adapter} code="LIN-7Q2K"></kith-referral-offer>`,
    );
    await waitUntil(() => el.state === 'empty');
    expect(el.getBoundingClientRect().height).to.equal(0);
  });

  it('the API fails: kith-error, collapsed, nothing thrown into the page', async () => {
    const { adapter } = offerAdapter(() => new NetworkError('down'));
    const el = document.createElement('kith-referral-offer') as KithReferralOffer;
    el.adapter = adapter;
    el.code = 'LIN-7Q2K';
    const failed = oneEvent(el, 'kith-error');
    document.body.append(el);
    await failed;
    expect(el.state).to.equal('error');
    el.remove();
  });

  it('speaks Chinese', async () => {
    const { adapter } = offerAdapter(() => OFFER);
    const el = await fixture<KithReferralOffer>(
      html`<kith-referral-offer .adapter=${adapter} code="LIN-7Q2K" lang="zh-CN"></kith-referral-offer>`,
    );
    await waitUntil(() => text(el).startsWith('Lin送你'));
    expect(text(el)).to.match(/^Lin送你首单立减 US\$10\.00/);
  });
});
