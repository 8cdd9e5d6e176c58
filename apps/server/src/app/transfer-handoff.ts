import { FALLBACK_TEAM_NAME, pickLocale, renderCustomerMessage } from '@baton/core';
import type { AgentRecord } from '../adapters/db/repositories/agents.repository.js';
import { getAgent } from '../adapters/db/repositories/agents.repository.js';
import { getTeamByName } from '../adapters/db/repositories/teams.repository.js';
import { insertMessage } from '../adapters/db/repositories/conversations.repository.js';
import type { HandoffRecord } from '../adapters/db/repositories/handoffs.repository.js';
import { getHandoff } from '../adapters/db/repositories/handoffs.repository.js';
import { DomainError } from '../errors.js';
import type { AppContext } from './context.js';
import { chooseNextAgent } from './choose-next-agent.js';
import * as lifecycle from './conversation-lifecycle.js';
import { assertOwner, lockHandoff } from './load-handoff.js';
import { scheduleHandoffTimers } from './schedule-handoff-timers.js';
import { wireHandoff, wireMessage } from './wire.js';
import { pushWaitingWork } from './offer-waiting-work.js';
import { withEvents } from './with-events.js';

/**
 * Transfers an assigned conversation to another team or agent, with a private note for whoever
 * picks it up. It goes back to the queue with its brief, its SLA clock unchanged (the customer's
 * wait does not start again), offered to the named agent, or else to the best online agent of the
 * team with a free slot, who is told at once (`handoff.offered`, reason `transferred`).
 */
export async function transferHandoff(ctx: AppContext, agent: AgentRecord, handoffId: string, to: { teamId?: string; agentId?: string; note: string }): Promise<HandoffRecord> {
  const target = to.agentId ? await getAgent(ctx.db, to.agentId) : null;
  if (to.agentId && !target) throw new DomainError('AGENT_ERR_NOT_FOUND', `no agent ${to.agentId}`, 'agentId');
  const team = to.teamId ? await getTeamByName(ctx.db, to.teamId) : null;
  if (to.teamId && !team) throw new DomainError('TEAM_ERR_NOT_FOUND', `no team ${to.teamId}`, 'teamId');
  // Sent to a team: its best online agent with a free slot is offered it at once, as a new handoff would be.
  const before = await getHandoff(ctx.db, handoffId);
  const offerTo = !target && before ? (await chooseNextAgent(ctx, { ...before, teamId: team?.id ?? before.teamId }, agent.id)).next : null;
  const result = await withEvents(ctx, async (tx, emit) => {
    const h = await lockHandoff(tx, handoffId);
    assertOwner(h, agent);
    const teamId = team?.id ?? (target?.teamIds[0] ?? h.teamId);
    const teamName = team?.name ?? (teamId ? (await getTeamByName(tx, teamId))?.name ?? null : null);
    const { conversation: conv, handoff: moved } = await lifecycle.transfer({ tx, emit }, h, agent, { teamId, teamName, agentId: target?.id ?? null, offerTo: offerTo?.id ?? null, note: to.note }, ctx.clock());
    if (moved.offeredAgentId) {
      await emit({ type: 'handoff.offered', conversationId: conv.id, handoffId: h.id, agentId: moved.offeredAgentId, payload: { handoff: wireHandoff(moved, teamName), previousAgentId: agent.id, reason: 'transferred' } });
    }
    const where = target ? target.name : (team?.name ?? 'the queue');
    const note = await insertMessage(tx, { id: ctx.newId(), at: ctx.clock(), conversationId: conv.id, authorKind: 'agent', authorId: agent.id, authorName: agent.name, text: `Transferred to ${where}: ${to.note}`, private: true, action: 'transfer_note' });
    await emit({ type: 'message.created', conversationId: conv.id, payload: { message: wireMessage(note) } });
    // The customer is told they are being passed on (and, once someone accepts, who they are with now).
    const told = renderCustomerMessage({ kind: 'transfer_started', teamName: teamName ?? FALLBACK_TEAM_NAME }, pickLocale(conv.language ?? undefined));
    const line = await insertMessage(tx, { id: ctx.newId(), at: ctx.clock(), conversationId: conv.id, authorKind: 'system', text: told, action: 'transferred' });
    await emit({ type: 'message.created', conversationId: conv.id, payload: { message: wireMessage(line) } });
    return { moved, from: h.agentId };
  });
  await scheduleHandoffTimers(ctx, result.moved, { offered: result.moved.offeredAgentId });
  // The transferring agent's slot is free: the best waiting handoff is offered to them at once.
  await pushWaitingWork(ctx, result.from, { except: result.moved.id });
  return result.moved;
}
