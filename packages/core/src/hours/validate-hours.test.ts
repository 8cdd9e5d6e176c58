import { describe, expect, it } from 'vitest';
import { HoursError } from './hours-error.js';
import { isValidTimeZone, validateHours } from './validate-hours.js';

const good = { timeZone: 'Europe/London', weekly: { mon: [{ start: '09:00', end: '17:00' }], sat: [{ start: '10:00', end: '12:00' }, { start: '13:00', end: '24:00' }] }, holidays: ['2026-12-25'] };

describe('validateHours', () => {
  it('returns a clean copy of valid hours', () => {
    const out = validateHours(good);
    expect(out).toEqual(good);
    expect(out).not.toBe(good);
  });

  it('defaults missing holidays to none', () => {
    expect(validateHours({ timeZone: 'Asia/Tokyo', weekly: {} }).holidays).toEqual([]);
  });

  it.each([
    [null, ''],
    [{ ...good, timeZone: 'Mars/Olympus' }, 'timeZone'],
    [{ ...good, timeZone: '' }, 'timeZone'],
    [{ ...good, timeZone: 42 }, 'timeZone'],
    [{ ...good, weekly: [] }, 'weekly'],
    [{ ...good, weekly: { monday: [] } }, 'weekly.monday'],
    [{ ...good, weekly: { mon: { start: '09:00', end: '17:00' } } }, 'weekly.mon'],
    [{ ...good, weekly: { mon: ['09:00-17:00'] } }, 'weekly.mon[0]'],
    [{ ...good, weekly: { mon: [{ start: '9:00', end: '17:00' }] } }, 'weekly.mon[0].start'],
    [{ ...good, weekly: { mon: [{ start: '24:00', end: '24:00' }] } }, 'weekly.mon[0].start'],
    [{ ...good, weekly: { mon: [{ start: '09:00', end: '25:00' }] } }, 'weekly.mon[0].end'],
    [{ ...good, weekly: { mon: [{ start: '22:00', end: '02:00' }] } }, 'weekly.mon[0].end'],
    [{ ...good, weekly: { mon: [{ start: '09:00', end: '09:00' }] } }, 'weekly.mon[0].end'],
    [{ ...good, weekly: { tue: [{ start: '12:00', end: '17:00' }, { start: '09:00', end: '12:30' }] } }, 'weekly.tue[0]'],
    [{ ...good, holidays: '2026-12-25' }, 'holidays'],
    [{ ...good, holidays: ['2026-12-25', '2026-02-30'] }, 'holidays[1]'],
    [{ ...good, holidays: ['25/12/2026'] }, 'holidays[0]'],
  ])('rejects %j at field "%s"', (input, field) => {
    try {
      validateHours(input);
      expect.unreachable('should have thrown');
    } catch (err) {
      expect(err).toBeInstanceOf(HoursError);
      expect(err).toMatchObject({ code: 'HOURS_ERR_INVALID', field });
    }
  });

  it('knows real zones from made-up ones', () => {
    expect(isValidTimeZone('America/New_York')).toBe(true);
    expect(isValidTimeZone('UTC')).toBe(true);
    expect(isValidTimeZone('Nowhere/Special')).toBe(false);
    expect(isValidTimeZone('  ')).toBe(false);
  });
});
