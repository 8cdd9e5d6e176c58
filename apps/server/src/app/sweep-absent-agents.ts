import { absentAgentsWithWaitingCustomers } from '../adapters/db/repositories/agents.repository.js';
import type { AppContext } from './context.js';
import { releaseAbsentAgent } from './release-absent-agent.js';

/** The sweep's one queued run for the whole installation: every node books it, one is kept. */
const SWEEP_KEY = 'presence-sweep';

/**
 * Books the next presence sweep for when the grace period from now runs out, on the app's clock.
 * The queue keeps one booked sweep for the installation whatever the number of nodes booking it
 * (at start, and each run booking the next).
 */
export async function bookPresenceSweep(ctx: AppContext): Promise<void> {
  const runAt = new Date(ctx.clock().getTime() + ctx.config.presenceGraceSeconds * 1000);
  await ctx.jobs.schedule('presence-sweep', {}, runAt, SWEEP_KEY);
}

/**
 * The presence check that does not depend on the node holding the stream: a node killed outright
 * (SIGKILL, out of memory) closes no stream and books no `presence-check`, so its agents would
 * stay assigned, their customers waiting, until an answer timeout. Every agent last heard from
 * longer than BATON_PRESENCE_GRACE_SECONDS ago on whom a customer waits is released as a closed
 * workspace would release them (`releaseAbsentAgent`); a run that finds them released already, or
 * back, does nothing. Returns the handoffs put back in the queue.
 */
export async function sweepAbsentAgents(ctx: AppContext): Promise<string[]> {
  const seenBefore = new Date(ctx.clock().getTime() - ctx.config.presenceGraceSeconds * 1000);
  const released: string[] = [];
  for (const agentId of await absentAgentsWithWaitingCustomers(ctx.db, seenBefore)) {
    released.push(...(await releaseAbsentAgent(ctx, agentId)));
  }
  if (released.length) ctx.log('info', 'presence sweep: agents not heard from past the grace period had customers waiting on them; back in the queue', { handoffs: released });
  return released;
}
