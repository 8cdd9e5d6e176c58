/**
 * An instant as the customer or agent should read it, with the zone named so nobody guesses:
 * "Mon 23 Nov, 09:00 (Europe/London)". The parts come from Intl in `locale` (names of days and
 * months are translated), laid out in this one order for every locale so templates can rely on
 * its shape.
 */
export function formatLocal(at: number, timeZone: string, locale = 'en-GB'): string {
  const parts = new Intl.DateTimeFormat(locale, {
    timeZone,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(at);
  const get = (type: Intl.DateTimeFormatPartTypes): string => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('weekday')} ${get('day')} ${get('month')}, ${get('hour')}:${get('minute')} (${timeZone})`;
}
