import { randomUUID } from 'node:crypto';
import type { Db } from '../../db.js';
import { ApiError, conflict, notFound } from '../../errors.js';
import type { GroupBuyAdminTeamResponse, GroupBuyOfferResponse, GroupBuyTeamResponse, TierValue } from './schemas.js';
import type { WebhookType } from '../webhooks/schemas.js';
import { appendEvent, TEAM_LOG } from '../../storage/events.js';
import {
  afterTimeAndId,
  cursorTime,
  decodeCursor,
  encodeCursor,
  isCursorId,
  isCursorTime,
  params,
} from '../../storage/cursor.js';
import { campaignForProduct, campaignRow, LIVE_SEAT, parseTiers, toCampaign } from './campaigns.js';
import { queueWebhook } from '../webhooks/storage.js';
import { iso } from '../../time.js';

type TeamState = GroupBuyTeamResponse['state'];
type TeamRow = {
  shop_id: string;
  id: string;
  campaign_id: string;
  product_id: string;
  state: TeamState;
  currency: string;
  solo_price_minor: number;
  tiers: TierValue[] | string;
  max_members: number;
  hold_seconds: number;
  created_at: Date | string;
  expires_at: Date | string;
  ended_at: Date | string | null;
  past_deadline: boolean;
  cursor_at?: string;
};
type SeatRow = {
  id: string;
  team_id: string;
  customer_id: string;
  display_name: string | null;
  status: 'held' | 'confirmed' | 'lapsed' | 'left';
  leader: boolean;
  hold_expires_at: Date | string | null;
  order_id: string | null;
  created_at: Date | string;
};
/** A team with all its seats (history included), oldest first. */
interface Loaded {
  readonly row: TeamRow;
  readonly seats: readonly SeatRow[];
}

const OPEN = "('forming', 'succeeded')";
const TEAM_COLUMNS = `*, expires_at <= now() AS past_deadline, ${cursorTime('created_at')} AS cursor_at`;
const isLive = (s: SeatRow) => s.status === 'held' || s.status === 'confirmed';

/** One or two letters from the first two words; `?` when there is no name. */
export const initials = (name: string | null): string =>
  (name ?? '')
    .trim()
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((w) => Array.from(w)[0]!.toUpperCase())
    .join('') || '?';

// ── Views ───────────────────────────────────────────────────────────────────────────────────

function summary(l: Loaded) {
  const live = l.seats.filter(isLive);
  const confirmed = live.filter((s) => s.status === 'confirmed').length;
  const tiers = parseTiers(l.row.tiers);
  return { live, confirmed, tiers, tierReached: [...tiers].reverse().find((t) => t.size <= confirmed) ?? null };
}

/** The public view: initials only, never a name or id beyond the leader's chosen display name. */
export function publicTeam(l: Loaded): GroupBuyTeamResponse {
  const { live, confirmed, tiers, tierReached } = summary(l);
  const r = l.row;
  // After every member left, the last leader still names the (expired) team.
  const leader = live.find((s) => s.leader) ?? l.seats.filter((s) => s.leader).at(-1);
  return {
    id: r.id,
    campaignId: r.campaign_id,
    productId: r.product_id,
    state: r.state,
    leaderName: leader?.display_name ?? 'A shopper',
    members: live.map((s) => ({
      initials: initials(s.display_name),
      leader: s.leader,
      seat: s.status as 'held' | 'confirmed',
    })),
    confirmedCount: confirmed,
    seatCount: live.length,
    maxMembers: r.max_members,
    tiers,
    soloPrice: { minor: r.solo_price_minor, currency: r.currency },
    tierReached,
    createdAt: iso(r.created_at),
    expiresAt: iso(r.expires_at),
    ...(r.ended_at ? { endedAt: iso(r.ended_at) } : {}),
  };
}

/** The merchant's view (admin API, webhooks): who holds each seat, holds and orders. */
export function adminTeam(l: Loaded): GroupBuyAdminTeamResponse {
  return {
    ...publicTeam(l),
    seats: l.seats.filter(isLive).map((s) => ({
      customerId: s.customer_id,
      ...(s.display_name ? { displayName: s.display_name } : {}),
      leader: s.leader,
      seat: s.status as 'held' | 'confirmed',
      ...(s.status === 'held' && s.hold_expires_at ? { holdExpiresAt: iso(s.hold_expires_at) } : {}),
      ...(s.order_id ? { orderId: s.order_id } : {}),
      joinedAt: iso(s.created_at),
    })),
  };
}

