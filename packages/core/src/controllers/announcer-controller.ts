import type { ReactiveController, ReactiveElement } from 'lit';

/**
 * Text for an `aria-live="polite"` region that changes at most once per `interval`, so a screen
 * reader hears a real-time counter now and then instead of on every tick. Urgent messages (a show
 * going live, a team filling) go out at once. Render `value` inside the live region.
 */
export class AnnouncerController implements ReactiveController {
  value = '';
  private last = 0;
  private pending?: string;
  private timer?: ReturnType<typeof setTimeout>;

  constructor(
    private readonly host: ReactiveElement,
    private readonly interval = 30_000,
  ) {
    host.addController(this);
  }

  announce(text: string, urgent = false): void {
    if (text === this.value && !this.pending) return;
    const wait = this.last + this.interval - Date.now();
    if (urgent || wait <= 0) {
      this.flush(text);
      return;
    }
    this.pending = text;
    this.timer ??= setTimeout(() => this.flush(this.pending!), wait);
  }

  private flush(text: string): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.pending = undefined;
    this.last = Date.now();
    this.value = text;
    this.host.requestUpdate();
  }

  hostConnected(): void {}

  hostDisconnected(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.pending = undefined;
  }
}
