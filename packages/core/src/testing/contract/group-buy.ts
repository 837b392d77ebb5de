import { isHttpError } from '../../errors.js';
import {
  check,
  rejects,
  watchTeam,
  sameMoney,
  isIso,
  code,
  key,
  type ContractHarness,
  type TestApi,
  type WithHarness,
} from './harness.js';

/** Group buy against a backend with the real rules: teams start, fill, succeed, and refuse. */
export function groupBuyContract({ describe, it }: TestApi, withHarness: WithHarness): void {
  describe('group buy', () => {
    /** The harness when it can run group-buy tests: the domain, the fixtures and, with `writes`, two customers who can write. */
    const ready = (h: ContractHarness, writes = false) => {
      const { fixtures: f } = h;
      if (!h.adapter.groupBuy || !f.groupBuyProductId || !f.campaignId) return false;
      return !writes || !!(h.customer?.groupBuy?.startTeam && h.otherCustomer?.groupBuy?.joinTeam && h.customerIds);
    };

    it(
      'serves the offer: the campaign with its tiers, open teams, the server time; null without a campaign',
      withHarness(async (h) => {
        if (!ready(h)) return;
        const gb = h.adapter.groupBuy!;
        const offer = await gb.getOffer(h.fixtures.groupBuyProductId!);
        check(offer !== null, 'the fixture product has an offer');
        const { campaign: c, teams } = offer;
        check(
          c.id === h.fixtures.campaignId && c.product.id === h.fixtures.groupBuyProductId,
          'the offer is the fixture campaign of the product',
        );
        check(c.status === 'active', `the fixture campaign is active (got ${c.status})`);
        check(c.tiers.length > 0 && c.tiers[0]!.size >= 2, 'at least one tier, of two members or more');
        check(
          c.tiers.every((t, i) => {
            const prev = c.tiers[i - 1];
            return (
              t.price.currency === c.soloPrice.currency &&
              t.price.minor < c.soloPrice.minor &&
              (!prev || (prev.size < t.size && prev.price.minor > t.price.minor))
            );
          }),
          'tiers ascend by size with falling prices, all below the solo price, in its currency',
        );
        check(
          c.maxMembers >= c.tiers.at(-1)!.size && c.teamDurationSeconds > 0 && c.holdSeconds > 0,
          'maxMembers covers the deepest tier; durations are positive',
        );
        check(isIso(c.startsAt) && isIso(offer.serverTime), 'startsAt and serverTime are ISO dates');
        check(offer.yourTeam === null, 'signed out: no yourTeam');
        check(teams.length <= 5, 'at most 5 teams');
        const now = Date.parse(offer.serverTime);
        check(
          teams.every(
            (t) =>
              t.campaignId === c.id &&
              (t.state === 'forming' || t.state === 'succeeded') &&
              t.seatCount < t.maxMembers &&
              Date.parse(t.expiresAt) > now &&
              t.you === undefined,
          ),
          'listed teams are open, not full, before their deadline, without `you`',
        );
        check(
          teams.every((t, i) => i === 0 || Date.parse(teams[i - 1]!.expiresAt) <= Date.parse(t.expiresAt)),
          'soonest deadline first',
        );
        check(
          teams.every(
            (t) =>
              t.members.length === t.seatCount &&
              t.members.filter((m) => m.seat === 'confirmed').length === t.confirmedCount &&
              t.members.filter((m) => m.leader).length === 1,
          ),
          'members match seatCount and confirmedCount, with one leader',
        );
        check((await gb.getOffer('no-such-product')) === null, 'a product without a campaign → null');
      }),
    );

    it(
      'rejects an unknown team with a 404',
      withHarness(async (h) => {
        if (!ready(h)) return;
        await rejects(
          h.adapter.groupBuy!.getTeam('no-such-team'),
          (e) => isHttpError(e) && e.status === 404,
          'unknown team → 404',
        );
      }),
    );

    it(
      'signed out, starting or joining a team → 401',
      withHarness(async (h) => {
        const gb = h.adapter.groupBuy;
        if (!ready(h) || !gb?.startTeam || !gb.joinTeam) return;
        await rejects(
          gb.startTeam(h.fixtures.campaignId!, {}, { idempotencyKey: key() }),
          code(401, 'customer_token_required'),
          'start signed out → 401 customer_token_required',
        );
        const teamId =
          (await gb.getOffer(h.fixtures.groupBuyProductId!))?.teams[0]?.id ??
          (await h.customer?.groupBuy?.startTeam?.(h.fixtures.campaignId!, {}, { idempotencyKey: key() }))?.id;
        if (teamId)
          await rejects(
            gb.joinTeam(teamId, {}, { idempotencyKey: key() }),
            code(401, 'customer_token_required'),
            'join signed out → 401 customer_token_required',
          );
      }),
    );

    it(
      'a team starts, fills, is pushed without `you`, succeeds at the first tier when the merchant confirms both seats',
      withHarness(async (h) => {
        if (!ready(h, true) || !h.control.confirmSeat) return;
        const { campaignId, groupBuyProductId: productId } = h.fixtures as Required<ContractHarness['fixtures']>;
        const mine = h.customer!.groupBuy!;
        const other = h.otherCustomer!.groupBuy!;
        const [myId, otherId] = h.customerIds!;

        const team = await mine.startTeam!(campaignId, { displayName: 'Contract Lead' }, { idempotencyKey: key() });
        const first = team.tiers[0]!;
        check(
          team.campaignId === campaignId && team.productId === productId,
          'the team is of the campaign and its product',
        );
        check(
          team.state === 'forming' && team.seatCount === 1 && team.confirmedCount === 0 && team.tierReached === null,
          'a new team: forming, one seat, none confirmed',
        );
        check(team.leaderName === 'Contract Lead', `leaderName is the leader's displayName (got ${team.leaderName})`);
        check(
          team.members.length === 1 && team.members[0]!.leader && team.members[0]!.seat === 'held',
          'one member: the leader, seat held',
        );
        check(
          team.you?.seat === 'held' && team.you.leader === true && isIso(team.you.holdExpiresAt),
          'you: a held seat, leading, with holdExpiresAt',
        );
        check(sameMoney(team.you.price, first.price), 'you pay the first tier price while forming');
        const campaign = (await mine.getOffer(productId))!.campaign;
        const span = Date.parse(team.expiresAt) - Date.parse(team.createdAt);
        check(
          Math.abs(span - campaign.teamDurationSeconds * 1000) <= 2000,
          `expiresAt = createdAt + teamDurationSeconds (off by ${span - campaign.teamDurationSeconds * 1000} ms)`,
        );

        const offer = (await mine.getOffer(productId))!;
        check(
          offer.yourTeam?.id === team.id && offer.yourTeam.you?.leader === true,
          "the offer's yourTeam is the new team, with `you`",
        );
        check(!offer.teams.some((t) => t.id === team.id), "the offer's teams leave out the customer's own");
        const theirs = (await other.getOffer(productId))!;
        if (theirs.teams.length < 5)
          check(
            theirs.teams.some((t) => t.id === team.id),
            "another customer's offer lists the team",
          );
        check((await h.adapter.groupBuy!.getTeam(team.id)).you === undefined, 'signed out, getTeam has no `you`');

        const stream = watchTeam(h.adapter, team.id);
        try {
          await stream.until('the current state', (t) => t.id === team.id && t.seatCount === 1);
          const joinKey = key();
          const joined = await other.joinTeam!(team.id, { displayName: 'Contract Other' }, { idempotencyKey: joinKey });
          check(
            joined.seatCount === 2 && joined.confirmedCount === 0 && joined.state === 'forming',
            'joined: two seats, none confirmed',
          );
          check(
            joined.you?.seat === 'held' && joined.you.leader === false && isIso(joined.you.holdExpiresAt),
            'you: a held seat, not leading',
          );
          check(
            joined.members[1]?.leader === false && joined.members[1]?.seat === 'held',
            'the new member comes second, holding a seat',
          );
          const replayed = await other.joinTeam!(
            team.id,
            { displayName: 'Contract Other' },
            { idempotencyKey: joinKey },
          );
          check(
            JSON.stringify(replayed) === JSON.stringify(joined),
            'a join replayed with the same Idempotency-Key returns the same result',
          );
          await rejects(
            other.joinTeam!(team.id, {}, { idempotencyKey: key() }),
            code(409, 'already_joined'),
            'joining again → 409 already_joined',
          );
          await rejects(
            mine.startTeam!(campaignId, {}, { idempotencyKey: key() }),
            code(409, 'already_in_team'),
            'a second team in the campaign → 409 already_in_team',
          );
          await stream.until('two seats', (t) => t.seatCount === 2);

          await h.control.confirmSeat(team.id, myId);
          await stream.until('one confirmed seat', (t) => t.confirmedCount === 1 && t.state === 'forming');
          await h.control.confirmSeat(team.id, otherId);
          const pushed = await stream.until('state succeeded', (t) => t.state === 'succeeded');
          check(
            pushed.confirmedCount === 2 && pushed.tierReached?.size === first.size,
            'pushed: two confirmed, the first tier reached',
          );
          check(
            stream.seen.every((t) => t.you === undefined),
            'pushes never carry `you`',
          );
        } finally {
          stream.unsubscribe();
        }

        const done = await mine.getTeam(team.id);
        check(
          done.state === 'succeeded' &&
            done.confirmedCount === 2 &&
            done.tierReached?.size === first.size &&
            sameMoney(done.tierReached.price, first.price),
          'succeeded at the first tier',
        );
        check(
          done.you?.seat === 'confirmed' &&
            done.you.holdExpiresAt === undefined &&
            sameMoney(done.you.price, first.price),
          'you: confirmed, paying the tier price',
        );
        check(
          done.members.every((m) => m.seat === 'confirmed'),
          'every member confirmed',
        );
        await rejects(
          mine.leaveTeam!(team.id, { idempotencyKey: key() }),
          code(409, 'team_succeeded'),
          'leaving a succeeded team → 409 team_succeeded',
        );
      }),
    );

    it(
      'leaving before success: not a member → 409; the leader passes on; the last one out expires the team',
      withHarness(async (h) => {
        if (!ready(h, true) || !h.customer!.groupBuy!.leaveTeam || !h.otherCustomer!.groupBuy!.leaveTeam) return;
        const { campaignId, groupBuyProductId: productId } = h.fixtures as Required<ContractHarness['fixtures']>;
        const mine = h.customer!.groupBuy!;
        const other = h.otherCustomer!.groupBuy!;

        const team = await mine.startTeam!(campaignId, { displayName: 'Lead' }, { idempotencyKey: key() });
        await rejects(
          other.leaveTeam!(team.id, { idempotencyKey: key() }),
          code(409, 'not_a_member'),
          'leaving a team without a seat → 409 not_a_member',
        );
        await other.joinTeam!(team.id, { displayName: 'Next Leader' }, { idempotencyKey: key() });

        const left = await mine.leaveTeam!(team.id, { idempotencyKey: key() });
        check(
          left.state === 'forming' && left.seatCount === 1 && left.you === undefined,
          'the leader left: forming, one seat, no `you`',
        );
        check(
          left.leaderName === 'Next Leader' && left.members[0]?.leader === true,
          'the earliest remaining member leads',
        );
        check((await other.getTeam(team.id)).you?.leader === true, 'the new leader sees `you.leader`');
        await rejects(
          mine.leaveTeam!(team.id, { idempotencyKey: key() }),
          code(409, 'not_a_member'),
          'leaving twice → 409 not_a_member',
        );

        const gone = await other.leaveTeam!(team.id, { idempotencyKey: key() });
        check(
          gone.state === 'expired' && gone.seatCount === 0 && gone.members.length === 0 && isIso(gone.endedAt),
          'the last one out: expired, no seats, endedAt',
        );
        const offer = (await other.getOffer(productId))!;
        check(
          offer.yourTeam === null && !offer.teams.some((t) => t.id === team.id),
          'an expired team is neither yourTeam nor listed',
        );
        await rejects(
          mine.joinTeam!(team.id, {}, { idempotencyKey: key() }),
          code(409, 'team_closed'),
          'joining an expired team → 409 team_closed',
        );
        const again = await other.startTeam!(campaignId, {}, { idempotencyKey: key() });
        check(
          again.state === 'forming' && again.you?.leader === true,
          'out of every open team, the customer can start another',
        );
      }),
    );

    it(
      'validates displayName: 1 to 40 characters',
      withHarness(async (h) => {
        if (!ready(h, true)) return;
        await rejects(
          h.customer!.groupBuy!.startTeam!(
            h.fixtures.campaignId!,
            { displayName: 'x'.repeat(41) },
            { idempotencyKey: key() },
          ),
          code(400, 'invalid_request'),
          'a 41-character displayName → 400 invalid_request',
        );
      }),
    );
  });
}
