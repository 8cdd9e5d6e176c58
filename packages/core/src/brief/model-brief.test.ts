import { describe, expect, it } from 'vitest';
import type { Conversation } from '../conversation.js';
import { createEngine } from '../policy/engine.js';
import { resolvePolicy } from '../policy/policy.js';
import { buildBrief } from './build-brief.js';
import { applyModelBrief } from './model-brief.js';

const NOW = Date.UTC(2025, 10, 15, 12, 0);
const conversation: Conversation = { id: 'c1', turns: [{ role: 'customer', text: 'I was charged twice for order #8821 and I want my money back', at: NOW }], customer: { name: 'Sarah Jones' } };
const decision = createEngine({ policy: resolvePolicy() }).decide(conversation);
const rules = buildBrief({ caseNumber: 'C-1', conversation, decision, articles: new Map(), now: NOW, authorNames: [undefined] });

describe('applyModelBrief', () => {
  const written = {
    summary: ['Sarah was charged twice', 'for order #8821.', 'She wants a refund.', 'Nothing was tried yet.', 'She is annoyed.'],
    intent: 'Get a duplicate   charge refunded',
    desiredOutcome: 'Wants a refund for the duplicate charge on order #8821',
    nextSteps: ['Check the payments on order #8821', 'Confirm the customer’s identity first'],
    suggestedReply: 'Hi Sarah, I can see the two charges on order #8821.',
  };

  it('puts in what the model wrote, names those parts, and keeps what the rules and tools established', () => {
    const b = applyModelBrief(rules, written, { provider: 'openai', model: 'gpt-4o-mini' }, ['Confirm the customer’s identity first']);
    expect(b.summary).toEqual(written.summary);
    expect(b.intent).toMatchObject({ summary: written.desiredOutcome, statement: 'Get a duplicate charge refunded', rule: 'model' });
    expect(b.headline.issue).toBe(written.desiredOutcome);
    expect(b.headline.text.endsWith(written.desiredOutcome)).toBe(true);
    // Baton's own step first, and not twice.
    expect(b.nextSteps).toEqual(['Confirm the customer’s identity first', 'Check the payments on order #8821']);
    expect(b.suggestedReply).toBe(written.suggestedReply);
    expect(b.writtenByModel).toEqual({ provider: 'openai', model: 'gpt-4o-mini', parts: ['summary', 'intent', 'desiredOutcome', 'nextSteps', 'suggestedReply'] });
    expect(b.reasons).toEqual(rules.reasons);
    expect(b.priority).toBe(rules.priority);
    expect(b.transcript).toEqual(rules.transcript);
  });

  it('masks payment data the model repeats', () => {
    const b = applyModelBrief(rules, { ...written, summary: [...written.summary.slice(0, 4), 'Card 4242 4242 4242 4242 was charged'] }, { provider: 'anthropic', model: 'claude-haiku-4-5' });
    expect(b.summary!.join(' ')).not.toContain('4242 4242 4242 4242');
  });
});
