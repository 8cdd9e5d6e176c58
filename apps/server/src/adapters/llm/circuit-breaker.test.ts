import { describe, expect, it } from 'vitest';
import { CircuitBreaker } from './circuit-breaker.js';

describe('CircuitBreaker', () => {
  it('opens after the failures in a row, pauses, lets one trial through, and closes on its success', () => {
    let now = Date.parse('2030-01-01T00:00:00Z');
    const breaker = new CircuitBreaker({ failures: 3, pauseMs: 30_000, clock: () => new Date(now) });
    breaker.failedOnce();
    breaker.succeeded();
    breaker.failedOnce();
    breaker.failedOnce();
    expect(breaker.allow()).toBe(true);
    breaker.failedOnce();
    expect(breaker.allow()).toBe(false);
    expect(breaker.state()).toEqual({ state: 'open', retryAt: new Date(now + 30_000) });
    now += 30_000;
    expect(breaker.state().state).toBe('half_open');
    expect(breaker.allow()).toBe(true);
    expect(breaker.allow()).toBe(false);
    breaker.succeeded();
    expect(breaker.state().state).toBe('closed');
    expect(breaker.allow()).toBe(true);
  });

  it('opens again for a whole pause when the trial fails', () => {
    let now = 0;
    const breaker = new CircuitBreaker({ failures: 1, pauseMs: 1000, clock: () => new Date(now) });
    breaker.failedOnce();
    now = 1000;
    expect(breaker.allow()).toBe(true);
    breaker.failedOnce();
    expect(breaker.allow()).toBe(false);
    now = 1999;
    expect(breaker.allow()).toBe(false);
    now = 2000;
    expect(breaker.allow()).toBe(true);
  });
});
