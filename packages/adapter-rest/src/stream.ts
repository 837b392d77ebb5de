import { isAbortError, isHttpError, UnsupportedError } from '@kith/core';
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

/** A 4xx other than 408 and 429 will not go away by retrying (unknown id, bad key, origin not allowed). */
const isFatal = (e: unknown): boolean =>
  isHttpError(e) && e.status >= 400 && e.status < 500 && e.status !== 408 && e.status !== 429;

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
  const retry = resolveRetry(o.retry);
  const pollInterval = o.pollInterval ?? 15_000;
  let canStream = o.EventSource !== undefined;
  let mode: 'stream' | 'poll' = canStream ? 'stream' : 'poll';
  let closed = false;
  let paused = false;

  let source: EventSourceLike | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined; // the pending reconnect or next poll
  let inflight: AbortController | undefined;
  let failures = 0; // stream failures in a row
  let checked = false; // fetched once to learn why this failure streak happens
  let gotMessage = false; // since the current connection (re)opened
  let openedAt = 0;
  let messages = 0; // stream messages so far: a slower HTTP answer must not overwrite a newer push
  let polls = 0;
  let pollRun = 0; // bumped by halt(), so a poll still awaiting its answer knows it was cancelled
  let last: string | undefined;
  let warned = false;
  let stopWatching = () => {};

  const publish = (value: T) => {
    // Keys sorted: the server may send the same snapshot with its fields in another order.
    const json = JSON.stringify(value, (_, v) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1))) : v));
    if (json === last) return;
    last = json;
    o.onValue(value);
  };

  const clearTimer = () => {
    clearTimeout(timer);
    timer = undefined;
  };
  const schedule = (fn: () => void, ms: number) => {
    clearTimeout(timer);
    timer = setTimeout(fn, ms);
  };
  const closeSource = () => {
    const s = source;
    source = undefined;
    s?.close();
  };
  const halt = () => {
    pollRun++;
    clearTimer();
    closeSource();
    inflight?.abort();
    inflight = undefined;
  };

  const giveUp = (error: unknown) => {
    if (closed) return;
    closed = true;
    halt();
    stopWatching();
    o.onError?.(error);
  };

  /** Fetches the current value once. Transient failures are ignored: the caller retries anyway. */
  const load = async (): Promise<void> => {
    if (!o.fetchCurrent) return;
    const controller = new AbortController();
    inflight?.abort();
    inflight = controller;
    const seen = messages;
    try {
      const value = await o.fetchCurrent(controller.signal);
      if (!controller.signal.aborted && messages === seen) publish(value);
    } catch (e) {
      if (!controller.signal.aborted && !isAbortError(e) && isFatal(e)) giveUp(e);
    } finally {
      if (inflight === controller) inflight = undefined;
    }
  };

  const poll = async () => {
    timer = undefined;
    const run = ++pollRun;
    await load();
    if (run !== pollRun || closed || paused || mode !== 'poll') return;
    polls++;
    // A stream that failed earlier may work again (a restarted proxy, a deploy): try it now and then.
    if (canStream && polls % STREAM_RETRY_POLLS === 0) connect();
    else schedule(() => void poll(), pollInterval);
  };

  const startPolling = () => {
    if (!o.fetchCurrent) {
      giveUp(new UnsupportedError('live updates without EventSource'));
      return;
    }
    mode = 'poll';
    halt();
    void poll();
  };

  const receive = (data: unknown) => {
    let value: T | undefined;
    try {
      value = o.parse(JSON.parse(String(data)));
    } catch {
      value = undefined;
    }
    if (value === undefined) {
      // Once per subscription: a server bug should be visible without flooding the console.
      if (!warned) console.warn(`[kith] Ignored a malformed "${o.event}" event:`, String(data).slice(0, 200));
      warned = true;
      return;
    }
    messages++;
    gotMessage = true;
    publish(value);
  };

  const onStreamError = (s: EventSourceLike) => {
    if (gotMessage && Date.now() - openedAt >= STABLE_MS) {
      failures = 0;
      checked = false;
    }
    failures++;
    const hadMessage = gotMessage;
    gotMessage = false;
    // A healthy stream that dropped: EventSource reconnects by itself and sends Last-Event-ID.
    if (hadMessage && failures === 1 && s.readyState === CONNECTING) return;
    // Anything else (an HTTP error, a refused or repeated failure) we retry ourselves, with backoff,
    // because EventSource either gave up (readyState CLOSED) or would retry at a fixed pace forever.
    closeSource();
    if (failures >= retry.pollAfter && o.fetchCurrent) {
      startPolling();
      return;
    }
    if (!checked && o.fetchCurrent) {
      // EventSource never tells why it failed; one plain GET does (404 → give up) and meanwhile
      // brings the current state.
      checked = true;
      void load();
    }
    schedule(connect, backoffDelay(failures, retry));
  };

  function connect() {
    timer = undefined;
    mode = 'stream';
    let s: EventSourceLike;
    try {
      s = new o.EventSource!(url);
    } catch (e) {
      console.warn('[kith] Could not open an event stream; polling instead.', e);
      canStream = false;
      startPolling();
      return;
    }
    source = s;
    gotMessage = false;
    openedAt = Date.now();
    s.addEventListener('open', () => {
      if (source === s) openedAt = Date.now();
    });
    s.addEventListener(o.event, (e) => {
      if (source === s) receive(e.data);
    });
    s.addEventListener('error', () => {
      if (source === s && !closed) onStreamError(s);
    });
  }

  const pause = () => {
    paused = true;
    halt();
    gotMessage = false;
  };
  const resume = () => {
    paused = false;
    if (closed) return;
    if (mode === 'poll') void poll();
    else connect();
  };

  if (mode === 'stream') connect();
  else if (o.fetchCurrent) void poll();
  // Never call back synchronously from inside subscribe.
  else queueMicrotask(() => giveUp(new UnsupportedError('live updates without EventSource')));

  if (o.pauseWhenHidden !== false) stopWatching = watchVisibility(o.pauseWhenHidden ?? 5000, pause, resume);

  return () => {
    if (closed) return;
    closed = true;
    halt();
    stopWatching();
  };
}
