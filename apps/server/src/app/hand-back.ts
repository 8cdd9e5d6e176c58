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

/** The agent hands the conversation back to the AI; the handoff closes as resolved with outcome "handed back". */
export async function handBack(ctx: AppContext, agent: AgentRecord, handoffId: string, note?: string, verdict?: Resolution['verdict']): Promise<HandoffRecord> {
  const done = await withEvents(ctx, async (tx, emit) => {
    const h = await lockHandoff(tx, handoffId);
    assertOwner(h, agent);
    const { conversation: conv, handoff: closed } = await lifecycle.handBack({ tx, emit }, h, agent, note, ctx.clock(), verdict);
    const m = await insertMessage(tx, { id: ctx.newId(), at: ctx.clock(), conversationId: conv.id, authorKind: 'system', text: renderCustomerMessage({ kind: 'handed_back' }, pickLocale(conv.language ?? undefined)), action: 'handed_back' });
    await emit({ type: 'message.created', conversationId: conv.id, payload: { message: wireMessage(m) } });
    return closed;
  });
  // The slot it held is free: the best waiting handoff is offered to its agent at once.
  await pushWaitingWork(ctx, done.agentId);
  return done;
}