/** The public view plus the customer's own seat (when they hold one) and the server's clock. */
function customerTeam(l: Loaded, customerId?: string): GroupBuyTeamResponse {
  const team = publicTeam(l);
  const seat = customerId ? l.seats.find((s) => isLive(s) && s.customer_id === customerId) : undefined;
  const you = seat && {
    seat: seat.status as 'held' | 'confirmed',
    leader: seat.leader,
    ...(seat.status === 'held' && seat.hold_expires_at ? { holdExpiresAt: iso(seat.hold_expires_at) } : {}),
    price: (team.tierReached ?? team.tiers[0]!).price,
  };
  return { ...team, ...(you ? { you } : {}), serverTime: new Date().toISOString() };
}

async function load(db: Db, shopId: string, rows: readonly TeamRow[]): Promise<Loaded[]> {
  if (!rows.length) return [];
  const { rows: seats } = await db.query<SeatRow>(
    `SELECT id, team_id, customer_id, display_name, status, leader, hold_expires_at, order_id, created_at FROM group_buy_seats
     WHERE shop_id = $1 AND team_id = ANY($2) ORDER BY created_at, id`,
    [shopId, rows.map((r) => r.id)],
  );
  return rows.map((row) => ({ row, seats: seats.filter((s) => s.team_id === row.id) }));
}

async function teamRow(
  db: Db,
  shopId: string,
  id: string,
  lock: '' | 'FOR UPDATE' | 'FOR UPDATE SKIP LOCKED' = '',
): Promise<TeamRow | undefined> {
  const { rows } = await db.query<TeamRow>(
    `SELECT ${TEAM_COLUMNS} FROM group_buy_teams WHERE shop_id = $1 AND id = $2 ${lock}`,
    [shopId, id],
  );
  return rows[0];
}

async function loadTeam(db: Db, shopId: string, id: string): Promise<Loaded> {
  const row = await teamRow(db, shopId, id);
  if (!row) throw notFound(`Team ${id}`);
  return (await load(db, shopId, [row]))[0]!;
}

/** Locks the team row for the rest of the transaction: every change to a team goes through here. */
async function lockTeam(tx: Db, shopId: string, id: string): Promise<void> {
  if (!(await teamRow(tx, shopId, id, 'FOR UPDATE'))) throw notFound(`Team ${id}`);
}

// ── The state machine ───────────────────────────────────────────────────────────────────────

interface Cause {
  /** The caller changed seats (join, leave, confirm): publish even if no transition follows. */
  readonly changed?: boolean;
  /** Confirmed seats before a confirmation: tiers between this and now fire `team.tier_reached`. */
  readonly confirmedBefore?: number;
  /** Webhooks the caller's change causes (`team.member_left`). */
  readonly events?: readonly Pending[];
}
interface Pending {
  readonly type: WebhookType;
  readonly subkey: number;
  readonly extra?: Record<string, unknown>;
}

/**
 * Applies what is due to a team whose row the caller holds locked, then the transitions its seats
 * call for, each as one conditional UPDATE (so however many processes race, each happens once).
 * When anything changed, the new public state is appended to the team's stream and the webhooks
 * are queued, all in the caller's transaction.
 */
