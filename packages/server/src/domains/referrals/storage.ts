import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Db } from '../../db.js';
import { ApiError, conflict, notFound } from '../../errors.js';
import type {
  AdminConversionResponse,
  ConversionWebhookData,
  OrderReferralResponse,
  ReferralConversionResponse,
  ReferralIncentiveValue,
  ReferralLinkResponse,
  ReferralOfferResponse,
  ReferralReasonName,
  ReferralRewardValue,
  ReferralSettingsInput,
  ReferralSettingsValue,
  ReferralStatsResponse,
  ReferralStatusName,
  RefundReferralResponse,
  VisitBurstResponse,
  VisitResponse,
} from './schemas.js';
import { cursorTime, decodeCursor, encodeCursor, isCursorId, isCursorTime, params } from '../../storage/cursor.js';
import { lockNames } from '../../storage/locks.js';
import { applyExpiry, lockAccounts, reverseEarn } from '../points/ledger.js';
import { getProgramSettings } from '../points/program.js';
import { earnReferralIn, generateCode } from '../points/storage.js';
import { queueWebhook } from '../webhooks/storage.js';
import { codeChars } from '../../codes.js';
import { iso } from '../../time.js';

/**
 * Referrals (裂变): codes, visits, sign-ups and conversions. A conversion is decided in the
 * transaction that records the referred order, under a lock on the code's row (so a code's cap,
 * burst and same-IP counts see every earlier decision) and on both customers' points accounts
 * (so "already referred" is decided once per buyer). Approval is a conditional update of a
 * locked pending row, so it happens once however many schedulers and readers race.
 */

const COUPON_1000: ReferralRewardValue = { kind: 'coupon', amountOff: { minor: 1000, currency: 'USD' } };

// ── Settings ────────────────────────────────────────────────────────────────────────────────

type Stored = Omit<ReferralSettingsInput, 'incentive'> & {
  incentive?: { friend?: ReferralRewardValue; advocate?: ReferralRewardValue; termsUrl?: string | null };
};

const json = <T>(v: T | string): T => (typeof v === 'string' ? JSON.parse(v) : v);

/** The defaults: the advocate earns the points program's referral points when it has that rule. */
async function defaults(db: Db, shopId: string): Promise<ReferralSettingsValue> {
  const program = await getProgramSettings(db, shopId);
  const rule = program.earn.find((r) => r.action === 'referral');
  return {
    enabled: true,
    incentive: { friend: COUPON_1000, advocate: rule ? { kind: 'points', points: rule.points } : COUPON_1000 },
    landingUrl: null,
    returnDays: program.pendingDays,
    newCustomersOnly: true,
    maxConversionsPerCode: 50,
    sameIpLimit: 3,
    burstLimit: 5,
    visitsPerHour: 100,
  };
}

async function stored(db: Db, shopId: string, lock = false): Promise<Stored | null> {
  const { rows } = await db.query<{ settings: Stored | string }>(
    `SELECT settings FROM referral_settings WHERE shop_id = $1${lock ? ' FOR UPDATE' : ''}`,
    [shopId],
  );
  return rows[0] ? json(rows[0].settings) : null;
}

function merge(d: ReferralSettingsValue, s: Stored | null): ReferralSettingsValue {
  if (!s) return d;
  const { incentive: i = {}, ...rest } = s;
  const termsUrl = i.termsUrl === undefined ? d.incentive.termsUrl : (i.termsUrl ?? undefined);
  return {
    ...d,
    ...Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined)),
    incentive: {
      friend: i.friend ?? d.incentive.friend,
      advocate: i.advocate ?? d.incentive.advocate,
      ...(termsUrl ? { termsUrl } : {}),
    },
  };
}

export async function getSettings(db: Db, shopId: string): Promise<ReferralSettingsValue> {
  // One after the other: `db` may be a transaction's single connection.
  const d = await defaults(db, shopId);
  return merge(d, await stored(db, shopId));
}

