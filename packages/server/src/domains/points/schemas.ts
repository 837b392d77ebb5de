import { z } from '@hono/zod-openapi';
import type {
  PointsAccount,
  PointsCheckIn,
  PointsEntry,
  PointsProgram,
  PointsRedemption,
  PointsReward,
} from '@kith/core';
import { MoneySchema, cursor, httpUrl, isoDate, pageLimit } from '../../schemas/common.js';

const int = () => z.number().int();
/** A positive amount (a coupon's value, the amount that earns purchase points). */
const PositiveMoney = MoneySchema.extend({ minor: int().min(1).max(1_000_000_000) }).openapi('PositiveMoney');

/** Actions a merchant writes a rule for; `streak_bonus` is part of `check_in`, `team` comes from a group-buy campaign. */
export const RULE_ACTIONS = ['purchase', 'review', 'photo_review', 'share', 'referral', 'check_in'] as const;
export const POINTS_ACTIONS = [...RULE_ACTIONS, 'streak_bonus', 'team'] as const;

export const PointsEarnRuleSchema = z
  .object({
    action: z.enum(RULE_ACTIONS),
    points: int().min(1).max(1_000_000).openapi({ description: 'Per action; for `purchase`, per whole `per` spent' }),
    per: PositiveMoney.optional().openapi({
      description: '`purchase` only (and required there): the amount that earns `points`',
    }),
    dailyCap: int()
      .min(1)
      .max(1000)
      .optional()
      .openapi({ description: "Most earns of this action a day, in the program's time zone" }),
    streakBonus: z
      .object({ everyDays: int().min(2).max(365), points: int().min(1).max(1_000_000) })
      .optional()
      .openapi({ description: '`check_in` only: every `everyDays`-th day of a streak earns `points` more' }),
  })
  .openapi('PointsEarnRule');

export const PointsTierSchema = z
  .object({
    id: z.string().regex(/^[\w-]{1,40}$/),
    name: z.string().trim().min(1).max(40),
    threshold: int()
      .min(0)
      .max(1_000_000_000)
      .openapi({ description: "Lifetime points needed; the first tier's is 0" }),
    perks: z.array(z.string().trim().min(1).max(200)).max(10).optional(),
  })
  .openapi('PointsTier');

export const PointsCouponSchema = z
  .object({
    amountOff: PositiveMoney.optional(),
    percentOff: int().min(1).max(100).optional(),
    minimumSpend: PositiveMoney.optional(),
    validDays: int()
      .min(1)
      .max(3650)
      .optional()
      .openapi({ description: 'The code works this many days after redemption; absent: no expiry' }),
  })
  .refine(
    (c) => (c.amountOff === undefined) !== (c.percentOff === undefined),
    'Exactly one of amountOff and percentOff',
  )
  .openapi('PointsCoupon');

export const PointsRewardSchema = z
  .object({
    id: z.string(),
    title: z.string(),
    description: z.string().optional(),
    cost: int(),
    kind: z.enum(['coupon', 'perk']),
    coupon: PointsCouponSchema.optional(),
    stock: int()
      .min(0)
      .optional()
      .openapi({ description: 'Redemptions left (the unused imported codes when fewer); absent: unlimited' }),
    tierId: z.string().optional().openapi({ description: 'Only members at this tier or above may redeem it' }),
  })
  .openapi('PointsReward');

export const PointsBadgeSchema = z
  .object({ id: z.string(), name: z.string(), description: z.string() })
  .openapi('PointsBadge');

export const PointsProgramSchema = z
  .object({
    name: z.string(),
    tiers: z.array(PointsTierSchema),
    earn: z.array(PointsEarnRuleSchema),
    rewards: z.array(PointsRewardSchema).openapi({ description: 'Active rewards, cheapest first' }),
    badges: z.array(PointsBadgeSchema),
    expiryMonths: int().nullable(),
    pendingDays: int(),
    timeZone: z.string(),
    termsUrl: z.string().optional(),
  })
  .openapi('PointsProgram');

const tierWithNeed = PointsTierSchema.extend({ pointsNeeded: int() });

