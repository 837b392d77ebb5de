import { isAbortError, refused, UnsupportedError } from '@kith/core';
import { backoffDelay, resolveRetry, type RetryOptions } from './backoff.js';
import { watchVisibility } from './visibility.js';

/** What we use of an EventSource: the browser's, or a polyfill such as the `eventsource` package. */
export interface EventSourceLike {
  readonly readyState: number;
  close(): void;
  addEventListener(type: string, listener: (event: MessageEvent) => void): void;
}

/** `typeof EventSource` fits. */
export type EventSourceConstructor = new (url: string) => EventSourceLike;

export interface SseOptions<T> {
  /** The `event:` name to listen to; other events and comments (heartbeats) are ignored. */
  readonly event: string;
  /** Without one, the subscription polls `fetchCurrent` from the start. */
  readonly EventSource?: EventSourceConstructor;
  /** Checks one message's parsed JSON; return `undefined` to drop it as malformed. */
  readonly parse: (data: unknown) => T | undefined;
  /**
   * Loads the current value over plain HTTP. Used to poll when streaming is unavailable or keeps
   * failing, and to learn why a stream fails: a 4xx (such as a 404) ends the subscription.
   */
  readonly fetchCurrent?: (signal: AbortSignal) => Promise<T>;
  /** Called with each new value; a value equal (as JSON) to the previous one is not passed on. */
  readonly onValue: (value: T) => void;
  /** Called once, when the subscription gives up for good; nothing runs after it. */
  readonly onError?: (error: unknown) => void;
  readonly retry?: RetryOptions;
  /** Poll period in ms while polling (default 15 000). */
  readonly pollInterval?: number;
  /** Close the connection after the page has been hidden this long, in ms (default 5000); `false` keeps it open. */
  readonly pauseWhenHidden?: number | false;
}

const CONNECTING = 0;
/** A connection that delivered messages for this long counts as healthy: its failure streak resets. */
const STABLE_MS = 5000;
/** While polling because the stream kept failing, try the stream again after this many polls. */
const STREAM_RETRY_POLLS = 20;

/**
 * One Server-Sent Events subscription that stays up on its own:
 * - a healthy stream that drops is left to EventSource's own reconnect (it sends `Last-Event-ID`);
 * - any other failure closes it and reconnects after an exponential backoff with jitter;
 * - after `retry.pollAfter` failures in a row, or with no EventSource at all, it polls `fetchCurrent`;
 * - while the page is hidden it closes the connection and reopens on return (the server sends the
 *   current state first, so nothing is missed);
 * - only values that changed reach `onValue`, and `onError` only when it gives up for good.
 * Returns the unsubscribe function: it closes the connection, every timer and listener; calling it
 * again does nothing.
 */
export function subscribeSse<T>(url: string, o: SseOptions<T>): () => void {
  const subscription = new SseSubscription(url, o);
  return () => subscription.close();
}

/** The state of one `subscribeSse`: its connection or poll loop, the failure streak, the last value. */
class SseSubscription<T> {
  readonly #retry: ReturnType<typeof resolveRetry>;
  readonly #pollInterval: number;
  #canStream: boolean;
  #mode: 'stream' | 'poll';
  #closed = false;
  #paused = false;
  #pauseAfterFirst = false; // hidden before the first value: pause once it is here
  #source: EventSourceLike | undefined;
  #timer: ReturnType<typeof setTimeout> | undefined; // the pending reconnect or next poll
  #inflight: AbortController | undefined;
  #failures = 0; // stream failures in a row
  #checked = false; // fetched once to learn why this failure streak happens
  #gotMessage = false; // since the current connection (re)opened
  #openedAt = 0;
  #messages = 0; // stream messages so far: a slower HTTP answer must not overwrite a newer push
  #polls = 0;
  #pollRun = 0; // bumped by halt(), so a poll still awaiting its answer knows it was cancelled
  #last: string | undefined;
  #warned = false;
  #stopWatching = () => {};

  readonly #url: string;
  readonly #o: SseOptions<T>;

  constructor(url: string, o: SseOptions<T>) {
    this.#url = url;
    this.#o = o;
    this.#retry = resolveRetry(o.retry);
    this.#pollInterval = o.pollInterval ?? 15_000;
    this.#canStream = o.EventSource !== undefined;
    this.#mode = this.#canStream ? 'stream' : 'poll';
    if (this.#mode === 'stream') this.#connect();
    else if (o.fetchCurrent) void this.#poll();
    // Never call back synchronously from inside subscribe.
    else queueMicrotask(() => this.#giveUp(new UnsupportedError('live updates without EventSource')));
    // Not after a synchronous give-up (no EventSource constructor and nothing to poll).
    if (o.pauseWhenHidden !== false && !this.#closed) {
      this.#stopWatching = watchVisibility(
        o.pauseWhenHidden ?? 5000,
        () => this.#pause(),
        () => this.#resume(),
      );
    }
  }

  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    this.#halt();
    this.#stopWatching();
  }

