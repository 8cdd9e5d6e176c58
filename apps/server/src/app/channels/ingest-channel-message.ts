import { findMessageByClientId, insertMessage } from '../../adapters/db/repositories/conversations.repository.js';
import type { ChannelContactRecord } from '../../adapters/db/repositories/channels.repository.js';
import { findChannelContact, insertChannelContact, listChannelOutbox, noteChannelInbound, setThreadOwner, updateChannelOutbox } from '../../adapters/db/repositories/channels.repository.js';
import { setMessageDelivery } from '../../adapters/db/repositories/channels.repository.js';
import type { AppContext } from '../context.js';
import { postCustomerMessage } from '../post-customer-message.js';
import { startConversation } from '../start-conversation.js';
import { wireMessage } from '../wire.js';
import { withEvents } from '../with-events.js';
import type { InboundChannelMessage } from './channel-port.js';
import { BATON_OWNS_THREAD } from './channel-runtime.js';

/** The longest message stored from a messaging app (WhatsApp allows 4,096 characters; Messenger 2,000). */
const MAX_TEXT = 20_000;

/**
 * One message from a messaging app becomes one customer message. The customer is known by their
 * ids on the channel (WhatsApp's `wa_id` and business-scoped user id, Messenger's page-scoped id),
 * never by a phone number matched to an account: the conversation stays unverified, and the
 * customer proves who they are before the AI or an agent shows account data. The provider's
 * message id is the clientMessageId, so a replayed delivery is stored once. The customer writing
 * opens the 24-hour window again, and agents' replies held while it was closed go now.
 */
export async function ingestChannelMessage(ctx: AppContext, m: InboundChannelMessage, o: { standby: boolean }): Promise<{ conversationId: string; duplicate: boolean; answered: boolean }> {
  const contact = await contactFor(ctx, m);
  await ctx.db.transaction().execute((tx) => noteChannelInbound(tx, contact.id, { at: m.at, contactId: m.contact.contactId, userId: m.contact.userId, displayName: m.contact.name }));
  // Another app holds the thread (a person in the Page Inbox): the message is kept, the AI stays quiet.
  const answered = !o.standby && (contact.threadOwner === null || contact.threadOwner === BATON_OWNS_THREAD);
  const r = await postCustomerMessage(ctx, contact.conversationId, { text: m.text.slice(0, MAX_TEXT), clientMessageId: `${m.channel}:${m.providerMessageId}` }, { respond: answered });
  if (!r.duplicate) await releaseHeld(ctx, contact.conversationId);
  ctx.log('info', r.duplicate ? `${m.channel} message already stored` : `${m.channel} message stored`, { conversationId: contact.conversationId, providerMessageId: m.providerMessageId });
  return { conversationId: contact.conversationId, duplicate: r.duplicate, answered };
}

/** The customer's contact on the channel, with a conversation of their own from their first message. */
async function contactFor(ctx: AppContext, m: InboundChannelMessage): Promise<ChannelContactRecord> {
  const known = await findChannelContact(ctx.db, m.channel, m.contact);
  if (known) return known;
  const { conversation } = await startConversation(ctx, { channel: m.channel, ...(m.contact.name ? { customer: { name: m.contact.name } } : {}) });
  const stored = await ctx.db.transaction().execute((tx) =>
    insertChannelContact(tx, { id: ctx.newId(), channel: m.channel, contactId: m.contact.contactId, userId: m.contact.userId, conversationId: conversation.id, displayName: m.contact.name, createdAt: ctx.clock() }),
  );
  // Two deliveries of a new customer's first messages raced: the first contact stored wins.
  return stored ?? (await findChannelContact(ctx.db, m.channel, m.contact))!;
}

/** Agents' replies kept while the window was closed go out, in order, now the customer has written. */
async function releaseHeld(ctx: AppContext, conversationId: string): Promise<void> {
  const held = await listChannelOutbox(ctx.db, conversationId, 'held');
  const now = ctx.clock();
  for (const row of held) {
    await updateChannelOutbox(ctx.db, row.id, { status: 'pending', detail: null, nextAttemptAt: now });
    if (row.messageId) await setMessageDelivery(ctx.db, row.messageId, 'pending', null);
    await ctx.jobs.schedule('channel-send', { outboxId: row.id }, now, `channel-send:${row.id}:${now.getTime()}`);
  }
}

/**
 * A person answered from the Page Inbox (an echo of a message Baton did not send): it joins the
 * transcript as an agent's message, and the thread is theirs, so the AI stays quiet until Baton
 * gets the thread back. Stored once per message id.
 */
export async function recordPageReply(ctx: AppContext, e: { channel: string; contactId: string; providerMessageId: string; text: string; appId: string | null }): Promise<boolean> {
  const contact = await findChannelContact(ctx.db, e.channel, { contactId: e.contactId, userId: null });
  if (!contact) return false;
  const clientMessageId = `${e.channel}:${e.providerMessageId}`;
  if (await findMessageByClientId(ctx.db, contact.conversationId, clientMessageId)) return false;
  await withEvents(ctx, async (tx, emit) => {
    await setThreadOwner(tx, contact.id, e.appId ?? 'page_inbox');
    const m = await insertMessage(tx, { id: ctx.newId(), at: ctx.clock(), conversationId: contact.conversationId, authorKind: 'agent', authorName: 'Page Inbox', text: e.text.slice(0, MAX_TEXT), clientMessageId, action: 'channel_echo' });
    await emit({ type: 'message.created', conversationId: contact.conversationId, payload: { message: wireMessage(m) } });
  });
  ctx.log('info', 'a person answered from the Page Inbox: the AI stays quiet in this conversation', { conversationId: contact.conversationId, appId: e.appId });
  return true;
}

/** Messenger's handover protocol moved the thread: to Baton (the AI may answer again) or to another app. */
export async function noteThreadOwner(ctx: AppContext, e: { channel: string; contactId: string; ownerAppId: string | null }, batonAppId: string | null): Promise<void> {
  const contact = await findChannelContact(ctx.db, e.channel, { contactId: e.contactId, userId: null });
  if (!contact) return;
  const owner = e.ownerAppId && e.ownerAppId === batonAppId ? BATON_OWNS_THREAD : (e.ownerAppId ?? 'another_app');
  await ctx.db.transaction().execute((tx) => setThreadOwner(tx, contact.id, owner));
  ctx.log('info', owner === BATON_OWNS_THREAD ? 'the thread is back with Baton' : 'another app took the thread: the AI stays quiet', { conversationId: contact.conversationId, owner });
}
