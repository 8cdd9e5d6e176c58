import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listMessages } from '../adapters/db/repositories/conversations.repository.js';
import { openHandoffFor, latestHandoffFor } from '../adapters/db/repositories/handoffs.repository.js';
import { findIntegrationLink, getIntegrationDelivery, insertIntegrationDelivery } from '../adapters/db/repositories/integrations.repository.js';
import { signChatwootWebhook } from '../adapters/integrations/chatwoot-signature.js';
import { CHATWOOT_INBOUND, chatwootDeliveryKey } from '../app/integrations/receive-chatwoot-webhook.js';
import { requeueIntegrationDeliveries } from '../app/integrations/store-integration-delivery.js';
import { TEST_DATABASES } from './databases.js';
import { eventually } from './doc-example.js';
import { startFakeChatwoot } from './provider-servers.js';
import type { TestServer } from './test-server.js';
import { startTestServer } from './test-server.js';

const TOKEN = 'cw-bot-token-0123456789';
const SECRET = 'cw-webhook-secret-0123456789';
const ACCOUNT = 7;
const FURIOUS = "I've been waiting four weeks for my order #4821. I'm absolutely furious.";

/** The app's clock: a fixed date, moving at the real pace so jobs and timeouts still run. */
const BASE = Date.parse('2026-03-02T10:00:00Z');
const started = Date.now();
const clock = () => new Date(BASE + (Date.now() - started));

let nextMessageId = 900;

/** A `message_created` as Chatwoot posts it to an agent bot (message at the top level, its conversation inside). */
function messageCreated(conversationId: number, content: string, o: { status?: string; messageType?: string; id?: number } = {}) {
  nextMessageId += 1;
  return {
    event: 'message_created',
    id: o.id ?? nextMessageId,
    content,
    created_at: new Date(clock()).toISOString(),
    message_type: o.messageType ?? 'incoming',
    content_type: 'text',
    content_attributes: {},
    source_id: null,
    private: false,
    sender: { id: 31, name: 'Sarah Jones', email: 'sarah.jones@example.com', type: 'contact' },
    inbox: { id: 2, name: 'Website' },
    conversation: { id: conversationId, account_id: ACCOUNT, status: o.status ?? 'pending', inbox_id: 2, channel: 'Channel::WebWidget', priority: null, additional_attributes: {}, meta: { sender: { id: 31, name: 'Sarah Jones' } } },
    account: { id: ACCOUNT, name: 'Northwind' },
  };
}

/** Headers Chatwoot signs a webhook with; `secret: null` leaves them out. */
function signed(raw: string, o: { secret?: string | null; at?: number } = {}): Record<string, string> {
  const secret = o.secret === undefined ? SECRET : o.secret;
  const ts = String(Math.floor((o.at ?? clock().getTime()) / 1000));
  return { 'content-type': 'application/json', ...(secret === null ? {} : { 'x-chatwoot-timestamp': ts, 'x-chatwoot-signature': signChatwootWebhook(secret, ts, raw) }) };
}

