import type { ReactiveController, ReactiveElement } from 'lit';
import {
  isAbortError,
  resource,
  storeCache,
  toKithError,
  type GroupBuyApi,
  type GroupBuyOffer,
  type GroupBuyTeam,
  type KithAdapter,
  type KithError,
  type Resource,
  type ResourceState,
} from '@kith/core';

export type GroupBuyStatus = 'loading' | 'ready' | 'none' | 'error';
export type GroupBuyAction = 'start' | 'join' | 'leave';

/** The offer, a shared team, and server time minus local time; null for an adapter without group buys. */
type Loaded = { readonly offer: GroupBuyOffer | null; readonly shared?: GroupBuyTeam; readonly offset: number } | null;
const offers = storeCache<Resource<Loaded>>();
const groupBuyOf = (adapter: KithAdapter): GroupBuyApi | undefined =>
  adapter.capabilities.has('groupBuy') ? adapter.groupBuy : undefined;

/** One read per adapter, product and shared team (`key`), shared by every widget showing it. */
const offerOf = (adapter: KithAdapter, key: string, product: string, team?: string): Resource<Loaded> =>
  offers(adapter, key, () =>
    resource(async (signal) => {
      const api = groupBuyOf(adapter);
      if (!api) return null;
      const sent = Date.now();
      const [offer, shared] = await Promise.all([
        api.getOffer(product, { signal }),
        team ? api.getTeam(team, { signal }).catch(() => undefined) : undefined,
      ]);
      // Half the round trip is the best guess of when the server read its clock.
      return { offer, shared, offset: offer ? Date.parse(offer.serverTime) - (sent + Date.now()) / 2 : 0 };
    }),
  );

/**
 * The group buy of one product as a shopper sees it: the offer, the team in focus (the shopper's
 * own, else the one a shared link points at) kept live over the adapter's stream, the server's
 * clock. Start / join / leave run in `team-actions.ts`, loaded on first use, which marks them here
 * with `act`.
 */
export class GroupBuyController implements ReactiveController {
  /** A new object on every change, for `KithElement.syncState`. */
  state: { readonly status: GroupBuyStatus; readonly error?: KithError } = { status: 'loading' };
  offer?: GroupBuyOffer;
  /** The team in focus, with `you` from the last signed-in read. */
  team?: GroupBuyTeam;
  /** The action in flight, for busy buttons: until its result shows. */
  busy?: GroupBuyAction;
  /** A string key for the last action's outcome (`problem.team_full`, `copied`), until the next action. */
  message?: string;
  /** Server time minus local time, so deadlines count down on the server's clock. */
  private offset = 0;
  private $offer?: Resource<Loaded>;
  private off?: () => void;
  private shown?: () => void;
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
    return adapter && groupBuyOf(adapter);
  }

  /** Follows the adapter, product and team (call from `willUpdate`). */
  sync(): void {
    const q = this.query();
    const key = q.adapter && q.product ? `${q.product}|${q.team ?? ''}` : '';
    if (key === this.key && this.adapter === q.adapter) return;
    this.key = key;
    this.adapter = q.adapter;
    this.offer = this.team = undefined;
    this.$offer = key ? offerOf(q.adapter!, key, q.product!, q.team) : undefined;
    if (this.host.isConnected) this.hostConnected();
  }

  hostConnected(): void {
    this.hostDisconnected();
    this.off = this.$offer?.subscribe((s) => this.loaded(s));
  }

  hostDisconnected(): void {
    this.off?.();
    this.unsubscribe?.();
    this.off = this.unsubscribe = this.following = undefined;
  }

  /** Reads the offer again (a retry, after a write); resolves once the answer shows (never rejects). */
  load = (): Promise<void> =>
    new Promise((resolve) => {
      if (!this.off) return resolve();
      this.shown = resolve;
      this.$offer!.revalidate();
    });

  private loaded(s: ResourceState<Loaded>): void {
    const d = s.data;
    if (s.status === 'loading') this.set('loading');
    else if (!d && s.status === 'error') this.set('error', s.error);
    else if (!d?.offer) this.set('none');
    else {
      this.offset = d.offset;
      this.offer = d.offer;
      this.focus(d.offer.yourTeam ?? (d.shared?.campaignId === d.offer.campaign.id ? d.shared : undefined));
      this.set('ready');
    }
    if (s.status !== 'loading') this.shown?.();
  }

  private set(status: GroupBuyStatus, error?: KithError): void {
    this.state = { status, error };
    this.host.requestUpdate();
  }

  /** Marks a write in flight (`busy`) and its outcome: the actions chunk calls this around each write. */
  act(busy?: GroupBuyAction, message?: string): void {
    this.busy = busy;
    this.message = message;
    this.host.requestUpdate();
  }

  /** Puts a team in focus and follows it live; `you` survives public pushes of the same team. */
  private focus(team: GroupBuyTeam | undefined): void {
    const prev = this.team;
    this.team = team;
    if (team?.id !== this.following) {
      this.unsubscribe?.();
      this.following = team?.id;
      this.unsubscribe =
        team &&
        this.api?.subscribeTeam(team.id, (pushed) => this.onPush(pushed), {
          onError: (e) => this.off && !isAbortError(e) && this.set('error', toKithError(e)),
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
    if (mine && prev && (prev.confirmedCount !== pushed.confirmedCount || prev.seatCount !== pushed.seatCount))
      this.refresh();
  }

  /** Re-reads the team in focus as the signed-in customer (after a hold lapses, say). */
  refresh = (): void => {
    const id = this.team?.id;
    if (id)
      this.api?.getTeam(id).then(
        (t) => this.off && this.team?.id === id && this.focus(t),
        () => {},
      );
  };

  /** Shows a team the shopper now holds a seat in (or reloads after leaving one); resolves once it shows. */
  show(team: GroupBuyTeam | undefined): Promise<void> {
    if (!team?.you) return this.load();
    this.focus(team);
    return Promise.resolve();
  }
}
