import { createHash } from 'node:crypto';
import { getConversation } from '../../adapters/db/repositories/conversations.repository.js';
import { findConversationByThread, insertThreadMessage } from '../../adapters/db/repositories/email.repository.js';
import { findConversationByReplyToken } from '../../adapters/db/repositories/conversations.repository.js';
import { addressOf } from '../../adapters/email/email-config.js';
import { stripQuotedReply } from '../../adapters/email/strip-quoted-reply.js';
import type { AppContext } from '../context.js';
import { postCustomerMessage } from '../post-customer-message.js';
import { startConversation } from '../start-conversation.js';
import { graphemePrefix } from '@baton/core';
import { replyTokenIn } from './reply-address.js';
import { safeInboundEmail } from './safe-inbound-email.js';

/** An inbound mail, from the SMTP listener or the webhook. Ids are without angle brackets. */
export interface InboundEmail {
  from: { address: string; name: string | null };
  subject: string;
  /** The body as text, quotes included (they are stripped here). */
  text: string;
  messageId: string | null;
  inReplyTo: string | null;
  references: string[];
  /** The To and Cc addresses; a reply address with a case's token (`reply+TOKEN@…`) joins that case. */
  to?: string[];
  /** An auto-reply or a bounce: ignored. */
  automatic?: boolean;
}

export interface IngestInboundEmailOptions {
  /** Our own From: mail from it is a loop, and ignored. */
  mailFrom?: string;
  /** The SMTP envelope's recipients (RCPT TO), which hold the reply address even when the headers do not. */
  recipients?: string[];
}

export type IngestInboundEmailResult =
  | { status: 'posted' | 'duplicate'; conversationId: string; caseNumber: string; messageId: string; matchedBy: 'thread' | 'reply_token' | 'new' }
  | { status: 'ignored'; reason: 'automatic' | 'no_sender' | 'own_address' | 'empty' };

const MAX_TEXT = 20_000;

/**
 * One inbound mail becomes one customer message (DESIGN §9, channels). It joins a conversation
 * only when sent to that case's reply address (`reply+TOKEN@…`, the Reply-To of every mail of
 * the case); a forged From with a case number in the subject starts a new, unverified case
 * instead of reading or writing someone else's. The quoted history is stripped. The Message-ID is the message's
 * clientMessageId, so a mail delivered twice (an MTA retry, a re-sent webhook) is stored once.
 */
export async function ingestInboundEmail(ctx: AppContext, received: InboundEmail, opts: IngestInboundEmailOptions = {}): Promise<IngestInboundEmailResult> {
  const mail = safeInboundEmail(received);
  const from = mail.from.address.trim().toLowerCase();
  if (!from) return { status: 'ignored', reason: 'no_sender' };
  if (mail.automatic) return { status: 'ignored', reason: 'automatic' };
  if (opts.mailFrom && from === addressOf(opts.mailFrom)) return { status: 'ignored', reason: 'own_address' };
  const text = graphemePrefix(stripQuotedReply(mail.text), MAX_TEXT);
  if (!text) return { status: 'ignored', reason: 'empty' };
  // Without a Message-ID, the content stands in for it, so a re-delivery is still recognised.
  const messageId = mail.messageId ?? `${createHash('sha256').update(`${from}\n${mail.subject}\n${mail.text}`).digest('hex').slice(0, 40)}@baton.generated`;

  let matchedBy: 'thread' | 'reply_token' | 'new' = 'thread';
  // The same mail delivered again (an MTA retry) is recognised by its own Message-ID.
  let conversationId = await findConversationByThread(ctx.db, [messageId]);
  if (!conversationId) {
    // Only the case's secret reply address joins a case: a From, a subject with a case number,
    // or thread headers can all be forged.
    const token = replyTokenIn([...(opts.recipients ?? []), ...(mail.to ?? [])]);
    const byToken = token ? await findConversationByReplyToken(ctx.db, token) : null;
    if (byToken) {
      conversationId = byToken.id;
      matchedBy = 'reply_token';
    }
  }
  if (!conversationId) {
    // Anything else starts a case of its own, unverified: the sender gets answers by mail, never account data.
    const { conversation } = await startConversation(ctx, { channel: 'email', customer: { email: from, ...(mail.from.name ? { name: mail.from.name } : {}) } });
    conversationId = conversation.id;
    matchedBy = 'new';
  }
  const recorded = await insertThreadMessage(ctx.db, { messageId, conversationId, direction: 'in', subject: mail.subject || null });
  // The same mail, delivered twice at once, raced to start two conversations: the first recorded wins.
  if (!recorded) conversationId = (await findConversationByThread(ctx.db, [messageId])) ?? conversationId;

  const r = await postCustomerMessage(ctx, conversationId, { text, clientMessageId: messageId });
  const conv = await getConversation(ctx.db, conversationId);
  ctx.log('info', r.duplicate ? 'inbound mail already stored' : 'inbound mail stored', { conversationId, matchedBy, messageId });
  return { status: r.duplicate ? 'duplicate' : 'posted', conversationId, caseNumber: conv?.caseNumber ?? '', messageId, matchedBy };
}
