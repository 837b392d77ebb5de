import { z } from '@hono/zod-openapi';
import type {
  ReferralConversion,
  ReferralIncentive,
  ReferralLink,
  ReferralOffer,
  ReferralReward,
  ReferralStats,
} from '@kith/core';
import { MoneySchema, cursor, httpUrl, isoDate, pageLimit, productId } from '../../schemas/common.js';

const int = () => z.number().int();
const PositiveMoney = MoneySchema.extend({ minor: int().min(1).max(1_000_000_000) });

export const REFERRAL_STATUSES = ['pending', 'approved', 'flagged', 'denied', 'reversed'] as const;
/** Why a conversion was denied or flagged. */
export const REFERRAL_REASONS = [
  'self_referral',
  'existing_customer',
  'cap_reached',
  'same_ip',
  'burst',
  'denied_by_merchant',
] as const;

const RewardFields = z.object({
  kind: z.enum(['coupon', 'points']),
  amountOff: PositiveMoney.optional(),
  percentOff: int().min(1).max(100).optional(),
  minimumSpend: PositiveMoney.optional(),
  points: int().min(1).max(1_000_000).optional(),
});

/** A reward as shown (no checks beyond the shape). */
export const ReferralRewardSchema = RewardFields.openapi('ReferralReward');

/** A reward the merchant sets: a coupon with exactly one of amountOff and percentOff, or points. */
export const ReferralRewardInput = RewardFields.superRefine((r, ctx) => {
  if (r.kind === 'coupon') {
    if ((r.amountOff === undefined) === (r.percentOff === undefined))
      ctx.addIssue({
        code: 'custom',
        message: 'A coupon needs exactly one of amountOff and percentOff',
        path: ['amountOff'],
      });
    if (r.points !== undefined) ctx.addIssue({ code: 'custom', message: 'A coupon has no points', path: ['points'] });
  } else {
    if (r.points === undefined)
      ctx.addIssue({
        code: 'custom',
        message: 'A points reward needs a positive whole number of points',
        path: ['points'],
      });
    for (const k of ['amountOff', 'percentOff', 'minimumSpend'] as const) {
      if (r[k] !== undefined) ctx.addIssue({ code: 'custom', message: `A points reward has no ${k}`, path: [k] });
    }
  }
}).openapi('ReferralRewardInput');

export const ReferralIncentiveSchema = z
  .object({ friend: ReferralRewardSchema, advocate: ReferralRewardSchema, termsUrl: z.string().optional() })
  .openapi('ReferralIncentive');

export const ReferralLinkSchema = z
  .object({
    code: z.string().openapi({ example: 'LIN-7Q2K' }),
    url: z.string().openapi({ description: 'The page with `?kith_ref=CODE`' }),
    incentive: ReferralIncentiveSchema.nullable().openapi({ description: 'Null when the program is disabled' }),
  })
  .openapi('ReferralLink');

export const ReferralOfferSchema = z
  .object({ code: z.string(), advocateName: z.string(), incentive: ReferralIncentiveSchema, couponCode: z.string() })
  .openapi('ReferralOffer');

export const ReferralConversionSchema = z
  .object({
    id: z.string(),
    status: z.enum(REFERRAL_STATUSES),
    friendInitials: z.string(),
    reward: ReferralRewardSchema,
    createdAt: isoDate,
    approvesAt: isoDate.optional(),
  })
  .openapi('ReferralConversion');

export const ReferralStatsSchema = z
  .object({
    code: z.string().nullable(),
    clicks: int(),
    signups: int(),
    conversions: int().openapi({ description: 'Pending, flagged and approved conversions' }),
    rewards: z.object({ pending: int(), approved: int() }),
    recent: z.array(ReferralConversionSchema),
  })
  .openapi('ReferralStats');

