import type { RouteOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Api } from '../test/api.js';
import { api } from '../test/api.js';
import type { TestServer } from '../test/test-server.js';
import { startTestServer, useTestServer } from '../test/test-server.js';
import WebSocket from 'ws';
import { TEST_DATABASES } from '../test/databases.js';
import type { AccessRule } from './access-rules.js';
import { ACCESS_RULES } from './access-rules.js';
import { API_PREFIX, documented } from './openapi.js';

/** Each route with its methods spelled out; HEAD comes with GET and is walked too. */
const each = (routes: readonly RouteOptions[]) => routes.flatMap((r) => (Array.isArray(r.method) ? r.method : [r.method]).map((method) => ({ method, url: r.url, config: r.config ?? {}, websocket: r.websocket === true })));
/** A concrete URL for a route path: every parameter gets a value that names nothing. */
const concrete = (url: string) => url.replace(/:\w+/g, 'no-such-id').replace(/\*$/, 'page');

// Every registered route (onRoute), walked: a route is closed unless it says it is public.
describe('the API surface', () => {
  const server = useTestServer('pglite', { workers: false });

  const apiRoutes = () => each(server().app.registeredRoutes).filter((r) => r.url.startsWith(API_PREFIX));

  it('refuses every non-public route without a token, and the public ones are the known few', async () => {
    const closed = apiRoutes().filter((r) => !r.config.public);
    expect(closed.length).toBeGreaterThan(40);
    for (const r of closed) {
      const res = await server().app.inject({ method: r.method, url: concrete(r.url) });
      // HEAD answers carry no body: the status says it.
      const code = r.method === 'HEAD' ? 'AUTH_ERR_MISSING_TOKEN' : (JSON.parse(res.body) as { error?: { code?: string } }).error?.code;
      expect({ route: `${r.method} ${r.url}`, status: res.statusCode, code }).toEqual({ route: `${r.method} ${r.url}`, status: 401, code: 'AUTH_ERR_MISSING_TOKEN' });
    }
    // Making a route public is a decision this list records.
    const open = apiRoutes().filter((r) => r.config.public).map((r) => `${r.method} ${r.url}`);
    // Meta's webhooks (WhatsApp, Messenger) carry no token: the verify token and the app secret's signature stand in.
    const meta = ['whatsapp', 'messenger'].flatMap((c) => ['GET', 'HEAD', 'POST'].map((m) => `${m} /api/v1/channels/${c}/webhook`));
    expect(open.sort()).toEqual(['GET /api/v1/stream', 'HEAD /api/v1/stream', 'POST /api/v1/auth/login', 'POST /api/v1/channels/email/inbound', 'POST /api/v1/conversations', 'POST /api/v1/conversations/:id/resume', 'POST /api/v1/integrations/chatwoot/webhook', 'POST /api/v1/integrations/zendesk/webhook', ...meta].sort());
  });

  it('keeps routes outside /api/v1 to pages that only read: health, metrics, the spec and the web apps', () => {
    const outside = each(server().app.registeredRoutes).filter((r) => !r.url.startsWith(API_PREFIX));
    expect(outside.map((r) => `${r.method} ${r.url}`)).toEqual(expect.arrayContaining(['GET /healthz', 'GET /metrics', 'GET /openapi.json']));
    expect(outside.filter((r) => r.method !== 'GET' && r.method !== 'HEAD')).toEqual([]);
  });

});

type Caller = 'no token' | "the conversation's customer" | 'another customer' | 'agent of the team' | 'agent of another team' | 'supervisor' | 'admin';
const CALLERS: Caller[] = ['no token', 'another customer', "the conversation's customer", 'agent of another team', 'agent of the team', 'supervisor', 'admin'];
const AGENTS: Caller[] = ['agent of the team', 'agent of another team', 'supervisor', 'admin'];
const ABOVE_AGENT: Caller[] = ['agent of the team', 'supervisor', 'admin'];

/** Who passes each rule of access-rules.ts. */
const ALLOWED: Record<AccessRule, Caller[]> = {
  public: CALLERS,
  signed: [],
  'any-token': CALLERS.filter((c) => c !== 'no token'),
  customer: ["the conversation's customer"],
  'customer-or-agent': ["the conversation's customer", ...AGENTS],
  'customer-or-team': ["the conversation's customer", ...ABOVE_AGENT],
  agent: AGENTS,
  team: ABOVE_AGENT,
  assignee: ABOVE_AGENT,
  supervisor: ['supervisor', 'admin'],
  admin: ['admin'],
};

