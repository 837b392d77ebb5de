// `npm start`: builds the packages when a file changed since the last build, then runs the
// reference server (@kith/server) on the embedded database with the demo shop: API, live stream and
// the demo page (examples/script-tag) on one origin. Flags: --no-driver (show-1 stays put),
// --no-build. `?fail` on the page URL points its adapter at an API that is down, to show the
// widgets' fallback. Every step that takes over a second says what it is doing.
import { fileURLToPath } from 'node:url';
import { build } from './build.mjs';

const root = fileURLToPath(new URL('../../../', import.meta.url));
if (!process.argv.includes('--no-build')) {
  try {
    await build({ ifChanged: true });
  } catch (e) {
    if (e.output) process.stderr.write(e.output);
    console.error(`The build failed: ${e.message}`);
    process.exit(1);
  }
}

/** Says what it is doing (the embedded database blocks the event loop as it opens), then how long it took. */
async function step(label, fn) {
  const started = performance.now();
  process.stdout.write(`${label}… `);
  const result = await fn();
  const ms = performance.now() - started;
  console.log(ms >= 1000 ? `done in ${(ms / 1000).toFixed(1)} s` : 'done');
  return result;
}

const { createDbFromEnv, demoOwnerLink, driveDemo, migrate, seedDemo, startServer, DEMO_OWNER_EMAIL, DEMO_SHOP_ID } =
  await import('@kith/server');
const { demoRoutes } = await import('./demo-routes.mjs');

let secret;
const dataDir = process.env.KITH_DATA_DIR ?? `${root}.kith-data`;
const where = process.env.KITH_DATABASE_URL ? 'PostgreSQL' : `the embedded database (${dataDir})`;
const db = await step(`Opening ${where}`, () => createDbFromEnv({ ...process.env, KITH_DATA_DIR: dataDir }));
const applied = await step('Migrating the database', () => migrate(db));
if (applied.length) console.log(`  ${applied.length} migration${applied.length > 1 ? 's' : ''} applied`);
const running = await step('Starting the server', () =>
  startServer({
    db,
    port: Number(process.env.PORT ?? 8787),
    extend: demoRoutes({ secretKey: () => secret }),
    // The demo serves the CDN files uncached, so a rebuild shows at once (the server's own /cdn/ keeps them).
    cdn: false,
    staticMounts: { '/': `${root}examples/script-tag`, '/cdn/': `${root}packages/embed/dist/cdn` },
  }),
);
const { shop, created } = await step('Seeding the demo shop', () => seedDemo(db));
secret = shop.secretKey;
const stop = process.argv.includes('--no-driver') ? () => {} : driveDemo(db, DEMO_SHOP_ID, 'show-1');
const url = `http://localhost:${running.port}`;
const signIn = await demoOwnerLink(db, url);
console.log(`
Kith demo shop: ${url}/   (embedded database in ${db.kind === 'pglite' ? (process.env.KITH_DATA_DIR ?? '.kith-data/') : 'PostgreSQL'}${created ? ', seeded now' : ''})
With the API failing: ${url}/?fail
API: ${url}/v1/openapi.json
Merchant console: ${url}/admin/
  Sign in as the demo shop's owner (${DEMO_OWNER_EMAIL}) with this one-time link, which sets a password:
  ${signIn}
Demo shop keys: publishable ${shop.publishableKey}, secret ${shop.secretKey}
Take "Studio tour" live (watch its badge on the page):
  curl -X POST ${url}/v1/admin/live/shows/show-4/start -H "Authorization: Bearer ${shop.secretKey}" -H "Idempotency-Key: $RANDOM$RANDOM$RANDOM"
Write a review on the page (you are a new demo shopper on each visit), then approve it in the console's
Moderation screen, or:
  curl ${url}/v1/admin/reviews?status=pending -H "Authorization: Bearer ${shop.secretKey}"
  curl -X POST ${url}/v1/admin/reviews/<id>/approve -H "Authorization: Bearer ${shop.secretKey}" -H "Idempotency-Key: $RANDOM$RANDOM$RANDOM"
Team up (group buy): start a team on the page and press "Pay now" in the demo cart; open the page in a
second browser (or a private window) as another shopper, join from the shared link and pay: both pages
show the team succeed. Teams and their seats, as the merchant sees them:
  curl ${url}/v1/admin/teams?state=forming -H "Authorization: Bearer ${shop.secretKey}"
Points: check in and redeem a reward under "Your rewards" on the page; each demo shopper starts with two
orders and a welcome bonus. Refund an order as the shop's backend would (the page lists the commands), then
return to the page's tab: the balance and history update.
  export KITH_SECRET_KEY=${shop.secretKey}
  curl ${url}/v1/admin/points/customers/<customer id> -H "Authorization: Bearer $KITH_SECRET_KEY"
Referrals: press Share beside "Add to cart" and copy your link; open it in a second browser (a friend),
press "Allow analytics" there, then run the curl that page lists to report the friend's first order:
the first browser's share menu counts the visit and the order. Flagged referrals, as the merchant sees them:
  curl ${url}/v1/admin/referrals?status=flagged -H "Authorization: Bearer $KITH_SECRET_KEY"
Press Ctrl+C to stop.`);

const shutdown = async () => {
  stop();
  await running.close();
  await db.close();
  process.exit(0);
};
process.once('SIGINT', shutdown);
process.once('SIGTERM', shutdown);
