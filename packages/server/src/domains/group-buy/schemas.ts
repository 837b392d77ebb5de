import { z } from '@hono/zod-openapi';
import type { GroupBuyCampaign, GroupBuyOffer, GroupBuyTeam } from '@kith/core';
import { hasContactOrLink } from '../reviews/moderation.js';
import { MoneySchema, cursor, httpUrl, isoDate, pageLimit, productId } from '../../schemas/common.js';

export const TierSchema = z
  .object({
    size: z.number().int().min(2).max(100).openapi({ description: 'Confirmed members needed, leader included' }),
    price: MoneySchema,
  })
  .openapi('GroupBuyTier');

const reward = z.object({
  description: z.string().trim().min(1).max(200),
  points: z.number().int().min(0).max(1_000_000).optional(),
});

export const CampaignSchema = z
  .object({
    id: z.string(),
    product: z.object({
      id: z.string(),
      title: z.string().optional(),
      url: z.string().optional(),
      imageUrl: z.string().optional(),
    }),
    soloPrice: MoneySchema,
    tiers: z.array(TierSchema),
    teamDurationSeconds: z.number().int(),
    maxMembers: z.number().int(),
    holdSeconds: z.number().int(),
    startsAt: isoDate,
    endsAt: isoDate.optional(),
    status: z.enum(['scheduled', 'active', 'sold_out', 'ended']),
    seatsLeft: z.number().int().optional().openapi({ description: 'Absent when the campaign has no stock limit' }),
    reward: reward.optional(),
  })
  .openapi('GroupBuyCampaign');

const seat = z.enum(['held', 'confirmed']);

export const MemberSchema = z
  .object({ initials: z.string(), avatarUrl: z.string().optional(), leader: z.boolean(), seat })
  .openapi('GroupBuyMember');

export const YourSeatSchema = z
  .object({ seat, leader: z.boolean(), holdExpiresAt: isoDate.optional(), price: MoneySchema })
  .openapi('GroupBuyYourSeat');

export const TeamSchema = z
  .object({
    id: z.string(),
    campaignId: z.string(),
    productId: z.string(),
    state: z.enum(['forming', 'succeeded', 'closed', 'expired']),
    leaderName: z.string(),
    members: z.array(MemberSchema).openapi({ description: 'Current seats, oldest first; initials only' }),
    confirmedCount: z.number().int(),
    seatCount: z.number().int(),
    maxMembers: z.number().int(),
    tiers: z.array(TierSchema),
    soloPrice: MoneySchema,
    tierReached: TierSchema.nullable(),
    createdAt: isoDate,
    expiresAt: isoDate,
    endedAt: isoDate.optional(),
    you: YourSeatSchema.optional().openapi({
      description: "Only on the signed-in customer's own requests, never in the stream",
    }),
    serverTime: isoDate.optional(),
  })
  .openapi('GroupBuyTeam');

export const OfferSchema = z
  .object({
    campaign: CampaignSchema,
    teams: z.array(TeamSchema),
    yourTeam: TeamSchema.nullable(),
    serverTime: isoDate,
  })
  .openapi('GroupBuyOffer');

export const AdminSeatSchema = z
  .object({
    customerId: z.string(),
    displayName: z.string().optional(),
    leader: z.boolean(),
    seat,
    holdExpiresAt: isoDate.optional(),
    orderId: z.string().optional(),
    joinedAt: isoDate,
  })
  .openapi('GroupBuyAdminSeat');

/** What the merchant (admin API, webhooks) sees: the public team plus who holds each seat. */
export const AdminTeamSchema = TeamSchema.omit({ you: true, serverTime: true })
  .extend({ seats: z.array(AdminSeatSchema) })
  .openapi('GroupBuyAdminTeam');

export const CampaignIdParam = z.object({
  campaignId: z
    .string()
    .min(1)
    .max(100)
    .openapi({ param: { name: 'campaignId', in: 'path' } }),
});
export const IdParam = z.object({
  id: z
    .string()
    .min(1)
    .max(100)
    .openapi({ param: { name: 'id', in: 'path' } }),
});

/** Shown publicly (the team's name when leading, initials otherwise): no links or contact details. */
export const JoinBody = z
  .object({
    displayName: z
      .string()
      .trim()
      .min(1)
      .max(40)
      .refine((s) => !hasContactOrLink(s), 'No links or contact details')
      .optional(),
  })
  .openapi('GroupBuyJoin');

export interface CampaignTerms {
  readonly soloPrice: { minor: number; currency: string };
  readonly tiers: readonly { size: number; price: { minor: number; currency: string } }[];
  readonly maxMembers?: number;
  readonly startsAt?: string;
  readonly endsAt?: string | null;
}

/**
 * The rules a campaign's terms follow, for create (through the schema) and for a partial update
 * (on the merged result): sizes ascending, prices falling and below the solo price, one currency,
 * room for the deepest tier.
 */
