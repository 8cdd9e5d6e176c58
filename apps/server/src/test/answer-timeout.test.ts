import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acceptTimeoutJob } from '../jobs/accept-timeout.job.js';
import { TEST_DATABASES } from './databases.js';
import type { TestServer } from './test-server.js';
import { startTestServer } from './test-server.js';

describe.each(TEST_DATABASES)('an agent who accepts and goes quiet, on %s', (kind) => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer(kind);
  }, 60_000);
  afterAll(async () => {
    await s?.close();
  });

  const escalate = async () => {
    const conv = (await s.app.inject({ method: 'POST', url: '/api/v1/conversations', payload: {} })).json();
    await s.app.inject({ method: 'POST', url: `/api/v1/conversations/${conv.id}/messages`, headers: { authorization: `Bearer ${conv.token}` }, payload: { text: 'I want to speak to a real person please' } });
    const jordan = await s.login('jordan');
    const list = (await s.app.inject({ method: 'GET', url: '/api/v1/handoffs?status=waiting', headers: { authorization: `Bearer ${jordan}` } })).json().handoffs;
    return { conv, handoff: list.find((h: { conversationId: string }) => h.conversationId === conv.id) as { id: string } };
  };
  const accept = async (who: string, handoffId: string) => {
    const token = await s.login(who);
    const r = await s.app.inject({ method: 'POST', url: `/api/v1/handoffs/${handoffId}/accept`, headers: { authorization: `Bearer ${token}` } });
    expect(r.statusCode).toBe(200);
    return { token, agentId: r.json().handoff.agentId as string };
  };

  it('goes back to the queue when the agent does not reply in time, with a note agents see', async () => {
    const { conv, handoff } = await escalate();
    const alex = await accept('alex', handoff.id);
    const { rows: jobs } = await sql<{ state: string }>`select state from pgboss.job where name = 'accept-timeout' and data->>'phase' = 'answer' and data->>'handoffId' = ${handoff.id}`.execute(s.ctx.db);
    expect(jobs).toHaveLength(1);

    await acceptTimeoutJob(s.ctx, { handoffId: handoff.id, agentId: alex.agentId, phase: 'answer' });
    const after = (await s.app.inject({ method: 'GET', url: `/api/v1/handoffs/${handoff.id}`, headers: { authorization: `Bearer ${alex.token}` } })).json().handoff;
    expect(after.status).toBe('waiting');
    expect(after.agentId).toBeNull();
    expect(after.offeredAgentId).not.toBe(alex.agentId);
    const asAgent = (await s.app.inject({ method: 'GET', url: `/api/v1/conversations/${conv.id}/messages`, headers: { authorization: `Bearer ${alex.token}` } })).json().messages as { text: string; private?: boolean }[];
    expect(asAgent.some((m) => m.private && /did not reply within/.test(m.text))).toBe(true);
    const asCustomer = (await s.app.inject({ method: 'GET', url: `/api/v1/conversations/${conv.id}/messages`, headers: { authorization: `Bearer ${conv.token}` } })).json().messages as { text: string }[];
    expect(asCustomer.some((m) => /did not reply within/.test(m.text))).toBe(false);
    // Someone else can take it now.
    await accept('jordan', handoff.id);
  });

  it('does nothing when the agent has replied', async () => {
    const { conv, handoff } = await escalate();
    const alex = await accept('alex', handoff.id);
    await s.app.inject({ method: 'POST', url: `/api/v1/conversations/${conv.id}/messages`, headers: { authorization: `Bearer ${alex.token}` }, payload: { text: 'Hello, I am on it.' } });
    await acceptTimeoutJob(s.ctx, { handoffId: handoff.id, agentId: alex.agentId, phase: 'answer' });
    const after = (await s.app.inject({ method: 'GET', url: `/api/v1/handoffs/${handoff.id}`, headers: { authorization: `Bearer ${alex.token}` } })).json().handoff;
    expect(after.status).toBe('assigned');
    expect(after.agentId).toBe(alex.agentId);
  });
});