/** A partial change: keys sent replace what was set (`incentive` key by key; null `termsUrl` clears it). */
export async function putSettings(
  db: Db,
  shopId: string,
  patch: ReferralSettingsInput,
): Promise<ReferralSettingsValue> {
  return db.transaction(async (tx) => {
    await ensureRow(tx, shopId);
    const before = (await stored(tx, shopId, true)) ?? {};
    const { incentive, ...rest } = patch;
    const next: Stored = {
      ...before,
      ...rest,
      ...(incentive ? { incentive: { ...before.incentive, ...incentive } } : {}),
    };
    await tx.query('UPDATE referral_settings SET settings = $2, updated_at = now() WHERE shop_id = $1', [
      shopId,
      JSON.stringify(next),
    ]);
    return merge(await defaults(tx, shopId), next);
  });
}

async function ensureRow(db: Db, shopId: string): Promise<void> {
  await db.query('INSERT INTO referral_settings (shop_id, ip_salt) VALUES ($1, $2) ON CONFLICT DO NOTHING', [
    shopId,
    randomBytes(16).toString('hex'),
  ]);
}

/** A salted hash (the salt is the shop's, made on first use), so an IP or visitor key itself is never stored. */
async function saltedHash(db: Db, shopId: string, text: string): Promise<string> {
  await ensureRow(db, shopId);
  const {
    rows: [r],
  } = await db.query<{ ip_salt: string }>('SELECT ip_salt FROM referral_settings WHERE shop_id = $1', [shopId]);
  return createHash('sha256').update(`${r!.ip_salt}:${text}`).digest('hex');
}

/** The buyer's IP as a salted hash. */
const ipHash = (db: Db, shopId: string, ip: string) => saltedHash(db, shopId, ip.toLowerCase());

const incentiveOf = (s: ReferralSettingsValue): ReferralIncentiveValue => ({
  friend: s.incentive.friend,
  advocate: s.incentive.advocate,
  ...(s.incentive.termsUrl ? { termsUrl: s.incentive.termsUrl } : {}),
});

// ── Codes and links ─────────────────────────────────────────────────────────────────────────

/** `LIN-7Q2K`: up to six ASCII letters of the display name (`KITH` without any), a dash, four unambiguous characters. */
export function newCode(displayName?: string): string {
  const prefix =
    (displayName ?? '')
      .replace(/[^A-Za-z]/g, '')
      .toUpperCase()
      .slice(0, 6) || 'KITH';
  return `${prefix}-${codeChars(4)}`;
}
export const friendCouponCode = (code: string) => `FRIEND-${code}`;
export const canonical = (code: string) => code.trim().toUpperCase();

type CodeRow = { code: string; customer_id: string; display_name: string; blocked: boolean };

async function codeRow(db: Db, shopId: string, code: string, lock = false): Promise<CodeRow | undefined> {
  const { rows } = await db.query<CodeRow>(
    `SELECT code, customer_id, display_name, blocked FROM referral_codes WHERE shop_id = $1 AND code = $2${lock ? ' FOR UPDATE' : ''}`,
    [shopId, canonical(code)],
  );
  return rows[0];
}

/** The page to share with `kith_ref=CODE` set (its other query parameters kept). */
function linkUrl(base: string, code: string): string {
  const url = new URL(base);
  url.searchParams.set('kith_ref', code);
  return url.toString();
}

function originOf(origin: string | undefined): string | null {
  if (!origin) return null;
  try {
    const u = new URL(origin);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.origin : null;
  } catch {
    return null;
  }
}

/**
 * The customer's link, their code made on first call (webhook `referral.link_created` then). The
 * page: `url`, else the shop's `landingUrl`, else the request's Origin; none → 400
 * `landing_url_required`. A `displayName` sent replaces the stored one.
 */
