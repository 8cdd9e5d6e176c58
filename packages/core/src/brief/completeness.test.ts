import { describe, expect, it } from 'vitest';
import { buildBrief } from './build-brief.js';
import { COMPLETENESS_FIELDS } from './completeness.js';
import type { Decision } from '../policy/decision.js';

const DECISION: Decision = {
  action: 'escalate',
  reasons: [],
  priority: 'low',
  confidence: 0,
  sentiment: { label: 'neutral', score: 0 },
  signals: { entities: [], language: 'en', sentimentTrend: [], sentimentDirection: 'steady', topics: [], keywords: [], attempts: [], outOfScope: false },
};

describe('contextCompleteness', () => {
  it('is 0 for a bare conversation, listing every field as missing', () => {
    const brief = buildBrief({ caseNumber: 'C', conversation: { turns: [{ role: 'customer', text: 'hmm' }] }, decision: DECISION, now: 0 });
    expect(brief.contextCompleteness).toBe(0);
    expect(brief.missingContext).toEqual([...COMPLETENESS_FIELDS]);
  });

  it('counts each filled field as one tenth', () => {
    const brief = buildBrief({
      caseNumber: 'C',
      conversation: { turns: [{ role: 'customer', text: 'hmm', at: 1 }] },
      decision: DECISION,
      customer: { id: 'c', name: 'Sam', tier: 'gold' },
      now: 0,
    });
    expect(brief.missingContext).not.toContain('customer.name');
    expect(brief.missingContext).not.toContain('transcript.timestamps');
    expect(brief.contextCompleteness).toBe(0.3);
  });
});