async function settle(tx: Db, shopId: string, id: string, cause: Cause = {}): Promise<Loaded> {
  const row = (await teamRow(tx, shopId, id))!;
  const events: Pending[] = [...(cause.events ?? [])];
  let changed = cause.changed ?? false;
  if (row.state === 'forming' || row.state === 'succeeded') {
    // Holds run out; at the deadline every held seat goes (only confirmed seats count then).
    const lapsed = await tx.query(
      `UPDATE group_buy_seats SET status = 'lapsed', ended_at = now()
       WHERE shop_id = $1 AND team_id = $2 AND status = 'held' AND (hold_expires_at <= now() OR $3::boolean) RETURNING id`,
      [shopId, id, row.past_deadline],
    );
    if (lapsed.rows.length) changed = true;
  }
  if (changed) {
    // The earliest remaining member leads when the leader's seat is gone.
    await tx.query(
      `UPDATE group_buy_seats SET leader = true WHERE id = (
         SELECT id FROM group_buy_seats WHERE shop_id = $1 AND team_id = $2 AND status IN ('held', 'confirmed') ORDER BY created_at, id LIMIT 1)
       AND NOT EXISTS (SELECT 1 FROM group_buy_seats WHERE shop_id = $1 AND team_id = $2 AND status IN ('held', 'confirmed') AND leader)`,
      [shopId, id],
    );
  }
  const {
    rows: [n],
  } = await tx.query<{ confirmed: number; seats: number }>(
    `SELECT count(*) FILTER (WHERE status = 'confirmed')::int AS confirmed, count(*)::int AS seats
     FROM group_buy_seats WHERE shop_id = $1 AND team_id = $2 AND status IN ('held', 'confirmed')`,
    [shopId, id],
  );
  const { confirmed, seats } = n!;
  const tiers = parseTiers(row.tiers);

  const move = async (to: TeamState, from: TeamState[], type?: WebhookType) => {
    const { rows } = await tx.query(
      `UPDATE group_buy_teams SET state = $3, ended_at = CASE WHEN $3 IN ('closed', 'expired') THEN now() END
       WHERE shop_id = $1 AND id = $2 AND state = ANY($4) RETURNING id`,
      [shopId, id, to, from],
    );
    if (!rows.length) return;
    changed = true;
    if (type) events.push({ type, subkey: 0 });
  };
  if (row.past_deadline) {
    await move('expired', ['forming'], 'team.expired');
    await move('closed', ['succeeded']);
  } else {
    if (confirmed >= tiers[0]!.size) await move('succeeded', ['forming'], 'team.succeeded');
    const before = cause.confirmedBefore ?? confirmed;
    for (const tier of tiers)
      if (tier.size > before && tier.size <= confirmed)
        events.push({ type: 'team.tier_reached', subkey: tier.size, extra: { tier } });
    if (confirmed >= row.max_members) await move('closed', ['forming', 'succeeded']);
    else if (seats === 0) await move('expired', ['forming'], 'team.expired');
  }

  const loaded = (await load(tx, shopId, [(await teamRow(tx, shopId, id))!]))[0]!;
  if (changed) await appendEvent(tx, TEAM_LOG, shopId, id, publicTeam(loaded));
  if (events.length) {
    const team = adminTeam(loaded);
    for (const e of events) await queueWebhook(tx, shopId, id, e.type, e.subkey, { team, ...e.extra });
  }
  return loaded;
}

export interface DueFilter {
  readonly shopId?: string;
  readonly campaignId?: string;
  /** Every campaign of a product (a product page's offer). */
  readonly productId?: string;
  readonly teamId?: string;
  readonly limit?: number;
  /** The scheduler skips teams another process is settling; reads wait for them. */
  readonly skipLocked?: boolean;
}

/**
 * Settles teams with something due (a hold or the deadline passed), each in its own short
 * transaction. Reads and writes call it for their campaign or team first, so correctness never
 * waits for the scheduler. Returns how many teams were looked at.
 */
export async function applyDue(db: Db, f: DueFilter = {}): Promise<number> {
  const { values, p } = params();
  const filter = [
    f.shopId ? `t.shop_id = ${p(f.shopId)}` : '',
    f.campaignId ? `t.campaign_id = ${p(f.campaignId)}` : '',
    f.productId ? `t.product_id = ${p(f.productId)}` : '',
    f.teamId ? `t.id = ${p(f.teamId)}` : '',
  ]
    .filter(Boolean)
    .map((c) => ` AND ${c}`)
    .join('');
  const { rows } = await db.query<{ shop_id: string; id: string }>(
    `SELECT t.shop_id, t.id FROM group_buy_teams t WHERE t.state IN ${OPEN} AND t.expires_at <= now()${filter}
     UNION
     SELECT t.shop_id, t.id FROM group_buy_seats s JOIN group_buy_teams t ON t.shop_id = s.shop_id AND t.id = s.team_id
     WHERE s.status = 'held' AND s.hold_expires_at <= now() AND t.state IN ${OPEN}${filter}
     LIMIT ${p(f.limit ?? 100)}`,
    values,
  );
  for (const { shop_id, id } of rows) {
    await db.transaction(async (tx) => {
      // A write settles its campaign's due teams inside its own request transaction, which keeps
      // these locks until it commits: take them in the order everywhere else uses (campaign, then
      // team), or two joins could each hold what the other waits for.
      if (f.campaignId)
        await tx.query('SELECT 1 FROM group_buy_campaigns WHERE shop_id = $1 AND id = $2 FOR UPDATE', [
          shop_id,
          f.campaignId,
        ]);
      if (await teamRow(tx, shop_id, id, f.skipLocked ? 'FOR UPDATE SKIP LOCKED' : 'FOR UPDATE'))
        await settle(tx, shop_id, id);
    });
  }
  return rows.length;
}

