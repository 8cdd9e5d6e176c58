import { chooseWaitingFor } from '@baton/core';
import { getHandoff, listHandoffs, updateHandoff } from '../adapters/db/repositories/handoffs.repository.js';
import { teamName } from '../adapters/db/repositories/teams.repository.js';
import type { AppContext } from './context.js';
import { agentStates } from './queue-state.js';
import { wireHandoff } from './wire.js';
import { withEvents } from './with-events.js';

/**
 * Push (DESIGN §5): an agent who comes online or frees a slot (resolve, hand back, transfer out)
 * is offered the best waiting handoffs of their teams at once, one per free slot
 * (`chooseWaitingFor`), each with the usual accept timeout. Each offer is made only if the
 * handoff still waits with the offer it had when chosen, so two nodes pushing at once never offer
 * one handoff twice. `except` is a handoff the agent just let go of (a transfer), never offered
 * back to them. Returns the handoffs offered.
 */
export async function offerWaitingWork(ctx: AppContext, agentId: string, opts: { except?: string } = {}): Promise<string[]> {
  const agents = await agentStates(ctx, ctx.db);
  const agent = agents.find((a) => a.id === agentId);
  if (!agent) return [];
  const waiting = (await listHandoffs(ctx.db, { status: 'waiting', limit: 1000 })).filter((h) => h.id !== opts.except);
  const before = new Map(waiting.map((h) => [h.id, h.offeredAgentId]));
  const items = waiting.map((h) => ({ id: h.id, priority: h.priority, slaDueAt: h.slaDueAt.getTime(), createdAt: h.createdAt.getTime(), teamId: h.teamId, offeredAgentId: h.offeredAgentId }));
  const offered: string[] = [];
  for (const id of chooseWaitingFor(agent, items, agents)) {
    const made = await withEvents(ctx, async (tx, emit) => {
      const h = await getHandoff(tx, id, { forUpdate: true });
      if (!h || h.status !== 'waiting' || h.offeredAgentId !== before.get(id)) return false;
      const updated = await updateHandoff(tx, id, { offeredAgentId: agentId });
      await emit({ type: 'handoff.offered', conversationId: h.conversationId, handoffId: id, agentId, payload: { handoff: wireHandoff(updated, await teamName(tx, h.teamId)), previousAgentId: h.offeredAgentId, reason: 'agent_available' } });
      return true;
    });
    if (!made) continue;
    offered.push(id);
    await ctx.jobs.schedule('accept-timeout', { handoffId: id, agentId, phase: 'accept' }, new Date(ctx.clock().getTime() + ctx.config.acceptTimeoutSeconds * 1000), `accept-timeout:${id}:${agentId}:${ctx.newId()}`);
  }
  if (offered.length) ctx.log('info', 'agent available: offered the best waiting handoffs', { agentId, handoffs: offered });
  return offered;
}

/**
 * `offerWaitingWork` after something that already committed (a resolve, a transfer, a stream that
 * opened): a failure to push is logged, never reported as a failure of what came before it, and
 * the work is still offered by the queue's own timers.
 */
export async function pushWaitingWork(ctx: AppContext, agentId: string | null, opts: { except?: string } = {}): Promise<void> {
  if (!agentId) return;
  await offerWaitingWork(ctx, agentId, opts).catch((err: Error) => ctx.log('warn', 'could not offer waiting handoffs to an available agent', { agentId, error: err.message }));
}
