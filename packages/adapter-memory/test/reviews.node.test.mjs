// Reviews, photos and Q&A in the memory adapter: what the shared contract can't see (views over one
// backend, cursor stability, moderation rules, photo URLs, the demo data and manyReviews).
import assert from 'node:assert/strict';
import { resolveObjectURL } from 'node:buffer';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';
import { build } from 'esbuild';
import { isHttpError } from '@kith/core';
import { createMemoryAdapter, demoSeed, manyReviews } from '@kith/adapter-memory';

const NOW = Date.parse('2026-11-01T12:00:00.000Z');
const ANA = { id: 'ana', displayName: 'Ana' };
const BO = { id: 'bo', displayName: 'Bo' };
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAMAAAACCAIAAAASFvFNAAAAHUlEQVR42mM4UcFwoofhxAIGhhMVNid6bE4ssAEAVlQIrS0hr5IAAAAASUVORK5CYII=', 'base64');
const png = () => new Blob([PNG], { type: 'image/jpeg' });
const code = (status, c) => (e) => isHttpError(e) && e.status === status && e.code === c;
const input = (over = {}) => ({ productId: 'p9', rating: 5, body: 'Holds its shape after months of use.', displayName: 'Ana', consent: true, ...over });

/** A seed with the demo data and these review settings, and `ana` having bought `p1` and `p9`. */
const seed = (reviewSettings = {}) => ({ ...demoSeed(NOW), orders: [{ customerId: 'ana', productIds: ['p1', 'p9'] }], reviewSettings: { ...demoSeed(NOW).reviewSettings, ...reviewSettings } });

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

/** A JPEG header (no pixels: the adapter never decodes) with an EXIF orientation, little- or big-endian. */
function jpeg(width, height, orientation, bigEndian = false) {
  const b = [0xff, 0xd8];
  if (orientation) {
    const tiff = bigEndian
      ? [0x4d, 0x4d, 0, 0x2a, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, orientation, 0, 0, 0, 0, 0, 0]
      : [0x49, 0x49, 0x2a, 0, 8, 0, 0, 0, 1, 0, 0x12, 0x01, 3, 0, 1, 0, 0, 0, orientation, 0, 0, 0, 0, 0, 0, 0];
    const payload = [...Buffer.from('Exif\0\0', 'latin1'), ...tiff];
    b.push(0xff, 0xe1, 0, payload.length + 2, ...payload);
  }
  b.push(0xff, 0xc0, 0, 17, 8, height >> 8, height & 0xff, width >> 8, width & 0xff, 3, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1);
  b.push(0xff, 0xda, 0, 8, 1, 1, 0, 0, 0x3f, 0, 0xff, 0xd9);
  return new Blob([new Uint8Array(b)], { type: 'image/jpeg' });
}

describe('memory adapter: views over one backend', () => {
  it('as(customer) shares the data; the signed-out view cannot write', async () => {
    const shop = createMemoryAdapter({ now: () => NOW, seed: seed({ autoPublish: 'all' }) });
    assert.equal(shop.customer, null);
    const ana = shop.as(ANA);
    assert.deepEqual(ana.customer, ANA);
    assert.equal(shop.as(ANA), ana, 'one view per customer');
    assert.equal(ana.as(null), shop, 'and back');
    assert.equal(ana.control, shop.control);

    await assert.rejects(shop.reviews.submitReview(input()), code(401, 'customer_token_required'));
    await assert.rejects(shop.reviews.uploadMedia(png()), code(401, 'customer_token_required'));
    await assert.rejects(shop.reviews.askQuestion({ productId: 'p1', body: 'Is it machine washable?', displayName: 'X' }), code(401, 'customer_token_required'));
    const review = await ana.reviews.submitReview(input());
    assert.deepEqual((await shop.reviews.listReviews({ productId: 'p9' })).items.map((r) => r.id), [review.id]);

    const sub = shop.live.subscribeShow('show-1', () => {});
    assert.equal(ana.activeSubscriptions, 1);
    ana.dispose();
    assert.equal(shop.activeSubscriptions, 0, 'dispose on any view ends every subscription');
    sub();
  });

  it('an Idempotency-Key replays for the same customer only', async () => {
    const shop = createMemoryAdapter({ now: () => NOW, seed: seed({ autoPublish: 'all' }) });
    const a = await shop.as(ANA).reviews.submitReview(input(), { idempotencyKey: 'k' });
    assert.deepEqual(await shop.as(ANA).reviews.submitReview(input({ body: 'Something else entirely here.' }), { idempotencyKey: 'k' }), a);
    const b = await shop.as(BO).reviews.submitReview(input({ body: 'Bo writes his own review here.' }), { idempotencyKey: 'k' });
    assert.notEqual(b.id, a.id);
    assert.equal((await shop.reviews.getSummary('p9')).count, 2);
  });
});

