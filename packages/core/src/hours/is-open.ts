import type { BusinessHours } from './business-hours.js';
import { openIntervals } from './open-intervals.js';

/**
 * Whether a human is expected at `at`: decides between queueing a handoff and offering a
 * callback (DESIGN §5). Opening instants are inclusive, closing instants exclusive.
 */
export function isOpen(h: BusinessHours, at: number): boolean {
  // Ranges never cross midnight, so only the local day of `at` can contain it.
  for (const iv of openIntervals(h, at, 1)) if (iv.start <= at && at < iv.end) return true;
  return false;
}
