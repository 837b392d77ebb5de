import { css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { api, ApiError } from './api.js';
import { ConsoleElement, formatDate, t, type StringKey } from './i18n.js';
import { reportError } from './queue.js';
import { base } from './styles.js';

interface ShopSettings {
  id: string;
  name: string;
  publishableKey: string;
  keyId: string;
  allowedOrigins: string[];
}
interface Delivery {
  id: string;
  type: string;
  status: 'pending' | 'delivered' | 'failed';
  attempts: number;
  lastStatus?: number;
  lastError?: string;
  createdAt: string;
}
const MAX_ORIGINS = 50;
const OVERLAPS: [seconds: number, label: StringKey][] = [
  [86_400, 'settings.overlapDay'],
  [3_600, 'settings.overlapHour'],
  [7 * 86_400, 'settings.overlapWeek'],
  [0, 'settings.overlapNone'],
];
const DELIVERY_LABEL: Record<Delivery['status'], StringKey> = {
  pending: 'settings.deliveryPending',
  delivered: 'settings.deliveryDelivered',
  failed: 'settings.deliveryFailed',
};

/**
 * The shop's settings (owners): the script tag for its pages, the sites allowed to use its
 * publishable key, the secret key's rotation (the new key shown once), and where webhooks go,
 * with the latest deliveries. Secrets are shown once, never read back.
 */
@customElement('kc-settings')
export class Settings extends ConsoleElement {
  static override styles = [
    base,
    css`
      :host {
        display: block;
      }
      section {
        background: var(--kc-panel);
        border-radius: 0.75rem;
        padding: 1rem;
        margin-block-end: 1.25rem;
      }
      pre {
        white-space: pre-wrap;
        overflow-wrap: anywhere;
        background: var(--kc-bg);
        border: 1px solid var(--kc-line);
        border-radius: 0.375rem;
        padding: 0.75rem;
        font-size: 0.875rem;
      }
      ul {
        list-style: none;
        padding: 0;
        margin: 0.5rem 0;
      }
      li {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0.5rem 1rem;
        padding: 0.375rem 0;
        border-block-end: 1px solid var(--kc-line);
        overflow-wrap: anywhere;
      }
      .row {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
        align-items: end;
      }
      .row input,
      .row select {
        flex: 1 1 16rem;
      }
      .secret {
        margin-block-start: 0.75rem;
        padding: 0.75rem;
        border: 2px solid var(--kc-accent);
        border-radius: 0.5rem;
        background: var(--kc-bg);
        overflow-wrap: anywhere;
      }
      code {
        font-size: 0.875rem;
      }
    `,
  ];
  @state() private shop: ShopSettings | undefined;
  @state() private origin = '';
  @state() private originError = '';
  @state() private overlap = OVERLAPS[0]![0];
  @state() private newKey = '';
  @state() private confirming = false;
  @state() private busy = false;
  @state() private webhookUrl = '';
  @state() private webhookError = '';
  @state() private webhookSecret = '';
  @state() private deliveries: Delivery[] = [];
  @state() private announcement = '';

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private async load() {
    const [shop, webhook, deliveries] = await Promise.allSettled([
      api<ShopSettings>('GET', '/v1/admin/shop'),
      api<{ url: string | null }>('GET', '/v1/admin/webhooks'),
      api<{ items: Delivery[] }>('GET', '/v1/admin/webhooks/deliveries?limit=10'),
    ]);
    if (shop.status === 'fulfilled') this.shop = shop.value;
    if (webhook.status === 'fulfilled') this.webhookUrl = webhook.value.url ?? '';
    if (deliveries.status === 'fulfilled') this.deliveries = deliveries.value.items;
    const failed = [shop, webhook, deliveries].find((r) => r.status === 'rejected');
    if (failed) reportError(this, failed.reason);
  }

  // A secret shown once is gone from the page with the screen.
  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.newKey = '';
    this.webhookSecret = '';
  }

  /** A secret shown once, with a button that takes it off the screen. */
  private secret(lead: StringKey, value: string, clear: () => void) {
    return html`<div class="secret">
      <p id="secret-${lead}">${t(lead)}</p>
      <code tabindex="0" aria-describedby="secret-${lead}">${value}</code>
      <p><button @click=${clear}>${t('settings.stored')}</button></p>
    </div>`;
  }

  private get scriptTag() {
    const server = location.origin;
    return `<script type="module" src="${server}/cdn/kith.js" data-adapter="rest" data-endpoint="${server}/v1" data-key="${this.shop?.publishableKey ?? ''}"></script>\n<kith-rating product="your-product-id"></kith-rating>`;
  }

  override render() {
    const shop = this.shop;
    return html`<h1 tabindex="-1">${t('settings.title')}</h1>
      <p class="visually-hidden" role="status">${this.announcement}</p>
      ${
        shop
          ? html`<section aria-labelledby="embed">
              <h2 id="embed">${t('settings.embed')}</h2>
              <p>${t('settings.embedLead')}</p>
              <pre><code>${this.scriptTag}</code></pre>
              <button @click=${this.copyTag}>${t('settings.copy')}</button>
            </section>
            <section aria-labelledby="origins">
              <h2 id="origins">${t('settings.origins')}</h2>
              <p>${t('settings.originsLead')}</p>
              ${
                shop.allowedOrigins.length
                  ? html`<ul>
                    ${shop.allowedOrigins.map(
                      (o) =>
                        html`<li>
                          <span>${o}</span>
                          <button
                            class="danger"
                            aria-label=${t('settings.removeOrigin', { origin: o })}
                            ?disabled=${this.busy}
                            @click=${() => this.saveOrigins(shop.allowedOrigins.filter((x) => x !== o))}
                          >
                            ${t('staff.remove')}
                          </button>
                        </li>`,
                    )}
                  </ul>`
                  : html`<p class="muted">${t('settings.noOrigins')}</p>`
              }
              <form class="row" @submit=${this.addOrigin} novalidate>
                <div>
                  <label for="origin">${t('settings.addOrigin')}</label>
                  <input
                    id="origin"
                    type="url"
                    inputmode="url"
                    placeholder="https://shop.example.com"
                    .value=${this.origin}
                    aria-describedby="origin-error"
                    @input=${(e: Event) => (this.origin = (e.target as HTMLInputElement).value)}
                  />
                </div>
                <button class="primary" type="submit" ?disabled=${this.busy}>${t('settings.add')}</button>
              </form>
              <p id="origin-error" class="error" role="alert">${this.originError}</p>
            </section>
            <section aria-labelledby="key">
              <h2 id="key">${t('settings.secretKey')}</h2>
              <p>${t('settings.keyLead', { kid: shop.keyId })}</p>
              <p>${t('settings.rotateLead')}</p>
              <form class="row" @submit=${this.rotate}>
                <div>
                  <label for="overlap">${t('settings.overlap')}</label>
                  <select id="overlap" @change=${(e: Event) => (this.overlap = Number((e.target as HTMLSelectElement).value))}>
                    ${OVERLAPS.map(([s, label]) => html`<option value=${s} ?selected=${s === this.overlap}>${t(label)}</option>`)}
                  </select>
                </div>
                ${
                  this.confirming
                    ? html`<button class="danger" type="submit" ?disabled=${this.busy}>${t('settings.rotateNow')}</button>
                      <button type="button" @click=${() => (this.confirming = false)}>${t('moderation.cancel')}</button>`
                    : html`<button class="danger" type="submit">${t('settings.rotate')}</button>`
                }
              </form>
              ${this.newKey ? this.secret('settings.newKey', this.newKey, () => (this.newKey = '')) : nothing}
            </section>
            <section aria-labelledby="webhooks">
              <h2 id="webhooks">${t('settings.webhooks')}</h2>
              <form @submit=${this.saveWebhook} novalidate>
                <label for="webhook">${t('settings.webhookUrl')}</label>
                <div class="row">
                  <input
                    id="webhook"
                    type="url"
                    inputmode="url"
                    placeholder="https://shop.example.com/kith-webhooks"
                    .value=${this.webhookUrl}
                    aria-describedby="webhook-error"
                    @input=${(e: Event) => (this.webhookUrl = (e.target as HTMLInputElement).value)}
                  />
                  <button class="primary" type="submit">${t('settings.save')}</button>
                </div>
              </form>
              <p id="webhook-error" class="error" role="alert">${this.webhookError}</p>
              ${
                this.webhookSecret
                  ? this.secret('settings.webhookSecret', this.webhookSecret, () => (this.webhookSecret = ''))
                  : nothing
              }
              <h3>${t('settings.deliveries')}</h3>
              ${
                this.deliveries.length
                  ? html`<ul>
                    ${this.deliveries.map(
                      (d) =>
                        html`<li>
                          <code>${d.type}</code>
                          <span>${t(DELIVERY_LABEL[d.status])}</span>
                          <span class="muted">${t('settings.attempts', { n: d.attempts })}${d.lastStatus ? ` · HTTP ${d.lastStatus}` : ''}</span>
                          <time datetime=${d.createdAt}>${formatDate(d.createdAt)}</time>
                        </li>`,
                    )}
                  </ul>`
                  : html`<p class="muted">${t('settings.noDeliveries')}</p>`
              }
            </section>`
          : html`<p role="status">${t('app.loading')}</p>`
      }`;
  }

  private async copyTag() {
    try {
      await navigator.clipboard.writeText(this.scriptTag);
      this.announcement = t('settings.copied');
    } catch {
      this.announcement = t('settings.copyFailed');
    }
  }

  private async addOrigin(e: Event) {
    e.preventDefault();
    if (!this.shop || !this.origin.trim()) return;
    await this.saveOrigins([...this.shop.allowedOrigins, this.origin.trim()], true);
  }

  private async saveOrigins(origins: string[], adding = false) {
    // One change at a time: each sends the whole list, so a second one must start from the first's answer.
    if (this.busy) return;
    this.busy = true;
    this.originError = '';
    try {
      this.shop = await api<ShopSettings>('PUT', '/v1/admin/shop/origins', { origins });
      if (adding) this.origin = '';
      this.announcement = t('settings.originsSaved');
    } catch (err) {
      if (err instanceof ApiError && err.code === 'invalid_request')
        this.originError = t(origins.length > MAX_ORIGINS ? 'settings.tooManyOrigins' : 'settings.originInvalid');
      else reportError(this, err);
    } finally {
      this.busy = false;
    }
    // A removed site's button is gone: focus goes to the field that adds one.
    await this.updateComplete;
    if (!(this.renderRoot as ShadowRoot).activeElement?.isConnected)
      this.renderRoot.querySelector<HTMLInputElement>('#origin')?.focus();
  }

  private async rotate(e: Event) {
    e.preventDefault();
    if (!this.confirming) {
      this.confirming = true;
      return;
    }
    if (this.busy) return;
    this.busy = true;
    try {
      const rotated = await api<{ secretKey: string; keyId: string }>('POST', '/v1/admin/keys/rotate', {
        overlapSeconds: this.overlap,
      });
      this.newKey = rotated.secretKey;
      if (this.shop) this.shop = { ...this.shop, keyId: rotated.keyId };
      this.announcement = t('settings.rotated');
    } catch (err) {
      reportError(this, err);
    } finally {
      this.busy = false;
      this.confirming = false;
    }
  }

  private async saveWebhook(e: Event) {
    e.preventDefault();
    this.webhookError = '';
    try {
      const saved = await api<{ url: string | null; secret?: string }>('PUT', '/v1/admin/webhooks', {
        url: this.webhookUrl.trim(),
      });
      // A secret comes only when first set or rotated: keep the one shown until it is stored.
      if (saved.secret) this.webhookSecret = saved.secret;
      this.announcement = t('settings.webhookSaved');
    } catch (err) {
      if (err instanceof ApiError && err.code === 'invalid_request') this.webhookError = t('settings.webhookInvalid');
      else reportError(this, err);
    }
  }
}
