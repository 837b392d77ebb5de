import type { Context } from 'hono';
import { streamSSE } from 'hono/streaming';
import type { Deps } from './env.js';
import { eventsAfter, type EventLog } from './storage/events.js';

export interface SnapshotStream {
  readonly log: EventLog;
  readonly shopId: string;
  readonly subjectId: string;
  /** The current state, read (and any 404 thrown) before the stream starts. */
  readonly current: unknown;
  /**
   * The subject's latest event id read before `current` (`latestEventId`): whatever the log holds
   * after it may have happened after `current` was read, and is sent after it.
   */
  readonly currentAt: string;
  /** `Last-Event-ID` (header or query) to resume after. */
  readonly resumeFrom?: string;
  /** Applied to each snapshot as it is sent (the team stream stamps `serverTime`). */
  readonly render?: (data: unknown) => unknown;
}

/**
 * An SSE stream of one subject's snapshots: missed events after `Last-Event-ID` (or the current
 * state and any event logged since it was read), then every change the hub pushes, each once and
 * in id order, with `: ping` heartbeats. The `event:` name is the log's topic. A change committed
 * between reading `current` and subscribing to the hub is in the log, so it is never lost.
 */
export function streamSnapshots(c: Context, { db, hub, heartbeatMs = 15_000 }: Deps, s: SnapshotStream): Response {
  const render = s.render ?? ((d) => d);
  return streamSSE(c, async (stream) => {
    // Buffer pushes that arrive while we replay, then drain in id order without duplicates.
    let sent = -1n;
    let replaying = true;
    const pending: { id: string; data: unknown }[] = [];
    const send = async (e: { id: string; data: unknown }) => {
      if (BigInt(e.id) <= sent) return;
      sent = BigInt(e.id);
      await stream.writeSSE({ event: s.log.topic, id: e.id, data: JSON.stringify(render(e.data)) });
    };
    const unsubscribe = hub.subscribe(s.log.topic, s.shopId, s.subjectId, (e) =>
      replaying ? pending.push(e) : void send(e).catch(() => {}),
    );
    const heartbeat = setInterval(() => void stream.write(': ping\n\n').catch(() => {}), heartbeatMs);
    const closed = new Promise<void>((resolve) => stream.onAbort(resolve));
    try {
      // Every event after `from`, a page at a time (a client may have missed more than one page).
      const sendAfter = async (from: string) => {
        let after = from;
        for (;;) {
          const page = await eventsAfter(db, s.log, s.shopId, s.subjectId, after);
          if (!page.length) return;
          for (const e of page) await send(e);
          after = page.at(-1)!.id;
        }
      };
      const resuming = !!s.resumeFrom && /^\d+$/.test(s.resumeFrom);
      const missed = resuming ? await eventsAfter(db, s.log, s.shopId, s.subjectId, s.resumeFrom!, 1) : [];
      if (missed.length) await sendAfter(s.resumeFrom!);
      else {
        await send({ id: s.currentAt, data: s.current });
        await sendAfter(s.currentAt);
      }
      replaying = false;
      for (const e of pending.sort((a, b) => (BigInt(a.id) < BigInt(b.id) ? -1 : 1))) await send(e);
      await closed;
    } finally {
      clearInterval(heartbeat);
      unsubscribe();
    }
  });
}