describe('memory adapter: listing', () => {
  it('cursors are opaque keysets: a review arriving between pages neither repeats nor hides one', async () => {
    const adapter = createMemoryAdapter({ now: () => NOW });
    const before = await listAll(adapter, { productId: 'p1' });
    const first = await adapter.reviews.listReviews({ productId: 'p1', limit: 5 });
    assert.ok(Number.isNaN(Number(first.nextCursor)), `not an offset: ${first.nextCursor}`);
    adapter.control.addReviews([{ ...before[0], id: 'newest', createdAt: new Date(NOW).toISOString() }]);
    adapter.control.rejectReview(before[2].id);
    const second = await adapter.reviews.listReviews({ productId: 'p1', cursor: first.nextCursor, limit: 5 });
    assert.deepEqual(second.items.map((r) => r.id), before.slice(5, 10).map((r) => r.id));
    assert.equal(second.total, 24, 'total counts what matches now');
  });

  it('ties break by createdAt desc, then id, on every sort', async () => {
    const base = demoSeed(NOW);
    const at = new Date(NOW - 1000).toISOString();
    base.reviews = ['c', 'a', 'b'].map((id) => ({ ...base.reviews[0], id, createdAt: at, media: [], helpfulCount: 1 }));
    const adapter = createMemoryAdapter({ seed: base });
    for (const sort of ['newest', 'highest', 'lowest', 'helpful', 'media']) {
      const page1 = await adapter.reviews.listReviews({ productId: 'p1', sort, limit: 2 });
      const page2 = await adapter.reviews.listReviews({ productId: 'p1', sort, limit: 2, cursor: page1.nextCursor });
      assert.deepEqual([...page1.items, ...page2.items].map((r) => r.id), ['a', 'b', 'c'], sort);
    }
  });

  it('media sort: photos first, newest first in each group', async () => {
    const items = await listAll(createMemoryAdapter(), { productId: 'p1', sort: 'media' });
    const withPhotos = items.filter((r) => r.media.length).map((r) => r.id);
    assert.deepEqual(withPhotos, ['r1', 'r3', 'r5', 'r9', 'r14']);
    assert.deepEqual(items.slice(0, 5).map((r) => r.id), withPhotos);
    assert.deepEqual(items.slice(5, 7).map((r) => r.id), ['r2', 'r4']);
  });

  it('refuses a malformed cursor, an out-of-range limit and an unknown sort with 400', async () => {
    const { reviews } = createMemoryAdapter();
    for (const cursor of ['12', 'not a cursor', Buffer.from('{"a":1}').toString('base64url'), Buffer.from('[1,2,3]').toString('base64url')]) {
      await assert.rejects(reviews.listReviews({ productId: 'p1', cursor }), code(400, 'invalid_cursor'), cursor);
    }
    for (const limit of [0, 51, 2.5]) await assert.rejects(reviews.listReviews({ productId: 'p1', limit }), code(400, 'invalid_request'));
    await assert.rejects(reviews.listReviews({ productId: 'p1', sort: 'random' }), code(400, 'invalid_request'));
    await assert.rejects(reviews.listQuestions({ productId: 'p1', limit: 51 }), code(400, 'invalid_request'));
    assert.equal((await reviews.listReviews({ productId: 'p1' })).items.length, 20, 'default limit 20');
    assert.equal((await reviews.listQuestions({ productId: 'p1', limit: undefined })).items.length, 4);
  });

  it('q matches the title or the text, not across the two', async () => {
    const base = demoSeed(NOW);
    base.reviews = [{ ...base.reviews[0], id: 'x', title: 'Great', body: 'Fit is perfect for me.' }];
    const adapter = createMemoryAdapter({ seed: base });
    assert.equal((await adapter.reviews.listReviews({ productId: 'p1', q: 'GREAT' })).total, 1);
    assert.equal((await adapter.reviews.listReviews({ productId: 'p1', q: ' fit is ' })).total, 1, 'q is trimmed');
    assert.equal((await adapter.reviews.listReviews({ productId: 'p1', q: 'great fit' })).total, 0);
  });
});

