import { z } from '@hono/zod-openapi';
import { isoDate, MoneySchema, productId } from '../../schemas/common.js';
import { RefundReferralSchema } from '../referrals/schemas.js';

export const CreateOrderBody = z
  .object({
    id: z.string().min(1).max(100),
    customerId: z.string().min(1).max(200),
    productIds: z.array(productId).min(1).max(500),
    placedAt: isoDate.optional(),
    total: MoneySchema.optional().openapi({
      description: "What the customer paid: earns purchase points in the program's purchase currency",
    }),
    teamId: z
      .string()
      .min(1)
      .max(100)
      .optional()
      .openapi({ description: "A group-buy team: confirms this customer's held seat in it" }),
    referralCode: z
      .string()
      .trim()
      .min(1)
      .max(40)
      .optional()
      .openapi({ description: 'Referrals: the code the buyer came with (`kith_ref`), any case' }),
    emailHash: z
      .string()
      .regex(/^[0-9a-fA-F]{64}$/)
      .optional()
      .openapi({ description: "Referrals: hex SHA-256 of the buyer's lower-cased email, for the self-referral check" }),
    ip: z
      .union([z.ipv4(), z.ipv6()])
      .optional()
      .openapi({ description: "Referrals: the buyer's IP, stored only as a salted hash for the same-IP check" }),
  })
  .openapi('CreateOrder');

export const OrderIdParam = z.object({
  id: z
    .string()
    .min(1)
    .max(100)
    .openapi({ param: { name: 'id', in: 'path' } }),
});

export const RefundOrderBody = z.object({}).openapi('RefundOrder');
export const OrderRefundSchema = z
  .object({
    orderId: z.string(),
    reversed: z.number().int().openapi({ description: 'Purchase points taken back' }),
    shortfall: z
      .number()
      .int()
      .openapi({ description: 'Purchase points already spent, which could not be taken back' }),
    referral: RefundReferralSchema.nullable().openapi({
      description: "The order's referral conversion, reversed (null when the order was not referred)",
    }),
  })
  .openapi('OrderRefund');

export type OrderRefundResponse = z.infer<typeof OrderRefundSchema>;
