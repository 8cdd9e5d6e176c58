import { hasHandoffEvent } from '../adapters/db/repositories/events.repository.js';
import { getHandoff } from '../adapters/db/repositories/handoffs.repository.js';
import type { AppContext } from './context.js';
import { withEvents } from './with-events.js';

/** At the SLA deadline: if no person has replied yet, raise the breach for supervisors (once). */
export async function raiseSlaBreach(ctx: AppContext, handoffId: string): Promise<void> {
  const h = await getHandoff(ctx.db, handoffId);
  if (!h || h.firstHumanReplyAt || h.status === 'resolved' || h.status === 'abandoned') return;
  await withEvents(ctx, async (tx, emit) => {
    if (await hasHandoffEvent(tx, 'handoff.sla_breached', handoffId)) return;
    await emit({ type: 'handoff.sla_breached', conversationId: h.conversationId, handoffId, payload: { slaDueAt: h.slaDueAt.toISOString(), priority: h.priority, status: h.status } });
  });
  ctx.log('warn', 'SLA breached: no human reply before the deadline', { handoffId, priority: h.priority });
}