export function campaignIssues(c: CampaignTerms): { path: string[]; message: string }[] {
  const issues: { path: string[]; message: string }[] = [];
  c.tiers.forEach((t, i) => {
    if (t.price.currency !== c.soloPrice.currency)
      issues.push({
        path: ['tiers', String(i), 'price', 'currency'],
        message: "Every price must be in the solo price's currency",
      });
    if (t.price.minor >= c.soloPrice.minor)
      issues.push({
        path: ['tiers', String(i), 'price', 'minor'],
        message: 'A team price must be below the solo price',
      });
    const prev = c.tiers[i - 1];
    if (prev && t.size <= prev.size)
      issues.push({ path: ['tiers', String(i), 'size'], message: 'Tier sizes must be strictly ascending' });
    if (prev && t.price.minor >= prev.price.minor)
      issues.push({ path: ['tiers', String(i), 'price', 'minor'], message: 'Deeper tiers must be strictly cheaper' });
  });
  const deepest = c.tiers.at(-1)?.size ?? 2;
  if (c.maxMembers !== undefined && c.maxMembers < deepest)
    issues.push({ path: ['maxMembers'], message: `Must be at least the deepest tier's size (${deepest})` });
  if (c.endsAt && c.startsAt && Date.parse(c.endsAt) <= Date.parse(c.startsAt))
    issues.push({ path: ['endsAt'], message: 'Must be after startsAt' });
  return issues;
}

const campaignFields = {
  product: z
    .object({
      title: z.string().trim().min(1).max(200).optional(),
      url: httpUrl.optional(),
      imageUrl: httpUrl.optional(),
    })
    .optional(),
  soloPrice: MoneySchema,
  tiers: z.array(TierSchema).min(1).max(10),
  teamDurationSeconds: z
    .number()
    .int()
    .min(1)
    .max(30 * 86_400)
    .optional()
    .openapi({ description: 'Default 86400 (24 h)' }),
  maxMembers: z.number().int().min(2).max(100).optional().openapi({ description: "Default: the deepest tier's size" }),
  holdSeconds: z
    .number()
    .int()
    .min(1)
    .max(7 * 86_400)
    .optional()
    .openapi({ description: 'Default 900 (15 min)' }),
  startsAt: isoDate.optional().openapi({ description: 'Default: now' }),
  endsAt: isoDate.optional(),
  stock: z
    .number()
    .int()
    .min(0)
    .max(10_000_000)
    .optional()
    .openapi({ description: 'Team-price units; seats of every team use them up. Absent: unlimited' }),
  reward: reward.optional(),
};

const addIssues = (value: CampaignTerms, ctx: z.RefinementCtx) => {
  for (const i of campaignIssues(value)) ctx.addIssue({ code: 'custom', path: i.path, message: i.message });
};

export const CreateCampaignBody = z
  .object({
    id: z
      .string()
      .regex(/^[\w-]{1,100}$/)
      .optional()
      .openapi({ description: 'Your id for the campaign; generated when left out' }),
    productId,
    ...campaignFields,
  })
  .superRefine(addIssues)
  .openapi('CreateGroupBuyCampaign');

/** Partial; `null` clears `endsAt`, `stock` and `reward`. The merged campaign must still follow the rules. */
export const UpdateCampaignBody = z
  .object({
    ...campaignFields,
    soloPrice: MoneySchema.optional(),
    tiers: campaignFields.tiers.optional(),
    endsAt: isoDate.nullable().optional(),
    stock: campaignFields.stock.unwrap().nullable().optional(),
    reward: reward.nullable().optional(),
  })
  .openapi('UpdateGroupBuyCampaign');

export const TEAM_STATES = ['forming', 'succeeded', 'closed', 'expired'] as const;
export const AdminTeamsQuery = z.object({
  state: z
    .enum(TEAM_STATES)
    .optional()
    .openapi({ param: { name: 'state', in: 'query' } }),
  campaign: z
    .string()
    .min(1)
    .max(100)
    .optional()
    .openapi({ param: { name: 'campaign', in: 'query' } }),
  cursor,
  limit: pageLimit(100, 50),
});

/** The `event:` name of messages on `GET /v1/teams/:id/events`; `data` is the public team. */
export const TEAM_EVENT = 'team';

export type TierValue = z.infer<typeof TierSchema>;
export type GroupBuyCampaignResponse = z.infer<typeof CampaignSchema>;
export type GroupBuyTeamResponse = z.infer<typeof TeamSchema>;
export type GroupBuyOfferResponse = z.infer<typeof OfferSchema>;
export type GroupBuyAdminTeamResponse = z.infer<typeof AdminTeamSchema>;
export type GroupBuyAdminSeat = z.infer<typeof AdminSeatSchema>;
export type CreateCampaignInput = z.infer<typeof CreateCampaignBody>;
export type UpdateCampaignInput = z.infer<typeof UpdateCampaignBody>;

// The wire format is exactly the @kith/core models: a field the core types can't take fails the build.
type Assert<T extends true> = T;
export type _GroupBuyFitsCore = [
  Assert<GroupBuyCampaignResponse extends GroupBuyCampaign ? true : false>,
  Assert<GroupBuyTeamResponse extends GroupBuyTeam ? true : false>,
  Assert<GroupBuyOfferResponse extends GroupBuyOffer ? true : false>,
];
