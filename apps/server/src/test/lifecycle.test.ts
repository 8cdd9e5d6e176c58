import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Api } from './api.js';
import { api } from './api.js';
import { TEST_DATABASES } from './databases.js';
import type { TestServer } from './test-server.js';
import { startTestServer, TEST_METRICS_TOKEN } from './test-server.js';

// The conversation lifecycle of DESIGN §1 through HTTP, and the system endpoints of §10.
describe.each(TEST_DATABASES)('the conversation lifecycle over HTTP on %s', (kind) => {
  let s: TestServer;
  let http: Api;
  let alex: string;
  let priya: string;

  beforeAll(async () => {
    s = await startTestServer(kind);
    http = api(s);
    alex = await s.login('alex');
    priya = await s.login('priya');
  }, 60_000);
  afterAll(async () => {
    await s?.close();
  });

  const status = async (conversationId: string, token: string) => (await http.get(`/api/v1/conversations/${conversationId}`, token)).body.conversation.status as string;
  const accept = async (handoffId: string, token = alex) => {
    const r = await http.post(`/api/v1/handoffs/${handoffId}/accept`, token);
    expect(r.status).toBe(200);
    return r;
  };

  it('a transfer puts the handoff back in the queue of the new team, with a private note the customer never sees', async () => {
    const conv = await http.escalated(alex);
    await accept(conv.handoffId);
    expect(await status(conv.id, conv.token)).toBe('assigned');

    const note = 'card was charged twice, needs a refund decision';
    const r = await http.post(`/api/v1/handoffs/${conv.handoffId}/transfer`, alex, { teamId: 'Billing', note });
    expect(r.status).toBe(200);
    expect(r.body.handoff).toMatchObject({ status: 'waiting', team: 'Billing', agentId: null });

    const waiting = await http.handoffOf(conv.id, priya, 'waiting');
    expect(waiting).toMatchObject({ id: conv.handoffId, team: 'Billing' });
    expect(await status(conv.id, conv.token)).toBe('waiting');

    const asAgent = await http.messages(conv.id, priya);
    const noteMsg = asAgent.find((m) => m.text.includes(note));
    expect(noteMsg).toMatchObject({ private: true, author: { kind: 'agent', name: 'Alex Morgan' } });
    const asCustomer = await http.messages(conv.id, conv.token);
    expect(asCustomer.some((m) => m.text.includes(note) || m.id === noteMsg!.id)).toBe(false);

    // Billing can pick it up.
    await accept(conv.handoffId, priya);
    expect((await http.get(`/api/v1/handoffs/${conv.handoffId}`, priya)).body.handoff.status).toBe('assigned');
  });

  it('handing back to the AI makes the conversation ai again, and the AI answers the next message', async () => {
    const conv = await http.escalated(alex);
    await accept(conv.handoffId);
    const r = await http.post(`/api/v1/handoffs/${conv.handoffId}/hand-back`, alex, { note: 'just a FAQ' });
    expect(r.status).toBe(200);
    expect(await status(conv.id, conv.token)).toBe('ai');
    expect(await http.handoffOf(conv.id, alex, 'waiting')).toBeNull();

    const next = await http.say(conv, 'do you take paypal?');
    expect(next.status).toBe(201);
    expect(next.body.replies).toHaveLength(1);
    expect(next.body.replies[0]).toMatchObject({ author: { kind: 'ai' }, action: 'answer' });
    expect(next.body.replies[0].text).toMatch(/paypal/i);
  });

  it('a resolved conversation reopens to the AI when the customer writes again', async () => {
    const conv = await http.escalated(alex);
    await accept(conv.handoffId);
    const done = await http.post(`/api/v1/handoffs/${conv.handoffId}/resolve`, alex, { category: 'general', outcome: 'solved', verdict: 'needed' });
    expect(done.status).toBe(200);
    expect(await status(conv.id, conv.token)).toBe('resolved');

    const again = await http.say(conv, 'one more thing: do you take paypal?');
    expect(again.status).toBe(201);
    expect(await status(conv.id, conv.token)).toBe('ai');
    expect(again.body.replies).toHaveLength(1);
    expect(again.body.replies[0].author.kind).toBe('ai');
  });

  it('CSAT is taken only after resolution, and only once', async () => {
    const conv = await http.escalated(alex);
    const early = await http.post(`/api/v1/conversations/${conv.id}/csat`, conv.token, { score: 4 });
    expect(early.status).toBe(409);
    expect(early.body.error.code).toBe('CSAT_ERR_NOT_RESOLVED');

    await accept(conv.handoffId);
    expect((await http.post(`/api/v1/handoffs/${conv.handoffId}/resolve`, alex, { category: 'general', outcome: 'solved', verdict: 'needed' })).status).toBe(200);
    // Only the customer rates.
    expect((await http.post(`/api/v1/conversations/${conv.id}/csat`, alex, { score: 5 })).body.error.code).toBe('AUTH_ERR_FORBIDDEN');

    const first = await http.post(`/api/v1/conversations/${conv.id}/csat`, conv.token, { score: 4, comment: 'quick and kind' });
    expect(first.status).toBe(201);
    const second = await http.post(`/api/v1/conversations/${conv.id}/csat`, conv.token, { score: 1 });
    expect(second.status).toBe(409);
    expect(second.body.error.code).toBe('CSAT_ERR_ALREADY_GIVEN');
  });

  it('an agent cannot reply before accepting, and nothing reaches the customer', async () => {
    const conv = await http.escalated(alex);
    const before = await http.messages(conv.id, conv.token);
    const r = await http.post(`/api/v1/conversations/${conv.id}/messages`, alex, { text: 'Hi, Alex here' });
    expect(r.status).toBe(409);
    expect(r.body.error.code).toBe('HANDOFF_ERR_NOT_ASSIGNED');
    expect(await http.messages(conv.id, conv.token)).toEqual(before);
  });

  it('an agent cannot reply in a conversation another agent owns', async () => {
    const conv = await http.escalated(alex);
    await accept(conv.handoffId);
    const r = await http.post(`/api/v1/conversations/${conv.id}/messages`, priya, { text: 'Priya here, jumping in' });
    expect(r.status).toBe(409);
    expect(r.body.error.code).toBe('CONVERSATION_ERR_NOT_YOURS');
    const ok = await http.post(`/api/v1/conversations/${conv.id}/messages`, alex, { text: 'Alex here, I have your case' });
    expect(ok.status).toBe(201);
    expect((await http.messages(conv.id, conv.token)).at(-1)).toMatchObject({ author: { kind: 'agent', name: 'Alex Morgan' }, text: 'Alex here, I have your case' });
  });

  it('the AI stays quiet while a human owns the conversation', async () => {
    const conv = await http.escalated(alex);
    await accept(conv.handoffId);
    const r = await http.say(conv, 'do you take paypal?');
    expect(r.status).toBe(201);
    expect(r.body.replies).toEqual([]);
    const after = await http.messages(conv.id, alex, r.body.message.seq);
    expect(after.filter((m) => m.author.kind === 'ai')).toEqual([]);
    expect(await status(conv.id, conv.token)).toBe('assigned');
  });

  it('the AI also stays quiet while the conversation waits in the queue', async () => {
    const conv = await http.escalated(alex);
    const r = await http.say(conv, 'do you take paypal?');
    expect(r.status).toBe(201);
    expect(r.body.replies.filter((m: { action?: string }) => m.action === 'answer')).toEqual([]);
    expect(await status(conv.id, conv.token)).toBe('waiting');
  });

  it('GET /openapi.json is an OpenAPI 3.1 document with the documented paths', async () => {
    const r = await http.get('/openapi.json');
    expect(r.status).toBe(200);
    const doc = r.body;
    expect(doc.openapi).toMatch(/^3\.1\./);
    expect(doc.info).toMatchObject({ title: expect.any(String), version: expect.any(String) });
    const documented: [string, string][] = [
      ['post', '/api/v1/conversations'],
      ['post', '/api/v1/conversations/{id}/messages'],
      ['get', '/api/v1/conversations/{id}/messages'],
      ['post', '/api/v1/conversations/{id}/csat'],
      ['post', '/api/v1/auth/login'],
      ['get', '/api/v1/handoffs'],
      ['post', '/api/v1/handoffs/{id}/accept'],
      ['post', '/api/v1/handoffs/{id}/resolve'],
      ['get', '/api/v1/metrics/handoffs'],
      ['get', '/api/v1/stream'],
    ];
    for (const [method, path] of documented) {
      const op = doc.paths?.[path]?.[method];
      expect(op, `${method.toUpperCase()} ${path}`).toBeDefined();
      expect(Object.keys(op.responses ?? {}).length, `${method.toUpperCase()} ${path} responses`).toBeGreaterThan(0);
    }
  });

  it('/metrics serves Prometheus text that counts waiting handoffs', async () => {
    await http.escalated(alex);
    const r = await http.get('/metrics', TEST_METRICS_TOKEN);
    expect(r.status).toBe(200);
    expect(String(r.headers['content-type'])).toMatch(/^text\/plain/);
    expect(r.text).toContain('# TYPE baton_handoffs_waiting gauge');
    const waiting = [...r.text.matchAll(/^baton_handoffs_waiting\{priority="\w+"\} (\d+)$/gm)].reduce((n, m) => n + Number(m[1]), 0);
    expect(waiting).toBeGreaterThanOrEqual(1);
  });

  it('/healthz says ok, and nothing of the database', async () => {
    const r = await http.get('/healthz');
    expect(r.status).toBe(200);
    expect(r.body.status).toBe('ok');
    expect(r.text).not.toContain(kind);
  });
});
