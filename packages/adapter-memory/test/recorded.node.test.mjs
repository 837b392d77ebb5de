// The memory adapter serves what `npm run record` recorded from the real server. This records
// again and compares, so a change to a server rule that moves any demo figure fails here until the
// recording is renewed (and its diff shows which figures moved).
import assert from 'node:assert/strict';
import { it } from 'node:test';
import recorded from '../recorded/demo.js';
import { record } from '../record/record.mjs';

it('recorded/demo.js is what the server serves today (else run `npm run record`)', async () => {
  assert.deepEqual(await record(), recorded);
});
