import { $config, $consent, uuid } from '@kith/core';

/** Where a granted attribution is kept: the browser's storage for this shop's origin only. */
export const STORAGE_KEY = 'kith_ref';
/** How long a kept attribution lasts, as referral programs count a visit. */
const KEEP_DAYS = 30;
/** The browser session's visitor id (sessionStorage, with storage consent), so the server counts a visitor's clicks once. */
export const SESSION_KEY = 'kith_visit';

export interface Attribution {
  /** The referral code the visitor came with. */
  readonly code: string;
  readonly landedAt: string;
}

/**
 * Follows one landing through `?kith_ref=CODE`. Before consent the code lives in the page's memory
 * only (the loader holds it for `Kith.getAttribution()`). With `analytics` consent the visit is
 * recorded once (with `storage` consent too, under this browser session's visitor id); with
 * `storage` consent the attribution is kept for later pages and the order. Withdrawing that consent
 * removes both again. Both wait for the consent signal, however late it comes.
 */
export function attribute(a: Attribution, landingUrl = location.href): () => void {
  let visited = false;
  let kept = false;
  const key = `visit-${uuid()}`;
  return $consent.subscribe((consent) => {
    if (!consent.storage && kept) {
      // Withdrawn (configure({ consent }) as well as the DOM event): take the kept code back.
      kept = false;
      // Apart: one store blocked must not leave the other's copy behind.
      for (const store of ['localStorage', 'sessionStorage'] as const) {
        try {
          window[store].removeItem(store === 'localStorage' ? STORAGE_KEY : SESSION_KEY);
        } catch {
          // Blocked: nothing to take back.
        }
      }
    }
    if (consent.storage && !kept) {
      kept = true;
      try {
        localStorage.setItem(
          STORAGE_KEY,
          JSON.stringify({ ...a, expiresAt: new Date(Date.parse(a.landedAt) + KEEP_DAYS * 86_400_000).toISOString() }),
        );
      } catch {
        // Storage full or blocked: the page's copy still serves this visit.
      }
    }
    const referrals = $config.get().adapter?.referrals;
    if (consent.analytics && !visited && referrals) {
      visited = true;
      const u = new URL(landingUrl);
      u.search = '';
      // Without storage consent no id is kept: the server then counts the visit once per network and browser.
      const sessionId = consent.storage ? visitorSession() : undefined;
      referrals
        .recordVisit(a.code, { landingUrl: u.href, sessionId }, { idempotencyKey: key })
        .catch((e) => console.warn('[kith] could not record the referral visit:', e));
    }
  });
}

/** This browser session's visitor id, made on first use; undefined when storage is blocked. */
function visitorSession(): string | undefined {
  try {
    let id = sessionStorage.getItem(SESSION_KEY);
    if (!id) sessionStorage.setItem(SESSION_KEY, (id = uuid()));
    return id;
  } catch {
    return undefined;
  }
}
