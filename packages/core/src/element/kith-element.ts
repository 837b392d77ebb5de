import { LitElement, css, nothing, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { isAbortError, toKithError, type KithError } from '../errors.js';
import { emit } from '../events/events.js';
import { track, type AnalyticsValue } from '../analytics/bus.js';
import { ImpressionController } from '../analytics/impression.js';
import { VERSION, uuid } from '../global.js';
import { hostStyles } from '../styles/host.styles.js';
import type { StringTable } from '../i18n/strings.js';
import type { KithAdapter } from '../adapter.js';
import { $config, listenForConsentEvents } from '../config.js';
import { StoreController } from '../controllers/store-controller.js';

/** `loading` before data arrives, `ready` with data, `empty` when there is nothing to show, `error` after a failure. */
export type WidgetState = 'loading' | 'ready' | 'empty' | 'error';

type Ctor = CustomElementConstructor & { version?: string };

/**
 * Base of every Kith widget: shared host styles and tokens, a guarded `define`, an error boundary
 * and analytics plumbing. Widgets implement `renderContent()`; the base swaps in the fallback.
 *
 * @cssstate - none; the host reflects `state` (`loading | ready | empty | error`) as an attribute.
 */
export abstract class KithElement extends LitElement {
  static override styles = [
    hostStyles,
    // A failed widget keeps its reserved box (no layout shift) and leaves the accessibility tree.
    css`
      :host([state='error']) {
        visibility: hidden;
      }
    `,
  ];

  static version = VERSION;

  /**
   * Registers the element, tolerating a second copy of Kith on the page: the first definition
   * wins, a different one only warns. Pass a registry for scoped registries.
   */
  static define(name: string, registry: CustomElementRegistry = customElements): void {
    const self = this as unknown as Ctor;
    const existing = registry.get(name) as Ctor | undefined;
    if (existing) {
      if (existing !== self) {
        console.warn(
          `[kith] <${name}> is already defined (v${existing.version ?? '?'}); ignoring the second definition (v${this.version}).`,
        );
      }
      return;
    }
    try {
      registry.define(name, self);
    } catch {
      // The same class under a second tag name needs its own constructor.
      registry.define(name, class extends (self as unknown as typeof HTMLElement) {});
    }
  }

  // ── PUBLIC API ──────────────────────────────────────────────────────────────────────────────

  /** `light` (default), `dark`, or `auto` to follow the visitor's OS setting. */
  @property({ reflect: true }) theme?: 'light' | 'dark' | 'auto';

  /** Language of this widget (BCP 47); re-renders on change. Unset: nearest ancestor's, then `configure({ locale })`. */
  @property({ reflect: true }) override lang!: string;

  /** Per-instance string overrides, as a property or a JSON attribute: `strings='{"live":"On air"}'`. */
  @property({ type: Object }) strings?: StringTable;

  /** Adapter for this widget only; defaults to the page-wide one from `configure()`. */
  @property({ attribute: false }) adapter?: KithAdapter;

  /** Lifecycle state, reflected for styling from outside: `kith-live-badge[state='error']`. */
  @property({ reflect: true }) state: WidgetState = 'loading';

  /** The last failure, while `state` is `error`. */
  get error(): KithError | undefined {
    return this.failure;
  }

  // ── STATE ───────────────────────────────────────────────────────────────────────────────────

  protected readonly config = new StoreController(this, $config);

  /** This widget's adapter, else the page-wide one; widgets stay `loading` until there is one. */
  protected get activeAdapter(): KithAdapter | undefined {
    return this.adapter ?? this.config.value.adapter;
  }

  /** The host's sign-in page: the widget's own `sign-in-url` (`own`), else `configure({ signInUrl })` or `data-sign-in-url`. */
  protected signInHref(own?: string): string | undefined {
    return own || this.config.value.signInUrl;
  }

  /** Stable per instance; joins this widget's analytics events. */
  readonly instanceId = uuid();
  private failure?: KithError;
  private synced?: object;

  /** Tag name without the `kith-` prefix, for analytics. */
  protected get widgetName(): string {
    return this.localName.replace(/^kith-/, '');
  }

  constructor() {
    super();
    listenForConsentEvents();
    // Every widget reports when it has really been seen (half visible for a second).
    new ImpressionController(this, () => this.track('widget_impression'));
  }

  /** Product id for analytics, when the widget has one. */
  protected get analyticsProduct(): string | undefined {
    return undefined;
  }

  // ── ERROR BOUNDARY ──────────────────────────────────────────────────────────────────────────

  // Lit rethrows render and lifecycle errors from here as unhandled rejections; catching them keeps
  // the host page clean and lets the next update render the fallback.
  protected override scheduleUpdate(): void | Promise<unknown> {
    try {
      return super.scheduleUpdate();
    } catch (e) {
      this.fail(e);
    }
  }

  /** Shows the fallback and emits `kith-error`. Aborts are cancellations, not failures. */
  protected fail(e: unknown): void {
    if (isAbortError(e)) return;
    const error = toKithError(e);
    const again = this.state === 'error';
    this.failure = error;
    this.state = 'error';
    // A failing fallback, or a second error while failed, must not loop or flood the host.
    if (again) return;
    console.warn(`[kith] <${this.localName}> failed and shows its fallback:`, error);
    emit(this, 'kith-error', { error, widget: this.localName });
    this.track('widget_error', { code: error.code });
  }

  /**
   * Mirrors a data store's status on the host: `none` shows as `empty`, `error` goes through the
   * error boundary, and anything else (`loading`, `ready`) clears a previous failure.
   */
  protected syncState(v: { readonly status: 'loading' | 'ready' | 'none' | 'error'; readonly error?: unknown }): void {
    // Only a new value may clear a failure: recovering on every update would re-render a template
    // that just threw, over and over.
    if (v === this.synced) return;
    this.synced = v;
    if (v.status === 'error') this.fail(v.error);
    else this.recover(v.status === 'none' ? 'empty' : v.status);
  }

  /** Clears a failure, e.g. before retrying with new attributes. */
  protected recover(state: WidgetState = 'loading'): void {
    this.failure = undefined;
    this.state = state;
  }

  /** Wraps an event handler so a bug in it can't throw into the host page. */
  protected guard<A extends unknown[]>(fn: (...args: A) => unknown): (...args: A) => void {
    return (...args: A) => {
      try {
        const r = fn.apply(this, args);
        if (r instanceof Promise) r.catch((e) => this.fail(e));
      } catch (e) {
        this.fail(e);
      }
    };
  }

  // ── ANALYTICS ───────────────────────────────────────────────────────────────────────────────

  /** Widget state added to every event, e.g. `{ status: 'live' }`. */
  protected get analyticsProps(): Record<string, AnalyticsValue> {
    return {};
  }

  protected track(name: string, props?: Record<string, AnalyticsValue>): void {
    const product = this.analyticsProduct;
    track({
      name,
      widget: this.widgetName,
      instanceId: this.instanceId,
      ...(product ? { product } : {}),
      props: { ...this.analyticsProps, ...props },
    });
  }

  // ── RENDERING ───────────────────────────────────────────────────────────────────────────────

  protected override render(): TemplateResult | typeof nothing {
    return this.state === 'error' ? this.renderFallback() : this.renderContent();
  }

  /** The widget's own template. */
  protected abstract renderContent(): TemplateResult | typeof nothing;

  /** What a failed widget shows; by default nothing, inside its reserved box. */
  protected renderFallback(): TemplateResult | typeof nothing {
    return nothing;
  }
}
