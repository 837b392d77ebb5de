import { z } from '@hono/zod-openapi';
import { cursor, httpUrl, isoDate, pageLimit } from '../../schemas/common.js';

export const WebhookSettingsBody = z
  .object({ url: httpUrl, rotateSecret: z.boolean().optional() })
  .openapi('WebhookSettings');

export const WebhookSettingsSchema = z
  .object({
    url: z.string().nullable(),
    secret: z.string().optional().openapi({ description: '`whsec_…`: shown when first set and when rotated only' }),
  })
  .openapi('WebhookEndpoint');

export const WEBHOOK_TYPES = [
  'team.succeeded',
  'team.tier_reached',
  'team.expired',
  'team.member_left',
  'points.redeemed',
  'referral.link_created',
  'referral.approved',
  'referral.reversed',
] as const;
export const DeliverySchema = z
  .object({
    id: z.string().openapi({ description: 'The event id (`evt_…`), also sent as Kith-Event-Id' }),
    type: z.enum(WEBHOOK_TYPES),
    teamId: z.string().optional().openapi({ description: 'The team of a `team.*` event' }),
    redemptionId: z.string().optional().openapi({ description: 'The redemption of a `points.redeemed` event' }),
    code: z.string().optional().openapi({ description: 'The referral code of a `referral.link_created` event' }),
    conversionId: z
      .string()
      .optional()
      .openapi({ description: 'The referral conversion of a `referral.approved` or `referral.reversed` event' }),
    status: z.enum(['pending', 'delivered', 'failed']),
    attempts: z.number().int(),
    lastStatus: z.number().int().optional().openapi({ description: 'HTTP status of the last attempt' }),
    lastError: z.string().optional(),
    nextAttemptAt: isoDate.optional().openapi({ description: 'While pending' }),
    deliveredAt: isoDate.optional(),
    createdAt: isoDate,
    log: z.array(
      z.object({
        attempt: z.number().int(),
        at: isoDate,
        status: z.number().int().optional(),
        error: z.string().optional(),
        durationMs: z.number().int(),
      }),
    ),
  })
  .openapi('WebhookDelivery');

export const DeliveriesQuery = z.object({
  status: z
    .enum(['pending', 'delivered', 'failed'])
    .optional()
    .openapi({ param: { name: 'status', in: 'query' } }),
  cursor,
  limit: pageLimit(100, 50),
});

export type WebhookDeliveryResponse = z.infer<typeof DeliverySchema>;
export type WebhookType = (typeof WEBHOOK_TYPES)[number];
