import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';
import { defineConfig } from 'vite';

/** The budget from the package description: the widget loads on every page of a shop. */
const MAX_GZIP_BYTES = 50 * 1024;
const OUT = fileURLToPath(new URL('./dist/widget.js', import.meta.url));

/** Prints the gzipped size of the bundle and fails the build when it is over budget. */
function sizeBudget(): Plugin {
  return {
    name: 'baton-size-budget',
    apply: 'build',
    closeBundle() {
      const gz = gzipSync(readFileSync(OUT), { level: 9 }).length;
      const kb = (n: number) => `${(n / 1024).toFixed(1)} kB`;
      const line = `widget.js: ${kb(gz)} gzipped (budget ${kb(MAX_GZIP_BYTES)})`;
      if (gz > MAX_GZIP_BYTES) throw new Error(`${line}: over budget`);
      console.log(line);
    },
  };
}

export default defineConfig({
  // JSX for Preact through Vite's built-in oxc transform (no preset needed).
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  define: { 'process.env.NODE_ENV': JSON.stringify('production') },
  plugins: [sizeBudget()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2020',
    // One classic script: the host page embeds it with a plain <script async> tag.
    lib: { entry: fileURLToPath(new URL('./src/main.tsx', import.meta.url)), name: 'BatonWidget', formats: ['iife'], fileName: () => 'widget.js' },
    cssCodeSplit: false,
    sourcemap: false,
  },
});