describe('memory adapter: summary', () => {
  it('counts photos and topics over published reviews, topics by count then label, empty ones left out', async () => {
    const base = demoSeed(NOW);
    base.reviewSettings = { topics: ['zip', 'strap', 'colour', 'nobody-says-this', ' strap '] };
    base.reviews = [
      { ...base.reviews[0], id: 'a', title: 'Strap', body: 'The zip is smooth.', media: [base.reviews[0].media[0]] },
      { ...base.reviews[0], id: 'b', title: undefined, body: 'Zip and colour ok.', media: [] },
      { ...base.reviews[0], id: 'c', body: 'STRAP broke.', media: [base.reviews[0].media[0]], status: 'pending' },
    ];
    const summary = await createMemoryAdapter({ seed: base }).reviews.getSummary('p1');
    assert.equal(summary.withMediaCount, 1);
    assert.deepEqual(summary.topics, [{ label: 'zip', count: 2 }, { label: 'colour', count: 1 }, { label: 'strap', count: 1 }]);
    const none = await createMemoryAdapter({ seed: { ...base, reviewSettings: undefined } }).reviews.getSummary('p1');
    assert.deepEqual(none.topics, []);
  });
});

describe('memory adapter: moderation, as on the server', () => {
  it('a verified buyer publishes; others wait (autoPublish "verified", the default)', async () => {
    const shop = createMemoryAdapter({ now: () => NOW, seed: seed() });
    const mine = await shop.as(ANA).reviews.submitReview(input());
    assert.equal(mine.status, 'published');
    assert.equal(mine.author.verifiedBuyer, true);
    const theirs = await shop.as(BO).reviews.submitReview(input({ body: 'Bo never ordered this one.' }));
    assert.equal(theirs.status, 'pending');
    assert.equal(theirs.author.verifiedBuyer, false);
  });

  for (const text of ['See https://shop.example/deal', 'Visit www.example.com', 'Mail me at ana@example.com', 'Call +1 (555) 123-4567', '加我微信 happy', 'add me on whatsapp', 'QQ: 12345678']) {
    it(`links and contact details wait, even from a verified buyer: "${text}"`, async () => {
      const ana = createMemoryAdapter({ now: () => NOW, seed: seed({ autoPublish: 'all' }), customer: ANA });
      assert.equal((await ana.reviews.submitReview(input({ body: `Nice bag. ${text}` }))).status, 'pending');
      assert.equal((await ana.reviews.submitReview(input({ productId: 'p1', title: text, body: 'A plain body of text.' }))).status, 'pending', 'in the title too');
    });
  }

  it('autoPublish "all" and "none", and minRatingAuto', async () => {
    const all = createMemoryAdapter({ now: () => NOW, seed: seed({ autoPublish: 'all', minRatingAuto: 3 }), customer: BO });
    assert.equal((await all.reviews.submitReview(input())).status, 'published');
    assert.equal((await all.reviews.submitReview(input({ productId: 'p8', rating: 2, body: 'Not great, the seams split.' }))).status, 'pending');
    const none = createMemoryAdapter({ now: () => NOW, seed: seed({ autoPublish: 'none' }), customer: ANA });
    assert.equal((await none.reviews.submitReview(input())).status, 'pending');
  });

  it('copied text waits: the same text on another product or from another customer', async () => {
    const shop = createMemoryAdapter({ now: () => NOW, seed: seed({ autoPublish: 'all' }) });
    const copied = demoSeed(NOW).reviews[0].body;
    assert.equal((await shop.as(ANA).reviews.submitReview(input({ body: `  ${copied.toUpperCase()}!! ` }))).status, 'pending');
    assert.equal((await shop.as(BO).reviews.submitReview(input({ body: 'Great bag!' }))).status, 'published', 'short texts repeat honestly');
    assert.equal((await shop.as(ANA).reviews.submitReview(input({ productId: 'p8', body: 'Great bag!' }))).status, 'published');
  });

  it('one review per customer and product, and submissionsPerHour per customer', async () => {
    let now = NOW;
    const ana = createMemoryAdapter({ now: () => now, seed: seed({ submissionsPerHour: 2 }), customer: ANA });
    await ana.reviews.submitReview(input({ productId: 'a' }));
    await assert.rejects(ana.reviews.submitReview(input({ productId: 'a', body: 'Trying a second time here.' })), code(409, 'already_reviewed'));
    await ana.reviews.submitReview(input({ productId: 'b', body: 'Second review within the hour.' }));
    await assert.rejects(ana.reviews.submitReview(input({ productId: 'c', body: 'Third review within the hour.' })), code(429, 'review_rate_limited'));
    now += 3_600_001;
    await ana.reviews.submitReview(input({ productId: 'c', body: 'Third review an hour later.' }));
  });

  it('validates like the server: rating, text lengths, consent', async () => {
    const ana = createMemoryAdapter({ customer: ANA });
    for (const bad of [{ rating: 6 }, { rating: 4.5 }, { body: ' Too short ' }, { body: 'x'.repeat(5001) }, { title: 't'.repeat(121) }, { displayName: '  ' }, { consent: false }]) {
      await assert.rejects(ana.reviews.submitReview(input(bad)), code(400, 'invalid_request'), JSON.stringify(bad));
    }
    const r = await ana.reviews.submitReview(input({ body: '  Trimmed on both ends.  ', title: ' Title ' }));
    assert.equal(r.body, 'Trimmed on both ends.');
    assert.equal(r.title, 'Title');
  });

  it('photos hold a review for a person unless mediaAutoPublish; media in upload order', async () => {
    const held = createMemoryAdapter({ now: () => NOW, seed: seed({ autoPublish: 'all' }), customer: ANA });
    const [m1, m2] = [await held.reviews.uploadMedia(png()), await held.reviews.uploadMedia(jpeg(40, 30))];
    const review = await held.reviews.submitReview(input({ mediaIds: [m2.id, m1.id] }));
    assert.equal(review.status, 'pending');
    assert.deepEqual(review.media, [
      { id: m1.id, kind: 'image', url: m1.url, width: 3, height: 2 },
      { id: m2.id, kind: 'image', url: m2.url, width: 40, height: 30 },
    ]);
    const auto = createMemoryAdapter({ now: () => NOW, seed: seed({ mediaAutoPublish: true }), customer: ANA });
    const m = await auto.reviews.uploadMedia(png());
    assert.equal((await auto.reviews.submitReview(input({ mediaIds: [m.id] }))).status, 'published', 'verified buyer, photos allowed');
  });

  it('mediaIds: at most five, each your own, unused, unknown ids refused', async () => {
    const shop = createMemoryAdapter({ now: () => NOW, seed: seed() });
    const ana = shop.as(ANA);
    const ids = [];
    for (let i = 0; i < 6; i++) ids.push((await ana.reviews.uploadMedia(png())).id);
    await assert.rejects(ana.reviews.submitReview(input({ mediaIds: ids })), code(400, 'invalid_request'));
    await assert.rejects(ana.reviews.submitReview(input({ mediaIds: ['nope'] })), code(422, 'invalid_media'));
    await assert.rejects(ana.reviews.submitReview(input({ mediaIds: [ids[0], ids[0]] })), code(422, 'invalid_media'));
    await assert.rejects(shop.as(BO).reviews.submitReview(input({ mediaIds: [ids[0]] })), code(422, 'invalid_media'), "another customer's photo");
    await ana.reviews.submitReview(input({ mediaIds: [ids[0]] }));
    await assert.rejects(ana.reviews.submitReview(input({ productId: 'p1', mediaIds: [ids[0]] })), code(422, 'invalid_media'));
  });

  it('control: approve and reject; unknown ids are 404', async () => {
    const shop = createMemoryAdapter({ now: () => NOW, seed: seed() });
    const r = await shop.as(BO).reviews.submitReview(input());
    assert.equal(shop.control.approveReview(r.id).status, 'published');
    assert.equal((await shop.reviews.getSummary('p9')).count, 1);
    shop.control.rejectReview(r.id);
    assert.equal((await shop.reviews.getSummary('p9')).count, 0);
    assert.throws(() => shop.control.approveReview('nope'), code(404, 'not_found'));
    assert.throws(() => shop.control.addReviews([demoSeed(NOW).reviews[0]]), code(409, 'already_exists'));
  });

  it('one helpful vote per customer, on published reviews only', async () => {
    const shop = createMemoryAdapter({ now: () => NOW });
    const start = (await shop.reviews.listReviews({ productId: 'p1' })).items.find((r) => r.id === 'r2').helpfulCount;
    assert.deepEqual(await shop.as(ANA).reviews.markHelpful('r2'), { helpfulCount: start + 1 });
    assert.deepEqual(await shop.as(ANA).reviews.markHelpful('r2'), { helpfulCount: start + 1 });
    assert.deepEqual(await shop.as(BO).reviews.markHelpful('r2'), { helpfulCount: start + 2 });
    shop.control.rejectReview('r3');
    await assert.rejects(shop.as(ANA).reviews.markHelpful('r3'), code(404, 'not_found'));
  });

  it('reports from three distinct customers send a review back to pending', async () => {
    const shop = createMemoryAdapter({ now: () => NOW });
    for (let i = 0; i < 3; i++) await shop.as(ANA).reviews.report('r1', 'spam');
    await shop.as(BO).reviews.report('r1', 'fake');
    assert.equal((await shop.reviews.getSummary('p1')).count, 24, 'two customers are not enough');
    await shop.as({ id: 'cy', displayName: 'Cy' }).reviews.report('r1', 'other');
    assert.equal((await shop.reviews.getSummary('p1')).count, 23);
    await assert.rejects(shop.as(ANA).reviews.report('nope', 'spam'), code(404, 'not_found'));
    await assert.rejects(shop.as(ANA).reviews.report('r2', 'boring'), code(400, 'invalid_request'));
  });
});

