import { describe, expect, it } from 'vitest';
import type { Decision, Reason } from '../policy/decision.js';
import type { BriefAttempt, BriefEntity, BriefIntent } from './brief.js';
import type { OrderRecord, VerifiedFact } from './context.js';
import { DAY_MS } from './dates.js';
import type { NextStepContext } from './next-steps.js';
import { MAX_NEXT_STEPS, nextSteps } from './next-steps.js';

const NOW = Date.UTC(2025, 10, 15);
const daysAgo = (n: number) => new Date(NOW - n * DAY_MS).toISOString();

function ctx(codes: Reason['code'][], over: Partial<NextStepContext> = {}): NextStepContext {
  const decision: Decision = {
    action: 'escalate',
    reasons: codes.map((code) => ({ code, detail: code, messageIndex: 0 })),
    priority: 'medium',
    confidence: 0.5,
    sentiment: { label: 'neutral', score: 0 },
    signals: { entities: [], language: 'en', sentimentTrend: [], sentimentDirection: 'steady', topics: [], keywords: [], attempts: [], outOfScope: false },
  };
  const intent: BriefIntent = { topics: [], summary: '', rule: 'fallback' };
  return { decision, intent, entities: [], attempts: [], facts: [], now: NOW, staleScanDays: 7, ...over };
}

const order = (id: string): BriefEntity => ({ kind: 'order_number', value: id, messageIndex: 0, verified: false });
const fact = (o: Partial<OrderRecord>): VerifiedFact => ({ kind: 'order', orderId: '4821', messageIndex: 1, order: { id: '4821', status: 'dispatched', ...o } });
const intent = (rule: string): BriefIntent => ({ topics: [], summary: '', rule });
const failed: BriefAttempt = { kind: 'article', ref: 'track', title: 'Track an order', messageIndex: 1, worked: false };

describe('nextSteps', () => {
  it.each<[string, NextStepContext, string]>([
    ['security', ctx(['security']), "Freeze the card and confirm the customer's identity before discussing account details"],
    ['personal safety comes first', ctx(['security', 'personal_safety']), 'Check the customer is safe now and follow the personal-safety procedure before anything else'],
    ['health and safety', ctx(['health_safety']), 'Follow the health-and-safety procedure: record the product, batch and what happened'],
    ['legal', ctx(['legal']), 'Do not admit liability; pass to legal/compliance before committing to anything'],
    ['stuck order (last scan)', ctx([], { facts: [fact({ lastScanAt: daysAgo(21) })] }), 'Open a carrier trace for order #4821: no tracking update for 21 days'],
    ['stuck order (dispatch only)', ctx([], { facts: [fact({ dispatchedAt: daysAgo(10) })] }), 'Open a carrier trace for order #4821: no tracking update for 10 days'],
    ['where is order, not looked up', ctx([], { intent: intent('where_is_order'), entities: [order('555')] }), 'Look up order #555 and check its latest tracking scan'],
    ['where is order, no number', ctx([], { intent: intent('where_is_order') }), "Find the late order in the customer's orders and check its latest tracking scan"],
    ['high value', ctx(['high_value'], { entities: [{ kind: 'amount', value: '300.00', amount: 300, currency: 'USD', messageIndex: 0, verified: false }, { kind: 'amount', value: '20.00', amount: 20, messageIndex: 0, verified: false }] }), 'Check refund eligibility; $300.00 is over the auto-approve limit'],
    ['high value, amount unknown', ctx(['high_value']), 'Check refund eligibility; the amount is over the auto-approve limit'],
    ['billing', ctx(['billing']), 'Check the payment records for a duplicate or incorrect charge before replying'],
    ['refund', ctx(['keyword'], { intent: intent('refund'), entities: [order('8821')] }), 'Check refund eligibility for order #8821'],
    ['account closure', ctx(['account_closure']), 'Confirm identity, then settle any balance or subscription before closing the account'],
    ['accessibility', ctx(['accessibility']), "Offer the customer's preferred channel or format, and note it on the account"],
    ['error code', ctx([], { entities: [{ kind: 'error_code', value: 'E1234', messageIndex: 0, verified: false }, { kind: 'device', value: 'iPhone 14', messageIndex: 0, verified: false }] }), 'Check known issues for error E1234 on iPhone 14'],
    ['sales', ctx(['high_intent']), 'Qualify the opportunity and offer a demo or a quote'],
    ['failed article', ctx(['repeated_question'], { attempts: [failed, failed] }), 'Don\'t resend "Track an order": it did not help'],
    ['frustration', ctx(['negative_sentiment']), 'Acknowledge the frustration first, and do not ask for anything already in this brief'],
    ['vip', ctx(['vip']), 'Reply personally and keep the account manager informed'],
    ['low confidence', ctx(['low_confidence']), 'Answer the question, then flag the gap in the knowledge base'],
    ['nothing specific', ctx(['customer_request']), "Reply to the customer's last message; the transcript below has the whole story"],
  ])('%s', (_name, c, first) => {
    expect(nextSteps(c)[0]).toBe(first);
  });

  it.each([
    ['a recent scan', fact({ lastScanAt: daysAgo(2), dispatchedAt: daysAgo(20) })],
    ['a delivered order', fact({ status: 'Delivered', lastScanAt: daysAgo(30) })],
    ['no dates at all', fact({})],
  ])('opens no trace for %s', (_name, f) => {
    expect(nextSteps(ctx([], { facts: [f] })).join('\n')).not.toContain('carrier trace');
  });

  it(`keeps at most ${MAX_NEXT_STEPS} steps, most urgent first`, () => {
    const steps = nextSteps(ctx(['security', 'legal', 'billing', 'high_value', 'negative_sentiment', 'vip']));
    expect(steps).toHaveLength(MAX_NEXT_STEPS);
    expect(steps[0]).toContain('Freeze the card');
  });
});
