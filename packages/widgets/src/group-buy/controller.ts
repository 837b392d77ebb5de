import type { ReactiveController, ReactiveElement } from 'lit';
import {
  isAbortError, toKithError,
  type GroupBuyApi, type GroupBuyOffer, type GroupBuyTeam, type KithAdapter, type KithError,
} from '@kith/core';

export type GroupBuyStatus = 'loading' | 'ready' | 'none' | 'error';
export type GroupBuyAction = 'start' | 'join' | 'leave';

/**
 * The group buy of one product as a shopper sees it: the offer, the team in focus (the shopper's
 * own, else the one a shared link points at) kept live over the adapter's stream, the server's
 * clock. The start / join / leave actions live in `team-actions.ts`, loaded on first use.
 */
export class GroupBuyController implements ReactiveController {
  /** A new object on every change, for `KithElement.syncState`. */
  state: { readonly status: GroupBuyStatus; readonly error?: KithError } = { status: 'loading' };
  offer?: GroupBuyOffer;
  /** The team in focus, with `you` from the last signed-in read. */
  team?: GroupBuyTeam;
  /** The action in flight, for busy buttons. */
  busy?: GroupBuyAction;
  /** A string key for the last action's outcome (`problem.team_full`, `copied`), until the next action. */
  message?: string;
  /** Idempotency keys per intent (`join:<team>`), kept across retries of it. */
  readonly keys = new Map<string, string>();
  /** Server time minus local time, so deadlines count down on the server's clock. */
  private offset = 0;
  private run = 0;
  private abort?: AbortController;
  private unsubscribe?: () => void;
  private following?: string;
  private key = '';
  private adapter?: KithAdapter;

  constructor(
    private readonly host: ReactiveElement,
    private readonly query: () => { adapter?: KithAdapter; product?: string; team?: string },
    /** Called with every change of the team in focus (stream pushes included). */
    private readonly onTeam: (team: GroupBuyTeam | undefined, prev: GroupBuyTeam | undefined) => void,
  ) {
    host.addController(this);
  }

  /** Local time moved onto the server's clock. */
  now(): number {
    return Date.now() + this.offset;
  }

  get api(): GroupBuyApi | undefined {
    const { adapter } = this.query();
    return adapter?.capabilities.has('groupBuy') ? adapter.groupBuy : undefined;
  }

  /** Reloads when the adapter, product or team changed (call from `willUpdate`). */
  sync(): void {
    const q = this.query();
    const key = q.adapter && q.product ? `${q.product}|${q.team ?? ''}` : '';
    if (key === this.key && this.adapter === q.adapter) return;
    this.key = key;
    this.adapter = q.adapter;
    this.offer = this.team = undefined;
    if (this.host.isConnected) this.load();
  }

  hostConnected(): void {
    if (this.key) this.load();
  }

  hostDisconnected(): void {
    this.stop();
  }

  private stop(): void {
    this.run++;
    this.abort?.abort();
    this.unsubscribe?.();
    this.unsubscribe = this.following = undefined;
  }

  /** Loads the offer (and a shared team), then follows the team in focus; resolves once it shows (never rejects). */
  load = (): Promise<void> => {
    this.stop();
    const { product, team: sharedId } = this.query();
    const api = this.api;
    if (!product || !this.adapter) return Promise.resolve();
    if (!api) {
      this.set('none');
      return Promise.resolve();
    }
    const run = this.run;
    const { signal } = (this.abort = new AbortController());
    const sent = Date.now();
    // A reload after an action keeps the current view instead of flashing the skeleton.
    if (!this.offer) this.set('loading');
    return Promise.all([
      api.getOffer(product, { signal }),
      sharedId ? api.getTeam(sharedId, { signal }).catch(() => undefined) : undefined,
    ]).then(([offer, shared]) => {
      if (run !== this.run) return;
      if (!offer) return this.set('none');
      // Half the round trip is the best guess of when the server read its clock.
      this.offset = Date.parse(offer.serverTime) - (sent + Date.now()) / 2;
      this.offer = offer;
      this.focus(offer.yourTeam ?? (shared?.campaignId === offer.campaign.id ? shared : undefined));
      this.set('ready');
    }, (e) => this.fail(e, run));
  };

  private set(status: GroupBuyStatus, error?: KithError): void {
    this.state = { status, error };
    this.host.requestUpdate();
  }

  private fail(e: unknown, run: number): void {
    if (run !== this.run || isAbortError(e)) return;
    this.set('error', toKithError(e));
  }

  /** Puts a team in focus and follows it live; `you` survives public pushes of the same team. */
  private focus(team: GroupBuyTeam | undefined): void {
    const prev = this.team;
    this.team = team;
    if (team?.id !== this.following) {
      this.unsubscribe?.();
      this.following = team?.id;
      this.unsubscribe = team && this.api?.subscribeTeam(team.id, (pushed) => this.onPush(pushed), {
        onError: (e) => this.fail(e, this.run),
      });
    }
    this.onTeam(team, prev);
    this.host.requestUpdate();
  }

  private onPush(pushed: GroupBuyTeam): void {
    const mine = this.team?.id === pushed.id ? this.team.you : undefined;
    const prev = this.team;
    this.focus(mine ? { ...pushed, you: mine } : pushed);
    // Seats changed and one of them is ours: re-read our own seat (confirmed, lapsed, new price).
    if (mine && prev && (prev.confirmedCount !== pushed.confirmedCount || prev.seatCount !== pushed.seatCount)) this.refresh();
  }

  /** Re-reads the team in focus as the signed-in customer (after a hold lapses, say). */
  refresh = (): void => {
    const id = this.team?.id;
    const run = this.run;
    if (id) this.api?.getTeam(id).then((t) => run === this.run && this.team?.id === id && this.focus(t), () => {});
  };

  /** Shows a team the shopper now holds a seat in (or reloads after leaving one); resolves once it shows. */
  show(team: GroupBuyTeam | undefined): Promise<void> {
    if (!team?.you) return this.load();
    this.focus(team);
    return Promise.resolve();
  }
}
