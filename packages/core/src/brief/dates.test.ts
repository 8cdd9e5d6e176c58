import { describe, expect, it } from 'vitest';
import { daysBetween, formatDay, isoOf, monthsBetween, parseTime } from './dates.js';

const NOW = Date.UTC(2025, 10, 15);

describe('dates', () => {
  it.each([
    ['2025-10-18', Date.UTC(2025, 9, 18)],
    ['', undefined],
    ['   ', undefined],
    ['someday', undefined],
    [undefined, undefined],
  ])('parseTime(%s)', (s, t) => {
    expect(parseTime(s)).toBe(t);
  });

  it.each([
    [Date.UTC(2025, 9, 18, 23), 'UTC', '18 October'],
    [Date.UTC(2025, 9, 18, 23), 'Asia/Tokyo', '19 October'],
    [Date.UTC(2024, 11, 30), 'UTC', '30 December 2024'],
    [Date.UTC(2025, 9, 18), 'Not/AZone', '18 October'],
  ])('formatDay(%s, %s) → %s', (t, zone, out) => {
    expect(formatDay(t, NOW, zone)).toBe(out);
  });

  it('counts whole days and months', () => {
    expect(daysBetween(NOW - 21.5 * 86_400_000, NOW)).toBe(21);
    expect(monthsBetween(Date.UTC(2023, 1, 11), NOW)).toBe(33);
    expect(monthsBetween(NOW, Date.UTC(2020, 0, 1))).toBe(0);
  });

  it('writes ISO only for valid times', () => {
    expect(isoOf(0)).toBe('1970-01-01T00:00:00.000Z');
    expect(isoOf(Number.POSITIVE_INFINITY)).toBeUndefined();
    expect(isoOf(8.64e15 + 1)).toBeUndefined();
    expect(isoOf(undefined)).toBeUndefined();
  });
});
