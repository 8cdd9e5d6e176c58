import type { BusinessHours } from './business-hours.js';
import { parseClock } from './clock.js';
import { HoursError } from './hours-error.js';
import { addDays, isoDate, weekdayOf, zonedParts, zonedToInstant } from './zoned-time.js';

/** A stretch of open time, [start, end) in epoch ms. */
export interface OpenInterval {
  start: number;
  end: number;
}

/** A schedule with no opening in this many local days is treated as never open. */
export const NEVER_OPEN_DAYS = 400;

/**
 * Every open interval, in time order, from the local day containing `from` onwards, skipping
 * those already over by `from` (the first may have started before `from`; callers clip).
 * Each day's ranges are converted through the zone separately, so 09:00 is 09:00 local on both
 * sides of a daylight-saving change; an interval swallowed by a spring-forward gap is dropped.
 * Throws HOURS_ERR_NEVER_OPEN rather than loop for ever on a schedule that never opens.
 */
export function* openIntervals(h: BusinessHours, from: number, maxDays = Number.POSITIVE_INFINITY): Generator<OpenInterval> {
  const first = zonedParts(from, h.timeZone);
  const holidays = new Set(h.holidays);
  let lastOpenDay = 0;
  for (let i = 0; i < maxDays; i++) {
    if (i - lastOpenDay > NEVER_OPEN_DAYS) throw new HoursError('HOURS_ERR_NEVER_OPEN', 'weekly', `no opening within ${NEVER_OPEN_DAYS} days`);
    const date = addDays(first, i);
    if (holidays.has(isoDate(date))) continue;
    const ranges = (h.weekly[weekdayOf(date)] ?? [])
      .map((r) => ({ start: parseClock(r.start), end: parseClock(r.end) }))
      .flatMap((r) => (r.start !== null && r.end !== null && r.end > r.start ? [{ start: r.start, end: r.end }] : []))
      .sort((a, b) => a.start - b.start);
    for (const r of mergeRanges(ranges)) {
      lastOpenDay = i;
      const start = zonedToInstant(date, r.start, h.timeZone);
      const end = zonedToInstant(date, r.end, h.timeZone);
      if (end > start && end > from) yield { start, end };
    }
  }
}

// Touching or overlapping ranges ('09:00–12:00', '12:00–17:00') are one opening: an SLA clock
// or a callback slot should run straight through them.
function mergeRanges(sorted: { start: number; end: number }[]): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && r.start <= last.end) last.end = Math.max(last.end, r.end);
    else out.push({ ...r });
  }
  return out;
}
