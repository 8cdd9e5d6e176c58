import { WEEKDAYS, type BusinessHours, type TimeRange, type Weekday } from './business-hours.js';
import { parseClock } from './clock.js';
import { HoursError } from './hours-error.js';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function invalid(field: string, message: string): HoursError {
  return new HoursError('HOURS_ERR_INVALID', field, message);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** True when the host's ICU knows the zone; `Intl` throws RangeError for unknown names. */
export function isValidTimeZone(timeZone: string): boolean {
  if (timeZone.trim() === '') return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}

function validateRanges(day: Weekday, value: unknown): TimeRange[] {
  if (!Array.isArray(value)) throw invalid(`weekly.${day}`, 'expected a list of {start, end}');
  const parsed = value.map((r: unknown, i) => {
    const field = `weekly.${day}[${i}]`;
    if (!isRecord(r)) throw invalid(field, 'expected {start, end}');
    const start = typeof r.start === 'string' ? parseClock(r.start) : null;
    const end = typeof r.end === 'string' ? parseClock(r.end) : null;
    if (start === null || start === 1440) throw invalid(`${field}.start`, "expected 'HH:MM' from 00:00 to 23:59");
    if (end === null) throw invalid(`${field}.end`, "expected 'HH:MM' from 00:01 to 24:00");
    if (end <= start) throw invalid(`${field}.end`, 'must be after start (overnight ranges are written as two days)');
    return { i, start, end, range: { start: r.start as string, end: r.end as string } };
  });
  const sorted = [...parsed].sort((a, b) => a.start - b.start);
  for (let k = 1; k < sorted.length; k++) {
    const prev = sorted[k - 1];
    const cur = sorted[k];
    if (prev && cur && cur.start < prev.end) throw invalid(`weekly.${day}[${cur.i}]`, `overlaps weekly.${day}[${prev.i}]`);
  }
  return parsed.map((p) => p.range);
}

function validDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/**
 * Checks hours that come from an admin or a config file and returns a clean copy. Core trusts
 * its types, so this is the one place an unknown zone, a '25:00' or a 30 February is caught;
 * it throws HoursError('HOURS_ERR_INVALID') naming the first bad field.
 */
export function validateHours(input: unknown): BusinessHours {
  if (!isRecord(input)) throw invalid('', 'expected {timeZone, weekly, holidays}');
  const { timeZone, weekly, holidays = [] } = input;
  if (typeof timeZone !== 'string' || !isValidTimeZone(timeZone)) throw invalid('timeZone', 'expected an IANA time zone such as Europe/London');
  if (!isRecord(weekly)) throw invalid('weekly', 'expected an object keyed by mon..sun');
  const out: BusinessHours = { timeZone, weekly: {}, holidays: [] };
  for (const key of Object.keys(weekly)) {
    if (!(WEEKDAYS as readonly string[]).includes(key)) throw invalid(`weekly.${key}`, 'expected one of mon, tue, wed, thu, fri, sat, sun');
    const day = key as Weekday;
    out.weekly[day] = validateRanges(day, weekly[day]);
  }
  if (!Array.isArray(holidays)) throw invalid('holidays', "expected a list of 'YYYY-MM-DD'");
  holidays.forEach((h: unknown, i) => {
    if (typeof h !== 'string' || !validDate(h)) throw invalid(`holidays[${i}]`, "expected a real date as 'YYYY-MM-DD'");
    out.holidays.push(h);
  });
  return out;
}
