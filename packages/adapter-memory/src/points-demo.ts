import recorded, { type RecordedPoints } from '../recorded/demo.js';
import type { MemoryOutcomes, OutcomeContext } from './runtime.js';
import { pointsOf, type MemoryPointsCustomer as Customer } from './points.js';
import { iso, notScripted, shifted } from './served.js';

/** Every state `pointsScenario` sets up, for a story's controls. */
const STATES = ['member', 'new-member', 'checked-in', 'bonus-next', 'expiring', 'top-tier', 'rich'] as const;
export { STATES as POINTS_STATES };
export type PointsScenarioState = (typeof STATES)[number];

/**
 * The demo shopper's points in one state, as the server served them (`npm run record` plays each
 * state's story through it), with each write's answer and the state it leaves; times move to `now`.
 */
export function demoPointsFixture(now: number, customerId: string, state: PointsScenarioState = 'member') {
  const { program, states } = shifted(recorded.points, now);
  const served = ({ after, ...points }: RecordedPoints): Customer => ({
    ...points,
    ...(after && {
      after: Object.fromEntries(Object.entries(after).map(([w, a]) => [w, { ...a, then: served(states[a.then]!) }])),
    }),
  });
  return { program, customers: { [customerId]: served(states[state]!) } };
}

/** The demo's points writes: each switches to the state recorded for it and answers what was served (else 501). */
const written = ({ fixture, customer, now }: OutcomeContext, write: string) => {
  const step = pointsOf(fixture.points!, customer.id).after?.[write];
  if (!step) throw notScripted(`Nothing recorded for ${write} in this state`);
  fixture.points!.customers[customer.id] = step.then;
  return { ...step.answer, account: { ...step.then.account, serverTime: iso(now) } };
};
export const demoPointsOutcomes: MemoryOutcomes = {
  'points.checkIn': (ctx) => written(ctx, 'checkIn'),
  'points.redeem': (ctx, rewardId: string) => written(ctx, `redeem:${rewardId}`),
};
