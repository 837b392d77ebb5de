import { z } from '@hono/zod-openapi';
import { MEDIA_LIMITS } from '@kith/core/image';
import { cursor, httpUrl, isoDate, pageLimit, productId } from '../../schemas/common.js';

export const ReviewSchema = z
  .object({
    id: z.string(),
    productId: z.string(),
    rating: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5)]),
    title: z.string().optional(),
    body: z.string().openapi({ description: 'Plain text as written; render it as text, never as HTML' }),
    author: z.object({ displayName: z.string(), verifiedBuyer: z.boolean() }),
    media: z
      .array(
        z.object({
          id: z.string(),
          kind: z.enum(['image', 'video']),
          url: z.string().openapi({ description: 'Absolute; served publicly once the review is published' }),
          width: z.number().int(),
          height: z.number().int(),
          alt: z.string().optional(),
        }),
      )
      .openapi({ description: 'Photos in upload order; width and height as displayed' }),
    createdAt: isoDate,
    status: z.enum(['pending', 'published', 'rejected']),
    helpfulCount: z.number().int().min(0),
    recommend: z.boolean().optional(),
    incentivized: z.boolean().optional().openapi({
      description:
        'True when the review was written while the points program offered points for it (a rewarded review: show a disclosure); absent otherwise',
    }),
    reply: z.object({ body: z.string(), createdAt: isoDate }).optional(),
  })
  .openapi('Review');

export const ReviewPageSchema = z
  .object({ items: z.array(ReviewSchema), nextCursor: z.string().nullable(), total: z.number().int() })
  .openapi('ReviewPage');

export const ReviewSummarySchema = z
  .object({
    productId: z.string(),
    average: z.number(),
    count: z.number().int(),
    histogram: z.tuple([z.number().int(), z.number().int(), z.number().int(), z.number().int(), z.number().int()]),
    recommendPercent: z.number().int().min(0).max(100).nullable(),
    withMediaCount: z.number().int().openapi({ description: 'Published reviews with at least one photo' }),
    topics: z.array(z.object({ label: z.string(), count: z.number().int() })).openapi({
      description:
        "The shop's topics with how many published reviews mention each (as `q` matches), most mentioned first; unmentioned ones left out",
    }),
  })
  .openapi('ReviewSummary');

export const ReviewIdParam = z.object({
  id: z
    .string()
    .min(1)
    .max(100)
    .openapi({ param: { name: 'id', in: 'path' } }),
});

const bool = z.enum(['true', 'false']).transform((v) => v === 'true');
export const REVIEW_SORTS = ['newest', 'highest', 'lowest', 'helpful', 'media'] as const;
export const ListReviewsQuery = z.object({
  sort: z
    .enum(REVIEW_SORTS)
    .default('newest')
    .openapi({
      param: { name: 'sort', in: 'query' },
      description: '`media`: reviews with photos first, newest first within each group; ties: newest first, then id',
    }),
  rating: z.coerce
    .number()
    .int()
    .min(1)
    .max(5)
    .optional()
    .openapi({ param: { name: 'rating', in: 'query' } }),
  media: bool.optional().openapi({ param: { name: 'media', in: 'query' }, description: 'Only reviews with photos' }),
  verified: bool.optional().openapi({ param: { name: 'verified', in: 'query' } }),
  q: z
    .string()
    .trim()
    .min(1)
    .max(100)
    .optional()
    .openapi({ param: { name: 'q', in: 'query' }, description: 'Keyword in title or text' }),
  cursor,
  limit: pageLimit(50, 20),
});

export const SummariesQuery = z.object({
  products: z
    .string()
    .min(1)
    .max(4000)
    .transform((s) => [
      ...new Set(
        s
          .split(',')
          .map((p) => p.trim())
          .filter(Boolean),
      ),
    ])
    .pipe(z.array(productId).min(1).max(100))
    .openapi({
      param: { name: 'products', in: 'query' },
      example: 'p1,p2,p3',
      description: 'Up to 100 product ids: N rating snippets, one request',
    }),
});

export const CreateReviewBody = z
  .object({
    rating: z.number().int().min(1).max(5),
    title: z.string().trim().max(120).optional(),
    body: z.string().trim().min(10).max(5000),
    recommend: z.boolean().optional(),
    displayName: z.string().trim().min(1).max(60),
    consent: z.literal(true).openapi({ description: 'The customer agrees to publish the review' }),
    mediaIds: z
      .array(z.string().min(1).max(100))
      .max(MEDIA_LIMITS.maxPerReview)
      .refine((ids) => new Set(ids).size === ids.length, 'Each photo once')
      .optional()
      .openapi({
        description: `Up to ${MEDIA_LIMITS.maxPerReview} ids from POST /v1/media, uploaded by this customer and not used yet`,
      }),
  })
  .openapi('CreateReview');

export const ReportBody = z
  .object({ reason: z.enum(['spam', 'offensive', 'off_topic', 'fake', 'other']) })
  .openapi('ReportReview');

export const AdminReviewsQuery = z.object({
  status: z
    .enum(['pending', 'published', 'rejected'])
    .default('pending')
    .openapi({ param: { name: 'status', in: 'query' } }),
  cursor,
  limit: pageLimit(100, 50),
});

export const ReplyBody = z.object({ body: z.string().trim().min(1).max(2000) }).openapi('ReviewReply');

export const SettingsBody = z
  .object({
    autoPublish: z.enum(['none', 'verified', 'all']),
    minRatingAuto: z.number().int().min(1).max(5),
    reportThreshold: z.number().int().min(1).max(100),
    submissionsPerHour: z.number().int().min(1).max(1000),
    mediaAutoPublish: z.boolean(),
    topics: z.array(z.string().trim().min(1).max(60)).max(30).openapi({
      description:
        'Keywords counted in the summary (case-insensitive substring of title or text), e.g. ["quality", "size"]',
    }),
  })
  .partial()
  .openapi('ReviewSettings');

export const UploadedMediaSchema = z
  .object({
    id: z.string(),
    url: z.string().openapi({ description: 'Absolute; public once a published review carries the photo' }),
    contentType: z
      .enum(MEDIA_LIMITS.types)
      .openapi({ description: 'Sniffed from the bytes, never taken from the request' }),
    width: z.number().int().openapi({ description: 'As displayed (Exif orientation applied)' }),
    height: z.number().int(),
    bytes: z.number().int().openapi({ description: 'Stored size, metadata stripped' }),
  })
  .openapi('UploadedMedia');

export const MediaIdParam = z.object({
  id: z
    .string()
    .min(1)
    .max(100)
    .openapi({ param: { name: 'id', in: 'path' } }),
});

export const JsonLdQuery = z.object({
  name: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .optional()
    .openapi({
      param: { name: 'name', in: 'query' },
      description:
        "Product name (default: the product's title in the catalogue, else its id); `url` and `image` also default to the catalogue's",
    }),
  url: httpUrl.optional().openapi({ param: { name: 'url', in: 'query' } }),
  image: httpUrl.optional().openapi({ param: { name: 'image', in: 'query' } }),
  sku: z
    .string()
    .trim()
    .min(1)
    .max(100)
    .optional()
    .openapi({ param: { name: 'sku', in: 'query' } }),
});

export type ReviewResponse = z.infer<typeof ReviewSchema>;
export type UploadedMediaResponse = z.infer<typeof UploadedMediaSchema>;
export type ReviewSummaryResponse = z.infer<typeof ReviewSummarySchema>;
export type ReviewPageResponse = z.infer<typeof ReviewPageSchema>;
