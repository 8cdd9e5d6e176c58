import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api } from './api.js';
import { TEST_DATABASES } from './databases.js';
import { seeder } from './metrics-seed.js';
import type { TestServer } from './test-server.js';
import { startTestServer } from './test-server.js';

/**
 * The learning-loop reports on seeded rows. The period is 2026-03-08 to 2026-03-15, so the
 * previous period is 2026-03-01 to 2026-03-08.
 */
describe.each(TEST_DATABASES)('learning-loop reports on %s', (kind) => {
  let s: TestServer;
  let http: ReturnType<typeof api>;
  let jordan: string;
  let alex: string;
  const cases: Record<string, string> = {};
  const P = 'from=2026-03-08T00:00:00Z&to=2026-03-15T00:00:00Z';

  beforeAll(async () => {
    // The server's clock (and so every row it writes, the demo's included) stands after the period.
    s = await startTestServer(kind, { workers: false, clock: () => new Date('2026-03-20T12:00:00Z') });
    http = api(s);
    jordan = await s.login('jordan');
    alex = await s.login('alex');
    const d = seeder(s.ctx.db);

    // KB gaps: six questions the AI could not answer, on two subjects, and four that do not count.
    await d.conversation('g', { at: '2026-03-09T10:00:00Z' });
    const gap = async (seq: number, text: string, decision: Record<string, unknown>, at = `2026-03-09T10:${String(seq).padStart(2, '0')}:00Z`) => {
      const id = await d.message('g', seq, 'customer', text, at);
      await d.decision(id, 'g', decision, at);
    };
    await gap(1, 'do you ship to Norway?', { action: 'clarify', confidence: 0.1 });
    await gap(2, 'can you deliver to Norway', { action: 'clarify', confidence: 0.2 });
    await gap(3, 'how much is shipping to Norway', { action: 'answer', confidence: 0.3 });
    await gap(4, 'do you sell gift cards?', { action: 'decline', confidence: 0.6 });
    await gap(5, 'can I buy a gift card for a friend', { action: 'clarify', confidence: 0.2 });
    await gap(6, 'gift card for my sister, card 4111 1111 1111 1111 phone +44 20 7946 0958', { action: 'clarify', confidence: 0.1 });
    await gap(7, 'where is my order', { action: 'answer', confidence: 0.9 }); // answered with confidence
    await gap(8, 'hello', { action: 'clarify', confidence: 0, intent: 'greeting' }); // a greeting
    await gap(9, 'let me talk to a person', { action: 'escalate', confidence: 0.1, intent: 'human' }); // asks for a person
    await gap(10, 'do you ship to Norway?', { action: 'clarify', confidence: 0.1 }, '2026-03-01T10:00:00Z'); // before the period

    // Escalations: negative_sentiment on refunds 3 times this period, once before; human_requested
    // on orders once this period, twice before.
    let i = 0;
    const escalation = async (at: string, reason: string, topic: string, resolution?: { category: string; outcome: string; verdict: string }) => {
      i += 1;
      const c = `e${i}`;
      cases[c] = await d.conversation(c, { at });
      await d.handoff(`he${i}`, {
        conversationId: c, at, reasons: [reason], status: resolution ? 'resolved' : 'waiting', resolvedAt: resolution ? at : null, resolution: resolution ?? null,
        brief: { intent: { id: topic, summary: `About ${topic}`, topics: [] } },
      });
    };
    await escalation('2026-03-09T09:00:00Z', 'negative_sentiment', 'refund', { category: 'billing', outcome: 'solved', verdict: 'needed' });
    await escalation('2026-03-10T09:00:00Z', 'negative_sentiment', 'refund', { category: 'billing', outcome: 'solved', verdict: 'unnecessary' });
    await escalation('2026-03-11T09:00:00Z', 'negative_sentiment', 'refund');
    await escalation('2026-03-12T09:00:00Z', 'human_requested', 'where-is-my-order', { category: 'orders', outcome: 'not_solved', verdict: 'too_late' });
    await escalation('2026-03-03T09:00:00Z', 'negative_sentiment', 'refund');
    await escalation('2026-03-04T09:00:00Z', 'human_requested', 'where-is-my-order');
    await escalation('2026-03-05T09:00:00Z', 'human_requested', 'where-is-my-order');
  });

  afterAll(async () => {
    await s?.close();
  });

  it('the reports are for supervisors', async () => {
    for (const path of ['kb-gaps', 'kb-gaps.md', 'recurring-escalations', 'learning']) {
      const r = await http.get(`/api/v1/reports/${path}?${P}`, alex);
      expect(r.status, path).toBe(403);
      expect(r.body.error.code).toBe('AUTH_ERR_FORBIDDEN');
    }
    expect((await http.get(`/api/v1/reports/learning?from=yesterday`, jordan)).status).toBe(400);
  });

  it('KB gaps: the unanswered questions of the period, clustered with counts and examples', async () => {
    const r = await http.get(`/api/v1/reports/kb-gaps?${P}`, jordan);
    expect(r.status).toBe(200);
    // Messages 1-6: clarify, decline, or confidence under 0.5 (3: answered at 0.3). Not 7 (0.9),
    // 8 (greeting), 9 (asks for a person), 10 (before the period).
    expect(r.body.questions).toBe(6);
    expect(r.body.threshold).toBe(0.5);
    const clusters = r.body.clusters as { title: string; count: number; examples: string[]; suggestedQuestions: string[] }[];
    const norway = clusters.find((c) => c.examples.some((e) => e.includes('Norway')));
    const gift = clusters.find((c) => c.examples.some((e) => e.includes('gift')));
    expect(norway?.count).toBe(3);
    expect(gift?.count).toBe(3);
    expect(norway).not.toBe(gift);
    expect(norway!.title.length).toBeGreaterThan(0);
    // Reports leave as files: personal data in the examples is masked (BATON_PII_MASK_EXPORT).
    expect(gift!.examples.join(' ')).toContain('•••• 0958');
    expect(r.text).not.toMatch(/4111 1111|7946 0958/);
  });

  it('KB gaps as a Markdown bundle of draft articles', async () => {
    const r = await http.get(`/api/v1/reports/kb-gaps.md?${P}`, jordan);
    expect(r.status).toBe(200);
    expect(String(r.headers['content-type'])).toMatch(/^text\/markdown/);
    const files = r.text.split('\n<!-- baton:file ').slice(1);
    expect(files).toHaveLength(2);
    for (const f of files) expect(f).toMatch(/^[\w-]+\.md -->\n---\nid: "[\w-]+"\ntitle: /);
    expect(r.text).toContain('Norway');
    expect(r.text).not.toMatch(/4111 1111|7946 0958/);
  });

  it('recurring escalations: by reason and topic, with the trend against the previous period', async () => {
    const r = await http.get(`/api/v1/reports/recurring-escalations?${P}`, jordan);
    expect(r.status).toBe(200);
    expect(r.body.previousPeriod).toEqual({ from: '2026-03-01T00:00:00.000Z', to: '2026-03-08T00:00:00.000Z' });
    // negative_sentiment: e1 e2 e3 now, e5 before (3 vs 1: up 2). human_requested has 1 now: under minCount 2.
    expect(r.body.byReason).toEqual([{ reason: 'negative_sentiment', count: 3, previous: 1, change: 2, trend: 'up', examples: [cases.e3, cases.e2, cases.e1], example: 'About refund' }]);
    expect(r.body.byTopic).toEqual([{ topic: 'refund', count: 3, previous: 1, change: 2, trend: 'up', examples: [cases.e3, cases.e2, cases.e1], example: 'About refund' }]);
    expect(r.body.byReasonAndTopic).toHaveLength(1);
    const all = await http.get(`/api/v1/reports/recurring-escalations?${P}&minCount=1`, jordan);
    // human_requested on orders: e4 now, e6 e7 before: 1 vs 2, down 1.
    expect(all.body.byReason[1]).toEqual({ reason: 'human_requested', count: 1, previous: 2, change: -1, trend: 'down', examples: [cases.e4], example: 'About where-is-my-order' });
  });

  it('learning tallies: reason codes, resolution categories, outcomes and verdicts', async () => {
    const r = await http.get(`/api/v1/reports/learning?${P}`, jordan);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({
      handoffs: 4,
      reasonCodes: { negative_sentiment: 3, human_requested: 1 },
      resolutionCategories: { billing: 2, orders: 1 },
      outcomes: { solved: 2, not_solved: 1 },
      verdicts: { needed: 1, unnecessary: 1, too_late: 1 },
      verdictsByReason: { negative_sentiment: { needed: 1, unnecessary: 1 }, human_requested: { too_late: 1 } },
      qualityFlags: {},
    });
  });
});
