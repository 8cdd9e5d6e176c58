import { describe, expect, it } from 'vitest';
import { FakeClock, InMemoryBus } from './fakes.js';

describe('FakeClock', () => {
  it('stands still until set or advanced, and hands out fresh dates', () => {
    const clock = new FakeClock('2026-03-10T10:00:00Z');
    const first = clock.now();
    first.setUTCFullYear(1999);
    expect(clock.now().toISOString()).toBe('2026-03-10T10:00:00.000Z');
    expect(clock.advance(90_000).toISOString()).toBe('2026-03-10T10:01:30.000Z');
    expect(clock.set(Date.UTC(2026, 0, 1)).toISOString()).toBe('2026-01-01T00:00:00.000Z');
    // `now` keeps its clock when passed on alone, as the app context and the job queue take it.
    const { now } = clock;
    expect(now().toISOString()).toBe('2026-01-01T00:00:00.000Z');
  });

  it('refuses a time that is not one', () => {
    expect(() => new FakeClock('not a date')).toThrow(/not a time/);
    expect(() => new FakeClock(0).set(Number.NaN)).toThrow(/not a time/);
  });
});

describe('InMemoryBus', () => {
  it('tells each subscriber every number, keeps them in order, and stops telling one that left', async () => {
    const bus = new InMemoryBus();
    const heard: number[] = [];
    const leave = bus.subscribe((seq) => heard.push(seq));
    bus.publish(3);
    leave();
    bus.publish(4);
    expect(heard).toEqual([3]);
    expect(bus.published).toEqual([3, 4]);
    expect(bus.last).toBe(4);
    bus.subscribe((seq) => heard.push(seq));
    await bus.close();
    bus.publish(5);
    expect(heard).toEqual([3]);
  });
});