// ── Shopper actions ─────────────────────────────────────────────────────────────────────────

export interface JoinInput {
  readonly displayName?: string;
}

/** 409 `already_in_team` when the customer holds a live seat in another open team of the campaign. */
async function assertNotInTeam(
  tx: Db,
  shopId: string,
  campaignId: string,
  customerId: string,
  exceptTeam: string | null,
): Promise<void> {
  const { rows } = await tx.query(
    `SELECT 1 FROM group_buy_seats s JOIN group_buy_teams t ON t.shop_id = s.shop_id AND t.id = s.team_id
     WHERE s.shop_id = $1 AND s.campaign_id = $2 AND s.customer_id = $3 AND ${LIVE_SEAT}
       AND t.state IN ${OPEN} AND t.expires_at > now() AND t.id IS DISTINCT FROM $4 LIMIT 1`,
    [shopId, campaignId, customerId, exceptTeam],
  );
  if (rows.length) throw conflict('already_in_team', 'You are already in a team for this offer');
}

async function takeSeat(
  tx: Db,
  shopId: string,
  teamId: string,
  customerId: string,
  displayName: string | undefined,
  leader: boolean,
): Promise<void> {
  const { rows } = await tx.query(
    `INSERT INTO group_buy_seats (shop_id, team_id, campaign_id, customer_id, display_name, status, leader, hold_expires_at)
     SELECT shop_id, id, campaign_id, $3, $4, 'held', $5, now() + hold_seconds * interval '1 second' FROM group_buy_teams WHERE shop_id = $1 AND id = $2
     ON CONFLICT (shop_id, team_id, customer_id) WHERE status IN ('held', 'confirmed') DO NOTHING RETURNING id`,
    [shopId, teamId, customerId, displayName ?? null, leader],
  );
  if (!rows.length) throw conflict('already_joined', 'You already hold a seat in this team');
}

/**
 * Starts a team led by the customer, who holds the first seat. The campaign row is locked for the
 * transaction: seat-taking in one campaign is serialised, so stock and "one open team per
 * customer" hold under concurrency (lock order everywhere: campaign, then team).
 */
export async function startTeam(
  db: Db,
  shopId: string,
  campaignId: string,
  customerId: string,
  input: JoinInput = {},
  options: { teamId?: string } = {},
): Promise<GroupBuyTeamResponse> {
  await campaignRow(db, shopId, campaignId); // 404 before any work
  await applyDue(db, { shopId, campaignId });
  return db.transaction(async (tx) => {
    const c = await campaignRow(tx, shopId, campaignId, true);
    if (c.status === 'scheduled') throw conflict('campaign_not_started', 'This group buy has not started yet');
    if (c.status === 'ended') throw conflict('campaign_over', 'This group buy is over');
    if (c.status === 'sold_out') throw conflict('sold_out', 'Every team-price unit is taken');
    await assertNotInTeam(tx, shopId, campaignId, customerId, null);
    const id = options.teamId ?? `team_${randomUUID()}`;
    // The team copies the campaign's terms: later edits never move its goalposts.
    await tx.query(
      `INSERT INTO group_buy_teams (shop_id, id, campaign_id, product_id, state, currency, solo_price_minor, tiers, max_members, hold_seconds, expires_at)
       SELECT shop_id, $3, id, product_id, 'forming', currency, solo_price_minor, tiers, max_members, hold_seconds, now() + team_duration_seconds * interval '1 second'
       FROM group_buy_campaigns WHERE shop_id = $1 AND id = $2`,
      [shopId, campaignId, id],
    );
    await takeSeat(tx, shopId, id, customerId, input.displayName, true);
    return customerTeam(await settle(tx, shopId, id, { changed: true }), customerId);
  });
}

async function teamCampaign(db: Db, shopId: string, teamId: string): Promise<string> {
  const { rows } = await db.query<{ campaign_id: string }>(
    'SELECT campaign_id FROM group_buy_teams WHERE shop_id = $1 AND id = $2',
    [shopId, teamId],
  );
  if (!rows[0]) throw notFound(`Team ${teamId}`);
  return rows[0].campaign_id;
}