export async function createLink(
  db: Db,
  shopId: string,
  customerId: string,
  input: { url?: string; displayName?: string; productId?: string },
  origin?: string,
): Promise<{ link: ReferralLinkResponse; created: boolean }> {
  const settings = await getSettings(db, shopId);
  const base = input.url ?? settings.landingUrl ?? (originOf(origin) ? `${originOf(origin)}/` : null);
  if (!base)
    throw new ApiError(
      400,
      'landing_url_required',
      "Send `url`, or set the shop's landingUrl (PUT /v1/admin/referrals/settings)",
      [{ path: 'json.url', message: 'Required' }],
    );
  const { code, created } = await db.transaction(async (tx) => {
    for (;;) {
      const {
        rows: [mine],
      } = await tx.query<{ code: string; display_name: string }>(
        'SELECT code, display_name FROM referral_codes WHERE shop_id = $1 AND customer_id = $2 FOR UPDATE',
        [shopId, customerId],
      );
      if (mine) {
        if (input.displayName && input.displayName !== mine.display_name) {
          await tx.query('UPDATE referral_codes SET display_name = $3 WHERE shop_id = $1 AND code = $2', [
            shopId,
            mine.code,
            input.displayName,
          ]);
        }
        return { code: mine.code, created: false };
      }
      const code = newCode(input.displayName);
      const { rows } = await tx.query(
        'INSERT INTO referral_codes (shop_id, code, customer_id, display_name) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING RETURNING code',
        [shopId, code, customerId, input.displayName ?? 'A friend'],
      );
      if (rows.length) {
        await queueWebhook(tx, shopId, code, 'referral.link_created', 0, {
          code,
          customerId,
          couponCode: friendCouponCode(code),
          friend: settings.incentive.friend,
        });
        return { code, created: true };
      }
      // Taken: by this customer in a race (the next pass finds it) or another's code (a new one).
    }
  });
  return {
    link: { code, url: linkUrl(base, code), incentive: settings.enabled ? incentiveOf(settings) : null },
    created,
  };
}

/** What a friend landing with the code is offered: 404 `not_found` (unknown, blocked, program off) or `code_capped`. */
export async function getOffer(db: Db, shopId: string, code: string): Promise<ReferralOfferResponse> {
  const row = await codeRow(db, shopId, code);
  const settings = await getSettings(db, shopId);
  if (!row || row.blocked || !settings.enabled) throw notFound(`Referral code ${code}`);
  const {
    rows: [n],
  } = await db.query<{ n: number }>(
    "SELECT count(*)::int AS n FROM referral_conversions WHERE shop_id = $1 AND code = $2 AND status <> 'denied'",
    [shopId, row.code],
  );
  if (n!.n >= settings.maxConversionsPerCode)
    throw new ApiError(404, 'code_capped', 'This code has been used as often as it may');
  return {
    code: row.code,
    advocateName: row.display_name,
    incentive: incentiveOf(settings),
    couponCode: friendCouponCode(row.code),
  };
}

/** Who visits: the page's session id, else the network address and browser (for the day). */
export interface Visitor {
  readonly sessionId?: string;
  readonly ip: string;
  readonly userAgent?: string;
}

/**
 * A visit through a code, counted once per visitor and at most `visitsPerHour` per code in any
 * hour; a visit over the cap is only added to the code's refused count for the hour (the burst
 * report). Stores the code, time, landing path and the visitor's salted hash only. Under a lock
 * per code, so concurrent visits see each other's counts.
 */
export async function recordVisit(
  db: Db,
  shopId: string,
  code: string,
  input: { landingUrl?: string },
  visitor: Visitor,
): Promise<VisitResponse> {
  const row = await codeRow(db, shopId, code);
  if (!row) throw notFound(`Referral code ${code}`);
  const settings = await getSettings(db, shopId);
  const networkHash = await saltedHash(
    db,
    shopId,
    `network:${visitor.ip.toLowerCase()}|${visitor.userAgent ?? ''}|${new Date().toISOString().slice(0, 10)}`,
  );
  const visitorHash = visitor.sessionId ? await saltedHash(db, shopId, `session:${visitor.sessionId}`) : null;
  const path = input.landingUrl ? new URL(input.landingUrl).pathname : null;
  return db.transaction(async (tx) => {
    await lockNames(tx, [`referral-visits:${shopId}:${row.code}`]);
    // Seen by either: the session id alone is the client's to choose.
    const {
      rows: [seen],
    } = await tx.query<{ id: string }>(
      'SELECT id FROM referral_visits WHERE shop_id = $1 AND code = $2 AND (visitor_hash = $3 OR network_hash = $4) ORDER BY created_at LIMIT 1',
      [shopId, row.code, visitorHash, networkHash],
    );
    if (seen) return { visitId: seen.id, counted: false };
    const {
      rows: [recent],
    } = await tx.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM referral_visits WHERE shop_id = $1 AND code = $2 AND created_at > now() - interval '1 hour'",
      [shopId, row.code],
    );
    if (recent!.n >= settings.visitsPerHour) {
      await tx.query(
        `INSERT INTO referral_visit_refusals (shop_id, code, hour, refused) VALUES ($1, $2, date_trunc('hour', now(), 'UTC'), 1)
         ON CONFLICT (shop_id, code, hour) DO UPDATE SET refused = referral_visit_refusals.refused + 1`,
        [shopId, row.code],
      );
      return { visitId: null, counted: false };
    }
    const id = `rv_${randomUUID().replace(/-/g, '')}`;
    await tx.query(
      'INSERT INTO referral_visits (shop_id, id, code, landing_path, visitor_hash, network_hash) VALUES ($1, $2, $3, $4, $5, $6)',
      [shopId, id, row.code, path, visitorHash, networkHash],
    );
    return { visitId: id, counted: true };
  });
}

