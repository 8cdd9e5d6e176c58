import type { AgentRecord } from '../adapters/db/repositories/agents.repository.js';
import type { MessageRecord } from '../adapters/db/repositories/conversations.repository.js';
import { findMessageByClientId, getConversation, insertMessage } from '../adapters/db/repositories/conversations.repository.js';
import { openHandoffFor, updateHandoff } from '../adapters/db/repositories/handoffs.repository.js';
import { DomainError } from '../errors.js';
import type { AppContext } from './context.js';
import { takeAttachments } from './attachments/take-attachments.js';
import { assertMayTake } from './load-handoff.js';
import { wireMessage } from './wire.js';
import { withEvents } from './with-events.js';

/**
 * An agent writes in the conversation: a reply the customer sees on their channel, or a private
 * note only agents see. Replies need the conversation to be assigned to this agent (supervisors
 * may step in); notes can be left by the agents of the conversation's team. The first reply stops the time-to-human clock.
 */
export async function postAgentMessage(ctx: AppContext, agent: AgentRecord, conversationId: string, input: { text: string; private?: boolean; clientMessageId?: string; attachmentIds?: string[] }): Promise<MessageRecord> {
  if (input.clientMessageId) {
    const existing = await findMessageByClientId(ctx.db, conversationId, input.clientMessageId);
    if (existing) return existing;
  }
  return withEvents(ctx, async (tx, emit) => {
    const conv = await getConversation(tx, conversationId, { forUpdate: true });
    if (!conv) throw new DomainError('CONVERSATION_ERR_NOT_FOUND', `no conversation ${conversationId}`);
    const handoff = await openHandoffFor(tx, conversationId);
    // Notes stay within the team that holds the case (or its assigned agent, or a supervisor); replies need the assignment below.
    if (input.private && conv.assignedAgentId !== agent.id) assertMayTake({ id: handoff?.id ?? conversationId, teamId: conv.teamId, offeredAgentId: handoff?.offeredAgentId ?? null }, agent);
    if (!input.private) {
      if (conv.status !== 'assigned' || !handoff) throw new DomainError('HANDOFF_ERR_NOT_ASSIGNED', 'accept the handoff before replying to the customer', 'conversationId');
      if (conv.assignedAgentId !== agent.id && agent.role === 'agent') throw new DomainError('CONVERSATION_ERR_NOT_YOURS', 'this conversation is assigned to another agent');
    }
    const files = await takeAttachments(tx, conversationId, input.attachmentIds, 'agent');
    const m = await insertMessage(tx, {
      id: ctx.newId(),
      at: ctx.clock(),
      conversationId,
      authorKind: 'agent',
      authorId: agent.id,
      authorName: agent.name,
      text: input.text,
      private: input.private ?? false,
      clientMessageId: input.clientMessageId ?? null,
      attachments: files.records,
    });
    // A file in a private note stays among agents.
    await files.attach(m.id, !input.private);
    if (!input.private && handoff && !handoff.firstHumanReplyAt) await updateHandoff(tx, handoff.id, { firstHumanReplyAt: m.createdAt });
    await emit({ type: 'message.created', conversationId, agentId: agent.id, payload: { message: wireMessage(m) } });
    return m;
  });
}
