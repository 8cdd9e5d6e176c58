import { toSafeText, ZZendeskMessagingEventSchema } from '@baton/contracts';
import type { TZendeskMessagingEvent } from '@baton/contracts';
import { clipText } from '@baton/core';
import { findIntegrationLink, insertIntegrationLink } from '../../adapters/db/repositories/integrations.repository.js';
import { AGENT_WORKSPACE } from '../../adapters/integrations/zendesk-messaging-client.js';
import type { AppContext } from '../context.js';
import { postCustomerMessage } from '../post-customer-message.js';
import { startConversation } from '../start-conversation.js';
import { closeWaitingHandoff } from './close-waiting-handoff.js';
import { ZENDESK_MESSAGING } from './receive-zendesk-messaging.js';
import { processIntegrationDelivery } from './store-integration-delivery.js';

/**
 * Processes one stored Zendesk messaging event (the `zendesk-delivery` job). A customer's text
 * message is answered while Baton has the conversation; once control has passed to the Agent
 * Workspace, Baton stays silent until Zendesk gives it back. Safe to run twice.
 */
export async function handleZendeskMessaging(ctx: AppContext, deliveryKey: string): Promise<void> {
  await processIntegrationDelivery(ctx, ZENDESK_MESSAGING, deliveryKey, ZZendeskMessagingEventSchema, (event) => process(ctx, event));
}

async function process(ctx: AppContext, event: TZendeskMessagingEvent): Promise<string> {
  const conversation = event.payload?.conversation;
  const message = event.payload?.message;
  if (event.type !== 'conversation:message' || !conversation || !message) return `ignored: ${event.type}`;
  if (message.author.type !== 'user') return 'ignored: not the customer’s message';
  const text = clipText(toSafeText(message.content.type === 'text' ? (message.content.text ?? '') : '').trim(), 20_000);
  if (!text) return 'ignored: no text';
  if (conversation.activeSwitchboardIntegration?.integrationType === AGENT_WORKSPACE) return 'silent: the Agent Workspace has the conversation';
  let link = await findIntegrationLink(ctx.db, ZENDESK_MESSAGING, conversation.id);
  if (!link) {
    const name = message.author.displayName ? clipText(toSafeText(message.author.displayName), 200) : null;
    const { conversation: started } = await startConversation(ctx, { channel: 'zendesk', ...(name ? { customer: { name } } : {}) });
    link = await insertIntegrationLink(ctx.db, { provider: ZENDESK_MESSAGING, externalId: conversation.id, conversationId: started.id, detail: { conversationId: conversation.id }, createdAt: ctx.clock() });
  }
  // Zendesk gave the conversation back to Baton: it takes it up with the whole history.
  await closeWaitingHandoff(ctx, link.conversationId, 'Zendesk');
  const r = await postCustomerMessage(ctx, link.conversationId, { text, clientMessageId: `zendesk:${message.id}` });
  return r.duplicate ? 'duplicate message' : `answered: ${r.replies.length} repl${r.replies.length === 1 ? 'y' : 'ies'}`;
}
