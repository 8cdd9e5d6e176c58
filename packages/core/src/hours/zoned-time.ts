/**
 * Wall time in an IANA zone, computed with `Intl.DateTimeFormat` only (no dependency, no host
 * zone). Converting an instant to wall time is exact; the reverse is not a function near
 * daylight-saving changes, so `zonedToInstant` follows Temporal's 'compatible' rule: a wall time
 * that never happened (the spring-forward gap) moves forward by the gap, and one that happened
 * twice (the autumn overlap) takes the earlier instant.
 */
import { WEEKDAYS, type Weekday } from './business-hours.js';

/** A calendar date in some zone's local time. */
export interface LocalDate {
  year: number;
  /** 1..12 */
  month: number;
  /** 1..31 */
  day: number;
}

/** Wall-clock reading of an instant in a zone. */
export interface ZonedParts extends LocalDate {
  hour: number;
  minute: number;
  second: number;
  weekday: Weekday;
}

const MINUTE = 60_000;
const DAY = 86_400_000;

// One formatter per zone: constructing them is the expensive part of the conversion.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Reads the wall clock of `at` in `timeZone`. Throws RangeError for an unknown zone. */
export function zonedParts(at: number, timeZone: string): ZonedParts {
  const fields: Record<string, number> = {};
  for (const p of formatterFor(timeZone).formatToParts(at)) {
    if (p.type !== 'literal') fields[p.type] = Number(p.value);
  }
  const date = { year: fields.year ?? 0, month: fields.month ?? 1, day: fields.day ?? 1 };
  return { ...date, hour: fields.hour ?? 0, minute: fields.minute ?? 0, second: fields.second ?? 0, weekday: weekdayOf(date) };
}

/** The zone's offset from UTC at `at`, in ms (positive east of Greenwich). */
export function offsetAt(at: number, timeZone: string): number {
  const p = zonedParts(at, timeZone);
  const wall = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return wall - Math.floor(at / 1000) * 1000;
}

/**
 * The instant at which the zone's clocks read `minuteOfDay` (0..1440) on `date`.
 * 1440 means the following midnight, so a range may end at '24:00'.
 */
export function zonedToInstant(date: LocalDate, minuteOfDay: number, timeZone: string): number {
  const wall = Date.UTC(date.year, date.month - 1, date.day) + minuteOfDay * MINUTE;
  // Any transition near this wall time lies within a day of it; the offsets a day either side
  // are the only candidates (no zone changes offset twice in two days).
  const before = offsetAt(wall - DAY, timeZone);
  const after = offsetAt(wall + DAY, timeZone);
  const valid = [before, after].map((o) => wall - o).filter((t) => wall - offsetAt(t, timeZone) === t);
  // Overlap: both readings exist, take the earlier. Unique: the one that round-trips.
  if (valid.length > 0) return Math.min(...valid);
  // Gap: the clocks skipped this wall time; read it with the offset in force before the jump,
  // which lands the same distance past the jump.
  return wall - before;
}

/** The day of the week of a calendar date. */
export function weekdayOf(date: LocalDate): Weekday {
  return WEEKDAYS[new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay()] ?? 'sun';
}

/** The calendar date `days` after `date` (negative goes back). */
export function addDays(date: LocalDate, days: number): LocalDate {
  const d = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** 'YYYY-MM-DD', the form holidays are written in. */
export function isoDate(date: LocalDate): string {
  return `${String(date.year).padStart(4, '0')}-${String(date.month).padStart(2, '0')}-${String(date.day).padStart(2, '0')}`;
}
