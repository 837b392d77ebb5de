import { css, html, nothing, type TemplateResult } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { api, ApiError, type Session } from './api.js';
import { ConsoleElement, LOCALES, locale, setLocale, t, type Locale, type StringKey } from './i18n.js';
import { base } from './styles.js';
import './sign-in.js';
import './overview.js';
import './moderation.js';
import './audit.js';
import './staff.js';
import './settings.js';

interface Screen {
  readonly label: StringKey;
  readonly render: (session: Session) => TemplateResult;
  /** Owners only: hidden from moderators (the API refuses them too, 403 `role_forbidden`). */
  readonly owner?: true;
}
const SCREENS: Record<string, Screen> = {
  overview: { label: 'nav.overview', render: () => html`<kc-overview></kc-overview>` },
  moderation: {
    label: 'nav.moderation',
    render: (s) => html`<kc-moderation .shopName=${s.shop.name}></kc-moderation>`,
  },
  audit: { label: 'nav.audit', render: () => html`<kc-audit></kc-audit>` },
  staff: { label: 'nav.staff', render: (s) => html`<kc-staff .me=${s.user.id}></kc-staff>`, owner: true },
  settings: { label: 'nav.settings', render: () => html`<kc-settings></kc-settings>`, owner: true },
};

const route = () => /^#\/([\w-]+)/.exec(location.hash)?.[1] ?? 'overview';
const inviteToken = () => /^#invite=([\w-]+)$/.exec(location.hash)?.[1];

/**
 * The console: signs in (or takes an invitation link), then a header, the sections this role may
 * open, and the screen the URL's hash names. A session that ends while working brings the sign-in
 * back over the screen, which stays as it was (drafts included) until signed in again.
 */
@customElement('kith-console')
export class KithConsole extends ConsoleElement {
  static override styles = [
    base,
    css`
      :host {
        display: block;
        min-block-size: 100vh;
        background: var(--kc-bg);
      }
      .skip {
        position: absolute;
        inset-inline-start: 0.5rem;
        inset-block-start: -3rem;
        background: var(--kc-bg);
        padding: 0.5rem;
      }
      .skip:focus {
        inset-block-start: 0.5rem;
      }
      header {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem 1rem;
        align-items: center;
        justify-content: space-between;
        padding: 0.75rem 1rem;
        border-block-end: 1px solid var(--kc-line);
      }
      .shop {
        font-weight: 700;
        font-size: 1.125rem;
      }
      .who {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
        align-items: center;
      }
      .who select {
        inline-size: auto;
      }
      nav ul {
        display: flex;
        flex-wrap: wrap;
        gap: 0.25rem;
        list-style: none;
        margin: 0;
        padding: 0.5rem 1rem;
        border-block-end: 1px solid var(--kc-line);
      }
      nav a {
        display: inline-block;
        padding: 0.5rem 0.75rem;
        border-radius: 0.375rem;
        color: var(--kc-fg);
        text-decoration: none;
      }
      nav a[aria-current='page'] {
        background: var(--kc-panel);
        font-weight: 700;
        text-decoration: underline;
        text-underline-offset: 0.3em;
      }
      main {
        padding: 1rem;
        max-inline-size: 64rem;
      }
      .banner {
        margin: 1rem;
        padding: 0.75rem 1rem;
        border-radius: 0.5rem;
        background: var(--kc-warn-bg);
      }
    `,
  ];

  @state() private session: Session | undefined;
  @state() private checked = false;
  @state() private ended = false;
  @state() private screen = route();
  @state() private invite = inviteToken();
  @state() private problem = '';

  override connectedCallback(): void {
    super.connectedCallback();
    setLocale(locale());
    addEventListener('hashchange', this.hashchange);
    this.addEventListener('kc-signed-in', this.signedIn as EventListener);
    this.addEventListener('kc-error', this.error as EventListener);
    void this.whoAmI();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    removeEventListener('hashchange', this.hashchange);
  }

