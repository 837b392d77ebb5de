// @ts-check
// Review summaries are kept on write (0013_review_stats.sql) instead of counted on read. After
// random sequences of writes of every kind (publish, hide, report back to pending, edits of the
// rating, text, title and recommendation, photos, deletes, topic changes), each summary the API
// serves must equal a full recount of the published reviews.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { client, createTestServer, ENGINE, newShop } from './helpers.mjs';

const PRODUCTS = ['p1', 'p2', 'p3'];
const WORDS = [
  'great quality',
  'runs small, size up',
  'the strap broke',
  'love the colour',
  '100% cotton',
  'snake_case',
];
const TOPIC_SETS = [['quality', 'size', 'strap'], ['colour', '100%', 'case'], ['_'], []];

/** A small deterministic PRNG, so a failing sequence can be replayed from its seed. */
function random(seed) {
  let s = seed >>> 0;
  return () => (s = (s * 1_664_525 + 1_013_904_223) >>> 0) / 2 ** 32;
}

/** The summary as a full recount over the published reviews: what the served one must equal. */
async function recount(db, shopId, productId) {
  const { rows } = await db.query(
    `SELECT rating, recommend, media_count, title, body FROM reviews WHERE shop_id = $1 AND product_id = $2 AND status = 'published'`,
    [shopId, productId],
  );
  const settings = await db.query('SELECT topics FROM review_settings WHERE shop_id = $1', [shopId]);
  const topics = settings.rows[0]?.topics ?? [];
  const histogram = [0, 0, 0, 0, 0];
  for (const r of rows) histogram[r.rating - 1]++;
  const answered = rows.filter((r) => r.recommend !== null);
  const sum = rows.reduce((s, r) => s + r.rating, 0);
  const has = (text, label) => !!text && text.toLowerCase().includes(label.toLowerCase());
  return {
    productId,
    count: rows.length,
    histogram,
    average: rows.length ? Math.round((sum / rows.length) * 10) / 10 : 0,
    recommendPercent: answered.length
      ? Math.round((answered.filter((r) => r.recommend).length / answered.length) * 100)
      : null,
    withMediaCount: rows.filter((r) => r.media_count > 0).length,
    topics: topics
      .map((label) => ({ label, count: rows.filter((r) => has(r.body, label) || has(r.title, label)).length }))
      .filter((t) => t.count > 0)
      .sort((a, b) => b.count - a.count || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0)),
  };
}

describe(`review summaries kept on write equal a full recount (${ENGINE})`, () => {
  /** @type {Awaited<ReturnType<typeof createTestServer>>} */
  let s;
  before(async () => (s = await createTestServer()));
  after(() => s.close());

  for (const seed of [1, 2, 3]) {
    it(`after 120 random writes (seed ${seed})`, async () => {
      const rnd = random(seed);
      const pick = (list) => list[Math.floor(rnd() * list.length)];
      const shop = await newShop(s.db);
      const pub = client(s.app, shop.publishableKey);
      const q = (sql, params = []) => s.db.query(sql, [shop.id, ...params]);
      let made = 0;
      const ids = () => q('SELECT id FROM reviews WHERE shop_id = $1 ORDER BY id').then((r) => r.rows.map((x) => x.id));
      const ops = {
        insert: () =>
          q(
            `INSERT INTO reviews (shop_id, id, product_id, customer_id, display_name, rating, title, body, body_hash, recommend, verified, status, media_count)
             VALUES ($1, $2, $3, $2, 'A', $4, $5, $6, $2, $7, true, $8, $9)`,
            [
              `r${++made}`,
              pick(PRODUCTS),
              1 + Math.floor(rnd() * 5),
              rnd() < 0.5 ? pick(WORDS) : null,
              pick(WORDS),
              pick([true, false, null]),
              pick(['published', 'published', 'pending', 'rejected']),
              pick([0, 0, 2]),
            ],
          ),
        status: (id) =>
          q('UPDATE reviews SET status = $3 WHERE shop_id = $1 AND id = $2', [
            id,
            pick(['published', 'pending', 'rejected']),
          ]),
        rating: (id) =>
          q('UPDATE reviews SET rating = $3 WHERE shop_id = $1 AND id = $2', [id, 1 + Math.floor(rnd() * 5)]),
        text: (id) =>
          q('UPDATE reviews SET body = $3, title = $4 WHERE shop_id = $1 AND id = $2', [
            id,
            pick(WORDS),
            pick([null, ...WORDS]),
          ]),
        recommend: (id) =>
          q('UPDATE reviews SET recommend = $3 WHERE shop_id = $1 AND id = $2', [id, pick([true, false, null])]),
        media: (id) => q('UPDATE reviews SET media_count = $3 WHERE shop_id = $1 AND id = $2', [id, pick([0, 1, 3])]),
        helpful: (id) => q('UPDATE reviews SET helpful_count = helpful_count + 1 WHERE shop_id = $1 AND id = $2', [id]),
        remove: (id) => q('DELETE FROM reviews WHERE shop_id = $1 AND id = $2', [id]),
        topics: () =>
          q(
            `INSERT INTO review_settings (shop_id, topics) VALUES ($1, $2) ON CONFLICT (shop_id) DO UPDATE SET topics = $2`,
            [pick(TOPIC_SETS)],
          ),
      };
      const names = Object.keys(ops);
      for (let i = 0; i < 120; i++) {
        const all = await ids();
        const name = all.length < 3 ? 'insert' : pick(names);
        await ops[name](pick(all));
        if (i % 20 === 19 || i === 119) {
          const served = (await pub.get(`/v1/reviews/summaries?products=${PRODUCTS.join(',')}`)).json.summaries;
          for (const [k, productId] of PRODUCTS.entries())
            assert.deepEqual(
              served[k],
              await recount(s.db, shop.id, productId),
              `${productId} after write ${i} (${name})`,
            );
        }
      }
    });
  }

  it('a deleted shop takes its counts with it', async () => {
    const shop = await newShop(s.db);
    await s.db.query(
      `INSERT INTO reviews (shop_id, id, product_id, customer_id, display_name, rating, body, body_hash, verified, status)
       VALUES ($1, 'r1', 'p1', 'c1', 'A', 5, 'ok', 'h', true, 'published')`,
      [shop.id],
    );
    await s.db.query('DELETE FROM shops WHERE id = $1', [shop.id]);
    const left = await s.db.query('SELECT count(*)::int AS n FROM review_stats WHERE shop_id = $1', [shop.id]);
    assert.equal(left.rows[0].n, 0);
  });
});
