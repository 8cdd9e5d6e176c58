import { describe, expect, it } from 'vitest';
import type { Reason } from './decision.js';
import { DEFAULT_POLICY, resolvePolicy } from './policy.js';
import { computePriority } from './priority.js';
import type { ReasonCode } from './reasons.js';

const r = (...codes: ReasonCode[]): Reason[] => codes.map((code) => ({ code, detail: code, messageIndex: 0 }));
const calm = { frustratedStreak: 0, label: 'neutral' as const };

describe('computePriority', () => {
  it.each<[string, Reason[], { frustratedStreak: number; label: 'neutral' | 'frustrated' | 'upset' }, boolean, string]>([
    ['a plain request for a person', r('customer_request'), calm, false, 'medium'],
    ['a billing dispute', r('billing'), calm, false, 'medium'],
    ['a billing dispute, frustrated for 3 turns', r('billing', 'negative_sentiment'), { frustratedStreak: 3, label: 'frustrated' }, false, 'high'],
    ['a billing dispute, frustrated for 2 turns', r('billing', 'negative_sentiment'), { frustratedStreak: 2, label: 'frustrated' }, false, 'medium'],
    ['a billing dispute from an upset customer', r('billing', 'negative_sentiment'), { frustratedStreak: 1, label: 'upset' }, false, 'high'],
    ['a safety issue', r('health_safety'), calm, false, 'critical'],
    ['a safety issue from an upset VIP stays critical', r('health_safety', 'vip'), { frustratedStreak: 1, label: 'upset' }, true, 'critical'],
    ['a VIP adds one level', r('customer_request', 'vip'), calm, true, 'high'],
    ['security', r('security'), calm, false, 'high'],
    ['low confidence alone', r('low_confidence'), calm, false, 'low'],
    ['frustration without a sensitive topic is not boosted', r('negative_sentiment'), { frustratedStreak: 4, label: 'frustrated' }, false, 'medium'],
  ])('%s', (_name, reasons, mood, vip, expected) => {
    expect(computePriority(reasons, DEFAULT_POLICY, mood, vip)).toBe(expected);
  });

  it('follows an edited base level', () => {
    const policy = resolvePolicy({ priority: { base: { customer_request: 'high' } } });
    expect(computePriority(r('customer_request'), policy, calm, false)).toBe('high');
    expect(policy.priority.base.security).toBe('high');
  });
});

describe('resolvePolicy', () => {
  it('returns the defaults for an empty input', () => {
    expect(resolvePolicy()).toEqual(DEFAULT_POLICY);
  });
  it('overrides one field and keeps the rest of its section', () => {
    const p = resolvePolicy({ confidence: { threshold: 0.8 } });
    expect(p.confidence).toEqual({ ...DEFAULT_POLICY.confidence, threshold: 0.8 });
    expect(p.keywords).toEqual(DEFAULT_POLICY.keywords);
  });
  it('never mutates the defaults', () => {
    resolvePolicy({ keywords: { words: ['x'] }, priority: { base: { vip: 'critical' } } });
    expect(DEFAULT_POLICY.keywords.words).toContain('refund');
    expect(DEFAULT_POLICY.priority.base.vip).toBe('medium');
  });
});
