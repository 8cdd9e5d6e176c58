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
import { DomainError } from '../../errors.js';
import { uploadAttachment } from '../attachments/upload-attachment.js';
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
  /** Files the mail carries: pictures and PDFs are kept with the message, anything else is left out (and logged). */
  attachments?: { name: string | null; bytes: Buffer }[];
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
/** The most files kept from one mail, as in one message of the API. */
const MAX_FILES = 10;

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
  if (!text && !mail.attachments?.length) return { status: 'ignored', reason: 'empty' };
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
  const recorded = await insertThreadMessage(ctx.db, { messageId, conversationId, direction: 'in', subject: mail.subject || null, at: ctx.clock() });
  // The same mail, delivered twice at once, raced to start two conversations: the first recorded wins.
  if (!recorded) conversationId = (await findConversationByThread(ctx.db, [messageId])) ?? conversationId;

  const attachmentIds = await keepAttachments(ctx, conversationId, messageId, mail.attachments ?? []);
  if (!text && !attachmentIds.length) return { status: 'ignored', reason: 'empty' };
  const r = await postCustomerMessage(ctx, conversationId, { text, clientMessageId: messageId, ...(attachmentIds.length ? { attachmentIds } : {}) });
  const conv = await getConversation(ctx.db, conversationId);
  ctx.log('info', r.duplicate ? 'inbound mail already stored' : 'inbound mail stored', { conversationId, matchedBy, messageId });
  return { status: r.duplicate ? 'duplicate' : 'posted', conversationId, caseNumber: conv?.caseNumber ?? '', messageId, matchedBy };
}

/**
 * Stores a mail's files through the attachment store, as the customer's. Each gets a key made
 * from the mail's Message-ID and its place in the mail, so a mail delivered twice stores them once.
 * A file that is not a picture or a PDF, or too large, is left out: the mail itself is still taken.
 */
async function keepAttachments(ctx: AppContext, conversationId: string, messageId: string, files: { name: string | null; bytes: Buffer }[]): Promise<string[]> {
  const mailKey = createHash('sha256').update(messageId).digest('hex').slice(0, 32);
  const ids: string[] = [];
  for (const [i, file] of files.entries()) {
    if (ids.length >= MAX_FILES) {
      ctx.log('info', 'inbound mail has more files than one message keeps; the rest were left out', { conversationId, messageId, kept: MAX_FILES, files: files.length });
      break;
    }
    try {
      const r = await uploadAttachment(ctx, conversationId, { kind: 'customer' }, { bytes: file.bytes, ...(file.name ? { name: file.name } : {}), clientAttachmentId: `mail-${mailKey}-${i}` }, { skipAllowance: true });
      ids.push(r.attachment.id);
    } catch (err) {
      if (!(err instanceof DomainError) || err.code === 'ATTACHMENT_ERR_STORAGE') throw err;
      ctx.log('info', 'a file of an inbound mail was left out', { conversationId, messageId, name: file.name, reason: err.code });
    }
  }
  return ids;
}
