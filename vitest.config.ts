import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const src = (p: string) => fileURLToPath(new URL(p, import.meta.url));

export default defineConfig({
  resolve: {
    // Tests run against the sources, so a stale dist/ can never hide a failure.
    alias: {
      '@baton/core': src('./packages/core/src/index.ts'),
      '@baton/client': src('./packages/client/src/index.ts'),
      '@baton/contracts/event-names': src('./packages/contracts/src/event-names.ts'),
      '@baton/contracts/errors': src('./packages/contracts/src/errors.ts'),
      '@baton/contracts': src('./packages/contracts/src/index.ts'),
      '@baton/encoder': src('./packages/encoder/src/index.ts'),
    },
  },
  test: {
    include: ['packages/*/src/**/*.test.ts', 'apps/*/src/**/*.test.ts', 'e2e/**/*.test.ts'],
    testTimeout: 20_000,
    // `npm test` reports the pure core's coverage and fails under 95% of its lines.
    coverage: {
      provider: 'v8',
      include: ['packages/core/src/**/*.ts'],
      exclude: ['**/*.test.ts', 'packages/core/src/testing/**'],
      reporter: ['text-summary'],
      thresholds: { lines: 95 },
    },
    // A suite's beforeAll starts a seeded server; on a loaded machine (two cores shared with other
    // runs) 10 s ran out in a different suite each time. Most suites already passed 60 s by hand.
    hookTimeout: 60_000,
    // Most files spend their time waiting on a server, a database, a browser or a mail round trip,
    // not on the CPU, so two files at once on this two-core machine nearly halve the run (vitest
    // would run one at a time here: it keeps a core for itself).
    maxWorkers: 2,
  },
});