/** Holds a seat for checkout. The team row lock makes the last seat go to exactly one customer. */
export async function joinTeam(
  db: Db,
  shopId: string,
  teamId: string,
  customerId: string,
  input: JoinInput = {},
): Promise<GroupBuyTeamResponse> {
  const campaignId = await teamCampaign(db, shopId, teamId);
  await applyDue(db, { shopId, campaignId });
  return db.transaction(async (tx) => {
    const c = await campaignRow(tx, shopId, campaignId, true);
    await lockTeam(tx, shopId, teamId);
    const l = await settle(tx, shopId, teamId);
    const { live } = summary(l);
    if (l.row.state === 'closed' || l.row.state === 'expired' || l.row.past_deadline)
      throw conflict('team_closed', 'This team is no longer open');
    if (live.some((s) => s.customer_id === customerId))
      throw conflict('already_joined', 'You already hold a seat in this team');
    await assertNotInTeam(tx, shopId, campaignId, customerId, teamId);
    if (c.stock !== null && c.used >= c.stock) throw conflict('sold_out', 'Every team-price unit is taken');
    if (live.length >= l.row.max_members) throw conflict('team_full', 'This team is full');
    await takeSeat(tx, shopId, teamId, customerId, input.displayName, false);
    return customerTeam(await settle(tx, shopId, teamId, { changed: true }), customerId);
  });
}

/**
 * Gives the customer's seat back, only before the team succeeds. A confirmed seat leaving tells
 * the merchant (`team.member_left` with the order id) so they void the payment hold.
 */
export async function leaveTeam(
  db: Db,
  shopId: string,
  teamId: string,
  customerId: string,
): Promise<GroupBuyTeamResponse> {
  await applyDue(db, { shopId, teamId });
  return db.transaction(async (tx) => {
    await lockTeam(tx, shopId, teamId);
    const l = await settle(tx, shopId, teamId);
    const seat = l.seats.find((s) => isLive(s) && s.customer_id === customerId);
    if (!seat) throw conflict('not_a_member', 'You hold no seat in this team');
    if (l.row.state === 'expired') throw conflict('team_closed', 'This team is no longer open');
    if (l.row.state !== 'forming')
      throw conflict('team_succeeded', 'The team has succeeded: seats can no longer be given back here');
    await tx.query("UPDATE group_buy_seats SET status = 'left', ended_at = now() WHERE id = $1", [seat.id]);
    const events: Pending[] =
      seat.status === 'confirmed'
        ? [
            {
              type: 'team.member_left',
              subkey: Number(seat.id),
              extra: {
                member: {
                  customerId,
                  orderId: seat.order_id,
                  ...(seat.display_name ? { displayName: seat.display_name } : {}),
                },
              },
            },
          ]
        : [];
    return customerTeam(await settle(tx, shopId, teamId, { changed: true, events }));
  });
}

// ── Merchant actions and reads ──────────────────────────────────────────────────────────────

/** A customer's held seat, found under the team's lock (see `heldSeat`). */
export interface SeatHold {
  readonly seatId: string;
  /** Confirmed seats before this one: tiers reached by its confirmation are announced once. */
  readonly confirmedBefore: number;
}

/**
 * The first half of confirming a seat, in the caller's transaction (orders: `confirmSeat`): locks
 * the team, settles what is due and finds the customer's held seat; 409 `seat_not_held` otherwise.
 */
export async function heldSeat(tx: Db, shopId: string, teamId: string, customerId: string): Promise<SeatHold> {
  await lockTeam(tx, shopId, teamId);
  const l = await settle(tx, shopId, teamId);
  const seat = l.seats.find((s) => s.status === 'held' && s.customer_id === customerId);
  if (!seat) throw conflict('seat_not_held', `Customer ${customerId} holds no seat in team ${teamId}`);
  return { seatId: seat.id, confirmedBefore: summary(l).confirmed };
}

/**
 * The second half, once the order is written: the seat is confirmed, which may move the team
 * (tiers, success, closed when full). Once the team has succeeded, every confirmed member and the
 * campaign's reward come back for the team points.
 */
export async function confirmHeldSeat(tx: Db, shopId: string, teamId: string, hold: SeatHold, orderId: string) {
  await tx.query(
    "UPDATE group_buy_seats SET status = 'confirmed', order_id = $2, hold_expires_at = NULL WHERE id = $1",
    [hold.seatId, orderId],
  );
  const team = await settle(tx, shopId, teamId, { changed: true, confirmedBefore: hold.confirmedBefore });
  const succeeded = team.row.state === 'succeeded' || team.row.state === 'closed';
  const confirmed = succeeded
    ? team.seats.filter((s) => s.status === 'confirmed').map((s) => ({ customerId: s.customer_id, leader: s.leader }))
    : [];
  const rewardPoints = succeeded
    ? ((
        await tx.query<{ reward_points: number | null }>(
          'SELECT reward_points FROM group_buy_campaigns WHERE shop_id = $1 AND id = $2',
          [shopId, team.row.campaign_id],
        )
      ).rows[0]?.reward_points ?? null)
    : null;
  return { team: adminTeam(team), succeeded, confirmed, rewardPoints };
}

