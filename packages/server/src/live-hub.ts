import type { Db } from './db.js';
import {
  EVENT_LOGS,
  eventById,
  latestEventId,
  liveChannel,
  type EventLog,
  type EventNotice,
} from './storage/events.js';

export type HubListener<T = unknown> = (event: { id: string; data: T }) => void;

const keyOf = (topic: string, shopId: string, subjectId: string) => `${topic}\u0000${shopId}\u0000${subjectId}`;

/**
 * One LISTEN per process, fanned out to this process's SSE streams by topic (show, team) and
 * subject id. With PostgreSQL a change written through any process reaches every process; with
 * PGlite, NOTIFY is in-process. Notifications sent while the LISTEN connection is down are lost, so
 * when it is back every open stream is sent its subject's latest event (streams skip ids they have).
 */
export class LiveHub {
  private readonly bySubject = new Map<string, Set<HubListener>>();
  private stop?: () => Promise<void>;
  private stopResync?: () => void;

  constructor(private readonly db: Db) {}

  async start(): Promise<void> {
    if (this.stop) return;
    const { rows } = await this.db.query<{ schema: string }>('SELECT current_schema() AS schema');
    this.stopResync = this.db.onListenRestored(() => void this.resync());
    this.stop = await this.db.listen(liveChannel(rows[0]!.schema), (payload) => void this.dispatch(payload));
  }

  async close(): Promise<void> {
    this.stopResync?.();
    await this.stop?.();
    this.stop = undefined;
    this.bySubject.clear();
  }

  /** Calls `listener` with each new snapshot of one show or team; returns the unsubscribe. */
  subscribe<T>(topic: EventLog['topic'], shopId: string, subjectId: string, listener: HubListener<T>): () => void {
    const key = keyOf(topic, shopId, subjectId);
    const set = this.bySubject.get(key) ?? new Set();
    set.add(listener as HubListener);
    this.bySubject.set(key, set);
    return () => {
      set.delete(listener as HubListener);
      if (!set.size) this.bySubject.delete(key);
    };
  }

  /** Open streams, for tests and /healthz. */
  get listeners(): number {
    let n = 0;
    for (const set of this.bySubject.values()) n += set.size;
    return n;
  }

  private async dispatch(payload: string): Promise<void> {
    try {
      const { topic, shopId, subjectId, eventId } = JSON.parse(payload) as EventNotice;
      await this.deliver(topic, shopId, subjectId, eventId);
    } catch (e) {
      console.warn('[kith-server] could not dispatch a stream event:', (e as Error).message);
    }
  }

  /** Each subject with open streams gets its latest event: whatever was missed while LISTEN was down. */
  private async resync(): Promise<void> {
    for (const key of [...this.bySubject.keys()]) {
      const [topic, shopId, subjectId] = key.split('\u0000') as [EventLog['topic'], string, string];
      try {
        await this.deliver(topic, shopId, subjectId);
      } catch (e) {
        // Down again: the next reconnect resyncs.
        console.warn('[kith-server] could not bring streams up to date:', (e as Error).message);
        return;
      }
    }
  }

  /** Reads one event of the subject's log (by default its latest) and hands it to the subject's streams. */
  private async deliver(topic: EventLog['topic'], shopId: string, subjectId: string, eventId?: string): Promise<void> {
    const log = EVENT_LOGS[topic];
    const key = keyOf(topic, shopId, subjectId);
    if (!log || !this.bySubject.get(key)?.size) return;
    const event = await eventById(this.db, log, eventId ?? (await latestEventId(this.db, log, shopId, subjectId)));
    const listeners = this.bySubject.get(key);
    if (listeners && event?.shopId === shopId && event.subjectId === subjectId)
      for (const listener of [...listeners]) listener({ id: event.id, data: event.data });
  }
}
