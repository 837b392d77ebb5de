// The hourly submission limit (reviews, questions and answers together) under concurrent requests:
// exactly the limit is accepted per customer and per IP however many arrive at once.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { count as countRows, createTestServer, ENGINE, isError, shopFixture } from './helpers.mjs';

let t;
before(async () => {
  t = await createTestServer();
});
after(async () => t.close());

const LIMIT = 5;
const N = 20;
const review = (i) => ({
  rating: 4,
  body: `Honest review number ${i} of this bag.`,
  displayName: `R${i}`,
  consent: true,
});
const question = (i) => ({ body: `Question number ${i} about the bag?`, displayName: `Q${i}` });
const answer = (i) => ({ body: `Answer number ${i}: yes, it does.`, displayName: `A${i}` });

/** Sends N requests at once; resolves to the statuses and checks every refusal's shape. */
async function burst(send) {
  const res = await Promise.all(Array.from({ length: N }, (_, i) => send(i)));
  for (const r of res.filter((r) => r.status !== 201)) {
    isError(r, 429, 'review_rate_limited');
    assert.ok(Number(r.headers.get('retry-after')) > 0, 'Retry-After');
  }
  return res.filter((r) => r.status === 201).length;
}

describe(`the submission limit under concurrency (${ENGINE})`, () => {
  const kinds = [
    {
      name: 'reviews',
      table: 'reviews',
      send: (f, who, i, ip) => f.as(who).post(`/v1/products/p${i}/reviews`, review(i), { ip }),
    },
    {
      name: 'questions',
      table: 'questions',
      send: (f, who, i, ip) => f.as(who).post('/v1/products/p1/questions', question(i), { ip }),
    },
    {
      name: 'answers',
      table: 'answers',
      // The question is someone else's, from another network, so only the answers count here.
      setup: async (f) =>
        (await f.as('asker').post('/v1/products/p1/questions', question(0), { ip: '198.51.100.200' })).json.id,
      send: (f, who, i, ip, questionId) => f.as(who).post(`/v1/questions/${questionId}/answers`, answer(i), { ip }),
    },
  ];
  for (const kind of kinds) {
    it(`${N} ${kind.name} at once from one IP (${N} customers): exactly ${LIMIT} accepted, the rest 429`, async () => {
      const f = await shopFixture(t, { submissionsPerHour: LIMIT });
      const ctx = await kind.setup?.(f);
      assert.equal(await burst((i) => kind.send(f, `c${i}`, i, '203.0.113.7', ctx)), LIMIT);
      assert.equal(
        await countRows(
          t.db,
          `SELECT count(*) AS n FROM ${kind.table} WHERE shop_id = $1 AND client_ip = '203.0.113.7'`,
          [f.shop.id],
        ),
        LIMIT,
      );
    });

    it(`${N} ${kind.name} at once from one customer over ${N} IPs: exactly ${LIMIT} accepted, the rest 429`, async () => {
      const f = await shopFixture(t, { submissionsPerHour: LIMIT });
      const ctx = await kind.setup?.(f);
      assert.equal(await burst((i) => kind.send(f, 'c1', i, `203.0.113.${10 + i}`, ctx)), LIMIT);
      assert.equal(
        await countRows(t.db, `SELECT count(*) AS n FROM ${kind.table} WHERE shop_id = $1 AND customer_id = 'c1'`, [
          f.shop.id,
        ]),
        LIMIT,
      );
    });
  }

  it('customers and IPs crossing each other at once never deadlock, and each budget holds', async () => {
    // c0..c3 each write from ip0..ip3: every request takes a customer's and an IP's lock.
    const f = await shopFixture(t, { submissionsPerHour: 3 });
    const res = await Promise.all(
      Array.from({ length: 16 }, (_, i) =>
        f.as(`c${i % 4}`).post('/v1/products/p1/questions', question(i), { ip: `192.0.2.${Math.floor(i / 4)}` }),
      ),
    );
    for (const r of res) assert.ok(r.status === 201 || r.status === 429, r.text);
    const { rows } = await t.db.query(
      `SELECT max(n)::int AS n FROM (SELECT count(*) AS n FROM questions WHERE shop_id = $1 GROUP BY customer_id
         UNION ALL SELECT count(*) FROM questions WHERE shop_id = $1 GROUP BY client_ip) m`,
      [f.shop.id],
    );
    assert.ok(rows[0].n <= 3, `no customer or IP over the limit (max ${rows[0].n})`);
  });
});