  private async whoAmI() {
    try {
      this.session = await api<Session>('GET', '/v1/console/me');
    } catch (e) {
      if (!(e instanceof ApiError) || e.status !== 401) this.problem = t('app.offline');
    }
    this.checked = true;
  }

  private hashchange = () => {
    this.invite = inviteToken();
    if (this.invite) return;
    this.screen = route();
    this.problem = '';
    void this.focusHeading();
  };

  private signedIn = (e: CustomEvent<Session>) => {
    this.session = e.detail;
    this.ended = false;
    this.problem = '';
    if (this.invite) {
      this.invite = undefined;
      // The link is used up: out of the address bar and history.
      history.replaceState(null, '', `${location.pathname}#/overview`);
      this.screen = 'overview';
    }
    void this.focusHeading();
  };

  private error = (e: CustomEvent<unknown>) => {
    const err = e.detail;
    if (err instanceof ApiError && err.code === 'session_required') this.ended = true;
    else if (err instanceof ApiError && err.code === 'network') this.problem = t('app.offline');
    else if (err instanceof ApiError && err.code === 'role_forbidden') this.problem = t('error.role_forbidden');
    else this.problem = t('error.generic', { code: err instanceof ApiError ? err.code : 'unknown' });
  };

  private async focusHeading() {
    await this.updateComplete;
    const main = this.renderRoot.querySelector('main');
    const screen = main?.firstElementChild as (HTMLElement & { updateComplete?: Promise<unknown> }) | null;
    await screen?.updateComplete;
    (screen?.shadowRoot ?? screen)?.querySelector<HTMLElement>('h1')?.focus();
  }

  private async signOut() {
    try {
      await api('POST', '/v1/console/sign-out');
    } catch {
      // Signed out or not, the console forgets the session.
    }
    this.session = undefined;
  }

  override render() {
    if (!this.checked) return html`<p role="status">${t('app.loading')}</p>`;
    if (this.invite) return html`<kc-accept-invite .token=${this.invite}></kc-accept-invite>`;
    const session = this.session;
    if (!session)
      return html`${this.problem ? html`<p class="banner" role="alert">${this.problem}</p>` : nothing}
        <kc-sign-in></kc-sign-in>`;
    const owner = session.user.role === 'owner';
    const allowed = Object.entries(SCREENS).filter(([, s]) => owner || !s.owner);
    const current = allowed.find(([id]) => id === this.screen) ?? allowed[0]!;
    return html`<a class="skip" href="#main" @click=${this.skip}>${t('app.skip')}</a>
      ${
        this.ended
          ? html`<p class="banner" role="alert">${t('app.sessionEnded')}</p>
            <kc-sign-in></kc-sign-in>`
          : nothing
      }
      <div ?inert=${this.ended} ?hidden=${this.ended}>
        <header>
          <span class="shop">${session.shop.name}</span>
          <div class="who">
            <span class="muted"
              >${t('app.signedInAs', {
                email: session.user.email,
                role: t(owner ? 'role.owner' : 'role.moderator'),
              })}</span
            >
            <label class="visually-hidden" for="lang">${t('app.language')}</label>
            <select id="lang" @change=${(e: Event) => setLocale((e.target as HTMLSelectElement).value as Locale)}>
              ${Object.entries(LOCALES).map(
                ([id, l]) => html`<option value=${id} lang=${id} ?selected=${id === locale()}>${l.label}</option>`,
              )}
            </select>
            <button @click=${this.signOut}>${t('app.signOut')}</button>
          </div>
        </header>
        <nav aria-label=${t('app.nav')}>
          <ul>
            ${allowed.map(
              ([id, s]) =>
                html`<li>
                  <a href="#/${id}" aria-current=${id === current[0] ? 'page' : nothing}>${t(s.label)}</a>
                </li>`,
            )}
          </ul>
        </nav>
        ${this.problem ? html`<p class="banner" role="alert">${this.problem}</p>` : nothing}
        <main id="main" tabindex="-1">${current[1].render(session)}</main>
      </div>`;
  }

  private skip(e: Event) {
    e.preventDefault();
    void this.focusHeading();
  }
}
