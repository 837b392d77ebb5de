import type { Db } from './db.js';
import { EVENT_LOGS, eventById, liveChannel, type EventLog, type EventNotice } from './storage/events.js';

export type HubListener<T = unknown> = (event: { id: string; data: T }) => void;

/**
 * One LISTEN per process, fanned out to this process's SSE streams by topic (show, team) and
 * subject id. With PostgreSQL a change written through any process reaches every process; with
 * PGlite, NOTIFY is in-process.
 */
export class LiveHub {
  private readonly bySubject = new Map<string, Set<HubListener>>();
  private stop?: () => Promise<void>;

  constructor(private readonly db: Db) {}

  async start(): Promise<void> {
    if (this.stop) return;
    const { rows } = await this.db.query<{ schema: string }>('SELECT current_schema() AS schema');
    this.stop = await this.db.listen(liveChannel(rows[0]!.schema), (payload) => void this.dispatch(payload));
  }

  async close(): Promise<void> {
    await this.stop?.();
    this.stop = undefined;
    this.bySubject.clear();
  }

  /** Calls `listener` with each new snapshot of one show or team; returns the unsubscribe. */
  subscribe<T>(topic: EventLog['topic'], shopId: string, subjectId: string, listener: HubListener<T>): () => void {
    const key = `${topic}\u0000${shopId}\u0000${subjectId}`;
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
      const log = EVENT_LOGS[topic];
      const listeners = this.bySubject.get(`${topic}\u0000${shopId}\u0000${subjectId}`);
      if (!log || !listeners?.size) return;
      const event = await eventById(this.db, log, eventId);
      if (event?.shopId === shopId && event.subjectId === subjectId) for (const listener of [...listeners]) listener({ id: event.id, data: event.data });
    } catch (e) {
      console.warn('[kith-server] could not dispatch a stream event:', (e as Error).message);
    }
  }
}