export const CreateLinkBody = z
  .object({
    productId: productId.optional(),
    url: httpUrl
      .optional()
      .openapi({ description: "The page to share (absolute http or https); default the shop's landing page" }),
    displayName: z.string().trim().min(1).max(40).optional().openapi({ description: 'How friends see the advocate' }),
  })
  .openapi('CreateReferralLink');

export const VisitBody = z
  .object({
    landingUrl: httpUrl.optional(),
    sessionId: z
      .string()
      .regex(/^[\w-]{8,100}$/)
      .optional()
      .openapi({
        description:
          'A random id the page makes once per browser session: a visit counts once per code and session (without it: once per network and browser per day)',
      }),
  })
  .openapi('ReferralVisit');
export const VisitSchema = z
  .object({
    visitId: z
      .string()
      .nullable()
      .openapi({ description: "This visitor's counted visit through the code; null when the hourly cap refused it" }),
    counted: z
      .boolean()
      .openapi({ description: "False for a visitor counted before, or over the code's `visitsPerHour`" }),
  })
  .openapi('ReferralVisitRecorded');

export const VisitBurstsQuery = z.object({
  days: z.coerce
    .number()
    .int()
    .min(1)
    .max(90)
    .default(7)
    .openapi({ param: { name: 'days', in: 'query' } }),
});
export const VisitBurstSchema = z
  .object({
    code: z.string(),
    advocateId: z.string(),
    hour: isoDate.openapi({ description: "The hour's start (UTC)" }),
    counted: int().openapi({ description: 'Visits counted through the code in that hour' }),
    refused: int().openapi({ description: 'Visits over `visitsPerHour`, not counted' }),
  })
  .openapi('ReferralVisitBurst');

export const CodeParam = z.object({
  code: z
    .string()
    .min(1)
    .max(40)
    .openapi({ param: { name: 'code', in: 'path' }, example: 'LIN-7Q2K' }),
});
export const ConversionIdParam = z.object({
  id: z
    .string()
    .min(1)
    .max(100)
    .openapi({ param: { name: 'id', in: 'path' } }),
});

export const ReferralSettingsSchema = z
  .object({
    enabled: z.boolean(),
    incentive: ReferralIncentiveSchema,
    landingUrl: z
      .string()
      .nullable()
      .openapi({ description: "The page shared by default; null: the requesting page's origin" }),
    returnDays: int().openapi({
      description:
        "A conversion is rewarded this many days after the order (default: the points program's pendingDays)",
    }),
    newCustomersOnly: z.boolean(),
    maxConversionsPerCode: int(),
    sameIpLimit: int().openapi({ description: 'Referred orders from one IP per code per 24 h before flagging' }),
    burstLimit: int().openapi({ description: 'Referred orders per code per hour before flagging' }),
    visitsPerHour: int().openapi({
      description:
        'Visits counted per code per hour; more are refused and reported (GET /v1/admin/referrals/visit-bursts)',
    }),
  })
  .openapi('ReferralSettings');

const limit = () => int().min(1).max(1_000_000);
export const ReferralSettingsBody = z
  .object({
    enabled: z.boolean().optional(),
    incentive: z
      .object({
        friend: ReferralRewardInput.optional(),
        advocate: ReferralRewardInput.optional(),
        termsUrl: httpUrl.nullable().optional().openapi({ description: 'Null clears' }),
      })
      .optional(),
    landingUrl: httpUrl.nullable().optional(),
    returnDays: int().min(0).max(365).optional(),
    newCustomersOnly: z.boolean().optional(),
    maxConversionsPerCode: limit().optional(),
    sameIpLimit: limit().optional(),
    burstLimit: limit().optional(),
    visitsPerHour: limit().optional(),
  })
  .openapi('ReferralSettingsPatch');

export const AdminConversionSchema = ReferralConversionSchema.extend({
  code: z.string(),
  advocateId: z.string(),
  friendId: z.string(),
  orderId: z.string(),
  reasons: z.array(z.enum(REFERRAL_REASONS)),
  couponCode: z.string().optional().openapi({ description: "A coupon reward's generated code, once approved" }),
}).openapi('ReferralConversionAdmin');

