import { isHttpError } from '../../errors.js';
import type { PointsAccount, PointsEntry } from '../../types/models.js';
import {
  check,
  rejects,
  pageAll,
  isIso,
  code,
  key,
  type ContractHarness,
  type TestApi,
  type WithHarness,
} from './harness.js';

/** Points: program, check-in, redemption, orders and refunds, with the real rules. */
export function pointsContract({ describe, it }: TestApi, withHarness: WithHarness): void {
  describe('points', () => {
    /** The harness when it can run points tests; with `writes`, a signed-in customer and the merchant's controls. */
    const ready = (h: ContractHarness, writes = false) => {
      if (!h.adapter.points) return false;
      const c = h.control;
      return (
        !writes ||
        !!(
          h.customer?.points?.checkIn &&
          h.customer.points.redeem &&
          h.customerIds &&
          c.adjustPoints &&
          c.reportOrder &&
          c.refundOrder &&
          c.addReward
        )
      );
    };
    /** Every history line, newest first, checked against the account: the ledger explains the balance. */
    const explained = async (h: ContractHarness): Promise<{ account: PointsAccount; entries: PointsEntry[] }> => {
      const pts = h.customer!.points!;
      const account = await pts.getAccount();
      const entries = await pageAll((cursor) => pts.listHistory({ cursor, limit: 7 }), 7);
      const available = entries.filter((e) => e.status === 'available');
      const pending = entries.filter((e) => e.status === 'pending');
      check(
        entries.every((e, i) => i === 0 || entries[i - 1]!.status === 'pending' || e.status === 'available'),
        'pending entries come first',
      );
      check(
        available.reduce((n, e) => n + e.points, 0) === account.balance,
        `balance (${account.balance}) = the sum of available entries`,
      );
      check(
        pending.reduce((n, e) => n + e.points, 0) === account.pending,
        `pending (${account.pending}) = the sum of pending entries`,
      );
      check(
        pending.every((e) => e.balanceAfter === null && isIso(e.availableAt)),
        'pending entries: balanceAfter null, availableAt set',
      );
      check(
        available.every((e, i) => e.balanceAfter === (available[i + 1]?.balanceAfter ?? 0) + e.points),
        'each available line moves the running balance by its points',
      );
      check(
        available.every((e) => e.balanceAfter! >= 0),
        'the running balance never goes below 0',
      );
      check(
        entries.every((e) => Number.isInteger(e.points) && isIso(e.createdAt) && typeof e.source.id === 'string'),
        'entries: integer points, createdAt, a source',
      );
      check(new Set(entries.map((e) => e.id)).size === entries.length, 'each entry listed once');
      return { account, entries };
    };

    it(
      'serves the program: tiers from 0 up, earn rules, rewards cheapest first',
      withHarness(async (h) => {
        if (!ready(h)) return;
        const p = await h.adapter.points!.getProgram();
        check(p.tiers.length > 0 && p.tiers[0]!.threshold === 0, 'the first tier starts at 0');
        check(
          p.tiers.every((t, i) => i === 0 || p.tiers[i - 1]!.threshold < t.threshold),
          'tiers ascend by threshold',
        );
        const purchase = p.earn.find((r) => r.action === 'purchase');
        check(
          !!purchase?.per && purchase.per.minor > 0 && purchase.points > 0,
          'a purchase rule with points per amount',
        );
        check((p.earn.find((r) => r.action === 'check_in')?.points ?? 0) > 0, 'a check-in rule');
        check(
          p.rewards.every((r, i) => i === 0 || p.rewards[i - 1]!.cost <= r.cost),
          'rewards cheapest first',
        );
        check(
          p.rewards.every((r) => r.cost > 0 && (r.stock === undefined || r.stock >= 0)),
          'rewards cost points; stock is absent or ≥ 0',
        );
        check(
          p.pendingDays >= 0 && (p.expiryMonths === null || p.expiryMonths > 0) && typeof p.timeZone === 'string',
          'pendingDays, expiryMonths, timeZone',
        );
      }),
    );

    it(
      'signed out: account, history, check-in and redeem → 401',
      withHarness(async (h) => {
        if (!ready(h)) return;
        const pts = h.adapter.points!;
        const signedOut = code(401, 'customer_token_required');
        await rejects(pts.getAccount(), signedOut, 'getAccount signed out → 401 customer_token_required');
        await rejects(pts.listHistory({}), signedOut, 'listHistory signed out → 401 customer_token_required');
        if (pts.checkIn) await rejects(pts.checkIn({ idempotencyKey: key() }), signedOut, 'checkIn signed out → 401');
        if (pts.redeem)
          await rejects(pts.redeem('any', { idempotencyKey: key() }), signedOut, 'redeem signed out → 401');
      }),
    );

    it(
      'checks in once a day: earns nextPoints, counts the streak, explains it in the history',
      withHarness(async (h) => {
        if (!ready(h, true)) return;
        const pts = h.customer!.points!;
        const before = await pts.getAccount();
        if (before.checkIn.checkedInToday) {
          await rejects(
            pts.checkIn!({ idempotencyKey: key() }),
            code(409, 'already_checked_in'),
            'checked in already → 409',
          );
          return;
        }
        const k = key();
        const done = await pts.checkIn!({ idempotencyKey: k });
        check(
          done.points === before.checkIn.nextPoints && done.bonus >= 0 && done.bonus < done.points,
          `earns nextPoints (${before.checkIn.nextPoints}), bonus included`,
        );
        check(
          done.streak === before.checkIn.streak + 1 &&
            done.account.checkIn.streak === done.streak &&
            done.account.checkIn.checkedInToday,
          'the streak grows by one; checked in today',
        );
        check(done.account.balance === before.balance + done.points, 'the balance grows by the points');
        check(
          JSON.stringify(await pts.checkIn!({ idempotencyKey: k })) === JSON.stringify(done),
          'a replay with the same Idempotency-Key returns the same result',
        );
        await rejects(
          pts.checkIn!({ idempotencyKey: key() }),
          code(409, 'already_checked_in'),
          'a second check-in today → 409 already_checked_in',
        );
        const { account, entries } = await explained(h);
        check(account.balance === done.account.balance, 'the replay and the refusal changed nothing');
        const line = entries.find((e) => e.kind === 'earn' && e.action === 'check_in');
        check(
          line?.points === done.points - done.bonus &&
            line.source.type === 'check_in' &&
            /^\d{4}-\d{2}-\d{2}$/.test(line.source.id),
          'a check_in line keyed by the day',
        );
        if (done.bonus)
          check(
            entries.some((e) => e.action === 'streak_bonus' && e.points === done.bonus),
            'a streak_bonus line',
          );
      }),
    );

    it(
      'redeems: a code, the balance and stock go down once, the history says why; refusals change nothing',
      withHarness(async (h) => {
        if (!ready(h, true)) return;
        const pts = h.customer!.points!;
        const [me] = h.customerIds!;
        const { id } = await h.control.addReward!({
          title: 'Contract $5 off',
          cost: 40,
          kind: 'coupon',
          coupon: { amountOff: { minor: 500, currency: 'USD' } },
          stock: 1,
        });
        const start = await pts.getAccount();
        await h.control.adjustPoints!(me, 100, 'Contract goodwill');
        const k = key();
        const r = await pts.redeem!(id, { idempotencyKey: k });
        check(
          r.rewardId === id && r.points === 40 && typeof r.code === 'string' && r.code.length >= 4,
          'a redemption of 40 points with a code',
        );
        check(r.account.balance === start.balance + 100 - 40, 'the balance went down by the cost');
        check(
          JSON.stringify(await pts.redeem!(id, { idempotencyKey: k })) === JSON.stringify(r),
          'a replay returns the same code and spends nothing',
        );
        check(
          (await h.adapter.points!.getProgram()).rewards.find((w) => w.id === id)?.stock === 0,
          'stock went from 1 to 0',
        );
        await rejects(
          pts.redeem!(id, { idempotencyKey: key() }),
          code(409, 'out_of_stock'),
          'no stock left → 409 out_of_stock',
        );
        const { id: dear } = await h.control.addReward!({ title: 'Contract trip', cost: 1_000_000, kind: 'perk' });
        await rejects(
          pts.redeem!(dear, { idempotencyKey: key() }),
          code(409, 'insufficient_points'),
          'too dear → 409 insufficient_points',
        );
        await rejects(
          pts.redeem!('no-such-reward', { idempotencyKey: key() }),
          (e) => isHttpError(e) && e.status === 404,
          'unknown reward → 404',
        );
        const program = await h.adapter.points!.getProgram();
        const top = program.tiers.at(-1)!;
        if (program.tiers.length > 1 && start.tier.id !== top.id) {
          const { id: vip } = await h.control.addReward!({
            title: 'Contract VIP perk',
            cost: 1,
            kind: 'perk',
            tierId: top.id,
          });
          await rejects(
            pts.redeem!(vip, { idempotencyKey: key() }),
            code(409, 'tier_required'),
            'below the tier → 409 tier_required',
          );
        }
        await rejects(
          h.control.adjustPoints!(me, -(r.account.balance + 1), 'too much'),
          (e) => String(e).includes('insufficient_points') || (isHttpError(e) && e.code === 'insufficient_points'),
          'an adjustment below 0 is refused with insufficient_points',
        );
        const { account, entries } = await explained(h);
        check(account.balance === r.account.balance, 'refusals spent nothing');
        const spent = entries.find((e) => e.kind === 'redeem');
        check(
          spent?.points === -40 &&
            spent.source.type === 'redemption' &&
            spent.source.label === 'Contract $5 off' &&
            spent.balanceAfter === r.account.balance,
          'a redeem line with the reward title',
        );
        check(
          entries.some((e) => e.kind === 'adjust' && e.points === 100 && e.note === 'Contract goodwill'),
          'an adjust line with the note',
        );
        check(entries.filter((e) => e.kind === 'redeem').length === 1, 'one redeem line despite the replay');
      }),
    );

    it(
      '50 concurrent redemptions with points for 10: exactly 10 succeed and the balance ends at 0',
      withHarness(async (h) => {
        if (!ready(h, true)) return;
        const pts = h.customer!.points!;
        const [me] = h.customerIds!;
        const { id } = await h.control.addReward!({
          title: 'Contract race',
          cost: 7,
          kind: 'coupon',
          coupon: { percentOff: 5 },
        });
        const start = await pts.getAccount();
        // Spend down to a known balance of 70: exactly ten redemptions.
        if (start.balance) await h.control.adjustPoints!(me, -start.balance, 'Contract reset');
        await h.control.adjustPoints!(me, 70, 'Contract race');
        const results = await Promise.allSettled(
          Array.from({ length: 50 }, () => pts.redeem!(id, { idempotencyKey: key() })),
        );
        const ok = results.filter((r) => r.status === 'fulfilled');
        const refused = results.filter((r) => r.status === 'rejected');
        check(ok.length === 10, `exactly 10 redemptions succeed (got ${ok.length})`);
        check(
          refused.every((r) => code(409, 'insufficient_points')((r as PromiseRejectedResult).reason)),
          'the other 40 → 409 insufficient_points',
        );
        const codes = new Set(ok.map((r) => (r as PromiseFulfilledResult<{ code: string }>).value.code));
        check(codes.size === 10, 'ten different codes');
        const { account, entries } = await explained(h);
        check(account.balance === 0, `the balance ends at 0 (got ${account.balance})`);
        check(entries.filter((e) => e.kind === 'redeem').length === 10, 'ten redeem lines');
      }),
    );

    it(
      'an order earns pending points once; its refund reverses them; lifetime follows',
      withHarness(async (h) => {
        if (!ready(h, true)) return;
        const [me] = h.customerIds!;
        const program = await h.adapter.points!.getProgram();
        const rule = program.earn.find((r) => r.action === 'purchase')!;
        const total = { minor: rule.per!.minor * 12 + rule.per!.minor / 2, currency: rule.per!.currency };
        const expected = 12 * rule.points;
        const before = await h.customer!.points!.getAccount();
        const order = { id: `contract-order-${key()}`, customerId: me, productIds: ['p-points'], total };
        await h.control.reportOrder!(order);
        await rejects(
          h.control.reportOrder!(order) as Promise<unknown>,
          () => true,
          'reporting the same order again is refused',
        );
        const { account, entries } = await explained(h);
        check(
          account.pending === before.pending + expected,
          `pending grows by floor(total / per) × points = ${expected} (got ${account.pending - before.pending})`,
        );
        check(account.balance === before.balance, 'the balance is unchanged while pending');
        check(account.lifetime === before.lifetime + expected, 'lifetime counts pending points');
        const earned = entries.filter(
          (e) => e.kind === 'earn' && e.source.type === 'order' && e.source.id === order.id,
        );
        check(
          earned.length === 1 && earned[0]!.status === 'pending' && earned[0]!.action === 'purchase',
          'one pending purchase line for the order',
        );
        const days = (Date.parse(earned[0]!.availableAt!) - Date.parse(earned[0]!.createdAt)) / 86_400_000;
        check(
          Math.abs(days - program.pendingDays) < 0.01,
          `available after pendingDays (${program.pendingDays}; got ${days.toFixed(2)})`,
        );

        await h.control.refundOrder!(order.id);
        await rejects(h.control.refundOrder!(order.id) as Promise<unknown>, () => true, 'refunding twice is refused');
        const after = await explained(h);
        check(
          after.account.pending === before.pending && after.account.balance === before.balance,
          'the refund took the pending points back',
        );
        check(after.account.lifetime === before.lifetime, 'lifetime is back where it was');
        const reversed = after.entries.filter((e) => e.kind === 'reverse' && e.source.id === order.id);
        check(
          reversed.length === 1 && reversed[0]!.points === -expected && reversed[0]!.action === 'purchase',
          'one reverse line for the order',
        );
      }),
    );
  });
}
