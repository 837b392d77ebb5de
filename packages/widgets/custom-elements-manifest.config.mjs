import { elementTypesPlugin } from './element-types.mjs';

export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.test.ts', 'src/**/*.stories.ts', 'src/**/define.ts', 'src/**/strings*.ts'],
  outdir: '.',
  litelement: true,
  // JSX, React, Vue and VS Code types for developers, written from the finished manifest.
  plugins: [elementTypesPlugin()],
};