/**
 * Hours in the last `days` in which a code had visits refused by the hourly cap, newest first,
 * with the visits counted in the same hour: what a scripted flood of a link looks like.
 */
export async function visitBursts(db: Db, shopId: string, days: number): Promise<{ items: VisitBurstResponse[] }> {
  const { rows } = await db.query<{
    code: string;
    customer_id: string;
    hour: Date | string;
    counted: number;
    refused: number;
  }>(
    `SELECT r.code, c.customer_id, r.hour, r.refused,
       (SELECT count(*)::int FROM referral_visits v WHERE v.shop_id = r.shop_id AND v.code = r.code
          AND v.created_at >= r.hour AND v.created_at < r.hour + interval '1 hour') AS counted
     FROM referral_visit_refusals r JOIN referral_codes c ON c.shop_id = r.shop_id AND c.code = r.code
     WHERE r.shop_id = $1 AND r.hour > now() - make_interval(days => $2::integer)
     ORDER BY r.hour DESC, r.refused DESC, r.code LIMIT 500`,
    [shopId, days],
  );
  return {
    items: rows.map((r) => ({
      code: r.code,
      advocateId: r.customer_id,
      hour: iso(r.hour),
      counted: r.counted,
      refused: r.refused,
    })),
  };
}

/** A sign-up through a code, once per customer; the advocate's own is ignored. 404 unknown code. */
export async function reportSignup(
  db: Db,
  shopId: string,
  code: string,
  customerId: string,
): Promise<{ code: string; customerId: string; recorded: boolean }> {
  const row = await codeRow(db, shopId, code);
  if (!row) throw notFound(`Referral code ${code}`);
  if (row.customer_id === customerId) return { code: row.code, customerId, recorded: false };
  const { rows } = await db.query(
    'INSERT INTO referral_signups (shop_id, customer_id, code) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING code',
    [shopId, customerId, row.code],
  );
  return { code: row.code, customerId, recorded: rows.length > 0 };
}

// ── Conversions ─────────────────────────────────────────────────────────────────────────────

/** One or two upper-case ASCII letters: the initials of a name, else the id's first letter, else `F`. */
export function initials(name: string | undefined, customerId: string): string {
  const words = (name ?? '')
    .split(/\s+/)
    .map((w) => w.replace(/[^A-Za-z]/g, ''))
    .filter(Boolean);
  if (words.length)
    return words
      .slice(0, 2)
      .map((w) => w[0]!.toUpperCase())
      .join('');
  const first = customerId.replace(/[^A-Za-z]/g, '')[0];
  return first ? first.toUpperCase() : 'F';
}

export interface OrderReferralInput {
  readonly referralCode?: string;
  readonly emailHash?: string;
  readonly ip?: string;
}

/**
 * In the order's transaction, after the order row is written: decides the conversion in the
 * spec's order (self-referral, already referred, existing customer, cap, same IP / burst) and
 * stores it whatever it is. Null without a code.
 */
