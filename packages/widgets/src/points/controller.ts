import type { ReactiveController, ReactiveElement } from 'lit';
import {
  intent,
  isHttpError,
  resource,
  storeCache,
  type KithAdapter,
  type KithError,
  type PointsAccount,
  type PointsApi,
  type PointsCheckIn,
  type PointsProgram,
  type PointsRedemption,
  type Resource,
  type ResourceState,
} from '@kith/core';

export type PointsStatus = 'loading' | 'ready' | 'none' | 'error';
/** The string key for a failed write: the writes' callers hold the messages, and the codes they explain. */
export type Explain = (error: unknown) => string;
const generic: Explain = () => 'problem.failed';

/** The program and the account (null when signed out); null for an adapter without points. */
type Standing = { readonly program: PointsProgram; readonly account: PointsAccount | null } | null;
const standings = storeCache<Resource<Standing>>();
const pointsOf = (adapter: KithAdapter): PointsApi | undefined =>
  adapter.capabilities.has('points') ? adapter.points : undefined;

/**
 * One read per adapter and session, shared by every points widget on the page. Points also move
 * elsewhere (an order, a refund, another tab): it is read again when the page becomes visible.
 */
const standing = (adapter: KithAdapter, signedIn: boolean): Resource<Standing> =>
  standings(adapter, String(signedIn), () =>
    resource(
      async (signal) => {
        const api = pointsOf(adapter);
        if (!api) return null;
        const [program, account] = await Promise.all([
          api.getProgram({ signal }),
          // Signed out is a state, not a failure: not asked for, or a token the server no longer takes.
          signedIn
            ? api.getAccount({ signal }).catch((e) => {
                if (isHttpError(e) && e.status === 401) return null;
                throw e;
              })
            : null,
        ]);
        return { program, account };
      },
      { onVisible: true },
    ),
  );

/**
 * A shopper's loyalty standing: the shop's program (public), the signed-in customer's account
 * (null when signed out), and the two writes, check-in and redeem, through one write intent. Every
 * number comes from the server; a write puts the account it returns in place, so the view never
 * adds or subtracts on its own. The lazy actions chunk calls its methods; the history is that
 * chunk's own paged store, which follows `account`.
 */
export class PointsController implements ReactiveController {
  /** A new object on every change, for `KithElement.syncState`. */
  state: { readonly status: PointsStatus; readonly error?: KithError } = { status: 'loading' };
  /** The reward waiting for the shopper's confirmation. */
  confirming?: string;
  /** Codes redeemed in this visit, by reward id. */
  readonly codes = new Map<string, PointsRedemption>();
  /** The last outcome as a string key (`problem.insufficient_points`), with the reward it is about. */
  message?: { readonly key: string; readonly reward?: string };
  /** Check-in (`check-in`) and redeem (`redeem:<id>`): one Idempotency-Key per intent, kept across its retries. */
  private readonly writes = intent((name: string, idempotencyKey): Promise<PointsCheckIn | PointsRedemption> =>
    name === 'check-in' ? this.api!.checkIn!({ idempotencyKey }) : this.api!.redeem!(name.slice(7), { idempotencyKey }),
  );
  private data?: ResourceState<Standing>;
  private $standing?: Resource<Standing>;
  private off?: () => void;
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
    return adapter && pointsOf(adapter);
  }

  get program(): PointsProgram | undefined {
    return this.data?.data?.program;
  }

  /** Null when signed out. */
  get account(): PointsAccount | null | undefined {
    return this.data?.data?.account;
  }

  /** The write in flight: `check-in`, `redeem:<id>`. */
  get busy(): string | undefined {
    return this.writes.$state.get().pending;
  }

  /** Follows the adapter and the session (call from `willUpdate`). */
  sync(): void {
    const adapter = this.query();
    const signedIn = this.session.value;
    if (adapter === this.adapter && signedIn === this.signedIn) return;
    this.adapter = adapter;
    this.signedIn = signedIn;
    this.data = undefined;
    // Until the session is known, nothing is asked: the account must not be asked for signed out.
    this.$standing = adapter && signedIn !== undefined ? standing(adapter, signedIn) : undefined;
    if (this.host.isConnected) this.hostConnected();
  }

  hostConnected(): void {
    this.off?.();
    this.off = this.$standing?.subscribe((s) => {
      this.data = s;
      this.state =
        s.status === 'loading'
          ? { status: 'loading' }
          : s.data === null
            ? { status: 'none' }
            : s.data
              ? { status: 'ready' }
              : { status: 'error', error: s.error };
      this.host.requestUpdate();
    });
  }

  hostDisconnected(): void {
    this.off?.();
    this.off = undefined;
  }

  /** Fetches again (the fallback's retry). */
  load = (): void => this.$standing?.revalidate();

  /** The shopper asked to redeem `id`: the confirm step. */
  ask(id: string): void {
    this.confirming = id;
    this.message = undefined;
  }

  cancel(): void {
    this.confirming = undefined;
  }

  note(key: string, reward?: string): void {
    this.message = { key, reward };
  }

  checkIn(explain: Explain): Promise<PointsCheckIn | undefined> {
    return this.act('check-in', explain) as Promise<PointsCheckIn | undefined>;
  }

  redeem(rewardId: string, explain: Explain): Promise<PointsRedemption | undefined> {
    this.confirming = undefined;
    return this.act(`redeem:${rewardId}`, explain, rewardId) as Promise<PointsRedemption | undefined>;
  }

  /** One write at a time; the account it returns replaces the one shown. */
  private async act(
    name: string,
    explain = generic,
    reward?: string,
  ): Promise<PointsCheckIn | PointsRedemption | undefined> {
    if (this.busy || !this.$standing) return;
    const $standing = this.$standing;
    this.message = undefined;
    const done = this.writes.run(name);
    this.host.requestUpdate();
    try {
      const result = await done;
      const program = this.program!;
      $standing.mutate({ program, account: result.account });
      if (reward) {
        this.codes.set(reward, result as PointsRedemption);
        // Stock changed: the catalogue is read again, without flashing the skeleton.
        $standing.revalidate();
      }
      return result;
    } catch (e) {
      this.message = { key: explain(e), reward };
      return undefined;
    } finally {
      this.host.requestUpdate();
    }
  }
}
