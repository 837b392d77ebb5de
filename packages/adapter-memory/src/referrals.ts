import {
  HttpError, uuid,
  type IsoDateTime, type Money, type ReferralConversion, type ReferralIncentive, type ReferralLink, type ReferralOffer, type ReferralReward,
  type ReferralStats, type ReferralStatus,
} from '@kith/core';
import { conflict, invalid, notFound, text } from './errors.js';
import { generateCode, type MemoryPoints } from './points.js';
import type { MemoryCustomer, MemorySeed } from './seed.js';

// ── seed shapes ─────────────────────────────────────────────────────────────────────────────

/** A shop's referral settings (`GET`/`PUT /v1/admin/referrals/settings`). */
export interface MemoryReferralSettings {
  readonly enabled: boolean;
  /** Unset `advocate`: points when the points program has a `referral` rule (its points), else $10 off. */
  readonly incentive: { readonly friend: ReferralReward; readonly advocate?: ReferralReward; readonly termsUrl?: string };
  /** The page a link points at without a `url`: absolute http(s), or null (the memory adapter's default is `https://shop.example.com/`). */
  readonly landingUrl: string | null;
  /** Days a referred order stays pending before it is rewarded (default: the points program's `pendingDays`). */
  readonly returnDays?: number;
  /** Deny a referral when the buyer ordered before (`existing_customer`). */
  readonly newCustomersOnly: boolean;
  /** Conversions a code may have that are not denied (`cap_reached`, and the offer is 404 `code_capped`). */
  readonly maxConversionsPerCode: number;
  /** Referred orders from one IP per code per 24 h before the next is flagged (`same_ip`). */
  readonly sameIpLimit: number;
  /** Referred orders per code per hour before the next is flagged (`burst`). */
  readonly burstLimit: number;
}

/** The settings in force: the advocate's reward and `returnDays` derived when unset. */
export type MemoryReferralSettingsView = Omit<MemoryReferralSettings, 'incentive' | 'returnDays'> & { readonly incentive: ReferralIncentive; readonly returnDays: number };

/** A customer's code as the shop stored it. */
export interface MemoryReferralCode {
  /** Canonical upper case, unique per shop (`LIN-8H3M`). */
  readonly code: string;
  readonly customerId: string;
  /** How friends see the advocate (default `A friend`). */
  readonly displayName?: string;
  readonly createdAt?: IsoDateTime;
  /** A blocked code has no offer (404), as an unknown one. */
  readonly blocked?: boolean;
}

/** A visit through a code: only the code, the time and the landing path are stored. */
export interface MemoryReferralVisit {
  readonly code: string;
  readonly at: IsoDateTime;
  readonly path?: string;
}

/** A sign-up the shop reported (`POST /v1/admin/referrals/signups`). */
export interface MemoryReferralSignup {
  readonly code: string;
  readonly customerId: string;
  readonly at: IsoDateTime;
}

/** A decision about a referred order, as stored (denied ones too). */
export interface MemoryReferralConversion {
  readonly id: string;
  readonly code: string;
  /** The friend who ordered. */
  readonly customerId: string;
  /** Shown to the advocate as initials only. */
  readonly friendName?: string;
  readonly orderId: string;
  readonly status: ReferralStatus;
  /** Why it was denied or flagged: `self_referral`, `existing_customer`, `cap_reached`, `same_ip`, `burst`, `merchant`. */
  readonly reasons?: readonly string[];
  /** The advocate's reward (default: the settings' advocate reward). */
  readonly reward?: ReferralReward;
  readonly createdAt: IsoDateTime;
  /** When it is rewarded (pending) or may be (flagged): the order's `placedAt` plus `returnDays`. */
  readonly approvesAt?: IsoDateTime;
  /** The salted hash of the buyer's IP, for the `same_ip` check. */
  readonly ipHash?: string;
  /** A coupon reward's code, once approved. */
  readonly couponCode?: string;
}

/** The referrals domain of a `MemorySeed`. */
export interface MemoryReferralsSeed {
  readonly settings?: Partial<MemoryReferralSettings>;
  readonly codes?: readonly MemoryReferralCode[];
  readonly visits?: readonly MemoryReferralVisit[];
  readonly signups?: readonly MemoryReferralSignup[];
  /** Seed approved ones with their points already in the points ledger (source `{ type: 'referral', id }`). */
  readonly conversions?: readonly MemoryReferralConversion[];
}

