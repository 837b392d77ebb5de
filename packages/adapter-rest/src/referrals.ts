import type { ReferralLink, ReferralOffer, ReferralsApi, ReferralStats } from '@kith/core';
import type { Http } from './http.js';

const codePath = (code: string) => `referrals/${encodeURIComponent(code)}`;

/**
 * Referrals over HTTP. The link and stats are the signed-in customer's (the customer token set on
 * the adapter); the offer and visits are public. Writes carry the caller's Idempotency-Key, so a
 * retried visit counts once.
 */
export function createReferralsApi(http: Http): ReferralsApi {
  return {
    createLink: (input, o) => http.post<ReferralLink>('referrals/links', input, o),
    getOffer: (code, o) => http.get<ReferralOffer>(codePath(code), o),
    recordVisit: (code, input, o) =>
      http.post<{ visitId: string | null; counted: boolean }>(`${codePath(code)}/visits`, input, o),
    getStats: (o) => http.get<ReferralStats>('referrals/me', o),
  };
}
