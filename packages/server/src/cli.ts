#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { createDbFromEnv, retryWhileUnavailable } from './db.js';
import { driveDemo } from './driver.js';
import { migrate } from './migrate.js';
import { DEMO_SHOP_ID, seedDemo } from './seed.js';
import { defaultCdnDir } from './cdn.js';
import { defaultConsoleDir } from './console.js';
import { startServer } from './server.js';
import { DEFAULT_KEY_OVERLAP_SECONDS, MAX_KEY_OVERLAP_SECONDS, originOf, SHOP_ID } from './domains/shops/schemas.js';
import {
  createShop,
  getShop,
  listShops,
  rotateSecretKey,
  setOriginAllowed,
  type Shop,
} from './domains/shops/storage.js';
import type { Db } from './db.js';
import {
  inviteStaff,
  inviteUrl,
  listStaff,
  normalizeEmail,
  reinviteStaff,
  removeStaff,
  staffByEmail,
} from './domains/staff/storage.js';
import { customerTokenKeyId, signCustomerToken } from './tokens.js';

const HELP = `kith-server: the Kith reference server

  kith-server serve [--port 8787] [--demo] [--drive] [--static /=dir --static /cdn/=dir] [--scheduler-interval 5000]
      Migrates the database and serves the API; while the database is unreachable it waits (and
      API calls answer 503). --demo seeds the demo shop on first run and prints its keys; --drive
      keeps its show-1 cycling scheduled → live → ended. The scheduler (held seats lapsing, team
      deadlines, points expiring, webhooks) runs every --scheduler-interval ms; 0: not in this
      process (another one runs it).
  kith-server shops create --id <id> --name <name> [--origin <url>]…
      Creates a shop and prints its keys and the script tag for its pages. Each --origin (scheme,
      host and port, e.g. https://shop.example.com) is a site whose pages may use the shop's
      publishable key; a browser on any other site is refused (403 origin_not_allowed).
  kith-server shops list
      Lists the shops with their allowed origins.
  kith-server shops origins add|remove <shop> <origin>
      Allows a site's pages to use the shop's publishable key, or stops them.
  kith-server users create --shop <id> --email <email> --role owner|moderator
      Adds a staff member to the shop and prints a one-time link (7 days) to the console
      (KITH_PUBLIC_URL/admin/) where they set their password. An owner may do everything; a
      moderator, the moderation queue only.
  kith-server users invite --shop <id> --email <email>
      Prints a new one-time link for someone already on the staff (a lost link, a forgotten password).
  kith-server users list --shop <id>
      Lists the shop's staff with their roles.
  kith-server users remove --shop <id> --email <email>
      Takes someone off the staff: they can no longer sign in, and their sessions end now.
  kith-server token --shop <id> --customer <id> [--ttl 900]
      Prints a customer token signed with the shop's secret key (what your backend does per login).
  kith-server keys --shop <id>
      Prints the shop's publishable and secret keys.
  kith-server keys rotate --shop <id> [--overlap 86400]   (also: rotate-key)
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
      id: { type: 'string' },
      name: { type: 'string' },
      origin: { type: 'string', multiple: true },
      email: { type: 'string' },
      role: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  // `keys rotate` is `rotate-key`, its first spelling.
  const command = positionals[0] === 'keys' && positionals[1] === 'rotate' ? 'rotate-key' : (positionals[0] ?? 'serve');
  if (values.help || !['serve', 'shops', 'users', 'token', 'keys', 'rotate-key'].includes(command)) {
    console.log(HELP);
    process.exit(values.help ? 0 : 2);
  }
  // A server waits for its database (creating KITH_DATABASE_SCHEMA connects); one-off commands fail at once.
  const db =
    command === 'serve' ? await retryWhileUnavailable('start-up', () => createDbFromEnv()) : await createDbFromEnv();

  if (command === 'shops' || command === 'users') {
    try {
      await migrate(db);
      await (command === 'shops' ? shops : users)(db, positionals.slice(1), values);
    } finally {
      await db.close();
    }
    return;
  }

  if (command === 'token' || command === 'keys' || command === 'rotate-key') {
    // A refusal closes the database too: its files are clean for the next process.
    try {
      await oneOff(db, command, values);
    } finally {
      await db.close();
    }
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
  if (defaultConsoleDir())
    console.log(
      `Merchant console: ${where}/admin/ (kith-server users create --shop <id> --email <email> --role owner)`,
    );
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

/** `token`, `keys` and `rotate-key`: one shop's keys and tokens. */
async function oneOff(
  db: Db,
  command: 'token' | 'keys' | 'rotate-key',
  values: { shop?: string; customer?: string; ttl?: string; overlap?: string },
): Promise<void> {
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
}

/** `shops create|list|origins add|remove`: what a merchant needs before a page can use Kith. */
async function shops(
  db: Db,
  [sub, ...args]: string[],
  o: { id?: string; name?: string; origin?: string[] },
): Promise<void> {
  const origins = (list: readonly string[]) => (list.length ? list.join(', ') : 'none yet');
  if (sub === 'list') {
    const all = await listShops(db);
    if (!all.length) console.log('No shops yet: kith-server shops create --id <id> --name <name> --origin <url>');
    for (const shop of all) console.log(`${shop.id}  ${shop.name}  (origins: ${origins(shop.allowedOrigins)})`);
  } else if (sub === 'create') {
    if (!o.id || !SHOP_ID.test(o.id))
      fail('Give the shop an id: --id <id> (lower-case letters, digits, - and _, up to 63 characters)');
    const name = o.name?.trim();
    if (!name || name.length > 200) fail('Give the shop a name: --name <name> (up to 200 characters)');
    const allowed = (o.origin ?? []).map((input) => originOf(input) ?? fail(notAnOrigin(input)));
    if (await getShop(db, o.id)) fail(`A shop "${o.id}" exists already (kith-server keys --shop ${o.id})`);
    const shop = await createShop(db, { id: o.id, name, allowedOrigins: [...new Set(allowed)] });
    console.log(`Created the shop "${shop.id}" (${shop.name}).`);
    printShop(shop);
  } else if (sub === 'origins' && (args[0] === 'add' || args[0] === 'remove') && args.length === 3) {
    const [change, shopId, input] = args as [string, string, string];
    const origin = originOf(input) ?? fail(notAnOrigin(input));
    const shop = await setOriginAllowed(db, shopId, origin, change === 'add');
    if (!shop) fail(`Unknown shop "${shopId}" (kith-server shops list)`);
    console.log(`${shop.id} allows pages on: ${origins(shop.allowedOrigins)}`);
  } else fail(HELP);
}

/** `users create|invite|list`: the shop's staff, who sign in to the console. */
async function users(db: Db, [sub]: string[], o: { shop?: string; email?: string; role?: string }): Promise<void> {
  const shop = o.shop && (await getShop(db, o.shop));
  if (!shop) fail(`Unknown shop "${o.shop ?? ''}" (use --shop <id>; kith-server shops list)`);
  const server = process.env.KITH_PUBLIC_URL || `http://localhost:${process.env.PORT || 8787}`;
  if (sub === 'list') {
    const staff = await listStaff(db, shop.id);
    if (!staff.length)
      console.log(`No staff yet: kith-server users create --shop ${shop.id} --email <email> --role owner`);
    for (const u of staff) console.log(`${u.email}  ${u.role}${u.active ? '' : '  (invited, no password yet)'}`);
    return;
  }
  const email = o.email && normalizeEmail(o.email);
  if (!email || !/^[^\s@]+@[^\s@]+$/.test(email) || email.length > 320) fail('Give their email: --email <email>');
  if (sub === 'create') {
    if (o.role !== 'owner' && o.role !== 'moderator') fail('Give their role: --role owner or --role moderator');
    const invited = await inviteStaff(db, { shopId: shop.id, email, role: o.role });
    if (!invited) fail(`${email} is on a staff already (kith-server users invite --shop <id> --email ${email})`);
    console.log(`Added ${email} to ${shop.id} as ${o.role}. Send them this link (it works once, for 7 days):`);
    console.log(`  ${inviteUrl(server, invited.invite)}`);
  } else if (sub === 'remove') {
    const user = await staffByEmail(db, shop.id, email);
    if (!user || !(await removeStaff(db, shop.id, user.id)))
      fail(`${email} is not on ${shop.id}'s staff (kith-server users list --shop ${shop.id})`);
    console.log(`${email} can no longer sign in to ${shop.id}; their sessions have ended.`);
  } else if (sub === 'invite') {
    const invite = await reinviteStaff(db, shop.id, email);
    if (!invite) fail(`${email} is not on ${shop.id}'s staff (kith-server users list --shop ${shop.id})`);
    console.log(`A new link for ${email} (earlier links stop working; it works once, for 7 days):`);
    console.log(`  ${inviteUrl(server, invite)}`);
  } else fail(HELP);
}

