import { interpolate } from './interpolate.js';
import type { MessageTable } from './message-table.js';

/**
 * A wait an hour or longer is rounded to 5 minutes: "about 1 hour 23 minutes" promises a
 * precision the estimate does not have.
 */
const LONG_WAIT_STEP = 5;

/**
 * The customer's expected wait in words (DESIGN §6 "a specific expectation"): under a minute,
 * "about N minutes", or hours and minutes from 60 on. An estimate that is not a number (the
 * queue model had no data) reads as under a minute rather than as "NaN minutes"; callers that
 * cannot estimate at all should offer a callback instead.
 */
export function formatWait(minutes: number, t: MessageTable): string {
  if (!Number.isFinite(minutes) || minutes < 1) return t.wait_less_than_minute;
  const unit = (n: number, one: string, other: string) => interpolate(n === 1 ? one : other, { n });
  let rounded = Math.round(minutes);
  if (rounded < 60) return interpolate(t.wait_about, { duration: unit(rounded, t.unit_minute_one, t.unit_minute_other) });
  rounded = Math.round(minutes / LONG_WAIT_STEP) * LONG_WAIT_STEP;
  const h = Math.floor(rounded / 60);
  const m = rounded % 60;
  const hours = unit(h, t.unit_hour_one, t.unit_hour_other);
  const duration = m === 0 ? hours : interpolate(t.duration_join, { hours, minutes: unit(m, t.unit_minute_one, t.unit_minute_other) });
  return interpolate(t.wait_about, { duration });
}
