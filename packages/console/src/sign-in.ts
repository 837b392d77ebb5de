import { css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { api, ApiError, type Session } from './api.js';
import { ConsoleElement, t, type StringKey } from './i18n.js';
import { base } from './styles.js';

const card = css`
  :host {
    display: block;
    max-inline-size: 28rem;
    margin: 2rem auto;
    padding: 1.5rem;
    background: var(--kc-panel);
    border-radius: 0.75rem;
  }
  form button {
    margin-block-start: 1.25rem;
  }
  .error {
    margin-block: 0.75rem 0;
  }
`;

/** A refusal as the person signing in should read it: the code's own sentence, else a generic one. */
function message(e: unknown, prefix: 'signIn' | 'accept'): string {
  if (!(e instanceof ApiError)) return t('error.generic', { code: 'unknown' });
  if (e.code === 'network') return t('app.offline');
  if (e.code === 'sign_in_rate_limited')
    return t('signIn.sign_in_rate_limited', { minutes: Math.max(1, Math.ceil((e.retryAfter ?? 60) / 60)) });
  const key = `${prefix}.${e.code}` as StringKey;
  return key in { 'signIn.invalid_credentials': 1, 'accept.invite_invalid': 1 }
    ? t(key)
    : t('error.generic', { code: e.code });
}

/** Email and password; fires `kc-signed-in` with the session. What was typed stays after a refusal. */
@customElement('kc-sign-in')
export class SignIn extends ConsoleElement {
  static override styles = [base, card];
  @state() private email = '';
  @state() private password = '';
  @state() private busy = false;
  @state() private error = '';

  override render() {
    return html`<h1 tabindex="-1">${t('signIn.title')}</h1>
      <form @submit=${this.submit} novalidate>
        <label for="email">${t('signIn.email')}</label>
        <input
          id="email"
          type="email"
          autocomplete="username"
          required
          .value=${this.email}
          @input=${(e: Event) => (this.email = (e.target as HTMLInputElement).value)}
          aria-describedby=${this.error ? 'error' : nothing}
        />
        <label for="password">${t('signIn.password')}</label>
        <input
          id="password"
          type="password"
          autocomplete="current-password"
          required
          .value=${this.password}
          @input=${(e: Event) => (this.password = (e.target as HTMLInputElement).value)}
          aria-describedby=${this.error ? 'error' : nothing}
        />
        <p id="error" class="error" role="alert">${this.error}</p>
        <button class="primary" type="submit" ?disabled=${this.busy}>
          ${this.busy ? t('signIn.busy') : t('signIn.submit')}
        </button>
      </form>
      <p class="muted">${t('signIn.help')}</p>`;
  }

  private async submit(e: Event) {
    e.preventDefault();
    if (this.busy) return;
    this.busy = true;
    this.error = '';
    try {
      const session = await api<Session>('POST', '/v1/console/sign-in', { email: this.email, password: this.password });
      this.password = '';
      this.dispatchEvent(new CustomEvent('kc-signed-in', { detail: session, bubbles: true, composed: true }));
    } catch (err) {
      this.error = message(err, 'signIn');
    } finally {
      this.busy = false;
    }
  }
}

/** An invitation link's page: a new password (twice), then signed in. */
@customElement('kc-accept-invite')
export class AcceptInvite extends ConsoleElement {
  static override styles = [base, card];
  @property() token = '';
  @state() private password = '';
  @state() private confirm = '';
  @state() private busy = false;
  @state() private error = '';

  override render() {
    return html`<h1 tabindex="-1">${t('accept.title')}</h1>
      <p>${t('accept.lead')}</p>
      <form @submit=${this.submit} novalidate>
        <label for="password">${t('accept.password')}</label>
        <input
          id="password"
          type="password"
          autocomplete="new-password"
          minlength="12"
          required
          .value=${this.password}
          @input=${(e: Event) => (this.password = (e.target as HTMLInputElement).value)}
          aria-describedby="error"
        />
        <label for="confirm">${t('accept.confirm')}</label>
        <input
          id="confirm"
          type="password"
          autocomplete="new-password"
          required
          .value=${this.confirm}
          @input=${(e: Event) => (this.confirm = (e.target as HTMLInputElement).value)}
          aria-describedby="error"
        />
        <p id="error" class="error" role="alert">${this.error}</p>
        <button class="primary" type="submit" ?disabled=${this.busy}>${t('accept.submit')}</button>
      </form>`;
  }

  private async submit(e: Event) {
    e.preventDefault();
    if (this.busy) return;
    if ([...this.password].length < 12) return void (this.error = t('accept.tooShort'));
    if (this.password !== this.confirm) return void (this.error = t('accept.mismatch'));
    this.busy = true;
    this.error = '';
    try {
      const session = await api<Session>('POST', '/v1/console/invites/accept', {
        token: this.token,
        password: this.password,
      });
      this.dispatchEvent(new CustomEvent('kc-signed-in', { detail: session, bubbles: true, composed: true }));
    } catch (err) {
      this.error = message(err, 'accept');
    } finally {
      this.busy = false;
    }
  }
}
