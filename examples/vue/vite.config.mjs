import { defineConfig } from 'vite';
import vue from '@vitejs/plugin-vue';

// Resolves @kith/* to their built `dist/` (the npm shape), so run `npm run build` at the root first.
// Vue renders `kith-*` tags as custom elements instead of resolving them as Vue components.
export default defineConfig({
  plugins: [vue({ template: { compilerOptions: { isCustomElement: (tag) => tag.startsWith('kith-') } } })],
  build: { outDir: 'dist', emptyOutDir: true },
});