/** What `reportOrder` adds to an order for referrals. */
export interface MemoryReferralOrder {
  readonly id: string;
  readonly customerId: string;
  readonly placedAt?: IsoDateTime;
  /** The code the friend came with (any case). */
  readonly referralCode?: string;
  /** Hex SHA-256 of the lower-cased email, computed by the merchant. */
  readonly emailHash?: string;
  /** The buyer's IP: kept only as a salted hash. */
  readonly ip?: string;
}

/** The order response's `referral`. */
export type MemoryOrderReferral =
  | { readonly conversionId: string; readonly status: ReferralStatus; readonly reasons: readonly string[] }
  | { readonly status: 'already_referred' | 'unknown_code' }
  | null;

/** A conversion as the merchant sees it (`GET /v1/admin/referrals`). */
export interface MemoryReferralAdminView extends ReferralConversion {
  readonly code: string;
  readonly advocateId: string;
  readonly friendId: string;
  readonly orderId: string;
  readonly reasons: readonly string[];
  readonly couponCode?: string;
}

// ── rules ───────────────────────────────────────────────────────────────────────────────────

const DAY = 86_400_000;
const HOUR = 3_600_000;
const iso = (ms: number) => new Date(ms).toISOString();
const usd = (minor: number): Money => ({ minor, currency: 'USD' });
const TEN_OFF: ReferralReward = { kind: 'coupon', amountOff: usd(1000) };
// A–Z and 2–9 without look-alikes (0/O, 1/I/L).
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const DEFAULT_NAME = 'A friend';
/** In memory there is no request `Origin`, so links point at the demo shop unless told otherwise. */
export const MEMORY_LANDING_URL = 'https://shop.example.com/';

/** The prefix of a code: the ASCII letters of the display name, upper-cased, up to 6; `KITH` without any. */
export const codePrefix = (displayName: string) => displayName.replace(/[^A-Za-z]/g, '').slice(0, 6).toUpperCase() || 'KITH';

/** `PREFIX-XXXX` with 4 random characters. */
export function newReferralCode(displayName: string): string {
  const bytes = crypto.getRandomValues(new Uint8Array(4));
  return `${codePrefix(displayName)}-${Array.from(bytes, (b) => ALPHABET[b % ALPHABET.length]).join('')}`;
}

/** One or two upper-case ASCII letters: from the name's words, else the first letter of the id, else `F`. */
export function friendInitials(name: string | undefined, customerId: string): string {
  const fromName = (name ?? '').trim().split(/\s+/).map((w) => /[A-Za-z]/.exec(w)?.[0] ?? '').filter(Boolean).slice(0, 2).join('');
  return (fromName || /[A-Za-z]/.exec(customerId)?.[0] || 'F').toUpperCase();
}

const isInt = (v: unknown, min: number) => Number.isInteger(v) && (v as number) >= min;
const isMoney = (m: Money | undefined) => !!m && Number.isInteger(m.minor) && m.minor > 0 && /^[A-Z]{3}$/.test(m.currency);

function httpUrl(value: unknown, path: string): URL {
  let url: URL | undefined;
  try {
    url = typeof value === 'string' ? new URL(value) : undefined;
  } catch { /* not a url */ }
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) throw invalid(path, 'Must be an absolute http(s) URL');
  return url;
}

function checkReward(r: ReferralReward | undefined, path: string) {
  if (!r || (r.kind !== 'coupon' && r.kind !== 'points')) throw invalid(`${path}.kind`, 'One of coupon, points');
  if (r.kind === 'points') {
    if (!isInt(r.points, 1)) throw invalid(`${path}.points`, 'A positive integer');
    return;
  }
  if ((r.amountOff === undefined) === (r.percentOff === undefined)) throw invalid(path, 'Exactly one of amountOff and percentOff');
  if (r.amountOff !== undefined && !isMoney(r.amountOff)) throw invalid(`${path}.amountOff`, 'Must be money');
  if (r.percentOff !== undefined && !(isInt(r.percentOff, 1) && r.percentOff <= 100)) throw invalid(`${path}.percentOff`, 'An integer from 1 to 100');
  if (r.minimumSpend !== undefined && !isMoney(r.minimumSpend)) throw invalid(`${path}.minimumSpend`, 'Must be money');
}

