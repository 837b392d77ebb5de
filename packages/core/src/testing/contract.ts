import { isKithError } from '../errors.js';
import { groupBuyContract } from './contract/group-buy.js';
import { harnessRunner, rejects, type ContractHarness, type TestApi } from './contract/harness.js';
import { liveContract } from './contract/live.js';
import { pointsContract } from './contract/points.js';
import { referralsContract } from './contract/referrals.js';
import { reviewsContract } from './contract/reviews.js';
import { shapeContract, type ShapeHarness } from './contract/shape.js';

export type { ContractHarness, TestApi } from './contract/harness.js';
export type { ShapeHarness } from './contract/shape.js';

/**
 * The shared adapter test suite (Lion's `*-test-suites` idea), one file per domain, run against a
 * backend with the real rules (the REST adapter on @kith/server). Domains an adapter lacks are
 * skipped via `capabilities`.
 */
export function runAdapterContract(name: string, setup: () => Promise<ContractHarness>, api: TestApi): void {
  const withHarness = harnessRunner(setup);
  api.describe(`adapter contract: ${name}`, () => {
    api.it(
      'declares an id and capabilities that match its domains',
      withHarness(async ({ adapter }) => {
        if (!(typeof adapter.id === 'string' && adapter.id.length > 0))
          throw new Error('Adapter contract: id is a non-empty string');
        for (const cap of ['live', 'reviews', 'groupBuy', 'points', 'referrals'] as const) {
          if (adapter.capabilities.has(cap) !== (adapter[cap] !== undefined))
            throw new Error(`Adapter contract: capability ${cap} matches the ${cap} domain`);
        }
      }),
    );
    liveContract(api, withHarness);
    reviewsContract(api, withHarness);
    groupBuyContract(api, withHarness);
    pointsContract(api, withHarness);
    referralsContract(api, withHarness);
    api.it(
      'throws only KithErrors',
      withHarness(async ({ adapter }) => {
        await rejects(adapter.live!.getShow('no-such-show'), isKithError, 'errors are KithErrors');
      }, 'live'),
    );
  });
}

/**
 * The part of the contract that is about the adapter itself, for an adapter that serves fixtures
 * instead of rules (the memory adapter): capabilities, the live reads and pushes (driven by the
 * harness's controls), scripted refusals, 401 when signed out, abort, and KithErrors. The rules
 * are the server's, checked by `runAdapterContract` against it.
 */
export function runAdapterShapeContract(name: string, setup: () => Promise<ShapeHarness>, api: TestApi): void {
  const withHarness = harnessRunner(setup as () => Promise<ContractHarness>);
  api.describe(`adapter shape: ${name}`, () => {
    api.it(
      'declares an id and capabilities that match its domains',
      withHarness(async ({ adapter }) => {
        if (!(typeof adapter.id === 'string' && adapter.id.length > 0))
          throw new Error('Adapter contract: id is a non-empty string');
        for (const cap of ['live', 'reviews', 'groupBuy', 'points', 'referrals'] as const) {
          if (adapter.capabilities.has(cap) !== (adapter[cap] !== undefined))
            throw new Error(`Adapter contract: capability ${cap} matches the ${cap} domain`);
        }
      }),
    );
    liveContract(api, withHarness);
    shapeContract(api, withHarness as unknown as Parameters<typeof shapeContract>[1]);
  });
}
