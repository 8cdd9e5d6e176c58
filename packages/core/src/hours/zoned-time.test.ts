import { describe, expect, it } from 'vitest';
import { addDays, isoDate, offsetAt, weekdayOf, zonedParts, zonedToInstant } from './zoned-time.js';

const utc = (y: number, mo: number, d: number, h = 0, mi = 0) => Date.UTC(y, mo - 1, d, h, mi);

describe('zonedToInstant', () => {
  it.each<[string, [number, number, number], string, number, string]>([
    // zone, local date, local HH:MM, expected instant, what it shows
    ['Europe/London', [2026, 1, 15], '09:00', utc(2026, 1, 15, 9), 'winter: GMT'],
    ['Europe/London', [2026, 7, 15], '09:00', utc(2026, 7, 15, 8), 'summer: BST'],
    ['Europe/London', [2026, 3, 29], '00:30', utc(2026, 3, 29, 0, 30), 'spring day, before the jump'],
    ['Europe/London', [2026, 3, 29], '01:30', utc(2026, 3, 29, 1, 30), 'spring gap: 01:30 never happened, read as 02:30 BST'],
    ['Europe/London', [2026, 3, 29], '09:00', utc(2026, 3, 29, 8), 'spring day, after the jump'],
    ['Europe/London', [2026, 10, 25], '01:30', utc(2026, 10, 25, 0, 30), 'autumn overlap: the earlier 01:30 (BST)'],
    ['Europe/London', [2026, 10, 25], '09:00', utc(2026, 10, 25, 9), 'autumn day, after the change'],
    ['America/New_York', [2026, 3, 8], '02:30', utc(2026, 3, 8, 7, 30), 'spring gap: read as 03:30 EDT'],
    ['America/New_York', [2026, 3, 8], '09:00', utc(2026, 3, 8, 13), 'spring day: EDT'],
    ['America/New_York', [2026, 11, 1], '01:30', utc(2026, 11, 1, 5, 30), 'autumn overlap: the earlier 01:30 (EDT)'],
    ['America/New_York', [2026, 11, 1], '09:00', utc(2026, 11, 1, 14), 'autumn day: EST'],
    ['Asia/Tokyo', [2026, 11, 23], '09:00', utc(2026, 11, 23, 0), 'no DST, +9'],
    ['Asia/Kolkata', [2026, 6, 1], '09:00', utc(2026, 6, 1, 3, 30), 'half-hour offset'],
    ['Europe/London', [2026, 3, 28], '24:00', utc(2026, 3, 29, 0), '24:00 is the next midnight'],
  ])('%s %j %s', (zone, [year, month, day], clock, expected) => {
    const [h, m] = clock.split(':').map(Number) as [number, number];
    expect(zonedToInstant({ year, month, day }, h * 60 + m, zone)).toBe(expected);
  });
});

describe('zonedParts and offsetAt', () => {
  it('reads the wall clock in the zone, not the host zone', () => {
    expect(zonedParts(utc(2026, 11, 23, 0, 5), 'Asia/Tokyo')).toEqual({ year: 2026, month: 11, day: 23, hour: 9, minute: 5, second: 0, weekday: 'mon' });
    expect(zonedParts(utc(2026, 11, 23, 0, 5), 'America/New_York')).toMatchObject({ day: 22, hour: 19, weekday: 'sun' });
  });

  it('gives the offset either side of a change', () => {
    expect(offsetAt(utc(2026, 3, 29, 0, 59), 'Europe/London')).toBe(0);
    expect(offsetAt(utc(2026, 3, 29, 1, 0), 'Europe/London')).toBe(3_600_000);
    expect(offsetAt(utc(2026, 1, 1), 'America/New_York')).toBe(-5 * 3_600_000);
  });

  it('throws RangeError for an unknown zone', () => {
    expect(() => zonedParts(0, 'Mars/Olympus')).toThrow(RangeError);
  });
});

describe('calendar helpers', () => {
  it('steps across month and year ends and names the weekday', () => {
    expect(addDays({ year: 2026, month: 12, day: 31 }, 1)).toEqual({ year: 2027, month: 1, day: 1 });
    expect(addDays({ year: 2026, month: 3, day: 1 }, -1)).toEqual({ year: 2026, month: 2, day: 28 });
    expect(weekdayOf({ year: 2026, month: 3, day: 29 })).toBe('sun');
    expect(isoDate({ year: 2026, month: 3, day: 9 })).toBe('2026-03-09');
  });
});
