#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { createDbFromEnv, retryWhileUnavailable } from './db.js';
import { driveDemo } from './driver.js';
import { migrate } from './migrate.js';
import { DEMO_SHOP_ID, seedDemo } from './seed.js';
import { defaultCdnDir } from './cdn.js';
import { startServer } from './server.js';
import { DEFAULT_KEY_OVERLAP_SECONDS, MAX_KEY_OVERLAP_SECONDS } from './domains/shops/schemas.js';
import { getShop, rotateSecretKey } from './domains/shops/storage.js';
import { customerTokenKeyId, signCustomerToken } from './tokens.js';

const HELP = `kith-server: the Kith reference server

  kith-server serve [--port 8787] [--demo] [--drive] [--static /=dir --static /cdn/=dir] [--scheduler-interval 5000]
      Migrates the database and serves the API; while the database is unreachable it waits (and
      API calls answer 503). --demo seeds the demo shop on first run and prints its keys; --drive
      keeps its show-1 cycling scheduled → live → ended. The scheduler (held seats lapsing, team
      deadlines, points expiring, webhooks) runs every --scheduler-interval ms; 0: not in this
      process (another one runs it).
  kith-server token --shop <id> --customer <id> [--ttl 900]
      Prints a customer token signed with the shop's secret key (what your backend does per login).
  kith-server keys --shop <id>
      Prints the shop's publishable and secret keys.
  kith-server rotate-key --shop <id> [--overlap 86400]
      Gives the shop a new secret key and prints it. The old one stops authenticating API calls now
      and verifies customer tokens for --overlap more seconds (at most 604800; 0: not at all).

Environment: PORT, KITH_DATABASE_URL (PostgreSQL; default: embedded PGlite), KITH_DATA_DIR (PGlite
files, default .kith-data), KITH_DATABASE_SCHEMA (optional schema on PostgreSQL), KITH_PUBLIC_URL
(the public origin for photo URLs behind a proxy, e.g. https://api.example.com),
KITH_SCHEDULER_INTERVAL_MS (as --scheduler-interval), KITH_WEBHOOK_RETRY_BASE_MS (first webhook retry
delay, default 30000, then ×4), KITH_TRUST_PROXY (behind a reverse proxy: the hop count, e.g. 1, or
the proxies' IPs and CIDRs, e.g. 10.0.0.0/8,fd00::/8, whose X-Forwarded-For names the client; default off).`;

async function main() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      port: { type: 'string' },
      demo: { type: 'boolean' },
      'scheduler-interval': { type: 'string' },
      drive: { type: 'boolean' },
      static: { type: 'string', multiple: true },
      shop: { type: 'string' },
      customer: { type: 'string' },
      ttl: { type: 'string' },
      overlap: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const command = positionals[0] ?? 'serve';
  if (values.help || !['serve', 'token', 'keys', 'rotate-key'].includes(command)) {
    console.log(HELP);
    process.exit(values.help ? 0 : 2);
  }
  // A server waits for its database (creating KITH_DATABASE_SCHEMA connects); one-off commands fail at once.
  const db =
    command === 'serve' ? await retryWhileUnavailable('start-up', () => createDbFromEnv()) : await createDbFromEnv();

  if (command === 'token' || command === 'keys' || command === 'rotate-key') {
    await migrate(db);
    const shop = values.shop && (await getShop(db, values.shop));
    if (!shop) fail(`Unknown shop "${values.shop ?? ''}" (use --shop <id>)`);
    if (command === 'keys') console.log(`publishable: ${shop.publishableKey}\nsecret:      ${shop.secretKey}`);
    else if (command === 'rotate-key') {
      const overlapSeconds = values.overlap === undefined ? DEFAULT_KEY_OVERLAP_SECONDS : Number(values.overlap);
      if (!Number.isInteger(overlapSeconds) || overlapSeconds < 0 || overlapSeconds > MAX_KEY_OVERLAP_SECONDS)
        fail(`--overlap is 0 to ${MAX_KEY_OVERLAP_SECONDS} seconds`);
      const rotated = await rotateSecretKey(db, shop.id, { overlapSeconds });
      if (!rotated) fail(`Unknown shop "${shop.id}"`);
      console.log(`secret:      ${rotated.shop.secretKey} (kid ${customerTokenKeyId(rotated.shop.secretKey)})`);
      console.log(
        rotated.previousSecretKeyExpiresAt
          ? `The previous key (kid ${customerTokenKeyId(shop.secretKey)}) verifies customer tokens until ${rotated.previousSecretKeyExpiresAt}, and no longer authenticates API calls.`
          : 'The previous key no longer verifies customer tokens nor authenticates API calls.',
      );
    } else {
      if (!values.customer) fail('Give the customer id: --customer <id>');
      const ttlSeconds = values.ttl ? Number(values.ttl) : 900;
      if (!Number.isInteger(ttlSeconds) || ttlSeconds <= 0) fail('--ttl is a positive number of seconds');
      try {
        console.log(await signCustomerToken(shop.secretKey, values.customer, { ttlSeconds }));
      } catch (e) {
        fail(e instanceof Error ? e.message : String(e));
      }
    }
    await db.close();
    return;
  }

  const staticMounts = Object.fromEntries((values.static ?? []).map((m) => m.split('=') as [string, string]));
  const port = Number(values.port ?? process.env.PORT ?? 8787);
  const interval = values['scheduler-interval'] ?? process.env.KITH_SCHEDULER_INTERVAL_MS;
  const retryBase = process.env.KITH_WEBHOOK_RETRY_BASE_MS;
  const running = await startServer({
    db,
    port,
    staticMounts,
    publicUrl: process.env.KITH_PUBLIC_URL,
    trustProxy: process.env.KITH_TRUST_PROXY,
    schedulerIntervalMs: interval === undefined ? undefined : Number(interval),
    webhookRetryBaseMs: retryBase ? Number(retryBase) : undefined,
  });
  const where = `http://localhost:${running.port}`;
  console.log(
    `Kith server on ${where} (database: ${db.kind === 'pglite' ? `embedded, ${process.env.KITH_DATA_DIR ?? '.kith-data'}` : 'PostgreSQL'})`,
  );
  const cdn = defaultCdnDir();
  if (cdn) console.log(`Script-tag build: ${where}/cdn/kith.js (SRI hashes in ${where}/cdn/integrity.json)`);
  let stopDriver = () => {};
  if (values.demo) {
    const { shop, created } = await seedDemo(db);
    console.log(
      `${created ? 'Seeded' : 'Using'} the demo shop "${shop.id}":\n  publishable key: ${shop.publishableKey}\n  secret key:      ${shop.secretKey}`,
    );
    console.log(
      `Go live from a terminal:\n  curl -X POST ${where}/v1/admin/live/shows/show-4/start -H "Authorization: Bearer ${shop.secretKey}" -H "Idempotency-Key: $(uuidgen || date +%s%N)"`,
    );
    if (values.drive) stopDriver = driveDemo(db, DEMO_SHOP_ID, 'show-1');
  }
  // A signal handler's promise is nobody's: a failing close is reported and still ends the process.
  const shutdown = () => {
    stopDriver();
    running
      .close()
      .then(() => db.close())
      .then(
        () => process.exit(0),
        (e: unknown) => {
          console.error(e);
          process.exit(1);
        },
      );
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

main().catch((e) => {
  console.error('[kith-server]', e instanceof Error ? e.message : e);
  process.exit(1);
});
