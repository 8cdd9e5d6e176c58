const CLOCK = /^(?:([01]\d|2[0-3]):([0-5]\d)|(24):(00))$/;

/**
 * Minutes since local midnight for an 'HH:MM' string, or null when it is not one. '24:00' is
 * accepted (1440) so a range can run to the end of the day without an off-by-one '23:59'.
 */
export function parseClock(value: string): number | null {
  const m = CLOCK.exec(value);
  if (!m) return null;
  const hours = Number(m[1] ?? m[3]);
  const minutes = Number(m[2] ?? m[4]);
  return hours * 60 + minutes;
}
