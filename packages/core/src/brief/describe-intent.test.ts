import { describe, expect, it } from 'vitest';
import type { Decision, Reason } from '../policy/decision.js';
import { extractEntities } from '../signals/entities.js';
import type { BriefEntity } from './brief.js';
import { describeIntent } from './describe-intent.js';
import { formatMoney } from './format-money.js';

function decision(topics: string[] = [], codes: Reason['code'][] = [], keywords: string[] = [], reasonDetail = ''): Decision {
  return {
    action: 'escalate',
    reasons: codes.map((code) => ({ code, detail: reasonDetail || code, messageIndex: 0 })),
    priority: 'medium',
    confidence: 0.5,
    sentiment: { label: 'neutral', score: 0 },
    signals: { entities: [], language: 'en', sentimentTrend: [], sentimentDirection: 'steady', topics, keywords, attempts: [], outOfScope: false },
  };
}

function entitiesOf(text: string, verified: string[] = []): BriefEntity[] {
  return extractEntities(text).map((e) => ({ kind: e.kind, value: e.value, messageIndex: 0, verified: verified.includes(e.value), ...(e.amount !== undefined ? { amount: e.amount } : {}), ...(e.currency ? { currency: e.currency } : {}) }));
}

describe('describeIntent', () => {
  it.each([
    ['I was charged twice for order #8821, I want a refund', ['billing_dispute'], ['billing'], ['refund'], 'refund', 'Wants a refund for a duplicate charge on order #8821'],
    ['Please refund order 5512', [], ['keyword'], ['refund'], 'refund', 'Wants a refund for order #5512'],
    ['I want my money back, it cost $49.99', [], [], [], 'refund', 'Wants a refund of $49.99'],
    ['I want a refund', [], [], ['refund'], 'refund', 'Wants a refund'],
    ["I've been waiting four weeks for my order #4821", [], ['negative_sentiment'], [], 'where_is_order', "Wants to know where order #4821 is; says they've been waiting four weeks"],
    ['Where is order 4821?', [], [], [], 'where_is_order', 'Wants to know where order #4821 is'],
    ['my parcel has not arrived yet', [], [], [], 'where_is_order', 'Wants to know where their order is'],
    ['I lost my card yesterday', ['fraud_security'], ['security'], [], 'lost_card', 'Wants to block a lost or stolen card'],
    ["There's a payment of €120 I didn't make", ['fraud_security'], ['security'], [], 'unrecognised_payment', "Wants to dispute a payment of €120.00 they don't recognise"],
    ['I think my account was hacked', ['fraud_security'], ['security'], [], 'account_takeover', 'Wants to secure their account after a suspected takeover'],
    ['I need to verify my identity', ['fraud_security'], ['security'], [], 'security', 'Wants help with a security concern on their account'],
    ['You billed me twice on order 77123', ['billing_dispute'], ['billing'], [], 'billing_dispute', 'Wants a duplicate charge on order #77123 reversed'],
    ['The invoice amount is wrong', ['billing_dispute'], ['billing'], [], 'billing_dispute', 'Wants a billing error corrected'],
    ['please close my account', ['account_closure'], ['account_closure'], [], 'account_closure', 'Wants to close their account'],
    ['cancel order 99123 please', [], [], [], 'cancel', 'Wants to cancel order #99123'],
    ['cancel my subscription', [], [], [], 'cancel', 'Wants to cancel their subscription'],
    ['I want to return order #3321', [], [], [], 'return', 'Wants to return order #3321'],
    ["I'm locked out, password not working", [], [], [], 'login', 'Wants to get back into their account'],
    ['The app shows error E1234 on my iPhone 14', [], [], [], 'technical', 'Wants error E1234 fixed (iPhone 14)'],
    ['the app keeps crashing', [], [], [], 'technical', 'Wants a technical problem fixed'],
    ['The product burned my hand', ['health_safety'], ['health_safety'], [], 'health_safety', 'Reports a health or safety issue'],
    ['my ex is threatening me', ['personal_safety'], ['personal_safety'], [], 'personal_safety', 'Reports a personal safety concern'],
    ['I will contact my solicitor', ['legal'], ['legal'], [], 'legal', 'Raises a legal matter'],
    ['I need large print', ['accessibility'], ['accessibility'], [], 'accessibility', 'Needs an accessibility accommodation'],
    ['can you make an exception just this once', ['policy_exception'], ['policy_exception'], [], 'policy_exception', 'Asks for an exception to policy'],
    ['I want to make a formal complaint', ['complaint'], ['complaint'], [], 'complaint', 'Wants to make a complaint'],
    ['let me talk to a human', [], ['customer_request'], [], 'human', 'Wants to speak with a person'],
  ] as const)('%s → %s', (text, topics, codes, keywords, rule, summary) => {
    const out = describeIntent({ decision: decision([...topics], [...codes], [...keywords]), customerText: text, lastCustomerText: text, entities: entitiesOf(text) });
    expect(out).toMatchObject({ rule, summary });
  });

  it.each([
    ['demo: "book a demo"', 'Wants a demo'],
    ['enterprise: "50 seats"', 'Wants to discuss an enterprise purchase'],
    ['pricing: "how much"', 'Wants pricing information'],
  ])('sales detail %s → %s', (detail, summary) => {
    const out = describeIntent({ decision: decision([], ['high_intent'], [], detail), customerText: 'hello', lastCustomerText: 'hello', entities: [] });
    expect(out).toMatchObject({ rule: 'sales', summary });
  });

  it('prefers the verified order over the first one mentioned', () => {
    const text = 'Where is order 1111? Or maybe it was order 2222';
    const out = describeIntent({ decision: decision(), customerText: text, lastCustomerText: text, entities: entitiesOf(text, ['2222']) });
    expect(out.summary).toBe('Wants to know where order #2222 is');
  });

  it('falls back to the article, then to the customer’s own first sentence', () => {
    const base = { decision: decision(), customerText: 'hmm. something else', lastCustomerText: 'Hmm, the thing. And more', entities: [] };
    expect(describeIntent({ ...base, articleTitle: 'Gift cards' })).toMatchObject({ rule: 'article', summary: 'Needs help with: Gift cards' });
    expect(describeIntent(base)).toMatchObject({ rule: 'fallback', summary: 'In their words: "Hmm, the thing."' });
    expect(describeIntent({ ...base, lastCustomerText: 'x'.repeat(300) }).summary).toBe(`In their words: "${'x'.repeat(99)}…"`);
    expect(describeIntent({ ...base, lastCustomerText: '  ' }).summary).toBe('Unclear: the customer has not said what they need');
  });

  it('keeps the engine intent and topics', () => {
    const d = { ...decision(['billing_dispute']), intent: 'request-refund' };
    expect(describeIntent({ decision: d, customerText: '', lastCustomerText: '', entities: [] })).toMatchObject({ id: 'request-refund', topics: ['billing_dispute'] });
  });
});

describe('formatMoney', () => {
  it.each([
    [49.99, 'USD', '$49.99'],
    [160, 'EUR', '€160.00'],
    [5, 'GBP', '£5.00'],
    [300, 'SEK', '300.00 SEK'],
    [12.5, undefined, '12.50'],
  ])('%s %s → %s', (amount, currency, out) => {
    expect(formatMoney(amount, currency)).toBe(out);
  });
});
