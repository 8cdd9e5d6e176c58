import { FALLBACK_TEAM_NAME, firstName, pickLocale, renderCustomerMessage } from '@baton/core';
import type { AgentRecord } from '../adapters/db/repositories/agents.repository.js';
import { updateAgent } from '../adapters/db/repositories/agents.repository.js';
import { getDefaultTeam, teamName } from '../adapters/db/repositories/teams.repository.js';
import { insertMessage } from '../adapters/db/repositories/conversations.repository.js';
import type { HandoffRecord } from '../adapters/db/repositories/handoffs.repository.js';
import { getHandoff } from '../adapters/db/repositories/handoffs.repository.js';
import type { AppContext } from './context.js';
import * as lifecycle from './conversation-lifecycle.js';
import { assertMayTake } from './load-handoff.js';
import { wireMessage } from './wire.js';
import { withEvents } from './with-events.js';

/**
 * An agent takes a waiting handoff of their team (or offered to them; supervisors take any). The claim is one conditional update, so when two agents
 * accept at the same moment exactly one wins; the other gets HANDOFF_ERR_ALREADY_ACCEPTED. The
 * customer is told who joined.
 */
export async function acceptHandoff(ctx: AppContext, agent: AgentRecord, handoffId: string): Promise<HandoffRecord> {
  const team = await teamNameOf(ctx, handoffId);
  const accepted = await withEvents(ctx, async (tx, emit) => {
    const now = ctx.clock();
    const waiting = await getHandoff(tx, handoffId);
    if (waiting) assertMayTake(waiting, agent);
    const { conversation: conv, handoff: claimed } = await lifecycle.accept({ tx, emit }, handoffId, agent, now, team);
    await updateAgent(tx, agent.id, { lastAssignedAt: now });
    // A conversation someone already had (a transfer, or a return to the queue) tells the customer who they are with now.
    const kind = waiting?.acceptedAt ? 'agent_transferred' : 'agent_joined';
    const text = renderCustomerMessage({ kind, agentName: firstName(agent.name), teamName: team }, pickLocale(conv.language ?? undefined));
    const joined = await insertMessage(tx, { id: ctx.newId(), conversationId: conv.id, authorKind: 'system', text, action: 'agent_joined' });
    await emit({ type: 'message.created', conversationId: conv.id, payload: { message: wireMessage(joined) } });
    return claimed;
  });
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