/** One team, with `you` for its member and the server's clock. */
export async function getTeam(
  db: Db,
  shopId: string,
  teamId: string,
  customerId?: string,
): Promise<GroupBuyTeamResponse> {
  await applyDue(db, { shopId, teamId });
  return customerTeam(await loadTeam(db, shopId, teamId), customerId);
}

/** The product's campaign, open teams to join (not the customer's, not full, soonest deadline first) and the customer's own team. */
export async function getOffer(
  db: Db,
  shopId: string,
  productId: string,
  customerId?: string,
): Promise<GroupBuyOfferResponse> {
  await applyDue(db, { shopId, productId });
  const c = await campaignForProduct(db, shopId, productId);
  if (!c) throw new ApiError(404, 'no_campaign', `Product ${productId} has no group buy`);
  const mine = `EXISTS (SELECT 1 FROM group_buy_seats s WHERE s.shop_id = t.shop_id AND s.team_id = t.id AND s.customer_id = $3 AND ${LIVE_SEAT})`;
  const [open, own] = await Promise.all([
    db.query<TeamRow>(
      `SELECT ${TEAM_COLUMNS} FROM group_buy_teams t
       WHERE t.shop_id = $1 AND t.campaign_id = $2 AND t.state IN ${OPEN} AND t.expires_at > now() AND NOT ${mine}
         AND (SELECT count(*) FROM group_buy_seats s WHERE s.shop_id = t.shop_id AND s.team_id = t.id AND ${LIVE_SEAT}) < t.max_members
       ORDER BY t.expires_at, t.id LIMIT 5`,
      [shopId, c.id, customerId ?? null],
    ),
    customerId
      ? db.query<TeamRow>(
          `SELECT ${TEAM_COLUMNS} FROM group_buy_teams t WHERE t.shop_id = $1 AND t.campaign_id = $2 AND t.state <> 'expired' AND ${mine}
          ORDER BY t.created_at DESC, t.id LIMIT 1`,
          [shopId, c.id, customerId],
        )
      : { rows: [] as TeamRow[] },
  ]);
  const [teams, yours] = await Promise.all([load(db, shopId, open.rows), load(db, shopId, own.rows)]);
  return {
    campaign: toCampaign(c),
    teams: teams.map((l) => customerTeam(l)),
    yourTeam: yours[0] ? customerTeam(yours[0], customerId) : null,
    serverTime: new Date().toISOString(),
  };
}

/** The merchant's list, newest first, keyset-paged, filtered by state and campaign. */
export async function adminTeams(
  db: Db,
  shopId: string,
  q: { state?: TeamState; campaign?: string; cursor?: string; limit: number },
) {
  await applyDue(db, { shopId, campaignId: q.campaign });
  const { values, p } = params([shopId]);
  const where = ['shop_id = $1'];
  if (q.state) where.push(`state = ${p(q.state)}`);
  if (q.campaign) where.push(`campaign_id = ${p(q.campaign)}`);
  if (q.cursor) {
    const [at, id] = decodeCursor(q.cursor, 'teams', (v) => v.length === 2 && isCursorTime(v[0]) && isCursorId(v[1]));
    where.push(afterTimeAndId(at as string, id as string, p));
  }
  const { rows } = await db.query<TeamRow>(
    `SELECT ${TEAM_COLUMNS} FROM group_buy_teams WHERE ${where.join(' AND ')} ORDER BY created_at DESC, id LIMIT ${p(q.limit + 1)}`,
    values,
  );
  const page = rows.slice(0, q.limit);
  const last = page.at(-1);
  return {
    items: (await load(db, shopId, page)).map(adminTeam),
    nextCursor: rows.length > q.limit && last ? encodeCursor('teams', [last.cursor_at!, last.id]) : null,
  };
}

export async function getAdminTeam(db: Db, shopId: string, teamId: string): Promise<GroupBuyAdminTeamResponse> {
  await applyDue(db, { shopId, teamId });
  return adminTeam(await loadTeam(db, shopId, teamId));
}
