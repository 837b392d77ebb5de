// Screenshots a page in headless Chromium and reports console errors, page errors and unhandled
// rejections: `node packages/tools/src/shoot.mjs <url> <out.png> [waitMs] [--dark] [--reduced-motion]`.
import { chromium } from 'playwright';
import { CHROMIUM_ARGS, findChromium } from './chromium.mjs';

/**
 * @param {string} url
 * @param {{ colorScheme?: 'light' | 'dark' | 'no-preference', reducedMotion?: 'reduce' | 'no-preference', forcedColors?: 'none' | 'active', viewport?: { width: number, height: number } }} [options]
 */
export async function openPage(
  url,
  {
    colorScheme = 'light',
    reducedMotion = 'no-preference',
    forcedColors = 'none',
    viewport = { width: 1100, height: 760 },
  } = {},
) {
  const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
  const page = await browser.newPage({ viewport, colorScheme, reducedMotion, forcedColors });
  const problems = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => m.type() === 'error' && problems.push(`console.error: ${m.text()}`));
  await page.addInitScript(() => {
    window.addEventListener('unhandledrejection', (e) => console.error(`unhandledrejection: ${e.reason}`));
    document.addEventListener('securitypolicyviolation', (e) =>
      console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  await page.goto(url);
  return { browser, page, problems };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [url, out, wait = '1500'] = process.argv.slice(2);
  const { browser, page, problems } = await openPage(url, {
    colorScheme: process.argv.includes('--dark') ? 'dark' : 'light',
    reducedMotion: process.argv.includes('--reduced-motion') ? 'reduce' : 'no-preference',
    forcedColors: process.argv.includes('--forced-colors') ? 'active' : 'none',
  });
  await page.waitForTimeout(Number(wait));
  await page.screenshot({ path: out });
  console.log(problems.length ? problems.join('\n') : 'no page errors');
  await browser.close();
}
