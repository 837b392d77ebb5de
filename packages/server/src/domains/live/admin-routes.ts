import type { Deps } from '../../env.js';
import { jsonBody, newRouter, ok, optionalJson, routes } from '../../router.js';
import { errorResponses, IdempotencyHeader } from '../../schemas/common.js';
import { CreateShowBody, EndShowBody, LiveShowSchema, ShowIdParam, StartShowBody, ViewersBody } from './schemas.js';
import { createShow, endShow, setViewers, startShow } from './storage.js';

/** The merchant's server drives shows with the secret key (or a webhook bridge from a streaming vendor). */
export function adminLiveRouter(deps: Deps) {
  const { db } = deps;
  const app = newRouter();
  const { adminRoute } = routes(deps, 'Live: admin');

  app.openapi(
    adminRoute({
      method: 'post',
      path: '/shows',
      operationId: 'createShow',
      summary: 'Schedule a show',
      request: { headers: IdempotencyHeader, body: jsonBody(CreateShowBody) },
      responses: { 201: ok(LiveShowSchema, 'Created'), ...errorResponses(400, 401, 403, 409, 413, 422, 429) },
    }),
    async (c) => c.json(await createShow(db, c.get('shop').id, c.req.valid('json')), 201),
  );

  app.openapi(
    adminRoute({
      method: 'post',
      path: '/shows/{id}/start',
      operationId: 'startShow',
      summary: 'Go live',
      request: {
        params: ShowIdParam,
        headers: IdempotencyHeader,
        body: { ...jsonBody(StartShowBody), required: false },
      },
      responses: { 200: ok(LiveShowSchema, 'Live'), ...errorResponses(400, 401, 403, 404, 409, 422, 429) },
    }),
    async (c) =>
      c.json(
        await startShow(
          db,
          c.get('shop').id,
          c.req.valid('param').id,
          (await optionalJson(c, StartShowBody)).viewerCount,
        ),
        200,
      ),
  );

  app.openapi(
    adminRoute({
      method: 'post',
      path: '/shows/{id}/end',
      operationId: 'endShow',
      summary: 'End the show',
      request: { params: ShowIdParam, headers: IdempotencyHeader, body: { ...jsonBody(EndShowBody), required: false } },
      responses: { 200: ok(LiveShowSchema, 'Ended'), ...errorResponses(400, 401, 403, 404, 409, 422, 429) },
    }),
    async (c) =>
      c.json(
        await endShow(db, c.get('shop').id, c.req.valid('param').id, (await optionalJson(c, EndShowBody)).replayUrl),
        200,
      ),
  );

  app.openapi(
    adminRoute({
      method: 'put',
      path: '/shows/{id}/viewers',
      operationId: 'setShowViewers',
      summary: 'Report the real concurrent viewer count',
      request: { params: ShowIdParam, body: jsonBody(ViewersBody) },
      responses: { 200: ok(LiveShowSchema, 'Updated'), ...errorResponses(400, 401, 403, 404, 409, 429) },
    }),
    async (c) =>
      c.json(await setViewers(db, c.get('shop').id, c.req.valid('param').id, c.req.valid('json').viewerCount), 200),
  );

  return app;
}