export const AdminConversionsQuery = z.object({
  status: z
    .enum(REFERRAL_STATUSES)
    .optional()
    .openapi({ param: { name: 'status', in: 'query' } }),
  cursor,
  limit: pageLimit(100, 50),
});

export const SignupBody = z
  .object({ code: z.string().min(1).max(40), customerId: z.string().min(1).max(200) })
  .openapi('ReferralSignup');
export const SignupSchema = z
  .object({
    code: z.string(),
    customerId: z.string(),
    recorded: z.boolean().openapi({ description: 'False for a replay, a second report or a self sign-up' }),
  })
  .openapi('ReferralSignupRecorded');

/** `referral` in an order's answer. */
export const OrderReferralSchema = z
  .union([
    z.object({
      conversionId: z.string(),
      status: z.enum(REFERRAL_STATUSES),
      reasons: z.array(z.enum(REFERRAL_REASONS)),
    }),
    z.object({ status: z.enum(['already_referred', 'unknown_code']) }),
  ])
  .openapi('OrderReferral');

/** `referral` in a refund's answer. */
export const RefundReferralSchema = z
  .object({ conversionId: z.string(), status: z.enum(REFERRAL_STATUSES) })
  .openapi('RefundReferral');

/** `data` of the referral webhooks. */
export const LinkCreatedWebhookSchema = z
  .object({ code: z.string(), customerId: z.string(), couponCode: z.string(), friend: ReferralRewardSchema })
  .openapi('ReferralLinkCreatedWebhook');
export const ConversionWebhookSchema = z
  .object({
    conversion: z.object({
      id: z.string(),
      code: z.string(),
      advocateId: z.string(),
      friendId: z.string(),
      orderId: z.string(),
      reward: ReferralRewardSchema,
      couponCode: z.string().optional(),
    }),
  })
  .openapi('ReferralConversionWebhook');

export type ReferralRewardValue = z.infer<typeof ReferralRewardSchema>;
export type ReferralIncentiveValue = z.infer<typeof ReferralIncentiveSchema>;
export type ReferralLinkResponse = z.infer<typeof ReferralLinkSchema>;
export type ReferralOfferResponse = z.infer<typeof ReferralOfferSchema>;
export type VisitResponse = z.infer<typeof VisitSchema>;
export type VisitBurstResponse = z.infer<typeof VisitBurstSchema>;
export type ReferralConversionResponse = z.infer<typeof ReferralConversionSchema>;
export type ReferralStatsResponse = z.infer<typeof ReferralStatsSchema>;
export type ReferralSettingsValue = z.infer<typeof ReferralSettingsSchema>;
export type ReferralSettingsInput = z.infer<typeof ReferralSettingsBody>;
export type AdminConversionResponse = z.infer<typeof AdminConversionSchema>;
export type OrderReferralResponse = z.infer<typeof OrderReferralSchema>;
export type RefundReferralResponse = z.infer<typeof RefundReferralSchema>;
export type ReferralReasonName = (typeof REFERRAL_REASONS)[number];
export type ReferralStatusName = (typeof REFERRAL_STATUSES)[number];
export type ConversionWebhookData = z.infer<typeof ConversionWebhookSchema>;

// The wire format is exactly the @kith/core models: a field the core types can't take fails the build.
type Assert<T extends true> = T;
export type _ReferralsFitCore = [
  Assert<ReferralRewardValue extends ReferralReward ? true : false>,
  Assert<ReferralIncentiveValue extends ReferralIncentive ? true : false>,
  Assert<ReferralLinkResponse extends ReferralLink ? true : false>,
  Assert<ReferralOfferResponse extends ReferralOffer ? true : false>,
  Assert<ReferralConversionResponse extends ReferralConversion ? true : false>,
  Assert<ReferralStatsResponse extends ReferralStats ? true : false>,
];
