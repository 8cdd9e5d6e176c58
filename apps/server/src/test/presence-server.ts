import { afterAll, beforeAll, expect } from 'vitest';
import { getAgent } from '../adapters/db/repositories/agents.repository.js';
import type { HandoffRecord } from '../adapters/db/repositories/handoffs.repository.js';
import { getHandoff } from '../adapters/db/repositories/handoffs.repository.js';
import type { Api } from './api.js';
import { api } from './api.js';
import { FakeClock } from './fakes.js';
import type { TestServer } from './test-server.js';
import { startTestServer } from './test-server.js';
import { openStream } from './ws-client.js';

/** What the presence tests share: a listening server on a test clock, and Alex and Jordan signed in. */
export interface PresenceServer {
  s: TestServer;
  http: Api;
  /** The app's and the job queue's clock, at a fixed date: every time the server stores comes from it. */
  clock: FakeClock;
  alex: string;
  jordan: string;
  alexId: string;
  jordanId: string;
  handoff(id: string): Promise<HandoffRecord>;
  offeredTo(handoffId: string): Promise<string | null>;
  /** Opens a stream for the agent and waits until it is noted at the test clock's now. */
  live(token: string, agentId: string, opts?: { autoPong?: boolean }): ReturnType<typeof openStream>;
}

/**
 * A server for the whole file, with no job workers (the tests run the jobs by hand when the test
 * clock says they are due, as a worker would). Read the fields inside a test.
 */
export function usePresenceServer(kind: 'pglite' | 'postgres', env: Record<string, string>): PresenceServer {
  const p = { clock: new FakeClock('2026-03-02T10:00:00Z') } as PresenceServer;
  p.handoff = async (id) => (await getHandoff(p.s.ctx.db, id))!;
  p.offeredTo = async (id) => (await p.handoff(id)).offeredAgentId;
  p.live = async (token, agentId, opts = {}) => {
    const stream = await openStream(p.s.url!, token, undefined, opts);
    await expect.poll(async () => (await getAgent(p.s.ctx.db, agentId))!.sessionSeenAt?.getTime()).toBe(p.clock.now().getTime());
    return stream;
  };
  beforeAll(async () => {
    p.s = await startTestServer(kind, { listen: true, workers: false, clock: p.clock.now, env });
    p.http = api(p.s);
    p.alex = await p.s.login('alex');
    p.jordan = await p.s.login('jordan');
    p.alexId = (await p.http.get('/api/v1/agents/me', p.alex)).body.agent.id;
    p.jordanId = (await p.http.get('/api/v1/agents/me', p.jordan)).body.agent.id;
  }, 60_000);
  afterAll(async () => {
    await p.s?.close();
  });
  return p;
}
