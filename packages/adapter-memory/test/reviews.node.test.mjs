// Reviews, photos and Q&A in the memory adapter: views over one set of data, photo URLs, the demo
// data as served and manyReviews. Summaries, sorting, filters, moderation, limits and cursors are
// the server's rules, tested there; here reads are lookups of what the fixture writes out.
import assert from 'node:assert/strict';
import { resolveObjectURL } from 'node:buffer';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';
import { build } from 'esbuild';
import { isHttpError } from '@kith/core';
import { createMemoryAdapter, demoReviewsOutcomes, demoSeed, manyReviews } from '@kith/adapter-memory';

const NOW = Date.parse('2026-11-01T12:00:00.000Z');
const ANA = { id: 'ana', displayName: 'Ana' };
const BO = { id: 'bo', displayName: 'Bo' };
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAMAAAACCAIAAAASFvFNAAAAHUlEQVR42mM4UcFwoofhxAIGhhMVNid6bE4ssAEAVlQIrS0hr5IAAAAASUVORK5CYII=',
  'base64',
);
const png = () => new Blob([PNG], { type: 'image/jpeg' });
const code = (status, c) => (e) => isHttpError(e) && e.status === status && e.code === c;
/** @type {(over?: Partial<import('@kith/core').ReviewInput>) => import('@kith/core').ReviewInput} */
const input = (over = {}) => ({
  productId: 'p9',
  rating: 5,
  body: 'Holds its shape after months of use.',
  displayName: 'Ana',
  consent: true,
  ...over,
});

const seed = () => demoSeed(NOW);
const outcomes = demoReviewsOutcomes;

