import type { Db } from './db.js';
import { createDbMediaStore, type MediaStore } from './domains/media/store.js';
import { pruneMedia } from './domains/media/storage.js';
import { applyDue } from './domains/group-buy/storage.js';
import { applyDueExpiries } from './domains/points/ledger.js';
import { approveDueReferrals } from './domains/referrals/storage.js';
import { deliverDueWebhooks, type DeliveryOptions } from './domains/webhooks/storage.js';

export interface SchedulerDeps {
  readonly db: Db;
  /** Where photo bytes live (abandoned uploads' bytes are deleted there); default: the database. */
  readonly media?: MediaStore;
  /** First webhook retry after this many ms, then ×4 per attempt; default 30 s. */
  readonly webhookRetryBaseMs?: number;
  /** Per-attempt timeout; default 5 s. */
  readonly webhookTimeoutMs?: number;
}

export interface GroupBuyScheduler {
  /**
   * One pass now (also what each tick runs): lapse holds, apply deadlines, expire due points,
   * approve due referrals, send due webhooks, delete uploads no review took within 24 hours.
   */
  runOnce(): Promise<{ teams: number; expired: number; referrals: number; webhooks: number; media: number }>;
  /** Stops the timer and waits for a pass in progress. */
  stop(): Promise<void>;
}

/**
 * Keeps group buys and points moving without traffic: held seats past their hold lapse, teams past
 * their deadline expire or close, points past their expiry are written off (oldest first), referral
 * conversions past their return window are rewarded, due webhooks are sent and photos uploaded over 24 hours ago that no
 * review took are deleted (200 a pass). Any number of processes may run one against the same database: transitions
 * are conditional UPDATEs (a referral's on its locked pending row), a customer's expiry is applied under their account lock (skipped while
 * another process holds it), and deliveries and abandoned uploads are claimed with SKIP LOCKED, so each happens once.
 * Reads and writes apply what is due themselves, so the timer only bounds how late a webhook, an
 * unwatched team or an absent customer's expiry is.
 */
export function startGroupBuyScheduler(
  deps: SchedulerDeps,
  { intervalMs = 5_000 }: { intervalMs?: number } = {},
): GroupBuyScheduler {
  const delivery: DeliveryOptions = { retryBaseMs: deps.webhookRetryBaseMs, timeoutMs: deps.webhookTimeoutMs };
  const store = deps.media ?? createDbMediaStore(deps.db);
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> = Promise.resolve();
  let stopped = false;

  const pass = async () => {
    const teams = await applyDue(deps.db, { skipLocked: true, limit: 200 });
    const expired = await applyDueExpiries(deps.db, { skipLocked: true, limit: 200 });
    const referrals = await approveDueReferrals(deps.db, { skipLocked: true, limit: 200 });
    const webhooks = await deliverDueWebhooks(deps.db, delivery);
    // Answers are replayed for 48 hours (docs/server.md); older keys may run again.
    await deps.db.query("DELETE FROM idempotency_keys WHERE created_at < now() - interval '48 hours'");
    const media = await pruneMedia(deps.db, store, 24, { limit: 200 });
    return { teams, expired, referrals, webhooks, media };
  };
  // Passes never overlap: the next is scheduled when one ends.
  const runOnce = () => {
    const next = running.then(pass, pass);
    running = next.catch(() => {});
    return next;
  };
  const loop = () => {
    if (stopped) return;
    timer = setTimeout(() => {
      runOnce()
        .catch((e) => console.warn('[kith-server] scheduler pass failed:', (e as Error).message))
        .finally(loop);
    }, intervalMs);
    timer.unref();
  };
  loop();
  return {
    runOnce,
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
