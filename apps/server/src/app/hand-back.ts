import { pickLocale, renderCustomerMessage, transition } from '@baton/core';
import type { AgentRecord } from '../adapters/db/repositories/agents.repository.js';
import { getConversation, insertMessage, updateConversation } from '../adapters/db/repositories/conversations.repository.js';
import type { HandoffRecord } from '../adapters/db/repositories/handoffs.repository.js';
import { updateHandoff } from '../adapters/db/repositories/handoffs.repository.js';
import type { AppContext } from './context.js';
import { assertOwner, lockHandoff } from './load-handoff.js';
import { wireMessage } from './wire.js';
import { withEvents } from './with-events.js';

/** The agent hands the conversation back to the AI; the handoff closes as resolved with outcome "handed back". */
export async function handBack(ctx: AppContext, agent: AgentRecord, handoffId: string, note?: string): Promise<HandoffRecord> {
  return withEvents(ctx, async (tx, emit) => {
    const h = await lockHandoff(tx, handoffId);
    assertOwner(h, agent);
    const done = await updateHandoff(tx, h.id, { status: 'resolved', resolvedAt: ctx.clock(), resolution: { category: 'handed_back', outcome: 'handed_back', verdict: 'unnecessary', ...(note ? { note } : {}) } });
    const conv = (await getConversation(tx, h.conversationId, { forUpdate: true }))!;
    const to = transition(conv.status, 'handed_back');
    await updateConversation(tx, conv.id, { status: to, assignedAgentId: null });
    const m = await insertMessage(tx, { id: ctx.newId(), conversationId: conv.id, authorKind: 'system', text: renderCustomerMessage({ kind: 'handed_back' }, pickLocale(conv.language ?? undefined)), action: 'handed_back' });
    await emit({ type: 'handoff.handed_back', conversationId: conv.id, handoffId: h.id, agentId: agent.id, payload: { note: note ?? null } });
    await emit({ type: 'conversation.status_changed', conversationId: conv.id, handoffId: h.id, payload: { from: conv.status, to, cause: 'handed_back' } });
    await emit({ type: 'message.created', conversationId: conv.id, payload: { message: wireMessage(m) } });
    return done;
  });
}
