import { addressOf } from '../../adapters/email/email-config.js';

/**
 * The case's own reply address: the sender's address with `+TOKEN` in its local part
 * (`support+3f9a…@northwind.example`). It rides in the Reply-To of every mail of the case, and
 * inbound mail joins a case only through it: a From or a subject can be forged, the token cannot
 * be guessed.
 */
export function replyAddress(mailFrom: string, replyToken: string): string {
  const [local, domain] = addressOf(mailFrom).split('@');
  return `${(local ?? 'support').split('+')[0]}+${replyToken}@${domain ?? 'baton.localhost'}`;
}

const TOKEN_IN_ADDRESS = /^[^@\s+]+\+([0-9a-f]{32})@/i;

/** The reply token in the first recipient that carries one, or null. */
export function replyTokenIn(recipients: readonly string[]): string | null {
  for (const r of recipients) {
    const m = TOKEN_IN_ADDRESS.exec(addressOf(r));
    if (m) return m[1]!.toLowerCase();
  }
  return null;
}
