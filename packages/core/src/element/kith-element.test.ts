import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { html as litHtml } from 'lit';
import { KithElement } from './kith-element.js';
import { configure, setConsent } from '../config.js';
import type { AnalyticsEnvelope } from '../analytics/bus.js';

class TestWidget extends KithElement {
  static override properties = { explode: { type: Boolean } };
  declare explode: boolean;
  clicks = 0;
  protected override renderContent() {
    if (this.explode) throw new Error('render bug');
    return litHtml`<button @click=${this.guard(() => {
      this.clicks++;
      if (this.clicks > 1) throw new Error('handler bug');
    })}>Go</button>`;
  }
}
TestWidget.define('kith-test-widget');

function collectPageErrors() {
  const errors: unknown[] = [];
  const onError = (e: ErrorEvent) => errors.push(e.error ?? e.message);
  const onRejection = (e: PromiseRejectionEvent) => errors.push(e.reason);
  window.addEventListener('error', onError);
  window.addEventListener('unhandledrejection', onRejection);
  return {
    errors,
    stop: () => {
      window.removeEventListener('error', onError);
      window.removeEventListener('unhandledrejection', onRejection);
    },
  };
}

describe('KithElement', () => {
  it('turns a render error into the fallback and a kith-error event, with nothing thrown into the page', async () => {
    const page = collectPageErrors();
    try {
      const el = await fixture<TestWidget>(html`<kith-test-widget></kith-test-widget>`);
      el.state = 'ready';
      const heard = oneEvent(el, 'kith-error');
      el.explode = true;
      const e = await heard;
      expect(e.detail.error.message).to.equal('render bug');
      expect(e.detail.widget).to.equal('kith-test-widget');
      await waitUntil(() => el.state === 'error');
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector('button')).to.equal(null);
      expect(el.error?.message).to.equal('render bug');
      await new Promise((r) => setTimeout(r, 50));
      expect(page.errors).to.deep.equal([]);
    } finally {
      page.stop();
    }
  });

  it('guards event handlers: a throwing handler fails the widget, not the page', async () => {
    const page = collectPageErrors();
    try {
      const el = await fixture<TestWidget>(html`<kith-test-widget></kith-test-widget>`);
      const button = el.shadowRoot!.querySelector('button')!;
      button.click();
      expect(el.clicks).to.equal(1);
      expect(el.state).to.not.equal('error');
      button.click();
      expect(el.state).to.equal('error');
      await new Promise((r) => setTimeout(r, 50));
      expect(page.errors).to.deep.equal([]);
    } finally {
      page.stop();
    }
  });

  it('define: same class twice is silent; a second tag name gets its own constructor', () => {
    const warn = console.warn;
    const warnings: unknown[] = [];
    console.warn = (...a: unknown[]) => warnings.push(a);
    try {
      TestWidget.define('kith-test-widget');
      TestWidget.define('kith-test-widget-2');
      expect(warnings).to.deep.equal([]);
      expect(customElements.get('kith-test-widget-2')).to.exist;
      expect(document.createElement('kith-test-widget-2')).to.be.instanceOf(TestWidget);
    } finally {
      console.warn = warn;
    }
  });

  it('reports an impression once it has been half visible for a second, only with consent', async () => {
    const seen: AnalyticsEnvelope[] = [];
    configure({ analytics: (e) => seen.push(e), consent: 'granted' });
    try {
      const el = await fixture<TestWidget>(html`<kith-test-widget></kith-test-widget>`);
      await new Promise((r) => setTimeout(r, 600));
      expect(seen.filter((e) => e.instanceId === el.instanceId)).to.have.length(0);
      await waitUntil(() => seen.some((e) => e.instanceId === el.instanceId), 'no impression', { timeout: 2000 });
      const impression = seen.find((e) => e.instanceId === el.instanceId)!;
      expect(impression.name).to.equal('widget_impression');
      expect(impression.widget).to.equal('test-widget');
    } finally {
      configure({ analytics: [] });
      setConsent('denied');
    }
  });

  it('reports no impression for a widget that is not on screen', async () => {
    const seen: AnalyticsEnvelope[] = [];
    configure({ analytics: (e) => seen.push(e), consent: 'granted' });
    try {
      const el = await fixture<TestWidget>(
        html`<div style="margin-top: 200vh"><kith-test-widget></kith-test-widget></div>`,
      );
      await new Promise((r) => setTimeout(r, 1300));
      expect(
        seen.filter((e) => e.instanceId === el.querySelector<TestWidget>('kith-test-widget')!.instanceId),
      ).to.have.length(0);
    } finally {
      configure({ analytics: [] });
      setConsent('denied');
    }
  });
});
