import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Api, StartedConversation } from './api.js';
import { api } from './api.js';
import { TEST_DATABASES } from './databases.js';
import type { TestServer } from './test-server.js';
import { startTestServer } from './test-server.js';

// Who may read and write what (DESIGN §11 "Security"), through the HTTP app in-process.
describe.each(TEST_DATABASES)('access checks on %s', (kind) => {
  let s: TestServer;
  let http: Api;
  let alex: string;
  let casey: string;
  let mine: StartedConversation;
  let theirs: StartedConversation;

  beforeAll(async () => {
    s = await startTestServer(kind);
    http = api(s);
    alex = await s.login('alex');
    casey = await s.login('casey');
    mine = await http.start();
    theirs = await http.start({ customer: { email: 'sarah.jones@example.com' } });
    expect((await http.say(theirs, 'where is my order 4821?')).status).toBe(201);
  }, 60_000);
  afterAll(async () => {
    await s?.close();
  });

  const expectError = (r: { status: number; body: { error?: { code?: string; message?: unknown } } }, status: number, code: string) => {
    expect({ status: r.status, code: r.body?.error?.code }).toEqual({ status, code });
    expect(typeof r.body.error?.message).toBe('string');
  };

  describe('a customer token is bound to its own conversation', () => {
    it('cannot read another conversation, its messages or its state', async () => {
      expectError(await http.get(`/api/v1/conversations/${theirs.id}/messages`, mine.token), 403, 'AUTH_ERR_WRONG_CONVERSATION');
      expectError(await http.get(`/api/v1/conversations/${theirs.id}`, mine.token), 403, 'AUTH_ERR_WRONG_CONVERSATION');
      // The same token works on its own conversation, so the refusal is about ownership.
      expect((await http.get(`/api/v1/conversations/${mine.id}/messages`, mine.token)).status).toBe(200);
    });

    it('cannot write into another conversation, and nothing is stored there', async () => {
      const before = await http.messages(theirs.id, alex);
      const r = await http.post(`/api/v1/conversations/${theirs.id}/messages`, mine.token, { text: 'injected by a stranger' });
      expectError(r, 403, 'AUTH_ERR_WRONG_CONVERSATION');
      expectError(await http.post(`/api/v1/conversations/${theirs.id}/csat`, mine.token, { score: 1 }), 403, 'AUTH_ERR_WRONG_CONVERSATION');
      const after = await http.messages(theirs.id, alex);
      expect(after.map((m) => m.id)).toEqual(before.map((m) => m.id));
      expect(after.some((m) => m.text.includes('injected'))).toBe(false);
    });

    it("cannot open another conversation's customer profile through the agent API", async () => {
      expectError(await http.get('/api/v1/customers/cus-sarah', mine.token), 403, 'AUTH_ERR_FORBIDDEN');
    });
  });

  describe('agent endpoints refuse anyone but agents', () => {
    const endpoints: { name: string; method: 'GET' | 'POST'; url: () => string }[] = [
      { name: 'GET /handoffs', method: 'GET', url: () => '/api/v1/handoffs?status=waiting' },
      { name: 'POST /handoffs/:id/accept', method: 'POST', url: () => `/api/v1/handoffs/${handoffId}/accept` },
      { name: 'GET /metrics/handoffs', method: 'GET', url: () => '/api/v1/metrics/handoffs' },
      { name: 'GET /customers/:id', method: 'GET', url: () => '/api/v1/customers/cus-sarah' },
    ];
    let handoffId: string;
    beforeAll(async () => {
      handoffId = (await http.escalated(alex)).handoffId;
    });

    it.each(endpoints)('$name refuses a customer token with 403 AUTH_ERR_FORBIDDEN', async (e) => {
      expectError(await http.call(e.method, e.url(), { token: mine.token }), 403, 'AUTH_ERR_FORBIDDEN');
    });

    it.each(endpoints)('$name refuses a request without a token with 401 AUTH_ERR_MISSING_TOKEN', async (e) => {
      expectError(await http.call(e.method, e.url()), 401, 'AUTH_ERR_MISSING_TOKEN');
    });

    it.each(endpoints)('$name refuses a garbage token with 401 AUTH_ERR_INVALID_TOKEN', async (e) => {
      expectError(await http.call(e.method, e.url(), { token: 'not-a-real-token-0123456789' }), 401, 'AUTH_ERR_INVALID_TOKEN');
    });

    it('a refused accept leaves the handoff waiting, and an agent can still take it', async () => {
      const h = await http.get(`/api/v1/handoffs/${handoffId}`, alex);
      expect(h.body.handoff.status).toBe('waiting');
      const ok = await http.post(`/api/v1/handoffs/${handoffId}/accept`, alex);
      expect(ok.status).toBe(200);
      expect(ok.body.handoff.status).toBe('assigned');
    });

    it('the same endpoints answer an agent token', async () => {
      expect((await http.get('/api/v1/handoffs?status=waiting', alex)).status).toBe(200);
      expect((await http.get('/api/v1/metrics/handoffs', alex)).status).toBe(200);
      const c = await http.get('/api/v1/customers/cus-sarah', alex);
      expect(c.status).toBe(200);
      expect(c.body.customer.email).toBe('sarah.jones@example.com');
    });

    it('a logged-out agent token is refused', async () => {
      const token = await s.login('sam');
      expect((await http.get('/api/v1/handoffs', token)).status).toBe(200);
      expect((await http.post('/api/v1/auth/logout', token)).status).toBe(204);
      expectError(await http.get('/api/v1/handoffs', token), 401, 'AUTH_ERR_INVALID_TOKEN');
    });
  });

  describe('roles', () => {
    it('an agent cannot change the policy; the policy stays at its version', async () => {
      const before = await http.get('/api/v1/policy', alex);
      expect(before.status).toBe(200);
      const r = await http.put('/api/v1/policy', alex, { version: before.body.version, policy: { keywords: { enabled: true, words: ['agent-was-here'] } } });
      expectError(r, 403, 'AUTH_ERR_FORBIDDEN');
      const after = await http.get('/api/v1/policy', alex);
      expect(after.body.version).toBe(before.body.version);
      expect(JSON.stringify(after.body.input)).not.toContain('agent-was-here');
    });

    it('an agent cannot create agents, and no agent is created', async () => {
      const r = await http.post('/api/v1/agents', alex, { email: 'mallory@northwind.example', name: 'Mallory', password: 'a-long-password', role: 'admin' });
      expectError(r, 403, 'AUTH_ERR_FORBIDDEN');
      const list = await http.get('/api/v1/agents', alex);
      expect(list.body.agents.map((a: { email: string }) => a.email)).not.toContain('mallory@northwind.example');
    });

    it('an admin can change the policy and create agents', async () => {
      const before = await http.get('/api/v1/policy', casey);
      const put = await http.put('/api/v1/policy', casey, { version: before.body.version, policy: { ...before.body.input } });
      expect(put.status).toBe(200);
      expect(put.body.version).toBe(before.body.version + 1);
      const created = await http.post('/api/v1/agents', casey, { email: 'robin@northwind.example', name: 'Robin Park', password: 'a-long-password', teams: ['Support'] });
      expect(created.status).toBe(201);
      expect(created.body.agent).toMatchObject({ email: 'robin@northwind.example', role: 'agent' });
      expect(created.body.agent.passwordHash).toBeUndefined();
    });

    it('a customer token cannot change the policy', async () => {
      expectError(await http.put('/api/v1/policy', mine.token, { version: 0, policy: {} }), 403, 'AUTH_ERR_FORBIDDEN');
    });
  });

  describe('rate limits on public endpoints', () => {
    const startFrom = (remoteAddress: string, forwardedFor?: string) =>
      s.app.inject({ method: 'POST', url: '/api/v1/conversations', remoteAddress, payload: {}, ...(forwardedFor ? { headers: { 'x-forwarded-for': forwardedFor } } : {}) });

    it('one client starting conversations in a loop is throttled with 429 RATE_ERR_LIMITED', async () => {
      const codes: number[] = [];
      for (let i = 0; i < 25; i++) codes.push((await startFrom('192.0.2.10')).statusCode);
      expect(codes.slice(0, 20).every((c) => c === 201)).toBe(true);
      expect(codes).toContain(429);
      const refused = await startFrom('192.0.2.10');
      expect(refused.json().error.code).toBe('RATE_ERR_LIMITED');
    });

    it('a forged X-Forwarded-For header does not reset the limit', async () => {
      // The server listens directly (npm start), so the header is whatever the client wants it to be.
      const codes: number[] = [];
      for (let i = 0; i < 25; i++) codes.push((await startFrom('192.0.2.20', `203.0.113.${i}`)).statusCode);
      expect(codes).toContain(429);
    });
  });

  describe('private notes', () => {
    it('the customer never sees a private note; agents do', async () => {
      const conv = await http.start();
      expect((await http.say(conv, 'do you take paypal?')).status).toBe(201);
      const note = await http.post(`/api/v1/conversations/${conv.id}/messages`, alex, { text: 'VIP, handle with care (internal)', private: true });
      expect(note.status).toBe(201);
      expect(note.body.message.private).toBe(true);

      const asCustomer = await http.messages(conv.id, conv.token);
      expect(asCustomer.length).toBeGreaterThanOrEqual(2);
      expect(asCustomer.some((m) => m.id === note.body.message.id || m.text.includes('handle with care'))).toBe(false);
      // Reading after an earlier seq must not leak it either.
      const tail = await http.messages(conv.id, conv.token, note.body.message.seq - 1);
      expect(tail.some((m) => m.id === note.body.message.id)).toBe(false);

      const asAgent = await http.messages(conv.id, alex);
      expect(asAgent.find((m) => m.id === note.body.message.id)).toMatchObject({ private: true, text: 'VIP, handle with care (internal)' });
    });

    it('a customer cannot post a private note, and nothing is stored', async () => {
      const conv = await http.start();
      const r = await http.post(`/api/v1/conversations/${conv.id}/messages`, conv.token, { text: 'hide this from myself', private: true });
      expect(r.status).toBe(400);
      expect(r.body.error).toMatchObject({ code: 'VALIDATION_ERR_BODY', field: 'private' });
      expect(await http.messages(conv.id, alex)).toEqual([]);
    });
  });
});
