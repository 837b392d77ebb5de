import { HttpError, isHttpError, isKithError } from '../../errors.js';
import { check, rejects, type ContractHarness, type TestApi, type WithHarness } from './harness.js';

/** What a fixture adapter adds to the harness: a way to script the next answer of an operation. */
export interface ShapeHarness extends ContractHarness {
  /** Makes the next call of `operation` (`live.getShow`, `points.redeem`) throw `error`. */
  scriptFailure(operation: string, error: Error): void;
}

/**
 * The adapter's shape, for an adapter that serves fixtures rather than rules (the memory adapter):
 * domains match capabilities, a scripted refusal reaches the caller as the same `HttpError`, errors
 * are `KithError`s, and calls honour an aborted signal. (Streams are in the live contract.)
 */
export function shapeContract(
  { describe, it }: TestApi,
  withHarness: (fn: (h: ShapeHarness) => Promise<void>) => ReturnType<WithHarness>,
): void {
  describe('shape', () => {
    it(
      'a scripted refusal reaches the caller as the same HttpError, once',
      withHarness(async ({ adapter, customer, fixtures, scriptFailure }) => {
        scriptFailure('live.getShow', new HttpError(409, 'illegal_transition', 'Scripted'));
        await rejects(
          adapter.live!.getShow(fixtures.scheduledShowId),
          (e) => isHttpError(e) && e.status === 409 && e.code === 'illegal_transition',
          'the scripted 409',
        );
        check(
          (await adapter.live!.getShow(fixtures.scheduledShowId)).id === fixtures.scheduledShowId,
          'the next call answers normally',
        );
        if (customer?.points?.redeem) {
          scriptFailure('points.redeem', new HttpError(409, 'insufficient_points', 'Scripted'));
          await rejects(
            customer.points.redeem('any-reward'),
            (e) => isHttpError(e) && e.code === 'insufficient_points',
            'a scripted write refusal',
          );
        }
      }),
    );

    it(
      'signed out, writes and the customer’s own reads are 401 customer_token_required',
      withHarness(async ({ adapter }) => {
        const signedOut = (e: unknown) => isHttpError(e) && e.status === 401 && e.code === 'customer_token_required';
        if (adapter.points) {
          await rejects(adapter.points.getAccount(), signedOut, 'points.getAccount signed out');
          if (adapter.points.redeem)
            await rejects(adapter.points.redeem('any-reward'), signedOut, 'points.redeem signed out');
        }
        if (adapter.referrals) await rejects(adapter.referrals.getStats(), signedOut, 'referrals.getStats signed out');
        if (adapter.groupBuy?.joinTeam)
          await rejects(adapter.groupBuy.joinTeam('any-team', {}), signedOut, 'groupBuy.joinTeam signed out');
      }),
    );

    it(
      'every domain call honours an aborted signal, and throws only KithErrors or AbortError',
      withHarness(async ({ adapter, fixtures }) => {
        const c = new AbortController();
        c.abort();
        const aborted = (e: unknown) => (e as Error)?.name === 'AbortError';
        const signal = { signal: c.signal };
        const calls: Promise<unknown>[] = [adapter.live!.findShow({ productId: fixtures.productWithShow }, signal)];
        if (adapter.reviews) calls.push(adapter.reviews.getSummary(fixtures.productWithShow, signal));
        if (adapter.groupBuy) calls.push(adapter.groupBuy.getOffer(fixtures.productWithShow, signal));
        if (adapter.points) calls.push(adapter.points.getProgram(signal));
        if (adapter.referrals) calls.push(adapter.referrals.getOffer('ANY-CODE', signal));
        for (const p of calls) await rejects(p, aborted, 'an aborted call rejects with AbortError');
        await rejects(adapter.live!.getShow('no-such-show'), isKithError, 'errors are KithErrors');
      }),
    );
  });
}
