import { describe, expect, it } from 'vitest';
import { addBusinessMinutes } from './add-business-minutes.js';
import type { BusinessHours } from './business-hours.js';
import { HoursError } from './hours-error.js';

const utc = (y: number, mo: number, d: number, h = 0, mi = 0) => Date.UTC(y, mo - 1, d, h, mi);
const nineToFive = [{ start: '09:00', end: '17:00' }];
const london: BusinessHours = {
  timeZone: 'Europe/London',
  weekly: { mon: nineToFive, tue: nineToFive, wed: nineToFive, thu: nineToFive, fri: nineToFive },
  holidays: ['2026-12-25', '2026-12-28'],
};

describe('addBusinessMinutes', () => {
  it.each([
    ['within the day', utc(2026, 1, 5, 10), 30, utc(2026, 1, 5, 10, 30)],
    ['uses up the day exactly: due at closing', utc(2026, 1, 5, 16), 60, utc(2026, 1, 5, 17)],
    ['runs over into the next morning', utc(2026, 1, 5, 16, 30), 60, utc(2026, 1, 6, 9, 30)],
    ['Friday afternoon → Monday', utc(2026, 1, 9, 16, 30), 60, utc(2026, 1, 12, 9, 30)],
    ['starts before opening', utc(2026, 1, 5, 6), 15, utc(2026, 1, 5, 9, 15)],
    ['zero minutes while closed: next opening', utc(2026, 1, 10, 12), 0, utc(2026, 1, 12, 9)],
    ['zero minutes while open: now', utc(2026, 1, 5, 12), 0, utc(2026, 1, 5, 12)],
    ['three working days', utc(2026, 1, 5, 9), 3 * 480, utc(2026, 1, 7, 17)],
    ['skips holidays (Christmas Friday, then Monday 28th)', utc(2026, 12, 24, 16), 120, utc(2026, 12, 29, 10)],
    ['across the spring change: Friday GMT → Monday BST', utc(2026, 3, 27, 16), 120, utc(2026, 3, 30, 9)],
    ['across the autumn change: Friday BST → Monday GMT', utc(2026, 10, 23, 15), 120, utc(2026, 10, 26, 10)],
  ])('%s', (_name, from, minutes, expected) => {
    expect(addBusinessMinutes(london, from, minutes)).toBe(expected);
  });

  it('counts a short spring day as 23 hours of open time', () => {
    const allDay = [{ start: '00:00', end: '24:00' }];
    const h: BusinessHours = { timeZone: 'Europe/London', weekly: { sun: allDay, mon: allDay }, holidays: [] };
    // Sunday 29 March 2026 has 23 hours; the 24th hour is the first of Monday (BST).
    expect(addBusinessMinutes(h, utc(2026, 3, 29, 0), 24 * 60)).toBe(utc(2026, 3, 30, 0));
  });

  it('counts a long autumn day as 25 hours of open time', () => {
    const h: BusinessHours = { timeZone: 'America/New_York', weekly: { sun: [{ start: '00:00', end: '24:00' }], mon: nineToFive }, holidays: [] };
    // Sunday 1 Nov 2026 in New York runs 04:00Z → 05:00Z next day; 25 hours then Monday 09:00 EST.
    expect(addBusinessMinutes(h, utc(2026, 11, 1, 4), 25 * 60)).toBe(utc(2026, 11, 2, 5));
    expect(addBusinessMinutes(h, utc(2026, 11, 1, 4), 25 * 60 + 1)).toBe(utc(2026, 11, 2, 14, 1));
  });

  it('rejects negative or non-finite minutes', () => {
    expect(() => addBusinessMinutes(london, 0, -1)).toThrow(HoursError);
    expect(() => addBusinessMinutes(london, 0, Number.NaN)).toThrow(expect.objectContaining({ code: 'HOURS_ERR_INVALID', field: 'minutes' }));
  });

  it('throws HOURS_ERR_NEVER_OPEN instead of looping on a schedule with no hours', () => {
    expect(() => addBusinessMinutes({ timeZone: 'UTC', weekly: {}, holidays: [] }, 0, 10)).toThrow(expect.objectContaining({ code: 'HOURS_ERR_NEVER_OPEN' }));
  });
});
