import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listMessages } from '../adapters/db/repositories/conversations.repository.js';
import { latestHandoffFor, openHandoffFor } from '../adapters/db/repositories/handoffs.repository.js';
import { findIntegrationLink, getIntegrationDelivery } from '../adapters/db/repositories/integrations.repository.js';
import { eventually } from './doc-example.js';
import { startFakeZendeskMessaging } from './provider-servers.js';
import type { TestServer } from './test-server.js';
import { startTestServer } from './test-server.js';

const APP = '5698edbf2a43bd081be982f1';
const KEY = { keyId: 'app_5698edbf2a43', keySecret: 'sunco-key-secret-0123' };
const HOOK_SECRET = 'zd-hook-secret-0123';
const FURIOUS = "I've been waiting four weeks for my order #4821. I'm absolutely furious.";

let nextEvent = 0;

/** A Sunshine Conversations v2 webhook with one `conversation:message` from the customer. */
function userMessage(conversationId: string, text: string, o: { active?: string } = {}) {
  nextEvent += 1;
  return {
    app: { id: APP },
    webhook: { id: 'wh-1', version: 'v2' },
    events: [
      {
        id: `evt-${nextEvent}`,
        createdAt: new Date(0).toISOString(),
        type: 'conversation:message',
        payload: {
          conversation: { id: conversationId, type: 'personal', activeSwitchboardIntegration: { id: 'sw-1', name: o.active === 'zd:agentWorkspace' ? 'zd-agentWorkspace' : 'baton', integrationId: 'int-1', integrationType: o.active ?? 'custom' } },
          message: { id: `msg-${nextEvent}`, received: new Date(0).toISOString(), author: { userId: 'user-1', displayName: 'Sarah Jones', type: 'user' }, content: { type: 'text', text }, source: { type: 'web' } },
        },
      },
    ],
  };
}

// Baton answering Zendesk messaging, against a local server speaking the Sunshine Conversations API.
describe('Zendesk messaging: Baton answers, then passes control to the Agent Workspace', () => {
  let s: TestServer;
  let zd: Awaited<ReturnType<typeof startFakeZendeskMessaging>>;
  beforeAll(async () => {
    zd = await startFakeZendeskMessaging({ appId: APP, ...KEY });
    s = await startTestServer('pglite', {
      env: {
        BATON_ZENDESK_URL: zd.url,
        BATON_ZENDESK_MODE: 'messaging',
        BATON_ZENDESK_APP_ID: APP,
        BATON_ZENDESK_KEY_ID: KEY.keyId,
        BATON_ZENDESK_KEY_SECRET: KEY.keySecret,
        BATON_ZENDESK_WEBHOOK_SECRET: HOOK_SECRET,
        BATON_ZENDESK_FIELDS: 'case_number=360001,brief=360003',
        BATON_OUTBOUND_ALLOW: '127.0.0.1',
      },
    });
  }, 60_000);
  afterAll(async () => {
    await s?.close();
    await zd?.close();
  });

  const deliver = async (body: object, secret: string | null = HOOK_SECRET) => {
    const res = await s.app.inject({ method: 'POST', url: '/api/v1/integrations/zendesk/webhook', headers: secret === null ? {} : { 'x-api-key': secret }, payload: body });
    return { status: res.statusCode, body: res.json() as { accepted?: number; duplicates?: number; error?: { code: string } } };
  };

  it('refuses a missing or wrong secret and stores nothing; stores a replayed event once', async () => {
    const hook = userMessage('conv-a', 'how do I reset my password?');
    expect(await deliver(hook, null)).toMatchObject({ status: 401, body: { error: { code: 'INTEGRATION_ERR_SIGNATURE_MISSING' } } });
    expect(await deliver(hook, 'not-the-secret')).toMatchObject({ status: 401, body: { error: { code: 'INTEGRATION_ERR_SIGNATURE_INVALID' } } });
    expect(await getIntegrationDelivery(s.ctx.db, 'zendesk_messaging', `event:${hook.events[0]!.id}`)).toBeNull();
    expect(await deliver(hook)).toEqual({ status: 200, body: { accepted: 1, duplicates: 0 } });
    expect(await deliver(hook)).toEqual({ status: 200, body: { accepted: 0, duplicates: 1 } });
    const [reply] = await eventually('Baton replies in Zendesk', () => zd.messagesIn('conv-a').length > 0 && zd.messagesIn('conv-a'));
    expect(reply!.text).toMatch(/password/i);
    const conv = (await findIntegrationLink(s.ctx.db, 'zendesk_messaging', 'conv-a'))!.conversationId;
    expect((await listMessages(s.ctx.db, conv)).filter((m) => m.authorKind === 'customer')).toHaveLength(1);
    expect(zd.messagesIn('conv-a')).toHaveLength(1);
  }, 30_000);

  it('hands the seed scenario over by passing control with the ticket fields, then stays silent', async () => {
    const first = userMessage('conv-b', FURIOUS);
    await deliver(first);
    await eventually('control passes to the Agent Workspace', () => zd.active.get('conv-b') === 'zd:agentWorkspace');
    const conv = (await findIntegrationLink(s.ctx.db, 'zendesk_messaging', 'conv-b'))!.conversationId;
    const handoff = (await latestHandoffFor(s.ctx.db, conv))!;
    const pass = zd.requests.find((r) => r.url.endsWith('/conversations/conv-b/passControl'))!;
    expect(pass.json.switchboardIntegration).toBe('zd:agentWorkspace');
    expect(pass.json.metadata).toMatchObject({
      'dataCapture.systemField.tags': ['baton', ...new Set(handoff.reasons.map((x) => `baton_${x.code}`))].join(' '),
      'dataCapture.ticketField.360001': handoff.brief.caseNumber,
      first_message_id: first.events[0]!.payload.message.id,
    });
    expect(pass.json.metadata['dataCapture.ticketField.360003']).toContain(`Case ${handoff.brief.caseNumber}`);
    await eventually('the customer gets the handoff notice', () => zd.messagesIn('conv-b').some((m) => m.text.includes(handoff.brief.caseNumber)));
    await eventually('Baton’s handoff leaves its queue', async () => (await openHandoffFor(s.ctx.db, conv)) === null);

    const before = zd.messagesIn('conv-b').length;
    const whileAgents = userMessage('conv-b', 'hello? anyone?', { active: 'zd:agentWorkspace' });
    await deliver(whileAgents);
    const processed = await eventually('the event is processed', async () => (await getIntegrationDelivery(s.ctx.db, 'zendesk_messaging', `event:${whileAgents.events[0]!.id}`))?.processedAt && getIntegrationDelivery(s.ctx.db, 'zendesk_messaging', `event:${whileAgents.events[0]!.id}`));
    expect(processed!.outcome).toMatch(/^silent/);
    expect(zd.messagesIn('conv-b')).toHaveLength(before);
  }, 30_000);
});
