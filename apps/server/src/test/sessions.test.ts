import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertAgent } from '../adapters/db/repositories/agents.repository.js';
import { hashPassword } from '../app/tokens.js';
import type { Api } from './api.js';
import { api } from './api.js';
import { TEST_DATABASES } from './databases.js';
import type { TestServer } from './test-server.js';
import { startTestServer } from './test-server.js';
import { openStream } from './ws-client.js';

type Stream = Awaited<ReturnType<typeof openStream>>;

/** The close code and reason the server ends a stream with, or a rejection after `ms`. */
function closed(stream: Stream, ms = 15_000): Promise<{ code: number; reason: string }> {
  return new Promise((resolve, reject) => {
    const t = setTimeout(() => reject(new Error(`the stream was still open after ${ms} ms`)), ms);
    stream.ws.once('close', (code, reason) => {
      clearTimeout(t);
      resolve({ code, reason: reason.toString() });
    });
  });
}

const STRONG = 'violet-harbour-kettle-42';

// Sessions end for real (DESIGN §11 "Security"): the stream closes with the session, an admin can
// disable, re-role and reset an agent, and a customer's token lapses when left idle.
describe.each(TEST_DATABASES)('sessions on %s', (kind) => {
  let s: TestServer;
  let http: Api;
  let now = Date.now();
  let admin: string;
  beforeAll(async () => {
    s = await startTestServer(kind, { listen: true, clock: () => new Date(now), env: { BATON_CUSTOMER_TOKEN_IDLE_HOURS: '2' } });
    http = api(s);
    admin = await s.login('casey');
  }, 60_000);
  afterAll(async () => {
    await s?.close();
  });

  /** A fresh agent of the Support team, logged in. */
  async function newAgent(name: string, role = 'agent'): Promise<{ id: string; email: string; token: string }> {
    const email = `${name.toLowerCase()}-${Math.random().toString(36).slice(2, 8)}@northwind.example`;
    const created = await http.post('/api/v1/agents', admin, { email, name, password: STRONG, role, teams: ['Support'] });
    expect(created.status).toBe(201);
    const token = (await http.post('/api/v1/auth/login', undefined, { email, password: STRONG })).body.token as string;
    return { id: created.body.agent.id, email, token };
  }

  it('closes the stream at logout with AUTH_ERR_SESSION_ENDED (4401), and sends nothing after', async () => {
    const a = await newAgent('Lou');
    const stream = await openStream(s.url!, a.token);
    const end = closed(stream);
    expect((await http.post('/api/v1/auth/logout', a.token)).status).toBe(204);
    expect(await end).toEqual({ code: 4401, reason: 'AUTH_ERR_SESSION_ENDED' });
    const before = stream.events.length;
    await http.escalated(admin);
    expect(stream.events.length).toBe(before);
    expect((await http.get('/api/v1/agents/me', a.token)).status).toBe(401);
  }, 60_000);

  it('closes only the stream of the session that logged out, not the same agent on another device', async () => {
    const a = await newAgent('Max');
    const other = (await http.post('/api/v1/auth/login', undefined, { email: a.email, password: STRONG })).body.token as string;
    const phone = await openStream(s.url!, other);
    const laptop = await openStream(s.url!, a.token);
    const end = closed(laptop);
    await http.post('/api/v1/auth/logout', a.token);
    expect((await end).code).toBe(4401);
    const conv = await http.escalated(admin);
    await phone.waitFor((e) => e.type === 'handoff.requested' && e.conversationId === conv.id);
    await phone.close();
  }, 60_000);

  it('closes the stream when the session expires', async () => {
    const a = await newAgent('Noor');
    const stream = await openStream(s.url!, a.token);
    const end = closed(stream);
    now += (s.config.sessionHours + 1) * 3_600_000;
    try {
      expect(await end).toEqual({ code: 4401, reason: 'AUTH_ERR_SESSION_ENDED' });
    } finally {
      now = Date.now();
    }
  }, 60_000);

  it('disables an agent: the stream closes, login is refused, and their case goes back to the queue', async () => {
    const a = await newAgent('Oli');
    const conv = await http.escalated(admin);
    expect((await http.post(`/api/v1/handoffs/${conv.handoffId}/accept`, a.token)).status).toBe(200);
    const stream = await openStream(s.url!, a.token);
    const end = closed(stream);
    const res = await http.call('PATCH', `/api/v1/agents/${a.id}`, { token: admin, body: { disabled: true } });
    expect(res.status).toBe(200);
    expect(res.body.agent.disabledAt).toEqual(expect.any(String));
    expect(await end).toEqual({ code: 4401, reason: 'AUTH_ERR_SESSION_ENDED' });
    expect((await http.get('/api/v1/agents/me', a.token)).body.error.code).toBe('AUTH_ERR_INVALID_TOKEN');
    const login = await http.post('/api/v1/auth/login', undefined, { email: a.email, password: STRONG });
    expect({ status: login.status, code: login.body.error.code }).toEqual({ status: 403, code: 'AUTH_ERR_ACCOUNT_DISABLED' });
    // A wrong password on a disabled account says only that the password is wrong.
    expect((await http.post('/api/v1/auth/login', undefined, { email: a.email, password: 'wrong-password-here' })).body.error.code).toBe('AUTH_ERR_BAD_CREDENTIALS');
    const h = (await http.get(`/api/v1/handoffs/${conv.handoffId}`, admin)).body.handoff;
    expect({ status: h.status, agentId: h.agentId }).toEqual({ status: 'waiting', agentId: null });
    expect((await http.get(`/api/v1/conversations/${conv.id}`, admin)).body.conversation.status).toBe('waiting');
    const notes = await http.messages(conv.id, admin);
    expect(notes.some((m) => m.private && m.action === 'agent_disabled')).toBe(true);
    // Enabled again, the agent can sign in.
    expect((await http.call('PATCH', `/api/v1/agents/${a.id}`, { token: admin, body: { disabled: false } })).body.agent.disabledAt).toBeNull();
    expect((await http.post('/api/v1/auth/login', undefined, { email: a.email, password: STRONG })).status).toBe(200);
  }, 60_000);

  it('re-roles an agent: the old session ends, and the next login carries the new role', async () => {
    const a = await newAgent('Pat');
    const stream = await openStream(s.url!, a.token);
    const end = closed(stream);
    expect((await http.call('PATCH', `/api/v1/agents/${a.id}`, { token: admin, body: { role: 'supervisor' } })).body.agent.role).toBe('supervisor');
    expect((await end).reason).toBe('AUTH_ERR_SESSION_ENDED');
    expect((await http.get('/api/v1/agents/me', a.token)).status).toBe(401);
    const again = await http.post('/api/v1/auth/login', undefined, { email: a.email, password: STRONG });
    expect(again.body.agent.role).toBe('supervisor');
  }, 60_000);

  it('resets a password under the policy: weak ones are refused naming the field, and old sessions end', async () => {
    const a = await newAgent('Quinn');
    for (const weak of ['short-pw', 'password1234', 'Quinn-password-quinn']) {
      const r = await http.post(`/api/v1/agents/${a.id}/password`, admin, { password: weak });
      expect({ weak, status: r.status, code: r.body.error.code, field: r.body.error.field }).toEqual({ weak, status: 400, code: 'AUTH_ERR_WEAK_PASSWORD', field: 'password' });
    }
    expect((await http.get('/api/v1/agents/me', a.token)).status).toBe(200);
    expect((await http.post(`/api/v1/agents/${a.id}/password`, admin, { password: 'lantern-meadow-copper-9' })).status).toBe(200);
    expect((await http.get('/api/v1/agents/me', a.token)).status).toBe(401);
    expect((await http.post('/api/v1/auth/login', undefined, { email: a.email, password: STRONG })).status).toBe(401);
    expect((await http.post('/api/v1/auth/login', undefined, { email: a.email, password: 'lantern-meadow-copper-9' })).status).toBe(200);
    // The same policy holds when an agent is created.
    const weak = await http.post('/api/v1/agents', admin, { email: 'weak@northwind.example', name: 'Weak', password: 'qwertyuiop123' });
    expect({ status: weak.status, code: weak.body.error.code, field: weak.body.error.field }).toEqual({ status: 400, code: 'AUTH_ERR_WEAK_PASSWORD', field: 'password' });
  }, 60_000);

  it('keeps at least one active admin, and only admins manage accounts', async () => {
    const casey = (await http.get('/api/v1/agents/me', admin)).body.agent;
    const r = await http.call('PATCH', `/api/v1/agents/${casey.id}`, { token: admin, body: { disabled: true } });
    expect({ status: r.status, code: r.body.error.code }).toEqual({ status: 409, code: 'AGENT_ERR_LAST_ADMIN' });
    const supervisor = await s.login('jordan');
    expect((await http.call('PATCH', `/api/v1/agents/${casey.id}`, { token: supervisor, body: { role: 'agent' } })).status).toBe(403);
    expect((await http.call('PATCH', '/api/v1/agents/no-such-agent', { token: admin, body: { role: 'agent' } })).body.error.code).toBe('AGENT_ERR_NOT_FOUND');
  }, 60_000);

  it("lets a customer's token lapse after the idle time, while one in use lives on", async () => {
    const idle = await http.start();
    const busy = await http.start();
    try {
      now += 3_600_000;
      expect((await http.get(`/api/v1/conversations/${busy.id}`, busy.token)).status).toBe(200);
      now += 1.5 * 3_600_000;
      const r = await http.get(`/api/v1/conversations/${idle.id}`, idle.token);
      expect({ status: r.status, code: r.body.error.code }).toEqual({ status: 401, code: 'AUTH_ERR_INVALID_TOKEN' });
      expect((await http.get(`/api/v1/conversations/${busy.id}`, busy.token)).status).toBe(200);
    } finally {
      now = Date.now();
    }
  }, 60_000);
});

