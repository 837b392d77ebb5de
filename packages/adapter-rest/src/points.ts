import type {
  Page,
  PointsAccount,
  PointsApi,
  PointsCheckIn,
  PointsEntry,
  PointsProgram,
  PointsRedemption,
} from '@kith/core';
import type { Http } from './http.js';
import { pageParams } from './params.js';

/**
 * Points over HTTP. The program is public; the account, history and writes are the signed-in
 * customer's (the customer token set on the adapter) and writes carry the caller's Idempotency-Key,
 * so a retried redemption never spends twice.
 */
export function createPointsApi(http: Http): PointsApi {
  return {
    getProgram: (o) => http.get<PointsProgram>('points/program', o),
    getAccount: (o) => http.get<PointsAccount>('points/me', o),
    listHistory: (q, o) => http.get<Page<PointsEntry>>('points/me/history', { ...o, searchParams: pageParams(q) }),
    // `o` is the caller's WriteOptions: its signal and Idempotency-Key go to the client as they are.
    checkIn: (o) => http.post<PointsCheckIn>('points/check-in', undefined, o),
    redeem: (rewardId, o) => http.post<PointsRedemption>('points/redeem', { rewardId }, o),
  };
}
