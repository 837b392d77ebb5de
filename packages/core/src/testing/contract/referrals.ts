import { isHttpError } from '../../errors.js';
import { check, rejects, isIso, code, key, type ContractHarness, type TestApi, type WithHarness } from './harness.js';

/** Referrals: links, offers, visits and conversions, with the real rules. */
export function referralsContract({ describe, it }: TestApi, withHarness: WithHarness): void {
  describe('referrals', () => {
    /** The harness when it can run referral tests: two signed-in customers and the order controls. */
    const ready = (h: ContractHarness) =>
      !!(
        h.adapter.referrals &&
        h.customer?.referrals &&
        h.otherCustomer?.referrals &&
        h.customerIds &&
        h.control.reportOrder &&
        h.control.refundOrder
      );

    it(
      'a personal link: 401 signed out; a short readable code, the same every time, carried by the url',
      withHarness(async (h) => {
        if (!ready(h)) return;
        await rejects(
          h.adapter.referrals!.createLink({}, { idempotencyKey: key() }),
          code(401, 'customer_token_required'),
          'signed out → 401 customer_token_required',
        );
        const link = await h.customer!.referrals!.createLink({}, { idempotencyKey: key() });
        check(
          /^[A-Z0-9]+(-[A-Z0-9]+)*$/.test(link.code) && link.code.length >= 4 && link.code.length <= 16,
          `a short readable code (got ${link.code})`,
        );
        check(new URL(link.url).searchParams.get('kith_ref') === link.code, 'the url carries ?kith_ref=CODE');
        const again = await h.customer!.referrals!.createLink(
          { url: 'https://shop.example.com/products/tote?colour=sand' },
          { idempotencyKey: key() },
        );
        check(again.code === link.code, 'the same code on every call');
        const url = new URL(again.url);
        check(
          url.origin + url.pathname === 'https://shop.example.com/products/tote' &&
            url.searchParams.get('colour') === 'sand' &&
            url.searchParams.get('kith_ref') === link.code,
          'a page url keeps its own query and gains kith_ref',
        );
        const theirs = await h.otherCustomer!.referrals!.createLink({}, { idempotencyKey: key() });
        check(theirs.code !== link.code, 'each customer has their own code');
      }),
    );

    it(
      'the offer behind a code, in any case; 404 for an unknown code',
      withHarness(async (h) => {
        if (!ready(h)) return;
        const { code: mine, incentive } = await h.customer!.referrals!.createLink({}, { idempotencyKey: key() });
        if (!incentive) return;
        const offer = await h.adapter.referrals!.getOffer(mine.toLowerCase());
        check(offer.code === mine, 'the canonical code, whatever the case asked');
        check(offer.advocateName.length > 0 && !offer.advocateName.includes('@'), 'the advocate by display name');
        check(typeof offer.couponCode === 'string' && offer.couponCode.length >= 4, 'a coupon code for the friend');
        check(
          JSON.stringify(offer.incentive) === JSON.stringify(incentive),
          'the same incentive the advocate was shown',
        );
        await rejects(
          h.adapter.referrals!.getOffer('NO-SUCH-CODE'),
          (e) => isHttpError(e) && e.status === 404,
          'unknown code → 404',
        );
      }),
    );

    it(
      'visits count as clicks, once per Idempotency-Key',
      withHarness(async (h) => {
        if (!ready(h)) return;
        const { code: mine } = await h.customer!.referrals!.createLink({}, { idempotencyKey: key() });
        const before = await h.customer!.referrals!.getStats();
        const k = key();
        // One visitor; how a backend tells visitors apart (session, network) is its own rule.
        const landing = { landingUrl: 'https://shop.example.com/products/tote', sessionId: `session-${key()}` };
        const visit = await h.adapter.referrals!.recordVisit(mine.toLowerCase(), landing, { idempotencyKey: k });
        const replay = await h.adapter.referrals!.recordVisit(mine.toLowerCase(), landing, { idempotencyKey: k });
        check(visit.visitId !== null && replay.visitId === visit.visitId, 'a replay returns the same visit');
        const after = await h.customer!.referrals!.getStats();
        check(
          after.code === mine && after.clicks === before.clicks + 1,
          `one visit counted, in any case of the code (got ${after.clicks - before.clicks})`,
        );
        await rejects(
          h.adapter.referrals!.recordVisit('NO-SUCH-CODE', {}, { idempotencyKey: key() }),
          (e) => isHttpError(e) && e.status === 404,
          'a visit through an unknown code → 404',
        );
      }),
    );

    it(
      "a friend's first order converts once (pending its window); self-referral and a refund are not rewarded",
      withHarness(async (h) => {
        if (!ready(h)) return;
        const [me, friend] = h.customerIds!;
        const { code: mine } = await h.customer!.referrals!.createLink({}, { idempotencyKey: key() });
        const usd = (minor: number) => ({ minor, currency: 'USD' });
        const start = await h.customer!.referrals!.getStats();

        const order = {
          id: `contract-ref-${key()}`,
          customerId: friend,
          productIds: ['p-ref'],
          total: usd(5000),
          referralCode: mine.toLowerCase(),
        };
        await h.control.reportOrder!(order);
        const stats = await h.customer!.referrals!.getStats();
        check(
          stats.conversions === start.conversions + 1 && stats.rewards.pending === start.rewards.pending + 1,
          'one conversion, its reward pending',
        );
        const conv = stats.recent[0]!;
        check(
          conv.status === 'pending' && isIso(conv.approvesAt) && Date.parse(conv.approvesAt!) > Date.now(),
          'pending until its return window closes',
        );
        check(/^[A-Z]{1,2}$/.test(conv.friendInitials), `the friend as initials only (got ${conv.friendInitials})`);
        await rejects(h.control.reportOrder!(order) as Promise<unknown>, () => true, 'the same order again is refused');
        const second = {
          id: `contract-ref-${key()}`,
          customerId: friend,
          productIds: ['p-ref'],
          total: usd(3000),
          referralCode: mine,
        };
        await h.control.reportOrder!(second);
        check(
          (await h.customer!.referrals!.getStats()).conversions === stats.conversions,
          "the friend's second order is not a new conversion",
        );

        await h.control.reportOrder!({
          id: `contract-self-${key()}`,
          customerId: me,
          productIds: ['p-ref'],
          total: usd(5000),
          referralCode: mine,
        });
        const self = await h.customer!.referrals!.getStats();
        check(
          self.conversions === stats.conversions && self.rewards.pending === stats.rewards.pending,
          'a self-referral earns nothing',
        );
        check(self.recent[0]!.status === 'denied', 'and shows as denied');

        await h.control.refundOrder!(order.id);
        const refunded = await h.customer!.referrals!.getStats();
        check(refunded.rewards.pending === start.rewards.pending, 'the refund took the pending reward back');
        check(refunded.recent.find((c) => c.id === conv.id)?.status === 'reversed', 'the conversion shows as reversed');
      }),
    );
  });
}
