import { describe, expect, it } from 'vitest';
import type { BusinessHours } from './business-hours.js';
import { isOpen } from './is-open.js';

const utc = (y: number, mo: number, d: number, h = 0, mi = 0) => Date.UTC(y, mo - 1, d, h, mi);
const nineToFive = [{ start: '09:00', end: '17:00' }];
const everyDay = (timeZone: string, holidays: string[] = []): BusinessHours => ({
  timeZone,
  weekly: { mon: nineToFive, tue: nineToFive, wed: nineToFive, thu: nineToFive, fri: nineToFive, sat: nineToFive, sun: nineToFive },
  holidays,
});

describe('isOpen', () => {
  it.each([
    // London, 9–5 every day, either side of the 2026 changes
    ['Europe/London', utc(2026, 3, 28, 8, 59), false, 'Sat before spring change, 08:59 GMT'],
    ['Europe/London', utc(2026, 3, 28, 9, 0), true, 'Sat before spring change, 09:00 GMT'],
    ['Europe/London', utc(2026, 3, 29, 7, 59), false, 'spring change day, 08:59 BST'],
    ['Europe/London', utc(2026, 3, 29, 8, 0), true, 'spring change day, 09:00 BST'],
    ['Europe/London', utc(2026, 3, 29, 15, 59), true, 'spring change day, 16:59 BST'],
    ['Europe/London', utc(2026, 3, 29, 16, 0), false, 'spring change day, 17:00 BST: closing is exclusive'],
    ['Europe/London', utc(2026, 10, 25, 8, 0), false, 'autumn change day, 08:00 GMT'],
    ['Europe/London', utc(2026, 10, 25, 9, 0), true, 'autumn change day, 09:00 GMT'],
    ['Europe/London', utc(2026, 10, 25, 16, 59), true, 'autumn change day, 16:59 GMT'],
    // New York
    ['America/New_York', utc(2026, 3, 7, 14, 0), true, 'Sat before spring change, 09:00 EST'],
    ['America/New_York', utc(2026, 3, 8, 13, 0), true, 'spring change day, 09:00 EDT'],
    ['America/New_York', utc(2026, 3, 8, 12, 59), false, 'spring change day, 08:59 EDT'],
    ['America/New_York', utc(2026, 10, 31, 13, 0), true, 'Sat before autumn change, 09:00 EDT'],
    ['America/New_York', utc(2026, 11, 1, 13, 30), false, 'autumn change day, 08:30 EST'],
    ['America/New_York', utc(2026, 11, 1, 14, 0), true, 'autumn change day, 09:00 EST'],
    // Tokyo: 09:00 JST is midnight UTC
    ['Asia/Tokyo', utc(2026, 11, 23, 0, 0), true, 'Tokyo 09:00'],
    ['Asia/Tokyo', utc(2026, 11, 22, 23, 59), false, 'Tokyo 08:59'],
    ['Asia/Tokyo', utc(2026, 11, 23, 8, 0), false, 'Tokyo 17:00'],
  ])('%s at %s → %s (%s)', (zone, at, open) => {
    expect(isOpen(everyDay(zone), at)).toBe(open);
  });

  it('is closed all day on a holiday, in the local date of the zone', () => {
    const h = everyDay('Asia/Tokyo', ['2026-11-23']);
    expect(isOpen(h, utc(2026, 11, 23, 3))).toBe(false); // 12:00 JST on the holiday
    expect(isOpen(h, utc(2026, 11, 22, 3))).toBe(true); // 12:00 JST the day before (still the 22nd in UTC too)
    expect(isOpen(h, utc(2026, 11, 24, 0))).toBe(true); // 09:00 JST the next day, still the 23rd in UTC
  });

  it('is closed on days without hours and between split ranges', () => {
    const h: BusinessHours = { timeZone: 'Europe/London', weekly: { mon: [{ start: '09:00', end: '12:00' }, { start: '13:00', end: '17:00' }] }, holidays: [] };
    expect(isOpen(h, utc(2026, 1, 5, 11, 59))).toBe(true); // Monday
    expect(isOpen(h, utc(2026, 1, 5, 12, 30))).toBe(false); // lunch
    expect(isOpen(h, utc(2026, 1, 5, 13, 0))).toBe(true);
    expect(isOpen(h, utc(2026, 1, 6, 10, 0))).toBe(false); // Tuesday: no hours
  });

  it('treats an opening swallowed by the spring-forward gap as closed', () => {
    const h: BusinessHours = { timeZone: 'Europe/London', weekly: { sun: [{ start: '01:00', end: '02:00' }] }, holidays: [] };
    expect(isOpen(h, utc(2026, 3, 29, 0, 59))).toBe(false);
    expect(isOpen(h, utc(2026, 3, 29, 1, 0))).toBe(false); // 02:00 BST
    expect(isOpen(h, utc(2026, 3, 22, 1, 30))).toBe(true); // a normal Sunday
  });

  it('counts both runs of the repeated autumn hour as open', () => {
    const h: BusinessHours = { timeZone: 'Europe/London', weekly: { sun: [{ start: '01:00', end: '02:00' }] }, holidays: [] };
    expect(isOpen(h, utc(2026, 10, 25, 0, 30))).toBe(true); // 01:30 BST
    expect(isOpen(h, utc(2026, 10, 25, 1, 30))).toBe(true); // 01:30 GMT
    expect(isOpen(h, utc(2026, 10, 25, 2, 0))).toBe(false); // 02:00 GMT
  });
});