export const PointsAccountSchema = z
  .object({
    balance: int().openapi({ description: 'Spendable now: the sum of available ledger entries; never negative' }),
    pending: int().openapi({ description: 'Purchase points inside the return window' }),
    lifetime: int().openapi({
      description: 'Every point earned (pending included) less refunded ones, spent or not; what tiers count',
    }),
    tier: PointsTierSchema,
    nextTier: tierWithNeed.nullable(),
    badges: z.array(z.object({ id: z.string(), name: z.string(), earnedAt: isoDate })),
    checkIn: z.object({ streak: int(), checkedInToday: z.boolean(), nextPoints: int() }),
    expiring: z
      .object({ points: int(), at: isoDate })
      .nullable()
      .openapi({ description: 'The soonest points to expire within 30 days' }),
    serverTime: isoDate.openapi({ description: 'The database clock' }),
  })
  .openapi('PointsAccount');

export const SOURCE_TYPES = [
  'order',
  'review',
  'check_in',
  'redemption',
  'team',
  'share',
  'referral',
  'adjustment',
  'expiry',
] as const;

export const PointsEntrySchema = z
  .object({
    id: z.string(),
    kind: z.enum(['earn', 'redeem', 'expire', 'adjust', 'reverse']),
    action: z.enum(POINTS_ACTIONS).optional(),
    points: int(),
    shortfall: int().optional().openapi({
      description:
        'A `reverse` of points already spent: the part the balance could not give back (taken off lifetime points only)',
    }),
    source: z.object({ type: z.enum(SOURCE_TYPES), id: z.string(), label: z.string().optional() }),
    note: z.string().optional(),
    status: z.enum(['pending', 'available']),
    availableAt: isoDate.optional(),
    expiresAt: isoDate.optional(),
    balanceAfter: int()
      .nullable()
      .openapi({ description: 'The available balance right after this entry; null while pending' }),
    createdAt: isoDate,
  })
  .openapi('PointsEntry');

export const PointsEntryPageSchema = z
  .object({ items: z.array(PointsEntrySchema), nextCursor: z.string().nullable() })
  .openapi('PointsEntryPage');

export const PointsCheckInSchema = z
  .object({ points: int(), bonus: int(), streak: int(), account: PointsAccountSchema })
  .openapi('PointsCheckIn');

export const PointsRedemptionSchema = z
  .object({
    id: z.string(),
    rewardId: z.string(),
    rewardTitle: z.string(),
    points: int(),
    code: z.string(),
    coupon: PointsCouponSchema.optional(),
    expiresAt: isoDate.optional(),
    createdAt: isoDate,
    account: PointsAccountSchema,
  })
  .openapi('PointsRedemption');

// ── Requests ────────────────────────────────────────────────────────────────────────────────

export const PointsHistoryQuery = z.object({
  cursor,
  limit: pageLimit(50, 20),
});

export const PointsRedeemBody = z.object({ rewardId: z.string().min(1).max(100) }).openapi('PointsRedeem');

export const isTimeZone = (tz: string) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
};

type Issue = { path: string[]; message: string };

/** The rules a program's earn list follows. */
export function earnIssues(earn: readonly z.infer<typeof PointsEarnRuleSchema>[]): Issue[] {
  const issues: Issue[] = [];
  const seen = new Set<string>();
  earn.forEach((r, i) => {
    if (seen.has(r.action)) issues.push({ path: ['earn', String(i), 'action'], message: `Only one ${r.action} rule` });
    seen.add(r.action);
    if (r.action === 'purchase' && !r.per)
      issues.push({ path: ['earn', String(i), 'per'], message: 'A purchase rule needs per' });
    if (r.action !== 'purchase' && r.per)
      issues.push({ path: ['earn', String(i), 'per'], message: 'Only a purchase rule takes per' });
    if (r.action !== 'check_in' && r.streakBonus)
      issues.push({ path: ['earn', String(i), 'streakBonus'], message: 'Only a check_in rule takes streakBonus' });
  });
  return issues;
}

/** Tiers: the first at 0, thresholds strictly ascending, ids unique. */
export function tierIssues(tiers: readonly z.infer<typeof PointsTierSchema>[]): Issue[] {
  const issues: Issue[] = [];
  const ids = new Set<string>();
  tiers.forEach((t, i) => {
    if (i === 0 && t.threshold !== 0)
      issues.push({ path: ['tiers', '0', 'threshold'], message: 'The first tier starts at 0' });
    if (i > 0 && t.threshold <= tiers[i - 1]!.threshold)
      issues.push({ path: ['tiers', String(i), 'threshold'], message: 'Thresholds must be strictly ascending' });
    if (ids.has(t.id)) issues.push({ path: ['tiers', String(i), 'id'], message: `Tier id ${t.id} is used twice` });
    ids.add(t.id);
  });
  return issues;
}

