import { z } from 'zod';
import { listCustomerAttachmentsOf } from '../adapters/db/repositories/attachments.repository.js';
import { getConversation } from '../adapters/db/repositories/conversations.repository.js';
import { getOutbox, markOutboxSent, recordOutboxFailure, redactOutboxBody } from '../adapters/db/repositories/email.repository.js';
import { replyAddress } from '../app/email/reply-address.js';
import type { MailTransport } from '../adapters/email/mail-transport.js';
import type { AppContext } from '../app/context.js';

const ZData = z.object({ outboxId: z.string().min(1) });

/**
 * Sends one mail from the outbox. A mail already sent (a repeated job) is left alone; a failure
 * is counted and thrown, so the queue retries it, until `maxAttempts`, when the mail is marked
 * failed. The Message-ID is fixed when the mail is queued, so a crash between sending and
 * recording can at worst send one duplicate that mail clients fold into the thread.
 */
export function sendEmailJob(transport: MailTransport, o: { mailFrom: string; maxAttempts?: number }) {
  const maxAttempts = o.maxAttempts ?? 5;
  return async (ctx: AppContext, raw: unknown): Promise<void> => {
    const { outboxId } = ZData.parse(raw);
    const mail = await getOutbox(ctx.db, outboxId);
    if (!mail || mail.status !== 'pending') return;
    try {
      const conv = await getConversation(ctx.db, mail.conversationId);
      const replyTo = conv?.replyToken ? replyAddress(o.mailFrom, conv.replyToken) : null;
      const attachments = await filesOf(ctx, mail.sourceKey);
      await transport.send({ from: o.mailFrom, to: mail.toAddress, subject: mail.subject, text: mail.body, html: mail.html, ...(attachments.length ? { attachments } : {}), messageId: mail.rfcMessageId, inReplyTo: mail.inReplyTo, references: mail.references, replyTo });
    } catch (err) {
      const final = mail.attempts + 1 >= maxAttempts;
      await recordOutboxFailure(ctx.db, mail.id, (err as Error).message, final);
      ctx.log(final ? 'error' : 'warn', final ? 'mail could not be sent; giving up' : 'mail could not be sent; it will be retried', { outboxId, to: mail.toAddress, error: (err as Error).message });
      if (final) return;
      throw err;
    }
    await markOutboxSent(ctx.db, mail.id, ctx.clock());
    // A one-time code is kept only as a hash: the sent mail's copy of it goes.
    if (mail.kind === 'verification_code') await redactOutboxBody(ctx.db, mail.id, '[the verification code was removed once sent]');
  };
}

/** What one mail may carry in files; the rest stay in the conversation, where the customer can ask for them. */
const MAX_MAIL_FILE_BYTES = 20 * 1024 * 1024;

/** The files of the message a mail carries (`message:<id>`), read from the attachment store. */
async function filesOf(ctx: AppContext, sourceKey: string): Promise<{ filename: string; contentType: string; content: Buffer }[]> {
  if (!sourceKey.startsWith('message:')) return [];
  const out: { filename: string; contentType: string; content: Buffer }[] = [];
  let total = 0;
  for (const a of await listCustomerAttachmentsOf(ctx.db, sourceKey.slice('message:'.length))) {
    if (total + a.size > MAX_MAIL_FILE_BYTES) {
      ctx.log('warn', 'a file was left out of a mail that would have been too large', { attachmentId: a.id, size: a.size });
      continue;
    }
    const content = await ctx.attachments.get(a.storageKey);
    if (!content) throw new Error(`the bytes of attachment ${a.id} are missing from the ${a.storage} store`);
    out.push({ filename: a.name, contentType: a.contentType, content });
    total += a.size;
  }
  return out;
}
