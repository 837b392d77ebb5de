import type { Db } from './db.js';
import type { LiveShowResponse } from './schemas/live.js';
import { eventById, liveChannel } from './storage/live.js';

export type ShowListener = (event: { id: string; show: LiveShowResponse }) => void;

/**
 * One LISTEN per process, fanned out to this process's SSE streams by show id. With PostgreSQL a
 * change written through any process reaches every process; with PGlite, NOTIFY is in-process.
 */
export class LiveHub {
  private readonly byShow = new Map<string, Set<ShowListener>>();
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
    this.byShow.clear();
  }

  subscribe(shopId: string, showId: string, listener: ShowListener): () => void {
    const key = `${shopId}\u0000${showId}`;
    const set = this.byShow.get(key) ?? new Set();
    set.add(listener);
    this.byShow.set(key, set);
    return () => {
      set.delete(listener);
      if (!set.size) this.byShow.delete(key);
    };
  }

  /** Open streams, for tests and /healthz. */
  get listeners(): number {
    let n = 0;
    for (const set of this.byShow.values()) n += set.size;
    return n;
  }

  private async dispatch(payload: string): Promise<void> {
    try {
      const { shopId, showId, eventId } = JSON.parse(payload) as { shopId: string; showId: string; eventId: string };
      const listeners = this.byShow.get(`${shopId}\u0000${showId}`);
      if (!listeners?.size) return;
      const event = await eventById(this.db, eventId);
      if (event?.shopId === shopId && event.showId === showId) for (const listener of [...listeners]) listener({ id: event.id, show: event.show });
    } catch (e) {
      console.warn('[kith-server] could not dispatch a live event:', (e as Error).message);
    }
  }
}
