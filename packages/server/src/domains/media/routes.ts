import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { MEDIA_LIMITS } from '@kith/core/image';
import type { AppDeps } from '../../env.js';
import { notFound } from '../../errors.js';
import { linksFor } from './links.js';
import { newRouter, routes } from '../../router.js';
import { errorResponses, IdempotencyHeader } from '../../schemas/common.js';
import { MediaIdParam, UploadedMediaSchema } from '../reviews/schemas.js';
import { publicMedia, shopMedia, UPLOAD_QUOTA, uploadMedia, type StoredMedia } from './storage.js';

const image = {
  description: 'The photo',
  content: Object.fromEntries(MEDIA_LIMITS.types.map((t) => [t, { schema: z.string().openapi({ format: 'binary' }) }])),
};

/**
 * Photos can come from any site that shows the widget and never run as a document: immutable
 * (an id's bytes never change), readable cross-origin, no sniffing, no scripts.
 */
const PUBLIC_HEADERS = {
  'x-content-type-options': 'nosniff',
  'cache-control': 'public, max-age=31536000, immutable',
  'cross-origin-resource-policy': 'cross-origin',
  'content-security-policy': "default-src 'none'",
};

const serve = (c: Context, media: StoredMedia, cacheControl?: string) =>
  c.body(media.bytes as Uint8Array<ArrayBuffer>, 200, {
    ...PUBLIC_HEADERS,
    ...(cacheControl ? { 'cache-control': cacheControl } : {}),
    'content-type': media.contentType,
  }) as never;

/** Shoppers' photo uploads, and the photos of published reviews for anyone. */
export function mediaRouter(deps: AppDeps) {
  const { db, media: store, uploadQuota: quota = UPLOAD_QUOTA } = deps;
  const app = newRouter();
  const { openRoute, customerRoute } = routes(deps, 'Photos');

  app.openapi(
    customerRoute({
      method: 'post',
      path: '/media',
      operationId: 'uploadMedia',
      summary: 'Upload a photo for a review',
      description: `The image bytes as the body, any Content-Type: the type is read from the bytes (JPEG, PNG or WebP, else \`415 unsupported_media_type\`). At most ${MEDIA_LIMITS.maxBytes / 1024 / 1024} MB (\`413 media_too_large\`) and ${MEDIA_LIMITS.maxDimension} px a side (\`422 image_dimensions\`). Location, camera and editing metadata are removed before storing (a JPEG keeps its orientation; a colour profile stays only if it is a valid ICC profile). Each customer may upload at most ${quota.count} photos and ${quota.bytes / 1024 / 1024} MB (stored, after stripping) in any 24 hours: over that, \`429 upload_quota_exceeded\` with \`Retry-After\` (seconds until enough of their uploads are older than 24 hours) and nothing stored. Uploads no review takes within 24 hours are deleted. Pass the id in the review's \`mediaIds\`.`,
      request: {
        headers: IdempotencyHeader,
        body: {
          content: { 'application/octet-stream': { schema: z.string().openapi({ format: 'binary' }) } },
          required: true,
        },
      },
      responses: {
        201: { description: 'Stored', content: { 'application/json': { schema: UploadedMediaSchema } } },
        ...errorResponses(400, 401, 403, 413, 415, 422, 429),
      },
    }),
    async (c) => {
      const bytes = new Uint8Array(await c.req.arrayBuffer());
      const uploaded = await uploadMedia(
        db,
        store,
        c.get('shop').id,
        c.get('customerId'),
        bytes,
        linksFor(deps, c),
        quota,
      );
      return c.json(uploaded, 201);
    },
  );

  app.openapi(
    openRoute({
      method: 'get',
      path: '/media/{id}',
      operationId: 'getMedia',
      summary: 'A photo of a published review',
      description: 'No key: `<img>` cannot send one. Photos of reviews that are not published (yet) are 404.',
      request: { params: MediaIdParam },
      responses: { 200: image, ...errorResponses(404) },
    }),
    async (c) => {
      const found = await publicMedia(db, store, c.req.valid('param').id);
      if (!found) throw notFound('Photo');
      return serve(c, found);
    },
  );

  return app;
}

/** Moderators see every photo of their shop, whatever its review's status. */
export function adminMediaRouter(deps: AppDeps) {
  const { db, media: store } = deps;
  const app = newRouter();
  const { adminRoute } = routes(deps, 'Photos: admin');
  app.openapi(
    adminRoute(
      {
        method: 'get',
        path: '/media/{id}',
        operationId: 'getAdminMedia',
        summary: 'Any photo of the shop (pending ones too)',
        request: { params: MediaIdParam },
        responses: { 200: image, ...errorResponses(401, 403, 404) },
      },
      { moderation: true },
    ),
    async (c) => {
      const found = await shopMedia(db, store, c.get('shop').id, c.req.valid('param').id);
      if (!found) throw notFound('Photo');
      // Its review may still be rejected: not for shared caches.
      return serve(c, found, 'private, no-store');
    },
  );
  return app;
}
