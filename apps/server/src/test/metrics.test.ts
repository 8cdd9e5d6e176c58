import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getConversation } from '../adapters/db/repositories/conversations.repository.js';
import { listTeams } from '../adapters/db/repositories/teams.repository.js';
import { repeatEscalationFor } from '../app/metrics/repeat-escalation-for.js';
import { api } from './api.js';
import { TEST_DATABASES } from './databases.js';
import { seeder } from './metrics-seed.js';
import type { TestServer } from './test-server.js';
import { startTestServer, TEST_METRICS_TOKEN } from './test-server.js';

/**
 * DESIGN §8 metrics on hand-computed data. The period is 2026-03-02 to 2026-03-05 (UTC, three
 * days: daily buckets). The rows, with the facts each metric reads:
 *
 * | conv | channel | customer            | created      | handoff | requested    | accept | 1st reply | brief opened | estimate | end                          | csat |
 * | c1   | web     | cus-m1 / a@x        | 03-02 09:00  | h1      | 03-02 09:02  | +180 s | +240 s    | before reply | 4 min    | solved, orders, needed       | 5    |
 * | c2   | email   | (none) / A@X        | 03-02 20:00  | h2      | 03-02 20:02  | +600 s | +1080 s   | after reply  | 10 min   | not_solved, billing, unnec.  | 2    |
 * | c3   | web     | cus-m2              | 03-03 10:00  | h3      | 03-03 10:01  | +120 s | +180 s    | before reply | 5 min    | (assigned)                   |      |
 * | c4   | web     | cus-m4              | 03-03 12:00  |         |              |        |           |              |          | AI only                      | 4    |
 * | c5   | email   | (none) / d@x        | 03-04 08:00  |         |              |        |           |              |          | agents only, no AI           | 3    |
 * | c6   | web     | cus-m2              | 03-04 09:00  | h6      | 03-04 11:00  |        |           |              | 6 min    | abandoned                    |      |
 * | c7   | web     | cus-m3              | 03-01 22:00  | h7      | 03-01 22:00  | (before the period)                                                                |
 * | c8   | web     | cus-m3              | 03-02 06:00  | h8      | 03-02 06:00  |        |           |              |          | (waiting)                    |      |
 * | c9   | web     | -                   | 03-02 07:00  | (no messages: not a conversation for the metrics)                                    |
 *
 * c2 is customer A again, on email, without a customer id: matched by email (case-insensitive),
 * 11 hours after h1: a repeat escalation across conversations and channels. h8 repeats h7 (8 h
 * before, outside the period, still in the 24 h look-back). h6 comes 24 h 59 min after h3: not a
 * repeat. h2 has a redundant-ask flag and a customer-repeat flag.
 */
