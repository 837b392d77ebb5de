import type { Page, PointsAccount, PointsCheckIn, PointsEntry, PointsProgram, PointsRedemption } from '@kith/core';
import { HttpError } from '@kith/core';
import type { Context } from './context.js';
import { signedIn } from './errors.js';
import type { MemoryCustomer } from './seed.js';
import type { MemoryAdapter } from './memory-adapter.js';

/** A customer's points as the server would show them; nothing here is derived. */
export interface MemoryPointsCustomer {
  account: Omit<PointsAccount, 'serverTime'>;
  /** Newest first, pending entries first, each with the balance after it: the order the server lists them in. */
  history: PointsEntry[];
}

/** The points part of a fixture: the program as served and every known customer's account and history. */
export interface MemoryPointsFixture {
  program: PointsProgram;
  customers: Record<string, MemoryPointsCustomer>;
}

/** What a shopper the fixture doesn't know sees: nothing yet, at the program's first tier. */
export function newMember(program: PointsProgram): MemoryPointsCustomer {
  const [first, next] = program.tiers;
  return {
    account: {
      balance: 0,
      pending: 0,
      lifetime: 0,
      tier: first ?? { id: 'member', name: 'Member', threshold: 0 },
      nextTier: next ? { ...next, pointsNeeded: next.threshold } : null,
      badges: [],
      checkIn: {
        streak: 0,
        checkedInToday: false,
        nextPoints: program.earn.find((r) => r.action === 'check_in')?.points ?? 0,
      },
      expiring: null,
    },
    history: [],
  };
}

/** The customer's record, made (as a new member) on first use so state setters and outcomes can change it. */
export function pointsOf(fixture: MemoryPointsFixture, customerId: string): MemoryPointsCustomer {
  return (fixture.customers[customerId] ??= newMember(fixture.program));
}

/** One page of a list in the fixture's order; the cursor is the offset (opaque to widgets). */
export function offsetPage<T>(items: readonly T[], cursor: string | null | undefined, limit = 20): Page<T> {
  const start = cursor ? Number(cursor) : 0;
  if (!Number.isInteger(start) || start < 0)
    throw new HttpError(400, 'invalid_cursor', 'The cursor is not one this list returned');
  const end = start + limit;
  return { items: items.slice(start, end), nextCursor: end < items.length ? String(end) : null, total: items.length };
}

export function pointsApi(
  { call, write, scripted, pointsData, serverTime }: Context,
  customer: MemoryCustomer | null,
): MemoryAdapter['points'] {
  return {
    getProgram: (o) => call('points.getProgram', o, () => pointsData().program),
    getAccount: (o) =>
      call(
        'points.getAccount',
        o,
        () => ({ ...pointsOf(pointsData(), signedIn(customer).id).account, serverTime: serverTime() }),
        customer,
      ),
    listHistory: (q, o) =>
      call(
        'points.listHistory',
        o,
        () => offsetPage(pointsOf(pointsData(), signedIn(customer).id).history, q?.cursor, q?.limit ?? 20),
        customer,
        [q],
      ),
    checkIn: (o) => write(customer, 'points.checkIn', o, scripted<PointsCheckIn>('points.checkIn', [])),
    redeem: (rewardId, o) =>
      write(customer, 'points.redeem', o, scripted<PointsRedemption>('points.redeem', [rewardId]), [rewardId]),
  };
}