const notAnOrigin = (input: string) =>
  `"${input}" is not an origin: give the scheme, host and port only, e.g. https://shop.example.com or http://localhost:5173`;

function printShop(shop: Shop): void {
  const server = process.env.KITH_PUBLIC_URL || `http://localhost:${process.env.PORT || 8787}`;
  console.log(`  publishable key: ${shop.publishableKey}   (for pages)`);
  console.log(`  secret key:      ${shop.secretKey}   (for your servers only: never in a page)`);
  console.log(
    `  allowed origins: ${shop.allowedOrigins.length ? shop.allowedOrigins.join(', ') : 'none yet (kith-server shops origins add)'}`,
  );
  console.log(`On a page of an allowed origin, with the server at ${server}:`);
  console.log(
    `  <script type="module" src="${server}/cdn/kith.js" data-adapter="rest" data-endpoint="${server}/v1" data-key="${shop.publishableKey}"></script>`,
  );
  console.log('  <kith-rating product="your-product-id"></kith-rating>');
}

/** A command refused for its input: its message, exit code 2, after the database is closed. */
class Refusal extends Error {}
function fail(message: string): never {
  throw new Refusal(message);
}

main().catch((e) => {
  if (e instanceof Refusal) console.error(e.message);
  else console.error('[kith-server]', e instanceof Error ? e.message : e);
  process.exit(e instanceof Refusal ? 2 : 1);
});