export async function referOrderIn(
  tx: Db,
  shopId: string,
  order: { id: string; customerId: string },
  ref: OrderReferralInput,
): Promise<OrderReferralResponse | null> {
  if (!ref.referralCode) return null;
  const row = await codeRow(tx, shopId, ref.referralCode, true);
  const settings = await getSettings(tx, shopId);
  if (!row || row.blocked || !settings.enabled) return { status: 'unknown_code' };
  const buyer = order.customerId;
  const advocate = row.customer_id;
  const hash = ref.ip ? await ipHash(tx, shopId, ref.ip) : null;
  const now = (await lockAccounts(tx, shopId, [buyer, advocate]))!;
  const one = async (sql: string, values: unknown[]) => (await tx.query(sql, values)).rows.length > 0;
  const count = async (sql: string, values: unknown[]) => (await tx.query<{ n: number }>(sql, values)).rows[0]!.n;

  let status: ReferralStatusName = 'pending';
  const reasons: ReferralReasonName[] = [];
  const self =
    buyer === advocate ||
    (!!ref.emailHash &&
      (await one('SELECT 1 FROM orders WHERE shop_id = $1 AND customer_id = $2 AND email_hash = $3 LIMIT 1', [
        shopId,
        advocate,
        ref.emailHash.toLowerCase(),
      ])));
  if (self) {
    status = 'denied';
    reasons.push('self_referral');
  } else {
    if (await one('SELECT 1 FROM referral_conversions WHERE shop_id = $1 AND friend_id = $2 LIMIT 1', [shopId, buyer]))
      return { status: 'already_referred' };
    if (
      settings.newCustomersOnly &&
      (await one(
        `SELECT 1 FROM orders o, orders this WHERE this.shop_id = $1 AND this.id = $2 AND o.shop_id = $1 AND o.customer_id = $3 AND o.id <> $2
         AND o.placed_at <= this.placed_at LIMIT 1`,
        [shopId, order.id, buyer],
      ))
    ) {
      status = 'denied';
      reasons.push('existing_customer');
    } else if (
      (await count(
        "SELECT count(*)::int AS n FROM referral_conversions WHERE shop_id = $1 AND code = $2 AND status <> 'denied'",
        [shopId, row.code],
      )) >= settings.maxConversionsPerCode
    ) {
      status = 'denied';
      reasons.push('cap_reached');
    } else {
      // Recent referred orders through the code that were not denied, by the clock read under the locks.
      const recent = (window: string, extra = '', values: unknown[] = []) =>
        count(
          `SELECT count(*)::int AS n FROM referral_conversions WHERE shop_id = $1 AND code = $2 AND status <> 'denied'
           AND created_at > $3::timestamptz - interval '${window}'${extra}`,
          [shopId, row.code, now, ...values],
        );
      if (hash && (await recent('24 hours', ' AND ip_hash = $4', [hash])) >= settings.sameIpLimit)
        reasons.push('same_ip');
      if ((await recent('1 hour')) >= settings.burstLimit) reasons.push('burst');
      if (reasons.length) status = 'flagged';
    }
  }
  const {
    rows: [friendName],
  } = await tx.query<{ display_name: string }>(
    'SELECT display_name FROM referral_codes WHERE shop_id = $1 AND customer_id = $2',
    [shopId, buyer],
  );
  const id = `rc_${randomUUID().replace(/-/g, '')}`;
  await tx.query(
    `INSERT INTO referral_conversions (shop_id, id, code, advocate_id, friend_id, order_id, status, reasons, reward, friend_initials, ip_hash, approves_at, created_at)
     SELECT $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11,
       CASE WHEN $7 = 'denied' THEN NULL ELSE o.placed_at + make_interval(days => $12::integer) END, $13::timestamptz
     FROM orders o WHERE o.shop_id = $1 AND o.id = $6`,
    [
      shopId,
      id,
      row.code,
      advocate,
      buyer,
      order.id,
      status,
      reasons,
      JSON.stringify(settings.incentive.advocate),
      initials(friendName?.display_name === 'A friend' ? undefined : friendName?.display_name, buyer),
      hash,
      settings.returnDays,
      now,
    ],
  );
  return { conversionId: id, status, reasons };
}

type ConversionRow = {
  id: string;
  code: string;
  advocate_id: string;
  friend_id: string;
  order_id: string;
  status: ReferralStatusName;
  reasons: ReferralReasonName[] | string;
  reward: ReferralRewardValue | string;
  friend_initials: string;
  coupon_code: string | null;
  approves_at: Date | string | null;
  created_at: Date | string;
  cursor_at?: string;
};
const CONVERSION_COLUMNS =
  'id, code, advocate_id, friend_id, order_id, status, reasons, reward, friend_initials, coupon_code, approves_at, created_at';

/** PGlite and node-postgres both parse text[]; a string is parsed defensively. */
const reasonsOf = (r: ConversionRow['reasons']): ReferralReasonName[] =>
  Array.isArray(r)
    ? r
    : (r
        .replace(/^\{|\}$/g, '')
        .split(',')
        .filter(Boolean) as ReferralReasonName[]);

