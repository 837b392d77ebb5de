import { NetworkError, type CallOptions, type SubscribeOptions, type WriteOptions } from '@kith/core';
import type { MemoryAdapterOptions } from './memory-adapter.js';
import type { MemoryCustomer, MemorySeed } from './seed.js';
import { notScripted, unauthenticated } from './served.js';

export type FailureMode = 'none' | 'always' | number | ((operation: string) => boolean);

/** What a scripted outcome sees: the adapter's fixture (which it may change), the signed-in customer and the clock. */
export interface OutcomeContext {
  readonly fixture: MemorySeed;
  readonly customer: MemoryCustomer;
  readonly now: number;
}

// `any[]`: each operation has its own arguments, and an outcome is written for one of them.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see above
type OperationArgs = any[];

/**
 * How a call answers: a value, an `Error` to throw (`new HttpError(409, 'insufficient_points', …)`), or a function
 * of the context and the call's arguments (a reducer over the fixture), by the adapter's operation names.
 */
export type Outcome =
  ((ctx: OutcomeContext, ...args: OperationArgs) => unknown) | Error | object | string | number | boolean | null;

export type MemoryOutcomes = Readonly<Record<string, Outcome>>;

type RuntimeOptions = Pick<MemoryAdapterOptions, 'latency' | 'failure'> & { readonly outcomes: MemoryOutcomes };

/** The simulated latency: a fixed or random wait that rejects with an AbortError when `signal` aborts. */
function wait(latency: number | readonly [number, number], signal?: AbortSignal) {
  const ms = typeof latency === 'number' ? latency : latency[0] + Math.random() * (latency[1] - latency[0]);
  return new Promise<void>((resolve, reject) => {
    const aborted = () => reject(new DOMException('The operation was aborted.', 'AbortError'));
    if (signal?.aborted) return aborted();
    const t = setTimeout(() => (signal?.removeEventListener('abort', onAbort), resolve()), ms);
    const onAbort = () => (clearTimeout(t), aborted());
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

const NOBODY: MemoryCustomer = { id: '', displayName: '' };

/**
 * How every call travels, whatever its domain: latency, simulated outages, outcomes queued by `control.next`, scripted
 * outcomes for writes, Idempotency-Key replays, and subscriptions that get the current state first, like a stream.
 */
export function createRuntime(data: MemorySeed, now: () => number, options: RuntimeOptions) {
  let failure: FailureMode = options.failure ?? 'none';
  const listeners = new Map<string, Set<(value: never) => void>>();
  const replays = new Map<string, unknown>();
  const queued = new Map<string, Outcome[]>();
  let subscriptions = 0;
  const fails = (op: string) =>
    failure === 'always' ||
    (typeof failure === 'number' && Math.random() < failure) ||
    (typeof failure === 'function' && failure(op));
  /** Answers an outcome: throws its error, calls its function, or returns its value. */
  const run = (outcome: Outcome, customer: MemoryCustomer | null, args: readonly unknown[]) => {
    if (outcome instanceof Error) throw outcome;
    const ctx = { fixture: data, customer: customer ?? NOBODY, now: now() };
    return typeof outcome === 'function' ? outcome(ctx, ...args) : outcome;
  };

  /** A call: the latency, a simulated outage, an outcome queued by `control.next`, else `fn`. */
  async function call<T>(
    op: string,
    o: CallOptions | undefined,
    fn: () => T | Promise<T>,
    customer: MemoryCustomer | null = null,
    args: readonly unknown[] = [],
  ): Promise<T> {
    await wait(options.latency ?? 0, o?.signal);
    if (fails(op)) throw new NetworkError(`Simulated failure in ${op}`);
    const next = queued.get(op)?.shift();
    return structuredClone((next !== undefined ? run(next, customer, args) : await fn()) as T);
  }

  /** A write's answer: the outcome scripted for its operation, never a rule. */
  const scripted =
    <T>(op: string, args: readonly unknown[]) =>
    (customer: MemoryCustomer): T => {
      const outcome = options.outcomes[op];
      if (outcome === undefined)
        throw notScripted(`No outcome for ${op}: pass { outcomes } or call control.next('${op}', …)`);
      return run(outcome, customer, args) as T;
    };

  /** A write as `customer` (customer-only unless `signedOut`): a repeated Idempotency-Key replays its first answer. */
  async function write<T>(
    customer: MemoryCustomer | null,
    op: string,
    o: WriteOptions | undefined,
    fn: (customer: MemoryCustomer) => T | Promise<T>,
    args: readonly unknown[] = [],
    signedOut = false,
  ): Promise<T> {
    const key = o?.idempotencyKey && (customer || signedOut) ? `${customer?.id}\n${op}\n${o.idempotencyKey}` : '';
    if (replays.has(key)) return structuredClone(replays.get(key) as T);
    const answer = async () => {
      if (!customer && !signedOut) throw unauthenticated();
      const result = await fn(customer ?? NOBODY);
      if (key) replays.set(key, structuredClone(result));
      return result;
    };
    return call(op, o, answer, customer, args);
  }

  /** One domain's calls as `customer`: `read` answers `fn`, `send` the scripted outcome, both with their arguments. */
  const calls = (domain: string, customer: MemoryCustomer | null) => ({
    read: <T>(op: string, o: CallOptions | undefined, fn: () => T, ...args: unknown[]) =>
      call(`${domain}.${op}`, o, fn, customer, args),
    send: <T>(op: string, o: WriteOptions | undefined, ...args: unknown[]) =>
      write<T>(customer, `${domain}.${op}`, o, scripted<T | Promise<T>>(`${domain}.${op}`, args), args),
  });

  function notify<T>(channel: string, value: T) {
    for (const l of listeners.get(channel) ?? []) (l as (v: T) => void)(structuredClone(value));
  }

  function subscribe<T>(channel: string, current: () => T, onValue: (v: T) => void, o?: SubscribeOptions) {
    let active = true;
    const set = listeners.get(channel) ?? listeners.set(channel, new Set()).get(channel)!;
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
    scripted,
    calls,
    /** A signed-out write (a referral visit). */
    publicWrite: <T>(op: string, o: WriteOptions | undefined, fn: () => T) => write(null, op, o, fn, [], true),
    notify,
    subscribe,
    setFailure: (mode: FailureMode) => void (failure = mode),
    queue: (op: string, outcome: Outcome) => void queued.set(op, [...(queued.get(op) ?? []), outcome]),
    get subscriptions() {
      return subscriptions;
    },
    dispose: () => (listeners.clear(), (subscriptions = 0)),
  };
}