function checkSettings(s: MemoryReferralSettings) {
  if (typeof s.enabled !== 'boolean') throw invalid('json.enabled', 'Must be a boolean');
  checkReward(s.incentive?.friend, 'json.incentive.friend');
  if (s.incentive.advocate !== undefined) checkReward(s.incentive.advocate, 'json.incentive.advocate');
  if (s.incentive.termsUrl !== undefined) httpUrl(s.incentive.termsUrl, 'json.incentive.termsUrl');
  if (s.landingUrl !== null) httpUrl(s.landingUrl, 'json.landingUrl');
  if (typeof s.newCustomersOnly !== 'boolean') throw invalid('json.newCustomersOnly', 'Must be a boolean');
  for (const k of ['returnDays', 'maxConversionsPerCode', 'sameIpLimit', 'burstLimit'] as const) {
    if (s[k] !== undefined && !isInt(s[k], 1)) throw invalid(`json.${k}`, 'A positive integer');
  }
}

interface Code { code: string; customerId: string; displayName: string; createdAt: number; blocked: boolean }
interface Conversion {
  readonly id: string;
  readonly seq: number;
  readonly code: string;
  readonly advocateId: string;
  readonly friendId: string;
  readonly friendName?: string;
  readonly orderId: string;
  status: ReferralStatus;
  reasons: string[];
  readonly reward: ReferralReward;
  readonly createdAt: number;
  readonly approvesAt: number;
  readonly ipHash?: string;
  couponCode?: string;
}

/**
 * Referrals (裂变) with the server's rules: one readable code per customer, the friend's offer,
 * visits and sign-ups, conversions decided by the fraud checks in the spec's order, approval
 * after the return window (lazily, whenever the data is read), the merchant's review of flagged
 * ones and refunds. The advocate's points go through the points ledger. Callers clone what they return.
 */
