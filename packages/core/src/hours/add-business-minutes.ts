import type { BusinessHours } from './business-hours.js';
import { HoursError } from './hours-error.js';
import { openIntervals } from './open-intervals.js';

/**
 * The instant by which `minutes` of open time have passed since `from`: SLA clocks stop while
 * the team is closed, so a 60-minute target set at 16:30 on Friday falls due at 09:30 on Monday.
 * Zero minutes gives `from` when open, else the next opening; a target that uses up an
 * opening exactly falls due at its close, not at the next opening.
 */
export function addBusinessMinutes(h: BusinessHours, from: number, minutes: number): number {
  if (!Number.isFinite(minutes) || minutes < 0) throw new HoursError('HOURS_ERR_INVALID', 'minutes', 'expected a finite number of minutes, 0 or more');
  let remaining = minutes * 60_000;
  for (const iv of openIntervals(h, from)) {
    const start = Math.max(iv.start, from);
    const available = iv.end - start;
    if (remaining <= available) return start + remaining;
    remaining -= available;
  }
  // openIntervals is unbounded: it either yields for ever or throws HOURS_ERR_NEVER_OPEN.
  throw new HoursError('HOURS_ERR_NEVER_OPEN', 'weekly', 'the schedule never opens');
}
