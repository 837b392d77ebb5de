import type { Context } from 'hono';
import { deleteCookie, setCookie } from 'hono/cookie';
import type { AppDeps, AppEnv } from '../../env.js';
import { conflict, notFound, unauthorized } from '../../errors.js';
import { SESSION_COOKIE, sessionSecret } from '../../middleware/auth.js';
import { clearSignInCount } from '../../middleware/rate-limit.js';
import { jsonBody, newRouter, ok, routes } from '../../router.js';
import { errorResponses, IdempotencyHeader } from '../../schemas/common.js';
import { listAudit } from '../audit/storage.js';
import { getShop } from '../shops/storage.js';
import {
  AcceptInviteBody,
  AuditEntrySchema,
  AuditQuery,
  InviteBody,
  InvitedSchema,
  SignedInSchema,
  SignInBody,
  StaffIdParam,
  StaffUserSchema,
} from './schemas.js';
import { z } from '@hono/zod-openapi';
import {
  acceptInvite,
  endSession,
  endSessionsOf,
  inviteStaff,
  inviteUrl,
  listStaff,
  removeStaff,
  SESSION_TTL_SECONDS,
  signIn,
  type StaffUser,
} from './storage.js';

const baseOf = (deps: AppDeps, c: Context) => deps.publicUrl ?? new URL(c.req.url).origin;
/**
 * Where the session cookie lives: `Path=/`; when browsers reach the console over https
 * (`KITH_PUBLIC_URL`'s scheme, else the request's) also `Secure` with the `__Host-` prefix, so the
 * browser takes it only from this host and no other site on the domain can set one in its place.
 */
const cookieScope = (deps: AppDeps, c: Context) =>
  new URL(deps.publicUrl ?? c.req.url).protocol === 'https:'
    ? { path: '/', secure: true, prefix: 'host' as const }
    : { path: '/' };
/** What the console is told of a session: who, and for which shop. */
const sessionView = (user: StaffUser, shop: { id: string; name: string }) => ({
  user,
  shop: { id: shop.id, name: shop.name },
});

/**
 * The console's session (`/v1/console`): signing in with an email and password, accepting an
 * invitation, signing out, and who is signed in. The session is an `HttpOnly`, `SameSite=Strict`
 * cookie (`Secure` over https) holding a random secret of which the database keeps only a hash.
 */
export function consoleRouter(deps: AppDeps) {
  const { db } = deps;
  const app = newRouter();
  const { consoleRoute } = routes(deps, 'Console');

  const opened = async (c: Context<AppEnv>, user: StaffUser, session: string) => {
    setCookie(c, SESSION_COOKIE, session, {
      httpOnly: true,
      sameSite: 'Strict',
      maxAge: SESSION_TTL_SECONDS,
      ...cookieScope(deps, c),
    });
    return c.json(sessionView(user, (await getShop(db, user.shopId))!), 200);
  };

  app.openapi(
    consoleRoute(
      {
        method: 'post',
        path: '/sign-in',
        operationId: 'signIn',
        summary: 'Sign in to the console',
        description:
          "Checks a staff member's email and password and opens a 12-hour session (the `kith_console` cookie). 401 `invalid_credentials` for a wrong password or an unknown email alike; 429 `sign_in_rate_limited` after 5 attempts for one email or 30 from one address in 15 minutes. From the console's own origin only (403 `origin_not_allowed`).",
        request: { body: jsonBody(SignInBody) },
        responses: {
          200: ok(SignedInSchema, 'Signed in; the session cookie is set'),
          ...errorResponses(400, 401, 403, 415, 429),
        },
      },
      { session: 'none' },
    ),
    async (c) => {
      const { email, password } = c.req.valid('json');
      const done = await signIn(db, email, password);
      if (!done) throw unauthorized('invalid_credentials', 'Wrong email or password');
      await clearSignInCount(db, email);
      return opened(c, done.user, done.session);
    },
  );

  app.openapi(
    consoleRoute(
      {
        method: 'post',
        path: '/invites/accept',
        operationId: 'acceptInvite',
        summary: 'Accept an invitation: set a password and sign in',
        description:
          'Takes the `token` of an invitation link (`/admin/#invite=<token>`) and a password of 12 to 200 characters; the link works once, for 7 days. 401 `invite_invalid` for a link that is unknown, used, replaced or expired.',
        request: { body: jsonBody(AcceptInviteBody) },
        responses: {
          200: ok(SignedInSchema, 'Password set and signed in'),
          ...errorResponses(400, 401, 403, 415, 429),
        },
      },
      { session: 'none' },
    ),
    async (c) => {
      const { token, password } = c.req.valid('json');
      const done = await acceptInvite(db, token, password);
      if (!done)
        throw unauthorized('invite_invalid', 'This invitation link is used, replaced or expired; ask for a new one');
      return opened(c, done.user, done.session);
    },
  );

  app.openapi(
    consoleRoute(
      {
        method: 'post',
        path: '/sign-out',
        operationId: 'signOut',
        summary: 'Sign out of the console',
        description: 'Ends this session for good (the cookie is cleared and its secret no longer signs anyone in).',
        responses: { 204: { description: 'Signed out' }, ...errorResponses(401, 403) },
      },
      { session: 'any' },
    ),
    async (c) => {
      await endSession(db, sessionSecret(c)!);
      deleteCookie(c, SESSION_COOKIE, cookieScope(deps, c));
      return c.body(null, 204);
    },
  );

  app.openapi(
    consoleRoute(
      {
        method: 'get',
        path: '/me',
        operationId: 'getConsoleSession',
        summary: 'Who is signed in to the console',
        responses: { 200: ok(SignedInSchema), ...errorResponses(401) },
      },
      { session: 'any' },
    ),
    (c) => c.json(sessionView(c.get('staff')!, c.get('shop')), 200),
  );

  return app;
}

