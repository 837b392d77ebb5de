import type { Db } from '../db.js';

/**
 * Per-subject logs of snapshots that SSE streams send and resume from (`Last-Event-ID`): live
 * shows and group-buy teams. Each append also NOTIFYs every server process on one channel per
 * schema (`kith_live_public`), so test runs or tenants sharing one database don't hear each other.
 */
export interface EventLog {
  readonly topic: 'show' | 'team';
  readonly table: string;
  readonly subject: string;
}

export const SHOW_LOG: EventLog = { topic: 'show', table: 'live_events', subject: 'show_id' };
export const TEAM_LOG: EventLog = { topic: 'team', table: 'group_buy_team_events', subject: 'team_id' };
export const EVENT_LOGS: Readonly<Record<EventLog['topic'], EventLog>> = { show: SHOW_LOG, team: TEAM_LOG };

export const LIVE_CHANNEL = 'kith_live';
export const liveChannel = (schema: string) => `${LIVE_CHANNEL}_${schema}`;

/** What a notification carries; the snapshot itself is read from the log. */
export interface EventNotice {
  readonly topic: EventLog['topic'];
  readonly shopId: string;
  readonly subjectId: string;
  readonly eventId: string;
}

export interface StoredEvent<T = unknown> {
  readonly id: string;
  readonly shopId: string;
  readonly subjectId: string;
  readonly data: T;
}

const parse = <T>(snapshot: T | string): T => (typeof snapshot === 'string' ? JSON.parse(snapshot) : snapshot);

/** Records a snapshot and notifies every process; inside a transaction, delivered on commit. */
export async function appendEvent(
  tx: Db,
  log: EventLog,
  shopId: string,
  subjectId: string,
  snapshot: unknown,
): Promise<string> {
  const { rows } = await tx.query<{ id: string }>(
    `INSERT INTO ${log.table} (shop_id, ${log.subject}, snapshot) VALUES ($1, $2, $3) RETURNING id`,
    [shopId, subjectId, JSON.stringify(snapshot)],
  );
  const eventId = String(rows[0]!.id);
  const notice: EventNotice = { topic: log.topic, shopId, subjectId, eventId };
  await tx.query("SELECT pg_notify($1 || '_' || current_schema(), $2)", [LIVE_CHANNEL, JSON.stringify(notice)]);
  return eventId;
}

/** Events after `afterId` for one subject, oldest first, for `Last-Event-ID` resumption. */
export async function eventsAfter<T>(
  db: Db,
  log: EventLog,
  shopId: string,
  subjectId: string,
  afterId: string,
  limit = 100,
): Promise<{ id: string; data: T }[]> {
  const { rows } = await db.query<{ id: string; snapshot: T | string }>(
    `SELECT id, snapshot FROM ${log.table} WHERE shop_id = $1 AND ${log.subject} = $2 AND id > $3 ORDER BY id LIMIT $4`,
    [shopId, subjectId, afterId, limit],
  );
  return rows.map((r) => ({ id: String(r.id), data: parse(r.snapshot) }));
}

export async function eventById<T>(db: Db, log: EventLog, eventId: string): Promise<StoredEvent<T> | undefined> {
  const { rows } = await db.query<{ id: string; shop_id: string; subject_id: string; snapshot: T | string }>(
    `SELECT id, shop_id, ${log.subject} AS subject_id, snapshot FROM ${log.table} WHERE id = $1`,
    [eventId],
  );
  const r = rows[0];
  return r && { id: String(r.id), shopId: r.shop_id, subjectId: r.subject_id, data: parse(r.snapshot) };
}

export async function latestEventId(db: Db, log: EventLog, shopId: string, subjectId: string): Promise<string> {
  const { rows } = await db.query<{ id: string | null }>(
    `SELECT max(id) AS id FROM ${log.table} WHERE shop_id = $1 AND ${log.subject} = $2`,
    [shopId, subjectId],
  );
  return String(rows[0]?.id ?? 0);
}
