import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_DATABASES } from './databases.js';
import type { TestServer } from './test-server.js';
import { startTestServer } from './test-server.js';

describe.each(TEST_DATABASES)('previewing a policy change on %s', (kind) => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer(kind);
  }, 60_000);
  afterAll(async () => {
    await s?.close();
  });

  const say = async (text: string) => {
    const conv = (await s.app.inject({ method: 'POST', url: '/api/v1/conversations', payload: {} })).json();
    const r = await s.app.inject({ method: 'POST', url: `/api/v1/conversations/${conv.id}/messages`, headers: { authorization: `Bearer ${conv.token}` }, payload: { text } });
    return { caseNumber: conv.caseNumber as string, action: r.json().replies[0].action as string };
  };

  it('replays stored conversations through the proposed policy and names what flips, without saving it', async () => {
    const faq = await say('how do I reset my password?');
    expect(faq.action).toBe('answer');
    const keyword = await say('when will my zebra mug parcel arrive?');
    expect(keyword.action).toBe('answer');
    const jordan = await s.login('jordan');
    const preview = async (policy: unknown) => s.app.inject({ method: 'POST', url: '/api/v1/policy/preview', headers: { authorization: `Bearer ${jordan}` }, payload: { policy } });

    const r = await preview({ confidence: { threshold: 0.999 }, keywords: { words: ['refund', 'zebra'] } });
    expect(r.statusCode).toBe(200);
    const body = r.json();
    expect(body.sampled).toBe(2);
    expect(body.proposed.handoffs).toBeGreaterThan(body.current.handoffs);
    const flipped = body.flips.map((f: { id: string }) => f.id);
    expect(flipped).toContain(faq.caseNumber);
    expect(flipped).toContain(keyword.caseNumber);
    expect(body.flips.find((f: { id: string }) => f.id === keyword.caseNumber).reasonsAdded).toContain('keyword');
    // The load is grouped by the demo teams handoffs are routed to, not by routing category.
    expect(Object.keys(body.proposed.byQueue).length).toBeGreaterThan(0);
    for (const q of Object.keys(body.proposed.byQueue)) expect(['Support', 'Billing', 'Technical']).toContain(q);

    // Nothing was saved: the policy in force is still version 0.
    const current = (await s.app.inject({ method: 'GET', url: '/api/v1/policy', headers: { authorization: `Bearer ${jordan}` } })).json();
    expect(current.version).toBe(0);
    // A bad policy is refused with the field at fault.
    const bad = await preview({ confidence: { threshold: 7 } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.field).toBe('confidence.threshold');
    // Agents may not preview.
    const alex = await s.login('alex');
    expect((await s.app.inject({ method: 'POST', url: '/api/v1/policy/preview', headers: { authorization: `Bearer ${alex}` }, payload: { policy: {} } })).statusCode).toBe(403);
  });
});
