import { createHmac, timingSafeEqual } from 'node:crypto';

/** The header Meta signs every webhook delivery with: `sha256=<hex HMAC-SHA256 of the raw body, keyed with the app secret>`. */
export const META_SIGNATURE_HEADER = 'x-hub-signature-256';

/**
 * Checks a delivery's signature on the very bytes received (re-serialised JSON would differ in
 * spacing and escapes), in constant time. `missing` and `invalid` are both refused; they are told
 * apart only so the log and the error say which.
 */
export function checkMetaSignature(rawBody: Buffer, header: string | undefined, appSecret: string): 'ok' | 'missing' | 'invalid' {
  if (!header) return 'missing';
  const m = /^sha256=([0-9a-f]{64})$/i.exec(header.trim());
  if (!m) return 'invalid';
  const expected = createHmac('sha256', appSecret).update(rawBody).digest();
  return timingSafeEqual(expected, Buffer.from(m[1]!, 'hex')) ? 'ok' : 'invalid';
}

/** The signature Meta would send for a body (tests, and the docs' example). */
export function metaSignature(rawBody: Buffer | string, appSecret: string): string {
  return `sha256=${createHmac('sha256', appSecret).update(rawBody).digest('hex')}`;
}
