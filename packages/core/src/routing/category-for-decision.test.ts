import { describe, expect, it } from 'vitest';
import type { KbArticle } from '../answerer/kb.js';
import type { Decision, DecisionSignals, Reason } from '../policy/decision.js';
import { createEngine } from '../policy/engine.js';
import { resolvePolicy } from '../policy/policy.js';
import type { ReasonCode } from '../policy/reasons.js';
import { categoryForDecision } from './category-for-decision.js';

const reason = (code: ReasonCode): Reason => ({ code, detail: code, messageIndex: 0 });
const decision = (codes: ReasonCode[], signals: Partial<DecisionSignals> = {}, extra: Partial<Decision> = {}): Decision => ({
  action: 'escalate',
  reasons: codes.map(reason),
  priority: 'medium',
  confidence: 0.5,
  sentiment: { label: 'neutral', score: 0 },
  signals: { entities: [], language: 'en', sentimentTrend: [], sentimentDirection: 'steady', topics: [], keywords: [], attempts: [], outOfScope: false, ...signals },
  ...extra,
});

describe('categoryForDecision', () => {
  it.each<[string, Decision, string]>([
    ['safety beats everything', decision(['billing', 'security', 'personal_safety']), 'safety'],
    ['health and safety', decision(['health_safety']), 'safety'],
    ['security beats billing', decision(['billing', 'security']), 'security'],
    ['legal beats billing', decision(['high_value', 'legal']), 'legal'],
    ['billing dispute', decision(['customer_request', 'billing']), 'billing'],
    ['a high-value refund is billing', decision(['high_value']), 'billing'],
    ['account closure', decision(['account_closure']), 'account'],
    ['accessibility', decision(['accessibility']), 'accessibility'],
    ['high intent is sales', decision(['high_intent']), 'sales'],
    ['the sales queue is sales', decision([], { queue: 'sales' }), 'sales'],
    ['billing beats sales', decision(['high_intent', 'billing']), 'billing'],
    ['a topic without its reason still counts', decision([], { topics: ['fraud_security'] }), 'security'],
    ['complaint and keywords say how, not what', decision(['complaint', 'keyword', 'negative_sentiment']), 'general'],
    ['article id: orders', decision(['customer_request'], {}, { articleId: 'track-order' }), 'orders'],
    ['article id: refund is billing, not orders', decision(['customer_request'], {}, { articleId: 'track-refund' }), 'billing'],
    ['article id: not recognised is security', decision([], {}, { articleId: 'card-payment-not-recognised' }), 'security'],
    ['article id: password is account', decision([], {}, { articleId: 'recover-password' }), 'account'],
    ['article id: shipping address is orders', decision([], {}, { articleId: 'change_shipping_address' }), 'orders'],
    ['intent when no article', decision(['low_confidence'], {}, { intent: 'delete-account' }), 'account'],
    ['human intent is no subject', decision(['customer_request'], {}, { intent: 'human' }), 'general'],
    ['pricing article', decision([], {}, { articleId: 'pricing-plans' }), 'sales'],
    ['technical entities', decision(['repeated_question'], { entities: [{ kind: 'error_code', value: 'E42', text: 'E42', start: 0, end: 3, messageIndex: 0 }] }), 'technical'],
    ['article beats entities', decision([], { entities: [{ kind: 'browser', value: 'Chrome', text: 'Chrome', start: 0, end: 6, messageIndex: 0 }] }, { articleId: 'place-order' }), 'orders'],
    ['nothing: general', decision(['customer_request']), 'general'],
  ])('%s', (_name, d, expected) => {
    expect(categoryForDecision(d)).toBe(expected);
  });

  it('prefers the KB category of the article to its id', () => {
    const d = decision(['customer_request'], {}, { articleId: 'contact-customer-service' });
    expect(categoryForDecision(d)).toBe('general');
    expect(categoryForDecision(d, { articleCategory: 'invoice' })).toBe('billing');
    expect(categoryForDecision(decision([], {}, { articleId: 'track-order' }), { articleCategory: 'payment' })).toBe('billing');
  });

  it('routes real engine decisions', () => {
    const kb: KbArticle[] = [
      { id: 'track-order', title: 'Track an order', questions: ['where is my order', 'track my package', 'has my order shipped yet'], tags: [], body: 'Track it.' },
      { id: 'reset-password', title: 'Reset your password', questions: ['i forgot my password', 'reset my password'], tags: [], body: 'Reset it.' },
    ];
    const engine = createEngine({ policy: resolvePolicy(), articles: kb });
    const decide = (text: string) => engine.decide({ turns: [{ role: 'customer', text }] });
    expect(categoryForDecision(decide('someone stole my card and there are payments I did not make, let me talk to a person'))).toBe('security');
    expect(categoryForDecision(decide('where is my order? I want to talk to a human'))).toBe('orders');
  });
});
