import type { Db } from './db.js';
import { endShow, getShow, rescheduleShow, setViewers, startShow } from './domains/live/storage.js';

/**
 * Keeps the demo alive: moves one show scheduled → live (viewers rising) → ended → scheduled
 * again, through the same storage calls the admin API uses, so every change is a real write.
 */
export function driveDemo(
  db: Db,
  shopId: string,
  showId: string,
  o: { scheduledFor?: number; liveFor?: number; endedFor?: number } = {},
): () => void {
  const { scheduledFor = 10_000, liveFor = 40_000, endedFor = 15_000 } = o;
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  const wait = (ms: number) =>
    new Promise<void>((r) => {
      timer = setTimeout(r, ms);
    });
  const loop = async () => {
    while (!stopped) {
      await rescheduleShow(db, shopId, showId, new Date(Date.now() + scheduledFor));
      await wait(scheduledFor);
      if (stopped) return;
      if ((await getShow(db, shopId, showId)).status === 'scheduled') await startShow(db, shopId, showId, 120);
      let viewers = 120;
      for (let t = 0; t < liveFor && !stopped; t += 2500) {
        await wait(2500);
        viewers += 20 + Math.round(Math.random() * 40);
        if ((await getShow(db, shopId, showId)).status === 'live') await setViewers(db, shopId, showId, viewers);
      }
      if (stopped) return;
      if ((await getShow(db, shopId, showId)).status === 'live')
        await endShow(db, shopId, showId, `https://live.example.com/${showId}/replay`);
      await wait(endedFor);
    }
  };
  loop().catch((e) => console.warn('[kith-server] demo driver stopped:', (e as Error).message));
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}
