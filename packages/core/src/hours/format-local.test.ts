import { describe, expect, it } from 'vitest';
import { formatLocal } from './format-local.js';

const utc = (y: number, mo: number, d: number, h = 0, mi = 0) => Date.UTC(y, mo - 1, d, h, mi);

describe('formatLocal', () => {
  it.each([
    [utc(2026, 11, 23, 9), 'Europe/London', 'Mon 23 Nov, 09:00 (Europe/London)'],
    [utc(2026, 11, 23, 0), 'Asia/Tokyo', 'Mon 23 Nov, 09:00 (Asia/Tokyo)'],
    [utc(2026, 11, 23, 0), 'America/New_York', 'Sun 22 Nov, 19:00 (America/New_York)'],
    [utc(2026, 3, 29, 8), 'Europe/London', 'Sun 29 Mar, 09:00 (Europe/London)'],
    [utc(2026, 1, 1, 0, 5), 'UTC', 'Thu 1 Jan, 00:05 (UTC)'],
  ])('%s in %s', (at, zone, expected) => {
    expect(formatLocal(at, zone)).toBe(expected);
  });

  it('translates names for another locale but keeps the layout', () => {
    expect(formatLocal(utc(2026, 11, 23, 9), 'Europe/London', 'fr-FR')).toMatch(/^lun\.? 23 nov\.?, 09:00 \(Europe\/London\)$/);
  });
});