// Passwords are hashed with scrypt at N=2^17; a hash made at a lower cost is upgraded at login.
describe('password hashing at the default cost', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer('pglite', { workers: false, env: { BATON_PASSWORD_COST: '17' } });
  }, 120_000);
  afterAll(async () => {
    await s?.close();
  });

  it('rehashes an old N=2^14 hash at N=2^17 on the next login, and the password still works', async () => {
    expect(s.config.passwordCostLog2).toBe(17);
    const old = await hashPassword(STRONG, 14);
    expect(old.startsWith('scrypt$16384$')).toBe(true);
    const agent = (await s.ctx.db.transaction().execute((tx) =>
      insertAgent(tx, { id: 'old-hash-agent', email: 'old@northwind.example', name: 'Old Hash', role: 'agent', passwordHash: old, capacity: 3, skills: [], teamIds: [], at: s.ctx.clock() }),
    ))!;
    const login = () => s.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: agent.email, password: STRONG } });
    expect((await login()).statusCode).toBe(200);
    const row = await s.ctx.db.selectFrom('agents').select('passwordHash').where('id', '=', agent.id).executeTakeFirstOrThrow();
    expect(row.passwordHash.startsWith('scrypt$131072$8$1$')).toBe(true);
    expect((await login()).statusCode).toBe(200);
    expect((await s.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: agent.email, password: 'not-the-right-one' } })).statusCode).toBe(401);
  }, 60_000);
});
