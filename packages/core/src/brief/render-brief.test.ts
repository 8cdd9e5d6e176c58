import { describe, expect, it } from 'vitest';
import type { Brief } from './brief.js';
import { renderBriefText } from './render-brief.js';

function brief(over: Partial<Brief> = {}): Brief {
  return {
    version: 1,
    caseNumber: 'C-7',
    createdAt: '2025-11-15T12:00:00.000Z',
    priority: 'high',
    headline: { issue: 'Wants a refund', text: 'Ann (vip) → Billing: Wants a refund' },
    reasons: [{ code: 'billing', label: 'A billing or payment dispute', detail: 'billing dispute: "charged twice"', messageIndex: 0 }],
    sentiment: { label: 'frustrated', score: -0.4, direction: 'worsening', trend: [], summary: 'frustrated, worsening (neutral → frustrated)' },
    intent: { topics: [], summary: 'Wants a refund', rule: 'refund' },
    entities: [
      { kind: 'order_number', value: '8821', messageIndex: 0, verified: true, status: 'delivered' },
      { kind: 'amount', value: '49.99', amount: 49.99, currency: 'USD', messageIndex: 0, verified: false },
      { kind: 'email', value: 'ann@example.com', messageIndex: 0, verified: false },
      { kind: 'error_code', value: 'E42', messageIndex: 0, verified: false },
    ],
    attempts: [
      { kind: 'article', ref: 'a', title: 'Refund policy', messageIndex: 1, worked: false },
      { kind: 'article', ref: 'b', title: 'Billing FAQ', messageIndex: 3, worked: null },
      { kind: 'tool', ref: 'order_lookup', title: 'Order lookup #8821 (delivered)', messageIndex: 4, worked: true },
    ],
    account: {
      customerId: 'c', tier: 'vip', status: 'active', since: '2023-02-11', tenureMonths: 33,
      orders: [{ id: '8821', status: 'delivered' }], orderCount: 3, subscriptions: [{ plan: 'Pro', status: 'active' }],
      recentTickets: [{ caseNumber: 'C-1', createdAt: '2025-11-01T00:00:00Z', category: 'billing', outcome: 'refunded' }], ticketWindowDays: 90,
    },
    technical: { errorCodes: ['E42'], versions: ['3.4.1'], browsers: [], devices: ['iPhone 14'] },
    nextSteps: ['Check the payment records', 'Acknowledge the frustration'],
    suggestedReply: 'Hi Ann, I understand you would like a refund.',
    transcript: [
      { index: 0, role: 'Customer', name: 'Ann', text: 'line one\nline two', at: '2025-11-15T11:58:00.000Z' },
      { index: 1, role: 'AI', text: 'evil \u001b[2J\u202Etext' },
    ],
    language: 'en',
    contextCompleteness: 1,
    missingContext: [],
    ...over,
  };
}

describe('renderBriefText', () => {
  const text = renderBriefText(brief());
  const lines = text.split('\n');

  it.each([
    [0, 'HIGH priority · Case C-7'],
    [1, 'Ann (vip) → Billing: Wants a refund'],
    [3, '- A billing or payment dispute: billing dispute: "charged twice" (message 1)'],
    [4, 'Sentiment: frustrated, worsening (neutral → frustrated)'],
    [5, 'Entities: order #8821 ✓ verified, delivered · $49.99 · email ann@example.com'],
    [6, 'AI tried: ✗ Refund policy · ? Billing FAQ · ✓ Order lookup #8821 (delivered)'],
    [7, 'Account: vip · active · since 2023-02-11 (2 yr 9 mo) · orders: #8821 delivered, +2 more · subscriptions: Pro (active) · tickets in last 90 days: C-1 2025-11-01 billing → refunded'],
    [8, 'Technical: error E42 · 3.4.1 · iPhone 14'],
    [10, '1. Check the payment records'],
    [13, 'Hi Ann, I understand you would like a refund.'],
    [16, '[2025-11-15 11:58Z] Customer (Ann): line one'],
    [17, '  line two'],
    [18, 'AI: evil [2Jtext'],
  ])('line %i reads %s', (i, line) => {
    expect(lines[i]).toBe(line);
  });

  it('leaves out empty sections and, on request, the transcript', () => {
    const bare = renderBriefText(brief({ reasons: [], entities: [], attempts: [], account: null, technical: { errorCodes: [], versions: [], browsers: [], devices: [] } }), { transcript: false });
    expect(bare).not.toMatch(/Why:|Entities:|AI tried:|Account:|Technical:|Transcript:/);
    expect(bare).toContain('Next steps:');
  });

  it.each([
    [0, '0 mo'],
    [5, '5 mo'],
    [12, '1 yr'],
    [14, '1 yr 2 mo'],
  ])('tenure of %i months reads "%s"', (months, out) => {
    const account = { ...brief().account!, tenureMonths: months, recentTickets: [] };
    expect(renderBriefText(brief({ account }))).toContain(`since 2023-02-11 (${out}) · orders`);
  });
});
