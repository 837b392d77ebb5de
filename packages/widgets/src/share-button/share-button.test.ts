import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import {
  HttpError,
  NetworkError,
  registerStrings,
  type KithAdapter,
  type KithShareDetail,
  type ReferralLink,
} from '@kith/core';
import { registerShareChannel } from './channels.js';
import type { KithShareButton } from './share-button.js';
import './define.js';

const LINK: ReferralLink = {
  code: 'LIN-7Q2K',
  url: 'https://shop.example.com/products/tote?kith_ref=LIN-7Q2K',
  incentive: {
    friend: { kind: 'coupon', amountOff: { minor: 1000, currency: 'USD' } },
    advocate: { kind: 'points', points: 100 },
    termsUrl: 'https://shop.example.com/referral-terms',
  },
};

/** An adapter whose referrals domain answers createLink, or refuses it as a signed-out server does. */
function referralsAdapter(signedIn: boolean) {
  const calls: unknown[] = [];
  const adapter = {
    id: 'fake',
    capabilities: new Set(['referrals']),
    referrals: {
      createLink: async (input: unknown) => {
        calls.push(input);
        if (!signedIn) throw new HttpError(401, 'customer_token_required', 'Sign in');
        return LINK;
      },
      getStats: async () => ({
        code: LINK.code,
        clicks: 42,
        signups: 9,
        conversions: 3,
        rewards: { pending: 1, approved: 2 },
        recent: [],
      }),
    },
  } as unknown as KithAdapter;
  return { adapter, calls };
}

const sr = (el: HTMLElement) => el.shadowRoot!;
const text = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const channels = (el: HTMLElement) => [...sr(el).querySelectorAll<HTMLElement>('[part="channel"]')];
/** The menu; a closed stand-in before its code loads (on the first pointer, focus or click on the button). */
const dialog = (el: HTMLElement) => sr(el).querySelector('dialog') ?? ({ open: false } as HTMLDialogElement);

async function button(adapter: KithAdapter, attrs: Record<string, string | null> = {}) {
  const el =
    await fixture<KithShareButton>(html`<kith-share-button .adapter=${adapter} product="p1" url="https://shop.example.com/products/tote?colour=sand&amp;kith_ref=OLD-CODE"
    share-title="Everyday tote" price="$59.00" text="Our canvas tote, 20% off" customer-name="Lin" lang="en" menu></kith-share-button>`);
  for (const [k, v] of Object.entries(attrs)) v === null ? el.removeAttribute(k) : el.setAttribute(k, v);
  await el.updateComplete;
  await new Promise((r) => setTimeout(r));
  await el.updateComplete;
  return el;
}

function events(el: HTMLElement) {
  const seen: string[] = [];
  el.addEventListener('kith-share', (e) =>
    seen.push(
      `${(e as CustomEvent<KithShareDetail>).detail.channel}:${(e as CustomEvent<KithShareDetail>).detail.stage}`,
    ),
  );
  return seen;
}

