import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { ApiError, NETWORK_ERR } from './api-error.js';
import { HttpClient } from './http-client.js';
import { realServer } from './testing/real-server.js';

/** A port nothing listens on: taken, then released. */
async function closedPort(): Promise<number> {
  const srv = createServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  const port = (srv.address() as { port: number }).port;
  await new Promise<void>((r) => srv.close(() => r()));
  return port;
}

async function failure(p: Promise<unknown>): Promise<ApiError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ApiError);
  return err as ApiError;
}

describe('HttpClient against a real server', () => {
  const real = realServer();

  it('signs an agent in, then sends the token on every call and types what comes back', async () => {
    const l = real.server().logins.find((x) => x.email.startsWith('alex'))!;
    let token: string | null = null;
    const api = new HttpClient({ baseUrl: `${real.base()}/`, getToken: () => token });
    const r = await api.login(l.email, l.password);
    token = r.token;
    expect(r.agent.email).toBe(l.email);
    const me = await api.me();
    expect(me.agent.id).toBe(r.agent.id);
    const { teams } = await api.teams();
    expect(teams.length).toBeGreaterThan(0);
    expect(teams.every((t) => typeof t.sla.critical === 'number')).toBe(true);
    const { handoffs } = await api.handoffs({ status: 'waiting' });
    expect(handoffs.every((h) => h.status === 'waiting')).toBe(true);
    const changed = await api.setPresence({ presence: 'away' });
    expect(changed.agent.presence).toBe('away');
    await expect(api.logout()).resolves.toBeUndefined();
  });

  it("turns the server's error body into an ApiError with its status, code, message and field", async () => {
    let signedOut = 0;
    const token = await real.server().login('alex');
    const api = new HttpClient({ baseUrl: real.base(), getToken: () => token, onUnauthorized: () => signedOut++ });
    const bad = await failure(api.setPresence({ capacity: 999 }));
    expect({ status: bad.status, code: bad.code, field: bad.field }).toEqual({ status: 400, code: 'VALIDATION_ERR_BODY', field: 'capacity' });
    const missing = await failure(api.handoff('no-such-handoff'));
    expect({ status: missing.status, code: missing.code, retryable: missing.retryable }).toEqual({ status: 404, code: 'HANDOFF_ERR_NOT_FOUND', retryable: false });
    expect(signedOut).toBe(0);
  });

  it('calls onUnauthorized on a refused token, but not for a wrong password at login', async () => {
    let signedOut = 0;
    const api = new HttpClient({ baseUrl: real.base(), getToken: () => 'not-a-token', onUnauthorized: () => signedOut++ });
    const refused = await failure(api.me());
    expect(refused.status).toBe(401);
    expect(refused.code).toBe('AUTH_ERR_INVALID_TOKEN');
    expect(signedOut).toBe(1);
    const wrong = await failure(api.login('alex@example.com', 'wrong password'));
    expect(wrong.code).toBe('AUTH_ERR_BAD_CREDENTIALS');
    expect(signedOut).toBe(1);
  });

  it('carries a conversation through with its customer token', async () => {
    const api = new HttpClient({ baseUrl: real.base(), getToken: () => 'an agent token the customer calls must not send' });
    const c = await api.startConversation({ channel: 'web', language: 'en' });
    const creds = { id: c.id, token: c.token };
    const sent = await api.postMessage(creds, 'How long do refunds take?', 'client-1');
    expect(sent.message.text).toBe('How long do refunds take?');
    const again = await api.postMessage(creds, 'How long do refunds take?', 'client-1');
    expect(again.message.id).toBe(sent.message.id);
    const { messages } = await api.messages(creds, 0);
    expect(messages.map((m) => m.id)).toContain(sent.message.id);
    const state = await api.conversation(creds);
    expect(state.conversation.caseNumber).toBe(c.caseNumber);
    const other = await api.startConversation({ channel: 'web' });
    const wrong = await failure(api.messages({ id: other.id, token: c.token }, 0));
    expect(wrong.sessionLost).toBe(true);
  });

  it('reports a server it cannot reach as NETWORK_ERR, status 0, retryable', async () => {
    const api = new HttpClient({ baseUrl: `http://127.0.0.1:${await closedPort()}/api/v1` });
    const err = await failure(api.startConversation({}));
    expect({ status: err.status, code: err.code, retryable: err.retryable }).toEqual({ status: 0, code: NETWORK_ERR, retryable: true });
  });
});
