import { defineConfig } from 'vite';

// The client bundle the server serves at /client.js. Resolves @kith/* to their built `dist/`, so
// run `npm run build` at the root first.
export default defineConfig({
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    rollupOptions: {
      input: 'client.js',
      output: { entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js' },
    },
  },
});
