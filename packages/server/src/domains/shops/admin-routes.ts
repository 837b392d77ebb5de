import type { AppDeps } from '../../env.js';
import { conflict } from '../../errors.js';
import { jsonBody, newRouter, ok, optionalJson, routes } from '../../router.js';
import { errorResponses } from '../../schemas/common.js';
import { customerTokenKeyId } from '../../tokens.js';
import {
  DEFAULT_KEY_OVERLAP_SECONDS,
  originOf,
  OriginsBody,
  RotatedKeySchema,
  RotateKeyBody,
  ShopSettingsSchema,
} from './schemas.js';
import { rotateSecretKey, setAllowedOrigins, type Shop } from './storage.js';

const settingsOf = (shop: Shop) => ({
  id: shop.id,
  name: shop.name,
  publishableKey: shop.publishableKey,
  keyId: customerTokenKeyId(shop.secretKey),
  allowedOrigins: [...shop.allowedOrigins],
});

/** The shop's own settings: its keys (rotating the secret key) and the sites that may use them. */
export function adminKeysRouter(deps: AppDeps) {
  const { db } = deps;
  const app = newRouter();
  const { adminRoute } = routes(deps, 'Shop: admin');

  app.openapi(
    // No Idempotency-Key: a stored answer would be a copy of the new secret, and a retry could not
    // use it anyway (the old key no longer authenticates).
    adminRoute(
      {
        method: 'post',
        path: '/keys/rotate',
        operationId: 'rotateSecretKey',
        summary: 'Rotate the secret key',
        description:
          'Makes a new secret key and answers it, once. The key used for this call stops authenticating API calls at once; it keeps verifying customer tokens (by their `kid`) for `overlapSeconds` (default a day, at most 7 days; 0 ends it now, after a leak), so tokens your servers signed before they switched keep working. A key replaced earlier is dropped. No Idempotency-Key: if the answer is lost, read the new key with `kith-server keys --shop <id>`. The publishable key does not change. 409 `key_already_rotated` when another call rotated this key first.',
        request: { body: { content: { 'application/json': { schema: RotateKeyBody } }, required: false } },
        responses: { 200: ok(RotatedKeySchema, 'Rotated'), ...errorResponses(400, 401, 403, 409, 415, 429) },
      },
      { idempotency: false },
    ),
    async (c) => {
      const previous = c.get('shop');
      const overlapSeconds = (await optionalJson(c, RotateKeyBody)).overlapSeconds ?? DEFAULT_KEY_OVERLAP_SECONDS;
      const rotated = await rotateSecretKey(db, previous.id, { overlapSeconds, ifSecretKey: previous.secretKey });
      if (!rotated)
        throw conflict('key_already_rotated', 'Another call rotated this secret key first; use the key it answered');
      return c.json(
        {
          secretKey: rotated.shop.secretKey,
          keyId: customerTokenKeyId(rotated.shop.secretKey),
          previousKeyId: rotated.previousSecretKeyExpiresAt ? customerTokenKeyId(previous.secretKey) : null,
          previousKeyExpiresAt: rotated.previousSecretKeyExpiresAt,
        },
        200,
      );
    },
  );

  app.openapi(
    adminRoute({
      method: 'get',
      path: '/shop',
      operationId: 'getShopSettings',
      summary: "The shop's keys and sites",
      description: 'The publishable key, the `kid` of the current secret key (never the key) and the allowed origins.',
      responses: { 200: ok(ShopSettingsSchema), ...errorResponses(401, 403) },
    }),
    (c) => c.json(settingsOf(c.get('shop')), 200),
  );

  app.openapi(
    adminRoute({
      method: 'put',
      path: '/shop/origins',
      operationId: 'setAllowedOrigins',
      summary: 'Set the sites that may use the publishable key',
      description:
        "The whole list (at most 50): a page on any other site gets 403 `origin_not_allowed` and its widgets show their fallback. Each is a browser's `Origin`: scheme, host and port (`https://shop.example.com`, `http://localhost:5173`); a trailing slash is dropped, a path or query refused.",
      request: { body: jsonBody(OriginsBody) },
      responses: { 200: ok(ShopSettingsSchema), ...errorResponses(400, 401, 403, 415, 429) },
    }),
    async (c) => {
      const before = c.get('shop');
      c.set('auditBefore', { allowedOrigins: before.allowedOrigins });
      const origins = c.req.valid('json').origins.map((o) => originOf(o)!);
      const shop = await setAllowedOrigins(db, before.id, origins);
      return c.json(settingsOf(shop!), 200);
    },
  );

  return app;
}
