import { createRoute } from '@hono/zod-openapi';
import { streamSSE } from 'hono/streaming';
import type { Deps } from '../env.js';
import { requireKey } from '../middleware/auth.js';
import { newRouter } from '../router.js';
import { errorResponses } from '../schemas/common.js';
import { FindShowQuery, FindShowResponse, LiveShowSchema, ShowIdParam, StreamQuery } from '../schemas/live.js';
import { eventsAfter, findShowForProduct, getShow, latestEventId } from '../storage/live.js';

const security = [{ publishableKey: [] }];

/** Public reads (publishable key) and the live stream. */
export function liveRouter(deps: Deps) {
  const { db, hub, heartbeatMs = 15_000 } = deps;
  const app = newRouter();

  app.use('/shows', requireKey(deps, 'publishable'));
  app.use('/shows/:id', requireKey(deps, 'publishable'));
  app.use('/shows/:id/events', requireKey(deps, 'publishable', { allowQueryKey: true }));

  app.openapi(
    createRoute({
      method: 'get', path: '/shows', summary: 'The show to badge for a product', security,
      description: 'Live first, then the next scheduled, then the latest ended; `null` when the product has none.',
      request: { query: FindShowQuery },
      responses: { 200: { description: 'OK', content: { 'application/json': { schema: FindShowResponse } } }, ...errorResponses(400, 401, 403) },
    }),
    async (c) => c.json({ show: await findShowForProduct(db, c.get('shop').id, c.req.valid('query').product) }, 200),
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/shows/{id}', summary: 'One show', security,
      request: { params: ShowIdParam },
      responses: { 200: { description: 'OK', content: { 'application/json': { schema: LiveShowSchema } } }, ...errorResponses(401, 403, 404) },
    }),
    async (c) => c.json(await getShow(db, c.get('shop').id, c.req.valid('param').id), 200),
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/shows/{id}/events', summary: 'Live updates (Server-Sent Events)', security: [{ publishableKeyQuery: [] }],
      description: 'Each message is `event: show` with the whole show as `data` and an `id` to resume from (`Last-Event-ID`). The first message is the current state. A `: ping` comment comes every 15 s.',
      request: { params: ShowIdParam, query: StreamQuery },
      responses: { 200: { description: 'An event stream', content: { 'text/event-stream': { schema: LiveShowSchema } } }, ...errorResponses(401, 403, 404) },
    }),
    async (c) => {
      const shopId = c.get('shop').id;
      const { id } = c.req.valid('param');
      const current = await getShow(db, shopId, id); // 404 before the stream starts
      const resumeFrom = c.req.header('last-event-id') ?? c.req.valid('query').lastEventId;
      return streamSSE(c, async (stream) => {
        // Buffer pushes that arrive while we replay, then drain in id order without duplicates.
        let sent = -1n;
        let replaying = true;
        const pending: { id: string; show: unknown }[] = [];
        const send = async (e: { id: string; show: unknown }) => {
          if (BigInt(e.id) <= sent) return;
          sent = BigInt(e.id);
          await stream.writeSSE({ event: 'show', id: e.id, data: JSON.stringify(e.show) });
        };
        const unsubscribe = hub.subscribe(shopId, id, (e) => (replaying ? pending.push(e) : void send(e).catch(() => {})));
        const heartbeat = setInterval(() => void stream.write(': ping\n\n').catch(() => {}), heartbeatMs);
        const closed = new Promise<void>((resolve) => stream.onAbort(resolve));
        try {
          const missed = resumeFrom && /^\d+$/.test(resumeFrom) ? await eventsAfter(db, shopId, id, resumeFrom) : [];
          if (missed.length) for (const e of missed) await send(e);
          else await send({ id: await latestEventId(db, shopId, id), show: current });
          replaying = false;
          for (const e of pending.sort((a, b) => (BigInt(a.id) < BigInt(b.id) ? -1 : 1))) await send(e);
          await closed;
        } finally {
          clearInterval(heartbeat);
          unsubscribe();
        }
      });
    },
  );

  return app;
}
