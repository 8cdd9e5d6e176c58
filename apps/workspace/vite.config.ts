import { defineConfig } from 'vite';

/**
 * The agent workspace is plain React compiled by Vite's built-in oxc transform (no React
 * plugin). The server serves `dist/` at `/` with an SPA fallback, so assets use absolute paths.
 */
export default defineConfig({
  base: '/',
  oxc: { jsx: { runtime: 'automatic' } },
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: true, target: 'es2022' },
  server: { proxy: { '/api': { target: 'http://localhost:3210', ws: true } } },
});