describe('<kith-share-button>', () => {
  it("loads its menu's code on the first pointer or focus on the button, not with the button", async () => {
    const { adapter } = referralsAdapter(false);
    const el = await button(adapter);
    await new Promise((r) => setTimeout(r, 50));
    expect(sr(el).querySelector('dialog')).to.equal(null);
    sr(el).querySelector<HTMLButtonElement>('[part="button"]')!.focus();
    await waitUntil(() => sr(el).querySelector('dialog'), 'the menu did not load on focus');
    expect(dialog(el).open).to.equal(false);
    // Its styles came with its chunk: open, the menu is a grid of channels.
    sr(el).querySelector<HTMLButtonElement>('[part="button"]')!.click();
    await waitUntil(() => dialog(el).open, 'menu never opened');
    expect(getComputedStyle(dialog(el)).display).to.equal('grid');
  });

  it('signed out: the plain page link (without Kith parameters) in every channel, in the default order', async () => {
    const { adapter, calls } = referralsAdapter(false);
    const el = await button(adapter);
    expect(calls.length).to.equal(1);
    expect(sr(el).querySelector('[part="incentive"]')).to.equal(null);
    sr(el).querySelector<HTMLButtonElement>('[part="button"]')!.click();
    await waitUntil(() => dialog(el).open, 'menu never opened');
    expect(channels(el).map(text)).to.deep.equal([
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
    const wa = channels(el).find((c) => c.dataset.channel === 'whatsapp')!;
    expect(wa.getAttribute('href')).to.equal(
      `https://wa.me/?text=${encodeURIComponent('$59.00 · Our canvas tote, 20% off')}%20${encodeURIComponent('https://shop.example.com/products/tote?colour=sand')}`,
    );
    expect(wa.getAttribute('rel')).to.equal('noopener noreferrer');
    await expect(el).to.be.accessible();
  });

  it('signed out (the adapter says so, even later): no personal link is asked for, the plain link is shared quietly', async () => {
    for (const signedIn of [() => false, async () => false]) {
      const { adapter, calls } = referralsAdapter(true);
      const el = await button({ ...adapter, signedIn } as KithAdapter);
      await new Promise((r) => setTimeout(r, 20));
      expect(calls.length).to.equal(0);
      expect(sr(el).querySelector('[part="incentive"]')).to.equal(null);
      sr(el).querySelector<HTMLButtonElement>('[part="button"]')!.click();
      await waitUntil(() => dialog(el).open, 'menu never opened');
      expect(sr(el).querySelector('[part="stats"]')).to.equal(null);
      expect(
        channels(el)
          .find((c) => c.dataset.channel === 'email')!
          .getAttribute('href'),
      ).to.contain(encodeURIComponent('https://shop.example.com/products/tote?colour=sand'));
    }
    // Signed in once the (async) token arrives: the personal link, asked for once.
    const { adapter, calls } = referralsAdapter(true);
    const el = await button({ ...adapter, signedIn: async () => true } as KithAdapter);
    await waitUntil(() => sr(el).querySelector('[part="incentive"]'));
    expect(calls.length).to.equal(1);
  });

  it('asks for the personal link once per page, however often the button is re-added; a refusal is asked again', async () => {
    const signedIn = referralsAdapter(true);
    const first = await button(signedIn.adapter);
    first.remove();
    const again = await button(signedIn.adapter);
    expect(signedIn.calls.length).to.equal(1);
    expect(text(sr(again).querySelector('[part="incentive"]'))).to.contain('Give $10.00 off');
    const signedOut = referralsAdapter(false);
    await button(signedOut.adapter);
    await button(signedOut.adapter);
    expect(signedOut.calls.length).to.equal(2);
  });

  it('signed in: the personal link everywhere, the incentive on one line with the terms, its disclosure in the menu', async () => {
    const { adapter, calls } = referralsAdapter(true);
    const el = await button(adapter);
    expect(calls).to.deep.equal([
      { url: 'https://shop.example.com/products/tote?colour=sand', productId: 'p1', displayName: 'Lin' },
    ]);
    expect(text(sr(el).querySelector('[part="incentive"]'))).to.equal('Give $10.00 off, get 100 points Terms');
    expect(sr(el).querySelector('[part="incentive"] a')!.getAttribute('href')).to.equal(
      'https://shop.example.com/referral-terms',
    );
    sr(el).querySelector<HTMLButtonElement>('[part="button"]')!.click();
    await waitUntil(() => dialog(el).open);
    expect(text(sr(el).querySelector('[part="disclosure"]'))).to.equal(
      'Give $10.00 off, get 100 points You get your reward when a friend’s first order through your link is past its return window.',
    );
    await waitUntil(() => sr(el).querySelector('[part="stats"]'), 'no stats');
    expect(text(sr(el).querySelector('[part="stats"]'))).to.equal(
      'Your link: 42 visits · 3 friends ordered · rewards: 1 pending, 2 earned',
    );
    const fb = channels(el).find((c) => c.dataset.channel === 'facebook')!;
    expect(fb.getAttribute('href')).to.equal(
      `https://www.facebook.com/sharer/sharer.php?u=${encodeURIComponent(LINK.url)}`,
    );
    await expect(el).to.be.accessible();
  });

  it('on a signed-in page (kith.css sets --kith-signed-in) its box holds the incentive line from the start: nothing moves or widens', async () => {
    let answer!: (link: ReferralLink) => void;
    const { adapter } = referralsAdapter(true);
    adapter.referrals!.createLink = () => new Promise((resolve) => (answer = resolve));
    const wrap =
      await fixture<HTMLDivElement>(html`<div style="--kith-signed-in: 1; font-size: 16px; inline-size: 20em">
      <kith-share-button .adapter=${adapter} product="p1" lang="en"></kith-share-button></div>`);
    const el = wrap.querySelector<KithShareButton>('kith-share-button')!;
    await waitUntil(() => answer, 'no link asked for');
    const before = el.getBoundingClientRect().height;
    const width = el.getBoundingClientRect().width;
    expect([before, width]).to.deep.equal([16 * 4.25, 16 * 16]);
    answer(LINK);
    await waitUntil(() => sr(el).querySelector('[part="incentive"]'));
    expect([el.getBoundingClientRect().height, el.getBoundingClientRect().width]).to.deep.equal([before, width]);
    // However narrow, one line: the incentive gives way to an ellipsis, the terms link stays.
    el.style.setProperty('--reserve-inline-size', '0px');
    wrap.style.inlineSize = '9em';
    expect(el.getBoundingClientRect().height).to.equal(before);
    expect(sr(el).querySelector('[part="incentive"] a')!.getBoundingClientRect().width).to.be.greaterThan(0);
  });

  it('where no width was reserved (no signed-in flag), the incentive line is as wide as its text', async () => {
    const { adapter } = referralsAdapter(true);
    const wrap = await fixture<HTMLDivElement>(html`<div style="font-size: 16px; inline-size: 40em">
      <kith-share-button .adapter=${adapter} product="p1" lang="en"></kith-share-button></div>`);
    const el = wrap.querySelector<KithShareButton>('kith-share-button')!;
    await waitUntil(() => sr(el).querySelector('[part="incentive"]'));
    const span = sr(el).querySelector<HTMLElement>('[part="incentive"] span')!;
    expect(span.scrollWidth).to.equal(span.clientWidth, 'not cut');
  });

  it('one tap opens the native share sheet where there is one: initiated, then completed when it resolves', async () => {
    const { adapter } = referralsAdapter(true);
    const el = await button(adapter, { menu: null });
    const shared: ShareData[] = [];
    const original = Object.getOwnPropertyDescriptor(Navigator.prototype, 'share');
    Object.defineProperty(navigator, 'share', {
      value: async (d: ShareData) => void shared.push(d),
      configurable: true,
    });
    try {
      const seen = events(el);
      sr(el).querySelector<HTMLButtonElement>('[part="button"]')!.click();
      await waitUntil(() => seen.length === 2);
      expect(seen).to.deep.equal(['native:initiated', 'native:completed']);
      expect(shared).to.deep.equal([
        { url: LINK.url, title: 'Everyday tote', text: '$59.00 · Our canvas tote, 20% off' },
      ]);
      expect(dialog(el).open).to.equal(false);
      // Cancelled by the shopper: nothing more, no menu.
      Object.defineProperty(navigator, 'share', {
        value: async () => {
          throw new DOMException('cancelled', 'AbortError');
        },
        configurable: true,
      });
      sr(el).querySelector<HTMLButtonElement>('[part="button"]')!.click();
      await waitUntil(() => seen.length === 3);
      await new Promise((r) => setTimeout(r, 20));
      expect(seen).to.deep.equal(['native:initiated', 'native:completed', 'native:initiated']);
      expect(dialog(el).open).to.equal(false);
      // Refused for another reason: the menu instead.
      Object.defineProperty(navigator, 'share', {
        value: async () => {
          throw new DOMException('no', 'NotAllowedError');
        },
        configurable: true,
      });
      sr(el).querySelector<HTMLButtonElement>('[part="button"]')!.click();
      await waitUntil(() => dialog(el).open, 'menu never opened after a refusal');
    } finally {
      delete (navigator as { share?: unknown }).share;
      if (original) Object.defineProperty(Navigator.prototype, 'share', original);
    }
  });

  it('copy link: the clipboard gets the link, the menu says so, the platform confirmed it', async () => {
    const { adapter } = referralsAdapter(true);
    const el = await button(adapter);
    const seen = events(el);
    let copied = '';
    Object.defineProperty(navigator, 'clipboard', {
      value: { writeText: async (s: string) => void (copied = s) },
      configurable: true,
    });
    try {
      sr(el).querySelector<HTMLButtonElement>('[part="button"]')!.click();
      await waitUntil(() => dialog(el).open);
      channels(el)[0]!.click();
      await waitUntil(() => text(sr(el).querySelector('[part="message"]')) === 'Link copied');
      expect(copied).to.equal(LINK.url);
      expect(seen).to.deep.equal(['copy:initiated', 'copy:completed']);
    } finally {
      delete (navigator as { clipboard?: unknown }).clipboard;
    }
  });

  it('QR code: drawn on the page when asked for, labelled for screen readers', async () => {
    const { adapter } = referralsAdapter(true);
    const el = await button(adapter);
    sr(el).querySelector<HTMLButtonElement>('[part="button"]')!.click();
    await waitUntil(() => dialog(el).open);
    expect(sr(el).querySelector('[part="qr"]')).to.equal(null);
    channels(el)
      .find((c) => c.dataset.channel === 'qr')!
      .click();
    await waitUntil(() => sr(el).querySelector('[part="qr"]'), 'no QR code');
    const qr = sr(el).querySelector('[part="qr"]')!;
    expect(qr.getAttribute('role')).to.equal('img');
    expect(qr.getAttribute('aria-label')).to.equal('Scan to open the link');
    expect(qr.querySelector('path')!.getAttribute('d')!.length).to.be.greaterThan(500);
    await expect(el).to.be.accessible();
  });

  it('its messages follow its language table when that arrives after them ("copied" and the QR label before the table loaded)', async () => {
    // The shopper's table is held back: the menu shows the fallback language meanwhile.
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    registerStrings('share-button', 'fr', () =>
      held.then(() => ({ default: { copied: 'Lien copié', qr: 'Scannez pour ouvrir le lien' } })),
    );
    const { adapter } = referralsAdapter(true);
    const el = await button(adapter, { lang: 'fr' });
    Object.defineProperty(navigator, 'clipboard', { value: { writeText: async () => {} }, configurable: true });
    try {
      sr(el).querySelector<HTMLButtonElement>('[part="button"]')!.click();
      await waitUntil(() => dialog(el).open);
      const message = () => text(sr(el).querySelector('[part="message"]'));
      const label = () => sr(el).querySelector('[part="qr"]')?.getAttribute('aria-label');
      channels(el)
        .find((c) => c.dataset.channel === 'copy')!
        .click();
      await waitUntil(() => message() === 'Link copied');
      channels(el)
        .find((c) => c.dataset.channel === 'qr')!
        .click();
      await waitUntil(() => label() === 'Scan to open the link');
      release();
      await waitUntil(() => message() === 'Lien copié', '"copied" stayed in the fallback language');
      await waitUntil(() => label() === 'Scannez pour ouvrir le lien', 'the QR label stayed in the fallback language');
    } finally {
      delete (navigator as { clipboard?: unknown }).clipboard;
    }
  });

  it('channels by configuration: order and removal, a custom target; unsafe links are refused', async () => {
    const { adapter } = referralsAdapter(false);
    const el = await button(adapter, {
      channels: 'weibo, telegram, copy, evil',
      'custom-channels': JSON.stringify([
        { id: 'telegram', label: 'Telegram', href: 'https://t.me/share/url?url={url}&text={text}' },
        { id: 'evil', label: 'Evil', href: 'javascript:alert(1)' },
      ]),
    });
    sr(el).querySelector<HTMLButtonElement>('[part="button"]')!.click();
    await waitUntil(() => dialog(el).open);
    expect(channels(el).map(text)).to.deep.equal(['Weibo', 'Telegram', 'Copy link']);
    expect(channels(el)[1]!.getAttribute('href')).to.match(/^https:\/\/t\.me\/share\/url\?url=https%3A%2F%2Fshop/);
    expect(() => registerShareChannel({ id: 'bad', href: 'javascript:void 0' })).to.throw(TypeError);
    el.setAttribute('custom-channels', '{"not": "a list"}');
    await el.updateComplete;
    expect(el.state).to.equal('ready');
  });

  it('the menu is a modal dialog: Escape closes it and focus returns to the button', async () => {
    const { adapter } = referralsAdapter(false);
    const el = await button(adapter);
    const trigger = sr(el).querySelector<HTMLButtonElement>('[part="button"]')!;
    trigger.focus();
    trigger.click();
    await waitUntil(() => dialog(el).open);
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !dialog(el).open, 'Escape did not close the menu');
    expect(sr(el).activeElement).to.equal(trigger);
  });

  it('speaks Chinese', async () => {
    const { adapter } = referralsAdapter(true);
    const el = await button(adapter);
    el.lang = 'zh-CN';
    await waitUntil(() => text(sr(el).querySelector('[part="button"]')) === '分享');
    expect(text(sr(el).querySelector('[part="incentive"]'))).to.match(/^好友得立减 US\$10\.00，你得100 积分/);
  });
});

describe('<kith-share-button> asks for its link through one intent', () => {
  it('a link asked again after a network error reuses its Idempotency-Key; after a refusal the next ask is a new one', async () => {
    const keys: (string | undefined)[] = [];
    const answers: Error[] = [new NetworkError('offline'), new HttpError(403, 'referrals_disabled', 'No')];
    const adapter = {
      id: 'fake-keys',
      capabilities: new Set(['referrals']),
      referrals: {
        createLink: async (_: unknown, o?: { idempotencyKey?: string }) => {
          keys.push(o?.idempotencyKey);
          throw answers.shift() ?? new HttpError(403, 'referrals_disabled', 'No');
        },
        getStats: async () => {
          throw new Error('unused');
        },
      },
    } as unknown as KithAdapter;
    for (let n = 1; n <= 3; n++) (await button(adapter)).remove();
    expect(keys).to.have.length(3);
    expect(keys[0]).to.be.a('string');
    expect(keys[1]).to.equal(keys[0]); // after a network error
    expect(keys[2]).to.not.equal(keys[0]); // after a refusal
  });
});
