import { FALLBACK_TEAM_NAME, firstName, pickLocale, renderCustomerMessage } from '@baton/core';
import { getAgent } from '../adapters/db/repositories/agents.repository.js';
import { getConversation, insertMessage, lastSpeaker } from '../adapters/db/repositories/conversations.repository.js';
import type { HandoffRecord } from '../adapters/db/repositories/handoffs.repository.js';
import { getHandoff, listHandoffs } from '../adapters/db/repositories/handoffs.repository.js';
import { chooseNextAgent } from './choose-next-agent.js';
import type { AppContext } from './context.js';
import * as lifecycle from './conversation-lifecycle.js';
import { hasLiveSession } from './queue-state.js';
import { reassignHandoff } from './reassign-handoff.js';
import { scheduleHandoffTimers } from './schedule-handoff-timers.js';
import { wireHandoff, wireMessage } from './wire.js';
import { withEvents } from './with-events.js';

/**
 * Books a presence check of the agent for the moment the grace period from now runs out: one of
 * their streams closed, or they signed out. By then a reload or another tab has been heard from,
 * or they are gone (see `releaseAbsentAgent`).
 */
export async function watchAgentPresence(ctx: AppContext, agentId: string): Promise<void> {
  const runAt = new Date(ctx.clock().getTime() + (ctx.config.presenceGraceSeconds + 1) * 1000);
  await ctx.jobs.schedule('presence-check', { agentId }, runAt, `presence-check:${agentId}:${runAt.getTime()}`);
}

/** A customer waits on the agent when the agent has not answered yet, or the customer spoke last. */
async function waitsOnAgent(ctx: AppContext, h: HandoffRecord): Promise<boolean> {
  return !h.firstHumanReplyAt || (await lastSpeaker(ctx.db, h.conversationId)) === 'customer';
}

/**
 * An agent with no live workspace for BATON_PRESENCE_GRACE_SECONDS (a closed laptop, a lost
 * network, a sign-out at the end of a shift) leaves no customer waiting on them until the answer
 * timeout: each conversation assigned to them in which the customer waits for a reply goes back
 * to its team's queue through the lifecycle (`agent_offline`), brief and history kept, with a
 * private note saying why, a line telling the customer in their language, and an offer to the
 * best online agent at once. A conversation whose last word is the agent's stays with them: the
 * customer is not waiting on anyone. So does one they accepted within the grace (an accept through
 * the API is a sign of life). Handoffs only offered to them move on at once too. An agent heard
 * from again (a reload, another tab) keeps everything; a repeated or late run does nothing.
 * Returns the handoffs put back in the queue.
 */
export async function releaseAbsentAgent(ctx: AppContext, agentId: string): Promise<string[]> {
  const agent = await getAgent(ctx.db, agentId);
  if (!agent || hasLiveSession(ctx, agent)) return [];
  const released: string[] = [];
  // Accepting is a sign of life too (through the API, with no stream open): what was accepted within the grace stays.
  const acceptedBefore = ctx.clock().getTime() - ctx.config.presenceGraceSeconds * 1000;
  for (const h of await listHandoffs(ctx.db, { status: 'assigned', agentId, limit: 1000 })) {
    if ((h.acceptedAt && h.acceptedAt.getTime() >= acceptedBefore) || !(await waitsOnAgent(ctx, h))) continue;
    const conv = await getConversation(ctx.db, h.conversationId);
    if (!conv) continue;
    const { team, next } = await chooseNextAgent(ctx, h, agentId, conv.channel);
    const moved = await withEvents(ctx, async (tx, emit) => {
      const fresh = await getHandoff(tx, h.id, { forUpdate: true });
      if (!fresh || fresh.status !== 'assigned' || fresh.agentId !== agentId) return null;
      // A stream that opened since the check began keeps the conversation with its agent.
      const now = await getAgent(tx, agentId);
      if (!now || hasLiveSession(ctx, now)) return null;
      const back = await lifecycle.releaseFromAgent({ tx, emit }, fresh, ctx.clock(), next?.id ?? null);
      await emit({ type: 'handoff.offered', conversationId: conv.id, handoffId: h.id, agentId: next?.id ?? null, payload: { handoff: wireHandoff(back.handoff, team?.name ?? null), previousAgentId: agentId, reason: 'agent_offline' } });
      const note = await insertMessage(tx, {
        id: ctx.newId(),
        at: ctx.clock(),
        conversationId: conv.id,
        authorKind: 'system',
        text: `Back in the queue: ${agent.name} went offline (no open workspace for ${ctx.config.presenceGraceSeconds} seconds) while the customer was waiting for a reply.${next ? ` Offered to ${next.name}.` : ''}`,
        private: true,
        action: 'agent_offline',
      });
      await emit({ type: 'message.created', conversationId: conv.id, payload: { message: wireMessage(note) } });
      const told = renderCustomerMessage({ kind: 'agent_away', agentName: firstName(agent.name), teamName: team?.name ?? FALLBACK_TEAM_NAME }, pickLocale(conv.language ?? undefined));
      const line = await insertMessage(tx, { id: ctx.newId(), at: ctx.clock(), conversationId: conv.id, authorKind: 'system', text: told, action: 'agent_away' });
      await emit({ type: 'message.created', conversationId: conv.id, payload: { message: wireMessage(line) } });
      return back.handoff;
    });
    if (!moved) continue;
    released.push(moved.id);
    await scheduleHandoffTimers(ctx, moved, { offered: moved.offeredAgentId });
  }
  // Offers waiting on them move on at once (an agent is offered a handful at most).
  for (const offered of await listHandoffs(ctx.db, { status: 'waiting', offeredAgentId: agentId, limit: 1000 })) {
    await reassignHandoff(ctx, { handoffId: offered.id, agentId, phase: 'accept', offline: true });
  }
  if (released.length) ctx.log('info', 'agent offline past the grace period: conversations waiting on their reply are back in the queue', { agentId, handoffs: released });
  return released;
}
