import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ReadableAtom } from 'nanostores';

/**
 * Subscribes the host to a store while it is connected and re-renders it on change. Read `value`
 * during render: the subscription, not `.get()`, is what keeps a lazy store mounted.
 */
export class StoreController<T> implements ReactiveController {
  private unsubscribe?: () => void;
  private store: ReadableAtom<T>;
  value: T;

  constructor(
    private readonly host: ReactiveControllerHost,
    store: ReadableAtom<T>,
  ) {
    this.store = store;
    this.value = store.get();
    host.addController(this);
  }

  /** Switches to another store (e.g. when the `show` attribute changes). */
  setStore(store: ReadableAtom<T>): void {
    if (store === this.store) return;
    const connected = this.unsubscribe !== undefined;
    this.hostDisconnected();
    this.store = store;
    this.value = store.get();
    if (connected) this.hostConnected();
    this.host.requestUpdate();
  }

  hostConnected(): void {
    this.unsubscribe ??= this.store.subscribe((v) => {
      this.value = v;
      this.host.requestUpdate();
    });
  }

  hostDisconnected(): void {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
  }
}