const toConversion = (r: ConversionRow): ReferralConversionResponse => ({
  id: r.id,
  status: r.status,
  friendInitials: r.friend_initials,
  reward: json(r.reward),
  createdAt: iso(r.created_at),
  ...(r.status === 'pending' && r.approves_at ? { approvesAt: iso(r.approves_at) } : {}),
});

const toAdmin = (r: ConversionRow): AdminConversionResponse => ({
  ...toConversion(r),
  ...(r.approves_at && (r.status === 'pending' || r.status === 'flagged') ? { approvesAt: iso(r.approves_at) } : {}),
  code: r.code,
  advocateId: r.advocate_id,
  friendId: r.friend_id,
  orderId: r.order_id,
  reasons: reasonsOf(r.reasons),
  ...(r.coupon_code ? { couponCode: r.coupon_code } : {}),
});

const webhookData = (r: ConversionRow, couponCode: string | null): ConversionWebhookData => ({
  conversion: {
    id: r.id,
    code: r.code,
    advocateId: r.advocate_id,
    friendId: r.friend_id,
    orderId: r.order_id,
    reward: json(r.reward),
    ...(couponCode ? { couponCode } : {}),
  },
});

/** A coupon code no referral reward of the shop holds yet. */
async function freshCoupon(tx: Db, shopId: string): Promise<string> {
  for (;;) {
    const code = generateCode();
    if (
      !(await tx.query('SELECT 1 FROM referral_conversions WHERE shop_id = $1 AND coupon_code = $2', [shopId, code]))
        .rows.length
    )
      return code;
  }
}

/** Rewards a locked conversion now: points into the advocate's ledger (available at once) or a generated coupon; webhook `referral.approved`. */
async function reward(tx: Db, shopId: string, r: ConversionRow): Promise<ConversionRow> {
  const rw = json(r.reward);
  let coupon: string | null = null;
  if (rw.kind === 'points')
    await earnReferralIn(tx, shopId, { customerId: r.advocate_id, sourceId: r.id, points: rw.points ?? 0 });
  else coupon = await freshCoupon(tx, shopId);
  const {
    rows: [after],
  } = await tx.query<ConversionRow>(
    `UPDATE referral_conversions SET status = 'approved', coupon_code = $3, decided_at = clock_timestamp() WHERE shop_id = $1 AND id = $2
     RETURNING ${CONVERSION_COLUMNS}`,
    [shopId, r.id, coupon],
  );
  await queueWebhook(tx, shopId, r.id, 'referral.approved', 0, webhookData(after!, coupon));
  return after!;
}

/**
 * Approves pending conversions whose return window has passed, each in its own transaction with
 * its row locked (`skipLocked`: rows another process holds are left to it). Scoped to a shop and
 * advocate for the lazy approval when stats are read. Returns how many were approved.
 */
export async function approveDueReferrals(
  db: Db,
  o: { shopId?: string; advocateId?: string; limit?: number; skipLocked?: boolean } = {},
): Promise<number> {
  const { values, p } = params();
  const where = ["status = 'pending'", 'approves_at <= clock_timestamp()'];
  if (o.shopId) where.push(`shop_id = ${p(o.shopId)}`);
  if (o.advocateId) where.push(`advocate_id = ${p(o.advocateId)}`);
  const { rows } = await db.query<{ shop_id: string; id: string }>(
    `SELECT shop_id, id FROM referral_conversions WHERE ${where.join(' AND ')} ORDER BY approves_at LIMIT ${p(o.limit ?? 200)}`,
    values,
  );
  let approved = 0;
  for (const due of rows) {
    approved += await db.transaction(async (tx) => {
      // The status and window are checked again on the locked row: a racer that approved it first leaves nothing here.
      const {
        rows: [r],
      } = await tx.query<ConversionRow>(
        `SELECT ${CONVERSION_COLUMNS} FROM referral_conversions WHERE shop_id = $1 AND id = $2 AND status = 'pending' AND approves_at <= clock_timestamp()
         FOR UPDATE${o.skipLocked ? ' SKIP LOCKED' : ''}`,
        [due.shop_id, due.id],
      );
      if (!r) return 0;
      await reward(tx, due.shop_id, r);
      return 1;
    });
  }
  return approved;
}

