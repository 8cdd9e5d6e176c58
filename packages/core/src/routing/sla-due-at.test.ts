import { describe, expect, it } from 'vitest';
import type { BusinessHours } from '../hours/business-hours.js';
import { slaDueAt } from './sla-due-at.js';
import type { Team } from './team.js';

const utc = (y: number, mo: number, d: number, h = 0, mi = 0) => Date.UTC(y, mo - 1, d, h, mi);
const sla = { low: 240, medium: 60, high: 15, critical: 5 };
const nineToFive = [{ start: '09:00', end: '17:00' }];
const nyHours: BusinessHours = { timeZone: 'America/New_York', weekly: { mon: nineToFive, tue: nineToFive, wed: nineToFive, thu: nineToFive, fri: nineToFive }, holidays: [] };
const always: Team = { id: 'always', name: 'Always', skills: [], sla };
const office: Team = { ...always, id: 'office', hours: nyHours };

describe('slaDueAt', () => {
  it.each<[string, Team, keyof typeof sla, number, number]>([
    ['no hours: wall-clock minutes', always, 'high', utc(2026, 1, 10, 23, 50), utc(2026, 1, 11, 0, 5)],
    ['no hours: critical', always, 'critical', utc(2026, 1, 5, 12), utc(2026, 1, 5, 12, 5)],
    ['hours, open: same as wall clock', office, 'medium', utc(2026, 1, 5, 15), utc(2026, 1, 5, 16)],
    ['hours, Friday 16:30 EST + 60: Monday 09:30 EST', office, 'medium', utc(2026, 1, 9, 21, 30), utc(2026, 1, 12, 14, 30)],
    ['hours, Saturday: clock starts Monday', office, 'high', utc(2026, 1, 10, 15), utc(2026, 1, 12, 14, 15)],
    ['hours, low over a day boundary', office, 'low', utc(2026, 1, 5, 20), utc(2026, 1, 6, 16)], // 15:00 EST + 2h today, 2h tomorrow → 11:00 EST
    ['hours, across the spring change (Fri EST → Mon EDT)', office, 'medium', utc(2026, 3, 6, 21, 30), utc(2026, 3, 9, 13, 30)],
  ])('%s', (_name, team, priority, start, expected) => {
    expect(slaDueAt(team, priority, start)).toBe(expected);
  });
});
