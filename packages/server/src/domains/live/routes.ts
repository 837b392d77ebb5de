import type { Deps } from '../../env.js';
import { newRouter, routes } from '../../router.js';
import { errorResponses } from '../../schemas/common.js';
import { FindShowQuery, FindShowResponse, LiveShowSchema, ShowIdParam, StreamQuery } from './schemas.js';
import { latestEventId, SHOW_LOG } from '../../storage/events.js';
import { findShowForProduct, getShow } from './storage.js';
import { streamSnapshots } from '../../sse.js';

/** Public reads (publishable key) and the live stream. */
export function liveRouter(deps: Deps) {
  const { db } = deps;
  const app = newRouter();
  const { publicRoute, streamRoute } = routes(deps, 'Live');

  app.openapi(
    publicRoute({
      method: 'get',
      path: '/shows',
      operationId: 'findShow',
      summary: 'The show to badge for a product',
      description: 'Live first, then the next scheduled, then the latest ended; `null` when the product has none.',
      request: { query: FindShowQuery },
      responses: {
        200: { description: 'OK', content: { 'application/json': { schema: FindShowResponse } } },
        ...errorResponses(400, 401, 403),
      },
    }),
    async (c) => c.json({ show: await findShowForProduct(db, c.get('shop').id, c.req.valid('query').product) }, 200),
  );

  app.openapi(
    publicRoute({
      method: 'get',
      path: '/shows/{id}',
      operationId: 'getShow',
      summary: 'One show',
      request: { params: ShowIdParam },
      responses: {
        200: { description: 'OK', content: { 'application/json': { schema: LiveShowSchema } } },
        ...errorResponses(401, 403, 404),
      },
    }),
    async (c) => c.json(await getShow(db, c.get('shop').id, c.req.valid('param').id), 200),
  );

  app.openapi(
    streamRoute({
      method: 'get',
      path: '/shows/{id}/events',
      operationId: 'streamShow',
      summary: 'Live updates (Server-Sent Events)',
      description:
        'Each message is `event: show` with the whole show as `data` and an `id` to resume from (`Last-Event-ID`). The first message is the current state. A `: ping` comment comes every 15 s.',
      request: { params: ShowIdParam, query: StreamQuery },
      responses: {
        200: { description: 'An event stream', content: { 'text/event-stream': { schema: LiveShowSchema } } },
        ...errorResponses(401, 403, 404),
      },
    }),
    async (c) => {
      const shopId = c.get('shop').id;
      const { id } = c.req.valid('param');
      // The log's position first, then the state: what happens in between is sent after it.
      const currentAt = await latestEventId(db, SHOW_LOG, shopId, id);
      const current = await getShow(db, shopId, id); // 404 before the stream starts
      const resumeFrom = c.req.header('last-event-id') ?? c.req.valid('query').lastEventId;
      return streamSnapshots(c, deps, { log: SHOW_LOG, shopId, subjectId: id, current, currentAt, resumeFrom });
    },
  );

  return app;
}
