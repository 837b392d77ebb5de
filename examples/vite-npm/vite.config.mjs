import { defineConfig } from 'vite';

// Resolves @kith/* to their built `dist/` (the npm shape), so run `npm run build` at the root first.
export default defineConfig({ build: { outDir: 'dist', emptyOutDir: true } });
