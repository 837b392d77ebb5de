// `npm run record`: plays the demo's stories through the real server and writes what it serves to
// `recorded/demo.js`, the data the memory adapter serves. Nothing in it is written by hand, so the
// demo can't show a shop the server would never produce; `test/recorded.node.test.mjs` records
// again and fails when a rule change on the server makes the file out of date.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { recordingBackend, RECORDED_AT } from './backend.mjs';
import { recordCatalogue } from './catalogue.mjs';
import { recordGroupBuy, SHOPPER } from './group-buy.mjs';
import { recordPoints } from './points.mjs';
import { recordReferrals } from './referrals.mjs';

export const RECORDED = new URL('../recorded/demo.js', import.meta.url);

/**
 * The server's random ids: those the demo names (`team-1`) by their names, the others (UUIDs, with
 * or without dashes) renumbered in order of appearance, so a recording is repeatable.
 */
function renumbered(data, names = {}, codes = {}) {
  const ids = new Map();
  const uuid = /(?<![0-9a-f-])[0-9a-f]{8}(-?)[0-9a-f]{4}\1[0-9a-f]{4}\1[0-9a-f]{4}\1[0-9a-f]{12}(?![0-9a-f])/g;
  // Referral codes are random too, and travel inside URLs and coupon codes (`ALEX-K3P9`: a name
  // and four characters, distinct enough to replace as text).
  const text = Object.entries(codes).reduce((t, [code, name]) => t.replaceAll(code, name), JSON.stringify(data));
  const named = text.replace(/"([\w-]+)"/g, (all, id) => (Object.hasOwn(names, id) ? `"${names[id]}"` : all));
  const numbered = named.replace(uuid, (id, dash) => {
    if (!ids.has(id)) ids.set(id, String(ids.size + 1).padStart(12, '0'));
    return ['00000000', '0000', '4000', '8000', ids.get(id)].join(dash);
  });
  return JSON.parse(numbered);
}

/** Everything the memory adapter serves, as the server served it at `RECORDED_AT`. */
export async function record() {
  const b = await recordingBackend();
  try {
    const catalogue = await recordCatalogue(b);
    const points = await recordPoints(b);
    const groupBuy = await recordGroupBuy(b);
    const referrals = await recordReferrals(b);
    const recordedAt = new Date(RECORDED_AT).toISOString();
    const data = { recordedAt, shopper: SHOPPER, ...catalogue.data, points, groupBuy: groupBuy.states };
    return renumbered(
      { ...data, referrals: referrals.states },
      { ...catalogue.names, ...groupBuy.names },
      referrals.codes,
    );
  } finally {
    await b.close();
  }
}

export const moduleText = (data) =>
  `// Recorded from the real server by \`npm run record\` (packages/adapter-memory/record): do not edit.\nexport default ${JSON.stringify(data, null, 2)};\n`;

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(RECORDED, moduleText(await record()));
  console.log(`wrote ${fileURLToPath(RECORDED)}`);
}
