import { FALLBACK_TEAM_NAME, firstName, pickLocale, renderCustomerMessage } from '@baton/core';
import type { AgentRecord } from '../adapters/db/repositories/agents.repository.js';
import { agentLoads, lockAgentCapacity, updateAgent } from '../adapters/db/repositories/agents.repository.js';
import { getDefaultTeam, teamName } from '../adapters/db/repositories/teams.repository.js';
import { insertMessage } from '../adapters/db/repositories/conversations.repository.js';
import type { HandoffRecord } from '../adapters/db/repositories/handoffs.repository.js';
import { getHandoff } from '../adapters/db/repositories/handoffs.repository.js';
import { DomainError } from '../errors.js';
import type { AppContext } from './context.js';
import * as lifecycle from './conversation-lifecycle.js';
import { assertMayTake } from './load-handoff.js';
import { wireMessage } from './wire.js';
import { withEvents } from './with-events.js';

/**
 * An agent takes a waiting handoff of their team (or offered to them; supervisors take any). The claim is one conditional update, so when two agents
 * accept at the same moment exactly one wins; the other gets HANDOFF_ERR_ALREADY_ACCEPTED. The
 * customer is told who joined.
 *
 * Capacity holds (DESIGN §5): an agent whose open conversations already fill their capacity is
 * refused with HANDOFF_ERR_AGENT_AT_CAPACITY, unless a supervisor or an admin overrides it on
 * purpose (`override`, logged). The agent's row is locked while their load is counted, so a double
 * click or two tabs cannot both take the last slot.
 */
export async function acceptHandoff(ctx: AppContext, agent: AgentRecord, handoffId: string, opts: { override?: boolean } = {}): Promise<HandoffRecord> {
  if (opts.override && agent.role === 'agent') throw new DomainError('HANDOFF_ERR_OVERRIDE_FORBIDDEN', 'only a supervisor or an admin can accept beyond capacity', 'override');
  const team = await teamNameOf(ctx, handoffId);
  let overrode = false;
  const accepted = await withEvents(ctx, async (tx, emit) => {
    const now = ctx.clock();
    const waiting = await getHandoff(tx, handoffId);
    if (waiting) assertMayTake(waiting, agent);
    if (waiting?.status === 'waiting') {
      const capacity = (await lockAgentCapacity(tx, agent.id)) ?? agent.capacity;
      const load = (await agentLoads(tx)).get(agent.id) ?? 0;
      if (load >= capacity) {
        if (!opts.override) throw new DomainError('HANDOFF_ERR_AGENT_AT_CAPACITY', `you hold ${load} open conversations and your capacity is ${capacity}; resolve, hand back or transfer one first, or ask a supervisor to accept with override`);
        overrode = true;
      }
    }
    const { conversation: conv, handoff: claimed } = await lifecycle.accept({ tx, emit }, handoffId, agent, now, team);
    await updateAgent(tx, agent.id, { lastAssignedAt: now });
    // A conversation someone already had (a transfer, or a return to the queue) tells the customer who they are with now.
    const kind = waiting?.acceptedAt ? 'agent_transferred' : 'agent_joined';
    const text = renderCustomerMessage({ kind, agentName: firstName(agent.name), teamName: team }, pickLocale(conv.language ?? undefined));
    const joined = await insertMessage(tx, { id: ctx.newId(), at: now, conversationId: conv.id, authorKind: 'system', text, action: 'agent_joined' });
    await emit({ type: 'message.created', conversationId: conv.id, payload: { message: wireMessage(joined) } });
    return claimed;
  });
  if (overrode) ctx.log('info', 'handoff accepted beyond capacity by override', { handoffId, agentId: agent.id, capacity: agent.capacity });
  // An agent who accepts and then goes quiet does not hold the customer: after the answer timeout
  // the conversation goes back to the queue.
  const due = new Date(ctx.clock().getTime() + ctx.config.answerTimeoutSeconds * 1000);
  await ctx.jobs.schedule('accept-timeout', { handoffId, agentId: agent.id, phase: 'answer' }, due, `answer-timeout:${handoffId}:${agent.id}`);
  return accepted;
}

// The handoff's team; one without a team (the workspace had none) is presented as the default team's.
async function teamNameOf(ctx: AppContext, handoffId: string): Promise<string> {
  const h = await getHandoff(ctx.db, handoffId);
  return (await teamName(ctx.db, h?.teamId ?? null)) ?? (await getDefaultTeam(ctx.db))?.name ?? FALLBACK_TEAM_NAME;
}
