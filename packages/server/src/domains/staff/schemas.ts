import { z } from '@hono/zod-openapi';
import { cursor, pageLimit } from '../../schemas/common.js';

/** Long enough to stand against guessing without other rules (NIST SP 800-63B: length, not composition). */
export const PASSWORD = { min: 12, max: 200 } as const;
const Password = z
  .string()
  .min(PASSWORD.min)
  .max(PASSWORD.max)
  .openapi({ description: `${PASSWORD.min} to ${PASSWORD.max} characters`, format: 'password' });
const Email = z.string().trim().email().max(320).openapi({ example: 'ana@acme.example' });

export const StaffRoleSchema = z.enum(['owner', 'moderator']).openapi({
  description:
    '`owner`: everything the secret key may do; `moderator`: the moderation queue (reviews, questions and answers, flagged referrals) and the audit log',
});

export const StaffUserSchema = z
  .object({
    id: z.string(),
    shopId: z.string(),
    email: z.string(),
    role: StaffRoleSchema,
    active: z.boolean().openapi({ description: 'False until the invitation is accepted and a password set' }),
    createdAt: z.string(),
  })
  .openapi('StaffUser');

export const SignedInSchema = z
  .object({
    user: StaffUserSchema,
    shop: z.object({ id: z.string(), name: z.string() }),
  })
  .openapi('ConsoleSession');

export const SignInBody = z
  .object({ email: Email, password: z.string().min(1).max(PASSWORD.max) })
  .openapi('SignInBody');
export const AcceptInviteBody = z
  .object({
    token: z.string().min(1).max(200).openapi({ description: "The invitation link's `token`" }),
    password: Password,
  })
  .openapi('AcceptInviteBody');
export const InviteBody = z.object({ email: Email, role: StaffRoleSchema }).openapi('InviteStaffBody');
export const InvitedSchema = z
  .object({
    user: StaffUserSchema,
    inviteUrl: z
      .string()
      .openapi({ description: 'The one-time link that sets their password (7 days); shown only here' }),
  })
  .openapi('StaffInvited');
export const StaffIdParam = z.object({ id: z.string().min(1).max(100) });

export const AuditQuery = z.object({
  limit: pageLimit(100, 50),
  cursor,
});

export const AuditEntrySchema = z
  .object({
    id: z.string(),
    at: z.string(),
    actor: z.union([
      z.object({ kind: z.literal('secret_key') }),
      z.object({ kind: z.literal('staff'), id: z.string(), email: z.string() }),
    ]),
    operation: z.string().openapi({ example: 'approveReview' }),
    method: z.string(),
    path: z.string(),
    target: z.string().nullable(),
    request: z.unknown(),
    before: z.unknown(),
    after: z.unknown(),
  })
  .openapi('AuditEntry');
