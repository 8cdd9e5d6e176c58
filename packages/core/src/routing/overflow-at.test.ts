import { describe, expect, it } from 'vitest';
import { overflowAt } from './overflow-at.js';

const sla = { low: 240, medium: 60, high: 15, critical: 5 };

describe('overflowAt', () => {
  it('is the queue time plus the overflow minutes, whatever the target', () => {
    expect(overflowAt({ id: 't', name: 't', skills: [], sla, overflow: { afterMinutes: 10, toTeamId: 'general' } }, 1_000)).toBe(601_000);
    expect(overflowAt({ id: 't', name: 't', skills: [], sla, overflow: { afterMinutes: 5, toTeamId: null } }, 0)).toBe(300_000);
  });

  it('is null without an overflow rule', () => {
    expect(overflowAt({ id: 't', name: 't', skills: [], sla }, 1_000)).toBeNull();
  });
});
