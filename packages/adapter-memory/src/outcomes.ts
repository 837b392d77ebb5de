import type { MemoryCustomer, MemorySeed } from './seed.js';

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
 * How a call answers: a value, an `Error` to throw (`new HttpError(409, 'insufficient_points', …)`),
 * or a function of the context and the call's arguments (a reducer over the fixture). Operation
 * names are the adapter's (`points.redeem`, `referrals.createLink`).
 */
export type Outcome =
  ((ctx: OutcomeContext, ...args: OperationArgs) => unknown) | Error | object | string | number | boolean | null;

export type MemoryOutcomes = Readonly<Record<string, Outcome>>;

/** Runs an outcome: throws an error, calls a function, or answers a value. */
export function answer(outcome: Outcome, ctx: OutcomeContext, args: readonly unknown[]): unknown {
  if (outcome instanceof Error) throw outcome;
  return typeof outcome === 'function' ? outcome(ctx, ...args) : outcome;
}
