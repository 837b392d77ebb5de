// Finds a Chromium for the browser tests: $CHROME_PATH, the usual system paths, then Playwright's
// cache. As root on Debian/Ubuntu with none, installs Debian's `chromium`; elsewhere says exactly
// what to install. Prints the path when run directly.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { homedir, platform } from 'node:os';
import { join } from 'node:path';

/** Flags for headless Chromium here: as root it needs --no-sandbox; the rest avoid network chatter. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

const SYSTEM = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/snap/bin/chromium',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
];

function playwrightCache() {
  const root =
    process.env.PLAYWRIGHT_BROWSERS_PATH ||
    join(homedir(), platform() === 'darwin' ? 'Library/Caches/ms-playwright' : '.cache/ms-playwright');
  if (!existsSync(root)) return [];
  return readdirSync(root)
    .filter((d) => d.startsWith('chromium'))
    .sort()
    .reverse()
    .flatMap((d) => [
      join(root, d, 'chrome-linux', 'chrome'),
      join(root, d, 'chrome-linux64', 'chrome'),
      join(root, d, 'chrome-linux', 'headless_shell'),
      join(root, d, 'chrome-headless-shell-linux64', 'chrome-headless-shell'),
    ]);
}

export function findChromium() {
  if (process.env.CHROME_PATH) {
    if (existsSync(process.env.CHROME_PATH)) return process.env.CHROME_PATH;
    throw new Error(`CHROME_PATH is set to ${process.env.CHROME_PATH}, which does not exist.`);
  }
  return [...SYSTEM, ...playwrightCache()].find((p) => existsSync(p));
}

const isDebian = () =>
  existsSync('/etc/debian_version') ||
  /ID(_LIKE)?=.*(debian|ubuntu)/.test(existsSync('/etc/os-release') ? readFileSync('/etc/os-release', 'utf8') : '');

export function ensureChromium() {
  const found = findChromium();
  if (found) return found;
  if (platform() === 'linux' && process.getuid?.() === 0 && isDebian()) {
    console.log("No Chromium found: installing Debian's chromium package (apt-get install -y chromium)…");
    execFileSync('apt-get', ['update'], { stdio: 'inherit' });
    execFileSync('apt-get', ['install', '-y', '--no-install-recommends', 'chromium'], {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    const installed = findChromium();
    if (installed) return installed;
  }
  const how =
    platform() === 'darwin'
      ? 'brew install --cask chromium   (or install Google Chrome)'
      : platform() === 'win32'
        ? 'install Google Chrome or Chromium'
        : isDebian()
          ? 'sudo apt-get install -y chromium'
          : 'install Chromium with your package manager (e.g. dnf install chromium)';
  throw new Error(
    `The browser tests need Chromium or Chrome and none was found.\n  Install it: ${how}\n  or point CHROME_PATH at an existing chrome/chromium binary.`,
  );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    console.log(ensureChromium());
  } catch (e) {
    console.error(e.message);
    process.exit(1);
  }
}