/** Bodies that pass validation where the refusal comes from the use case (team, assignee), so the check is reached. */
const BODIES: Record<string, unknown> = {
  'POST /api/v1/conversations/:id/messages': { text: 'a note for the team', private: true },
  'POST /api/v1/handoffs/:id/resolve': { category: 'orders', outcome: 'solved', verdict: 'needed' },
  'POST /api/v1/handoffs/:id/transfer': { teamId: 'Billing', note: 'over to billing' },
  'POST /api/v1/handoffs/:id/hand-back': { note: 'back to the AI' },
  'POST /api/v1/handoffs/:id/callback-outcome': { outcome: 'done' },
};

// The authorisation matrix: every route of the OpenAPI document × every kind of caller, against
// the one rule declared for the route in access-rules.ts. A refusal is a 401 without a token (a
// 403 where a shared secret is missing), else a 403 (or, on a handoff assigned to someone else, 409 CONVERSATION_ERR_NOT_YOURS); anything
// else means the caller got through. Each route gets its own case, waiting in the Support queue
// (accepted by the team's agent for the `assignee` routes).
describe.each(TEST_DATABASES)('the authorisation matrix on %s', (kind) => {
  let s: TestServer;
  let http: Api;
  const tokens = {} as Record<Exclude<Caller, 'no token' | "the conversation's customer">, string>;
  beforeAll(async () => {
    s = await startTestServer(kind, { listen: true, workers: false });
    http = api(s);
    tokens['agent of the team'] = await s.login('alex');
    tokens['agent of another team'] = await s.login('priya');
    tokens.supervisor = await s.login('jordan');
    tokens.admin = await s.login('casey');
    tokens['another customer'] = (await http.start()).token;
  }, 60_000);
  afterAll(async () => {
    await s?.close();
  });

  /** A WebSocket answer: the ready frame, or the close code it was refused with. */
  const streamAs = (token: string | undefined) =>
    new Promise<number>((resolve) => {
      const ws = new WebSocket(`${s.url!.replace('http', 'ws')}/api/v1/stream${token ? `?token=${encodeURIComponent(token)}` : ''}`);
      ws.on('message', (raw) => {
        if ((JSON.parse(raw.toString()) as { type: string }).type === 'ready') {
          ws.close();
          resolve(200);
        }
      });
      ws.on('close', (code) => resolve(code === 4401 ? 401 : code === 4403 ? 403 : code));
    });

  it('has one rule for every route the API documents, and no rule for a route that is gone', () => {
    const routes = documented(s.app.registeredRoutes).flatMap((r) => each([r])).filter((r) => r.method !== 'HEAD').map((r) => `${r.method} ${r.url}`);
    expect(routes.filter((r) => !(r in ACCESS_RULES))).toEqual([]);
    expect(Object.keys(ACCESS_RULES).filter((r) => !routes.includes(r))).toEqual([]);
  });

  it("lets through exactly the callers each route's rule names", async () => {
    const routes = documented(s.app.registeredRoutes).flatMap((r) => each([r])).filter((r) => r.method !== 'HEAD' && `${r.method} ${r.url}` in ACCESS_RULES);
    // Logging out ends the caller's session: it goes last.
    routes.sort((a, b) => Number(a.url.endsWith('/logout')) - Number(b.url.endsWith('/logout')));
    const wrong: string[] = [];
    for (const r of routes) {
      const key = `${r.method} ${r.url}`;
      const rule = ACCESS_RULES[key]!;
      const conv = r.url.includes(':id') && /\/(conversations|handoffs)\//.test(r.url) ? await http.escalated(tokens['agent of the team']) : null;
      if (conv && rule === 'assignee') expect((await http.post(`/api/v1/handoffs/${conv.handoffId}/accept`, tokens['agent of the team'])).status).toBe(200);
      const id = !conv ? 'no-such-id' : r.url.startsWith('/api/v1/handoffs') ? conv.handoffId : conv.id;
      const url = r.url.replace(':id', id);
      for (const caller of CALLERS) {
        const token = caller === 'no token' ? undefined : caller === "the conversation's customer" ? (conv?.token ?? tokens['another customer']) : tokens[caller];
        let status: number;
        let code: string | undefined;
        if (r.websocket) status = await streamAs(token);
        else {
          const res = await http.call(r.method as 'GET', url, { ...(token ? { token } : {}), ...(r.method !== 'GET' && r.method !== 'DELETE' ? { body: BODIES[key] ?? {} } : {}) });
          status = res.status;
          code = res.body?.error?.code;
        }
        const refused = status === 401 || status === 403 || code === 'CONVERSATION_ERR_NOT_YOURS';
        const allowed = ALLOWED[rule].includes(caller) || (caller === "the conversation's customer" && !conv && rule === 'any-token');
        // Without a token the refusal is a 401, except where a shared secret is what is missing.
        const expected = caller === 'no token' && !allowed && rule !== 'signed' ? 401 : null;
        if (allowed === refused || (expected && status !== expected)) wrong.push(`${key} as ${caller} (${rule}): ${status} ${code ?? ''}`);
      }
    }
    expect(wrong).toEqual([]);
  }, 240_000);
});
