/**
 * Business hours of a team (DESIGN §5): when a human can be expected to answer. The schedule is
 * in the team's local wall time so that "09:00–17:00" stays 09:00–17:00 across daylight saving;
 * every function converts to instants only at the edge, through the IANA zone.
 */

/** Days of the week as schedule keys, Sunday first to match `Date.prototype.getUTCDay()`. */
export const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
/** A schedule key. */
export type Weekday = (typeof WEEKDAYS)[number];

/**
 * One opening on one day, in local wall time. `end` may be '24:00' for "until midnight".
 * Overnight ranges are not supported: a late shift is written as two ranges on two days.
 */
export interface TimeRange {
  /** 'HH:MM', 24-hour clock, inclusive. */
  start: string;
  /** 'HH:MM', 24-hour clock, exclusive; after `start`. */
  end: string;
}

/** A team's hours. Validate untrusted input with `validateHours` before use. */
export interface BusinessHours {
  /** IANA zone, e.g. 'Europe/London'; the schedule and holidays are read in this zone. */
  timeZone: string;
  /** Openings per weekday; a missing or empty day is closed. */
  weekly: Partial<Record<Weekday, TimeRange[]>>;
  /** Local dates ('YYYY-MM-DD') closed all day, whatever the weekly schedule says. */
  holidays: string[];
}
