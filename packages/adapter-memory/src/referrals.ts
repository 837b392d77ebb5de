import type { ReferralLink, ReferralOffer, ReferralStats } from '@kith/core';
import { HttpError } from '@kith/core';
import type { Context } from './context.js';
import { signedIn } from './errors.js';
import type { MemoryCustomer } from './seed.js';
import type { MemoryAdapter } from './memory-adapter.js';

/** A refusal the fixture answers with, as the server would send it. */
export interface MemoryRefusal {
  readonly status: number;
  readonly code: string;
  readonly message: string;
}

/** The referrals part of a fixture: what each call answers, as the server would. Nothing here is derived. */
export interface MemoryReferralsFixture {
  /** Each customer's link (no entry: no code yet; `createLink` then answers its scripted outcome). */
  links: Record<string, ReferralLink>;
  /** The offer behind each code (upper case), or the refusal a friend's landing gets; unknown codes are 404. */
  offers: Record<string, ReferralOffer | MemoryRefusal>;
  /** Each customer's stats (no entry: nothing yet, with their link's code). */
  stats: Record<string, ReferralStats>;
}

export const refusal = (r: MemoryRefusal) => new HttpError(r.status, r.code, r.message);

/** The answer for a code, or its refusal (404 for a code the fixture doesn't know). */
export function offerFor(fixture: MemoryReferralsFixture, code: string): ReferralOffer {
  const found = fixture.offers[code.toUpperCase()];
  if (!found) throw new HttpError(404, 'not_found', 'Referral code not found');
  if ('status' in found) throw refusal(found);
  return found;
}

/** A link to the page asked for: the code travels in `kith_ref`, the page's own query kept. */
export function linkTo(link: ReferralLink, url: string | undefined): ReferralLink {
  if (!url) return link;
  const page = new URL(url);
  page.searchParams.set('kith_ref', link.code);
  return { ...link, url: page.toString() };
}

export function statsFor(fixture: MemoryReferralsFixture, customerId: string): ReferralStats {
  return (
    fixture.stats[customerId] ?? {
      code: fixture.links[customerId]?.code ?? null,
      clicks: 0,
      signups: 0,
      conversions: 0,
      rewards: { pending: 0, approved: 0 },
      recent: [],
    }
  );
}

export function referralsApi(ctx: Context, customer: MemoryCustomer | null): MemoryAdapter['referrals'] {
  const { call, write, publicWrite, scripted, referralsData } = ctx;
  return {
    // A customer with a link gets it back (to the page asked for); without one, the scripted outcome makes it.
    createLink: (input, o) =>
      write(
        customer,
        'referrals.createLink',
        o,
        (c) => {
          const link = referralsData().links[c.id];
          return link ? linkTo(link, input?.url) : scripted<ReferralLink>('referrals.createLink', [input ?? {}])(c);
        },
        [input ?? {}],
      ),
    getOffer: (code, o) => call('referrals.getOffer', o, () => offerFor(referralsData(), code), customer, [code]),
    recordVisit: (code, _input, o) =>
      publicWrite(
        'referrals.recordVisit',
        o,
        () => (offerFor(referralsData(), code), { visitId: ctx.nextVisit(), counted: true }),
      ),
    getStats: (o) => call('referrals.getStats', o, () => statsFor(referralsData(), signedIn(customer).id), customer),
  };
}
