import { BRIEF_PII_KINDS, maskPiiDeep } from '../privacy/mask-pii.js';

/**
 * Masks card numbers, card security data, IBANs and national ids in every string of a JSON
 * value. The brief builder masks as it goes, but strings reach the brief from many places
 * (reason details quote the customer, ticket summaries come from the provider); one pass at the
 * end makes "masked everywhere" (DESIGN §11) a property of the output rather than of each code
 * path. Emails and phones stay: the agent may need them, and channels mask them on the way out.
 */
export function maskStrings<T>(value: T): T {
  return maskPiiDeep(value, BRIEF_PII_KINDS);
}
