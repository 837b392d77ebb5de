export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.test.ts', 'src/**/*.stories.ts', 'src/**/define.ts', 'src/**/strings*.ts'],
  outdir: '.',
  litelement: true,
};
