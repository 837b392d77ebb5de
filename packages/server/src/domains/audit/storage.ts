import type { Context } from 'hono';
import type { Db } from '../../db.js';
import type { AppEnv } from '../../env.js';
import { isJsonType } from '../../middleware/text.js';
import { decodeCursor, encodeCursor } from '../../storage/cursor.js';

/** One admin write, as the console's audit log shows it. */
export interface AuditEntry {
  readonly id: string;
  readonly at: string;
  /** Who: the secret key (the merchant's server), or a staff member's console session. */
  readonly actor:
    { readonly kind: 'secret_key' } | { readonly kind: 'staff'; readonly id: string; readonly email: string };
  /** The API operation (`approveReview`), its method and path as called. */
  readonly operation: string;
  readonly method: string;
  readonly path: string;
  /** The id the path names, if any (`{id}`, `{customerId}`). */
  readonly target: string | null;
  /** The JSON body sent, secrets redacted; for another body (a CSV), its type and size only. */
  readonly request: unknown;
  /** What the thing was before, where the route reads it first (moderation: the review's status). */
  readonly before: unknown;
  /** The JSON answered (the thing after the write), secrets redacted. */
  readonly after: unknown;
}

/** What the log never keeps: keys, passwords, tokens, signing secrets, invitation links, reward and coupon codes (a referral's share `code` is public). */
const SECRET_FIELD = /^(password|token|secret|secretKey|inviteUrl|codes|couponCode)$|(Secret|Token|Password)$/;
const SECRET_VALUE = /^(sk|whsec)_/;
export const REDACTED = '[redacted]';

/** `value` with every secret field's value, and every string that is a key or signing secret, replaced by `[redacted]`. */
export function redact(value: unknown): unknown {
  if (typeof value === 'string') return SECRET_VALUE.test(value) ? REDACTED : value;
  if (Array.isArray(value)) return value.map(redact);
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, SECRET_FIELD.test(k) && v != null ? REDACTED : redact(v)]),
    );
  return value;
}

const json = (text: string): unknown => {
  try {
    return redact(JSON.parse(text));
  } catch {
    return null;
  }
};

/** Records `c`'s admin write, which answered `res` (its body `answer`), in the write's own transaction (`runWrite`). */
export async function recordAudit(tx: Db, c: Context<AppEnv>, res: Response, answer: string): Promise<void> {
  const audit = c.get('audit')!;
  const staff = c.get('staff');
  const type = c.req.header('content-type');
  const body = await c.req.text();
  const request = !body
    ? null
    : isJsonType(type)
      ? json(body)
      : { contentType: type ?? null, bytes: Buffer.byteLength(body) };
  const after = isJsonType(res.headers.get('content-type') ?? undefined) ? json(answer) : null;
  const params = c.req.param() as Record<string, string>;
  const target = Object.values(params)[0] ?? null;
  await tx.query(
    `INSERT INTO audit_log (shop_id, actor_kind, actor_id, actor_email, operation, moderation, method, path, target, request, before, after)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
    [
      c.get('shop').id,
      staff ? 'staff' : 'secret_key',
      staff?.id ?? null,
      staff?.email ?? null,
      audit.operation,
      audit.moderation,
      c.req.method,
      new URL(c.req.url).pathname,
      target,
      JSON.stringify(request),
      JSON.stringify(redact(c.get('auditBefore') ?? null)),
      JSON.stringify(after),
    ],
  );
}

type Row = {
  id: string;
  at: Date | string;
  actor_kind: 'secret_key' | 'staff';
  actor_id: string | null;
  actor_email: string | null;
  operation: string;
  method: string;
  path: string;
  target: string | null;
  request: unknown;
  before: unknown;
  after: unknown;
};

/**
 * The shop's audit log, newest first, `limit` at a time (keyset-paged by id); with `moderationOnly`
 * (for a moderator), only the writes a moderator may make.
 */
export async function listAudit(
  db: Db,
  shopId: string,
  page: { limit: number; cursor?: string; moderationOnly?: boolean },
): Promise<{ items: AuditEntry[]; nextCursor: string | null }> {
  const before = page.cursor
    ? decodeCursor(
        page.cursor,
        'audit',
        (v) => v.length === 1 && typeof v[0] === 'string' && /^\d{1,18}$/.test(v[0]),
      )[0]
    : null;
  const { rows } = await db.query<Row>(
    `SELECT id::text AS id, at, actor_kind, actor_id, actor_email, operation, method, path, target, request, before, after
     FROM audit_log WHERE shop_id = $1 AND ($2::bigint IS NULL OR id < $2::bigint) AND (moderation OR NOT $4)
     ORDER BY id DESC LIMIT $3`,
    [shopId, before, page.limit + 1, page.moderationOnly ?? false],
  );
  const items = rows.slice(0, page.limit).map((r): AuditEntry => ({
    id: r.id,
    at: new Date(r.at).toISOString(),
    actor:
      r.actor_kind === 'staff' ? { kind: 'staff', id: r.actor_id!, email: r.actor_email! } : { kind: 'secret_key' },
    operation: r.operation,
    method: r.method,
    path: r.path,
    target: r.target,
    request: r.request,
    before: r.before,
    after: r.after,
  }));
  return { items, nextCursor: rows.length > page.limit ? encodeCursor('audit', [items.at(-1)!.id]) : null };
}
