// Start, join, leave and share: loaded on the shopper's first pointer or focus inside the widget,
// so a page that only shows a group buy doesn't download them.
import {
  emit,
  explainedCode,
  intent,
  registerStrings,
  toKithError,
  type AnalyticsValue,
  type AnnouncerController,
  type AuthErrorCode,
  type ErrorStrings,
  type GroupBuyErrorCode,
  type GroupBuyJoinInput,
  type GroupBuyTeam,
  type Intent,
  type Money,
  type StringTable,
} from '@kith/core';
import type { GroupBuyAction, GroupBuyController } from './controller.js';

/**
 * The codes a start, join or leave can fail with that get their own message (`problem.<code>`);
 * anything else (a timeout, a 5xx) gets `problem`. Every 401 reads as `customer_token_required`.
 */
const EXPLAINED = [
  'customer_token_required',
  'team_full',
  'already_in_team',
  'already_joined',
  'team_closed',
  'team_succeeded',
  'sold_out',
  'campaign_over',
  'campaign_not_started',
] as const satisfies readonly (GroupBuyErrorCode | AuthErrorCode)[];
/** What every locale's table must say: one message per explained code. */
export type GroupBuyProblems = ErrorStrings<(typeof EXPLAINED)[number], 'problem.'>;

registerStrings('group-buy', 'en', {
  'problem.customer_token_required': 'Please sign in to join a team.',
  'problem.team_full': 'That team just filled up. Join another or start your own.',
  'problem.already_in_team': 'You are already in a team for this product.',
  'problem.already_joined': 'You are already in a team for this product.',
  'problem.team_closed': 'Sorry, that is no longer open.',
  'problem.team_succeeded': 'Sorry, that is no longer open.',
  // The campaign's own notes (`sold_out`, `ended`), which the reload after the refusal shows too.
  'problem.sold_out': 'Sold out: every team seat is taken.',
  'problem.campaign_over': 'This group buy has ended.',
  'problem.campaign_not_started': 'Team buying has not opened yet.',
  problem: 'That did not work. Please try again.',
  copied: 'Link copied',
  announceCount: '{name}: {joined} of {max} joined',
  announceSucceeded: 'Team price unlocked: everyone pays {price}',
  announceExpired: 'The team expired',
  shareText: 'Join my team for {title} at {price}',
} satisfies StringTable & GroupBuyProblems);

/** What the actions need from the widget. */
export interface ActionHost {
  readonly el: HTMLElement & {
    requestUpdate(): void;
    readonly updateComplete: Promise<boolean>;
    readonly renderRoot: HTMLElement | DocumentFragment;
  };
  readonly gb: GroupBuyController;
  readonly displayName?: string;
  readonly shareUrl?: string;
  readonly track: (name: string, props?: Record<string, AnalyticsValue>) => void;
  readonly t: (key: string, values?: Record<string, string | number>) => string;
  readonly money: (m: Money) => string;
  readonly announcer: AnnouncerController;
  readonly teamName: (team: GroupBuyTeam) => string;
}

/** Success and expiry at once; seat counts at most every 10 s (the announcer's interval). */
export function announce(h: ActionHost, team: GroupBuyTeam, prev: GroupBuyTeam): void {
  if (team.state !== prev.state) {
    const price = h.money((team.tierReached ?? team.tiers[0]!).price);
    if (team.state === 'succeeded') h.announcer.announce(h.t('announceSucceeded', { price }), true);
    else if (team.state === 'expired') h.announcer.announce(h.t('announceExpired'), true);
    h.track('group_team_state', { from: prev.state, to: team.state });
  } else if (team.seatCount !== prev.seatCount || team.confirmedCount !== prev.confirmedCount) {
    h.announcer.announce(
      h.t('announceCount', { name: h.teamName(team), joined: team.confirmedCount, max: team.maxMembers }),
    );
  }
}

/** After these, the teams on screen are stale: reload them. */
const STALE = new Set<string>([
  'team_full',
  'team_closed',
  'already_in_team',
  'sold_out',
  'campaign_over',
] satisfies GroupBuyErrorCode[]);

type TeamWrite = readonly [GroupBuyAction, string, GroupBuyJoinInput];
/** Each widget's writes: one Idempotency-Key per intent (`join:<team>`), kept across its retries, so a retry after a timeout never takes two seats. */
const intents = new WeakMap<GroupBuyController, Intent<TeamWrite, GroupBuyTeam | undefined>>();
const writesOf = (gb: GroupBuyController): Intent<TeamWrite, GroupBuyTeam | undefined> => {
  let writes = intents.get(gb);
  if (!writes) {
    intents.set(
      gb,
      (writes = intent(
        async ([action, id, input], idempotencyKey) => {
          const api = gb.api!;
          const o = { idempotencyKey };
          return action === 'start'
            ? api.startTeam?.(id, input, o)
            : action === 'join'
              ? api.joinTeam?.(id, input, o)
              : api.leaveTeam?.(id, o);
        },
        (w) => `${w[0]}:${w[1]}`,
      )),
    );
  }
  return writes;
};

