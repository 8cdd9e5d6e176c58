import { maskPii } from '../signals/entities.js';

/**
 * Masks card numbers in every string of a JSON value. The brief builder masks as it goes, but
 * strings reach the brief from many places (reason details quote the customer, ticket
 * summaries come from the provider); one pass at the end makes "masked everywhere" (DESIGN §11)
 * a property of the output rather than of each code path.
 */
export function maskStrings<T>(value: T): T {
  if (typeof value === 'string') return maskPii(value) as T;
  if (Array.isArray(value)) return value.map((v: unknown) => maskStrings(v)) as T;
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = maskStrings(v);
    return out as T;
  }
  return value;
}