describe.each(TEST_DATABASES)('Baton as Chatwoot’s agent bot on %s', (kind) => {
  let s: TestServer;
  let cw: Awaited<ReturnType<typeof startFakeChatwoot>>;
  beforeAll(async () => {
    cw = await startFakeChatwoot({ token: TOKEN });
    s = await startTestServer(kind, {
      listen: true,
      clock,
      env: { BATON_CHATWOOT_URL: cw.url, BATON_CHATWOOT_BOT_TOKEN: TOKEN, BATON_CHATWOOT_WEBHOOK_SECRET: SECRET, BATON_CHATWOOT_TEAMS: 'Support=11,Billing=12', BATON_OUTBOUND_ALLOW: '127.0.0.1' },
    });
  }, 60_000);
  afterAll(async () => {
    await s?.close();
    await cw?.close();
  });

  const deliver = async (payload: object, o: Parameters<typeof signed>[1] & { raw?: string } = {}) => {
    const raw = o.raw ?? JSON.stringify(payload);
    const res = await s.app.inject({ method: 'POST', url: '/api/v1/integrations/chatwoot/webhook', headers: signed(raw, o), payload: raw });
    return { status: res.statusCode, body: res.json() as { status?: string; error?: { code: string } } };
  };
  const processed = (payload: Parameters<typeof chatwootDeliveryKey>[0]) =>
    eventually('the delivery is processed', async () => (await getIntegrationDelivery(s.ctx.db, 'chatwoot', chatwootDeliveryKey(payload, null, '')))?.processedAt && (await getIntegrationDelivery(s.ctx.db, 'chatwoot', chatwootDeliveryKey(payload, null, ''))));
  const batonConversation = async (chatwootId: number) => (await findIntegrationLink(s.ctx.db, 'chatwoot', `${ACCOUNT}:${chatwootId}`))?.conversationId ?? null;

  it('answers a pending conversation through Chatwoot’s API, acknowledging at once', async () => {
    const m = messageCreated(101, 'how do I reset my password?');
    const t = Date.now();
    expect(await deliver(m)).toEqual({ status: 200, body: { status: 'accepted' } });
    expect(Date.now() - t).toBeLessThan(1000);
    const [reply] = await eventually('Baton replies in Chatwoot', () => cw.messagesIn(ACCOUNT, 101).length > 0 && cw.messagesIn(ACCOUNT, 101));
    expect(reply).toMatchObject({ private: false });
    expect(reply!.content).toMatch(/password/i);
    const posted = cw.requests.find((r) => r.url.endsWith('/conversations/101/messages'))!;
    expect(posted.headers.api_access_token).toBe(TOKEN);
    expect(posted.json.message_type).toBe('outgoing');
    // The customer's message is in Baton's transcript of the conversation, with the reply.
    const conv = (await batonConversation(101))!;
    expect((await listMessages(s.ctx.db, conv)).map((x) => x.authorKind)).toEqual(['customer', 'ai']);
  }, 30_000);

  it('hands over by opening the conversation with the brief as a private note, then stays silent while it is open', async () => {
    await deliver(messageCreated(102, FURIOUS));
    await eventually('the conversation is opened in Chatwoot', () => cw.conversations.get(`${ACCOUNT}:102`)?.status === 'open');
    const posts = cw.messagesIn(ACCOUNT, 102);
    const note = posts.find((p) => p.private)!;
    const conv = (await batonConversation(102))!;
    const handoff = (await latestHandoffFor(s.ctx.db, conv))!;
    expect(note.content).toContain('Baton handoff brief');
    expect(note.content).toContain(handoff.brief.caseNumber);
    expect(note.content).toContain('4821');
    // The customer is told, in the conversation, with the case number.
    await eventually('the customer gets the handoff notice', () => cw.messagesIn(ACCOUNT, 102).some((p) => !p.private && p.content.includes(handoff.brief.caseNumber)));
    expect(cw.conversations.get(`${ACCOUNT}:102`)).toMatchObject({ status: 'open', priority: expect.stringMatching(/^(medium|high|urgent)$/), teamId: handoff.teamId ? expect.any(Number) : null });
    // Chatwoot's people have it: Baton's own queue has let it go.
    await eventually('Baton’s handoff leaves its queue', async () => (await openHandoffFor(s.ctx.db, conv)) === null);
    expect((await latestHandoffFor(s.ctx.db, conv))!.resolution).toMatchObject({ category: 'handled_elsewhere', outcome: 'Chatwoot' });

    // While open, a customer message gets nothing from Baton.
    const before = cw.messagesIn(ACCOUNT, 102).length;
    const whileOpen = messageCreated(102, 'hello? anyone?', { status: 'open' });
    await deliver(whileOpen);
    expect((await processed(whileOpen)).outcome).toMatch(/^silent/);
    // A Chatwoot agent answers: kept in Baton's transcript, never posted back.
    const agentReply = { ...messageCreated(102, 'Hi Sarah, I am on it.', { status: 'open', messageType: 'outgoing' }), sender: { id: 4, name: 'Alex from Chatwoot', type: 'user' } };
    await deliver(agentReply);
    await processed(agentReply);
    expect(cw.messagesIn(ACCOUNT, 102)).toHaveLength(before);

    // Back to pending (Chatwoot gave it back to the bot): Baton answers again.
    await deliver(messageCreated(102, 'how do I reset my password?'));
    await eventually('Baton answers again', () => cw.messagesIn(ACCOUNT, 102).length > before);
    expect(cw.messagesIn(ACCOUNT, 102).slice(before).every((p) => !p.private)).toBe(true);
    // Baton's transcript holds what happened while a person had it, then the new message and Baton's answer.
    const transcript = (await listMessages(s.ctx.db, conv)).map((x) => [x.authorKind, x.text]);
    expect(transcript.slice(-4)).toEqual([['customer', 'hello? anyone?'], ['agent', 'Hi Sarah, I am on it.'], ['customer', 'how do I reset my password?'], ['ai', cw.messagesIn(ACCOUNT, 102).at(-1)!.content]]);
  }, 40_000);

  it('refuses a wrong, missing or stale signature and stores nothing; stores a replayed delivery once', async () => {
    const m = messageCreated(103, 'how do I reset my password?');
    const raw = JSON.stringify(m);
    expect(await deliver(m, { secret: null })).toMatchObject({ status: 401, body: { error: { code: 'INTEGRATION_ERR_SIGNATURE_MISSING' } } });
    expect(await deliver(m, { secret: 'another-secret-entirely' })).toMatchObject({ status: 401, body: { error: { code: 'INTEGRATION_ERR_SIGNATURE_INVALID' } } });
    expect(await deliver(m, { at: clock().getTime() - 3600_000 })).toMatchObject({ status: 401, body: { error: { code: 'INTEGRATION_ERR_STALE_TIMESTAMP' } } });
    // Signed for other bytes: the signature covers the body exactly.
    const tampered = await s.app.inject({ method: 'POST', url: '/api/v1/integrations/chatwoot/webhook', headers: signed(raw), payload: raw.replace('reset my password', 'refund everything') });
    expect(tampered.statusCode).toBe(401);
    expect(await getIntegrationDelivery(s.ctx.db, 'chatwoot', chatwootDeliveryKey(m, null, raw))).toBeNull();
    expect(await batonConversation(103)).toBeNull();

    // The genuine delivery, then Chatwoot's retry of it: one message, one reply.
    expect((await deliver(m)).body).toEqual({ status: 'accepted' });
    expect((await deliver(m)).body).toEqual({ status: 'duplicate' });
    await processed(m);
    await eventually('Baton replies', () => cw.messagesIn(ACCOUNT, 103).length > 0);
    expect((await deliver(m)).body).toEqual({ status: 'duplicate' });
    const conv = (await batonConversation(103))!;
    expect((await listMessages(s.ctx.db, conv)).filter((x) => x.authorKind === 'customer')).toHaveLength(1);
    expect(cw.messagesIn(ACCOUNT, 103)).toHaveLength(1);
  }, 30_000);

  it('loses nothing when Chatwoot gives up on the webhook and its API fails once', async () => {
    cw.failMessages(1);
    const m = messageCreated(104, 'how do I reset my password?');
    const raw = JSON.stringify(m);
    // Chatwoot's side: the request is sent whole, and the connection dropped before any answer (its timeout).
    await new Promise<void>((resolve, reject) => {
      const req = request(`${s.url}/api/v1/integrations/chatwoot/webhook`, { method: 'POST', headers: signed(raw) });
      req.on('error', () => resolve());
      req.end(raw, () => {
        req.destroy();
        resolve();
      });
      req.on('response', () => reject(new Error('the connection should have been dropped before the answer')));
    });
    await eventually('the reply reaches Chatwoot after a retry', () => cw.messagesIn(ACCOUNT, 104).length >= 2);
    const posts = cw.requests.filter((r) => r.url.endsWith('/conversations/104/messages'));
    expect(posts).toHaveLength(2);
    expect(posts[0]!.json.content).toBe(posts[1]!.json.content);
    const conv = (await batonConversation(104))!;
    expect((await listMessages(s.ctx.db, conv)).filter((x) => x.authorKind === 'customer').map((x) => x.text)).toEqual(['how do I reset my password?']);

    // A delivery stored whose job was lost with a killed process: the start queues it again.
    const orphan = messageCreated(105, 'how do I reset my password?');
    expect(await insertIntegrationDelivery(s.ctx.db, { provider: 'chatwoot', deliveryKey: chatwootDeliveryKey(orphan, null, ''), event: orphan.event, payload: orphan, receivedAt: clock() })).toBe(true);
    expect(await requeueIntegrationDeliveries(s.ctx, CHATWOOT_INBOUND)).toBeGreaterThanOrEqual(1);
    await eventually('the stored message is answered', () => cw.messagesIn(ACCOUNT, 105).length === 1);
  }, 40_000);
});