export function createReferrals(data: MemorySeed, now: () => number, points: MemoryPoints) {
  const seed = data.referrals ?? {};
  let settings: MemoryReferralSettings = { ...defaults(), ...seed.settings };
  checkSettings(settings);
  const codes = new Map<string, Code>();
  const byCustomer = new Map<string, Code>();
  const visits: { id: string; code: string; at: number; path: string }[] = [];
  const signups = new Map<string, { code: string; at: number }>();
  const conversions: Conversion[] = [];
  // A salt per shop, so a stored IP hash says nothing outside this adapter.
  const salt = uuid();
  let seq = 0;
  const nextId = (prefix: string) => `${prefix}_${(++seq).toString(36).padStart(6, '0')}${uuid().slice(0, 8)}`;

  function defaults(): MemoryReferralSettings {
    return { enabled: true, incentive: { friend: TEN_OFF }, landingUrl: MEMORY_LANDING_URL, newCustomersOnly: true, maxConversionsPerCode: 50, sameIpLimit: 3, burstLimit: 5 };
  }

  /** The settings with the derived defaults filled in. */
  function current(): MemoryReferralSettingsView {
    const program = points.program();
    const rule = program.earn.find((r) => r.action === 'referral');
    const advocate = settings.incentive.advocate ?? (rule ? { kind: 'points' as const, points: rule.points } : TEN_OFF);
    const incentive: ReferralIncentive = { friend: settings.incentive.friend, advocate, ...(settings.incentive.termsUrl ? { termsUrl: settings.incentive.termsUrl } : {}) };
    return { ...settings, incentive, returnDays: settings.returnDays ?? program.pendingDays };
  }

  const find = (code: unknown) => (typeof code === 'string' ? codes.get(code.trim().toUpperCase()) : undefined);
  const known = (code: unknown) => find(code) ?? (() => { throw notFound(`Referral code ${String(code)}`); })();
  const counted = (c: Conversion) => c.status !== 'denied';
  const ofCode = (code: string) => conversions.filter((c) => c.code === code);

  function addCode(c: MemoryReferralCode): Code {
    const code = text(c.code, 'referrals.codes.code', 4, 16).toUpperCase();
    if (!/^[A-Z0-9]+(-[A-Z0-9]+)*$/.test(code)) throw invalid('referrals.codes.code', 'Letters and digits in dash-separated groups');
    if (codes.has(code) || byCustomer.has(c.customerId)) throw conflict('already_exists', `Referral code ${code} or its customer exists`);
    const made: Code = { code, customerId: c.customerId, displayName: c.displayName ?? DEFAULT_NAME, createdAt: c.createdAt ? Date.parse(c.createdAt) : now(), blocked: !!c.blocked };
    codes.set(code, made);
    byCustomer.set(c.customerId, made);
    return made;
  }

  // ── loading ──
  for (const c of seed.codes ?? []) addCode(c);
  for (const v of seed.visits ?? []) visits.push({ id: nextId('rv'), code: known(v.code).code, at: Date.parse(v.at), path: v.path ?? '/' });
  for (const s of seed.signups ?? []) if (!signups.has(s.customerId)) signups.set(s.customerId, { code: known(s.code).code, at: Date.parse(s.at) });
  for (const c of seed.conversions ?? []) {
    const code = known(c.code);
    const createdAt = Date.parse(c.createdAt);
    conversions.push({
      id: c.id, seq: ++seq, code: code.code, advocateId: code.customerId, friendId: c.customerId, ...(c.friendName ? { friendName: c.friendName } : {}),
      orderId: c.orderId, status: c.status, reasons: [...(c.reasons ?? [])], reward: structuredClone(c.reward ?? current().incentive.advocate),
      createdAt, approvesAt: c.approvesAt ? Date.parse(c.approvesAt) : createdAt + current().returnDays * DAY,
      ...(c.ipHash ? { ipHash: c.ipHash } : {}), ...(c.couponCode ? { couponCode: c.couponCode } : {}),
    });
  }

  // ── approval ──

  /** Rewards the advocate: points through the ledger (once per conversion), or a generated coupon code. */
  function approve(c: Conversion) {
    c.status = 'approved';
    if (c.reward.kind === 'points') {
      // The program may have dropped its referral rule since: then there is nothing to earn into.
      if (points.program().earn.some((r) => r.action === 'referral')) points.earn(c.advocateId, 'referral', c.id);
    } else {
      c.couponCode ??= generateCode();
    }
  }

  /** Approves every pending conversion whose window has passed (the server's scheduler; here before every read and write). */
  function settle() {
    const at = now();
    for (const c of conversions) if (c.status === 'pending' && c.approvesAt <= at) approve(c);
  }

  const view = (c: Conversion): ReferralConversion => ({
    id: c.id, status: c.status, friendInitials: friendInitials(c.friendName, c.friendId), reward: structuredClone(c.reward),
    createdAt: iso(c.createdAt), ...(c.status === 'pending' ? { approvesAt: iso(c.approvesAt) } : {}),
  });
  const adminView = (c: Conversion): MemoryReferralAdminView => ({
    ...view(c), code: c.code, advocateId: c.advocateId, friendId: c.friendId, orderId: c.orderId, reasons: [...c.reasons],
    ...(c.couponCode ? { couponCode: c.couponCode } : {}),
  });
  const newestFirst = (a: Conversion, b: Conversion) => b.createdAt - a.createdAt || b.seq - a.seq;

  // A small salted hash (FNV-1a, twice): the memory adapter never keeps the IP itself.
  function hashIp(ip: string): string {
    let h1 = 0x811c9dc5;
    let h2 = 0x01000193;
    for (const ch of `${salt}\n${ip}`) {
      h1 = Math.imul(h1 ^ ch.charCodeAt(0), 16777619) >>> 0;
      h2 = Math.imul(h2 ^ ch.charCodeAt(0), 2246822519) >>> 0;
    }
    return h1.toString(16).padStart(8, '0') + h2.toString(16).padStart(8, '0');
  }

  return {
    settle,

    createLink(customer: MemoryCustomer, input: { readonly productId?: string; readonly url?: string; readonly displayName?: string }): ReferralLink {
      if (input.productId !== undefined) text(input.productId, 'json.productId', 1, 200);
      const url = input.url !== undefined ? httpUrl(input.url, 'json.url') : undefined;
      const name = input.displayName !== undefined ? text(input.displayName, 'json.displayName', 1, 40) : undefined;
      const s = current();
      const base = url ?? (s.landingUrl ? new URL(s.landingUrl) : undefined);
      if (!base) throw new HttpError(400, 'landing_url_required', 'The shop has no landing page: pass a url');
      let mine = byCustomer.get(customer.id);
      if (!mine) {
        let code: string;
        do code = newReferralCode(name ?? DEFAULT_NAME); while (codes.has(code));
        mine = addCode({ code, customerId: customer.id, displayName: name ?? DEFAULT_NAME });
      } else if (name) {
        mine.displayName = name;
      }
      base.searchParams.set('kith_ref', mine.code);
      return { code: mine.code, url: base.toString(), incentive: s.enabled ? s.incentive : null };
    },

    getOffer(code: string): ReferralOffer {
      const c = find(code);
      const s = current();
      if (!c || c.blocked || !s.enabled) throw notFound(`Referral code ${code}`);
      if (ofCode(c.code).filter(counted).length >= s.maxConversionsPerCode) throw new HttpError(404, 'code_capped', `Referral code ${c.code} reached its limit`);
      return { code: c.code, advocateName: c.displayName, incentive: s.incentive, couponCode: `FRIEND-${c.code}` };
    },

    recordVisit(code: string, input: { readonly landingUrl?: string }): { visitId: string; counted: boolean } {
      const c = known(code);
      const path = input.landingUrl !== undefined ? httpUrl(input.landingUrl, 'json.landingUrl').pathname : '/';
      const id = nextId('rv');
      visits.push({ id, code: c.code, at: now(), path });
      return { visitId: id, counted: true };
    },

    stats(customerId: string): ReferralStats {
      settle();
      const c = byCustomer.get(customerId);
      if (!c) return { code: null, clicks: 0, signups: 0, conversions: 0, rewards: { pending: 0, approved: 0 }, recent: [] };
      const mine = ofCode(c.code);
      const n = (...s: ReferralStatus[]) => mine.filter((x) => s.includes(x.status)).length;
      return {
        code: c.code,
        clicks: visits.filter((v) => v.code === c.code).length,
        signups: [...signups.values()].filter((s) => s.code === c.code).length,
        conversions: n('pending', 'flagged', 'approved'),
        rewards: { pending: n('pending', 'flagged'), approved: n('approved') },
        recent: mine.sort(newestFirst).slice(0, 20).map(view),
      };
    },

    /** The shop reports a sign-up through a code: once per customer; the advocate's own is ignored. */
    signup(code: string, customerId: string): { code: string; customerId: string; recorded: boolean } {
      const c = known(code);
      const id = text(customerId, 'json.customerId', 1, 200);
      const counts = id !== c.customerId && !signups.has(id);
      if (counts) signups.set(id, { code: c.code, at: now() });
      return { code: c.code, customerId: id, recorded: counts };
    },

    /** Checks an order's referral fields (400) before anything is written. */
    checkOrder(o: MemoryReferralOrder) {
      if (o.referralCode !== undefined) text(o.referralCode, 'json.referralCode', 1, 64);
      if (o.emailHash !== undefined && !/^[0-9a-f]{64}$/i.test(o.emailHash)) throw invalid('json.emailHash', 'Hex SHA-256 of the lower-cased email');
      if (o.ip !== undefined) text(o.ip, 'json.ip', 1, 100);
    },

    /**
     * Decides a referred order, in the spec's order; call it before the order is recorded (the
     * `existing_customer` check looks at the buyer's earlier orders). Stores every decision.
     */
    decide(o: MemoryReferralOrder): MemoryOrderReferral {
      if (o.referralCode === undefined) return null;
      const code = find(o.referralCode);
      const s = current();
      // As on the server: a blocked code, or any code while the program is off, converts nothing.
      if (!code || code.blocked || !s.enabled) return { status: 'unknown_code' };
      settle();
      const at = now();
      const placedAt = o.placedAt ? Date.parse(o.placedAt) : at;
      const orders = data.orders ?? [];
      const emailHash = o.emailHash?.toLowerCase();
      const ipHash = o.ip !== undefined ? hashIp(o.ip.trim()) : undefined;
      const mine = ofCode(code.code);
      let status: ReferralStatus = 'pending';
      let reasons: string[] = [];
      if (o.customerId === code.customerId || (emailHash && orders.some((x) => x.customerId === code.customerId && x.emailHash === emailHash))) {
        [status, reasons] = ['denied', ['self_referral']];
      } else if (conversions.some((c) => c.friendId === o.customerId)) {
        return { status: 'already_referred' };
      } else if (s.newCustomersOnly && orders.some((x) => x.customerId === o.customerId && x.id !== o.id && (!x.placedAt || Date.parse(x.placedAt) <= placedAt))) {
        [status, reasons] = ['denied', ['existing_customer']];
      } else if (mine.filter(counted).length >= s.maxConversionsPerCode) {
        [status, reasons] = ['denied', ['cap_reached']];
      } else {
        if (ipHash && mine.filter((c) => c.ipHash === ipHash && c.createdAt > at - DAY).length >= s.sameIpLimit) reasons.push('same_ip');
        if (mine.filter((c) => c.createdAt > at - HOUR).length >= s.burstLimit) reasons.push('burst');
        if (reasons.length) status = 'flagged';
      }
      // The friend's name when they are an advocate too (with a name of their own), else initials from the id.
      const friendName = byCustomer.get(o.customerId)?.displayName;
      const c: Conversion = {
        id: nextId('rf'), seq: ++seq, code: code.code, advocateId: code.customerId, friendId: o.customerId, orderId: o.id, status, reasons,
        ...(friendName && friendName !== DEFAULT_NAME ? { friendName } : {}),
        reward: structuredClone(s.incentive.advocate), createdAt: at, approvesAt: placedAt + s.returnDays * DAY, ...(ipHash ? { ipHash } : {}),
      };
      conversions.push(c);
      // An order placed longer ago than the window is rewarded at once.
      if (status === 'pending' && c.approvesAt <= at) approve(c);
      return { conversionId: c.id, status: c.status, reasons: [...reasons] };
    },

    /** A refund reverses the order's conversion: pending or flagged ones, and approved ones with their points. */
    orderRefunded(orderId: string): { conversionId: string; status: ReferralStatus } | null {
      settle();
      const c = conversions.find((x) => x.orderId === orderId);
      if (!c) return null;
      if (c.status === 'approved' && c.reward.kind === 'points') points.reverseEarn(c.advocateId, 'referral', c.id);
      if (c.status === 'pending' || c.status === 'flagged' || c.status === 'approved') c.status = 'reversed';
      return { conversionId: c.id, status: c.status };
    },

    /** The merchant's review: approve a flagged one (approved if its window passed, else pending); deny a flagged or pending one. */
    review(id: string, action: 'approve' | 'deny'): MemoryReferralAdminView {
      settle();
      const c = conversions.find((x) => x.id === id);
      if (!c) throw notFound(`Referral ${id}`);
      if (action !== 'approve' && action !== 'deny') throw invalid('path.action', 'One of approve, deny');
      if (c.status !== 'flagged' && !(action === 'deny' && c.status === 'pending')) {
        throw conflict('illegal_transition', `A ${c.status} referral can’t be ${action === 'approve' ? 'approved' : 'denied'}`);
      }
      if (action === 'deny') {
        c.status = 'denied';
        c.reasons = [...c.reasons, 'merchant'];
      } else if (c.approvesAt <= now()) {
        approve(c);
      } else {
        c.status = 'pending';
      }
      return adminView(c);
    },

    /** Conversions for the merchant, newest first, optionally of one status. */
    list(status?: ReferralStatus): MemoryReferralAdminView[] {
      settle();
      return conversions.filter((c) => !status || c.status === status).sort(newestFirst).map(adminView);
    },

    /** The settings, with derived defaults; `update` merges a partial patch (the incentive field by field) and validates it. */
    settings(patch?: Partial<MemoryReferralSettings>) {
      if (patch) {
        const next = { ...settings, ...patch, incentive: { ...settings.incentive, ...patch.incentive } } as MemoryReferralSettings;
        checkSettings(next);
        settings = next;
      }
      return current();
    },
  };
}

export type MemoryReferrals = ReturnType<typeof createReferrals>;
