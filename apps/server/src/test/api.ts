import { startConversation } from '../app/start-conversation.js';
import type { TestServer } from './test-server.js';

export interface ApiResponse {
  status: number;
  // Tests read response bodies loosely; the contracts package types the real clients.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
  text: string;
  headers: Record<string, unknown>;
}

export interface CallOptions {
  token?: string;
  body?: unknown;
  /** A raw body sent as is, with `contentType` (default application/json). */
  raw?: string;
  contentType?: string;
}

export interface StartedConversation {
  id: string;
  caseNumber: string;
  token: string;
}

/** The escalating message used throughout the suite: an explicit request for a human. */
export const ASK_FOR_HUMAN = 'let me talk to a real person';

let clients = 0;

/**
 * A small HTTP client over `app.inject`. Each request comes from its own client address
 * (`remoteAddress`), so the per-address rate limits on public endpoints never throttle a test
 * that starts many conversations; forged headers are not used, so this keeps working whatever
 * the proxy-trust setting is.
 */
export function api(s: TestServer) {
  const call = async (method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, o: CallOptions = {}): Promise<ApiResponse> => {
    clients += 1;
    const headers: Record<string, string> = {};
    if (o.token !== undefined) headers.authorization = `Bearer ${o.token}`;
    if (o.raw !== undefined) headers['content-type'] = o.contentType ?? 'application/json';
    const res = await s.app.inject({
      method,
      url,
      headers,
      remoteAddress: `10.${(clients >> 16) & 255}.${(clients >> 8) & 255}.${clients & 255}`,
      ...(o.raw !== undefined ? { payload: o.raw } : o.body !== undefined ? { payload: o.body as object } : {}),
    });
    let body: unknown = null;
    try {
      body = res.body ? JSON.parse(res.body) : null;
    } catch {
      body = null;
    }
    return { status: res.statusCode, body, text: res.body, headers: res.headers };
  };

  const self = {
    call,
    get: (url: string, token?: string) => call('GET', url, token !== undefined ? { token } : {}),
    post: (url: string, token: string | undefined, body?: unknown) => call('POST', url, { ...(token !== undefined ? { token } : {}), ...(body !== undefined ? { body } : {}) }),
    put: (url: string, token: string | undefined, body?: unknown) => call('PUT', url, { ...(token !== undefined ? { token } : {}), ...(body !== undefined ? { body } : {}) }),

    /** Starts a conversation as a customer; fails the test unless it is created. */
    async start(body: unknown = {}): Promise<StartedConversation> {
      const r = await call('POST', '/api/v1/conversations', { body });
      if (r.status !== 201) throw new Error(`could not start a conversation: ${r.status} ${r.text}`);
      return r.body as StartedConversation;
    },

    /**
     * An email conversation, as an inbound mail starts one (the public API refuses the email
     * channel); its token lets the test write as that customer.
     */
    async startByEmail(email: string): Promise<StartedConversation> {
      const { conversation, token } = await startConversation(s.ctx, { channel: 'email', customer: { email } });
      return { id: conversation.id, caseNumber: conversation.caseNumber, token };
    },

    /** The customer says something; returns the raw response. */
    say(conv: StartedConversation, text: string, clientMessageId?: string) {
      return call('POST', `/api/v1/conversations/${conv.id}/messages`, { token: conv.token, body: { text, ...(clientMessageId ? { clientMessageId } : {}) } });
    },

    /** Messages of a conversation as `token` sees them. */
    async messages(conversationId: string, token: string, after = 0) {
      const r = await call('GET', `/api/v1/conversations/${conversationId}/messages?after=${after}`, { token });
      if (r.status !== 200) throw new Error(`could not list messages: ${r.status} ${r.text}`);
      return r.body.messages as { id: string; seq: number; author: { kind: string; name?: string }; text: string; private?: true; action?: string }[];
    },

    /** The open handoff of a conversation, as an agent lists it. */
    async handoffOf(conversationId: string, agentToken: string, status?: string) {
      const r = await call('GET', `/api/v1/handoffs${status ? `?status=${status}` : ''}`, { token: agentToken });
      if (r.status !== 200) throw new Error(`could not list handoffs: ${r.status} ${r.text}`);
      return (r.body.handoffs as { id: string; conversationId: string; status: string; team: string | null; agentId: string | null }[]).find((h) => h.conversationId === conversationId) ?? null;
    },

    /** Starts a conversation and makes it escalate; returns it with its waiting handoff's id. */
    async escalated(agentToken: string, body: unknown = {}): Promise<StartedConversation & { handoffId: string }> {
      const conv = await self.start(body);
      const r = await self.say(conv, ASK_FOR_HUMAN);
      if (r.status !== 201) throw new Error(`the escalating message failed: ${r.status} ${r.text}`);
      const h = await self.handoffOf(conv.id, agentToken, 'waiting');
      if (!h) throw new Error(`"${ASK_FOR_HUMAN}" did not escalate: ${JSON.stringify(r.body.replies)}`);
      return { ...conv, handoffId: h.id };
    },
  };
  return self;
}

export type Api = ReturnType<typeof api>;
