import { createHash, randomInt } from 'node:crypto';
import type { Locale } from '@baton/core';
import { pickLocale, renderCustomerMessage } from '@baton/core';
import { getConversation } from '../adapters/db/repositories/conversations.repository.js';
import { customerPhone, findCustomerByEmail } from '../adapters/db/repositories/customers.repository.js';
import { insertOutbox } from '../adapters/db/repositories/email.repository.js';
import { countCodesSince, insertVerificationCode, setClaimedEmail } from '../adapters/db/repositories/verification-codes.repository.js';
import type { SendResult } from '../adapters/notify/send-result.js';
import { sendSms } from '../adapters/notify/sms-sender.js';
import { DomainError } from '../errors.js';
import type { AppContext } from './context.js';
import { newMessageId, senderName } from './email/compose-email.js';
import { composeEmail } from './email/email-templates.js';

/** How long a code is good for, and how many tries it allows. */
export const CODE_MINUTES = 10;
export const CODE_TRIES = 5;
/** Codes per conversation and per address in an hour, and the least time between two for one conversation. */
export const CODES_PER_HOUR = 5;
const RESEND_GAP_MS = 30_000;

/** The stored form of a code: bound to its row, so one hash says nothing about another. */
export function hashCode(id: string, code: string): string {
  return createHash('sha256').update(`${id}:${code}`).digest('hex');
}

export type RequestCodeResult = { sent: true } | { sent: false; reason: 'limited' | 'verified' };

/**
 * Sends a six-digit code to the conversation's address (or to `email`, which then becomes the
 * address the customer claims), by mail and, when an SMS provider is configured and the address
 * belongs to an account with a phone, by SMS to that phone. The code goes whether or not the
 * address belongs to an account, and the caller's answer is the same either way, so asking
 * reveals nothing. The mail and the SMS are in the conversation's language (the mail from the
 * `verification_code` template, which admins may reword). Only the hash is stored; the mail is
 * sent by the `send-email` job, whose copy of the text is blanked once sent.
 *
 * Limits: CODES_PER_HOUR per conversation and per address, and one per 30 s per conversation.
 * A request over them throws `IDENTITY_ERR_CODE_LIMITED`, or with `quiet` returns `limited`
 * (the AI's own request, which must not fail the customer's message).
 */
export async function requestVerificationCode(ctx: AppContext, conversationId: string, opts: { email?: string; quiet?: boolean } = {}): Promise<RequestCodeResult> {
  const conv = await getConversation(ctx.db, conversationId);
  if (!conv) throw new DomainError('CONVERSATION_ERR_NOT_FOUND', `no conversation ${conversationId}`);
  // A verified address stays: a new one would only be a claim again.
  if (conv.emailVerified) return { sent: false, reason: 'verified' };
  const address = (opts.email ?? conv.customerEmail)?.trim().toLowerCase();
  if (!address) throw new DomainError('IDENTITY_ERR_NO_ADDRESS', 'this conversation has no email address yet; send one in `email`', 'email');
  const claimed = await findCustomerByEmail(ctx.db, address);
  const now = ctx.clock();
  const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
  const id = ctx.newId();

  const outboxId = await ctx.db.transaction().execute(async (tx) => {
    // Locks the conversation, so a double click cannot slip two codes past the limits.
    const current = await getConversation(tx, conv.id, { forUpdate: true });
    if (!current) throw new DomainError('CONVERSATION_ERR_NOT_FOUND', `no conversation ${conversationId}`);
    const counts = await countCodesSince(tx, { conversationId: conv.id, address, since: new Date(now.getTime() - 3_600_000) });
    if (counts.conversation >= CODES_PER_HOUR || counts.address >= CODES_PER_HOUR || (counts.lastAt && now.getTime() - counts.lastAt.getTime() < RESEND_GAP_MS)) return null;
    if (address !== current.customerEmail) await setClaimedEmail(tx, conv.id, address, claimed?.id ?? null);
    await insertVerificationCode(tx, { id, conversationId: conv.id, address, codeHash: hashCode(id, code), expiresAt: new Date(now.getTime() + CODE_MINUTES * 60_000), createdAt: now });
    const mailFrom = ctx.config.mailFrom;
    const mail = await composeEmail(tx, 'verification_code', current.language, { case: conv.caseNumber, brand: senderName(mailFrom), code, minutes: String(CODE_MINUTES) });
    const stored = await insertOutbox(tx, {
      id: ctx.newId(),
      conversationId: conv.id,
      sourceKey: `code:${id}`,
      kind: 'verification_code',
      rfcMessageId: newMessageId(ctx.newId(), mailFrom),
      toAddress: address,
      subject: mail.subject,
      body: mail.text,
      html: mail.html,
      inReplyTo: null,
      references: [],
      createdAt: now,
    });
    return stored?.id ?? '';
  });
  if (outboxId === null) {
    if (opts.quiet) return { sent: false, reason: 'limited' };
    throw new DomainError('IDENTITY_ERR_CODE_LIMITED', `at most ${CODES_PER_HOUR} codes an hour per conversation and per address, and one per 30 seconds`);
  }
  if (outboxId) await ctx.jobs.schedule('send-email', { outboxId }, now, `email:${outboxId}`);
  if (ctx.config.smsUrl && claimed) void sendCodeBySms(ctx, claimed.id, code, pickLocale(conv.language ?? undefined));
  ctx.log('info', 'verification code sent', { conversationId: conv.id });
  return { sent: true };
}

/** The SMS goes only to the phone already on the account, never to a number the customer typed. */
async function sendCodeBySms(ctx: AppContext, customerId: string, code: string, locale: Locale): Promise<void> {
  const phone = await customerPhone(ctx.db, customerId);
  if (!phone || !ctx.config.smsUrl) return;
  const url = new URL(ctx.config.smsUrl);
  url.searchParams.set('To', phone);
  const r = await sendSms(url.toString(), ctx.config.smsAuth, renderCustomerMessage({ kind: 'verification_sms', code, minutes: CODE_MINUTES }, locale), { outboundAllow: ctx.config.outboundAllow }).catch((err: Error): SendResult => ({ ok: false, status: null, error: err.message }));
  if (!r.ok) ctx.log('warn', 'verification code could not be sent by SMS; it went by email', { customerId, error: r.error });
}
