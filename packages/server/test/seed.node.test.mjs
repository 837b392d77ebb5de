// The demo seed: photo reviews through the shopper's upload path, topics, Q&A, and catching up
// data dirs made by older versions without duplicating anything.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { sniffImage } from '@kith/core/image';
import { createApp, getReferralSettings, LiveHub, putReferralSettings, seedDemo } from '@kith/server';
import { client, createTestDb, ENGINE, getBytes } from './helpers.mjs';

const SEED_MEDIA = new URL('../seed-media/', import.meta.url);
let db;
let hub;
before(async () => {
  db = await createTestDb();
  hub = new LiveHub(db);
  await hub.start();
});
after(async () => {
  await hub.close();
  await db.close();
});

const counts = async (shopId) =>
  (
    await db.query(
      `SELECT (SELECT count(*) FROM reviews WHERE shop_id = $1)::int AS reviews, (SELECT count(*) FROM review_media WHERE shop_id = $1)::int AS media,
     (SELECT count(*) FROM questions WHERE shop_id = $1)::int AS questions, (SELECT count(*) FROM answers WHERE shop_id = $1)::int AS answers,
     (SELECT count(*) FROM orders WHERE shop_id = $1)::int AS orders`,
      [shopId],
    )
  ).rows[0];

describe(`demo seed (${ENGINE})`, () => {
  it('puts published photo reviews, topics and answered questions on p1, and adds only what an older data dir lacks', async () => {
    const app = createApp({ db, hub });
    const { shop, created } = await seedDemo(db);
    assert.equal(created, true);
    const pub = client(app, shop.publishableKey);

    const photos = await pub.get('/v1/products/p1/reviews?media=true&limit=50');
    assert.equal(photos.json.total, 3);
    assert.equal(
      (await pub.get('/v1/products/p1/reviews')).json.total,
      5,
      'the photos belong to seeded reviews: p1 keeps its five',
    );
    const media = photos.json.items.flatMap((r) => r.media);
    assert.equal(media.length, 4);
    const types = [];
    for (const m of media) {
      const served = await getBytes(app, new URL(m.url).pathname);
      assert.equal(served.status, 200);
      const sniffed = sniffImage(served.bytes);
      assert.deepEqual([sniffed.width, sniffed.height], [m.width, m.height]);
      types.push(served.headers.get('content-type'));
    }
    assert.deepEqual(types.sort(), ['image/jpeg', 'image/jpeg', 'image/png', 'image/webp']);
    const { rows: flags } = await db.query('SELECT flags FROM reviews WHERE shop_id = $1 AND media_count > 0', [
      shop.id,
    ]);
    assert.ok(
      flags.every((r) => r.flags.includes('media')),
      'written as a shopper writes them: held for their photos, then approved',
    );

    const summary = (await pub.get('/v1/products/p1/reviews/summary')).json;
    assert.equal(summary.withMediaCount, 3);
    assert.deepEqual(
      summary.topics.map((x) => x.label).sort(),
      ['colour', 'pocket', 'quality', 'size', 'strap'],
      'every demo topic is mentioned',
    );

    const questions = (await pub.get('/v1/products/p1/questions')).json;
    assert.equal(questions.total, 3);
    const answered = questions.items.find((q) => q.answers.some((a) => a.author.role === 'merchant'));
    assert.deepEqual(
      answered.answers.map((a) => [a.author.role, a.author.verifiedBuyer]),
      [
        ['merchant', false],
        ['customer', true],
      ],
    );
    assert.ok(questions.items.some((q) => q.answers.some((a) => a.author.role === 'expert')));

    const full = await counts(shop.id);
    assert.deepEqual(
      full,
      { reviews: 9, media: 4, questions: 3, answers: 3, orders: 10 },
      "nine review orders and the group-buy leader's",
    );
    assert.equal((await seedDemo(db)).created, false);
    assert.deepEqual(await counts(shop.id), full, 'a second run adds nothing');

    // A data dir from before photos and Q&A: the reviews without photos, no topics, no questions.
    const { rows: before } = await db.query('SELECT id, body, status FROM reviews WHERE shop_id = $1 ORDER BY id', [
      shop.id,
    ]);
    await db.query('DELETE FROM questions WHERE shop_id = $1', [shop.id]);
    await db.query('DELETE FROM review_media WHERE shop_id = $1', [shop.id]);
    await db.query('UPDATE reviews SET media_count = 0 WHERE shop_id = $1', [shop.id]);
    await db.query("UPDATE review_settings SET topics = '{}' WHERE shop_id = $1", [shop.id]);
    assert.deepEqual(await counts(shop.id), { ...full, media: 0, questions: 0, answers: 0 });
    await seedDemo(db);
    assert.deepEqual(await counts(shop.id), full);
    const { rows: kept } = await db.query('SELECT id, body, status FROM reviews WHERE shop_id = $1 ORDER BY id', [
      shop.id,
    ]);
    assert.deepEqual(kept, before, 'the same reviews, untouched');
    assert.equal(
      (await pub.get('/v1/products/p1/reviews?media=true')).json.items.flatMap((r) => r.media).length,
      4,
      'photos back on their reviews',
    );
    assert.equal((await pub.get('/v1/products/p1/reviews/summary')).json.topics.length, 5);
  });

  it('seeds the "Kith Rewards" program and its catalogue once, and the seeded reviews earned their points', async () => {
    const app = createApp({ db, hub });
    const { shop } = await seedDemo(db);
    const pub = client(app, shop.publishableKey);
    const program = (await pub.get('/v1/points/program')).json;
    assert.deepEqual(
      [program.name, program.timeZone, program.expiryMonths, program.pendingDays],
      ['Kith Rewards', 'UTC', 12, 30],
    );
    assert.deepEqual(
      program.rewards.map((r) => [r.id, r.cost, r.stock ?? null, r.tierId ?? null]),
      [
        ['rw-ship', 300, 25, null],
        ['rw-5off', 500, null, null],
        ['rw-early', 800, null, 'silver'],
        ['rw-10p', 1200, null, null],
        ['rw-tote', 2500, 0, null],
      ],
    );
    assert.deepEqual(program.rewards.find((r) => r.id === 'rw-5off').coupon, {
      amountOff: { minor: 500, currency: 'USD' },
      minimumSpend: { minor: 3000, currency: 'USD' },
      validDays: 30,
    });
    assert.equal(program.rewards.find((r) => r.id === 'rw-ship').title, 'Free shipping on your next order');
    const campaign = (await pub.get('/v1/products/p1/group-buy')).json.campaign;
    assert.equal(campaign.reward.points, 100, 'the demo team reward earns points');
    const { rows } = await db.query(
      'SELECT action, count(*)::int AS n FROM points_entries WHERE shop_id = $1 GROUP BY action ORDER BY action',
      [shop.id],
    );
    assert.deepEqual(
      rows,
      [
        { action: 'photo_review', n: 3 },
        { action: 'review', n: 6 },
      ],
      'each published review earned once',
    );

    // A merchant's edits stay; a reward deleted from an older data dir comes back.
    const admin = client(app, shop.secretKey);
    assert.equal((await admin.put('/v1/admin/points/program', { name: 'Our club' })).status, 200);
    await db.query("DELETE FROM points_rewards WHERE shop_id = $1 AND id = 'rw-tote'", [shop.id]);
    await seedDemo(db);
    const again = (await pub.get('/v1/points/program')).json;
    assert.equal(again.name, 'Our club');
    assert.deepEqual(
      again.rewards.map((r) => r.id),
      program.rewards.map((r) => r.id),
    );
    const {
      rows: [n],
    } = await db.query('SELECT count(*)::int AS n FROM points_entries WHERE shop_id = $1', [shop.id]);
    assert.equal(n.n, 9, 'seeding again earns nothing more');
  });

  it('its photos are small files that ship with the package', () => {
    const files = readdirSync(SEED_MEDIA).sort();
    assert.deepEqual(files, ['tote-colour.jpg', 'tote-front.jpg', 'tote-pocket.png', 'tote-strap.webp']);
    for (const f of files) assert.ok(statSync(new URL(f, SEED_MEDIA)).size <= 40 * 1024, `${f} ≤ 40 KB`);
    const [report] = JSON.parse(
      execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
        cwd: new URL('..', import.meta.url),
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
      }),
    );
    const packed = new Set(report.files.map((f) => f.path));
    for (const f of files) assert.ok(packed.has(`seed-media/${f}`), `seed-media/${f} is published`);
    assert.ok(packed.has('migrations/0003_media_questions.sql'));
    assert.ok(!packed.has('scripts/seed-media.mjs'), 'the one-off generator stays in the repo');
  });

  it("sets the demo shop's referral settings once: no landing URL, a $10 coupon, the program's referral points, terms", async () => {
    const { shop } = await seedDemo(db);
    const expected = {
      friend: { kind: 'coupon', amountOff: { minor: 1000, currency: 'USD' } },
      advocate: { kind: 'points', points: 100 },
      termsUrl: 'https://shop.example.com/referral-terms',
    };
    const first = await getReferralSettings(db, shop.id);
    assert.deepEqual([first.landingUrl, first.incentive], [null, expected]);
    await putReferralSettings(db, shop.id, { burstLimit: 9, incentive: { termsUrl: null } });
    await seedDemo(db);
    const kept = await getReferralSettings(db, shop.id);
    assert.deepEqual([kept.burstLimit, kept.incentive.termsUrl], [9, undefined], "a merchant's later changes stay");
  });
});
