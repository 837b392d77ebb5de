import { z } from '@hono/zod-openapi';

/** How long a rotated-out secret key keeps verifying customer tokens by default: a day, for every server that signs them to switch. */
export const DEFAULT_KEY_OVERLAP_SECONDS = 86_400;
/** The longest such window: 7 days; a long overlap keeps a leaked key useful for as long. */
export const MAX_KEY_OVERLAP_SECONDS = 7 * 86_400;

export const RotateKeyBody = z
  .object({
    overlapSeconds: z
      .number()
      .int()
      .min(0)
      .max(MAX_KEY_OVERLAP_SECONDS)
      .optional()
      .openapi({
        description: `Seconds the replaced key keeps verifying customer tokens (default ${DEFAULT_KEY_OVERLAP_SECONDS}, at most ${MAX_KEY_OVERLAP_SECONDS}); 0 ends it now, after a leak`,
        example: DEFAULT_KEY_OVERLAP_SECONDS,
      }),
  })
  .openapi('RotateKeyBody');

export const RotatedKeySchema = z
  .object({
    secretKey: z.string().openapi({ description: 'The new secret key (`sk_…`), shown only in this response' }),
    keyId: z.string().openapi({ description: 'The `kid` of customer tokens signed with the new key' }),
    previousKeyId: z
      .string()
      .nullable()
      .openapi({ description: 'The `kid` of tokens signed with the replaced key; null without an overlap window' }),
    previousKeyExpiresAt: z.string().nullable().openapi({
      description: 'When the replaced key stops verifying customer tokens; null without an overlap window',
    }),
  })
  .openapi('RotatedKey');

/** A shop id: lower-case letters, digits, `-` and `_`, up to 63 characters (it appears in URLs and logs). */
export const SHOP_ID = /^[a-z0-9][a-z0-9_-]{0,62}$/;

/**
 * `input` as a browser sends it in `Origin` (`https://shop.example.com`, `http://localhost:5173`):
 * scheme, host and port only. Undefined for anything else (a path, a query, credentials, another scheme),
 * so a typo is refused instead of stored as an origin no browser ever sends.
 */
export function originOf(input: string): string | undefined {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    return undefined;
  }
  const bare =
    url.pathname === '/' && !url.search && !url.hash && !url.username && !url.password && !url.hostname.includes('*');
  return bare && (url.protocol === 'https:' || url.protocol === 'http:') ? url.origin : undefined;
}

/** The most sites one shop may allow. */
export const MAX_ORIGINS = 50;

export const ShopSettingsSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    publishableKey: z.string().openapi({ description: 'For pages: the script tag and the widgets' }),
    keyId: z
      .string()
      .openapi({ description: 'The `kid` of customer tokens signed with the current secret key (never the key)' }),
    allowedOrigins: z.array(z.string()).openapi({
      description: "Sites whose pages may use the publishable key (a browser's `Origin`: scheme, host and port)",
    }),
  })
  .openapi('ShopSettings');

export const OriginsBody = z
  .object({
    origins: z
      .array(
        z
          .string()
          .max(300)
          .refine((o) => originOf(o) !== undefined, {
            message: 'An origin is a scheme, host and port only, e.g. https://shop.example.com',
          }),
      )
      .max(MAX_ORIGINS),
  })
  .openapi('AllowedOrigins');
