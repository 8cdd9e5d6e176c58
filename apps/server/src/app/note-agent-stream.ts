import { noteAgentSession } from '../adapters/db/repositories/agents.repository.js';
import type { AppContext } from './context.js';
import { pushWaitingWork } from './offer-waiting-work.js';
import { hasLiveSession } from './queue-state.js';

/**
 * A sign of life of an agent's realtime stream: opened, still open (checked every few seconds),
 * or closed. It is the agent's presence for routing (`routingPresence`), kept in the database so
 * every node sees it, and it lasts BATON_PRESENCE_GRACE_SECONDS past the last sign, so a reload
 * or a short network loss does not take the agent offline while a killed process or a closed
 * laptop does. When it brings the agent back (no live session before it), they are offered the
 * waiting work at once.
 */
export async function noteAgentStream(ctx: AppContext, agentId: string): Promise<void> {
  const seen = await ctx.db.transaction().execute((tx) => noteAgentSession(tx, agentId, ctx.clock()));
  if (!seen || (seen.previous && hasLiveSession(ctx, { sessionSeenAt: seen.previous }))) return;
  ctx.log('info', 'agent connected: available for routing while their workspace is open', { agentId });
  await pushWaitingWork(ctx, agentId);
}
