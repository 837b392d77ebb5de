import { z } from '@hono/zod-openapi';
import { httpUrl, isoDate, productId } from '../../schemas/common.js';

export const LiveShowSchema = z
  .object({
    id: z.string(),
    title: z.string(),
    status: z.enum(['scheduled', 'live', 'ended']),
    startsAt: isoDate,
    startedAt: isoDate.optional(),
    endedAt: isoDate.optional(),
    streamUrl: z.string().optional(),
    replayUrl: z.string().optional(),
    viewerCount: z.number().int().min(0).optional(),
    host: z.object({ displayName: z.string(), avatarUrl: z.string().optional() }).optional(),
    productIds: z.array(z.string()),
  })
  .openapi('LiveShow');

export const ShowIdParam = z.object({
  id: z
    .string()
    .min(1)
    .max(100)
    .openapi({ param: { name: 'id', in: 'path' }, example: 'show-1' }),
});

export const FindShowQuery = z.object({
  product: z
    .string()
    .min(1)
    .max(200)
    .openapi({ param: { name: 'product', in: 'query' }, example: 'p1' }),
});

export const FindShowResponse = z.object({ show: LiveShowSchema.nullable() }).openapi('FindShowResponse');

export const StreamQuery = z.object({
  key: z
    .string()
    .openapi({ param: { name: 'key', in: 'query' }, description: 'Publishable key (EventSource cannot send headers)' }),
  lastEventId: z
    .string()
    .regex(/^\d+$/)
    .optional()
    .openapi({
      param: { name: 'lastEventId', in: 'query' },
      description: 'Resume after this event id, like the Last-Event-ID header',
    }),
});

export const CreateShowBody = z
  .object({
    id: z
      .string()
      .regex(/^[\w-]{1,100}$/)
      .optional()
      .openapi({ description: 'Your id for the show; generated when left out' }),
    title: z.string().trim().min(1).max(200),
    startsAt: isoDate,
    streamUrl: httpUrl.optional(),
    productIds: z.array(productId).min(1).max(100),
    host: z.object({ displayName: z.string().trim().min(1).max(100), avatarUrl: httpUrl.optional() }).optional(),
  })
  .openapi('CreateShow');

export const StartShowBody = z
  .object({ viewerCount: z.number().int().min(0).max(100_000_000).optional() })
  .openapi('StartShow');
export const EndShowBody = z.object({ replayUrl: httpUrl.optional() }).openapi('EndShow');
export const ViewersBody = z.object({ viewerCount: z.number().int().min(0).max(100_000_000) }).openapi('SetViewers');

export type LiveShowResponse = z.infer<typeof LiveShowSchema>;
export type FindShowResult = z.infer<typeof FindShowResponse>;
export type CreateShowInput = z.infer<typeof CreateShowBody>;