async function write(h: ActionHost, action: GroupBuyAction, id: string): Promise<GroupBuyTeam | undefined> {
  const { gb } = h;
  if (!gb.api || gb.busy) return;
  gb.act(action);
  let message: string | undefined;
  try {
    const team = await writesOf(gb).run([action, id, h.displayName ? { displayName: h.displayName } : {}]);
    // Busy until the result is on screen: after leaving, that is a reload of the teams.
    await gb.show(team);
    return team;
  } catch (e) {
    const error = toKithError(e);
    const code = explainedCode(error, EXPLAINED);
    gb.act(action, (message = code ? `problem.${code}` : 'problem'));
    if (STALE.has(error.code)) await gb.load();
    return undefined;
  } finally {
    gb.act(undefined, message);
  }
}

async function leave(h: ActionHost, teamId: string): Promise<boolean> {
  if (!(await write(h, 'leave', teamId))) return false;
  h.track('group_team_leave', { team: teamId });
  emit(h.el, 'kith-group-leave', { teamId });
  return true;
}

/** Starts a team or joins one, then hands the held seat to the host's cart; a cancelled event gives it back. */
async function take(h: ActionHost, action: 'start' | 'join', id: string): Promise<boolean> {
  const team = await write(h, action, id);
  const you = team?.you;
  if (!team || !you) return false;
  h.track(action === 'start' ? 'group_team_start' : 'group_team_join', { team: team.id });
  const detail = {
    teamId: team.id,
    campaignId: team.campaignId,
    productId: team.productId,
    price: you.price,
    holdExpiresAt: you.holdExpiresAt ?? '',
    leader: you.leader,
  };
  if (emit(h.el, 'kith-group-join', detail, { cancelable: true })) return true;
  await leave(h, team.id);
  return false;
}

/**
 * A write disables the buttons and replaces the one pressed (Join becomes Invite and Leave), which
 * drops keyboard focus to the top of the page. Once the result renders, focus goes to the first of
 * `selectors` there is; focus the shopper has moved elsewhere meanwhile stays where it is.
 */
function refocus(h: ActionHost, selectors: readonly string[]): Promise<void> {
  return h.el.updateComplete.then(() => {
    // Still on a live control of ours: fine. (A removed or disabled one may still be reported
    // focused until the browser's next rendering step.)
    const mine = (h.el.renderRoot as ShadowRoot).activeElement as HTMLButtonElement | null;
    if (mine?.isConnected && !mine.disabled) return;
    const active = (h.el.getRootNode() as Document | ShadowRoot).activeElement;
    if (active && active !== document.body && active !== h.el) return;
    for (const selector of selectors) {
      const next = h.el.renderRoot.querySelector<HTMLElement>(selector);
      if (next) return next.focus();
    }
  });
}

/** The native share sheet where there is one, else copies the link and says so. */
async function share(h: ActionHost, team: GroupBuyTeam): Promise<void> {
  const title = h.gb.offer?.campaign.product.title ?? '';
  const url = new URL(h.shareUrl ?? location.href, location.href);
  if (!h.shareUrl) url.searchParams.set('kith_team', team.id);
  const text = h.t('shareText', { title, price: h.money((team.tierReached ?? team.tiers[0]!).price) });
  h.track('group_share', { team: team.id });
  try {
    if (navigator.share) return await navigator.share({ title, text, url: url.href });
  } catch (e) {
    // The shopper closed the sheet; anything else falls back to copying.
    if ((e as Error).name === 'AbortError') return;
  }
  await navigator.clipboard.writeText(url.href);
  h.gb.act(h.gb.busy, 'copied');
}

export type TeamAction = GroupBuyAction | 'share';

/** What a button's `data-act` asks for, on the team or campaign in its `data-id`. */
export async function run(h: ActionHost, action: TeamAction, id: string): Promise<void> {
  if (action === 'share') return h.gb.team ? share(h, h.gb.team) : undefined;
  const done = action === 'leave' ? await leave(h, id) : await take(h, action, id);
  // Done: the controls that replaced the pressed one. Not done: the same button again, or another.
  const next = !done
    ? [`[data-act="${action}"][data-id="${id}"]`]
    : action === 'leave'
      ? [`[data-act="join"][data-id="${id}"]`, '[data-act="start"]']
      : ['.actions button'];
  await refocus(h, [...next, 'button[data-act]:not([disabled])']);
}
