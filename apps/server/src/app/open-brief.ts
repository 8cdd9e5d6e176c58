import type { AgentRecord } from '../adapters/db/repositories/agents.repository.js';
import type { HandoffRecord } from '../adapters/db/repositories/handoffs.repository.js';
import { getHandoff, updateHandoff } from '../adapters/db/repositories/handoffs.repository.js';
import { DomainError } from '../errors.js';
import type { AppContext } from './context.js';
import { assertMayTake } from './load-handoff.js';
import { withEvents } from './with-events.js';

/** Context utilisation (DESIGN §8): the first time an agent opens a handoff's brief is recorded, once. */
export async function openBrief(ctx: AppContext, agent: AgentRecord, handoffId: string): Promise<HandoffRecord> {
  return withEvents(ctx, async (tx, emit) => {
    const found = await getHandoff(tx, handoffId);
    if (!found) throw new DomainError('HANDOFF_ERR_NOT_FOUND', `no handoff ${handoffId}`);
    // The measure is whether the agent who works the case read its brief: nobody else may mark it.
    if (found.agentId && found.agentId !== agent.id) throw new DomainError('AUTH_ERR_FORBIDDEN', `handoff ${handoffId} is assigned to another agent; only they can mark its brief as opened`);
    if (!found.agentId) assertMayTake(found, agent);
    if (found.briefOpenedAt) return found;
    const updated = await updateHandoff(tx, found.id, { briefOpenedAt: ctx.clock() });
    await emit({ type: 'handoff.brief_opened', conversationId: found.conversationId, handoffId: found.id, agentId: agent.id, payload: {} });
    return updated;
  });
}
