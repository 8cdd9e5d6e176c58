import type { BusinessHours } from './business-hours.js';
import { openIntervals } from './open-intervals.js';

/** How far ahead `nextOpening` looks: two weeks covers any holiday season worth promising. */
export const NEXT_OPENING_HORIZON_DAYS = 14;

/**
 * The first instant at or after `from` when the team is open: `from` itself when open now.
 * The customer is told this time, so a schedule that does not open within 14 days gives null
 * (offer an email follow-up) instead of a date too far off to be a promise.
 */
export function nextOpening(h: BusinessHours, from: number): number | null {
  const horizon = from + NEXT_OPENING_HORIZON_DAYS * 86_400_000;
  for (const iv of openIntervals(h, from, NEXT_OPENING_HORIZON_DAYS + 1)) {
    const start = Math.max(iv.start, from);
    return start <= horizon ? start : null;
  }
  return null;
}
