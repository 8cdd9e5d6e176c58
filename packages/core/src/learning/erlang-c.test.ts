import { describe, expect, it } from 'vitest';
import { erlangC, queueModel } from './erlang-c.js';

describe('erlangC', () => {
  it.each([
    // servers, load (Erlangs), P(wait): textbook values
    [1, 0.5, 0.5],
    [2, 1, 1 / 3],
    [10, 8, 0.409],
    [0, 1, 1],
    [3, 0, 0],
    [3, 3, 1],
  ])('C(%d, %d) = %d', (c, a, p) => {
    expect(erlangC(c, a)).toBeCloseTo(p, 3);
  });
});

describe('queueModel', () => {
  it('gives the M/M/1 mean wait ρ/(μ-λ)', () => {
    // λ = 0.1/min, h = 5 min: ρ = 0.5, Wq = 0.5 / (0.2 - 0.1) = 5 min
    const m = queueModel({ arrivalsPerMinute: 0.1, handleMinutes: 5, servers: 1 });
    expect(m.utilisation).toBeCloseTo(0.5);
    expect(m.expectedWaitMinutes).toBeCloseTo(5);
    expect(m.waitExceeds(0)).toBeCloseTo(0.5);
    expect(m.waitExceeds(10)).toBeCloseTo(0.5 * Math.exp(-1));
  });

  it('is unbounded at or over capacity, and when nobody staffs the queue', () => {
    expect(queueModel({ arrivalsPerMinute: 1, handleMinutes: 2, servers: 2 }).expectedWaitMinutes).toBeNull();
    const unstaffed = queueModel({ arrivalsPerMinute: 0.1, handleMinutes: 2, servers: 0 });
    expect(unstaffed.expectedWaitMinutes).toBeNull();
    expect(unstaffed.waitExceeds(60)).toBe(1);
  });

  it('waits nothing with no arrivals', () => {
    expect(queueModel({ arrivalsPerMinute: 0, handleMinutes: 6, servers: 0 })).toMatchObject({ utilisation: 0, expectedWaitMinutes: 0 });
  });

  it('treats fractional agents as slower whole agents: waits fall as agents are added', () => {
    const waits = [0.6, 1, 1.5, 2, 2.5, 3].map((servers) => queueModel({ arrivalsPerMinute: 0.1, handleMinutes: 5, servers }).expectedWaitMinutes!);
    for (let i = 1; i < waits.length; i++) expect(waits[i]!).toBeLessThan(waits[i - 1]!);
    expect(queueModel({ arrivalsPerMinute: 0.1, handleMinutes: 5, servers: 0.6 }).utilisation).toBeCloseTo(0.5 / 0.6);
  });
});