/** Partial: only the fields sent change; `null` clears `expiryMonths` (never expire) and `termsUrl`. */
export const PointsProgramBody = z
  .object({
    name: z.string().trim().min(1).max(100),
    earn: z.array(PointsEarnRuleSchema).max(RULE_ACTIONS.length),
    tiers: z.array(PointsTierSchema).min(1).max(10),
    expiryMonths: int().min(1).max(120).nullable().openapi({ description: 'null: points never expire' }),
    pendingDays: int().min(0).max(365),
    timeZone: z
      .string()
      .min(1)
      .max(64)
      .refine(isTimeZone, 'Not an IANA time zone')
      .openapi({ example: 'Asia/Shanghai' }),
    termsUrl: httpUrl.nullable(),
  })
  .partial()
  .superRefine((p, ctx) => {
    for (const i of [...(p.earn ? earnIssues(p.earn) : []), ...(p.tiers ? tierIssues(p.tiers) : [])])
      ctx.addIssue({ code: 'custom', path: i.path, message: i.message });
  })
  .openapi('PointsProgramSettings');

const rewardFields = {
  title: z.string().trim().min(1).max(100),
  description: z.string().trim().min(1).max(500),
  cost: int().min(1).max(10_000_000),
  kind: z.enum(['coupon', 'perk']).openapi({ description: '`coupon` needs `coupon`; a `perk` takes none' }),
  coupon: PointsCouponSchema,
  stock: int().min(0).max(10_000_000).openapi({ description: 'Redemptions left; absent: unlimited' }),
  tierId: z
    .string()
    .regex(/^[\w-]{1,40}$/)
    .openapi({ description: 'A tier of the program' }),
};

/** A coupon reward carries its coupon; a perk carries none. */
export function rewardIssues(r: { kind: 'coupon' | 'perk'; coupon?: unknown }): Issue[] {
  if (r.kind === 'coupon' && !r.coupon) return [{ path: ['coupon'], message: 'A coupon reward needs coupon' }];
  if (r.kind === 'perk' && r.coupon) return [{ path: ['coupon'], message: 'A perk takes no coupon' }];
  return [];
}

export const PointsCreateRewardBody = z
  .object({
    id: z
      .string()
      .regex(/^[\w-]{1,100}$/)
      .optional()
      .openapi({ description: 'Your id for the reward; generated when left out' }),
    title: rewardFields.title,
    description: rewardFields.description.optional(),
    cost: rewardFields.cost,
    kind: rewardFields.kind,
    coupon: rewardFields.coupon.optional(),
    stock: rewardFields.stock.optional(),
    tierId: rewardFields.tierId.optional(),
  })
  .superRefine((r, ctx) => {
    for (const i of rewardIssues(r)) ctx.addIssue({ code: 'custom', path: i.path, message: i.message });
  })
  .openapi('CreatePointsReward');

/** Partial; `null` clears `description`, `coupon`, `stock` (unlimited) and `tierId`. The merged reward must still follow the rules. */
export const PointsUpdateRewardBody = z
  .object({
    title: rewardFields.title.optional(),
    description: rewardFields.description.nullable().optional(),
    cost: rewardFields.cost.optional(),
    kind: rewardFields.kind.optional(),
    coupon: rewardFields.coupon.nullable().optional(),
    stock: rewardFields.stock.nullable().optional(),
    tierId: rewardFields.tierId.nullable().optional(),
    active: z
      .boolean()
      .optional()
      .openapi({ description: 'false hides it from the program and refuses redemptions (404)' }),
  })
  .openapi('UpdatePointsReward');

export const PointsAdminRewardSchema = PointsRewardSchema.extend({
  stock: int().min(0).optional().openapi({ description: 'As set; absent: unlimited' }),
  active: z.boolean(),
  codes: z
    .object({ imported: int(), available: int() })
    .openapi({ description: 'The imported code pool: every code ever imported, and those not handed out yet' }),
  createdAt: isoDate,
}).openapi('PointsAdminReward');

export const PointsImportCodesBody = z
  .object({
    codes: z
      .array(z.string().regex(/^[A-Za-z0-9_-]{4,64}$/, '4 to 64 of A-Z, a-z, 0-9, - and _'))
      .min(1)
      .max(10_000),
  })
  .openapi('PointsImportCodes');

export const PointsImportCodesSchema = z
  .object({
    imported: int(),
    duplicates: int().openapi({ description: "Codes already in the shop's pools or repeated in the request" }),
    available: int().openapi({ description: 'Unused codes of this reward now' }),
  })
  .openapi('PointsImportedCodes');

