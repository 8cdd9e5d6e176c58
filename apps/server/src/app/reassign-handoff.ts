import { getAgent } from '../adapters/db/repositories/agents.repository.js';
import { insertMessage } from '../adapters/db/repositories/conversations.repository.js';
import type { HandoffRecord } from '../adapters/db/repositories/handoffs.repository.js';
import { getHandoff, updateHandoff } from '../adapters/db/repositories/handoffs.repository.js';
import type { AppContext } from './context.js';
import { chooseNextAgent } from './choose-next-agent.js';
import * as lifecycle from './conversation-lifecycle.js';
import { watchForAbandonment } from './detect-abandonment.js';
import { wireHandoff, wireMessage } from './wire.js';
import { withEvents } from './with-events.js';

/**
 * Nobody is left waiting on one agent (DESIGN §5). `accept`: the agent a handoff was offered to
 * has not accepted in time, so it is offered to the next best agent. `answer`: the agent accepted
 * but has not replied in time, so the conversation goes back to the queue, with a private note,
 * and is offered to someone else. Never to the same agent twice in a row; each run acts only from
 * the state it expects, so a late or repeated run does nothing. `offline` says the offer moves on
 * because its agent went offline rather than because its time ran out.
 */
export async function reassignHandoff(ctx: AppContext, o: { handoffId: string; agentId: string; phase: 'accept' | 'answer'; offline?: boolean }): Promise<void> {
  const { handoffId, agentId, phase } = o;
  const h = await getHandoff(ctx.db, handoffId);
  if (!h) return;
  if (phase === 'accept' && (h.status !== 'waiting' || h.offeredAgentId !== agentId)) return;
  if (phase === 'answer' && (h.status !== 'assigned' || h.agentId !== agentId || h.firstHumanReplyAt)) return;
  const { team, next } = await chooseNextAgent(ctx, h, agentId);
  const reason = o.offline ? 'agent_offline' : phase === 'accept' ? 'accept_timeout' : 'answer_timeout';
  const moved = await withEvents(ctx, async (tx, emit) => {
    const fresh = await getHandoff(tx, handoffId);
    if (!fresh) return null;
    let updated: HandoffRecord;
    if (phase === 'accept') {
      if (fresh.status !== 'waiting' || fresh.offeredAgentId !== agentId) return null;
      updated = await updateHandoff(tx, handoffId, { offeredAgentId: next?.id ?? null });
    } else {
      if (fresh.status !== 'assigned' || fresh.agentId !== agentId || fresh.firstHumanReplyAt) return null;
      const back = await lifecycle.returnToQueue({ tx, emit }, fresh, next?.id ?? null, ctx.clock());
      updated = back.handoff;
      const who = (await getAgent(tx, agentId))?.name ?? 'the agent';
      const note = await insertMessage(tx, {
        id: ctx.newId(),
        at: ctx.clock(),
        conversationId: back.conversation.id,
        authorKind: 'system',
        text: `Back in the queue: ${who} accepted but did not reply within ${Math.round(ctx.config.answerTimeoutSeconds / 60)} minutes.`,
        private: true,
        action: 'answer_timeout',
      });
      await emit({ type: 'message.created', conversationId: back.conversation.id, payload: { message: wireMessage(note) } });
    }
    await emit({ type: 'handoff.offered', conversationId: h.conversationId, handoffId, agentId: next?.id ?? null, payload: { handoff: wireHandoff(updated, team?.name ?? null), previousAgentId: agentId, reason } });
    return updated;
  });
  // Back in the live queue: the customer may leave it again.
  if (moved && phase === 'answer') await watchForAbandonment(ctx, moved);
  if (moved && next) {
    await ctx.jobs.schedule('accept-timeout', { handoffId, agentId: next.id, phase: 'accept' }, new Date(ctx.clock().getTime() + ctx.config.acceptTimeoutSeconds * 1000), `accept-timeout:${handoffId}:${next.id}`);
  }
  if (moved) ctx.log('info', phase === 'accept' ? 'handoff not accepted in time; offered to the next agent' : 'accepted handoff not answered in time; back in the queue', { handoffId, from: agentId, to: next?.id ?? 'the whole team' });
}
