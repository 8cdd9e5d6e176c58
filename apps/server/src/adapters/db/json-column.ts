import { toSafeText } from '@baton/contracts';

/**
 * A value serialised for a `jsonb` column. PostgreSQL refuses `\u0000` and an unpaired surrogate
 * escape in `jsonb`, and one refused row used to stop a listener for good; the edges refuse or
 * clean such text already, so this is the last line: any string that still carries one is stored
 * with the NUL removed and the surrogate replaced by U+FFFD, rather than failing the transaction.
 */
export function jsonColumn(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => (typeof v === 'string' ? toSafeText(v) : v));
}
