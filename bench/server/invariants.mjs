// What must hold after the write load, checked against the database the server wrote (SQL through
// its own handle) and the answers the clients got. `q(sql, params)` returns rows. `ctx`:
// { shopId, campaignId, joinPrefix, redeemPrefix, earnPrefix, limitedReward: { id, stock },
//   shareCap, apiBalances: Map(customer → balance from the admin API), replays: [{ key, first, replay }] }.
// CORRUPTIONS break each property on purpose, for the checker's self-test.

const LIVE = "s.status IN ('held', 'confirmed')";
const n = (rows, k = 'n') => Number(rows[0]?.[k] ?? 0);
const list = (rows, f, max = 3) =>
  rows.slice(0, max).map(f).join('; ') + (rows.length > max ? ` (+${rows.length - max} more)` : '');

export const INVARIANTS = [
  {
    id: 'team-size',
    name: "No over-filled team: live seats ≤ the team's size",
    async check(q, ctx) {
      const rows = await q(
        `SELECT t.id, t.max_members, count(*)::int AS seats FROM group_buy_teams t
        JOIN group_buy_seats s ON s.shop_id = t.shop_id AND s.team_id = t.id AND ${LIVE}
        WHERE t.shop_id = $1 GROUP BY t.id, t.max_members HAVING count(*) > t.max_members`,
        [ctx.shopId],
      );
      const teams = n(await q('SELECT count(*) AS n FROM group_buy_teams WHERE shop_id = $1', [ctx.shopId]));
      return rows.length
        ? { pass: false, detail: `over-filled: ${list(rows, (r) => `${r.id} ${r.seats}/${r.max_members}`)}` }
        : { pass: true, detail: `${teams} teams` };
    },
  },
  {
    id: 'one-team',
    name: 'No customer holds seats in two teams of one campaign',
    async check(q, ctx) {
      const rows = await q(
        `SELECT s.campaign_id, s.customer_id, count(*)::int AS seats FROM group_buy_seats s
        WHERE s.shop_id = $1 AND ${LIVE} GROUP BY s.campaign_id, s.customer_id HAVING count(*) > 1`,
        [ctx.shopId],
      );
      return rows.length
        ? { pass: false, detail: list(rows, (r) => `${r.customer_id} in ${r.seats} teams of ${r.campaign_id}`) }
        : { pass: true, detail: '' };
    },
  },
  {
    id: 'campaign-stock',
    name: 'No campaign sells more team-price units than its stock',
    async check(q, ctx) {
      const rows = await q(
        `SELECT c.id, c.stock, count(s.*)::int AS used FROM group_buy_campaigns c
        JOIN group_buy_seats s ON s.shop_id = c.shop_id AND s.campaign_id = c.id AND ${LIVE}
        JOIN group_buy_teams t ON t.shop_id = s.shop_id AND t.id = s.team_id AND t.state <> 'expired'
        WHERE c.shop_id = $1 AND c.stock IS NOT NULL GROUP BY c.id, c.stock`,
        [ctx.shopId],
      );
      const over = rows.filter((r) => r.used > r.stock);
      const bench = rows.find((r) => r.id === ctx.campaignId);
      return over.length
        ? { pass: false, detail: `oversold: ${list(over, (r) => `${r.id} ${r.used}/${r.stock}`)}` }
        : { pass: true, detail: bench ? `${ctx.campaignId}: ${bench.used}/${bench.stock} units` : '' };
    },
  },
  {
    id: 'joins-once',
    name: 'Every join answered 200 took exactly one seat (replays took none)',
    async check(q, ctx) {
      const answered = n(
        await q('SELECT count(*) AS n FROM idempotency_keys WHERE shop_id = $1 AND key LIKE $2 AND status = 200', [
          ctx.shopId,
          `${ctx.joinPrefix}-%`,
        ]),
      );
      const seats = n(
        await q('SELECT count(*) AS n FROM group_buy_seats WHERE shop_id = $1 AND campaign_id = $2 AND NOT leader', [
          ctx.shopId,
          ctx.campaignId,
        ]),
      );
      return { pass: answered === seats, detail: `${answered} joins answered 200, ${seats} seats taken by joining` };
    },
  },
  {
    id: 'no-negative',
    name: 'No negative balance: the running balance never dips below 0',
    async check(q, ctx) {
      const rows = await q(
        `SELECT customer_id, min(running)::int AS low FROM (
          SELECT customer_id, sum(points) OVER (PARTITION BY customer_id ORDER BY effective_at, id) AS running
          FROM points_entries WHERE shop_id = $1 AND effective_at <= now()) r
        GROUP BY customer_id HAVING min(running) < 0`,
        [ctx.shopId],
      );
      const customers = n(
        await q('SELECT count(DISTINCT customer_id) AS n FROM points_entries WHERE shop_id = $1', [ctx.shopId]),
      );
      return rows.length
        ? { pass: false, detail: list(rows, (r) => `${r.customer_id} down to ${r.low}`) }
        : { pass: true, detail: `${customers} customers` };
    },
  },
  {
    id: 'balance-ledger',
    name: 'Every balance the API shows equals its ledger sum',
    async check(q, ctx) {
      const rows = await q(
        `SELECT customer_id, COALESCE(sum(points) FILTER (WHERE effective_at <= now()), 0)::int AS balance
        FROM points_entries WHERE shop_id = $1 AND customer_id = ANY($2) GROUP BY customer_id`,
        [ctx.shopId, [...ctx.apiBalances.keys()]],
      );
      const ledger = new Map(rows.map((r) => [r.customer_id, r.balance]));
      const off = [...ctx.apiBalances].filter(([c, b]) => (ledger.get(c) ?? 0) !== b);
      return off.length
        ? { pass: false, detail: list(off, ([c, b]) => `${c}: API ${b}, ledger ${ledger.get(c) ?? 0}`) }
        : { pass: true, detail: `${ctx.apiBalances.size} customers` };
    },
  },
  {
    id: 'earn-once',
    name: 'No earn credited twice: one entry per source, shares within the daily cap, one per credited answer',
    async check(q, ctx) {
      const dup = await q(
        `SELECT customer_id, action, source_id, count(*)::int AS n FROM points_entries
        WHERE shop_id = $1 AND kind = 'earn' GROUP BY customer_id, action, source_type, source_id HAVING count(*) > 1`,
        [ctx.shopId],
      );
      const capped = await q(
        `SELECT customer_id, (created_at AT TIME ZONE 'UTC')::date AS day, count(*)::int AS n FROM points_entries
        WHERE shop_id = $1 AND kind = 'earn' AND action = 'share' GROUP BY customer_id, day HAVING count(*) > $2`,
        [ctx.shopId, ctx.shareCap],
      );
      const credited = n(
        await q(
          `SELECT count(*) AS n FROM idempotency_keys WHERE shop_id = $1 AND key LIKE $2 AND status = 200 AND body::jsonb -> 'entry' <> 'null'::jsonb`,
          [ctx.shopId, `${ctx.earnPrefix}-%`],
        ),
      );
      const entries = n(
        await q("SELECT count(*) AS n FROM points_entries WHERE shop_id = $1 AND kind = 'earn' AND action = 'share'", [
          ctx.shopId,
        ]),
      );
      const problems = [
        ...dup.map((r) => `${r.customer_id} ${r.action} ${r.source_id} ×${r.n}`),
        ...capped.map((r) => `${r.customer_id}: ${r.n} shares in a day (cap ${ctx.shareCap})`),
        ...(credited !== entries ? [`${credited} credited answers, ${entries} share entries`] : []),
      ];
      return problems.length
        ? { pass: false, detail: list(problems, (x) => x) }
        : { pass: true, detail: `${entries} share earns, one per credited answer` };
    },
  },
  {
    id: 'redeem-once',
    name: 'Every redemption debited once, stock never oversold, one per 201 answer',
    async check(q, ctx) {
      const unmatched = await q(
        `SELECT r.id, count(e.id)::int AS debits FROM points_redemptions r
        LEFT JOIN points_entries e ON e.shop_id = r.shop_id AND e.kind = 'redeem' AND e.source_id = r.id AND e.points = -r.points
        WHERE r.shop_id = $1 GROUP BY r.id HAVING count(e.id) <> 1`,
        [ctx.shopId],
      );
      const orphans = await q(
        `SELECT e.source_id FROM points_entries e LEFT JOIN points_redemptions r ON r.shop_id = e.shop_id AND r.id = e.source_id
        WHERE e.shop_id = $1 AND e.kind = 'redeem' AND r.id IS NULL`,
        [ctx.shopId],
      );
      const stock = (
        await q('SELECT stock FROM points_rewards WHERE shop_id = $1 AND id = $2', [ctx.shopId, ctx.limitedReward.id])
      )[0]?.stock;
      const taken = n(
        await q('SELECT count(*) AS n FROM points_redemptions WHERE shop_id = $1 AND reward_id = $2', [
          ctx.shopId,
          ctx.limitedReward.id,
        ]),
      );
      const answered = n(
        await q('SELECT count(*) AS n FROM idempotency_keys WHERE shop_id = $1 AND key LIKE $2 AND status = 201', [
          ctx.shopId,
          `${ctx.redeemPrefix}-%`,
        ]),
      );
      const rows = n(
        await q("SELECT count(*) AS n FROM points_redemptions WHERE shop_id = $1 AND customer_id LIKE 'bench-r-%'", [
          ctx.shopId,
        ]),
      );
      const problems = [
        ...unmatched.map((r) => `${r.id} has ${r.debits} debits`),
        ...orphans.map((r) => `a redeem entry for no redemption (${r.source_id})`),
        ...(stock < 0 || ctx.limitedReward.stock - stock !== taken
          ? [`${ctx.limitedReward.id}: stock ${ctx.limitedReward.stock} → ${stock} but ${taken} redeemed`]
          : []),
        ...(answered !== rows ? [`${answered} redemptions answered 201, ${rows} recorded`] : []),
      ];
      return problems.length
        ? { pass: false, detail: list(problems, (x) => x) }
        : {
            pass: true,
            detail: `${rows} redemptions; ${ctx.limitedReward.id} stock ${ctx.limitedReward.stock} → ${stock}`,
          };
    },
  },
  {
    id: 'replays',
    name: "Every replayed Idempotency-Key got the first answer's status and exact body",
    async check(_q, ctx) {
      const off = ctx.replays.filter((r) => r.first.status !== r.replay.status || r.first.body !== r.replay.body);
      return off.length
        ? {
            pass: false,
            detail: `${off.length} of ${ctx.replays.length} differ, e.g. ${list(off, (r) => `${r.key}: ${r.first.status} → ${r.replay.status}`, 2)}`,
          }
        : { pass: true, detail: `${ctx.replays.length} replays` };
    },
  },
  {
    id: 'keys-settled',
    name: 'No Idempotency-Key left in progress: every stored key has its answer',
    async check(q, ctx) {
      const rows = await q('SELECT key FROM idempotency_keys WHERE shop_id = $1 AND status IS NULL', [ctx.shopId]);
      const keys = n(await q('SELECT count(*) AS n FROM idempotency_keys WHERE shop_id = $1', [ctx.shopId]));
      return rows.length
        ? { pass: false, detail: `${rows.length} unanswered, e.g. ${list(rows, (r) => r.key, 2)}` }
        : { pass: true, detail: `${keys} keys, all answered` };
    },
  },
];