describe('memory adapter: photos', () => {
  it('serves an object URL of the bytes with the sniffed type, freed on dispose', async () => {
    const ana = createMemoryAdapter({ customer: ANA });
    const up = await ana.reviews.uploadMedia(png());
    assert.deepEqual({ ...up, id: 0, url: 0 }, { id: 0, url: 0, contentType: 'image/png', width: 3, height: 2, bytes: PNG.length });
    assert.match(up.url, /^blob:/);
    const blob = resolveObjectURL(up.url);
    assert.equal(blob.type, 'image/png');
    assert.deepEqual(Buffer.from(await blob.arrayBuffer()), PNG);
    ana.dispose();
    assert.equal(resolveObjectURL(up.url), undefined);
  });

  it('falls back to a data: URL without URL.createObjectURL', async () => {
    const { createObjectURL } = URL;
    URL.createObjectURL = undefined;
    try {
      const up = await createMemoryAdapter({ customer: ANA }).reviews.uploadMedia(png());
      assert.equal(up.url, `data:image/png;base64,${PNG.toString('base64')}`);
    } finally {
      URL.createObjectURL = createObjectURL;
    }
  });

  it('JPEG: EXIF orientations 5 to 8 swap width and height', async () => {
    const { reviews } = createMemoryAdapter({ customer: ANA });
    const size = async (blob) => { const m = await reviews.uploadMedia(blob); return [m.contentType, m.width, m.height]; };
    assert.deepEqual(await size(jpeg(40, 30)), ['image/jpeg', 40, 30]);
    assert.deepEqual(await size(jpeg(40, 30, 3)), ['image/jpeg', 40, 30]);
    assert.deepEqual(await size(jpeg(40, 30, 6)), ['image/jpeg', 30, 40]);
    assert.deepEqual(await size(jpeg(40, 30, 8, true)), ['image/jpeg', 30, 40]);
  });
});

