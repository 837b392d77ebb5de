import type { ReactiveController, ReactiveElement } from 'lit';
import {
  isAbortError,
  resource,
  storeCache,
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
const teams = storeCache<Resource<GroupBuyTeam>>();
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
 * One team as the shopper sees it, live while something shows it, shared by every widget showing it.
 * Whoever puts it in focus puts the team in hand first (`mutate`: the offer's or a write's answer);
 * the read is the signed-in customer's (with `you`), the stream's pushes are public and keep `you`.
 */
const teamOf = (adapter: KithAdapter, id: string): Resource<GroupBuyTeam> =>
  teams(adapter, id, () => {
    const api = groupBuyOf(adapter)!;
    const $team: Resource<GroupBuyTeam> = resource(
      // A failed re-read keeps the team as it was: the stream still brings its changes.
      (signal) => api.getTeam(id, { signal }).catch(() => $team.get().data!),
      {
        subscribe: () =>
          api.subscribeTeam(
            id,
            (pushed) => {
              const prev = $team.get().data;
              const you = prev?.you;
              $team.mutate(you ? { ...pushed, you } : pushed);
              // Seats changed and one of them is ours: re-read our own seat (confirmed, lapsed, new price).
              if (prev && you && (prev.confirmedCount !== pushed.confirmedCount || prev.seatCount !== pushed.seatCount))
                $team.revalidate();
            },
            { onError: (e) => isAbortError(e) || $team.fail(e) },
          ),
      },
    );
    return $team;
  });

/**
 * The group buy of one product as a shopper sees it: the offer, the team in focus (the shopper's
 * own, else the one a shared link points at) kept live by its store (`teamOf`), the server's
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
  private $team?: Resource<GroupBuyTeam>;
  private offTeam?: () => void;
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
    this.offTeam?.();
    this.off = this.offTeam = this.$team = undefined;
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

  /** Puts a team in focus (in hand: the offer's, a write's answer) and follows its store. */
  private focus(team: GroupBuyTeam | undefined): void {
    const $team = team && teamOf(this.adapter!, team.id);
    if ($team && $team === this.$team) return $team.mutate(team!);
    this.offTeam?.();
    $team?.mutate(team!);
    this.$team = $team;
    this.offTeam = $team?.subscribe((s) => this.follow(s));
    if (!$team) this.follow({ status: 'ready' });
  }

  /** Every change of the team in focus (stream pushes and re-reads included); a stream that failed fails the widget. */
  private follow(s: ResourceState<GroupBuyTeam | undefined>): void {
    if (s.status === 'error') return this.set('error', s.error);
    const prev = this.team;
    this.team = s.data;
    this.onTeam(s.data, prev);
    this.host.requestUpdate();
  }

  /** Shows a team the shopper now holds a seat in (or reloads after leaving one); resolves once it shows. */
  show(team: GroupBuyTeam | undefined): Promise<void> {
    if (!team?.you) return this.load();
    this.focus(team);
    return Promise.resolve();
  }
}
