/** How a stream reconnects when it fails, and when it gives up on streaming for polling. */
export interface RetryOptions {
  /** First reconnect delay in ms (default 1000). Each further failure doubles it. */
  readonly initial?: number;
  /** Cap on the reconnect delay in ms (default 30 000). */
  readonly max?: number;
  /** Consecutive stream failures after which the subscription polls instead (default 3). */
  readonly pollAfter?: number;
}

export type ResolvedRetry = Required<RetryOptions>;

export const resolveRetry = (o: RetryOptions = {}): ResolvedRetry => ({
  initial: o.initial ?? 1000,
  max: o.max ?? 30_000,
  pollAfter: o.pollAfter ?? 3,
});

/**
 * Delay before reconnect attempt `n` (1-based): `initial · 2^(n−1)`, capped at `max`, then a
 * random point in the upper half of that step ("equal jitter"). The jitter spreads out clients that
 * lost the server at the same moment; the lower bound keeps one client from retrying too soon.
 */
export function backoffDelay(n: number, { initial, max }: ResolvedRetry): number {
  const step = Math.min(max, initial * 2 ** Math.min(Math.max(n, 1) - 1, 30));
  return step / 2 + (Math.random() * step) / 2;
}