describe('memory adapter: Q&A', () => {
  it('merchant and expert answer through control, first; customer answers are verified by orders', async () => {
    let now = NOW;
    const shop = createMemoryAdapter({ now: () => (now += 1000), seed: seed() });
    const q = await shop.as(BO).reviews.askQuestion({ productId: 'p1', body: 'How long is the strap?', displayName: 'Bo' });
    const ana = await shop.as(ANA).reviews.answerQuestion({ questionId: q.id, body: 'About 60 cm.', displayName: 'Ana' });
    assert.deepEqual(ana.author, { displayName: 'Ana', role: 'customer', verifiedBuyer: true });
    const bo = await shop.as(BO).reviews.answerQuestion({ questionId: q.id, body: 'Long enough.', displayName: 'Bo' });
    assert.equal(bo.author.verifiedBuyer, false);
    const spam = await shop.as(BO).reviews.answerQuestion({ questionId: q.id, body: 'Cheaper on telegram', displayName: 'Bo' });
    assert.equal(spam.status, 'pending');
    const merchant = shop.control.answerQuestion(q.id, { body: '62 cm, adjustable.', displayName: 'Kith Store', role: 'merchant' });
    assert.equal(merchant.status, 'published');
    assert.throws(() => shop.control.answerQuestion(q.id, { body: 'Hi', displayName: 'X', role: 'customer' }), code(400, 'invalid_request'));
    assert.throws(() => shop.control.answerQuestion('nope', { body: 'Hi', displayName: 'X', role: 'expert' }), code(404, 'not_found'));
    const [listed] = (await shop.reviews.listQuestions({ productId: 'p1', limit: 1 })).items;
    assert.equal(listed.id, q.id, 'newest first');
    assert.deepEqual(listed.answers.map((a) => a.id), [merchant.id, ana.id, bo.id]);
  });

  it('questions: 10 to 1000 characters, links wait; answers only to published questions', async () => {
    const bo = createMemoryAdapter({ now: () => NOW, customer: BO });
    await assert.rejects(bo.reviews.askQuestion({ productId: 'p1', body: '  Why?     ', displayName: 'Bo' }), code(400, 'invalid_request'));
    await assert.rejects(bo.reviews.askQuestion({ productId: 'p1', body: 'x'.repeat(1001), displayName: 'Bo' }), code(400, 'invalid_request'));
    const held = await bo.reviews.askQuestion({ productId: 'p1', body: 'Better deal at bo@example.com?', displayName: 'Bo' });
    assert.equal(held.status, 'pending');
    await assert.rejects(bo.reviews.answerQuestion({ questionId: held.id, body: 'No.', displayName: 'Bo' }), code(404, 'not_found'));
    await assert.rejects(bo.reviews.answerQuestion({ questionId: 'q1', body: 'x', displayName: 'Bo' }), code(400, 'invalid_request'));
    const page = await bo.reviews.listQuestions({ productId: 'p1', limit: 50 });
    assert.equal(page.total, 4);
    assert.ok(!page.items.some((q) => q.id === held.id));
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
    assert.deepEqual(summary.topics.map((t) => t.label).sort(), ['colour', 'delivery', 'pockets', 'price', 'quality', 'size', 'strap', 'zip']);
    assert.equal(summary.withMediaCount, 5);

    const { items, total } = await adapter.reviews.listQuestions({ productId: 'p1' });
    assert.equal(total, 4);
    const roles = items.flatMap((q) => q.answers.map((a) => a.author.role));
    assert.ok(['merchant', 'expert', 'customer'].every((r) => roles.includes(r)));
    assert.ok(items.some((q) => q.answers.length === 0), 'an unanswered question');
    assert.equal((await adapter.reviews.getSummary('p2')).count, 0);
  });

  it("the default seed's orders are the signed-in customer's", async () => {
    const ana = createMemoryAdapter({ customer: ANA });
    assert.equal((await ana.reviews.submitReview(input({ productId: 'p1' }))).author.verifiedBuyer, true);
    assert.equal((await ana.as(BO).reviews.submitReview(input({ productId: 'p1', body: 'Bo did not buy it.' }))).author.verifiedBuyer, false);
    assert.equal((await ana.reviews.submitReview(input({ productId: 'p2' }))).author.verifiedBuyer, false);
  });
});

