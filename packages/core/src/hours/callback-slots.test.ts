import { describe, expect, it } from 'vitest';
import type { BusinessHours } from './business-hours.js';
import { callbackSlots } from './callback-slots.js';

const utc = (y: number, mo: number, d: number, h = 0, mi = 0) => Date.UTC(y, mo - 1, d, h, mi);
const h: BusinessHours = {
  timeZone: 'America/New_York',
  weekly: { mon: [{ start: '09:00', end: '12:00' }, { start: '13:00', end: '14:00' }], tue: [{ start: '09:00', end: '10:00' }] },
  holidays: [],
};

describe('callbackSlots', () => {
  it('lays slots from opening time and skips what is past', () => {
    // Monday 2 Nov 2026, 10:07 EST (15:07Z): the next half-hour slot is 10:30.
    expect(callbackSlots(h, utc(2026, 11, 2, 15, 7), { slotMinutes: 30, count: 3 })).toEqual([utc(2026, 11, 2, 15, 30), utc(2026, 11, 2, 16), utc(2026, 11, 2, 16, 30)]);
  });

  it('never lets a slot run past closing, and moves on to the next opening and day', () => {
    // From 11:40: 11:30–12:00 has started; next is 13:00, then Tuesday.
    const slots = callbackSlots(h, utc(2026, 11, 2, 16, 40), { slotMinutes: 45, count: 3 });
    expect(slots).toEqual([utc(2026, 11, 2, 18), utc(2026, 11, 3, 14), utc(2026, 11, 9, 14)]);
  });

  it('runs slots straight through touching ranges', () => {
    const split: BusinessHours = { timeZone: 'UTC', weekly: { mon: [{ start: '09:00', end: '10:00' }, { start: '10:00', end: '11:00' }] }, holidays: [] };
    // 45-minute slots: 09:00, 09:45 (crossing 10:00), 10:15 — not 09:00 then 10:00.
    expect(callbackSlots(split, utc(2026, 1, 5), { slotMinutes: 45, count: 2 })).toEqual([utc(2026, 1, 5, 9), utc(2026, 1, 5, 9, 45)]);
  });

  it('honours the lead time', () => {
    expect(callbackSlots(h, utc(2026, 11, 2, 14), { slotMinutes: 30, count: 1, leadMinutes: 90 })).toEqual([utc(2026, 11, 2, 15, 30)]);
    expect(callbackSlots(h, utc(2026, 11, 2, 14), { slotMinutes: 30, count: 1 })).toEqual([utc(2026, 11, 2, 14)]);
  });

  it('keeps slots on local time across the autumn change', () => {
    // Friday 30 Oct (EDT) after hours: Monday 2 Nov is EST, so 09:00 local is 14:00Z.
    expect(callbackSlots(h, utc(2026, 10, 30, 22), { slotMinutes: 60, count: 1 })).toEqual([utc(2026, 11, 2, 14)]);
  });

  it('returns fewer (or none) when the team barely opens in the horizon', () => {
    expect(callbackSlots({ timeZone: 'UTC', weekly: {}, holidays: [] }, 0, { slotMinutes: 30, count: 2 })).toEqual([]);
    // Two-hour slots fit only Monday mornings: nine Mondays in the 60-day horizon, not 100 slots.
    const long = callbackSlots(h, utc(2026, 11, 2, 14), { slotMinutes: 120, count: 100 });
    expect(long).toHaveLength(9);
    expect(long.slice(0, 2)).toEqual([utc(2026, 11, 2, 14), utc(2026, 11, 9, 14)]);
    expect(callbackSlots(h, utc(2026, 11, 2, 14), { slotMinutes: 30, count: 0 })).toEqual([]);
  });

  it.each([
    [{ slotMinutes: 0, count: 1 }, 'slotMinutes'],
    [{ slotMinutes: 30, count: 1.5 }, 'count'],
    [{ slotMinutes: 30, count: 1, leadMinutes: -5 }, 'leadMinutes'],
  ])('rejects %j', (opts, field) => {
    expect(() => callbackSlots(h, 0, opts)).toThrow(expect.objectContaining({ code: 'HOURS_ERR_INVALID', field }));
  });
});
