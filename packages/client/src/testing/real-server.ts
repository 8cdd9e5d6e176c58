import { afterAll, beforeAll } from 'vitest';
import type { TestServer } from '../../../../apps/server/src/test/test-server.js';
import { startTestServer } from '../../../../apps/server/src/test/test-server.js';

/** A real Baton server on a random port for the suite (PGlite, demo data); `base()` is its API root. */
export function realServer(): { server: () => TestServer; base: () => string } {
  let s: TestServer | undefined;
  beforeAll(async () => {
    s = await startTestServer('pglite', { listen: true, workers: false });
  }, 60_000);
  afterAll(async () => {
    await s?.close();
  });
  return { server: () => s!, base: () => `${s!.url!}/api/v1` };
}
