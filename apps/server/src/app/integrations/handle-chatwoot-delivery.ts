import type { TChatwootWebhook } from '@baton/contracts';
import { toSafeText, ZChatwootWebhookSchema } from '@baton/contracts';
import { clipText } from '@baton/core';
import { findMessageByClientId, insertMessage } from '../../adapters/db/repositories/conversations.repository.js';
import { findIntegrationLink, insertIntegrationLink } from '../../adapters/db/repositories/integrations.repository.js';
import type { AppContext } from '../context.js';
import { postCustomerMessage } from '../post-customer-message.js';
import { startConversation } from '../start-conversation.js';
import { wireMessage } from '../wire.js';
import { withEvents } from '../with-events.js';
import { closeWaitingHandoff } from './close-waiting-handoff.js';
import { CHATWOOT } from './receive-chatwoot-webhook.js';
import { processIntegrationDelivery } from './store-integration-delivery.js';

/** Longest customer message taken from Chatwoot, as on every channel. */
const MAX_TEXT = 20_000;

/**
 * Processes one stored Chatwoot delivery (the `chatwoot-delivery` job). Safe to run twice: a
 * processed delivery is skipped, and the customer's message is keyed by Chatwoot's message id.
 *
 * - `message_created` from the customer in a `pending` conversation: Baton decides as always;
 *   its replies go back through the Chatwoot listener. In any other status a person has the
 *   conversation: Baton stays silent, and keeps the customer's messages and the agents' public
 *   replies in its transcript for when the conversation comes back to it.
 * - `message_updated` with a choice submitted on Baton's `input_select`: the choice is the
 *   customer's answer.
 * - `conversation_opened` / `conversation_resolved`: a person took it (or closed it) in Chatwoot,
 *   so Baton's own waiting handoff leaves its queue.
 */
export async function handleChatwootDelivery(ctx: AppContext, deliveryKey: string): Promise<void> {
  await processIntegrationDelivery(ctx, CHATWOOT, deliveryKey, ZChatwootWebhookSchema, (p) => process(ctx, p));
}

async function process(ctx: AppContext, p: TChatwootWebhook): Promise<string> {
  const conversation = p.event.startsWith('conversation_') ? conversationOf(p) : p.conversation;
  const accountId = p.account?.id ?? p.account_id ?? conversation?.account_id;
  if (!conversation || accountId === undefined) return p.event === 'webwidget_triggered' ? 'noted: the visitor opened the widget' : 'ignored: no account or conversation';
  const externalId = `${accountId}:${conversation.id}`;
  switch (p.event) {
    case 'message_created':
    case 'message_updated': {
      const agentText = p.event === 'message_created' ? humanAgentText(p) : null;
      const text = agentText === null ? customerText(p) : null;
      if (text === null && agentText === null) return 'ignored: not a customer or agent message';
      if (conversation.status !== 'pending' || agentText !== null) {
        // A person has it: Baton answers nothing, and keeps the exchange for when it takes the conversation back.
        const link = await findIntegrationLink(ctx.db, CHATWOOT, externalId);
        if (link) await recordMessage(ctx, link.conversationId, { kind: agentText === null ? 'customer' : 'agent', text: (agentText ?? text)!, name: p.sender?.name ?? null, key: `chatwoot:${p.event}:${String(p.id)}` });
        return `silent: the conversation is ${conversation.status ?? 'not pending'} in Chatwoot, a person has it`;
      }
      const conversationId = await linkedConversation(ctx, externalId, { accountId, conversationId: conversation.id, name: p.sender?.name ?? p.meta?.sender?.name ?? null });
      // Chatwoot gave the conversation back to the bot: Baton takes it up with the whole history.
      await closeWaitingHandoff(ctx, conversationId, 'Chatwoot');
      const r = await postCustomerMessage(ctx, conversationId, { text: text!, clientMessageId: `chatwoot:${p.event}:${String(p.id)}` });
      return r.duplicate ? 'duplicate message' : `answered: ${r.replies.length} repl${r.replies.length === 1 ? 'y' : 'ies'}`;
    }
    case 'conversation_opened':
    case 'conversation_resolved': {
      const link = await findIntegrationLink(ctx.db, CHATWOOT, externalId);
      if (!link) return 'ignored: not a conversation Baton has answered';
      return (await closeWaitingHandoff(ctx, link.conversationId, 'Chatwoot')) ? 'closed the waiting handoff: a person has it in Chatwoot' : 'noted';
    }
    default:
      return `ignored: ${p.event}`;
  }
}

/** For `conversation_*` events Chatwoot sends the conversation itself at the top level. */
function conversationOf(p: TChatwootWebhook): { id: number; status?: string | undefined; account_id?: number | undefined } | undefined {
  return typeof p.id === 'number' ? { id: p.id, status: p.status, account_id: p.account_id } : p.conversation;
}

/** The customer's words: an incoming public message's text, or the title of a choice they submitted. */
function customerText(p: TChatwootWebhook): string | null {
  if (p.private) return null;
  let raw: string | null | undefined;
  if (p.event === 'message_created') {
    if (p.message_type !== 'incoming' && p.message_type !== 0) return null;
    raw = p.content;
  } else {
    const submitted = (p.content_attributes as { submitted_values?: { title?: string; value?: string }[] } | undefined)?.submitted_values?.[0];
    raw = submitted?.title ?? submitted?.value;
  }
  const text = clipText(toSafeText(raw ?? '').trim(), MAX_TEXT);
  return text.length ? text : null;
}

/** A public reply written by one of Chatwoot's agents (not by a bot, not a private note). */
function humanAgentText(p: TChatwootWebhook): string | null {
  if (p.private || (p.message_type !== 'outgoing' && p.message_type !== 1) || p.sender?.type !== 'user') return null;
  const text = clipText(toSafeText(p.content ?? '').trim(), MAX_TEXT);
  return text.length ? text : null;
}

/**
 * Keeps a message of a conversation a person has in Chatwoot, without answering it and without
 * changing the conversation's status; keyed by Chatwoot's message id, so a redelivery keeps it once.
 */
async function recordMessage(ctx: AppContext, conversationId: string, m: { kind: 'customer' | 'agent'; text: string; name: string | null; key: string }): Promise<void> {
  if (await findMessageByClientId(ctx.db, conversationId, m.key)) return;
  await withEvents(ctx, async (tx, emit) => {
    const stored = await insertMessage(tx, { id: ctx.newId(), at: ctx.clock(), conversationId, authorKind: m.kind, authorName: m.name ? clipText(toSafeText(m.name), 200) : null, text: m.text, clientMessageId: m.key });
    await emit({ type: 'message.created', conversationId, payload: { message: wireMessage(stored) } });
  });
}

/** The Baton conversation standing for this Chatwoot conversation; started at its first message. */
async function linkedConversation(ctx: AppContext, externalId: string, o: { accountId: number; conversationId: number; name: string | null }): Promise<string> {
  const link = await findIntegrationLink(ctx.db, CHATWOOT, externalId);
  if (link) return link.conversationId;
  const { conversation } = await startConversation(ctx, { channel: CHATWOOT, ...(o.name ? { customer: { name: clipText(toSafeText(o.name), 200) } } : {}) });
  // Two deliveries racing for a new conversation: the first link stands, and both use it.
  return (await insertIntegrationLink(ctx.db, { provider: CHATWOOT, externalId, conversationId: conversation.id, detail: { accountId: o.accountId, conversationId: o.conversationId }, createdAt: ctx.clock() })).conversationId;
}
