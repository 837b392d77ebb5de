// The demo page writes the `?kith_ref=` a visitor arrived with into its HTML and into the curl
// command it prints. A hostile value must stay text in the page and one argument in the shell.
import { execFile } from 'node:child_process';
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { promisify } from 'node:util';
import { Hono } from 'hono';
import { demoRoutes } from '../src/demo-routes.mjs';

const HOSTILE = [
  '"><script>alert(1)</script>',
  "'$(id)'",
  '`id`',
  "a'\nb; touch /tmp/kith-pwned #",
  '<img src=x onerror=alert(1)>&amp;',
  "$`$'$&",
];

const app = new Hono();
demoRoutes({ secretKey: () => 'sk_test_demo_routes' })(app);

const unescape = (s) =>
  s
    .replace(/&#(\d+);/g, (_, n) => String.fromCharCode(Number(n)))
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');

describe('demo page with a hostile ?kith_ref=', () => {
  for (const ref of HOSTILE) {
    it(JSON.stringify(ref), async () => {
      const html = await (await app.request(`/?kith_ref=${encodeURIComponent(ref)}`)).text();
      const code = ref.toUpperCase();
      // In the HTML: no markup of the visitor's, only the escaped text.
      assert.doesNotMatch(html, /<script>alert|<img src=x|<SCRIPT>|<IMG/i);
      const shopper = html.match(/<p id="shopper">([\s\S]*?)<\/p>/)[1];
      assert.ok(unescape(shopper).includes(`referred by ${code}`), shopper);
      // In the shell: the command, run by bash with a stand-in curl, passes the code as data and runs nothing else.
      const command = unescape(html.match(/<pre id="refund">([\s\S]*?)<\/pre>/)[1]);
      const { stdout } = await promisify(execFile)('bash', ['-c', `curl() { printf '%s\\0' "$@"; }\n${command}`], {
        env: { PATH: process.env.PATH, KITH_SECRET_KEY: 'sk' },
      });
      const args = stdout.split('\0').slice(0, -1);
      assert.equal(args.length, 11, args.join(' | '));
      assert.equal(JSON.parse(args.at(-1)).referralCode, code);
      assert.ok(!args.some((a) => /uid=/.test(a)), 'no command ran');
    });
  }
});
