import { atom, type WritableAtom } from 'nanostores';
import type { KithAdapter } from './adapter.js';
import type { AnalyticsSink } from './analytics/bus.js';

export const VERSION = '0.1.0';
/** Bumped only when the shape of `globalThis.__kith` changes incompatibly. */
export const GLOBAL_SCHEMA = 1;

export interface Consent {
  /** Analytics events may leave the page. */
  readonly analytics: boolean;
  /** Cookies and Web Storage may be written. */
  readonly storage: boolean;
}

export interface KithConfig {
  readonly adapter?: KithAdapter;
  /** BCP 47, e.g. `en`, `zh-CN`. Unset: the page's `<html lang>`, then `en`. */
  readonly locale?: string;
  /** ISO 4217 used where a price has none. */
  readonly currency?: string;
  /** Shop id put on analytics events. */
  readonly shop?: string;
  /**
   * The host's sign-in page: linked wherever an action needs a signed-in shopper (writing a review,
   * asking a question, joining a team, using points). A widget's own `sign-in-url` wins.
   */
  readonly signInUrl?: string;
  readonly analytics?: readonly AnalyticsSink[];
}

interface KithGlobal {
  readonly schema: number;
  readonly version: string;
  readonly config: WritableAtom<KithConfig>;
  readonly consent: WritableAtom<Consent>;
  /** Per page load, never persisted: analytics join events of one visit with it. */
  readonly sessionId: string;
  consentListener?: boolean;
}

/** RFC 4122 v4 from getRandomValues, which (unlike randomUUID) also exists outside secure contexts. */
export function uuid(): string {
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

const g = globalThis as { __kith?: KithGlobal };
const existing = g.__kith;
if (existing && existing.schema !== GLOBAL_SCHEMA) {
  console.warn(
    `[kith] Two incompatible Kith copies on this page (${existing.version} and ${VERSION}); each keeps its own state.`,
  );
}

/**
 * Page-wide state lives on one versioned global, so the npm build and the script-tag build on one
 * page share configuration and consent (the `nanostoresGlobal` trick).
 */
export const kithGlobal: KithGlobal =
  existing?.schema === GLOBAL_SCHEMA
    ? existing
    : (g.__kith = {
        schema: GLOBAL_SCHEMA,
        version: VERSION,
        config: atom<KithConfig>({}),
        consent: atom<Consent>({ analytics: false, storage: false }),
        sessionId: uuid(),
      });
