import { HttpError, NetworkError, type CallOptions, type SubscribeOptions, type WriteOptions } from '@kith/core';
import { unauthenticated } from './errors.js';
import { answer, type MemoryOutcomes, type Outcome } from './outcomes.js';
import type { MemoryCustomer, MemorySeed } from './seed.js';

export type FailureMode = 'none' | 'always' | number | ((operation: string) => boolean);

const abortError = () => new DOMException('The operation was aborted.', 'AbortError');

export interface RuntimeOptions {
  readonly latency?: number | readonly [number, number];
  readonly failure?: FailureMode;
  readonly outcomes: MemoryOutcomes;
}

/** The simulated latency: a fixed or random wait, rejected with an AbortError when `signal` aborts. */
function wait(latency: number | readonly [number, number], signal?: AbortSignal) {
  const ms = typeof latency === 'number' ? latency : latency[0] + Math.random() * (latency[1] - latency[0]);
  return new Promise<void>((resolve, reject) => {
    if (signal?.aborted) return reject(abortError());
    const t = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(t);
      reject(abortError());
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * How every call of the memory adapter travels, whatever its domain: latency, simulated outages,
 * outcomes queued by `control.next`, the fixture's scripted outcomes for writes, Idempotency-Key
 * replays, and subscriptions that get the current state first, like a stream.
 */
export function createRuntime(data: MemorySeed, now: () => number, options: RuntimeOptions) {
  let failure: FailureMode = options.failure ?? 'none';
  const listeners = new Map<string, Set<(value: never) => void>>();
  const idempotent = new Map<string, unknown>();
  const outcomes = options.outcomes;
  /** Outcomes queued by `control.next`, per operation. */
  const queued = new Map<string, Outcome[]>();
  let subscriptions = 0;

  const shouldFail = (op: string) =>
    failure === 'always' ||
    (typeof failure === 'number' && Math.random() < failure) ||
    (typeof failure === 'function' && failure(op));

  const delay = (signal?: AbortSignal) => wait(options.latency ?? 0, signal);

  /** A call: the latency, then a simulated outage, then an outcome queued by `control.next`, else `fn`. */
  async function call<T>(
    op: string,
    o: CallOptions | undefined,
    fn: () => T | Promise<T>,
    customer: MemoryCustomer | null = null,
    args: readonly unknown[] = [],
  ): Promise<T> {
    await delay(o?.signal);
    if (shouldFail(op)) throw new NetworkError(`Simulated failure in ${op}`);
    const scripted = queued.get(op)?.shift();
    if (scripted !== undefined)
      return structuredClone(
        answer(scripted, { fixture: data, customer: customer ?? { id: '', displayName: '' }, now: now() }, args) as T,
      );
    return structuredClone(await fn());
  }

  /** A write: it answers the outcome scripted for its operation, never a rule. */
  const scripted =
    <T>(op: string, args: readonly unknown[]) =>
    (customer: MemoryCustomer): T => {
      const outcome = outcomes[op];
      if (outcome === undefined)
        throw new HttpError(
          501,
          'not_scripted',
          `No outcome for ${op}: pass createMemoryAdapter({ outcomes }) or call control.next('${op}', …)`,
        );
      return answer(outcome, { fixture: data, customer, now: now() }, args) as T;
    };

  /** A write as `customer`; a repeated Idempotency-Key (per customer, as on the server) replays. */
  async function write<T>(
    customer: MemoryCustomer | null,
    op: string,
    o: WriteOptions | undefined,
    fn: (customer: MemoryCustomer) => T | Promise<T>,
    args: readonly unknown[] = [],
  ): Promise<T> {
    const key = o?.idempotencyKey && customer ? `${customer.id}\n${op}\n${o.idempotencyKey}` : undefined;
    if (key && idempotent.has(key)) return structuredClone(idempotent.get(key) as T);
    return call(
      op,
      o,
      async () => {
        if (!customer) throw unauthenticated();
        const result = await fn(customer);
        if (key) idempotent.set(key, structuredClone(result));
        return result;
      },
      customer,
      args,
    );
  }

  /** A signed-out write (a visit): a repeated Idempotency-Key replays, as on the server. */
  async function publicWrite<T>(op: string, o: WriteOptions | undefined, fn: () => T): Promise<T> {
    const key = o?.idempotencyKey && `\n${op}\n${o.idempotencyKey}`;
    if (key && idempotent.has(key)) return structuredClone(idempotent.get(key) as T);
    return call(op, o, () => {
      const result = fn();
      if (key) idempotent.set(key, structuredClone(result));
      return result;
    });
  }

  function notify<T>(channel: string, value: T) {
    for (const l of listeners.get(channel) ?? []) (l as (v: T) => void)(structuredClone(value));
  }

  function subscribe<T>(channel: string, current: () => T, onValue: (v: T) => void, o?: SubscribeOptions) {
    let active = true;
    const set = listeners.get(channel) ?? new Set();
    listeners.set(channel, set);
    const listener = (v: T) => active && onValue(v);
    set.add(listener as (v: never) => void);
    subscriptions++;
    // Like a stream, the first message arrives asynchronously and carries the current state.
    call(`subscribe:${channel}`, undefined, current).then(listener, (e) => active && o?.onError?.(e));
    return () => {
      if (!active) return;
      active = false;
      set.delete(listener as (v: never) => void);
      subscriptions--;
    };
  }

  return {
    call,
    write,
    publicWrite,
    scripted,
    notify,
    subscribe,
    setFailure: (mode: FailureMode) => {
      failure = mode;
    },
    queue: (op: string, outcome: Outcome) => queued.set(op, [...(queued.get(op) ?? []), outcome]),
    get subscriptions() {
      return subscriptions;
    },
    dispose: () => {
      listeners.clear();
      subscriptions = 0;
    },
  };
}

export type Runtime = ReturnType<typeof createRuntime>;
