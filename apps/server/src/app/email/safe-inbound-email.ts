import { toSafeText } from '@baton/contracts';
import type { InboundEmail } from './ingest-inbound-email.js';

/**
 * An inbound mail with every string made storable (NULs removed, unpaired surrogates replaced by
 * U+FFFD). Mail is not refused for its characters, unlike API input: the sender is not there to
 * correct it, and an MTA or a provider would only retry the same bytes (docs/security-text.md).
 */
export function safeInboundEmail(mail: InboundEmail): InboundEmail {
  return {
    ...mail,
    from: { address: toSafeText(mail.from.address), name: mail.from.name === null ? null : toSafeText(mail.from.name) },
    subject: toSafeText(mail.subject),
    text: toSafeText(mail.text),
    messageId: mail.messageId === null ? null : toSafeText(mail.messageId),
    inReplyTo: mail.inReplyTo === null ? null : toSafeText(mail.inReplyTo),
    references: mail.references.map(toSafeText),
    ...(mail.to ? { to: mail.to.map(toSafeText) } : {}),
  };
}
