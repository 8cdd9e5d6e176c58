import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from '../test/test-server.js';
import { startTestServer } from '../test/test-server.js';

type ErrorBody = { error: { code: string } };

/** A request the test holds open until it says so: work in flight on the node. */
function holdable() {
  const held: (() => void)[] = [];
  let entered: () => void = () => {};
  return {
    /** Resolves once a held request has reached the handler. */
    entered: () => new Promise<void>((r) => (entered = r)),
    release: () => held.splice(0).forEach((go) => go()),
    route: async (app: FastifyInstance) => {
      app.get('/api/v1/test-hold', async () => {
        await new Promise<void>((go) => {
          held.push(go);
          entered();
        });
        return { done: true };
      });
    },
  };
}

// Back-pressure and a graceful stop: one node with room for one request at a time.
describe('back-pressure and draining on one node', () => {
  let s: TestServer;
  const hold = holdable();
  beforeAll(async () => {
    s = await startTestServer('pglite', { listen: true, workers: false, env: { BATON_MAX_IN_FLIGHT: '1', BATON_SHUTDOWN_GRACE_SECONDS: '3' }, plugins: [hold.route] });
  }, 60_000);
  afterAll(async () => {
    hold.release();
    await s?.close();
  });

  it('answers 503 SERVER_ERR_BUSY with Retry-After past the limit, at once, and takes work again when there is room', async () => {
    const entered = hold.entered();
    const first = fetch(`${s.url}/api/v1/test-hold`);
    await entered;
    const refused = await fetch(`${s.url}/api/v1/conversations`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).toBe('1');
    expect(((await refused.json()) as ErrorBody).error.code).toBe('SERVER_ERR_BUSY');
    // Probes are not work: they answer while the node is full.
    expect((await fetch(`${s.url}/readyz`)).status).toBe(200);
    hold.release();
    expect(((await (await first).json()) as { done: boolean }).done).toBe(true);
    const taken = await fetch(`${s.url}/api/v1/conversations`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(taken.status).toBe(201);
  });

  it('stops gracefully: not ready at once, new requests refused with SERVER_ERR_STOPPING, the one in flight finished', async () => {
    const entered = hold.entered();
    const inFlight = fetch(`${s.url}/api/v1/test-hold`);
    await entered;
    // The grace (BATON_SHUTDOWN_GRACE_SECONDS) is the window a load balancer sees the node not ready in.
    const stopped = s.stop();
    const ready = await fetch(`${s.url}/readyz`);
    expect(ready.status).toBe(503);
    expect(((await ready.json()) as ErrorBody).error.code).toBe('SERVER_ERR_STOPPING');
    expect((await fetch(`${s.url}/healthz`)).status).toBe(200);
    hold.release();
    const finished = await inFlight;
    expect(finished.status).toBe(200);
    expect(((await finished.json()) as { done: boolean }).done).toBe(true);
    await stopped;
  });
});
