import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_DATABASES } from './databases.js';
import type { TestServer } from './test-server.js';
import { startTestServer } from './test-server.js';

describe.each(TEST_DATABASES)('a second escalation within 24 h on %s', (kind) => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer(kind);
  }, 60_000);
  afterAll(async () => {
    await s?.close();
  });

  const escalate = async (channel: string) => {
    const conv = (await s.app.inject({ method: 'POST', url: '/api/v1/conversations', payload: { channel, customer: { name: 'Sarah Jones', email: 'sarah.jones@example.com' } } })).json();
    const r = await s.app.inject({ method: 'POST', url: `/api/v1/conversations/${conv.id}/messages`, headers: { authorization: `Bearer ${conv.token}` }, payload: { text: 'I need to talk to a real person about my order' } });
    expect(r.json().replies[0].action).toBe('escalate');
    return conv as { id: string; caseNumber: string };
  };

  it('is flagged on the brief, across channels, with the earlier case', async () => {
    const first = await escalate('web');
    // Email and the messaging apps start with the customer's own message, not from the API: the
    // API channel (a business's own app) stands in for another channel.
    const second = await escalate('api');
    const agent = await s.login('jordan');
    const handoffs = (await s.app.inject({ method: 'GET', url: '/api/v1/handoffs?status=waiting', headers: { authorization: `Bearer ${agent}` } })).json().handoffs as { conversationId: string; brief: { repeatEscalation?: { previousCaseNumber: string; channel: string }; nextSteps: string[] } }[];
    const firstBrief = handoffs.find((h) => h.conversationId === first.id)!.brief;
    const secondBrief = handoffs.find((h) => h.conversationId === second.id)!.brief;
    expect(firstBrief.repeatEscalation).toBeUndefined();
    expect(secondBrief.repeatEscalation).toMatchObject({ previousCaseNumber: first.caseNumber, channel: 'web' });
    expect(secondBrief.nextSteps[0]).toMatch(/^Repeat escalation/);
  });
});
