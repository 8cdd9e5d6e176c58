import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { EventMap } from '@baton/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { identityHash } from '../app/signed-identity.js';
import { listEventsAfter } from '../adapters/db/repositories/events.repository.js';
import { TEST_DATABASES } from './databases.js';
import type { FakeProvider } from './llm-providers.js';
import { startFakeProvider, supportBrain } from './llm-providers.js';
import type { TestServer } from './test-server.js';
import { startTestServer, TEST_IDENTITY_SECRET } from './test-server.js';
import { openStream } from './ws-client.js';

type Mode = 'embedded' | 'llm' | 'bot';
/** The embedded engine on every test database; LLM mode (a local OpenAI-protocol server) and the external bot (a local bot) on PGlite: storage is not their subject. */
const MODES: ['pglite' | 'postgres', Mode][] = [...TEST_DATABASES.map((k) => [k, 'embedded'] as ['pglite' | 'postgres', Mode]), ['pglite', 'llm'], ['pglite', 'bot']];

/** A business's bot on a port of its own: it answers every message it is sent, knowing nothing of orders. */
async function startEchoBot(): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ messages: [{ text: `Bot: you said "${JSON.parse(body).message.text}"` }] })));
  });
  server.listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/bot`,
    close: () => new Promise<void>((r) => {
      server.closeAllConnections();
      server.close(() => r());
    }),
  };
}

// The seed documents' example, end to end through HTTP and the WebSocket stream.
describe.each(MODES)('the seed flow on %s, %s', (kind, mode) => {
  let s: TestServer;
  let provider: FakeProvider | null = null;
  let bot: Awaited<ReturnType<typeof startEchoBot>> | null = null;
  beforeAll(async () => {
    provider = mode === 'llm' ? await startFakeProvider('openai', supportBrain) : null;
    bot = mode === 'bot' ? await startEchoBot() : null;
    const env: Record<string, string> = provider
      ? { BATON_LLM: 'openai', BATON_LLM_API_KEY: 'sk-test-key', BATON_LLM_BASE_URL: provider.baseUrl, BATON_LLM_TIMEOUT_MS: '2000' }
      : bot
        ? { BATON_BOT_URL: bot.url, BATON_BOT_SECRET: 'seed-flow-bot-secret-0123', BATON_OUTBOUND_ALLOW: '127.0.0.1' }
        : {};
    s = await startTestServer(kind, { listen: true, env });
  }, 60_000);
  afterAll(async () => {
    await s?.close();
    await provider?.close();
    await bot?.close();
  });

  it('Sarah is handed over warmly, the agent gets the whole story, and it is measured', async () => {
    const http = async (method: string, url: string, token?: string, payload?: unknown) => {
      const res = await s.app.inject({ method: method as 'GET', url, ...(token ? { headers: { authorization: `Bearer ${token}` } } : {}), ...(payload !== undefined ? { payload: payload as object } : {}) });
      return { status: res.statusCode, body: res.body ? res.json() : null };
    };
    const agentToken = await s.login('alex');
    const agentStream = await openStream(s.url!, agentToken);

    const created = await http('POST', '/api/v1/conversations', undefined, { customer: { name: 'Sarah Jones', email: 'sarah.jones@example.com', identifierHash: identityHash(TEST_IDENTITY_SECRET, 'sarah.jones@example.com') } });
    expect(created.status).toBe(201);
    const { id, caseNumber, token } = created.body;
    expect(caseNumber).toMatch(/^C-\d+$/);
    const sarahStream = await openStream(s.url!, token);

    // 1-2. The furious message, and a warm handoff reply with the case number and a wait in minutes.
    const sent = Date.now();
    const r = await http('POST', `/api/v1/conversations/${id}/messages`, token, {
      text: "I've been waiting four weeks for my order #4821. I'm absolutely furious. This is not acceptable.",
      clientMessageId: 'sarah-1',
    });
    expect(r.status).toBe(201);
    expect(r.body.replies).toHaveLength(1);
    const notice = r.body.replies[0];
    expect(notice.author.kind).toBe('ai');
    expect(notice.text).toContain(caseNumber);
    expect(notice.text).toMatch(/about \d+ minutes?|less than a minute/);
    expect(notice.text).toMatch(/won't need to repeat/);

    // 3. The agent's WebSocket is told within 1 s.
    const requested = await agentStream.waitFor((e) => e.type === 'handoff.requested' && e.conversationId === id, 1000);
    expect(Date.now() - sent).toBeLessThan(1500);

    // 4. The brief: the verified order with its status, the mood, the reasons and priority, a reply naming Sarah and the order.
    const list = await http('GET', '/api/v1/handoffs?status=waiting', agentToken);
    const handoff = list.body.handoffs.find((h: { conversationId: string }) => h.conversationId === id);
    expect(handoff.id).toBe(requested.handoffId);
    const brief = handoff.brief;
    const order = brief.entities.find((e: { kind: string; value: string }) => e.kind === 'order_number' && e.value === '4821');
    expect(order).toMatchObject({ verified: true, status: 'dispatched' });
    expect(['upset', 'frustrated']).toContain(brief.sentiment.label);
    expect(handoff.reasons.map((x: { code: string }) => x.code)).toContain('negative_sentiment');
    expect(['medium', 'high', 'critical']).toContain(handoff.priority);
    expect(brief.suggestedReply).toMatch(/^Hi Sarah/);
    expect(brief.suggestedReply).toContain('4821');
    expect(brief.transcript[0].text).toContain('four weeks');
    if (mode === 'llm') expect(brief.writtenByModel?.parts).toContain('summary');

    // 5. The agent accepts: Sarah sees who joined, then the reply.
    const accepted = await http('POST', `/api/v1/handoffs/${handoff.id}/accept`, agentToken);
    expect(accepted.status).toBe(200);
    const joined = await sarahStream.waitFor((e) => e.type === 'message.created' && (e.payload.message as { action?: string }).action === 'agent_joined');
    expect((joined.payload.message as { text: string }).text).toMatch(/Alex/);
    const reply = await http('POST', `/api/v1/conversations/${id}/messages`, agentToken, { text: brief.suggestedReply });
    expect(reply.status).toBe(201);
    const seen = await sarahStream.waitFor((e) => e.type === 'message.created' && (e.payload.message as { author: { kind: string } }).author.kind === 'agent');
    expect((seen.payload.message as { author: { name: string } }).author.name).toBe('Alex Morgan');
    expect(seen.seq).toBeGreaterThan(joined.seq);

    // 6. Resolved with category, outcome and verdict; Sarah rates it.
    const resolved = await http('POST', `/api/v1/handoffs/${handoff.id}/resolve`, agentToken, { category: 'delivery', outcome: 'solved', verdict: 'needed' });
    expect(resolved.status).toBe(200);
    const csat = await http('POST', `/api/v1/conversations/${id}/csat`, token, { score: 5 });
    expect(csat.status).toBe(201);

    // 7. The metrics count the handoff and its time to human.
    const m = await http('GET', '/api/v1/metrics/handoffs', agentToken);
    expect(m.status).toBe(200);
    expect(m.body.handoffs).toBeGreaterThanOrEqual(1);
    expect(m.body.timeToHumanSeconds.n).toBeGreaterThanOrEqual(1);
    expect(m.body.timeToHumanSeconds.p50).toBeGreaterThanOrEqual(0);
    expect(m.body.csat.afterHandoff.n).toBeGreaterThanOrEqual(1);
    expect(m.body.byReason.negative_sentiment).toBeGreaterThanOrEqual(1);

    await agentStream.close();
    await sarahStream.close();
  }, 30_000);

  it('answers where an order is with its real status, and keeps it out of other customers\' reach', async () => {
    // Sarah is signed in on the shop, which signs her address.
    const start = async (email?: string) => (await s.app.inject({ method: 'POST', url: '/api/v1/conversations', payload: email ? { customer: { email, identifierHash: identityHash(TEST_IDENTITY_SECRET, email) } } : {} })).json();
    const sarah = await start('sarah.jones@example.com');
    const res = await s.app.inject({ method: 'POST', url: `/api/v1/conversations/${sarah.id}/messages`, headers: { authorization: `Bearer ${sarah.token}` }, payload: { text: 'Where is my order 4821?' } });
    const answer = res.json().replies[0];
    expect(answer.action).toBe('answer');
    // The external bot answers in the AI's place, with what it knows.
    if (mode === 'bot') expect(answer.text).toBe('Bot: you said "Where is my order 4821?"');
    else {
      expect(answer.text).toMatch(/#4821 is dispatched/);
      expect(answer.text).toMatch(/Royal Mail/);
    }
    if (mode === 'llm') expect(answer.text).toMatch(/^\[model\]/);

    const stranger = await start();
    const res2 = await s.app.inject({ method: 'POST', url: `/api/v1/conversations/${stranger.id}/messages`, headers: { authorization: `Bearer ${stranger.token}` }, payload: { text: 'Where is my order 4821?' } });
    expect(res2.json().replies[0].text).not.toMatch(/Royal Mail|dispatched on/);
  });

  // The compiler checks each emit against the contracts' EventMap; this checks what actually reached
  // the log, after the flows above, against the same schemas, so the stream and webhooks carry what
  // the web apps are typed to read.
  it('every event written so far matches its payload schema in the contracts', async () => {
    const events = await listEventsAfter(s.ctx.db, 0, { limit: 1000 });
    const types = new Set(events.map((e) => e.type));
    for (const t of ['message.created', 'handoff.requested', 'handoff.accepted', 'conversation.status_changed', 'handoff.resolved', 'csat.submitted'] as const) expect(types, t).toContain(t);
    const wrong = events.flatMap((e) => {
      const r = EventMap[e.type].safeParse(e.payload);
      return r.success ? [] : [`${e.seq} ${e.type}: ${r.error.message}`];
    });
    expect(wrong).toEqual([]);
  });
});
