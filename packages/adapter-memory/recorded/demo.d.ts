// The types of `demo.js`, which `npm run record` writes from the real server.
import type { PointsAccount, PointsEntry, PointsProgram } from '@kith/core';

/** A customer's points as served in one state, and which recorded state each write leads to. */
export interface RecordedPoints {
  readonly account: Omit<PointsAccount, 'serverTime'>;
  readonly history: PointsEntry[];
  /** By write (`checkIn`, `redeem:<rewardId>`): its answer without `account`, and the state it leaves. */
  readonly after?: Record<string, { readonly answer: object; readonly then: string }>;
}

declare const recorded: {
  /** The server's clock during the recording: the memory adapter moves every time by `now - recordedAt`. */
  readonly recordedAt: string;
  readonly points: { readonly program: PointsProgram; readonly states: Record<string, RecordedPoints> };
};
export default recorded;
