import type { StorybookConfig } from '@storybook/web-components-vite';
import { defaultClientConditions, mergeConfig } from 'vite';

const config: StorybookConfig = {
  framework: { name: '@storybook/web-components-vite', options: {} },
  stories: ['../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-vitest', '@storybook/addon-a11y', '@storybook/addon-docs'],
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  viteFinal: (cfg) =>
    mergeConfig(cfg, {
      // Workspace packages resolve to their TypeScript sources (the `source` export condition), so
      // stories need no `npm run build` first. Vite replaces `process.env.NODE_ENV` (read by
      // nanostores) on its own.
      resolve: { conditions: ['source', ...defaultClientConditions] },
      // The web-components renderer imports `lit/directive-helpers.js`. Left out of the pre-bundle, it
      // pulls in a second lit-html instance next to the pre-bundled `lit` ("Multiple versions of Lit
      // loaded") in `storybook dev` and in the vitest run.
      optimizeDeps: { include: ['lit/directive-helpers.js'] },
    }),
};

export default config;
