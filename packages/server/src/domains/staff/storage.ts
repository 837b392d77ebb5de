import { createHash, randomBytes, scrypt as scryptCb, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import type { Db } from '../../db.js';

export type StaffRole = 'owner' | 'moderator';

/** A member of a shop's staff, as the console and the API show them (never their password or tokens). */
export interface StaffUser {
  readonly id: string;
  readonly shopId: string;
  readonly email: string;
  readonly role: StaffRole;
  /** False until they accepted their invitation and set a password. */
  readonly active: boolean;
  readonly createdAt: string;
}

/** How long an invitation link works, and a console session lasts (absolute, not extended by use). */
export const INVITE_TTL_SECONDS = 7 * 24 * 3600;
export const SESSION_TTL_SECONDS = 12 * 3600;

type Row = {
  id: string;
  shop_id: string;
  email: string;
  role: StaffRole;
  password_hash: string | null;
  created_at: Date | string;
};
const toUser = (r: Row): StaffUser => ({
  id: r.id,
  shopId: r.shop_id,
  email: r.email,
  role: r.role,
  active: r.password_hash !== null,
  createdAt: new Date(r.created_at).toISOString(),
});
const COLUMNS = 'id, shop_id, email, role, password_hash, created_at';

// scrypt at N=2^15, r=8, p=3 (32 MiB): one of OWASP's equal-cost minimums (2^17 at p=1 needs
// 128 MiB per sign-in). The parameters are stored with each hash, so they can grow later.
const SCRYPT = { N: 2 ** 15, r: 8, p: 3, maxmem: 64 * 1024 * 1024 } as const;
const KEY_LENGTH = 32;
// At most two hashes at a time: each holds 32 MiB and one of libuv's four threads, which file and
// DNS work share; a burst of sign-ins waits here instead of starving the rest of the server.
const HASHING = 2;
let hashing = 0;
const waiting: (() => void)[] = [];
async function scrypt(password: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  if (hashing >= HASHING) await new Promise<void>((resolve) => waiting.push(resolve));
  hashing++;
  try {
    return await new Promise<Buffer>((resolve, reject) =>
      scryptCb(password.normalize('NFC'), salt, KEY_LENGTH, options, (e, key) => (e ? reject(e) : resolve(key))),
    );
  } finally {
    hashing--;
    waiting.shift()?.();
  }
}

/** `scrypt$N$r$p$<salt>$<hash>`, base64url. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password, salt, SCRYPT);
  return ['scrypt', SCRYPT.N, SCRYPT.r, SCRYPT.p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64url');
  const key = await scrypt(password, Buffer.from(salt, 'base64url'), {
    N: Number(n),
    r: Number(r),
    p: Number(p),
    maxmem: SCRYPT.maxmem,
  });
  return key.length === expected.length && timingSafeEqual(key, expected);
}

// Run for an unknown email too, so the answer takes as long whether or not the person exists.
let dummyHash: Promise<string> | undefined;
const dummy = () => (dummyHash ??= hashPassword('kith: no such staff member'));

/** A secret to hand out (an invitation, a session) and the only form the database keeps of it. */
const newSecret = () => randomBytes(32).toString('base64url');
export const hashSecret = (secret: string) => createHash('sha256').update(secret).digest('hex');

/** The console's link that sets an invited staff member's password; the token rides in the fragment, which no server or Referer sees. */
export const inviteUrl = (base: string, token: string) => `${base.replace(/\/+$/, '')}/admin/#invite=${token}`;

export const normalizeEmail = (email: string) => email.trim().toLowerCase();

/**
 * Adds `email` to the shop's staff and returns a one-time invitation secret (the link's `token`),
 * valid `INVITE_TTL_SECONDS`. Someone this shop removed comes back with the new role and no
 * password. Undefined when the email is already on a staff (this shop's or another's).
 */
export async function inviteStaff(
  db: Db,
  input: { shopId: string; email: string; role: StaffRole },
): Promise<{ user: StaffUser; invite: string } | undefined> {
  return db.transaction(async (tx) => {
    const { rows } = await tx.query<Row>(
      `INSERT INTO staff_users (id, shop_id, email, role) VALUES ($1, $2, $3, $4)
       ON CONFLICT (email) DO UPDATE SET role = EXCLUDED.role, password_hash = NULL, disabled_at = NULL
         WHERE staff_users.shop_id = EXCLUDED.shop_id AND staff_users.disabled_at IS NOT NULL
       RETURNING ${COLUMNS}`,
      [`staff_${randomBytes(8).toString('hex')}`, input.shopId, normalizeEmail(input.email), input.role],
    );
    if (!rows[0]) return undefined;
    return { user: toUser(rows[0]), invite: await newToken(tx, rows[0].id, 'invite', INVITE_TTL_SECONDS) };
  });
}

/**
 * A new invitation for someone already on the staff (a lost or expired link, a forgotten
 * password): earlier invitations stop working; their sessions are left alone.
 */
export async function reinviteStaff(db: Db, shopId: string, email: string): Promise<string | undefined> {
  return db.transaction(async (tx) => {
    const user = await staffByEmail(tx, shopId, email);
    if (!user) return undefined;
    await revokeTokens(tx, user.id, 'invite');
    return newToken(tx, user.id, 'invite', INVITE_TTL_SECONDS);
  });
}

/** Ends a staff member's open invitations or sessions (`kind`), or both; how many were open. */
async function revokeTokens(db: Db, userId: string, kind?: 'invite' | 'session'): Promise<number> {
  const { rows } = await db.query(
    `UPDATE staff_tokens SET revoked_at = now()
     WHERE user_id = $1 AND ($2::text IS NULL OR kind = $2) AND revoked_at IS NULL AND expires_at > now() RETURNING hash`,
    [userId, kind ?? null],
  );
  return rows.length;
}

async function newToken(db: Db, userId: string, kind: 'invite' | 'session', ttlSeconds: number) {
  const secret = newSecret();
  await db.query(
    `INSERT INTO staff_tokens (hash, user_id, kind, expires_at) VALUES ($1, $2, $3, now() + make_interval(secs => $4::integer))`,
    [hashSecret(secret), userId, kind, ttlSeconds],
  );
  return secret;
}

const byEmail = async (db: Db, email: string) =>
  (
    await db.query<Row>(`SELECT ${COLUMNS} FROM staff_users WHERE email = $1 AND disabled_at IS NULL`, [
      normalizeEmail(email),
    ])
  ).rows[0];

/** The staff member whose token (of `kind`) `secret` is, while it is neither revoked nor expired. */
async function holder(db: Db, secret: string, kind: 'invite' | 'session', lock = false) {
  const { rows } = await db.query<Row>(
    `SELECT u.id, u.shop_id, u.email, u.role, u.password_hash, u.created_at
     FROM staff_tokens t JOIN staff_users u ON u.id = t.user_id
     WHERE t.hash = $1 AND t.kind = $2 AND t.revoked_at IS NULL AND t.expires_at > now() AND u.disabled_at IS NULL
     ${lock ? 'FOR UPDATE OF t' : ''}`,
    [hashSecret(secret), kind],
  );
  return rows[0];
}

/**
 * Sets the password of the person the invitation `secret` is for, uses the invitation up (with
 * every other one of theirs) and opens a session. Undefined for an invitation that is unknown,
 * used, replaced or expired.
 */
export async function acceptInvite(
  db: Db,
  secret: string,
  password: string,
): Promise<{ user: StaffUser; session: string } | undefined> {
  const hash = await hashPassword(password);
  return db.transaction(async (tx) => {
    // Locked, so of two acceptances of one link only the first sets the password.
    const found = await holder(tx, secret, 'invite', true);
    if (!found) return undefined;
    // A new password ends every way in the old one gave: other invitations and open sessions.
    await revokeTokens(tx, found.id);
    const { rows } = await tx.query<Row>(
      `UPDATE staff_users SET password_hash = $2 WHERE id = $1 RETURNING ${COLUMNS}`,
      [found.id, hash],
    );
    return { user: toUser(rows[0]!), session: await newToken(tx, found.id, 'session', SESSION_TTL_SECONDS) };
  });
}

/** Checks an email and password; on a match opens a session. Undefined otherwise, in the same time. */
export async function signIn(
  db: Db,
  email: string,
  password: string,
): Promise<{ user: StaffUser; session: string } | undefined> {
  const found = await byEmail(db, email);
  const ok = await verifyPassword(password, found?.password_hash ?? (await dummy()));
  if (!found?.password_hash || !ok) return undefined;
  return { user: toUser(found), session: await newToken(db, found.id, 'session', SESSION_TTL_SECONDS) };
}

/** The staff member a session cookie's `secret` signs in, while the session is open. */
export async function sessionUser(db: Db, secret: string): Promise<StaffUser | undefined> {
  const found = await holder(db, secret, 'session');
  return found && toUser(found);
}

/** Ends one session (signing out). */
export async function endSession(db: Db, secret: string): Promise<void> {
  await db.query(`UPDATE staff_tokens SET revoked_at = now() WHERE hash = $1 AND revoked_at IS NULL`, [
    hashSecret(secret),
  ]);
}

/** Ends every session of a staff member of `shopId` (a lost laptop, a change of role); how many were open. */
export async function endSessionsOf(db: Db, shopId: string, userId: string): Promise<number | undefined> {
  const user = await db.query<{ id: string }>('SELECT id FROM staff_users WHERE id = $1 AND shop_id = $2', [
    userId,
    shopId,
  ]);
  if (!user.rows[0]) return undefined;
  return revokeTokens(db, userId, 'session');
}

/**
 * Takes someone off the shop's staff: they can no longer sign in, their sessions and invitations
 * end at once (their name stays on what they did, in the audit log). False for an unknown id.
 */
export async function removeStaff(db: Db, shopId: string, userId: string): Promise<boolean> {
  return db.transaction(async (tx) => {
    const { rows } = await tx.query(
      'UPDATE staff_users SET disabled_at = now() WHERE id = $1 AND shop_id = $2 AND disabled_at IS NULL RETURNING id',
      [userId, shopId],
    );
    if (!rows[0]) return false;
    await revokeTokens(tx, userId);
    return true;
  });
}

/** The shop's staff member with `email` (to remove them from the command line). */
export async function staffByEmail(db: Db, shopId: string, email: string): Promise<StaffUser | undefined> {
  const found = await byEmail(db, email);
  return found && found.shop_id === shopId ? toUser(found) : undefined;
}

/** The shop's staff, by email. */
export async function listStaff(db: Db, shopId: string): Promise<StaffUser[]> {
  const { rows } = await db.query<Row>(
    `SELECT ${COLUMNS} FROM staff_users WHERE shop_id = $1 AND disabled_at IS NULL ORDER BY email`,
    [shopId],
  );
  return rows.map(toUser);
}
