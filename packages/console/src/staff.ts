import { css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { api, ApiError } from './api.js';
import { ConsoleElement, t } from './i18n.js';
import { reportError } from './queue.js';
import { base } from './styles.js';

interface Staff {
  id: string;
  email: string;
  role: 'owner' | 'moderator';
  active: boolean;
}

/** The shop's staff (owners only): who has which role, an invitation link for someone new, and ending someone's sessions. */
@customElement('kc-staff')
export class StaffScreen extends ConsoleElement {
  static override styles = [
    base,
    css`
      :host {
        display: block;
      }
      ul {
        padding: 0;
        list-style: none;
        display: grid;
        gap: 0.5rem;
      }
      li {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem 1rem;
        align-items: center;
        padding: 0.5rem 0;
        border-block-end: 1px solid var(--kc-line);
      }
      .email {
        font-weight: 600;
        overflow-wrap: anywhere;
      }
      form {
        background: var(--kc-panel);
        border-radius: 0.75rem;
        padding: 1rem;
        margin-block: 1.5rem;
      }
      form button {
        margin-block-start: 1rem;
      }
      .secret {
        margin-block-start: 1rem;
        overflow-wrap: anywhere;
      }
    `,
  ];
  /** The signed-in staff member, who signs out with the header's button instead. */
  @property() me = '';
  @state() private staff: Staff[] = [];
  @state() private email = '';
  @state() private newRole: Staff['role'] = 'moderator';
  @state() private link = '';
  @state() private error = '';
  @state() private announcement = '';

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private async load() {
    try {
      this.staff = (await api<{ items: Staff[] }>('GET', '/v1/admin/staff')).items;
    } catch (e) {
      reportError(this, e);
    }
  }

  override render() {
    return html`<h1 tabindex="-1">${t('staff.title')}</h1>
      <ul>
        ${this.staff.map(
          (s) =>
            html`<li>
              <span class="email">${s.email}</span>
              <span>${t(s.role === 'owner' ? 'role.owner' : 'role.moderator')}</span>
              <span class="muted">${t(s.active ? 'staff.active' : 'staff.invited')}</span>
              ${
                s.id === this.me
                  ? nothing
                  : html`<button @click=${() => this.endSessions(s)}>${t('staff.signOutAll')}</button>
                      <button class="danger" @click=${() => this.removeMember(s)}>${t('staff.remove')}</button>`
              }
            </li>`,
        )}
      </ul>
      <p class="visually-hidden" role="status">${this.announcement}</p>
      <form @submit=${this.invite} novalidate>
        <h2>${t('staff.invite')}</h2>
        <label for="email">${t('staff.email')}</label>
        <input
          id="email"
          type="email"
          autocomplete="off"
          .value=${this.email}
          @input=${(e: Event) => (this.email = (e.target as HTMLInputElement).value)}
        />
        <label for="role">${t('staff.role')}</label>
        <select id="role" @change=${(e: Event) => (this.newRole = (e.target as HTMLSelectElement).value as Staff['role'])}>
          <option value="moderator" ?selected=${this.newRole === 'moderator'}>${t('role.moderator')}</option>
          <option value="owner" ?selected=${this.newRole === 'owner'}>${t('role.owner')}</option>
        </select>
        <p class="error" role="alert">${this.error}</p>
        <button class="primary" type="submit">${t('staff.send')}</button>
        ${
          this.link
            ? html`<div class="secret">
              <p id="invite-link">${t('staff.link', { email: this.email })}</p>
              <code tabindex="0" aria-describedby="invite-link">${this.link}</code>
            </div>`
            : nothing
        }
      </form>`;
  }

  private async invite(e: Event) {
    e.preventDefault();
    this.error = '';
    this.link = '';
    try {
      const invited = await api<{ inviteUrl: string }>('POST', '/v1/admin/staff', {
        email: this.email,
        role: this.newRole,
      });
      this.link = invited.inviteUrl;
      await this.load();
    } catch (err) {
      if (err instanceof ApiError && err.code === 'already_exists') this.error = t('staff.already_exists');
      else if (err instanceof ApiError && err.code === 'invalid_request') this.error = t('staff.invalidEmail');
      else reportError(this, err);
    }
  }

  private async removeMember(s: Staff) {
    try {
      await api('DELETE', `/v1/admin/staff/${encodeURIComponent(s.id)}`);
      // Said once the list no longer shows them; focus goes where the next person is invited.
      await this.load();
      this.announcement = t('staff.removed', { email: s.email });
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLInputElement>('#email')?.focus();
    } catch (e) {
      reportError(this, e);
    }
  }

  private async endSessions(s: Staff) {
    try {
      const { ended } = await api<{ ended: number }>('POST', `/v1/admin/staff/${encodeURIComponent(s.id)}/sign-out`);
      this.announcement = t('staff.ended', { count: ended, email: s.email });
    } catch (e) {
      reportError(this, e);
    }
  }
}