export async function checkInvariants(q, ctx) {
  const out = [];
  for (const inv of INVARIANTS) {
    try {
      out.push({ id: inv.id, name: inv.name, ...(await inv.check(q, ctx)) });
    } catch (e) {
      out.push({ id: inv.id, name: inv.name, pass: false, detail: `check failed: ${e.message}` });
    }
  }
  return out;
}

/**
 * One deliberate break per invariant: SQL run inside a transaction that is rolled back (or a
 * changed copy of the clients' record). Each returns the ctx to check with.
 */
export const CORRUPTIONS = {
  // A seat squeezed into the fullest team past its size.
  'team-size': async (q, ctx) => {
    const [t] = await q(
      `SELECT t.id, t.campaign_id, t.max_members, count(s.*)::int AS seats FROM group_buy_teams t
      LEFT JOIN group_buy_seats s ON s.shop_id = t.shop_id AND s.team_id = t.id AND ${LIVE}
      WHERE t.shop_id = $1 GROUP BY t.shop_id, t.id ORDER BY count(s.*) DESC LIMIT 1`,
      [ctx.shopId],
    );
    for (let i = t.seats; i <= t.max_members; i++) {
      await q(
        "INSERT INTO group_buy_seats (shop_id, team_id, campaign_id, customer_id, status) VALUES ($1, $2, $3, $4, 'held')",
        [ctx.shopId, t.id, t.campaign_id, `corrupt-${i}`],
      );
    }
    return ctx;
  },
  // A leader also seated in another team.
  'one-team': async (q, ctx) => {
    const [a, b] = await q(
      'SELECT id, campaign_id FROM group_buy_teams WHERE shop_id = $1 AND campaign_id = $2 ORDER BY id LIMIT 2',
      [ctx.shopId, ctx.campaignId],
    );
    const [leader] = await q('SELECT customer_id FROM group_buy_seats WHERE shop_id = $1 AND team_id = $2 AND leader', [
      ctx.shopId,
      a.id,
    ]);
    await q(
      "INSERT INTO group_buy_seats (shop_id, team_id, campaign_id, customer_id, status) VALUES ($1, $2, $3, $4, 'held')",
      [ctx.shopId, b.id, b.campaign_id, leader.customer_id],
    );
    return ctx;
  },
  // The stock lowered below what is sold (as if a unit were sold twice).
  'campaign-stock': async (q, ctx) => {
    await q(
      `UPDATE group_buy_campaigns c SET stock = GREATEST(0, (SELECT count(*) FROM group_buy_seats s JOIN group_buy_teams t ON t.shop_id = s.shop_id AND t.id = s.team_id
      WHERE s.shop_id = c.shop_id AND s.campaign_id = c.id AND ${LIVE} AND t.state <> 'expired') - 1) WHERE shop_id = $1 AND id = $2`,
      [ctx.shopId, ctx.campaignId],
    );
    return ctx;
  },
  // A second (given-back) seat from one join: a replay that acted twice.
  'joins-once': async (q, ctx) => {
    const [s] = await q(
      'SELECT team_id, campaign_id, customer_id FROM group_buy_seats WHERE shop_id = $1 AND campaign_id = $2 AND NOT leader LIMIT 1',
      [ctx.shopId, ctx.campaignId],
    );
    await q(
      "INSERT INTO group_buy_seats (shop_id, team_id, campaign_id, customer_id, status) VALUES ($1, $2, $3, $4, 'left')",
      [ctx.shopId, s.team_id, s.campaign_id, s.customer_id],
    );
    return ctx;
  },
  // A debit larger than the balance.
  'no-negative': async (q, ctx) => {
    const [c] = await q(
      `SELECT customer_id, sum(points)::int AS balance FROM points_entries WHERE shop_id = $1 AND customer_id LIKE 'bench-r-%'
      GROUP BY customer_id ORDER BY customer_id LIMIT 1`,
      [ctx.shopId],
    );
    await q(
      "INSERT INTO points_entries (shop_id, customer_id, kind, points, source_type, source_id, created_at) VALUES ($1, $2, 'adjust', $3, 'adjustment', 'corrupt', now())",
      [ctx.shopId, c.customer_id, -(c.balance + 1)],
    );
    return ctx;
  },
  // Points in the ledger the API never showed.
  'balance-ledger': async (q, ctx) => {
    const [customer] = ctx.apiBalances.keys();
    await q(
      "INSERT INTO points_entries (shop_id, customer_id, kind, points, source_type, source_id, created_at) VALUES ($1, $2, 'adjust', 7, 'adjustment', 'corrupt', now())",
      [ctx.shopId, customer],
    );
    return ctx;
  },
  // The same share credited twice (the unique index that forbids it dropped first).
  'earn-once': async (q, ctx) => {
    await q('DROP INDEX points_earn_once');
    await q(
      `INSERT INTO points_entries (shop_id, customer_id, kind, action, points, source_type, source_id, created_at)
      SELECT shop_id, customer_id, kind, action, points, source_type, source_id, created_at FROM points_entries
      WHERE shop_id = $1 AND kind = 'earn' AND action = 'share' ORDER BY id LIMIT 1`,
      [ctx.shopId],
    );
    return ctx;
  },
  // A redemption debited twice.
  'redeem-once': async (q, ctx) => {
    await q(
      `INSERT INTO points_entries (shop_id, customer_id, kind, points, source_type, source_id, created_at)
      SELECT shop_id, customer_id, 'redeem', -points, 'redemption', id, now() FROM points_redemptions WHERE shop_id = $1 ORDER BY id LIMIT 1`,
      [ctx.shopId],
    );
    return ctx;
  },
  // A key whose answer was never stored, as a crash between a write and its key's record left it.
  'keys-settled': async (q, ctx) => {
    await q(
      "INSERT INTO idempotency_keys (shop_id, caller, key, request_hash) VALUES ($1, 'secret', 'corrupt-in-progress', 'x')",
      [ctx.shopId],
    );
    return ctx;
  },
  // One replayed body with a byte changed.
  replays: async (_q, ctx) => {
    const [r = { key: 'made-up', first: { status: 200, body: '{}' }, replay: { status: 200, body: '{}' } }, ...rest] =
      ctx.replays;
    return { ...ctx, replays: [{ ...r, replay: { ...r.replay, body: `${r.replay.body.slice(0, -1)} ` } }, ...rest] };
  },
};

/**
 * The checker's self-test: for each invariant, break it (in `rolledBack`, a transaction that is
 * always rolled back) and check again; the broken invariant must FAIL.
 */
export async function selfTest(rolledBack, ctx) {
  const out = [];
  for (const inv of INVARIANTS) {
    try {
      const result = await rolledBack(async (q) => {
        const broken = await CORRUPTIONS[inv.id](q, ctx);
        return inv.check(q, broken);
      });
      out.push({ id: inv.id, failedAsExpected: !result.pass, detail: result.detail });
    } catch (e) {
      out.push({ id: inv.id, failedAsExpected: false, detail: `could not break it: ${e.message}` });
    }
  }
  return out;
}
