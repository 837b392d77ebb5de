// Reviews, photos and Q&A in the memory adapter: views over one set of data, photo URLs, the demo
// data and manyReviews. Moderation, limits and cursors are the server's rules, tested there.
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
const input = (over = {}) => ({
  productId: 'p9',
  rating: 5,
  body: 'Holds its shape after months of use.',
  displayName: 'Ana',
  consent: true,
  ...over,
});

/** A seed with the demo data, `ana` having bought `p1` and `p9`. */
const seed = () => ({ ...demoSeed(NOW), orders: [{ customerId: 'ana', productIds: ['p1', 'p9'] }] });
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
    assert.equal((await shop.reviews.getSummary('p9')).count, 2);
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

  it('falls back to a data: URL without URL.createObjectURL', async () => {
    const { createObjectURL } = URL;
    URL.createObjectURL = undefined;
    try {
      const up = await createMemoryAdapter({ customer: ANA }).reviews.uploadMedia(png());
      assert.equal(up.url, `data:image/jpeg;base64,${PNG.toString('base64')}`);
    } finally {
      URL.createObjectURL = createObjectURL;
    }
  });
});

describe('memory adapter: demo data', () => {
  it('p1: 24 published reviews with photos, a reply, an incentivized one and topics; Q&A of every kind', async () => {
    const adapter = createMemoryAdapter({ customer: ANA });
    const reviews = await listAll(adapter, { productId: 'p1' });
    assert.equal(reviews.length, 24);
    assert.equal(reviews.filter((r) => r.media.length).length, 5);
    for (const m of reviews.flatMap((r) => r.media)) {
      assert.match(m.url, /^data:image\/svg\+xml,/);
      assert.ok(m.width > 0 && m.height > 0);
      assert.match(decodeURIComponent(m.url), new RegExp(`<svg [^>]*width="${m.width}" height="${m.height}"`));
    }
    assert.ok(reviews.some((r) => r.reply) && reviews.some((r) => r.incentivized));
    assert.ok(reviews.some((r) => r.body.length > 600) && reviews.some((r) => /[\u4e00-\u9fff]/.test(r.body)));
    const summary = await adapter.reviews.getSummary('p1');
    assert.deepEqual(summary.topics.map((t) => t.label).sort(), [
      'colour',
      'delivery',
      'pockets',
      'price',
      'quality',
      'size',
      'strap',
      'zip',
    ]);
    assert.equal(summary.withMediaCount, 5);

    const { items, total } = await adapter.reviews.listQuestions({ productId: 'p1' });
    assert.equal(total, 4);
    const roles = items.flatMap((q) => q.answers.map((a) => a.author.role));
    assert.ok(['merchant', 'expert', 'customer'].every((r) => roles.includes(r)));
    assert.ok(
      items.some((q) => q.answers.length === 0),
      'an unanswered question',
    );
    assert.equal((await adapter.reviews.getSummary('p2')).count, 0);
  });

  it("the default seed's orders are the signed-in customer's", async () => {
    const ana = createMemoryAdapter({ customer: ANA });
    assert.equal((await ana.reviews.submitReview(input({ productId: 'p1' }))).author.verifiedBuyer, true);
    assert.equal(
      (await ana.as(BO).reviews.submitReview(input({ productId: 'p1', body: 'Bo did not buy it.' }))).author
        .verifiedBuyer,
      false,
    );
    assert.equal((await ana.reviews.submitReview(input({ productId: 'p2' }))).author.verifiedBuyer, false);
  });
});

describe('manyReviews', () => {
  it('is deterministic, and a smaller set is a prefix of a larger one', () => {
    const a = manyReviews('p1', 300, NOW);
    assert.deepEqual(manyReviews('p1', 300, NOW), a);
    assert.deepEqual(manyReviews('p1', 1000, NOW).slice(0, 300), a);
    assert.notDeepEqual(
      manyReviews('p2', 300, NOW).map((r) => r.body),
      a.map((r) => r.body),
    );
  });

  it('is varied and realistic: skewed positive, photos, Chinese, long texts, incentives, replies', () => {
    const list = manyReviews('p1', 2000, NOW);
    const share = (f) => list.filter(f).length / list.length;
    const count = (n) => share((r) => r.rating === n);
    assert.ok(count(5) > count(4) && count(4) > count(3) && count(1) > 0.03 && count(2) > 0.02, 'J-shaped ratings');
    assert.ok(list.reduce((s, r) => s + r.rating, 0) / list.length > 3.9);
    assert.ok(share((r) => r.media.length > 0) > 0.1 && share((r) => r.media.length > 0) < 0.3);
    assert.ok(share((r) => /[\u4e00-\u9fff]/.test(r.body)) > 0.08);
    assert.ok(share((r) => r.body.length > 600) > 0.04);
    assert.ok(share((r) => r.body.length < 60) > 0.1);
    assert.ok(share((r) => r.incentivized) > 0.03 && share((r) => r.reply) > 0.05);
    assert.ok(new Set(list.map((r) => r.body)).size > 1000, 'texts vary');
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

  it('10,000 reviews page and summarise through the adapter', async () => {
    const adapter = createMemoryAdapter({ now: () => NOW });
    adapter.control.addReviews(manyReviews('p1', 10_000, NOW));
    const summary = await adapter.reviews.getSummary('p1');
    assert.equal(summary.count, 10_024);
    const helpful = await adapter.reviews.listReviews({ productId: 'p1', sort: 'helpful', limit: 50 });
    const next = await adapter.reviews.listReviews({
      productId: 'p1',
      sort: 'helpful',
      limit: 50,
      cursor: helpful.nextCursor,
    });
    assert.ok(helpful.items.at(-1).helpfulCount >= next.items[0].helpfulCount);
    const { total } = await adapter.reviews.listReviews({ productId: 'p1', withMedia: true, limit: 1 });
    assert.equal(total, summary.withMediaCount);
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
