import type { PointsAccount, PointsEntry, PointsProgram } from '@kith/core';
import type { Context, MemoryAdapter } from './memory-adapter.js';
import type { MemoryCustomer } from './seed.js';
import { must, offsetPage, signedIn } from './served.js';

/** A customer's points as served, and the written answer to each write with the state it leaves. */
export interface MemoryPointsCustomer {
  account: Omit<PointsAccount, 'serverTime'>;
  /** Newest first, pending first, each with its `balanceAfter`: as the server lists them. */
  history: PointsEntry[];
  /** By write (`checkIn`, `redeem:<rewardId>`): its answer without `account`, and the state after it. */
  after?: Record<string, { answer: object; then: MemoryPointsCustomer }>;
}

/** The points part of a fixture: the program and each known customer's points, as served. */
export interface MemoryPointsFixture {
  program: PointsProgram;
  customers: Record<string, MemoryPointsCustomer>;
}

/** The customer's points; 404 for a customer the fixture doesn't hold. */
export const pointsOf = (fixture: MemoryPointsFixture, customerId: string) =>
  must(fixture.customers[customerId], `Points of ${customerId}`);

export function pointsApi(ctx: Context, customer: MemoryCustomer | null): MemoryAdapter['points'] {
  const { pointsData, serverTime } = ctx;
  const { read, send } = ctx.calls('points', customer);
  const mine = () => pointsOf(pointsData(), signedIn(customer).id);
  return {
    getProgram: (o) => read('getProgram', o, () => pointsData().program),
    getAccount: (o) => read('getAccount', o, () => ({ ...mine().account, serverTime: serverTime() })),
    listHistory: (q, o) => read('listHistory', o, () => offsetPage(mine().history, q?.cursor, q?.limit), q),
    checkIn: (o) => send('checkIn', o),
    redeem: (id, o) => send('redeem', o, id),
  };
}
