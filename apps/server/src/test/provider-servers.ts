import { createServer } from 'node:http';
import type { IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request a provider's API got: its parsed JSON body, and the raw text. */
export interface ApiRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  raw: string;
  // Tests read bodies loosely; the providers' documented shapes are asserted field by field.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  json: any;
}

/** A provider's API on 127.0.0.1, port 0: `answer` gives each request's status and JSON body (undefined: no body). */
export async function startJsonApi(answer: (r: ApiRequest) => { status: number; body?: unknown } | Promise<{ status: number; body?: unknown }>) {
  const requests: ApiRequest[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      let json: unknown = null;
      try {
        json = raw ? JSON.parse(raw) : null;
      } catch {
        json = null;
      }
      const r: ApiRequest = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, raw, json };
      requests.push(r);
      void Promise.resolve(answer(r)).then(({ status, body }) => {
        if (res.destroyed) return;
        res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' }).end(body === undefined ? '' : JSON.stringify(body));
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

/**
 * Chatwoot's application API as an agent bot sees it (`api_access_token`), after Chatwoot's
 * documented shapes: messages, `toggle_status`, `toggle_priority` and team `assignments`, with
 * the conversations' status and priority kept. `failMessages` makes that many message posts fail
 * with a 500 first; `refuseAssignments` answers assignments as a token without the right does.
 */
export async function startFakeChatwoot(o: { token: string; refuseAssignments?: boolean }) {
  const conversations = new Map<string, { status: string; priority: string | null; teamId: number | null }>();
  const state = { failMessages: 0, nextMessageId: 5000 };
  const api = await startJsonApi((r) => {
    if (r.headers.api_access_token !== o.token) return { status: 401, body: { error: 'Invalid Access Token' } };
    const m = /^\/api\/v1\/accounts\/(\d+)\/conversations\/(\d+)\/(messages|toggle_status|toggle_priority|assignments)$/.exec(r.url);
    if (!m || r.method !== 'POST') return { status: 404, body: { error: 'Resource could not be found' } };
    const [, account, id, action] = m;
    const key = `${account}:${id}`;
    const conv = conversations.get(key) ?? { status: 'pending', priority: null, teamId: null };
    conversations.set(key, conv);
    switch (action) {
      case 'messages':
        if (state.failMessages > 0) {
          state.failMessages -= 1;
          return { status: 500, body: { error: 'Internal Server Error' } };
        }
        state.nextMessageId += 1;
        return { status: 200, body: { id: state.nextMessageId, content: r.json.content, message_type: 1, content_type: r.json.content_type ?? 'text', content_attributes: r.json.content_attributes ?? {}, private: r.json.private ?? false, conversation_id: Number(id), sender: { type: 'agent_bot' } } };
      case 'toggle_status':
        conv.status = r.json.status;
        return { status: 200, body: { meta: {}, payload: { success: true, conversation_id: Number(id), current_status: conv.status } } };
      case 'toggle_priority':
        conv.priority = r.json.priority;
        return { status: 200 };
      default:
        if (o.refuseAssignments) return { status: 401, body: { error: 'You are not authorized to do this action' } };
        conv.teamId = r.json.team_id;
        return { status: 200, body: { id: r.json.team_id, name: 'billing' } };
    }
  });
  return {
    ...api,
    conversations,
    /** The next `n` message posts fail with a 500. */
    failMessages(n: number) {
      state.failMessages = n;
    },
    /** What was posted into one conversation, in order. */
    messagesIn(account: number, id: number) {
      return api.requests.filter((r) => r.url === `/api/v1/accounts/${account}/conversations/${id}/messages` && r.json?.content !== undefined).map((r) => r.json as { content: string; private: boolean; content_type?: string; content_attributes?: { items: { title: string }[] } });
    },
  };
}

/** Zendesk's Support API for tickets (`POST /api/v2/tickets`, HTTP Basic with an API token), honouring `Idempotency-Key`. */
export async function startFakeZendesk(o: { email: string; token: string }) {
  const byKey = new Map<string, unknown>();
  const tickets: ApiRequest[] = [];
  const expected = `Basic ${Buffer.from(`${o.email}/token:${o.token}`).toString('base64')}`;
  const api = await startJsonApi((r) => {
    if (r.headers.authorization !== expected) return { status: 401, body: { error: "Couldn't authenticate you" } };
    if (r.method !== 'POST' || r.url !== '/api/v2/tickets') return { status: 404, body: { error: 'InvalidEndpoint' } };
    if (!r.json?.ticket?.comment?.body) return { status: 422, body: { error: 'RecordInvalid', description: 'Record validation errors', details: { description: [{ description: 'Description: cannot be blank' }] } } };
    const key = String(r.headers['idempotency-key'] ?? '');
    if (key && byKey.has(key)) return { status: 201, body: byKey.get(key) };
    tickets.push(r);
    const body = { ticket: { id: 35436 + tickets.length, url: `${api.url}/api/v2/tickets/${35436 + tickets.length}.json`, status: 'new', ...r.json.ticket, description: r.json.ticket.comment.body } };
    if (key) byKey.set(key, body);
    return { status: 201, body };
  });
  return { ...api, tickets };
}

/**
 * Zendesk messaging's Sunshine Conversations API (`/sc/v2/apps/{app}/conversations/{id}/…`,
 * HTTP Basic with a key id and secret): messages posted as the business, and `passControl`,
 * which makes the named switchboard integration the conversation's active one.
 */
export async function startFakeZendeskMessaging(o: { appId: string; keyId: string; keySecret: string }) {
  const active = new Map<string, string>();
  const expected = `Basic ${Buffer.from(`${o.keyId}:${o.keySecret}`).toString('base64')}`;
  let nextId = 0;
  const api = await startJsonApi((r) => {
    if (r.headers.authorization !== expected) return { status: 401, body: { errors: [{ code: 'unauthorized', title: 'Authorization is required' }] } };
    const m = /^\/sc\/v2\/apps\/([^/]+)\/conversations\/([^/]+)\/(messages|passControl)$/.exec(r.url);
    if (!m || m[1] !== o.appId || r.method !== 'POST') return { status: 404, body: { errors: [{ code: 'not_found', title: 'Not found' }] } };
    const conversationId = decodeURIComponent(m[2]!);
    if (m[3] === 'passControl') {
      active.set(conversationId, r.json.switchboardIntegration);
      return { status: 200, body: {} };
    }
    nextId += 1;
    return { status: 201, body: { messages: [{ id: `biz-${nextId}`, received: new Date(0).toISOString(), author: r.json.author, content: r.json.content }] } };
  });
  return {
    ...api,
    /** The switchboard integration in control of each conversation after a `passControl`. */
    active,
    messagesIn(conversationId: string) {
      return api.requests.filter((r) => r.url.endsWith(`/conversations/${conversationId}/messages`)).map((r) => r.json.content as { type: string; text: string; actions?: { type: string; text: string }[] });
    },
  };
}
