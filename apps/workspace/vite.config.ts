import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';
import { defineConfig } from 'vite';

const DIST = fileURLToPath(new URL('./dist', import.meta.url));

/**
 * Writes a `.br` and a `.gz` beside each text asset over 1 kB, at the highest levels, once at
 * build time: the server sends them as they are (`preCompressed`) to browsers that accept them.
 */
function precompress(): Plugin {
  const walk = (dir: string): string[] => readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? walk(join(dir, f)) : [join(dir, f)]));
  return {
    name: 'baton-precompress',
    apply: 'build',
    closeBundle() {
      for (const file of walk(DIST).filter((f) => /\.(js|css|html|svg|json)$/.test(f))) {
        const raw = readFileSync(file);
        if (raw.length < 1024) continue;
        writeFileSync(`${file}.gz`, gzipSync(raw, { level: 9 }));
        writeFileSync(`${file}.br`, brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: raw.length } }));
      }
    },
  };
}

/**
 * The agent workspace is plain React compiled by Vite's built-in oxc transform (no React
 * plugin). The server serves `dist/` at `/` with an SPA fallback, so assets use absolute paths.
 */
export default defineConfig({
  base: '/',
  oxc: { jsx: { runtime: 'automatic' } },
  plugins: [precompress()],
  // No source map in the build: the server would publish the whole source with it.
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: false, target: 'es2022' },
  server: { proxy: { '/api': { target: 'http://localhost:3210', ws: true } } },
});
