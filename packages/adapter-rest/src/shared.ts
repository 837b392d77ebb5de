import type { Unsubscribe } from '@kith/core';

/** Where one upstream subscription delivers. */
export interface Sink<T> {
  next(value: T): void;
  /** The upstream gave up for good; every subscriber's `onError` runs and the channel is dropped. */
  error(error: unknown): void;
}

export type SharedSubscribe<T> = (
  key: string,
  onValue: (value: T) => void,
  onError?: (error: unknown) => void,
) => Unsubscribe;

interface Subscriber<T> {
  readonly onValue: (value: T) => void;
  readonly onError?: (error: unknown) => void;
  /** The channel version this subscriber last received. */
  seen: number;
  active: boolean;
}

interface Channel<T> {
  readonly subscribers: Set<Subscriber<T>>;
  version: number;
  value?: T;
  close?: Unsubscribe;
}

// A throwing subscriber must not stop the others or the stream; report it like an uncaught error.
const report = (e: unknown) => {
  const g = globalThis as { reportError?: (e: unknown) => void };
  if (typeof g.reportError === 'function') g.reportError(e);
  else console.error(e);
};

/**
 * Shares one upstream subscription per key among all its subscribers: N badges for one show open
 * one connection. A subscriber who joins late gets the latest value right away (asynchronously,
 * like a stream's first message), so every subscriber starts with the current state. The upstream
 * is closed when the last subscriber leaves.
 */
export function shareByKey<T>(open: (key: string, sink: Sink<T>) => Unsubscribe): SharedSubscribe<T> {
  const channels = new Map<string, Channel<T>>();

  const deliver = (channel: Channel<T>, sub: Subscriber<T>) => {
    if (!sub.active || channel.version === 0 || sub.seen === channel.version) return;
    sub.seen = channel.version;
    try {
      sub.onValue(channel.value as T);
    } catch (e) {
      report(e);
    }
  };

  return (key, onValue, onError) => {
    const sub: Subscriber<T> = { onValue, onError, seen: 0, active: true };
    let channel = channels.get(key);
    if (channel) {
      channel.subscribers.add(sub);
      const c = channel;
      if (c.version > 0) queueMicrotask(() => deliver(c, sub));
    } else {
      const c: Channel<T> = { subscribers: new Set([sub]), version: 0 };
      channel = c;
      channels.set(key, c);
      c.close = open(key, {
        next(value) {
          if (channels.get(key) !== c) return;
          c.value = value;
          c.version++;
          // A copy: subscribers may unsubscribe (or others subscribe) from inside the callback.
          for (const s of [...c.subscribers]) deliver(c, s);
        },
        error(error) {
          if (channels.get(key) !== c) return;
          channels.delete(key);
          for (const s of [...c.subscribers]) {
            if (!s.active) continue;
            s.active = false;
            try {
              s.onError?.(error);
            } catch (e) {
              report(e);
            }
          }
          c.subscribers.clear();
        },
      });
    }
    const c = channel;
    return () => {
      if (!sub.active) return;
      sub.active = false;
      c.subscribers.delete(sub);
      if (c.subscribers.size === 0 && channels.get(key) === c) {
        channels.delete(key);
        c.close?.();
      }
    };
  };
}
