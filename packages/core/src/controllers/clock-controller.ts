import type { ReactiveController, ReactiveElement } from 'lit';

const MINUTE = 60_000;

/** How often a countdown to `left` ms needs to re-render: rarely while far, often near zero. */
export const tickFor = (left: number): number | null =>
  left > 60 * MINUTE ? 60_000 : left > 2 * MINUTE ? 15_000 : left > 0 ? 1_000 : null;

/**
 * Re-renders the host while it is connected so a countdown to `target()` (ms since the epoch, or
 * undefined for none) stays current. By default (`tickFor`) ticks every minute an hour out, every
 * second in the last two minutes, and stops at zero; a countdown that shows seconds passes
 * `() => 1000`. No timer survives a disconnect. The one countdown timer of every widget (live
 * badge, group buy).
 */
export class ClockController implements ReactiveController {
  private timer?: ReturnType<typeof setTimeout>;
  /** The time of the last tick; read it in render instead of calling `Date.now()`. */
  now = Date.now();

  constructor(
    private readonly host: ReactiveElement,
    private readonly target: () => number | undefined,
    private readonly every: (left: number) => number | null = tickFor,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.schedule();
  }

  hostDisconnected(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  /** Call when the target changes, so the next tick fits the new distance. */
  schedule(): void {
    this.hostDisconnected();
    this.now = Date.now();
    const target = this.target();
    const ms = target === undefined || !this.host.isConnected ? null : this.every(target - this.now);
    if (ms === null) return;
    this.timer = setTimeout(() => {
      this.schedule();
      this.host.requestUpdate();
    }, ms);
  }
}
