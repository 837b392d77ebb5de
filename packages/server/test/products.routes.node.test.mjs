// The product catalogue (issue 19): one product at a time (PUT), a page of them, and CSV imports
// that are all or nothing; the review JSON-LD takes what the page leaves out from it.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { client, count, createTestServer, ENGINE, isError, newShop } from './helpers.mjs';

let t;
before(async () => (t = await createTestServer()));
after(async () => t.close());

async function shopAdmin() {
  const shop = await newShop(t.db);
  return { shop, admin: client(t.app, shop.secretKey), pub: client(t.app, shop.publishableKey) };
}
/** A CSV import; the body as given. */
const importCsv = (admin, csv, type = 'text/csv') =>
  admin.call('POST', '/v1/admin/products/import', {
    raw: csv,
    headers: { 'content-type': type, 'idempotency-key': crypto.randomUUID() },
  });
const rows = (shop) => count(t.db, 'SELECT count(*) AS n FROM products WHERE shop_id = $1', [shop.id]);

describe(`products (${ENGINE})`, () => {
  it('PUT adds (201) then replaces (200) a product; a field left out is cleared', async () => {
    const { admin } = await shopAdmin();
    const tote = {
      title: 'Everyday tote',
      url: 'https://shop.example.com/p/tote',
      image: 'https://shop.example.com/tote.jpg',
      price: { minor: 5900, currency: 'USD' },
    };
    const added = await admin.put('/v1/admin/products/p1', tote);
    assert.equal(added.status, 201, added.text);
    assert.deepEqual(
      { ...added.json, updatedAt: undefined },
      { id: 'p1', ...tote, active: true, updatedAt: undefined },
    );
    const replaced = await admin.put('/v1/admin/products/p1', { title: 'Everyday tote (old)', active: false });
    assert.equal(replaced.status, 200);
    assert.deepEqual(Object.keys(replaced.json).sort(), ['active', 'id', 'title', 'updatedAt']);
    assert.equal(replaced.json.active, false);
  });

  it('refuses a bad product with 400 and the field, writing nothing; the secret key only', async () => {
    const { shop, admin, pub } = await shopAdmin();
    for (const body of [
      { title: '' },
      { title: 'x', url: 'javascript:alert(1)' },
      { title: 'x', price: { minor: -1, currency: 'USD' } },
      { title: 'x', price: { minor: 100, currency: 'usd' } },
      { title: 'x', colour: 'red' },
    ]) {
      const res = await admin.put('/v1/admin/products/p1', body);
      isError(res, 400, 'invalid_request', JSON.stringify(body));
    }
    isError(await pub.put('/v1/admin/products/p1', { title: 'x' }), 403, 'secret_key_required');
    assert.equal(await rows(shop), 0);
  });

  it('lists by id a page at a time; a bad cursor is 400; shops never see each other', async () => {
    const { admin } = await shopAdmin();
    const other = await shopAdmin();
    for (const id of ['p3', 'p1', 'p2']) await admin.put(`/v1/admin/products/${id}`, { title: `Product ${id}` });
    await other.admin.put('/v1/admin/products/p9', { title: 'Theirs' });
    const first = await admin.get('/v1/admin/products?limit=2');
    assert.deepEqual(
      first.json.items.map((p) => p.id),
      ['p1', 'p2'],
    );
    const next = await admin.get(`/v1/admin/products?limit=2&cursor=${first.json.nextCursor}`);
    assert.deepEqual([next.json.items.map((p) => p.id), next.json.nextCursor], [['p3'], null]);
    isError(await admin.get('/v1/admin/products?cursor=nope'), 400, 'invalid_cursor');
  });

  it('imports a CSV file: quotes, commas and line breaks in fields, a BOM, CRLF; new and replaced counted', async () => {
    const { shop, admin } = await shopAdmin();
    await admin.put('/v1/admin/products/p2', { title: 'Old title' });
    const csv =
      '\uFEFFid,title,url,image,price,currency,active\r\n' +
      'p1,"Tote, canvas",https://shop.example.com/p/1,,59.00,usd,\r\n' +
      'p2,"A ""quoted""\nline",,,,,no\r\n' +
      '\r\n' +
      'p3,Mug,,https://shop.example.com/mug.png,12.5,EUR,yes\r\n' +
      'p4,Tea,,,1500,jpy,\r\n';
    const res = await importCsv(admin, csv);
    assert.equal(res.status, 200, res.text);
    assert.deepEqual(res.json, { created: 3, updated: 1 });
    const { items } = (await admin.get('/v1/admin/products')).json;
    assert.deepEqual(
      items.map(({ updatedAt: _u, ...p }) => p),
      [
        {
          id: 'p1',
          title: 'Tote, canvas',
          url: 'https://shop.example.com/p/1',
          price: { minor: 5900, currency: 'USD' },
          active: true,
        },
        { id: 'p2', title: 'A "quoted"\nline', active: false },
        {
          id: 'p3',
          title: 'Mug',
          image: 'https://shop.example.com/mug.png',
          price: { minor: 1250, currency: 'EUR' },
          active: true,
        },
        { id: 'p4', title: 'Tea', price: { minor: 1500, currency: 'JPY' }, active: true },
      ],
    );
    assert.equal(await rows(shop), 4);
  });

  it('takes a CSV file as browsers and spreadsheets label it; JSON or a form is 415 and imports nothing', async () => {
    const { shop, admin } = await shopAdmin();
    const csv = 'id,title\np1,Everyday tote\n';
    for (const type of ['application/json', 'application/x-www-form-urlencoded'])
      isError(await importCsv(admin, csv, type), 415, 'unsupported_media_type', type);
    assert.equal(await rows(shop), 0);
    for (const type of ['text/plain; charset=utf-8', 'application/vnd.ms-excel', 'TEXT/CSV'])
      assert.equal((await importCsv(admin, csv, type)).status, 200, type);
    assert.equal(await rows(shop), 1);
  });

  it('a file with any problem imports nothing and names every problem by line and column', async () => {
    const { shop, admin } = await shopAdmin();
    const csv = [
      'id,title,price,currency,active',
      'p1,Fine,1.00,USD,true',
      'p2,,2.00,USD,true',
      'p3,Cheap,1.999,USD,true',
      'p1,Again,,,',
      'p4,Bad flag,,,maybe',
      'p5,Odd,,EUR,',
      'p6,Short',
    ].join('\n');
    const res = await importCsv(admin, csv);
    isError(res, 400, 'invalid_request');
    assert.match(res.json.error.message, /6 problems; nothing was imported/);
    assert.deepEqual(
      res.json.error.details.map((d) => d.path),
      ['line 3.title', 'line 4.price', 'line 5.id', 'line 6.active', 'line 7.currency', 'line 8'],
    );
    assert.equal(await rows(shop), 0);
    for (const [bad, path] of [
      ['name,title\nx,y', 'line 1'],
      ['id,title,price,currency\np1,Tea,15.5,JPY', 'line 2.price'],
      ['id,title,price,currency\np1,Tea,15.5,', 'line 2.price'],
      ['id,title\np1,A\u0000B', 'line 2'],
      [Buffer.from('id,title\np1,Caf\xe9', 'latin1'), 'file'],
      ['id,title\n"p1,Open quote', 'line 2'],
      ['id,title\n"p1"x,T', 'line 2'],
    ]) {
      const refused = await importCsv(admin, bad);
      isError(refused, 400, 'invalid_request', String(bad));
      assert.equal(refused.json.error.details[0].path, path, String(bad));
    }
    assert.equal(await rows(shop), 0);
  });

  it("the review JSON-LD takes the product's name, link and image from the catalogue unless the page gives them", async () => {
    const { admin, pub } = await shopAdmin();
    const bare = await pub.get('/v1/products/p1/reviews/jsonld');
    assert.equal(bare.json.name, 'p1');
    await admin.put('/v1/admin/products/p1', {
      title: 'Everyday tote',
      url: 'https://shop.example.com/p/tote',
      image: 'https://shop.example.com/tote.jpg',
    });
    const known = (await pub.get('/v1/products/p1/reviews/jsonld')).json;
    assert.deepEqual(
      [known.name, known.url, known.image],
      ['Everyday tote', 'https://shop.example.com/p/tote', 'https://shop.example.com/tote.jpg'],
    );
    const given = (await pub.get('/v1/products/p1/reviews/jsonld?name=Tote%20XL')).json;
    assert.deepEqual([given.name, given.url], ['Tote XL', 'https://shop.example.com/p/tote']);
  });
});
