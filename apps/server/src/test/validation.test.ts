import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Api, StartedConversation } from './api.js';
import { api } from './api.js';
import { TEST_DATABASES } from './databases.js';
import type { TestServer } from './test-server.js';
import { startTestServer } from './test-server.js';

// Bad input gets a clear error naming the field, and nothing stored is lost (DESIGN §11);
// a re-sent message is stored once (DESIGN §2.1).
describe.each(TEST_DATABASES)('input validation and idempotency on %s', (kind) => {
  let s: TestServer;
  let http: Api;
  let alex: string;
  let casey: string;

  beforeAll(async () => {
    s = await startTestServer(kind);
    http = api(s);
    alex = await s.login('alex');
    casey = await s.login('casey');
  }, 60_000);
  afterAll(async () => {
    await s?.close();
  });

  describe('POST /conversations/:id/messages', () => {
    let conv: StartedConversation;
    beforeAll(async () => {
      conv = await http.start();
    });

    const bad: { name: string; body: unknown; field?: string }[] = [
      { name: 'an empty object', body: {}, field: 'text' },
      { name: 'blank text', body: { text: '   ' }, field: 'text' },
      { name: 'text that is a number', body: { text: 123 }, field: 'text' },
      { name: 'an unknown field', body: { text: 'hello', colour: 'blue' }, field: 'colour' },
      { name: 'text over 20,000 characters', body: { text: 'a'.repeat(20_001) }, field: 'text' },
      { name: 'a clientMessageId that is not a string', body: { text: 'hello', clientMessageId: 7 }, field: 'clientMessageId' },
    ];

    it.each(bad)('$name is refused with 400 VALIDATION_ERR_BODY naming the field', async ({ body, field }) => {
      const r = await http.post(`/api/v1/conversations/${conv.id}/messages`, conv.token, body);
      expect(r.status).toBe(400);
      expect(r.body.error.code).toBe('VALIDATION_ERR_BODY');
      expect(r.body.error.field).toBe(field);
      expect(r.body.error.message).toEqual(expect.any(String));
    });

    it('a body that is not JSON is refused with 400 VALIDATION_ERR_BODY', async () => {
      const r = await http.call('POST', `/api/v1/conversations/${conv.id}/messages`, { token: conv.token, raw: '{"text": "hello",' });
      expect(r.status).toBe(400);
      expect(r.body.error.code).toBe('VALIDATION_ERR_BODY');
    });

    it('a body sent as plain text is refused with 400 VALIDATION_ERR_BODY', async () => {
      const r = await http.call('POST', `/api/v1/conversations/${conv.id}/messages`, { token: conv.token, raw: 'hello there', contentType: 'text/plain' });
      expect(r.status).toBe(400);
      expect(r.body.error.code).toBe('VALIDATION_ERR_BODY');
    });

    it('none of the refused messages was stored', async () => {
      expect(await http.messages(conv.id, alex)).toEqual([]);
    });

    it('a bad ?after is refused with 400 VALIDATION_ERR_QUERY naming it', async () => {
      const r = await http.get(`/api/v1/conversations/${conv.id}/messages?after=soon`, conv.token);
      expect(r.status).toBe(400);
      expect(r.body.error).toMatchObject({ code: 'VALIDATION_ERR_QUERY', field: 'after' });
    });
  });

  it('POST /auth/login with a bad email is refused with 400 naming email', async () => {
    const r = await http.post('/api/v1/auth/login', undefined, { email: 'not-an-email', password: 'whatever' });
    expect(r.status).toBe(400);
    expect(r.body.error).toMatchObject({ code: 'VALIDATION_ERR_BODY', field: 'email' });
  });

  it('POST /auth/login with a wrong password is 401 AUTH_ERR_BAD_CREDENTIALS', async () => {
    const r = await http.post('/api/v1/auth/login', undefined, { email: 'alex@northwind.example', password: 'wrong password' });
    expect(r.status).toBe(401);
    expect(r.body.error.code).toBe('AUTH_ERR_BAD_CREDENTIALS');
  });

  it('POST /handoffs/:id/resolve with a bad verdict is refused with 400 naming verdict, and the handoff stays assigned', async () => {
    const conv = await http.escalated(alex);
    expect((await http.post(`/api/v1/handoffs/${conv.handoffId}/accept`, alex)).status).toBe(200);
    const r = await http.post(`/api/v1/handoffs/${conv.handoffId}/resolve`, alex, { category: 'delivery', outcome: 'solved', verdict: 'probably' });
    expect(r.status).toBe(400);
    expect(r.body.error).toMatchObject({ code: 'VALIDATION_ERR_BODY', field: 'verdict' });
    expect((await http.get(`/api/v1/handoffs/${conv.handoffId}`, alex)).body.handoff.status).toBe('assigned');
  });

  it('an unknown route is 404 ROUTE_ERR_NOT_FOUND', async () => {
    const r = await http.get('/api/v1/no-such-thing', alex);
    expect(r.status).toBe(404);
    expect(r.body.error.code).toBe('ROUTE_ERR_NOT_FOUND');
    expect((await http.post('/api/v1/conversations/x/teleport', undefined, {})).body.error.code).toBe('ROUTE_ERR_NOT_FOUND');
  });

  describe('PUT /policy', () => {
    // These run in order: each starts from the version the previous one left.
    it('an invalid policy is refused with 400 POLICY_ERR_INVALID naming confidence.threshold, and nothing is stored', async () => {
      const before = await http.get('/api/v1/policy', casey);
      expect(before.body.version).toBe(0);
      const r = await http.put('/api/v1/policy', casey, { version: 0, policy: { confidence: { threshold: 2 } } });
      expect(r.status).toBe(400);
      expect(r.body.error.code).toBe('POLICY_ERR_INVALID');
      expect(r.body.error.field).toBe('confidence.threshold');
      expect(r.body.error.message).toContain('confidence.threshold');
      const after = await http.get('/api/v1/policy', casey);
      expect(after.body.version).toBe(0);
      expect(after.body.policy).toEqual(before.body.policy);
      expect((await http.get('/api/v1/healthz', casey)).status).toBe(404);
      expect((await http.get('/healthz')).body.policyVersion).toBe(0);
    });

    it('a policy with an unknown key is refused, naming the key', async () => {
      const r = await http.put('/api/v1/policy', casey, { version: 0, policy: { keywords: { enabled: true, wrods: ['typo'] } } });
      expect(r.status).toBe(400);
      expect(r.body.error.code).toBe('POLICY_ERR_INVALID');
      expect(r.body.error.message).toContain('wrods');
      expect((await http.get('/api/v1/policy', casey)).body.version).toBe(0);
    });

    it('a valid policy bumps the version and changes what happens to new messages', async () => {
      const text = 'I have a question about the zebra mug';
      const first = await http.start();
      const before = await http.say(first, text);
      expect(before.status).toBe(201);
      expect(before.body.replies[0]?.action).not.toBe('escalate');
      expect(await http.handoffOf(first.id, alex)).toBeNull();

      const current = await http.get('/api/v1/policy', casey);
      const input = current.body.input ?? {};
      const r = await http.put('/api/v1/policy', casey, { version: 0, policy: { ...input, keywords: { ...(input.keywords ?? {}), enabled: true, words: ['zebra'] } } });
      expect(r.status).toBe(200);
      expect(r.body.version).toBe(1);
      expect((await http.get('/api/v1/policy', casey)).body.version).toBe(1);
      expect((await http.get('/healthz')).body.policyVersion).toBe(1);

      const second = await http.start();
      const after = await http.say(second, text);
      expect(after.status).toBe(201);
      expect(after.body.replies[0]?.action).toBe('escalate');
      const h = await http.handoffOf(second.id, alex, 'waiting');
      expect(h).not.toBeNull();
      expect((h as unknown as { reasons: { code: string }[] }).reasons.map((x) => x.code)).toContain('keyword');
    });

    it('a PUT from a stale version is refused with 409 POLICY_ERR_VERSION_CONFLICT and changes nothing', async () => {
      const before = await http.get('/api/v1/policy', casey);
      expect(before.body.version).toBe(1);
      const r = await http.put('/api/v1/policy', casey, { version: 0, policy: { keywords: { enabled: true, words: ['stale'] } } });
      expect(r.status).toBe(409);
      expect(r.body.error.code).toBe('POLICY_ERR_VERSION_CONFLICT');
      const after = await http.get('/api/v1/policy', casey);
      expect(after.body.version).toBe(1);
      expect(after.body.input).toEqual(before.body.input);
    });

    it('a PUT with a negative version is refused with 400 naming version', async () => {
      const r = await http.put('/api/v1/policy', casey, { version: -1, policy: {} });
      expect(r.status).toBe(400);
      expect(r.body.error).toMatchObject({ code: 'VALIDATION_ERR_BODY', field: 'version' });
    });
  });

  describe('idempotency on clientMessageId', () => {
    it('the same clientMessageId twice stores one message; the second answer is 200 with the same message and replies', async () => {
      const conv = await http.start();
      const first = await http.say(conv, 'do you take paypal?', 'cm-1');
      expect(first.status).toBe(201);
      expect(first.body.replies.length).toBeGreaterThan(0);
      const second = await http.say(conv, 'do you take paypal?', 'cm-1');
      expect(second.status).toBe(200);
      expect(second.body.message.id).toBe(first.body.message.id);
      expect(second.body.replies.map((m: { id: string }) => m.id)).toEqual(first.body.replies.map((m: { id: string }) => m.id));

      const all = await http.messages(conv.id, alex);
      expect(all.filter((m) => m.author.kind === 'customer')).toHaveLength(1);
      expect(all.filter((m) => m.author.kind === 'ai')).toHaveLength(first.body.replies.length);
    });

    it('another clientMessageId with the same text is a new message', async () => {
      const conv = await http.start();
      expect((await http.say(conv, 'do you take paypal?', 'a')).status).toBe(201);
      expect((await http.say(conv, 'do you take paypal?', 'b')).status).toBe(201);
      expect((await http.messages(conv.id, alex)).filter((m) => m.author.kind === 'customer')).toHaveLength(2);
    });

    it('a retry that arrives while the first copy is still being answered gets no second AI answer', async () => {
      // The first copy is committed (its event is published) before the AI has answered it: the
      // retry is sent right then. The window is narrow, so a few rounds.
      for (let round = 0; round < 10; round++) {
        const conv = await http.start();
        let retry: ReturnType<typeof http.say> | null = null;
        const unsubscribe = s.ctx.bus.subscribe(() => {
          retry ??= http.say(conv, 'how do I reset my password?', 'early-retry');
        });
        let first;
        try {
          first = await http.say(conv, 'how do I reset my password?', 'early-retry');
        } finally {
          unsubscribe();
        }
        expect(retry).not.toBeNull();
        const second = await retry!;
        expect(first.status).toBe(201);
        expect(second.status).toBe(200);
        expect(second.body.message.id).toBe(first.body.message.id);
        const all = await http.messages(conv.id, alex);
        expect({ round, customer: all.filter((m) => m.author.kind === 'customer').length, ai: all.filter((m) => m.author.kind === 'ai').length }).toEqual({ round, customer: 1, ai: 1 });
      }
    });

    it('a double click (two concurrent POSTs with one clientMessageId) stores exactly one customer message', async () => {
      for (let round = 0; round < 10; round++) {
        const conv = await http.start();
        const [a, b] = await Promise.all([http.say(conv, 'how do I reset my password?', 'dbl'), http.say(conv, 'how do I reset my password?', 'dbl')]);
        expect([a.status, b.status].sort()).toEqual([200, 201]);
        expect(a.body.message.id).toBe(b.body.message.id);
        const all = await http.messages(conv.id, alex);
        // One customer message, answered by the AI once.
        expect({ round, customer: all.filter((m) => m.author.kind === 'customer').length, ai: all.filter((m) => m.author.kind === 'ai').length }).toEqual({ round, customer: 1, ai: 1 });
      }
    });
  });
});