describe.each(TEST_DATABASES)('handoff metrics on %s', (kind) => {
  let s: TestServer;
  let http: ReturnType<typeof api>;
  let jordan: string;
  let support: string;
  let billing: string;
  const cases: Record<string, string> = {};
  const P = 'from=2026-03-02T00:00:00Z&to=2026-03-05T00:00:00Z';

  beforeAll(async () => {
    // The server's clock (and so every row it writes, the demo's included) stands after the period.
    s = await startTestServer(kind, { workers: false, clock: () => new Date('2026-03-20T12:00:00Z') });
    http = api(s);
    jordan = await s.login('jordan');
    const teams = await listTeams(s.ctx.db);
    support = teams.find((t) => t.name === 'Support')!.id;
    billing = teams.find((t) => t.name === 'Billing')!.id;
    const d = seeder(s.ctx.db);
    await d.customer('cus-m1', 'a@x.example');
    await d.customer('cus-m2', 'b@x.example');
    await d.customer('cus-m3', 'c@x.example');
    await d.customer('cus-m4', 'e@x.example');

    cases.c1 = await d.conversation('c1', { at: '2026-03-02T09:00:00Z', customerId: 'cus-m1', email: 'a@x.example', teamId: support, status: 'resolved' });
    await d.message('c1', 1, 'customer', 'where is my order 4821', '2026-03-02T09:00:00Z');
    await d.message('c1', 2, 'ai', 'Passing you to our team', '2026-03-02T09:01:00Z');
    await d.handoff('h1', {
      conversationId: 'c1', at: '2026-03-02T09:02:00Z', reasons: ['human_requested'], teamId: support, status: 'resolved', completeness: 0.8, waitEstimate: 4,
      acceptedAt: '2026-03-02T09:05:00Z', briefOpenedAt: '2026-03-02T09:04:00Z', firstReplyAt: '2026-03-02T09:06:00Z', resolvedAt: '2026-03-02T09:30:00Z',
      resolution: { category: 'orders', outcome: 'solved', verdict: 'needed' },
      brief: { entities: [{ kind: 'order_number', value: '4821', messageIndex: 0, verified: true }], intent: { summary: 'Wants to know where order #4821 is', topics: [] } },
    });
    await d.message('c1', 3, 'agent', 'Hi, I can see order #4821 was dispatched on the 18th.', '2026-03-02T09:06:00Z');
    await d.csat('c1', 'h1', 5, '2026-03-02T09:31:00Z');

    cases.c2 = await d.conversation('c2', { at: '2026-03-02T20:00:00Z', channel: 'email', email: 'A@X.example', teamId: billing, status: 'resolved' });
    await d.message('c2', 1, 'customer', 'I was charged twice for order 4821', '2026-03-02T20:00:00Z');
    await d.message('c2', 2, 'ai', 'Passing you to billing', '2026-03-02T20:00:30Z');
    await d.handoff('h2', {
      conversationId: 'c2', at: '2026-03-02T20:02:00Z', reasons: ['negative_sentiment', 'human_requested'], priority: 'high', teamId: billing, status: 'resolved', completeness: 0.4, waitEstimate: 10,
      acceptedAt: '2026-03-02T20:12:00Z', firstReplyAt: '2026-03-02T20:20:00Z', briefOpenedAt: '2026-03-02T20:25:00Z', resolvedAt: '2026-03-02T21:00:00Z',
      resolution: { category: 'billing', outcome: 'not_solved', verdict: 'unnecessary' },
      brief: { entities: [{ kind: 'order_number', value: '4821', messageIndex: 0, verified: false }], intent: { summary: 'Wants a refund for a duplicate charge on order #4821', topics: [] } },
    });
    const ask = await d.message('c2', 3, 'agent', 'What is your order number?', '2026-03-02T20:20:00Z');
    const again = await d.message('c2', 4, 'customer', 'I told you, order 4821 was charged twice', '2026-03-02T20:21:00Z');
    await d.flag('redundant_ask', 'h2', 'c2', ask, '2026-03-02T20:20:00Z');
    await d.flag('customer_repeat', 'h2', 'c2', again, '2026-03-02T20:21:00Z');
    await d.csat('c2', 'h2', 2, '2026-03-02T21:01:00Z');

    cases.c3 = await d.conversation('c3', { at: '2026-03-03T10:00:00Z', customerId: 'cus-m2', teamId: support, status: 'assigned' });
    await d.message('c3', 1, 'customer', 'I want a refund for a duplicate charge', '2026-03-03T10:00:00Z');
    await d.message('c3', 2, 'ai', 'Passing you over', '2026-03-03T10:00:30Z');
    await d.handoff('h3', {
      conversationId: 'c3', at: '2026-03-03T10:01:00Z', reasons: ['negative_sentiment'], priority: 'high', teamId: support, status: 'assigned', completeness: 0.6, waitEstimate: 5,
      acceptedAt: '2026-03-03T10:03:00Z', briefOpenedAt: '2026-03-03T10:02:00Z', firstReplyAt: '2026-03-03T10:04:00Z',
      brief: { intent: { summary: 'Wants a refund for a duplicate charge', topics: [] } },
    });
    await d.message('c3', 3, 'agent', 'Hi, I am Alex.', '2026-03-03T10:04:00Z');

    await d.conversation('c4', { at: '2026-03-03T12:00:00Z', customerId: 'cus-m4', status: 'resolved' });
    await d.message('c4', 1, 'customer', 'how do I reset my password', '2026-03-03T12:00:00Z');
    await d.message('c4', 2, 'ai', 'Here is how to reset it', '2026-03-03T12:00:10Z');
    await d.csat('c4', null, 4, '2026-03-03T12:05:00Z');

    await d.conversation('c5', { at: '2026-03-04T08:00:00Z', channel: 'email', email: 'd@x.example', status: 'resolved' });
    await d.message('c5', 1, 'customer', 'please update my invoice address', '2026-03-04T08:00:00Z');
    await d.message('c5', 2, 'agent', 'Done, your invoice address is updated.', '2026-03-04T08:30:00Z');
    await d.csat('c5', null, 3, '2026-03-04T09:00:00Z');

    cases.c6 = await d.conversation('c6', { at: '2026-03-04T09:00:00Z', customerId: 'cus-m2', teamId: support, status: 'waiting' });
    await d.message('c6', 1, 'customer', 'still waiting for my refund', '2026-03-04T09:00:00Z');
    await d.handoff('h6', { conversationId: 'c6', at: '2026-03-04T11:00:00Z', reasons: ['human_requested'], priority: 'low', teamId: support, status: 'abandoned', completeness: 0.5, waitEstimate: 6 });

    cases.c7 = await d.conversation('c7', { at: '2026-03-01T22:00:00Z', customerId: 'cus-m3', teamId: billing, status: 'resolved' });
    await d.message('c7', 1, 'customer', 'I will take you to court', '2026-03-01T22:00:00Z');
    await d.handoff('h7', { conversationId: 'c7', at: '2026-03-01T22:00:00Z', reasons: ['sensitive_topic'], priority: 'critical', teamId: billing, status: 'resolved', completeness: 0.9 });

    cases.c8 = await d.conversation('c8', { at: '2026-03-02T06:00:00Z', customerId: 'cus-m3', teamId: billing, status: 'waiting' });
    await d.message('c8', 1, 'customer', 'my lawyer will call you', '2026-03-02T06:00:00Z');
    await d.handoff('h8', { conversationId: 'c8', at: '2026-03-02T06:00:00Z', reasons: ['sensitive_topic'], priority: 'critical', teamId: billing, completeness: 1 });

    await d.conversation('c9', { at: '2026-03-02T07:00:00Z' });
  });

  afterAll(async () => {
    await s?.close();
  });

  it('computes every DESIGN §8 metric over the period', async () => {
    const r = await http.get(`/api/v1/metrics/handoffs?${P}`, jordan);
    expect(r.status).toBe(200);
    const m = r.body;
    // c1 c2 c3 c4 c5 c6 c8 have a customer message (c7 is before the period, c9 has none): 7.
    expect(m.conversations).toBe(7);
    // c1 c2 c3 c6 c8 escalated: 5 / 7 = 0.714.
    expect(m.escalatedConversations).toBe(5);
    expect(m.handoffRate).toBe(0.714);
    // h1 h2 h3 h6 h8 (h7 is before the period).
    expect(m.handoffs).toBe(5);
    // First reply after request: h1 240, h2 1080, h3 180 → sorted 180, 240, 1080.
    // p50 = 240; p90 = 240 + 0.8 × (1080 − 240) = 912 (percentile_cont, position 0.9 × 2 = 1.8).
    expect(m.timeToHumanSeconds).toEqual({ p50: 240, p90: 912, n: 3 });
    // Acceptance: h1 180, h2 600, h3 120 → 120, 180, 600: p50 180; p90 = 180 + 0.8 × 420 = 516.
    expect(m.acceptanceSeconds).toEqual({ p50: 180, p90: 516, n: 3 });
    // h6 abandoned, never accepted: 1 / 5.
    expect(m.abandonmentRate).toBe(0.2);
    // Resolved h1 (solved) and h2 (not_solved): 1 / 2.
    expect([m.resolutionRate, m.resolved, m.solved]).toEqual([0.5, 2, 1]);
    // (0.8 + 0.4 + 0.6 + 0.5 + 1.0) / 5 = 0.66.
    expect(m.contextCompleteness).toBe(0.66);
    // Replied: h1 h2 h3; brief opened before the reply: h1 (09:04 ≤ 09:06), h3 (10:02 ≤ 10:04); h2 opened after: 2 / 3.
    expect(m.contextUtilisation).toBe(0.667);
    // A redundant ask in h2, of the 3 handoffs with a human reply: 1 / 3.
    expect(m.redundancyRate).toBe(0.333);
    // The customer restated in h2, of 5 handoffs: 1 / 5.
    expect(m.customerRepeatRate).toBe(0.2);
    // First replies: h1 names order 4821 (addresses); h2 asks for the order number the brief held
    // (redundant, does not); h3 "Hi, I am Alex." shares nothing with the refund intent: 1 / 3.
    expect(m.firstResponseQuality).toEqual({ rate: 0.333, n: 3 });
    // h2 (customer A by email, 11 h after h1, web → email) and h8 (8 h after h7): 2 / 5, two customers.
    // h6 is 24 h 59 min after h3: not a repeat.
    expect(m.repeatEscalation).toEqual({ rate: 0.4, n: 2, customers: 2, windowHours: 24 });
    // Estimate vs minutes to accept: h1 4 vs 3 (err 1, within ±2), h2 10 vs 10 (err 0, within ±5),
    // h3 5 vs 2 (err 3, outside ±2.5); h6 never accepted. MAE (1 + 0 + 3) / 3 = 1.333; within 2 / 3.
    expect(m.waitEstimate).toEqual({ n: 3, meanAbsoluteErrorMinutes: 1.333, withinHalfRate: 0.667 });
    // After a handoff: c1 5, c2 2 → 3.5; AI only: c4 4; human only (no AI message): c5 3.
    expect(m.csat).toEqual({ afterHandoff: { average: 3.5, n: 2 }, aiOnly: { average: 4, n: 1 }, humanOnly: { average: 3, n: 1 } });
    // human_requested: h1 h2 h6; negative_sentiment: h2 h3; sensitive_topic: h8.
    expect(m.byReason).toEqual({ human_requested: 3, negative_sentiment: 2, sensitive_topic: 1 });
    expect(m.byPriority).toEqual({ high: 2, critical: 1, low: 1, medium: 1 });
    expect(m.verdicts).toEqual({ needed: 1, unnecessary: 1 });
    expect(m.categories).toEqual({ billing: 1, orders: 1 });
  });

  it('breaks the handoffs down by team, channel and reason', async () => {
    const { breakdowns: b } = (await http.get(`/api/v1/metrics/handoffs?${P}`, jordan)).body;
    // Support: h1 h3 h6; replies 240 and 180 → median 210; h6 abandoned 1/3; h1 solved of 1 resolved.
    // Billing: h2 h8; reply 1080; nothing abandoned; h2 not solved: 0/1.
    expect(b.team).toEqual([
      { key: 'Support', handoffs: 3, timeToHumanP50: 210, abandonmentRate: 0.333, resolutionRate: 1 },
      { key: 'Billing', handoffs: 2, timeToHumanP50: 1080, abandonmentRate: 0, resolutionRate: 0 },
    ]);
    // web: h1 h3 h6 h8 (replies 240, 180 → 210); email: h2.
    expect(b.channel).toEqual([
      { key: 'web', handoffs: 4, timeToHumanP50: 210, abandonmentRate: 0.25, resolutionRate: 1 },
      { key: 'email', handoffs: 1, timeToHumanP50: 1080, abandonmentRate: 0, resolutionRate: 0 },
    ]);
    // human_requested: h1 h2 h6 (replies 240, 1080 → 660); negative_sentiment: h2 h3 (1080, 180 → 630).
    expect(b.reason[0]).toEqual({ key: 'human_requested', handoffs: 3, timeToHumanP50: 660, abandonmentRate: 0.333, resolutionRate: 0.5 });
    expect(b.reason[1]).toEqual({ key: 'negative_sentiment', handoffs: 2, timeToHumanP50: 630, abandonmentRate: 0, resolutionRate: 0 });
  });

  it('gives a daily series over three days', async () => {
    const { bucket, series } = (await http.get(`/api/v1/metrics/handoffs?${P}`, jordan)).body;
    expect(bucket).toBe('day');
    expect(series).toEqual([
      // c1 c2 c8 started, all escalated; h1 h2 h8 requested, replies 240 and 1080 → 660; CSAT 5 and 2.
      { t: '2026-03-02T00:00:00Z', conversations: 3, handoffs: 3, handoffRate: 1, timeToHumanP50: 660, csatAfterHandoff: 3.5 },
      // c3 c4, c3 escalated; h3 replied in 180 s; c4's rating is AI only.
      { t: '2026-03-03T00:00:00Z', conversations: 2, handoffs: 1, handoffRate: 0.5, timeToHumanP50: 180, csatAfterHandoff: null },
      // c5 c6, c6 escalated; h6 never replied.
      { t: '2026-03-04T00:00:00Z', conversations: 2, handoffs: 1, handoffRate: 0.5, timeToHumanP50: null, csatAfterHandoff: null },
    ]);
  });

  it('uses hourly buckets for a range under three days', async () => {
    const { bucket, series } = (await http.get('/api/v1/metrics/handoffs?from=2026-03-02T00:00:00Z&to=2026-03-03T00:00:00Z', jordan)).body;
    expect(bucket).toBe('hour');
    expect(series).toHaveLength(24);
    const busy = series.filter((p: { handoffs: number }) => p.handoffs > 0).map((p: { t: string; handoffs: number }) => [p.t, p.handoffs]);
    // h8 at 06:00, h1 at 09:02, h2 at 20:02.
    expect(busy).toEqual([
      ['2026-03-02T06:00:00Z', 1],
      ['2026-03-02T09:00:00Z', 1],
      ['2026-03-02T20:00:00Z', 1],
    ]);
  });

  it('filters by team and by channel', async () => {
    const team = (await http.get(`/api/v1/metrics/handoffs?${P}&team=Support`, jordan)).body;
    // Support conversations c1 c3 c6, all escalated; handoffs h1 h3 h6.
    expect([team.conversations, team.handoffs, team.handoffRate]).toEqual([3, 3, 1]);
    expect(team.timeToHumanSeconds.p50).toBe(210);
    const email = (await http.get(`/api/v1/metrics/handoffs?${P}&channel=email`, jordan)).body;
    // Email: c2 (escalated) and c5 (agents only): 1 / 2; h2 is a repeat of h1 on the web (look-back ignores the filter).
    expect([email.conversations, email.handoffs, email.handoffRate]).toEqual([2, 1, 0.5]);
    expect(email.repeatEscalation).toMatchObject({ n: 1, rate: 1 });
    expect(email.csat).toEqual({ afterHandoff: { average: 2, n: 1 }, aiOnly: { average: null, n: 0 }, humanOnly: { average: 3, n: 1 } });
  });

  it('an empty period gives nulls, not zeros', async () => {
    const m = (await http.get('/api/v1/metrics/handoffs?from=2025-01-01T00:00:00Z&to=2025-01-02T00:00:00Z', jordan)).body;
    expect([m.handoffs, m.handoffRate, m.timeToHumanSeconds.p50, m.redundancyRate, m.waitEstimate.meanAbsoluteErrorMinutes]).toEqual([0, null, null, null, null]);
  });

  it('repeatEscalationFor finds the same customer by email across channels, within 24 h only', async () => {
    const c2 = (await getConversation(s.ctx.db, 'c2'))!;
    expect(await repeatEscalationFor(s.ctx.db, c2, new Date('2026-03-02T20:02:00Z'), { excludeHandoffId: 'h2' })).toEqual({ previousCaseNumber: cases.c1, previousHandoffId: 'h1', hoursAgo: 11, channel: 'web' });
    const c6 = (await getConversation(s.ctx.db, 'c6'))!;
    expect(await repeatEscalationFor(s.ctx.db, c6, new Date('2026-03-04T11:00:00Z'), { excludeHandoffId: 'h6' })).toBeNull();
    // An hour earlier, h3 (03-03 10:01) is 23 h 59 min before: a repeat.
    expect(await repeatEscalationFor(s.ctx.db, c6, new Date('2026-03-04T10:00:00Z'))).toMatchObject({ previousCaseNumber: cases.c3, hoursAgo: 24 });
  });

  it('Prometheus serves handoffs by reason, quality flags and the time-to-human histogram', async () => {
    const r = await http.get('/metrics', TEST_METRICS_TOKEN);
    expect(r.status).toBe(200);
    // All time: h7 and h8 are sensitive_topic.
    expect(r.text).toMatch(/^baton_handoffs_total\{reason="sensitive_topic"\} 2$/m);
    expect(r.text).toMatch(/^baton_handoffs_total\{reason="human_requested"\} 3$/m);
    expect(r.text).toMatch(/^baton_quality_flags_total\{kind="redundant_ask"\} 1$/m);
    expect(r.text).toContain('# TYPE baton_time_to_human_seconds histogram');
    // high: h2 1080 s and h3 180 s → 180 within le=300, both within le=1800.
    expect(r.text).toMatch(/^baton_time_to_human_seconds_bucket\{priority="high",le="300"\} 1$/m);
    expect(r.text).toMatch(/^baton_time_to_human_seconds_bucket\{priority="high",le="1800"\} 2$/m);
    expect(r.text).toMatch(/^baton_time_to_human_seconds_sum\{priority="high"\} 1260$/m);
    expect(r.text).toMatch(/^baton_handoffs_waiting_oldest_seconds\{priority="critical"\} \d+/m);
  });
});
