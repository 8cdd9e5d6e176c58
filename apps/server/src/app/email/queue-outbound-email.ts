import { ZMessageSchema } from '@baton/contracts';
import type { Sql } from '../../adapters/db/database.js';
import type { ConversationRecord } from '../../adapters/db/repositories/conversations.repository.js';
import { getConversation } from '../../adapters/db/repositories/conversations.repository.js';
import type { EventRecord } from '../../adapters/db/repositories/events.repository.js';
import { getHandoff, latestHandoffFor } from '../../adapters/db/repositories/handoffs.repository.js';
import type { OutboxRecord } from '../../adapters/db/repositories/email.repository.js';
import { getThread, insertOutbox, insertThreadMessage, lastOutboxAt } from '../../adapters/db/repositories/email.repository.js';
import type { AppContext } from '../context.js';
import { EMAIL_QUEUE_UPDATE_MINUTES, baseSubject, newContinueLink, newMessageId, senderName } from './compose-email.js';
import { composeEmail } from './email-templates.js';
import { maskForChannel } from '../privacy/mask-for-channel.js';

/** The part of a `message.created` payload (the wire message, `ZMessageSchema`) this listener reads. */
const ZEventMessage = ZMessageSchema.pick({ id: true, author: true, text: true, private: true, action: true });

/** The References header keeps the thread's latest ids; mail clients need no more to thread. */
const MAX_REFERENCES = 20;

/**
 * A message the customer should see, in a conversation that started by email, becomes a mail in
 * the outbox, threaded under the conversation's latest mail: the AI's answers and its handoff
 * notice, the system's notices, and the agents' replies. Private notes and the customer's own
 * messages never go; queue updates go at most every EMAIL_QUEUE_UPDATE_MINUTES. Runs in the
 * listener's transaction: a re-run finds the mail already there (one per message).
 */
export async function queueMessageEmail(ctx: AppContext, tx: Sql, event: EventRecord<'message.created'>, o: { mailFrom: string }): Promise<OutboxRecord | null> {
  const parsed = ZEventMessage.safeParse(event.payload.message);
  if (!parsed.success || !event.conversationId) return null;
  const m = parsed.data;
  if (m.author.kind === 'customer' || m.private) return null;
  const conv = await getConversation(tx, event.conversationId);
  if (!conv || conv.channel !== 'email' || !conv.customerEmail) return null;

  const now = ctx.clock();
  const kind = m.action === 'queue_update' ? 'queue_update' : m.action === 'escalate' ? 'escalate' : 'message';
  if (kind === 'queue_update') {
    const last = await lastOutboxAt(tx, conv.id, ['queue_update', 'escalate']);
    if (last && now.getTime() - last.getTime() < EMAIL_QUEUE_UPDATE_MINUTES * 60_000) return null;
  }
  const summary = kind === 'escalate' ? ((await latestHandoffFor(tx, conv.id))?.brief.intent.summary.trim() ?? '') : '';
  const thread = await getThread(tx, conv.id);
  // The customer's own view masks card data: the words are masked before they go into the template.
  const mail = await composeEmail(tx, 'message', conv.language, {
    ...customerValues(ctx, conv, o.mailFrom),
    subject: baseSubject(thread.subject),
    message: maskForChannel(ctx.config, 'customer', m.text.trim()),
    agent: m.author.kind === 'agent' ? (m.author.name ?? '') : '',
    ai: m.author.kind === 'ai',
    summary: maskForChannel(ctx.config, 'customer', summary),
    link: kind === 'escalate' ? newContinueLink(ctx, conv) : '',
  });
  const rfcMessageId = newMessageId(ctx.newId(), o.mailFrom);
  const stored = await insertOutbox(tx, {
    id: ctx.newId(),
    conversationId: conv.id,
    sourceKey: `message:${m.id}`,
    kind,
    rfcMessageId,
    toAddress: conv.customerEmail,
    subject: mail.subject,
    body: mail.text,
    html: mail.html,
    inReplyTo: thread.messageIds.at(-1) ?? null,
    references: thread.messageIds.slice(-MAX_REFERENCES),
    createdAt: now,
  });
  if (stored) await insertThreadMessage(tx, { messageId: rfcMessageId, conversationId: conv.id, direction: 'out', subject: null, at: now });
  return stored;
}

/**
 * At handoff, a customer of the widget whose address is verified gets a confirmation by mail
 * (DESIGN §6): the case number, the brief's one-line summary of what they want, and a link to
 * continue. Email conversations get the same in their handoff notice instead. One per handoff.
 */
export async function queueHandoffConfirmation(ctx: AppContext, tx: Sql, event: EventRecord<'handoff.requested'>, o: { mailFrom: string }): Promise<OutboxRecord | null> {
  if (!event.conversationId || !event.handoffId) return null;
  const conv = await getConversation(tx, event.conversationId);
  // Only to an address the customer proved (a code) or the site signed: never to a mere claim,
  // which would greet an account holder with an impostor's name.
  if (!conv || conv.channel === 'email' || !conv.customerEmail || !conv.emailVerified) return null;
  const handoff = await getHandoff(tx, event.handoffId);
  if (!handoff) return null;
  const mail = await composeEmail(tx, 'handoff_confirmation', conv.language, {
    ...customerValues(ctx, conv, o.mailFrom),
    team: event.payload.handoff.team?.replace(/[\s-]+team$/i, '') ?? '',
    summary: maskForChannel(ctx.config, 'customer', handoff.brief.intent.summary.trim()),
    link: newContinueLink(ctx, conv),
  });
  const rfcMessageId = newMessageId(ctx.newId(), o.mailFrom);
  const stored = await insertOutbox(tx, {
    id: ctx.newId(),
    conversationId: conv.id,
    sourceKey: `handoff:${handoff.id}`,
    kind: 'handoff_confirmation',
    rfcMessageId,
    toAddress: conv.customerEmail,
    subject: mail.subject,
    body: mail.text,
    html: mail.html,
    inReplyTo: null,
    references: [],
    createdAt: ctx.clock(),
  });
  // A reply to the confirmation joins the conversation (by this id, or by the case number).
  if (stored) await insertThreadMessage(tx, { messageId: rfcMessageId, conversationId: conv.id, direction: 'out', subject: mail.subject, at: ctx.clock() });
  return stored;
}

/** The values every customer mail has: the case number, the business's name, the customer's name. */
function customerValues(ctx: AppContext, conv: ConversationRecord, mailFrom: string) {
  const name = conv.customerName?.trim() ?? '';
  return { case: conv.caseNumber, brand: senderName(mailFrom), 'customer.name': name, 'customer.firstName': name.split(/\s+/)[0] ?? '' };
}
