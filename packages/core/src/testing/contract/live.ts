import { isHttpError } from '../../errors.js';
import type { LiveShow } from '../../types/models.js';
import { check, rejects, nextShow, type TestApi, type WithHarness } from './harness.js';

/** Live shows: reads, abort, and the pushed transitions. */
export function liveContract({ describe, it }: TestApi, withHarness: WithHarness): void {
  describe('live', () => {
    it(
      'gets a show by id',
      withHarness(async ({ adapter, fixtures }) => {
        const show = await adapter.live!.getShow(fixtures.scheduledShowId);
        check(show.id === fixtures.scheduledShowId, 'returns the requested show');
        check(show.status === 'scheduled', 'fixture show is scheduled');
        check(!Number.isNaN(Date.parse(show.startsAt)), 'startsAt is an ISO date');
        check(Array.isArray(show.productIds), 'productIds is an array');
      }, 'live'),
    );

    it(
      'rejects an unknown show with a 404 HttpError',
      withHarness(async ({ adapter }) => {
        await rejects(
          adapter.live!.getShow('no-such-show'),
          (e) => isHttpError(e) && e.status === 404,
          'unknown show → 404',
        );
      }, 'live'),
    );

    it(
      'finds the show for a product, or null',
      withHarness(async ({ adapter, fixtures }) => {
        const found = await adapter.live!.findShow({ productId: fixtures.productWithShow });
        check(
          found !== null && found.productIds.includes(fixtures.productWithShow),
          'finds a show featuring the product',
        );
        check(
          (await adapter.live!.findShow({ productId: fixtures.productWithoutShow })) === null,
          'null for a product without shows',
        );
      }, 'live'),
    );

    it(
      'honours an aborted signal',
      withHarness(async ({ adapter, fixtures }) => {
        const c = new AbortController();
        c.abort();
        await rejects(
          adapter.live!.getShow(fixtures.scheduledShowId, { signal: c.signal }),
          (e) => (e as Error)?.name === 'AbortError',
          'aborted call rejects with AbortError',
        );
      }, 'live'),
    );

    it(
      'pushes the current state, then every transition and viewer change',
      withHarness(async ({ adapter, fixtures, control }) => {
        const id = fixtures.scheduledShowId;
        const first = nextShow(adapter, id, () => true);
        check((await first).status === 'scheduled', 'first push is the current state');

        const live = nextShow(adapter, id, (s) => s.status === 'live');
        await control.startShow(id);
        check(typeof (await live).startedAt === 'string', 'live push has startedAt');

        const viewers = nextShow(adapter, id, (s) => s.viewerCount === 321);
        await control.setViewers(id, 321);
        await viewers;

        const ended = nextShow(adapter, id, (s) => s.status === 'ended');
        await control.endShow(id);
        check(
          (await ended).viewerCount === undefined || (await ended).viewerCount === null,
          'an ended show has no live viewer count',
        );
      }, 'live'),
    );

    it(
      'stops pushing after unsubscribe, and a second unsubscribe is harmless',
      withHarness(async ({ adapter, fixtures, control }) => {
        const seen: LiveShow[] = [];
        const ready = nextShow(adapter, fixtures.scheduledShowId, () => true);
        await ready;
        const unsub = adapter.live!.subscribeShow(fixtures.scheduledShowId, (s) => seen.push(s));
        await new Promise((r) => setTimeout(r, 300));
        unsub();
        unsub();
        const before = seen.length;
        await control.startShow(fixtures.scheduledShowId);
        await new Promise((r) => setTimeout(r, 300));
        check(seen.length === before, 'no push after unsubscribe');
      }, 'live'),
    );
  });
}
