// The memory adapter serves what `npm run record` recorded from the real server. This records
// again and compares, so a change to a server rule that moves any demo figure fails here until the
// recording is renewed (and its diff shows which figures moved).
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { createMemoryAdapter } from '@kith/adapter-memory';
import recorded from '../recorded/demo.js';
import { listingQuery } from '../record/catalogue.mjs';
import { record } from '../record/record.mjs';

it('recorded/demo.js is what the server serves today (else run `npm run record`)', async () => {
  assert.deepEqual(await record(), recorded);
});

// The recorder keys each listing by its query (`p1 rating=5 sort=newest`); the adapter must build
// the same key from the query a widget sends, or it answers the default order instead.
it('the adapter answers each recorded query with its recorded listing', async () => {
  const adapter = createMemoryAdapter();
  for (const [key, ids] of Object.entries(recorded.listings)) {
    const { items } = await adapter.reviews.listReviews({ ...listingQuery(key), limit: 50 });
    assert.deepEqual(
      items.map((r) => r.id),
      ids,
      key,
    );
  }
});
