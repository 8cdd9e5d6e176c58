import { createHash } from 'node:crypto';
import { getConversation } from '../../adapters/db/repositories/conversations.repository.js';
import { findConversationByThread, insertThreadMessage } from '../../adapters/db/repositories/email.repository.js';
import { findConversationByCaseNumber } from '../../adapters/db/repositories/conversations.repository.js';
import { addressOf } from '../../adapters/email/email-config.js';
import { stripQuotedReply } from '../../adapters/email/strip-quoted-reply.js';
import type { AppContext } from '../context.js';
import { postCustomerMessage } from '../post-customer-message.js';
import { startConversation } from '../start-conversation.js';
import { CASE_NUMBER_IN_SUBJECT } from './compose-email.js';
import { graphemePrefix } from '@baton/core';
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
  /** An auto-reply or a bounce: ignored. */
  automatic?: boolean;
}

export interface IngestInboundEmailOptions {
  /** Our own From: mail from it is a loop, and ignored. */
  mailFrom?: string;
}

export type IngestInboundEmailResult =
  | { status: 'posted' | 'duplicate'; conversationId: string; caseNumber: string; messageId: string; matchedBy: 'thread' | 'case_number' | 'new' }
  | { status: 'ignored'; reason: 'automatic' | 'no_sender' | 'own_address' | 'empty' };

const MAX_TEXT = 20_000;

/**
 * One inbound mail becomes one customer message (DESIGN §9, channels). It joins its conversation
 * by the thread headers (In-Reply-To, References) or else by the case number in the subject
 * (only for the conversation's own address, so a guessed number reads nothing), or starts a new
 * email conversation. The quoted history is stripped. The Message-ID is the message's
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

  let matchedBy: 'thread' | 'case_number' | 'new' = 'thread';
  let conversationId = await findConversationByThread(ctx.db, [messageId]);
  conversationId ??= await findConversationByThread(ctx.db, [...(mail.inReplyTo ? [mail.inReplyTo] : []), ...[...mail.references].reverse()]);
  if (!conversationId) {
    const caseNumber = CASE_NUMBER_IN_SUBJECT.exec(mail.subject)?.[1];
    const byCase = caseNumber ? await findConversationByCaseNumber(ctx.db, caseNumber) : null;
    if (byCase && byCase.customerEmail?.toLowerCase() === from) {
      conversationId = byCase.id;
      matchedBy = 'case_number';
    }
  }
  if (!conversationId) {
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
