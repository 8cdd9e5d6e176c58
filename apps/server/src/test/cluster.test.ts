import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getAgent } from '../adapters/db/repositories/agents.repository.js';
import { loadConfig } from '../config.js';
import type { Server } from '../main.js';
import { startServer } from '../main.js';
import { freshPostgres } from './databases.js';
import type { TestServer } from './test-server.js';
import { DEMO_KB, startTestServer } from './test-server.js';
import { ASK_FOR_HUMAN } from './api.js';
import { startRoundRobinProxy } from './round-robin-proxy.js';
import { openStream } from './ws-client.js';

// Two stateless nodes sharing PostgreSQL and Redis: an event committed on one reaches a
// WebSocket held by the other, through Redis pub/sub; behind a proxy, under load, nothing is lost or doubled.
describe.runIf(process.env.DATABASE_URL && process.env.REDIS_URL)('two nodes behind a load balancer', () => {
  let a: TestServer;
  let b: Server;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    const pg = await freshPostgres();
    drop = pg.drop;
    // Every customer comes through the proxy, from one address: the per-address start limit is raised.
    const env = { DATABASE_URL: pg.url, REDIS_URL: process.env.REDIS_URL!, BATON_REDIS_PREFIX: `test-${process.pid}-${Date.now()}`, BATON_LIMIT_START_ADDRESS: '1000/1m', BATON_LIMIT_WRITE_ADDRESS: '100000/1m', BATON_LIMIT_WS_CONNECT_ADDRESS: '1000/1m' };
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

  it('behind a round-robin proxy, under load and with every message sent twice, loses and duplicates nothing', async () => {
    const proxy = await startRoundRobinProxy([a.url!, b.url!]);
    try {
      const agentToken = await a.login('alex');
      const agent = await openStream(proxy.url, agentToken);
      const post = async (path: string, body: unknown, token?: string) => {
        const r = await fetch(`${proxy.url}/api/v1${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify(body) });
        return { status: r.status, body: (await r.json()) as { id: string; token: string; message: { id: string }; replies: { id: string }[] } };
      };
      const CUSTOMERS = 12;
      const TEXTS = ['do you take paypal?', 'how do I reset my password?', 'how long does delivery take?', 'thanks', ASK_FOR_HUMAN];
      const customers = await Promise.all(
        Array.from({ length: CUSTOMERS }, async (_, i) => {
          const conv = (await post('/conversations', {})).body;
          const stream = await openStream(proxy.url, conv.token);
          const sent: { id: string; replies: string[] }[] = [];
          // Each message goes out twice with one clientMessageId: the retry reaches the other node.
          for (const [k, text] of TEXTS.entries()) {
            const payload = { text, clientMessageId: `c${i}-m${k}` };
            const [first, retry] = await Promise.all([post(`/conversations/${conv.id}/messages`, payload, conv.token), post(`/conversations/${conv.id}/messages`, payload, conv.token)]);
            expect([first.status, retry.status].sort()).toEqual([200, 201]);
            expect(retry.body.message.id).toBe(first.body.message.id);
            sent.push({ id: first.body.message.id, replies: first.body.replies.map((r) => r.id) });
          }
          return { conv, stream, sent };
        }),
      );
      for (const { conv, stream, sent } of customers) {
        const stored = (await a.app.inject({ method: 'GET', url: `/api/v1/conversations/${conv.id}/messages`, headers: { authorization: `Bearer ${conv.token}` } })).json().messages as { id: string; author: { kind: string } }[];
        // Each message stored once, each answered once, nothing else.
        expect(stored.filter((m) => m.author.kind === 'customer').map((m) => m.id)).toEqual(sent.map((m) => m.id));
        expect(new Set(stored.map((m) => m.id)).size).toBe(stored.length);
        for (const m of sent) expect(m.replies.every((id) => stored.some((s) => s.id === id))).toBe(true);
        // The customer's stream, on whichever node, got every message of the conversation once, in order.
        const last = stored.at(-1)!.id;
        await stream.waitFor((e) => e.type === 'message.created' && (e.payload.message as { id: string }).id === last, 10_000);
        const streamed = stream.events.filter((e) => e.type === 'message.created').map((e) => (e.payload.message as { id: string }).id);
        expect(streamed).toEqual(stored.map((m) => m.id));
        // And the agent heard of the handoff once.
        await agent.waitFor((e) => e.type === 'handoff.requested' && e.conversationId === conv.id, 10_000);
        expect(agent.events.filter((e) => e.type === 'handoff.requested' && e.conversationId === conv.id)).toHaveLength(1);
        await stream.close();
      }
      await agent.close();
    } finally {
      await proxy.close();
    }
  }, 180_000);
});
