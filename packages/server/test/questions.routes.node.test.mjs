// Product Q&A: asking, answering (customers, merchants, experts), moderation, order, paging,
// limits and errors.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { count as countRows, createTestServer, ENGINE, isError, shopFixture } from './helpers.mjs';

let t;
before(async () => {
  t = await createTestServer();
});
after(async () => t.close());

const count = (sql, params) => countRows(t.db, sql, params);
const ask = (f, customer, body, product = 'p1') =>
  f.as(customer).post(`/v1/products/${product}/questions`, { body, displayName: `Asker ${customer}` });
const answer = (f, customer, questionId, body) =>
  f.as(customer).post(`/v1/questions/${questionId}/answers`, { body, displayName: `Answerer ${customer}` });
const staff = (f, questionId, role, body) =>
  f.admin.post(`/v1/admin/questions/${questionId}/answers`, {
    body,
    displayName: role === 'merchant' ? 'The shop' : 'Dana',
    role,
  });
/** Moves a row's created_at, so order tests don't depend on the clock's resolution. */
const setTime = (table, id, iso) => t.db.query(`UPDATE ${table} SET created_at = $2 WHERE id = $1`, [id, iso]);

describe(`questions and answers (${ENGINE})`, () => {
  it('a plain question is published and listed newest first; one with a link waits for a person', async () => {
    const f = await shopFixture(t);
    const older = await ask(f, 'c1', 'Does it fit a 15-inch laptop?');
    assert.equal(older.status, 201, older.text);
    assert.deepEqual(
      { ...older.json, id: undefined, createdAt: undefined },
      {
        id: undefined,
        createdAt: undefined,
        productId: 'p1',
        body: 'Does it fit a 15-inch laptop?',
        author: { displayName: 'Asker c1' },
        status: 'published',
        answers: [],
      },
    );
    const newer = (await ask(f, 'c2', '  Is the strap adjustable at all?  ')).json;
    assert.equal(newer.body, 'Is the strap adjustable at all?', 'trimmed');
    await setTime('questions', older.json.id, '2026-01-01T00:00:00Z');
    const spam = (await ask(f, 'c3', 'Cheaper copies at www.copies.example, ask me')).json;
    assert.equal(spam.status, 'pending');
    await ask(f, 'c4', 'Is there a matching wallet for it?', 'p2');
    const list = await f.pub.get('/v1/products/p1/questions');
    assert.deepEqual(
      [list.json.items.map((q) => q.id), list.json.total, list.json.nextCursor],
      [[newer.id, older.json.id], 2, null],
    );

    const queue = await f.admin.get('/v1/admin/questions?status=pending');
    assert.deepEqual(
      queue.json.items.map((q) => [q.id, q.flags]),
      [[spam.id, ['contact_or_link']]],
    );
    assert.equal((await f.admin.post(`/v1/admin/questions/${spam.id}/approve`)).json.status, 'published');
    assert.equal((await f.pub.get('/v1/products/p1/questions')).json.total, 3);
    assert.equal((await f.admin.post(`/v1/admin/questions/${spam.id}/reject`)).json.status, 'rejected');
    assert.deepEqual(
      (await f.pub.get('/v1/products/p1/questions')).json.items.map((q) => q.id),
      [newer.id, older.json.id],
    );
  });

  it('answers: merchant and expert first, then customers oldest first; verified buyers marked; pending ones hidden', async () => {
    const f = await shopFixture(t);
    await f.admin.post('/v1/admin/orders', { id: 'o1', customerId: 'buyer', productIds: ['p1'] });
    await f.admin.post('/v1/admin/orders', { id: 'o2', customerId: 'other-buyer', productIds: ['p2'] });
    const q = (await ask(f, 'c1', 'How deep is the inside pocket?')).json;
    const a1 = await answer(f, 'buyer', q.id, 'About 15 cm, fits a phone.');
    assert.equal(a1.status, 201, a1.text);
    assert.deepEqual(a1.json.author, { displayName: 'Answerer buyer', role: 'customer', verifiedBuyer: true });
    const a2 = (await answer(f, 'other-buyer', q.id, 'Mine is deep enough for a wallet.')).json;
    assert.equal(a2.author.verifiedBuyer, false, 'bought another product');
    const merchant = await staff(f, q.id, 'merchant', '16 cm deep, 20 cm wide.');
    assert.equal(merchant.status, 201, merchant.text);
    assert.deepEqual(
      [merchant.json.status, merchant.json.author],
      ['published', { displayName: 'The shop', role: 'merchant', verifiedBuyer: false }],
    );
    const expert = (await staff(f, q.id, 'expert', 'The pocket is lined, so keys will not wear through.')).json;
    const held = (await answer(f, 'c5', q.id, 'Better bags at https://elsewhere.example')).json;
    assert.equal(held.status, 'pending');
    await setTime('answers', a1.json.id, '2026-01-01T00:00:01Z');
    await setTime('answers', a2.id, '2026-01-01T00:00:02Z');
    await setTime('answers', merchant.json.id, '2026-01-01T00:00:04Z');
    await setTime('answers', expert.id, '2026-01-01T00:00:03Z');

    const [listed] = (await f.pub.get('/v1/products/p1/questions')).json.items;
    assert.deepEqual(
      listed.answers.map((a) => a.id),
      [expert.id, merchant.json.id, a1.json.id, a2.id],
    );
    assert.deepEqual(
      (await f.admin.get('/v1/admin/answers?status=pending')).json.items.map((a) => [a.id, a.questionId, a.flags]),
      [[held.id, q.id, ['contact_or_link']]],
    );
    const inQueue = (await f.admin.get('/v1/admin/questions?status=published')).json.items[0];
    assert.equal(inQueue.answers.length, 5, 'moderators see every answer');
    assert.equal((await f.admin.post(`/v1/admin/answers/${held.id}/approve`)).json.status, 'published');
    assert.equal((await f.pub.get('/v1/products/p1/questions')).json.items[0].answers.at(-1).id, held.id);
    await f.admin.post(`/v1/admin/answers/${held.id}/reject`);
    assert.equal((await f.pub.get('/v1/products/p1/questions')).json.items[0].answers.length, 4);
  });

  it("404 for answers to unknown, pending or another shop's questions, and for unknown ids in admin calls; nothing written", async () => {
    const f = await shopFixture(t);
    const pending = (await ask(f, 'c1', 'Call me on +1 415 555 0100 please?')).json;
    const other = await shopFixture(t);
    const foreign = (await ask(other, 'c1', 'A question in another shop.')).json;
    for (const id of ['q_nope', pending.id, foreign.id])
      isError(await answer(f, 'c2', id, 'An answer.'), 404, 'not_found');
    isError(await staff(f, 'q_nope', 'merchant', 'Hello there.'), 404, 'not_found');
    isError(await staff(f, foreign.id, 'merchant', 'Hello there.'), 404, 'not_found');
    for (const path of [
      '/v1/admin/questions/q_nope/approve',
      '/v1/admin/questions/q_nope/reject',
      '/v1/admin/answers/a_nope/approve',
      '/v1/admin/answers/a_nope/reject',
    ]) {
      isError(await f.admin.post(path), 404, 'not_found');
    }
    assert.equal(await count('SELECT count(*) AS n FROM answers WHERE shop_id = $1', [f.shop.id]), 0);
  });

  it('400 with field paths for short or long texts and a wrong role; nothing written', async () => {
    const f = await shopFixture(t);
    const short = await ask(f, 'c1', '  too short ');
    isError(short, 400, 'invalid_request');
    assert.deepEqual(
      short.json.error.details.map((d) => d.path),
      ['json.body'],
    );
    isError(await ask(f, 'c1', 'x'.repeat(1001)), 400, 'invalid_request');
    const q = (await ask(f, 'c1', 'Is it machine washable?')).json;
    isError(await answer(f, 'c2', q.id, ' y '), 400, 'invalid_request');
    isError(await answer(f, 'c2', q.id, 'y'.repeat(2001)), 400, 'invalid_request');
    isError(await staff(f, q.id, 'customer', 'I am the shop, honest.'), 400, 'invalid_request');
    isError(
      await f.as('c3').post('/v1/products/p1/questions', { body: 'No display name given here' }),
      400,
      'invalid_request',
    );
    assert.equal(await count('SELECT count(*) AS n FROM questions WHERE shop_id = $1', [f.shop.id]), 1);
    assert.equal(await count('SELECT count(*) AS n FROM answers WHERE shop_id = $1', [f.shop.id]), 0);
    assert.equal((await answer(f, 'c2', q.id, 'ok')).status, 201, 'two characters are enough');
  });

  it('questions and answers share the hourly submission limit with reviews: 429, nothing written', async () => {
    const f = await shopFixture(t, { submissionsPerHour: 3 });
    await f.as('c1').post('/v1/products/p1/reviews', {
      rating: 5,
      body: 'Lovely bag, used it every day.',
      displayName: 'A',
      consent: true,
    });
    const q = (await ask(f, 'c1', 'Will there be a black version?')).json;
    assert.equal((await answer(f, 'c1', q.id, 'Asking for myself too.')).status, 201);
    const tooMany = await ask(f, 'c1', 'And a larger size, perhaps?');
    isError(tooMany, 429, 'review_rate_limited');
    assert.ok(Number(tooMany.headers.get('retry-after')) > 0);
    isError(await answer(f, 'c1', q.id, 'One more answer.'), 429, 'review_rate_limited');
    assert.equal(await count('SELECT count(*) AS n FROM questions WHERE shop_id = $1', [f.shop.id]), 1);
    assert.equal(await count('SELECT count(*) AS n FROM answers WHERE shop_id = $1', [f.shop.id]), 1);
    assert.equal(
      (await staff(f, q.id, 'merchant', 'Black arrives in May.')).status,
      201,
      'the merchant is not limited',
    );
  });

  it('pages questions with equal timestamps exactly once, newest first; a bad cursor is 400', async () => {
    const f = await shopFixture(t, { submissionsPerHour: 100 });
    for (let i = 0; i < 7; i++) await ask(f, `c${i}`, `Question number ${i} about the bag?`);
    await t.db.query(
      "UPDATE questions SET created_at = timestamptz '2026-02-01T10:00:00Z' + (abs(hashtext(id)) % 2) * interval '1 minute' WHERE shop_id = $1",
      [f.shop.id],
    );
    const ids = [];
    let cursor = null;
    do {
      const page = await f.pub.get(`/v1/products/p1/questions?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      assert.equal(page.json.total, 7);
      ids.push(...page.json.items.map((q) => q.id));
      cursor = page.json.nextCursor;
    } while (cursor);
    const { rows } = await t.db.query('SELECT id FROM questions WHERE shop_id = $1 ORDER BY created_at DESC, id', [
      f.shop.id,
    ]);
    assert.deepEqual(
      ids,
      rows.map((r) => r.id),
    );
    assert.equal((await f.pub.get('/v1/products/p1/questions')).json.items.length, 7, 'default limit 10');
    isError(await f.pub.get('/v1/products/p1/questions?cursor=bogus'), 400, 'invalid_cursor');
    isError(await f.pub.get('/v1/products/p1/questions?limit=51'), 400, 'invalid_request');
  });

  it('asking and answering need a customer token; the admin API needs the secret key', async () => {
    const f = await shopFixture(t);
    isError(
      await f.pub.post('/v1/products/p1/questions', { body: 'Anonymous question here?', displayName: 'Anon' }),
      401,
      'customer_token_required',
    );
    const q = (await ask(f, 'c1', 'Is the lining cotton?')).json;
    isError(
      await f.pub.post(`/v1/questions/${q.id}/answers`, { body: 'Yes.', displayName: 'Anon' }),
      401,
      'customer_token_required',
    );
    isError(
      await f.pub.post(`/v1/admin/questions/${q.id}/answers`, {
        body: 'Yes it is.',
        displayName: 'Shop',
        role: 'merchant',
      }),
      403,
      'secret_key_required',
    );
    isError(await f.pub.get('/v1/admin/questions'), 403, 'secret_key_required');
    assert.equal(await count('SELECT count(*) AS n FROM answers WHERE shop_id = $1', [f.shop.id]), 0);
  });
});