/** The shop's staff and its audit log, for owners (the audit log for moderators too). */
export function adminStaffRouter(deps: AppDeps) {
  const { db } = deps;
  const app = newRouter();
  const { adminRoute } = routes(deps, 'Staff: admin');

  app.openapi(
    adminRoute({
      method: 'get',
      path: '/staff',
      operationId: 'listStaff',
      summary: "The shop's staff",
      responses: { 200: ok(z.object({ items: z.array(StaffUserSchema) })), ...errorResponses(401, 403) },
    }),
    async (c) => c.json({ items: await listStaff(db, c.get('shop').id) }, 200),
  );

  app.openapi(
    // No stored answer: it holds the invitation link, a password's key (the audit log redacts it).
    adminRoute(
      {
        method: 'post',
        path: '/staff',
        operationId: 'inviteStaff',
        summary: 'Invite a staff member',
        description:
          "Adds an email to the shop's staff with a role and answers a one-time link (7 days) that sets their password; send it to them yourself. 409 `already_exists` when the email is already on a staff (of any shop).",
        request: { body: jsonBody(InviteBody) },
        responses: { 201: ok(InvitedSchema, 'Invited'), ...errorResponses(400, 401, 403, 409, 415, 429) },
      },
      { idempotency: false },
    ),
    async (c) => {
      const invited = await inviteStaff(db, { shopId: c.get('shop').id, ...c.req.valid('json') });
      if (!invited) throw conflict('already_exists', 'This email is already on a staff');
      return c.json({ user: invited.user, inviteUrl: inviteUrl(baseOf(deps, c), invited.invite) }, 201);
    },
  );

  app.openapi(
    adminRoute({
      method: 'post',
      path: '/staff/{id}/sign-out',
      operationId: 'signOutStaff',
      summary: "End a staff member's sessions",
      description: 'Every console session of theirs ends at once (a lost laptop, a change of role).',
      request: { params: StaffIdParam, headers: IdempotencyHeader },
      responses: { 200: ok(z.object({ ended: z.number().int() })), ...errorResponses(401, 403, 404, 429) },
    }),
    async (c) => {
      const ended = await endSessionsOf(db, c.get('shop').id, c.req.valid('param').id);
      if (ended === undefined) throw notFound('Staff member');
      return c.json({ ended }, 200);
    },
  );

  app.openapi(
    adminRoute({
      method: 'delete',
      path: '/staff/{id}',
      operationId: 'removeStaff',
      summary: 'Remove a staff member',
      description:
        'They can no longer sign in; their sessions and invitation links end at once. What they did stays in the audit log under their email. Inviting the email again brings them back with a new password. 409 `illegal_transition` for your own session (another owner removes you).',
      request: { params: StaffIdParam },
      responses: { 204: { description: 'Removed' }, ...errorResponses(401, 403, 404, 409, 429) },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      if (c.get('staff')?.id === id) throw conflict('illegal_transition', 'You cannot remove yourself');
      if (!(await removeStaff(db, c.get('shop').id, id))) throw notFound('Staff member');
      return c.body(null, 204);
    },
  );

  app.openapi(
    adminRoute(
      {
        method: 'get',
        path: '/audit',
        operationId: 'listAuditLog',
        summary: 'The audit log',
        description:
          'Every admin write, by the secret key or a staff member, newest first: who, which operation, when, what was sent, and the thing before (where the route reads it) and after, with keys, passwords, tokens, signing secrets, invitation links and reward codes redacted. A moderator reads only the writes a moderator may make.',
        request: { query: AuditQuery },
        responses: {
          200: ok(z.object({ items: z.array(AuditEntrySchema), nextCursor: z.string().nullable() })),
          ...errorResponses(400, 401, 403),
        },
      },
      { moderation: true },
    ),
    async (c) => {
      const { limit, cursor } = c.req.valid('query');
      const moderationOnly = c.get('staff')?.role === 'moderator';
      return c.json(await listAudit(db, c.get('shop').id, { limit, cursor, moderationOnly }), 200);
    },
  );

  return app;
}
