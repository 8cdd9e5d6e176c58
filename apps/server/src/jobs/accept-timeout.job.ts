import { chooseAgent } from '@baton/core';
import { z } from 'zod';
import { getTeamByName } from '../adapters/db/repositories/agents.repository.js';
import { getHandoff, updateHandoff } from '../adapters/db/repositories/handoffs.repository.js';
import type { AppContext } from '../app/context.js';
import { agentStates } from '../app/queue-state.js';
import { wireHandoff } from '../app/wire.js';
import { withEvents } from '../app/with-events.js';

const ZData = z.object({ handoffId: z.string().min(1), agentId: z.string().min(1) });

/**
 * When the agent a handoff was offered to has not accepted in time, offer it to the next best
 * agent (never the same one twice in a row), and schedule the next timeout.
 */
export async function acceptTimeoutJob(ctx: AppContext, raw: unknown): Promise<void> {
  const { handoffId, agentId } = ZData.parse(raw);
  const h = await getHandoff(ctx.db, handoffId);
  if (!h || h.status !== 'waiting' || h.offeredAgentId !== agentId) return;
  const team = h.teamId ? await getTeamByName(ctx.db, h.teamId) : null;
  const agents = (await agentStates(ctx.db)).filter((a) => a.id !== agentId);
  const language = h.brief.language ?? 'en';
  const next = team ? chooseAgent({ language, channel: 'web', priority: h.priority }, team.id, agents) : null;
  const moved = await withEvents(ctx, async (tx, emit) => {
    const fresh = await getHandoff(tx, handoffId);
    if (!fresh || fresh.status !== 'waiting' || fresh.offeredAgentId !== agentId) return null;
    const updated = await updateHandoff(tx, handoffId, { offeredAgentId: next?.id ?? null });
    await emit({ type: 'handoff.offered', conversationId: h.conversationId, handoffId, agentId: next?.id ?? null, payload: { handoff: wireHandoff(updated, team?.name ?? null), previousAgentId: agentId, reason: 'accept_timeout' } });
    return updated;
  });
  if (moved && next) {
    await ctx.jobs.schedule('accept-timeout', { handoffId, agentId: next.id }, new Date(ctx.clock().getTime() + ctx.config.acceptTimeoutSeconds * 1000), `accept-timeout:${handoffId}:${next.id}`);
  }
  ctx.log('info', 'handoff not accepted in time; offered to the next agent', { handoffId, from: agentId, to: next?.id ?? 'the whole team' });
}
