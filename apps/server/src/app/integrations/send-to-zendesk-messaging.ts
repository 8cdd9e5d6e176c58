import { quickRepliesForOffer } from '@baton/core';
import { getConversation, listMessages } from '../../adapters/db/repositories/conversations.repository.js';
import { listEventsAfter } from '../../adapters/db/repositories/events.repository.js';
import { getHandoff } from '../../adapters/db/repositories/handoffs.repository.js';
import { findIntegrationLinkByConversation } from '../../adapters/db/repositories/integrations.repository.js';
import { teamName } from '../../adapters/db/repositories/teams.repository.js';
import type { AppContext } from '../context.js';
import { closeWaitingHandoff } from './close-waiting-handoff.js';
import { zendeskTicket } from './create-zendesk-ticket.js';
import { ZENDESK_MESSAGING } from './receive-zendesk-messaging.js';
import { runStep } from './run-step.js';

/**
 * Carries one event of a Zendesk messaging conversation to Zendesk (the `zendesk-outbound` job):
 * the AI's and agents' public messages, and at a handoff `passControl` to the Agent Workspace
 * with the ticket's fields as metadata (the tags, the requester, the mapped custom fields — the
 * brief among them when mapped — and the customer's first message so the ticket holds the whole conversation).
 */
export async function sendToZendeskMessaging(ctx: AppContext, seq: number): Promise<void> {
  const client = ctx.zendeskMessaging;
  const config = ctx.config.zendesk;
  if (!client || !config) return;
  const [event] = await listEventsAfter(ctx.db, seq - 1, { limit: 1 });
  if (!event || event.seq !== seq || !event.conversationId) return;
  const link = await findIntegrationLinkByConversation(ctx.db, ZENDESK_MESSAGING, event.conversationId);
  if (!link) return;
  const step = (what: string, run: Parameters<typeof runStep>[2]) => runStep(ctx, { key: `zendesk:${seq}:${what}`, what, provider: 'Zendesk', conversationId: event.conversationId! }, run);

  if (event.type === 'message.created') {
    const m = event.payload.message;
    if (m.private || (m.author.kind !== 'ai' && m.author.kind !== 'agent')) return;
    const choices = m.author.kind === 'ai' && m.action === 'offer_choice' ? quickRepliesForOffer(m.text) : [];
    await step('post the message', () => client.postMessage(link.externalId, m.text, choices.map((c) => ({ text: c.label, payload: c.id }))));
    return;
  }
  if (event.type !== 'handoff.requested' || !event.handoffId) return;
  const handoff = await getHandoff(ctx.db, event.handoffId);
  const conv = await getConversation(ctx.db, event.conversationId);
  if (!handoff || !conv) return;
  const ticket = zendeskTicket(handoff.brief, config, { team: await teamName(ctx.db, handoff.teamId), requester: conv.customerEmail && conv.emailVerified ? { name: handoff.brief.headline.customerName ?? conv.customerEmail, email: conv.customerEmail } : null });
  const first = (await listMessages(ctx.db, conv.id)).find((m) => m.authorKind === 'customer' && m.clientMessageId?.startsWith('zendesk:'));
  const metadata: Record<string, string> = {
    'dataCapture.systemField.tags': ticket.tags.join(' '),
    ...(ticket.requester ? { 'dataCapture.systemField.requester.name': ticket.requester.name, 'dataCapture.systemField.requester.email': ticket.requester.email } : {}),
    ...Object.fromEntries((ticket.custom_fields ?? []).map((f) => [`dataCapture.ticketField.${f.id}`, f.value])),
    ...(first ? { first_message_id: first.clientMessageId!.slice('zendesk:'.length) } : {}),
  };
  await step('pass control to the Agent Workspace', () => client.passControl(link.externalId, metadata));
  await closeWaitingHandoff(ctx, event.conversationId, 'Zendesk');
}
