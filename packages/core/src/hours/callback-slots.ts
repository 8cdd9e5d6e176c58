import type { BusinessHours } from './business-hours.js';
import { HoursError } from './hours-error.js';
import { openIntervals } from './open-intervals.js';

/** What the customer may book. */
export interface CallbackSlotOptions {
  /** Length of a callback; a slot must fit wholly inside an opening. */
  slotMinutes: number;
  /** How many slots to offer. */
  count: number;
  /** Notice the team needs: no slot starts sooner than this after `from`. Default 0. */
  leadMinutes?: number;
}

/** Slots are looked for this far ahead; a team closed for longer offers fewer (or none). */
export const CALLBACK_HORIZON_DAYS = 60;

/**
 * Start instants of the next bookable callback slots (DESIGN §5: "a callback at a time they
 * choose, within the team's hours"). Slots are laid from each opening's start (09:00, 09:30, …)
 * so the times read naturally, skip what is already past or too soon, and never run past
 * closing. Fewer than `count` come back only when the team is closed for most of 60 days.
 */
export function callbackSlots(h: BusinessHours, from: number, opts: CallbackSlotOptions): number[] {
  const { slotMinutes, count, leadMinutes = 0 } = opts;
  if (!Number.isFinite(slotMinutes) || slotMinutes <= 0) throw new HoursError('HOURS_ERR_INVALID', 'slotMinutes', 'expected a positive number of minutes');
  if (!Number.isInteger(count) || count < 0) throw new HoursError('HOURS_ERR_INVALID', 'count', 'expected a whole number, 0 or more');
  if (!Number.isFinite(leadMinutes) || leadMinutes < 0) throw new HoursError('HOURS_ERR_INVALID', 'leadMinutes', 'expected a finite number of minutes, 0 or more');
  const slot = slotMinutes * 60_000;
  const earliest = from + leadMinutes * 60_000;
  const out: number[] = [];
  if (count === 0) return out;
  for (const iv of openIntervals(h, from, CALLBACK_HORIZON_DAYS)) {
    const skip = Math.max(0, Math.ceil((earliest - iv.start) / slot));
    for (let start = iv.start + skip * slot; start + slot <= iv.end; start += slot) {
      out.push(start);
      if (out.length === count) return out;
    }
  }
  return out;
}
