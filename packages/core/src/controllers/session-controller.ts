import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { KithAdapter } from '../adapter.js';

/**
 * Whether a widget's adapter has a signed-in shopper (`adapter.signedIn()`), for widgets with
 * actions that need one: signed out, they send no customer-only request and say so, with the
 * host's sign-in link, before the shopper starts. `value` is undefined until the adapter has
 * answered (a token function may be async); an adapter without `signedIn` counts as signed in,
 * and the server's 401 decides. Asked again when the adapter changes or the widget reconnects.
 */
export class SessionController implements ReactiveController {
  private known?: boolean;
  private asked?: KithAdapter;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly adapter: () => KithAdapter | undefined,
  ) {
    host.addController(this);
  }

  /** `true` signed in, `false` signed out, `undefined` not known yet. Read it in `willUpdate` or render. */
  get value(): boolean | undefined {
    const adapter = this.adapter();
    if (adapter !== this.asked) this.ask(adapter);
    return this.known;
  }

  hostConnected(): void {
    this.asked = undefined;
  }

  private ask(adapter: KithAdapter | undefined): void {
    this.asked = adapter;
    this.known = undefined;
    if (!adapter) return;
    let answer: boolean | Promise<boolean>;
    try {
      answer = adapter.signedIn?.() ?? true;
    } catch {
      answer = false;
    }
    if (typeof answer === 'boolean') {
      this.known = answer;
      return;
    }
    answer
      .then(Boolean, () => false)
      .then((v) => {
        if (this.asked !== adapter) return;
        this.known = v;
        this.host.requestUpdate();
      });
  }
}