  #publish(value: T) {
    // Keys sorted: the server may send the same snapshot with its fields in another order.
    const json = JSON.stringify(value, (_, v) =>
      v && typeof v === 'object' && !Array.isArray(v)
        ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1)))
        : v,
    );
    if (json === this.#last) return;
    this.#last = json;
    this.#o.onValue(value);
    if (this.#pauseAfterFirst && !this.#closed) {
      this.#pauseAfterFirst = false;
      this.#pause();
    }
  }

  #schedule(fn: () => void, ms: number) {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(fn, ms);
  }

  #closeSource() {
    const s = this.#source;
    this.#source = undefined;
    s?.close();
  }

  #halt() {
    this.#pollRun++;
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#closeSource();
    this.#inflight?.abort();
    this.#inflight = undefined;
  }

  #giveUp(error: unknown) {
    if (this.#closed) return;
    this.close();
    this.#o.onError?.(error);
  }

  /** Fetches the current value once. Transient failures are ignored: the caller retries anyway. */
  async #load(): Promise<void> {
    if (!this.#o.fetchCurrent) return;
    const controller = new AbortController();
    this.#inflight?.abort();
    this.#inflight = controller;
    const seen = this.#messages;
    try {
      const value = await this.#o.fetchCurrent(controller.signal);
      if (!controller.signal.aborted && this.#messages === seen) this.#publish(value);
    } catch (e) {
      if (!controller.signal.aborted && !isAbortError(e) && refused(e)) this.#giveUp(e);
    } finally {
      if (this.#inflight === controller) this.#inflight = undefined;
    }
  }

  async #poll() {
    this.#timer = undefined;
    const run = ++this.#pollRun;
    await this.#load();
    if (run !== this.#pollRun || this.#closed || this.#paused || this.#mode !== 'poll') return;
    this.#polls++;
    // A stream that failed earlier may work again (a restarted proxy, a deploy): try it now and then.
    if (this.#canStream && this.#polls % STREAM_RETRY_POLLS === 0) this.#connect();
    else this.#schedule(() => void this.#poll(), this.#pollInterval);
  }

  #startPolling() {
    if (!this.#o.fetchCurrent) {
      this.#giveUp(new UnsupportedError('live updates without EventSource'));
      return;
    }
    this.#mode = 'poll';
    this.#halt();
    void this.#poll();
  }

  #receive(data: unknown) {
    let value: T | undefined;
    try {
      value = this.#o.parse(JSON.parse(String(data)));
    } catch {
      value = undefined;
    }
    if (value === undefined) {
      // Once per subscription: a server bug should be visible without flooding the console.
      if (!this.#warned)
        console.warn(`[kith] Ignored a malformed "${this.#o.event}" event:`, String(data).slice(0, 200));
      this.#warned = true;
      return;
    }
    this.#messages++;
    this.#gotMessage = true;
    this.#publish(value);
  }

  #onStreamError(s: EventSourceLike) {
    if (this.#gotMessage && Date.now() - this.#openedAt >= STABLE_MS) {
      this.#failures = 0;
      this.#checked = false;
    }
    this.#failures++;
    const hadMessage = this.#gotMessage;
    this.#gotMessage = false;
    // A healthy stream that dropped: EventSource reconnects by itself and sends Last-Event-ID.
    if (hadMessage && this.#failures === 1 && s.readyState === CONNECTING) return;
    // Anything else (an HTTP error, a refused or repeated failure) we retry ourselves, with backoff,
    // because EventSource either gave up (readyState CLOSED) or would retry at a fixed pace forever.
    this.#closeSource();
    if (this.#failures >= this.#retry.pollAfter && this.#o.fetchCurrent) {
      this.#startPolling();
      return;
    }
    if (!this.#checked && this.#o.fetchCurrent) {
      // EventSource never tells why it failed; one plain GET does (404 → give up) and meanwhile
      // brings the current state.
      this.#checked = true;
      void this.#load();
    }
    this.#schedule(() => this.#connect(), backoffDelay(this.#failures, this.#retry));
  }

  #connect() {
    this.#timer = undefined;
    this.#mode = 'stream';
    let s: EventSourceLike;
    try {
      s = new this.#o.EventSource!(this.#url);
    } catch (e) {
      console.warn('[kith] Could not open an event stream; polling instead.', e);
      this.#canStream = false;
      this.#startPolling();
      return;
    }
    this.#source = s;
    this.#gotMessage = false;
    this.#openedAt = Date.now();
    s.addEventListener('open', () => {
      if (this.#source === s) this.#openedAt = Date.now();
    });
    s.addEventListener(this.#o.event, (e) => {
      if (this.#source === s) this.#receive(e.data);
    });
    s.addEventListener('error', () => {
      if (this.#source === s && !this.#closed) this.#onStreamError(s);
    });
  }

  #pause() {
    // A subscription made in a background tab still shows its first state: a slow first answer is
    // not cut off by the grace period running out.
    if (this.#last === undefined) {
      this.#pauseAfterFirst = true;
      return;
    }
    this.#paused = true;
    this.#halt();
    this.#gotMessage = false;
  }

  #resume() {
    this.#pauseAfterFirst = false;
    if (!this.#paused) return;
    this.#paused = false;
    if (this.#closed) return;
    if (this.#mode === 'poll') void this.#poll();
    else this.#connect();
  }
}
