import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getAgent } from '../adapters/db/repositories/agents.repository.js';
import { listReplies } from '../adapters/db/repositories/conversations.repository.js';
import { listQueuedJobs } from '../adapters/jobs/queued-jobs.js';
import { answerUnanswered } from '../app/answer-unanswered.js';
import { ANSWER_GRACE_MS } from '../app/post-customer-message.js';
import { loadConfig } from '../config.js';
import type { Server } from '../main.js';
import { startServer } from '../main.js';
import { freshPostgres } from './databases.js';
import type { TestServer } from './test-server.js';
import { DEMO_KB, startTestServer } from './test-server.js';
import { ASK_FOR_HUMAN } from './api.js';
import { startRoundRobinProxy } from './round-robin-proxy.js';
import { openStream } from './ws-client.js';

const BATON = fileURLToPath(new URL('../../../cli/bin/baton.mjs', import.meta.url));

// Two stateless nodes sharing PostgreSQL and Redis: an event committed on one reaches a
// WebSocket held by the other, through Redis pub/sub; behind a proxy, under load, nothing is lost
// or doubled, even when a node stops or is killed while messages flow.
describe.runIf(process.env.DATABASE_URL && process.env.REDIS_URL)('two nodes behind a load balancer', () => {
  let a: TestServer;
  let b: Server;
  let drop: () => Promise<void>;
  let env: Record<string, string>;
  beforeAll(async () => {
    const pg = await freshPostgres();
    drop = pg.drop;
    // Every customer comes through the proxy, from one address: the per-address start limit is raised.
    env = { DATABASE_URL: pg.url, REDIS_URL: process.env.REDIS_URL!, BATON_REDIS_PREFIX: `test-${process.pid}-${Date.now()}`, BATON_LIMIT_START_ADDRESS: '1000/1m', BATON_LIMIT_WRITE_ADDRESS: '100000/1m', BATON_LIMIT_WS_CONNECT_ADDRESS: '1000/1m' };
    a = await startTestServer('pglite', { listen: true, env });
    b = await startServer(loadConfig({ PORT: '0', HOST: '127.0.0.1', BATON_LOG_LEVEL: 'error', ...env }), { listen: true, defaultKbDir: DEMO_KB, log: () => {} });
  }, 60_000);
  afterAll(async () => {
    await b?.stop();
    await a?.stop();
    await drop?.();
  });

  it('keeps one presence sweep for the installation, though both nodes booked it at start', async () => {
    const sweeps = await listQueuedJobs(a.ctx.db, 'presence-sweep');
    expect(sweeps.map((j) => [j.key, j.delaySeconds])).toEqual([['presence-sweep', a.config.presenceGraceSeconds]]);
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

  it('loses and duplicates nothing when, under load, one node stops gracefully and another is killed; the survivor answers what was owed', async () => {
    // A third node, in its own process so that it can be killed outright, and a fourth that stops.
    let skew = 0;
    const survivor = await startTestServer('pglite', { listen: true, clock: () => new Date(Date.now() + skew), env: { ...env, BATON_SHUTDOWN_GRACE_SECONDS: '0' } });
    const stopping = await startServer(loadConfig({ PORT: '0', HOST: '127.0.0.1', BATON_LOG_LEVEL: 'error', BATON_SHUTDOWN_GRACE_SECONDS: '1', ...env }), { listen: true, defaultKbDir: DEMO_KB, log: () => {} });
    const killed = await serveInChild(env);
    const proxy = await startRoundRobinProxy([survivor.url!, stopping.url!, killed.url]);
    let stopped: Promise<void> | null = null;
    try {
      type Answer = { status: number; body: { id: string; token: string; message: { id: string }; replies: { id: string }[] } };
      const post = async (path: string, body: unknown, token?: string): Promise<Answer | null> => {
        try {
          const r = await fetch(`${proxy.url}/api/v1${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify(body) });
          return { status: r.status, body: (await r.json().catch(() => null)) as Answer['body'] };
        } catch {
          return null; // the connection broke: the node died with the request
        }
      };
      /** Sends until a node acknowledges it, as the widget does (a 502 from the proxy, a 503 from a stopping node, a broken connection). */
      const untilAcknowledged = async (path: string, body: unknown, token?: string): Promise<Answer> => {
        for (let attempt = 0; attempt < 30; attempt++) {
          const r = await post(path, body, token);
          if (r && r.status < 300) return r;
          if (r && r.status < 500) throw new Error(`${path}: ${r.status} ${JSON.stringify(r.body)}`);
        }
        throw new Error(`${path}: no node acknowledged it in 30 attempts`);
      };
      const TEXTS = ['do you take paypal?', 'how do I reset my password?', 'how long does delivery take?', 'do you ship to Ireland?', 'how do gift cards work?', 'thanks'];
      let acknowledged = 0;
      const customers = await Promise.all(
        Array.from({ length: 10 }, async (_, i) => {
          const conv = (await untilAcknowledged('/conversations', {})).body;
          // Every other customer leaves after a failed send (the tab closed): what a dead node stored is owed an answer.
          const leaves = i % 2 === 1;
          const acked: { clientMessageId: string; id: string; replies: string[] }[] = [];
          for (const [k, text] of TEXTS.entries()) {
            const payload = { text, clientMessageId: `n${i}-m${k}` };
            const r = leaves ? await post(`/conversations/${conv.id}/messages`, payload, conv.token) : await untilAcknowledged(`/conversations/${conv.id}/messages`, payload, conv.token);
            if (!r || r.status >= 300) break;
            acked.push({ clientMessageId: payload.clientMessageId, id: r.body.message.id, replies: r.body.replies.map((x) => x.id) });
            acknowledged++;
            // Mid-load, one node is killed and then another one stops.
            if (acknowledged === 12) killed.kill();
            if (acknowledged === 24) stopped = stopping.stop();
          }
          return { conv, acked };
        }),
      );
      await stopped;
      expect(killed.exited()).toBe(true);
      // The sweep of the survivor, once the answers are overdue, answers what the dead node stored but never answered.
      skew = ANSWER_GRACE_MS + 60_000;
      await answerUnanswered(survivor.ctx);
      for (const { conv, acked } of customers) {
        const stored = (await survivor.app.inject({ method: 'GET', url: `/api/v1/conversations/${conv.id}/messages`, headers: { authorization: `Bearer ${conv.token}` } })).json().messages as { id: string; author: { kind: string }; replyTo: string | null }[];
        const mine = stored.filter((m) => m.author.kind === 'customer');
        // Every acknowledged message stored, once, in order; at most one more that no one acknowledged (sent to a node that died).
        expect(mine.slice(0, acked.length).map((m) => m.id)).toEqual(acked.map((m) => m.id));
        expect(mine.length - acked.length).toBeLessThanOrEqual(1);
        expect(new Set(stored.map((m) => m.id)).size).toBe(stored.length);
        // Each stored message answered, by one decision: the acknowledged ones with exactly the replies their sender got.
        for (const m of mine) {
          const replies = (await listReplies(survivor.ctx.db, m.id)).map((r) => r.id);
          const ack = acked.find((a) => a.id === m.id);
          if (ack) expect(replies).toEqual(ack.replies);
          else expect(replies.length).toBeGreaterThan(0);
        }
      }
      expect(acknowledged).toBeGreaterThan(24);
    } finally {
      killed.kill();
      await proxy.close();
      await (stopped ?? stopping.stop());
      await survivor.stop();
    }
  }, 240_000);
});

/** `baton serve` in a child process on the shared database and bus; resolves once it answers /healthz. */
async function serveInChild(env: Record<string, string>): Promise<{ url: string; kill(): void; exited(): boolean }> {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('BATON_') && k !== 'DATABASE_URL' && k !== 'REDIS_URL'));
  const proc = spawn(process.execPath, [BATON, 'serve'], { env: { ...clean, ...env, PORT: '0', HOST: '127.0.0.1', BATON_KB_DIR: DEMO_KB, BATON_LOG_LEVEL: 'info' }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  const url = await new Promise<string>((resolve, reject) => {
    const seen = (d: Buffer) => {
      out += d.toString();
      const m = /listening on (http:\/\/\S+)/.exec(out);
      if (m) resolve(m[1]!.replace('localhost', '127.0.0.1'));
    };
    proc.stdout!.on('data', seen);
    proc.stderr!.on('data', seen);
    proc.once('exit', () => reject(new Error(`the node exited before it listened:\n${out.slice(-3000)}`)));
  });
  return { url, kill: () => void proc.kill('SIGKILL'), exited: () => proc.exitCode !== null || proc.signalCode !== null };
}
