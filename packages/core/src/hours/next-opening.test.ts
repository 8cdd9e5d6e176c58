import { describe, expect, it } from 'vitest';
import type { BusinessHours } from './business-hours.js';
import { nextOpening } from './next-opening.js';

const utc = (y: number, mo: number, d: number, h = 0, mi = 0) => Date.UTC(y, mo - 1, d, h, mi);
const nineToFive = [{ start: '09:00', end: '17:00' }];
const weekdays = (timeZone: string, holidays: string[] = []): BusinessHours => ({
  timeZone,
  weekly: { mon: nineToFive, tue: nineToFive, wed: nineToFive, thu: nineToFive, fri: nineToFive },
  holidays,
});
const everyDay = (timeZone: string): BusinessHours => ({ ...weekdays(timeZone), weekly: { ...weekdays(timeZone).weekly, sat: nineToFive, sun: nineToFive } });

describe('nextOpening', () => {
  it.each([
    ['open now: from itself', weekdays('Europe/London'), utc(2026, 1, 5, 10, 15), utc(2026, 1, 5, 10, 15)],
    ['early morning: 09:00 today', weekdays('Europe/London'), utc(2026, 1, 5, 7), utc(2026, 1, 5, 9)],
    ['at closing: tomorrow', weekdays('Europe/London'), utc(2026, 1, 5, 17), utc(2026, 1, 6, 9)],
    ['Friday evening: Monday', weekdays('Europe/London'), utc(2026, 1, 9, 18), utc(2026, 1, 12, 9)],
    ['London: Friday GMT → Monday 09:00 BST', weekdays('Europe/London'), utc(2026, 3, 27, 18), utc(2026, 3, 30, 8)],
    ['London: Saturday → change day 09:00 BST', everyDay('Europe/London'), utc(2026, 3, 28, 20), utc(2026, 3, 29, 8)],
    ['London: Saturday BST → autumn change day 09:00 GMT', everyDay('Europe/London'), utc(2026, 10, 24, 20), utc(2026, 10, 25, 9)],
    ['New York: Saturday → spring change day 09:00 EDT', everyDay('America/New_York'), utc(2026, 3, 7, 23), utc(2026, 3, 8, 13)],
    ['New York: Friday EDT → Monday 09:00 EST', weekdays('America/New_York'), utc(2026, 10, 30, 22), utc(2026, 11, 2, 14)],
    ['Tokyo: Sunday evening UTC is Monday 08:00 JST', weekdays('Asia/Tokyo'), utc(2026, 11, 22, 23), utc(2026, 11, 23, 0)],
    ['Tokyo: holiday Monday → Tuesday', weekdays('Asia/Tokyo', ['2026-11-23']), utc(2026, 11, 22, 23), utc(2026, 11, 24, 0)],
  ])('%s', (_name, h, from, expected) => {
    expect(nextOpening(h, from)).toBe(expected);
  });

  it('is null when nothing opens within 14 days', () => {
    expect(nextOpening({ timeZone: 'UTC', weekly: {}, holidays: [] }, utc(2026, 1, 5))).toBeNull();
    const closedOverChristmas = weekdays('UTC', [
      ...Array.from({ length: 12 }, (_, i) => `2026-12-${20 + i}`),
      '2027-01-01',
      '2027-01-04',
    ]);
    expect(nextOpening(closedOverChristmas, utc(2026, 12, 19))).toBeNull(); // Tue 5 Jan is 17 days off
    expect(nextOpening(closedOverChristmas, utc(2026, 12, 23))).toBe(utc(2027, 1, 5, 9)); // 13 days off
    expect(nextOpening(closedOverChristmas, utc(2026, 12, 22, 9))).toBe(utc(2027, 1, 5, 9)); // exactly 14 days
    expect(nextOpening(closedOverChristmas, utc(2026, 12, 22, 8, 59))).toBeNull(); // a minute over
  });
});
