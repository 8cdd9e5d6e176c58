import { createHmac, timingSafeEqual } from 'node:crypto';
import { DomainError } from '../errors.js';

/** What the site may pass to vouch for its signed-in customer. */
export interface ClaimedCustomer {
  email?: string;
  externalId?: string;
  identifierHash?: string;
}

/** The identifier a site signs: its own id for the customer when it has one, else the email in lower case. */
export function signedIdentifier(c: ClaimedCustomer): { by: 'externalId' | 'email'; value: string } | null {
  if (c.externalId) return { by: 'externalId', value: c.externalId };
  if (c.email) return { by: 'email', value: c.email.trim().toLowerCase() };
  return null;
}

/** The hex HMAC-SHA256 the site computes on its server: `identifierHash`. */
export function identityHash(secret: string, identifier: string): string {
  return createHmac('sha256', secret).update(identifier, 'utf8').digest('hex');
}

/**
 * Checks the site's signature on a customer (identity verification as Intercom and Chatwoot do
 * it). Returns what was signed, or null when nothing was (no hash, or no secret configured: the
 * customer is then unverified). A hash that does not match is refused, so a site whose
 * integration is broken finds out at once, and a forged one gains nothing. Compared in constant
 * time.
 */
export function checkSignedIdentity(secret: string | null, c: ClaimedCustomer | undefined): { by: 'externalId' | 'email'; value: string } | null {
  if (!c?.identifierHash || !secret) return null;
  const id = signedIdentifier(c);
  if (!id) throw new DomainError('IDENTITY_ERR_HASH_INVALID', 'identifierHash needs the email or the externalId it signs', 'customer.identifierHash');
  const expected = Buffer.from(identityHash(secret, id.value), 'hex');
  const given = Buffer.from(c.identifierHash.toLowerCase(), 'hex');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    throw new DomainError('IDENTITY_ERR_HASH_INVALID', `identifierHash does not match the ${id.by === 'email' ? 'lower-cased email' : 'externalId'} under BATON_IDENTITY_SECRET`, 'customer.identifierHash');
  }
  return id;
}
