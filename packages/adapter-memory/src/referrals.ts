import { HttpError, type ReferralLink, type ReferralOffer, type ReferralStats } from '@kith/core';
import type { Context, MemoryAdapter } from './memory-adapter.js';
import type { MemoryCustomer } from './seed.js';
import { must, signedIn } from './served.js';

/** The referrals part of a fixture, as served: each customer's link and stats, and what each code answers. */
export interface MemoryReferralsFixture {
  /** No link: `createLink` answers its scripted outcome. */
  links: Record<string, ReferralLink>;
  /** By code (upper case): the offer, or the refusal a friend's landing gets; other codes are 404. */
  offers: Record<string, ReferralOffer | { status: number; code: string; message: string }>;
  stats: Record<string, ReferralStats>;
}

/** A customer without stats: nothing yet. */
const NONE = { code: null, clicks: 0, signups: 0, conversions: 0, rewards: { pending: 0, approved: 0 }, recent: [] };

export function referralsApi(ctx: Context, customer: MemoryCustomer | null): MemoryAdapter['referrals'] {
  const { write, publicWrite, scripted, referralsData: data } = ctx;
  const { read } = ctx.calls('referrals', customer);
  const offer = (code: string): ReferralOffer => {
    const found = must(data().offers[code.toUpperCase()], 'Referral code');
    if ('status' in found) throw new HttpError(found.status, found.code, found.message);
    return found;
  };
  // The customer's link, or the one the scripted outcome makes, to the page asked for (the code travels in `kith_ref`).
  const link = (c: MemoryCustomer, input: { url?: string }) => {
    const made = data().links[c.id] ?? scripted<ReferralLink>('referrals.createLink', [input])(c);
    const page = new URL(input.url ?? made.url);
    page.searchParams.set('kith_ref', made.code);
    return { ...made, url: page.href };
  };
  return {
    createLink: (input = {}, o) => write(customer, 'referrals.createLink', o, (c) => link(c, input), [input]),
    getOffer: (code, o) => read('getOffer', o, () => offer(code), code),
    recordVisit: (code, _input, o) =>
      publicWrite('referrals.recordVisit', o, () => (offer(code), { visitId: ctx.nextVisit(), counted: true })),
    getStats: (o) => read('getStats', o, () => data().stats[signedIn(customer).id] ?? NONE),
  };
}