const customerId = z.string().min(1).max(200);

export const PointsAdjustBody = z
  .object({
    customerId,
    points: int()
      .min(-1_000_000)
      .max(1_000_000)
      .refine((n) => n !== 0, 'Must not be 0'),
    note: z.string().trim().min(1).max(200).openapi({ description: 'Shown to the customer in their history' }),
  })
  .openapi('PointsAdjust');

export const PointsAdjustSchema = z
  .object({ entry: PointsEntrySchema, account: PointsAccountSchema })
  .openapi('PointsAdjusted');

export const PointsEarnBody = z
  .object({
    customerId,
    action: z.enum(['share', 'referral']),
    sourceId: z
      .string()
      .min(1)
      .max(200)
      .openapi({ description: 'What was shared or who was referred: the same sourceId earns once' }),
  })
  .openapi('PointsEarn');

export const PointsEarnSchema = z
  .object({
    entry: PointsEntrySchema.nullable().openapi({
      description: 'The new entry; null when capped, a duplicate, or the rule earns nothing',
    }),
    capped: z.boolean().openapi({ description: "The rule's dailyCap was reached today" }),
    duplicate: z.boolean().openapi({ description: 'This sourceId already earned' }),
  })
  .openapi('PointsEarned');

export const PointsCustomerParam = z.object({
  customerId: customerId.openapi({ param: { name: 'customerId', in: 'path' } }),
});
export const PointsRewardIdParam = z.object({
  id: z
    .string()
    .min(1)
    .max(100)
    .openapi({ param: { name: 'id', in: 'path' } }),
});

export const PointsAdminCustomerSchema = z
  .object({ account: PointsAccountSchema, history: PointsEntryPageSchema })
  .openapi('PointsCustomer');

export const PointsOrderPointsSchema = z.object({ earned: int(), availableAt: isoDate }).openapi('PointsOrderEarn');

/** `data` of a `points.redeemed` webhook. */
export const RedeemedWebhookSchema = z
  .object({
    redemption: z.object({
      id: z.string(),
      customerId: z.string(),
      rewardId: z.string(),
      rewardTitle: z.string(),
      points: int(),
      code: z.string(),
      coupon: PointsCouponSchema.optional(),
      expiresAt: isoDate.optional(),
      createdAt: isoDate,
    }),
  })
  .openapi('PointsRedeemedWebhook');

export type PointsEarnRuleValue = z.infer<typeof PointsEarnRuleSchema>;
export type PointsTierValue = z.infer<typeof PointsTierSchema>;
export type PointsCouponValue = z.infer<typeof PointsCouponSchema>;
export type PointsRewardResponse = z.infer<typeof PointsRewardSchema>;
export type PointsAdminRewardResponse = z.infer<typeof PointsAdminRewardSchema>;
export type PointsProgramResponse = z.infer<typeof PointsProgramSchema>;
export type PointsAccountResponse = z.infer<typeof PointsAccountSchema>;
export type PointsEntryResponse = z.infer<typeof PointsEntrySchema>;
export type PointsEntryPageResponse = z.infer<typeof PointsEntryPageSchema>;
export type PointsCheckInResponse = z.infer<typeof PointsCheckInSchema>;
export type PointsRedemptionResponse = z.infer<typeof PointsRedemptionSchema>;
export type PointsProgramInput = z.infer<typeof PointsProgramBody>;
export type CreateRewardInput = z.infer<typeof PointsCreateRewardBody>;
export type UpdateRewardInput = z.infer<typeof PointsUpdateRewardBody>;
export type PointsEarnResponse = z.infer<typeof PointsEarnSchema>;
export type PointsRedeemedWebhookData = z.infer<typeof RedeemedWebhookSchema>;
export type PointsActionName = (typeof POINTS_ACTIONS)[number];
export type RuleAction = (typeof RULE_ACTIONS)[number];

// The wire format is exactly the @kith/core models: a field the core types can't take fails the build.
type Assert<T extends true> = T;
export type _PointsFitCore = [
  Assert<PointsRewardResponse extends PointsReward ? true : false>,
  Assert<PointsProgramResponse extends PointsProgram ? true : false>,
  Assert<PointsAccountResponse extends PointsAccount ? true : false>,
  Assert<PointsEntryResponse extends PointsEntry ? true : false>,
  Assert<PointsCheckInResponse extends PointsCheckIn ? true : false>,
  Assert<PointsRedemptionResponse extends PointsRedemption ? true : false>,
];
