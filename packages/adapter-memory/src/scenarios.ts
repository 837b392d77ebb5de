import type { MemoryAdapter, ScenarioStep } from './memory-adapter.js';

export interface LiveScenarioOptions {
  /** Time in the scheduled state before going live. */
  readonly scheduledFor?: number;
  /** Time live; viewers rise in steps meanwhile. */
  readonly liveFor?: number;
  /** Time ended before the scenario loops (when looping). */
  readonly endedFor?: number;
  readonly viewerStep?: number;
  readonly replayUrl?: string;
}

/**
 * Scheduled → live with viewers rising → ended with a replay, for one show. With `loop` it
 * reschedules and plays again, so a demo page stays alive.
 */
export function playLiveScenario(adapter: MemoryAdapter, showId: string, o: LiveScenarioOptions & { loop?: boolean } = {}): () => void {
  const { scheduledFor = 8000, liveFor = 30_000, endedFor = 15_000, viewerStep = 37 } = o;
  // Viewers change about every 2 s, and at least twice, so "rising" is always visible.
  const ticks = Math.max(3, Math.floor(liveFor / 2000));
  const reschedule = () =>
    adapter.control.updateShow(showId, {
      status: 'scheduled', startsAt: new Date(Date.now() + scheduledFor).toISOString(),
      startedAt: undefined, endedAt: undefined, viewerCount: undefined, replayUrl: undefined,
    });
  reschedule();
  let viewers = 0;
  const steps: ScenarioStep[] = [
    { after: scheduledFor, run: (c) => { viewers = 120; c.startShow(showId, viewers); } },
    ...Array.from({ length: ticks - 1 }, (): ScenarioStep => ({
      after: liveFor / ticks,
      run: (c) => { viewers += viewerStep + Math.round(Math.random() * viewerStep); c.setViewers(showId, viewers); },
    })),
    { after: liveFor / ticks, run: (c) => c.endShow(showId, o.replayUrl ?? `https://live.example.com/${showId}/replay`) },
    { after: endedFor, run: () => { if (o.loop) reschedule(); } },
  ];
  return adapter.control.play(steps, { loop: o.loop });
}
