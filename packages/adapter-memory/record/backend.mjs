// The real server in-process (`@kith/server/testing`) on a clock the recorder sets: every write
// happens at its moment in the demo's story, so the server's own rules (pending days, expiry,
// streaks, deadlines) decide every figure the memory adapter later serves.
import { readFileSync } from 'node:fs';
import FakeTimers from '@sinonjs/fake-timers';
import { createRestAdapter } from '@kith/adapter-rest';
import { createTestBackend, createTestDb } from '@kith/server/testing';

export const DAY = 86_400_000;
export const HOUR = 3_600_000;
export const MINUTE = 60_000;
export const usd = (minor) => ({ minor, currency: 'USD' });
/** The moment the demo is recorded at; the memory adapter moves every time by `now - RECORDED_AT`. */
export const RECORDED_AT = Date.parse('2026-03-02T10:00:00.000Z');

/** A photo a shopper uploads with a review. */
export const PNG = readFileSync(
  new URL('seed-media/tote-pocket.png', import.meta.resolve('@kith/server/package.json')),
);

/** Starts the server with the clock at `RECORDED_AT - from`; `at(ms)` moves it to `ms` before `RECORDED_AT`. */
export async function recordingBackend(from = 400 * DAY) {
  // PGlite's now() reads Date.now, so SQL and JS share the recorder's clock; a PostgreSQL server
  // (KITH_DATABASE_URL) would keep its own, so the recording always runs on PGlite.
  const clock = FakeTimers.install({ now: RECORDED_AT - from, toFake: ['Date'] });
  const backend = await createTestDb({})
    .then((db) => createTestBackend({ db }))
    .catch((e) => {
      clock.uninstall();
      throw e;
    });
  /** A shop's merchant (`admin`), a shopper by customer id, and a signed-out visitor. */
  const clients = ({ shop: { publishableKey }, customerToken, admin }) => ({
    admin,
    shopper: (customerId) =>
      createRestAdapter({ baseUrl: backend.baseUrl, publishableKey, customerToken: () => customerToken(customerId) }),
    guest: createRestAdapter({ baseUrl: backend.baseUrl, publishableKey }),
  });
  return {
    ...backend,
    ...clients(backend),
    /** Another shop on the same server: a state that needs a world of its own. */
    addShop: async () => clients(await backend.addShop()),
    at: (before) => clock.setSystemTime(RECORDED_AT - before),
    close: async () => (await backend.close(), clock.uninstall()),
  };
}

/**
 * Runs every state's story on one server, all stories' steps in time order (so shared things, a
 * reward's stock, a team's seats, see them as they happened): `steps` is `[msBefore, run]`, each
 * `run(customerId)` acting as that state's own customer.
 */
export async function play(b, stories) {
  const all = Object.entries(stories).flatMap(([who, steps]) =>
    steps.map(([before, run], i) => ({ who, before, i, run: () => run(who) })),
  );
  all.sort((x, y) => y.before - x.before || x.i - y.i);
  /** Each story's last answer: the write its state is the result of. */
  const answers = {};
  for (const step of all) {
    b.at(step.before);
    try {
      answers[step.who] = await step.run();
    } catch (e) {
      const when = `${step.who}, ${(step.before / DAY).toFixed(2)} days before`;
      throw new Error(`${when}: ${e.status} ${e.code} ${e.message}`, { cause: e });
    }
  }
  b.at(0);
  return answers;
}