/** The advocate's dashboard; their due conversions are approved first. */
export async function getStats(db: Db, shopId: string, customerId: string): Promise<ReferralStatsResponse> {
  await approveDueReferrals(db, { shopId, advocateId: customerId });
  const {
    rows: [mine],
  } = await db.query<{ code: string }>('SELECT code FROM referral_codes WHERE shop_id = $1 AND customer_id = $2', [
    shopId,
    customerId,
  ]);
  if (!mine)
    return { code: null, clicks: 0, signups: 0, conversions: 0, rewards: { pending: 0, approved: 0 }, recent: [] };
  const {
    rows: [n],
  } = await db.query<{ clicks: number; signups: number; conversions: number; pending: number; approved: number }>(
    `SELECT (SELECT count(*)::int FROM referral_visits WHERE shop_id = $1 AND code = $2) AS clicks,
       (SELECT count(*)::int FROM referral_signups WHERE shop_id = $1 AND code = $2) AS signups,
       count(*) FILTER (WHERE status IN ('pending', 'flagged', 'approved'))::int AS conversions,
       count(*) FILTER (WHERE status IN ('pending', 'flagged'))::int AS pending,
       count(*) FILTER (WHERE status = 'approved')::int AS approved
     FROM referral_conversions WHERE shop_id = $1 AND code = $2`,
    [shopId, mine.code],
  );
  const { rows } = await db.query<ConversionRow>(
    `SELECT ${CONVERSION_COLUMNS} FROM referral_conversions WHERE shop_id = $1 AND code = $2 ORDER BY created_at DESC, id DESC LIMIT 20`,
    [shopId, mine.code],
  );
  return {
    code: mine.code,
    clicks: n!.clicks,
    signups: n!.signups,
    conversions: n!.conversions,
    rewards: { pending: n!.pending, approved: n!.approved },
    recent: rows.map(toConversion),
  };
}

// ── The merchant's review ───────────────────────────────────────────────────────────────────

/** Conversions, oldest first, optionally of one status; keyset-paged by (created_at, id). */
export async function adminList(
  db: Db,
  shopId: string,
  q: { status?: ReferralStatusName; cursor?: string; limit: number },
): Promise<{ items: AdminConversionResponse[]; nextCursor: string | null }> {
  const { values, p } = params([shopId]);
  const where = ['shop_id = $1'];
  if (q.status) where.push(`status = ${p(q.status)}`);
  if (q.cursor) {
    const [at, id] = decodeCursor(
      q.cursor,
      'referrals',
      (v) => v.length === 2 && isCursorTime(v[0]) && isCursorId(v[1]),
    );
    const t = p(at);
    where.push(`(created_at > ${t}::timestamptz OR (created_at = ${t}::timestamptz AND id > ${p(id)}))`);
  }
  const { rows } = await db.query<ConversionRow>(
    `SELECT ${CONVERSION_COLUMNS}, ${cursorTime('created_at')} AS cursor_at FROM referral_conversions WHERE ${where.join(' AND ')}
     ORDER BY created_at, id LIMIT ${p(q.limit + 1)}`,
    values,
  );
  const page = rows.slice(0, q.limit);
  const last = page.at(-1);
  return {
    items: page.map(toAdmin),
    nextCursor: rows.length > q.limit && last ? encodeCursor('referrals', [last.cursor_at!, last.id]) : null,
  };
}

async function locked(tx: Db, shopId: string, id: string): Promise<ConversionRow & { due: boolean }> {
  const {
    rows: [r],
  } = await tx.query<ConversionRow & { due: boolean }>(
    `SELECT ${CONVERSION_COLUMNS}, approves_at <= clock_timestamp() AS due FROM referral_conversions WHERE shop_id = $1 AND id = $2 FOR UPDATE`,
    [shopId, id],
  );
  if (!r) throw notFound(`Referral conversion ${id}`);
  return r;
}

const illegal = (from: string, to: string) =>
  conflict('illegal_transition', `A ${from} conversion cannot become ${to}`);

/** A conversion's status before the merchant decides on it (the audit log's `before`); undefined for an unknown id. */
export async function conversionStatus(db: Db, shopId: string, id: string): Promise<{ status: string } | undefined> {
  const { rows } = await db.query<{ status: string }>(
    'SELECT status FROM referral_conversions WHERE shop_id = $1 AND id = $2',
    [shopId, id],
  );
  return rows[0] && { status: rows[0].status };
}

