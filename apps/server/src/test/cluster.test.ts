import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getAgent } from '../adapters/db/repositories/agents.repository.js';
import { loadConfig } from '../config.js';
import type { Server } from '../main.js';
import { startServer } from '../main.js';
import { freshPostgres } from './databases.js';
import type { TestServer } from './test-server.js';
import { DEMO_KB, startTestServer } from './test-server.js';
import { openStream } from './ws-client.js';

// Two stateless nodes sharing PostgreSQL and Redis: an event committed on one reaches a
// WebSocket held by the other, through Redis pub/sub.
describe.runIf(process.env.DATABASE_URL && process.env.REDIS_URL)('two nodes behind a load balancer', () => {
  let a: TestServer;
  let b: Server;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    const pg = await freshPostgres();
    drop = pg.drop;
    const env = { DATABASE_URL: pg.url, REDIS_URL: process.env.REDIS_URL! };
    a = await startTestServer('pglite', { listen: true, env });
    b = await startServer(loadConfig({ PORT: '0', HOST: '127.0.0.1', BATON_LOG_LEVEL: 'error', ...env }), { listen: true, defaultKbDir: DEMO_KB, log: () => {} });
  }, 60_000);
  afterAll(async () => {
    await b?.stop();
    await a?.stop();
    await drop?.();
  });

  it('an agent connected to node B hears of a handoff made on node A within a second', async () => {
    const agentToken = await a.login('alex');
    const onB = await openStream(b.url!, agentToken);
    const alexId: string = (await a.app.inject({ method: 'GET', url: '/api/v1/agents/me', headers: { authorization: `Bearer ${agentToken}` } })).json().agent.id;
    await expect.poll(async () => (await getAgent(a.ctx.db, alexId))?.sessionSeenAt ?? null).not.toBeNull();
    const conv = (await a.app.inject({ method: 'POST', url: '/api/v1/conversations', payload: {} })).json();
    const t = Date.now();
    await a.app.inject({ method: 'POST', url: `/api/v1/conversations/${conv.id}/messages`, headers: { authorization: `Bearer ${conv.token}` }, payload: { text: 'I want to speak to a real person please' } });
    const e = await onB.waitFor((x) => x.type === 'handoff.requested' && x.conversationId === conv.id, 1000);
    expect(Date.now() - t).toBeLessThan(1500);
    expect(e.handoffId).toBeTruthy();
    // Presence is shared too: Alex's workspace is open on node B, so node A offered the handoff to Alex.
    expect((await a.app.inject({ method: 'GET', url: `/api/v1/handoffs/${e.handoffId}`, headers: { authorization: `Bearer ${agentToken}` } })).json().handoff.offeredAgentId).toBe(alexId);
    // And node B can act on it: the accept goes through node B's database connection.
    const res = await b.app.inject({ method: 'POST', url: `/api/v1/handoffs/${e.handoffId}/accept`, headers: { authorization: `Bearer ${agentToken}` } });
    expect(res.statusCode).toBe(200);
    await onB.close();
  });
});
