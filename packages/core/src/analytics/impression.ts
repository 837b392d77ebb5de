import type { ReactiveController, ReactiveElement } from 'lit';

export interface ImpressionOptions {
  /** Share of the element that must be visible. */
  readonly threshold?: number;
  /** How long it must stay visible, in ms. */
  readonly dwell?: number;
}

/**
 * Calls `onImpression` once per element (not again on reconnect) when the host has been at least half visible for a
 * second (the IAB viewability rule). Leaves no observer or timer behind on disconnect.
 */
export class ImpressionController implements ReactiveController {
  private observer?: IntersectionObserver;
  private timer?: ReturnType<typeof setTimeout>;
  private seen = false;

  constructor(
    private readonly host: ReactiveElement,
    private readonly onImpression: () => void,
    private readonly options: ImpressionOptions = {},
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    if (this.seen || typeof IntersectionObserver === 'undefined') return;
    const threshold = this.options.threshold ?? 0.5;
    this.observer = new IntersectionObserver(
      ([entry]) => {
        if (entry && entry.isIntersecting && entry.intersectionRatio >= threshold) {
          this.timer ??= setTimeout(() => {
            this.seen = true;
            this.hostDisconnected();
            this.onImpression();
          }, this.options.dwell ?? 1000);
        } else {
          clearTimeout(this.timer);
          this.timer = undefined;
        }
      },
      { threshold },
    );
    this.observer.observe(this.host);
  }

  hostDisconnected(): void {
    this.observer?.disconnect();
    this.observer = undefined;
    clearTimeout(this.timer);
    this.timer = undefined;
  }
}
