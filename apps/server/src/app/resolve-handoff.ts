import { pickLocale, renderCustomerMessage, transition } from '@baton/core';
import type { AgentRecord } from '../adapters/db/repositories/agents.repository.js';
import { getConversation, insertMessage, updateConversation } from '../adapters/db/repositories/conversations.repository.js';
import type { HandoffRecord, Resolution } from '../adapters/db/repositories/handoffs.repository.js';
import { updateHandoff } from '../adapters/db/repositories/handoffs.repository.js';
import type { AppContext } from './context.js';
import { assertOwner, lockHandoff } from './load-handoff.js';
import { wireMessage } from './wire.js';
import { withEvents } from './with-events.js';

/**
 * The agent resolves the handoff with a category, an outcome and a verdict on the handoff itself
 * (needed, unnecessary, too late, wrong team): the learning loop's raw material. The customer is
 * told the case is resolved and asked for a rating.
 */
export async function resolveHandoff(ctx: AppContext, agent: AgentRecord, handoffId: string, resolution: Resolution): Promise<HandoffRecord> {
  return withEvents(ctx, async (tx, emit) => {
    const h = await lockHandoff(tx, handoffId);
    assertOwner(h, agent);
    const now = ctx.clock();
    const done = await updateHandoff(tx, h.id, { status: 'resolved', resolvedAt: now, resolution });
    const conv = (await getConversation(tx, h.conversationId, { forUpdate: true }))!;
    const to = transition(conv.status, 'resolved');
    await updateConversation(tx, conv.id, { status: to });
    const locale = pickLocale(conv.language ?? undefined);
    const text = `${renderCustomerMessage({ kind: 'resolved', caseNumber: conv.caseNumber }, locale)} ${renderCustomerMessage({ kind: 'csat_prompt' }, locale)}`;
    const m = await insertMessage(tx, { id: ctx.newId(), conversationId: conv.id, authorKind: 'system', text, action: 'csat_prompt' });
    await emit({ type: 'handoff.resolved', conversationId: conv.id, handoffId: h.id, agentId: agent.id, payload: { resolution, resolvedAt: now.toISOString() } });
    await emit({ type: 'conversation.status_changed', conversationId: conv.id, handoffId: h.id, payload: { from: conv.status, to, cause: 'resolved' } });
    await emit({ type: 'message.created', conversationId: conv.id, payload: { message: wireMessage(m) } });
    return done;
  });
}