describe('manyReviews', () => {
  it('is deterministic, and a smaller set is a prefix of a larger one', () => {
    const a = manyReviews('p1', 300, NOW);
    assert.deepEqual(manyReviews('p1', 300, NOW), a);
    assert.deepEqual(manyReviews('p1', 1000, NOW).slice(0, 300), a);
    assert.notDeepEqual(manyReviews('p2', 300, NOW).map((r) => r.body), a.map((r) => r.body));
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
    assert.ok(list.every((r, i) => r.status === 'published' && r.productId === 'p1' && Date.parse(r.createdAt) < NOW
      && (i === 0 || Date.parse(r.createdAt) < Date.parse(list[i - 1].createdAt))), 'newest first, all before now');
    assert.ok(list.every((r) => !r.reply || Date.parse(r.reply.createdAt) <= NOW));
  });

  it('10,000 reviews page and summarise through the adapter', async () => {
    const adapter = createMemoryAdapter({ now: () => NOW });
    adapter.control.addReviews(manyReviews('p1', 10_000, NOW));
    const summary = await adapter.reviews.getSummary('p1');
    assert.equal(summary.count, 10_024);
    const helpful = await adapter.reviews.listReviews({ productId: 'p1', sort: 'helpful', limit: 50 });
    const next = await adapter.reviews.listReviews({ productId: 'p1', sort: 'helpful', limit: 50, cursor: helpful.nextCursor });
    assert.ok(helpful.items.at(-1).helpfulCount >= next.items[0].helpfulCount);
    const { total } = await adapter.reviews.listReviews({ productId: 'p1', withMedia: true, limit: 1 });
    assert.equal(total, summary.withMediaCount);
  });
});

describe('@kith/adapter-memory bundles', () => {
  const entry = fileURLToPath(new URL('../dist/index.js', import.meta.url));
  const bundle = async (names) => (await build({
    stdin: { contents: `export { ${names} } from ${JSON.stringify(entry)};`, resolveDir: process.cwd() },
    bundle: true, write: false, format: 'esm', platform: 'neutral', external: ['@kith/core'],
  })).outputFiles[0].text;

  it('createMemoryAdapter alone leaves manyReviews and its texts out', async () => {
    const alone = await bundle('createMemoryAdapter');
    assert.ok(!alone.includes('manyReviews') && !alone.includes('I received a discount code'));
    assert.ok((await bundle('manyReviews')).includes('I received a discount code'), 'the check can see it');
  });
});
