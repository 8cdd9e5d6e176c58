import { describe, expect, it } from 'vitest';
import type { Decision } from '../policy/decision.js';
import type { ReasonCode } from '../policy/reasons.js';
import type { HandoffReasonKind } from './reason-kind.js';
import { reasonKindFor } from './reason-kind.js';

function decision(codes: ReasonCode[]): Decision {
  return {
    action: 'escalate',
    reasons: codes.map((code) => ({ code, detail: code, messageIndex: 0 })),
    priority: 'medium',
    confidence: 0,
    sentiment: { label: 'neutral', score: 0 },
    signals: { entities: [], language: 'en', sentimentTrend: [], sentimentDirection: 'steady', topics: [], keywords: [], attempts: [], outOfScope: false },
  };
}

describe('reasonKindFor', () => {
  it.each<[ReasonCode[], HandoffReasonKind]>([
    [['customer_request'], 'customer_request'],
    [['security', 'negative_sentiment', 'customer_request'], 'customer_request'],
    [['personal_safety', 'negative_sentiment'], 'safety'],
    [['health_safety', 'billing'], 'safety'],
    [['billing', 'security'], 'security'],
    [['negative_sentiment', 'billing'], 'billing'],
    [['billing', 'legal'], 'legal'],
    [['billing', 'high_value'], 'high_value'],
    [['account_closure'], 'account_closure'],
    [['policy_exception'], 'policy_exception'],
    [['accessibility'], 'accessibility'],
    [['complaint', 'negative_sentiment'], 'complaint'],
    [['keyword'], 'sensitive'],
    [['high_value'], 'high_value'],
    [['high_intent'], 'sales'],
    [['negative_sentiment'], 'frustration'],
    [['negative_sentiment', 'vip'], 'frustration'],
    [['vip'], 'vip'],
    [['low_confidence'], 'complex'],
    [['repeated_question'], 'repeated'],
    [['repeated_question', 'negative_sentiment'], 'frustration'],
    [['ai_error'], 'complex'],
    [[], 'complex'],
  ])('%j → %s', (codes, kind) => {
    expect(reasonKindFor(decision(codes))).toBe(kind);
  });
});
