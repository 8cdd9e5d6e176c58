/**
 * Date helpers for the brief. Core has no clock, so "now" is always an argument; provider dates
 * arrive as ISO strings of uncertain quality, so parsing never throws.
 */

/** One day in milliseconds. */
export const DAY_MS = 86_400_000;

/** Epoch ms of an ISO date string, or undefined when it is missing or unparseable. */
export function parseTime(value: string | undefined): number | undefined {
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  const t = Date.parse(value);
  return Number.isFinite(t) ? t : undefined;
}

/** Whole days from `from` to `to` (negative when `from` is later). */
export function daysBetween(from: number, to: number): number {
  return Math.floor((to - from) / DAY_MS);
}

/** ISO 8601 of an epoch-ms time, or undefined when it is not a valid time. */
export function isoOf(ms: number | undefined): string | undefined {
  if (typeof ms !== 'number' || !Number.isFinite(ms)) return undefined;
  const d = new Date(ms);
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
}

function formatter(timeZone: string, withYear: boolean): Intl.DateTimeFormat {
  const opts: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'long', timeZone };
  if (withYear) opts.year = 'numeric';
  try {
    return new Intl.DateTimeFormat('en-GB', opts);
  } catch {
    return new Intl.DateTimeFormat('en-GB', { ...opts, timeZone: 'UTC' });
  }
}

/**
 * "18 October", as an agent would say it to the customer; the year is added only when it is
 * not the current one. The time zone is the business's, so a late-evening dispatch is not
 * told as the next day; an unknown zone falls back to UTC rather than failing the brief.
 */
export function formatDay(ms: number, now: number, timeZone = 'UTC'): string {
  const year = (t: number) => formatter(timeZone, true).formatToParts(t).find((p) => p.type === 'year')?.value;
  return formatter(timeZone, year(ms) !== year(now)).format(ms);
}

/** Whole calendar months from `from` to `to`, in UTC; tenure needs no finer grain. */
export function monthsBetween(from: number, to: number): number {
  const a = new Date(from);
  const b = new Date(to);
  let months = (b.getUTCFullYear() - a.getUTCFullYear()) * 12 + (b.getUTCMonth() - a.getUTCMonth());
  if (b.getUTCDate() < a.getUTCDate()) months--;
  return Math.max(0, months);
}