async function listAll(adapter, q) {
  const items = [];
  let cursor = null;
  do {
    const page = await adapter.reviews.listReviews({ ...q, cursor, limit: 50 });
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return items;
}

describe('memory adapter: views over one backend', () => {
  it('as(customer) shares the data; the signed-out view cannot write', async () => {
    const shop = createMemoryAdapter({ now: () => NOW, seed: seed(), outcomes });
    assert.equal(shop.customer, null);
    const ana = shop.as(ANA);
    assert.deepEqual(ana.customer, ANA);
    assert.equal(shop.as(ANA), ana, 'one view per customer');
    assert.equal(ana.as(null), shop, 'and back');
    assert.equal(ana.control, shop.control);

    await assert.rejects(shop.reviews.submitReview(input()), code(401, 'customer_token_required'));
    await assert.rejects(shop.reviews.uploadMedia(png()), code(401, 'customer_token_required'));
    await assert.rejects(
      shop.reviews.askQuestion({ productId: 'p1', body: 'Is it machine washable?', displayName: 'X' }),
      code(401, 'customer_token_required'),
    );
    const review = await ana.reviews.submitReview(input());
    assert.equal(review.status, 'pending', 'the demo outcome: waits for moderation');
    shop.control.approveReview(review.id);
    assert.deepEqual(
      (await shop.reviews.listReviews({ productId: 'p9' })).items.map((r) => r.id),
      [review.id],
    );

    const sub = shop.live.subscribeShow('show-1', () => {});
    assert.equal(ana.activeSubscriptions, 1);
    ana.dispose();
    assert.equal(shop.activeSubscriptions, 0, 'dispose on any view ends every subscription');
    sub();
  });

  it('an Idempotency-Key replays for the same customer only', async () => {
    const shop = createMemoryAdapter({ now: () => NOW, seed: seed(), outcomes });
    const a = await shop.as(ANA).reviews.submitReview(input(), { idempotencyKey: 'k' });
    assert.deepEqual(
      await shop
        .as(ANA)
        .reviews.submitReview(input({ body: 'Something else entirely here.' }), { idempotencyKey: 'k' }),
      a,
    );
    const b = await shop
      .as(BO)
      .reviews.submitReview(input({ body: 'Bo writes his own review here.' }), { idempotencyKey: 'k' });
    assert.notEqual(b.id, a.id);
    for (const r of [a, b]) shop.control.approveReview(r.id);
    assert.deepEqual(
      (await shop.reviews.listReviews({ productId: 'p9' })).items.map((r) => r.id),
      [b.id, a.id],
      'the newest first',
    );
  });
});

describe('memory adapter: photos', () => {
  it('the demo outcome serves an object URL of the bytes, freed on dispose', async () => {
    const ana = createMemoryAdapter({ customer: ANA });
    const up = await ana.reviews.uploadMedia(png());
    assert.deepEqual([up.contentType, up.bytes], ['image/jpeg', PNG.length]);
    assert.match(up.url, /^blob:/);
    const blob = resolveObjectURL(up.url);
    assert.equal(blob.type, 'image/jpeg');
    assert.deepEqual(Buffer.from(await blob.arrayBuffer()), PNG);
    ana.dispose();
    assert.equal(resolveObjectURL(up.url), undefined);
  });
});

describe('memory adapter: demo data', () => {
  it('p1: 16 published reviews with photos, a reply, an incentivized one; Q&A of every kind', async () => {
    const adapter = createMemoryAdapter({ customer: ANA });
    const reviews = await listAll(adapter, { productId: 'p1' });
    assert.equal(reviews.length, 16);
    assert.equal(reviews.filter((r) => r.media.length).length, 4);
    for (const m of reviews.flatMap((r) => r.media)) {
      assert.match(m.url, /^data:image\/svg\+xml,/);
      assert.ok(m.width > 0 && m.height > 0);
      assert.match(decodeURIComponent(m.url), new RegExp(`<svg [^>]*width="${m.width}" height="${m.height}"`));
    }
    assert.ok(reviews.some((r) => r.reply) && reviews.some((r) => r.incentivized));
    assert.ok(reviews.some((r) => r.body.length > 600) && reviews.some((r) => /[\u4e00-\u9fff]/.test(r.body)));

    const { items, total } = await adapter.reviews.listQuestions({ productId: 'p1' });
    assert.equal(total, 4);
    /** @type {string[]} */
    const roles = items.flatMap((q) => q.answers.map((a) => a.author.role));
    assert.ok(['merchant', 'expert', 'customer'].every((r) => roles.includes(r)));
    assert.ok(
      items.some((q) => q.answers.length === 0),
      'an unanswered question',
    );
  });

  it('summaries and listings are served as written; a product without a summary has an empty one', async () => {
    const adapter = createMemoryAdapter({ now: () => NOW });
    const summary = await adapter.reviews.getSummary('p1');
    assert.deepEqual(summary.histogram, [2, 2, 2, 4, 6]);
    assert.equal(summary.withMediaCount, 4);
    assert.deepEqual(await adapter.reviews.getSummaries(['p1', 'p2']), [
      summary,
      {
        productId: 'p2',
        average: 0,
        count: 0,
        histogram: [0, 0, 0, 0, 0],
        recommendPercent: null,
        withMediaCount: 0,
        topics: [],
      },
    ]);
    // The query's fields in any order find the same written listing; its ids are served in their order.
    const fiveStars = await adapter.reviews.listReviews({ sort: 'newest', rating: 5, productId: 'p1' });
    assert.deepEqual(
      fiveStars.items.map((r) => r.id),
      ['r1', 'r3', 'r6', 'r9', 'r11', 'r14'],
    );
    const lowest = await adapter.reviews.listReviews({ productId: 'p1', sort: 'lowest', limit: 3 });
    assert.deepEqual([lowest.items.map((r) => r.id), lowest.nextCursor, lowest.total], [['r5', 'r13', 'r8'], '3', 16]);
    // A query with no written listing: the product's published reviews in fixture order.
    const other = await adapter.reviews.listReviews({ productId: 'p1', sort: 'helpful', verified: true });
    assert.deepEqual(
      other.items.map((r) => r.id),
      Array.from({ length: 16 }, (_, i) => `r${i + 1}`),
    );
  });

  it('a vote answers the count with it and is what later reads show; an answer lands on its question', async () => {
    const ana = createMemoryAdapter({ customer: ANA, now: () => NOW });
    const before = (await ana.reviews.listReviews({ productId: 'p1' })).items[1];
    assert.deepEqual(await ana.reviews.markHelpful(before.id), { helpfulCount: before.helpfulCount + 1 });
    assert.equal((await ana.reviews.listReviews({ productId: 'p1' })).items[1].helpfulCount, before.helpfulCount + 1);
    const answer = await ana.reviews.answerQuestion({ questionId: 'q4', body: 'Hand wash only.', displayName: 'Ana' });
    const [q4] = (await ana.reviews.listQuestions({ productId: 'p1' })).items;
    assert.deepEqual([q4.id, q4.answers], ['q4', [answer]]);
    assert.equal(answer.author.verifiedBuyer, false);
  });
});

describe('manyReviews', () => {
  it('is deterministic, and a smaller set is a prefix of a larger one', () => {
    const a = manyReviews('p1', 300, NOW);
    assert.deepEqual(manyReviews('p1', 300, NOW), a);
    assert.deepEqual(manyReviews('p1', 1000, NOW).slice(0, 300), a);
    assert.notDeepEqual(
      manyReviews('p2', 300, NOW).map((r) => r.id),
      a.map((r) => r.id),
    );
  });

  it('looks varied: photos, Chinese, long and one-line texts, incentives, replies', () => {
    const list = manyReviews('p1', 2000, NOW);
    const share = (f) => list.filter(f).length / list.length;
    assert.equal(
      share((r) => r.media.length > 0),
      0.2,
    );
    assert.ok(share((r) => /[\u4e00-\u9fff]/.test(r.body)) > 0.08);
    assert.ok(share((r) => r.body.length > 600) > 0.04);
    assert.ok(share((r) => r.body.length < 30) > 0.1);
    assert.ok(share((r) => r.incentivized) > 0.05 && share((r) => r.reply) > 0.05);
    assert.ok(new Set(list.map((r) => r.body)).size > 150, 'texts vary');
    assert.equal(new Set(list.map((r) => r.id)).size, list.length);
    assert.ok(
      list.every(
        (r, i) =>
          r.status === 'published' &&
          r.productId === 'p1' &&
          Date.parse(r.createdAt) < NOW &&
          (i === 0 || Date.parse(r.createdAt) < Date.parse(list[i - 1].createdAt)),
      ),
      'newest first, all before now',
    );
    assert.ok(list.every((r) => !r.reply || Date.parse(r.reply.createdAt) <= NOW));
  });

  it('10,000 have the figures the bench and the story write out as their summary', () => {
    const list = manyReviews('p1', 10_000, NOW);
    const histogram = [1, 2, 3, 4, 5].map((n) => list.filter((r) => r.rating === n).length);
    assert.deepEqual(histogram, [1250, 1250, 1250, 2500, 3750]);
    assert.equal(list.filter((r) => r.media.length).length, 2000);
    assert.equal(list.filter((r) => r.recommend).length, 6250);
  });

  it('10,000 page through the adapter in the order given', async () => {
    const adapter = createMemoryAdapter({
      now: () => NOW,
      seed: { shows: [], reviews: manyReviews('p1', 10_000, NOW) },
    });
    const first = await adapter.reviews.listReviews({ productId: 'p1', sort: 'newest', limit: 50 });
    const next = await adapter.reviews.listReviews({ productId: 'p1', limit: 50, cursor: first.nextCursor });
    assert.equal(first.total, 10_000);
    assert.deepEqual(next.items.map((r) => r.id).slice(0, 2), ['p1-r51', 'p1-r52']);
  });
});

describe('@kith/adapter-memory bundles', () => {
  const entry = fileURLToPath(new URL('../dist/index.js', import.meta.url));
  const bundle = async (names) =>
    (
      await build({
        stdin: { contents: `export { ${names} } from ${JSON.stringify(entry)};`, resolveDir: process.cwd() },
        bundle: true,
        write: false,
        format: 'esm',
        platform: 'neutral',
        external: ['@kith/core'],
      })
    ).outputFiles[0].text;

  it('createMemoryAdapter alone leaves manyReviews and its texts out', async () => {
    const alone = await bundle('createMemoryAdapter');
    assert.ok(!alone.includes('manyReviews') && !alone.includes('I received a discount code'));
    assert.ok((await bundle('manyReviews')).includes('I received a discount code'), 'the check can see it');
  });
});
