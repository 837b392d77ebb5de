import { defineConfig } from 'vite';

// Resolves @kith/* to their built `dist/` (the npm shape), so run `npm run build` at the root first.
// esbuild compiles the JSX as tsconfig.json says (react-jsx); no React plugin is needed to build.
export default defineConfig({ build: { outDir: 'dist', emptyOutDir: true } });
