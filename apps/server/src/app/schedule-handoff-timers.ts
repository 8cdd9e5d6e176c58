import type { HandoffRecord } from '../adapters/db/repositories/handoffs.repository.js';
import type { AppContext } from './context.js';
import { watchForAbandonment } from './detect-abandonment.js';

/**
 * The durable timers of a waiting handoff: the next queue-position update for the customer, the
 * SLA-breach alert, the abandonment check, and, when it was offered to one agent, the accept
 * timeout. Each is keyed, so
 * scheduling again (a retry, a restart) does not double them, and each handler checks the
 * handoff's state before acting.
 */
export async function scheduleHandoffTimers(ctx: AppContext, handoff: HandoffRecord, opts: { offered: string | null }): Promise<void> {
  const now = ctx.clock().getTime();
  await scheduleQueueUpdate(ctx, handoff.id, new Date(now + ctx.config.queueUpdateSeconds * 1000));
  await ctx.jobs.schedule('sla-breach', { handoffId: handoff.id }, handoff.slaDueAt, `sla-breach:${handoff.id}`);
  await watchForAbandonment(ctx, handoff);
  if (opts.offered) {
    await ctx.jobs.schedule('accept-timeout', { handoffId: handoff.id, agentId: opts.offered }, new Date(now + ctx.config.acceptTimeoutSeconds * 1000), `accept-timeout:${handoff.id}:${opts.offered}`);
  }
}

/** The next look at a waiting handoff's queue (`postQueueUpdate`), once per instant. */
export async function scheduleQueueUpdate(ctx: AppContext, handoffId: string, at: Date): Promise<void> {
  await ctx.jobs.schedule('queue-update', { handoffId }, at, `queue-update:${handoffId}:${at.getTime()}`);
}
