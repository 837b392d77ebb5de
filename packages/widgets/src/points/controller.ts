import type { ReactiveController, ReactiveElement } from 'lit';
import {
  isAbortError, isHttpError, toKithError, uuid,
  type KithAdapter, type KithError, type PointsAccount, type PointsApi, type PointsEntry, type PointsProgram, type PointsRedemption,
} from '@kith/core';

export type PointsStatus = 'loading' | 'ready' | 'none' | 'error';
/** The string key for a failed write: the writes' callers hold the messages, and the codes they explain. */
export type Explain = (error: unknown) => string;
const generic: Explain = () => 'problem.failed';

/**
 * A shopper's loyalty standing: the shop's program (public), the signed-in customer's account
 * (null when signed out: not asked for, or the server answered 401), the history on demand, and the two writes,
 * check-in and redeem. Every number comes from the server; a write replaces the account with the
 * one it returns, so the view never adds or subtracts on its own.
 */
export class PointsController implements ReactiveController {
  /** A new object on every change, for `KithElement.syncState`. */
  state: { readonly status: PointsStatus; readonly error?: KithError } = { status: 'loading' };
  program?: PointsProgram;
  /** Null when signed out. */
  account?: PointsAccount | null;
  /** Loaded when the history is first opened; newest first. */
  history?: PointsEntry[];
  historyCursor: string | null = null;
  /** What is in flight: `check-in`, `redeem:<id>`, `history`. */
  busy?: string;
  /** The reward waiting for the shopper's confirmation. */
  confirming?: string;
  /** Codes redeemed in this visit, by reward id. */
  readonly codes = new Map<string, PointsRedemption>();
  /** The last outcome as a string key (`problem.insufficient_points`), with the reward it is about. */
  message?: { readonly key: string; readonly reward?: string };
  /** Idempotency keys per intent (`check-in`, `redeem:<id>`), kept across retries of it. */
  private readonly keys = new Map<string, string>();
  private run = 0;
  private abort?: AbortController;
  private adapter?: KithAdapter;
  private signedIn?: boolean;

  constructor(
    private readonly host: ReactiveElement,
    private readonly query: () => KithAdapter | undefined,
    /** Whether a shopper is signed in (`value` undefined until known). */
    private readonly session: { readonly value?: boolean },
  ) {
    host.addController(this);
  }

  get api(): PointsApi | undefined {
    const adapter = this.query();
    return adapter?.capabilities.has('points') ? adapter.points : undefined;
  }

  /** Reloads when the adapter or the session changed (call from `willUpdate`). */
  sync(): void {
    const adapter = this.query();
    const signedIn = this.session.value;
    if (adapter === this.adapter && signedIn === this.signedIn) return;
    this.adapter = adapter;
    this.signedIn = signedIn;
    this.program = this.account = this.history = undefined;
    if (this.host.isConnected) this.load();
  }

  hostConnected(): void {
    if (this.adapter) this.load();
    document.addEventListener('visibilitychange', this.onVisible);
  }

  hostDisconnected(): void {
    this.stop();
    document.removeEventListener('visibilitychange', this.onVisible);
  }

  // Points also move elsewhere (an order, a refund, another tab): a shopper coming back to the
  // page sees the server's numbers again.
  private readonly onVisible = (): void => {
    if (document.visibilityState === 'visible' && this.state.status === 'ready') this.load();
  };

  private stop(): void {
    this.run++;
    this.abort?.abort();
  }

  load = (): void => {
    this.stop();
    const api = this.api;
    // Until the session is known, nothing is asked: the account must not be asked for signed out.
    if (!this.adapter || this.signedIn === undefined) return;
    if (!api) return this.set('none');
    const run = this.run;
    const { signal } = (this.abort = new AbortController());
    if (!this.program) this.set('loading');
    Promise.all([
      api.getProgram({ signal }),
      // Signed out is a state, not a failure: not asked for, or a token the server no longer takes.
      this.signedIn ? api.getAccount({ signal }).catch((e) => {
        if (isHttpError(e) && e.status === 401) return null;
        throw e;
      }) : null,
    ]).then(([program, account]) => {
      if (run !== this.run) return;
      this.program = program;
      this.account = account;
      if (this.history) void this.loadHistory(true);
      this.set('ready');
    }, (e) => {
      if (run === this.run && !isAbortError(e)) this.set('error', toKithError(e));
    });
  };

  private set(status: PointsStatus, error?: KithError): void {
    this.state = { status, error };
    this.host.requestUpdate();
  }

  /** The first page (again, with `fresh`), or the next one. */
  async loadHistory(fresh = !this.history): Promise<void> {
    const api = this.api;
    if (!api || this.busy === 'history') return;
    await this.act('history', async () => {
      const page = await api.listHistory({ cursor: fresh ? null : this.historyCursor, limit: 10 });
      this.history = fresh ? [...page.items] : [...(this.history ?? []), ...page.items];
      this.historyCursor = page.nextCursor;
    });
  }

  checkIn(explain: Explain): Promise<unknown> {
    return this.act('check-in', async (idempotencyKey) => {
      const done = await this.api!.checkIn!({ idempotencyKey });
      this.account = done.account;
      return done;
    }, explain);
  }

  redeem(rewardId: string, explain: Explain): Promise<unknown> {
    this.confirming = undefined;
    return this.act(`redeem:${rewardId}`, async (idempotencyKey) => {
      const done = await this.api!.redeem!(rewardId, { idempotencyKey });
      this.account = done.account;
      this.codes.set(rewardId, done);
      // Stock changed: the catalogue is re-read without flashing the skeleton.
      this.program = await this.api!.getProgram().catch(() => this.program);
      return done;
    }, explain, rewardId);
  }

  /**
   * Runs one write at a time. Its Idempotency-Key lives until it succeeds, so a retry after a
   * timeout cannot spend twice; a refusal (4xx) is final, so the next try is a new intent.
   */
  private async act<T>(intent: string, write: (key: string) => Promise<T>, explain = generic, reward?: string): Promise<T | undefined> {
    if (this.busy) return;
    this.busy = intent;
    this.message = undefined;
    this.host.requestUpdate();
    const key = this.keys.get(intent) ?? `${intent}:${uuid()}`;
    this.keys.set(intent, key);
    try {
      const result = await write(key);
      this.keys.delete(intent);
      if (intent !== 'history' && this.history) void Promise.resolve().then(() => this.loadHistory(true));
      return result;
    } catch (e) {
      if (isHttpError(e) && e.status < 500) this.keys.delete(intent);
      this.message = { key: explain(e), reward };
      return undefined;
    } finally {
      this.busy = undefined;
      this.host.requestUpdate();
    }
  }
}
