import { pickLocale, renderCustomerMessage } from '@baton/core';
import type { AgentRecord } from '../adapters/db/repositories/agents.repository.js';
import { insertMessage } from '../adapters/db/repositories/conversations.repository.js';
import type { HandoffRecord, Resolution } from '../adapters/db/repositories/handoffs.repository.js';
import type { AppContext } from './context.js';
import * as lifecycle from './conversation-lifecycle.js';
import { assertOwner, lockHandoff } from './load-handoff.js';
import { wireMessage } from './wire.js';
import { pushWaitingWork } from './offer-waiting-work.js';
import { withEvents } from './with-events.js';

/**
 * The agent resolves the handoff with a category, an outcome and a verdict on the handoff itself
 * (needed, unnecessary, too late, wrong team): the learning loop's raw material. The customer is
 * told the case is resolved and asked for a rating.
 */
export async function resolveHandoff(ctx: AppContext, agent: AgentRecord, handoffId: string, resolution: Resolution & Required<Pick<Resolution, 'verdict'>>): Promise<HandoffRecord> {
  const resolved = await withEvents(ctx, async (tx, emit) => {
    const h = await lockHandoff(tx, handoffId);
    assertOwner(h, agent);
    const { conversation: conv, handoff: done } = await lifecycle.resolve({ tx, emit }, h, agent, resolution, ctx.clock());
    const locale = pickLocale(conv.language ?? undefined);
    const text = `${renderCustomerMessage({ kind: 'resolved', caseNumber: conv.caseNumber }, locale)} ${renderCustomerMessage({ kind: 'csat_prompt' }, locale)}`;
    const m = await insertMessage(tx, { id: ctx.newId(), at: ctx.clock(), conversationId: conv.id, authorKind: 'system', text, action: 'csat_prompt' });
    await emit({ type: 'message.created', conversationId: conv.id, payload: { message: wireMessage(m) } });
    return done;
  });
  // The slot it held is free: the best waiting handoff is offered to its agent at once.
  await pushWaitingWork(ctx, resolved.agentId);
  return resolved;
}