/** A flagged conversion the merchant accepts: rewarded now when its window has passed, else pending until then. */
export async function approveConversion(db: Db, shopId: string, id: string): Promise<AdminConversionResponse> {
  return db.transaction(async (tx) => {
    const r = await locked(tx, shopId, id);
    if (r.status !== 'flagged') throw illegal(r.status, 'approved');
    if (r.due) return toAdmin(await reward(tx, shopId, r));
    const {
      rows: [after],
    } = await tx.query<ConversionRow>(
      `UPDATE referral_conversions SET status = 'pending', decided_at = clock_timestamp() WHERE shop_id = $1 AND id = $2 RETURNING ${CONVERSION_COLUMNS}`,
      [shopId, id],
    );
    return toAdmin(after!);
  });
}

/** A flagged or pending conversion the merchant refuses. */
export async function denyConversion(db: Db, shopId: string, id: string): Promise<AdminConversionResponse> {
  return db.transaction(async (tx) => {
    const r = await locked(tx, shopId, id);
    if (r.status !== 'flagged' && r.status !== 'pending') throw illegal(r.status, 'denied');
    const {
      rows: [after],
    } = await tx.query<ConversionRow>(
      `UPDATE referral_conversions SET status = 'denied', reasons = array_append(reasons, 'denied_by_merchant'), decided_at = clock_timestamp()
       WHERE shop_id = $1 AND id = $2 RETURNING ${CONVERSION_COLUMNS}`,
      [shopId, id],
    );
    return toAdmin(after!);
  });
}

// ── Refunds ─────────────────────────────────────────────────────────────────────────────────

/** The advocate of the order's conversion, if any: the refund locks their account with the buyer's. */
export async function advocateOfOrder(tx: Db, shopId: string, orderId: string): Promise<string | null> {
  const { rows } = await tx.query<{ advocate_id: string }>(
    'SELECT advocate_id FROM referral_conversions WHERE shop_id = $1 AND order_id = $2',
    [shopId, orderId],
  );
  return rows[0]?.advocate_id ?? null;
}

/**
 * In the refund's transaction, with the advocate's account locked at `now`: a pending or flagged
 * conversion is reversed; an approved one too, taking its points back (as many as the balance
 * holds) or, for a coupon, telling the merchant (`referral.reversed`) to void it.
 */
export async function reverseForRefundIn(
  tx: Db,
  shopId: string,
  orderId: string,
  now: string,
): Promise<RefundReferralResponse | null> {
  const {
    rows: [r],
  } = await tx.query<ConversionRow>(
    `SELECT ${CONVERSION_COLUMNS} FROM referral_conversions WHERE shop_id = $1 AND order_id = $2 FOR UPDATE`,
    [shopId, orderId],
  );
  if (!r) return null;
  if (r.status === 'denied' || r.status === 'reversed') return { conversionId: r.id, status: r.status };
  await tx.query(
    "UPDATE referral_conversions SET status = 'reversed', decided_at = $3::timestamptz WHERE shop_id = $1 AND id = $2",
    [shopId, r.id, now],
  );
  if (r.status === 'approved') {
    const rw = json(r.reward);
    if (rw.kind === 'points') {
      const program = await getProgramSettings(tx, shopId);
      await applyExpiry(tx, shopId, r.advocate_id, now, program.timeZone);
      const {
        rows: [earn],
      } = await tx.query<{ id: string; points: number }>(
        `SELECT id::text AS id, points FROM points_entries WHERE shop_id = $1 AND customer_id = $2 AND kind = 'earn' AND action = 'referral'
           AND source_type = 'referral' AND source_id = $3`,
        [shopId, r.advocate_id, r.id],
      );
      if (earn) {
        await reverseEarn(tx, shopId, r.advocate_id, now, {
          id: earn.id,
          points: earn.points,
          pending: false,
          availableAt: null,
          action: 'referral',
          sourceType: 'referral',
          sourceId: r.id,
        });
      }
    } else await queueWebhook(tx, shopId, r.id, 'referral.reversed', 0, webhookData(r, r.coupon_code));
  }
  return { conversionId: r.id, status: 'reversed' };
}
