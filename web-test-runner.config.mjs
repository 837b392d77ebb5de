import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { fileURLToPath } from 'node:url';
import { CHROMIUM_ARGS, findChromium } from './packages/tools/src/chromium.mjs';

// Component tests in Chromium. `npm test` finds the browser first (packages/tools/src/chromium.mjs).
export default {
  files: ['packages/*/src/**/*.test.ts'],
  nodeResolve: { exportConditions: ['source', 'browser', 'development'] },
  // The tsconfig carries experimentalDecorators; without it esbuild leaves decorators in (G8).
  plugins: [
    esbuildPlugin({
      ts: true,
      target: 'auto',
      tsconfig: fileURLToPath(new URL('./tsconfig.base.json', import.meta.url)),
    }),
  ],
  // nanostores reads process.env.NODE_ENV (G9).
  testRunnerHtml: (testFramework) => `<!doctype html><html lang="en"><body>
    <script>window.process = { env: { NODE_ENV: 'development' } };</script>
    <script type="module" src="${testFramework}"></script></body></html>`,
  testFramework: { config: { timeout: 10000 } },
  concurrency: 1,
  browsers: [
    chromeLauncher({ launchOptions: { executablePath: findChromium(), headless: true, args: CHROMIUM_ARGS } }),
  ],
};
